#pragma once
// The network as a graph: one box per layer placed by Graphviz dot (top to
// bottom), dependencies drawn as dot's splines. Wheel zooms around the
// cursor (+ / - / F / Home / 1 keys too), dragging pans, a search
// highlights layers by name.
//
// Large networks open collapsed: repeated blocks found from the layer names
// ("features.3", see graph_blocks.h) are drawn as one box each, expanded by
// a double-click on the box (a double-click on a layer folds its block back).
// A design point colours the boxes by its per-layer decisions
// (point_colouring.h), with a badge of latency and shares, the full
// decision in the tooltips and the categories in the legend.
//
// The view is fed whole snapshots; the layout of the whole network was
// computed in the job that built the snapshot. Layouts of collapsed graphs
// (tens of boxes) are computed on demand and cached.

#include <QGraphicsView>

#include <map>
#include <optional>
#include <vector>

#include "core/explore/exploration.h"
#include "views/graph_blocks.h"
#include "views/network_snapshot.h"
#include "views/point_colouring.h"

namespace tessera::views {

class GraphEdgeItem;
class GraphNodeItem;
class OpLegendWidget;

class NetworkGraphView : public QGraphicsView {
    Q_OBJECT
public:
    explicit NetworkGraphView(QWidget* parent = nullptr);
    ~NetworkGraphView() override;

    // Replaces the scene; nullptr shows nothing. Clears selection and search.
    // Networks of more than kCollapseAboveLayers layers open collapsed. A
    // design point already set stays and colours the new network.
    void setSnapshot(NetworkSnapshotPtr snapshot);
    const NetworkSnapshotPtr& snapshot() const { return m_snapshot; }

    // Colours the layers by the point's decisions (the view keeps a copy);
    // nullptr goes back to colouring by op family.
    void setDesignPoint(const core::DesignPoint* point);
    bool hasDesignPoint() const { return m_point.has_value(); }
    // The current point's categories; nullptr without a point.
    const PointColouring* colouring() const { return m_point ? &m_colouring : nullptr; }

    // Boxes shown (layers and collapsed blocks).
    int nodeCount() const { return static_cast<int>(m_nodes.size()); }
    int edgeCount() const { return static_cast<int>(m_edges.size()); }
    // The box that shows the layer (a collapsed block's when it is inside one).
    GraphNodeItem* nodeItem(int layerIndex) const;
    const std::vector<GraphNodeItem*>& nodeItems() const { return m_nodes; }
    // Edges join boxes: from() and to() index nodeItems().
    const std::vector<GraphEdgeItem*>& edgeItems() const { return m_edges; }
    const OpLegendWidget* legend() const { return m_legend; }

    // Collapsing of repeated blocks: true folds the network into its
    // overview (overviewExpansion), false shows every layer.
    void setCollapsed(bool collapsed);
    // True when at least one box stands for a block.
    bool isCollapsed() const;
    const BlockTree& blocks() const { return m_blocks; }
    // Expands the collapsed block that shows the layer; false when the layer is shown on its own.
    bool expandBlockOf(int layerIndex);
    // Folds the innermost expanded block around the layer; false when there is none.
    bool collapseBlockOf(int layerIndex);

    // Layer shown selected, -1 when none.
    int selectedLayer() const { return m_selected; }
    // Current view scale (1 = one scene point per pixel).
    double zoomFactor() const;

    // Outlines several layers at once. Selecting a layer replaces them with
    // its fused group: the layers whose decision has the same choice "group".
    void setHighlightedLayers(std::vector<int> layers);
    const std::vector<int>& highlightedLayers() const { return m_highlighted; }

    // Highlights layers whose name contains `text` (case-insensitive) and
    // centres the best match (exact name, then prefix, then the rest);
    // returns the number of matches. Empty clears.
    int setSearchText(const QString& text);
    const std::vector<int>& searchMatches() const { return m_matches; }
    // Selects and centres the next match (wrapping); -1 when there is none.
    int nextMatch();

    void setLegendVisible(bool visible);

    static constexpr double kMinZoom = 0.02;
    static constexpr double kMaxZoom = 4.0;
    static constexpr int kCollapseAboveLayers = 150;

public slots:
    // Selects the layer's box (its block's when collapsed) and centres it
    // (zooming in when text would be unreadable); emits layerSelected once
    // when the selected layer changes. -1 clears.
    void selectLayer(int layerIndex);
    void zoomIn();
    void zoomOut();
    // Whole graph in the view.
    void fitToView();
    // Readable scale, top of the graph (where the input is) in view.
    void showTop();

signals:
    // The selected layer changed (by a click or selectLayer); -1 when none.
    // Clicking a collapsed block selects its first layer.
    void layerSelected(int layerIndex);
    void zoomChanged(double factor);

protected:
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void rebuildScene();
    const GraphLayout& layoutFor(const DisplayGraph& graph);
    void applyColours();
    void applyPalette();
    void applyMarks();
    void onSceneSelectionChanged();
    void setSelectedIndex(int layerIndex);
    void highlightGroupOf(int layerIndex);
    void highlightEdgesOf(const GraphNodeItem* node, bool on);
    void zoomBy(double factor, ViewportAnchor anchor);
    void placeLegend();
    int nodeIndexOfLayer(int layerIndex) const;

    QGraphicsScene* m_scene;
    OpLegendWidget* m_legend;
    NetworkSnapshotPtr m_snapshot;
    BlockTree m_blocks;
    std::vector<bool> m_expanded;                        // by block
    DisplayGraph m_display;
    std::map<std::vector<bool>, GraphLayout> m_layouts;  // collapsed layouts of this snapshot, by expansion
    std::optional<core::DesignPoint> m_point;
    PointColouring m_colouring;                        // of m_point over m_snapshot's layers
    std::vector<GraphNodeItem*> m_nodes;               // by display node
    std::vector<GraphEdgeItem*> m_edges;
    std::vector<std::vector<int>> m_edgesOfNode;       // edge indices touching each node
    std::vector<int> m_matches;                        // layers
    std::vector<int> m_highlighted;                    // layers
    int m_matchCursor = -1;
    int m_selected = -1;
    bool m_syncing = false;            // selection being set by code
    bool m_initialViewPending = false; // snapshot set before the view had a size
    bool m_keepInitialView = false;    // re-apply showTop() on resize until the user zooms or pans
};

}  // namespace tessera::views
