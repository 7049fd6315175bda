#pragma once
// The network as a graph: one box per layer placed by Graphviz dot (top to
// bottom), dependencies drawn as dot's splines. Wheel zooms around the
// cursor (+ / - / F / Home / 1 keys too), dragging pans, a search
// highlights layers by name.
//
// The view is fed whole snapshots; the layout was computed in the job that
// built the snapshot, so showing a network only creates items.

#include <QGraphicsView>

#include <vector>

#include "views/network_snapshot.h"

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
    void setSnapshot(NetworkSnapshotPtr snapshot);
    const NetworkSnapshotPtr& snapshot() const { return m_snapshot; }

    int nodeCount() const { return static_cast<int>(m_nodes.size()); }
    int edgeCount() const { return static_cast<int>(m_edges.size()); }
    GraphNodeItem* nodeItem(int layerIndex) const;
    const std::vector<GraphEdgeItem*>& edgeItems() const { return m_edges; }

    // Layer shown selected, -1 when none.
    int selectedLayer() const { return m_selected; }
    // Current view scale (1 = one scene point per pixel).
    double zoomFactor() const;

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

public slots:
    // Selects the layer's node and centres it (zooming in when text would be
    // unreadable); emits layerSelected once when the selection changes (not
    // when it was already selected). -1 clears.
    void selectLayer(int layerIndex);
    void zoomIn();
    void zoomOut();
    // Whole graph in the view.
    void fitToView();
    // Readable scale, top of the graph (where the input is) in view.
    void showTop();

signals:
    // The selected layer changed (by a click or selectLayer); -1 when none.
    void layerSelected(int layerIndex);
    void zoomChanged(double factor);

protected:
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    void onSceneSelectionChanged();
    void setSelectedIndex(int layerIndex);
    void highlightEdgesOf(int layerIndex, bool on);
    void zoomBy(double factor, ViewportAnchor anchor);
    void placeLegend();

    QGraphicsScene* m_scene;
    OpLegendWidget* m_legend;
    NetworkSnapshotPtr m_snapshot;
    std::vector<GraphNodeItem*> m_nodes;               // by layer index
    std::vector<GraphEdgeItem*> m_edges;
    std::vector<std::vector<int>> m_edgesOfNode;       // edge indices touching each node
    std::vector<int> m_matches;
    int m_matchCursor = -1;
    int m_selected = -1;
    bool m_syncing = false;            // selection being set by code
    bool m_initialViewPending = false; // snapshot set before the view had a size
    bool m_keepInitialView = false;    // re-apply showTop() on resize until the user zooms or pans
};

}  // namespace tessera::views
