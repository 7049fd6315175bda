#include "network_graph_view.h"

#include <QGraphicsScene>
#include <QKeyEvent>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

#include "views/graph_edge_item.h"
#include "views/graph_node_item.h"
#include "views/op_legend_widget.h"
#include "views/op_style.h"

namespace tessera::views {
namespace {

constexpr double kSceneMargin = 24;
constexpr double kZoomStep = 1.25;
// Scale of the first view of a network: text readable, boxes not huge.
constexpr double kReadableZoom = 1.0;
// Scale used to show a layer selected from outside the graph when zoomed far out.
constexpr double kFocusZoom = 0.8;

}  // namespace

NetworkGraphView::NetworkGraphView(QWidget* parent)
    : QGraphicsView(parent), m_scene(new QGraphicsScene(this)), m_legend(new OpLegendWidget(this)) {
    setScene(m_scene);
    setBackgroundBrush(Qt::white);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    // Items set all the painter state they use; the scene never changes
    // geometry after it is built, so the index stays valid.
    setOptimizationFlags(QGraphicsView::DontSavePainterState | QGraphicsView::DontAdjustForAntialiasing);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    // Drops (files) are for the main window, not the scene.
    setAcceptDrops(false);
    viewport()->setAcceptDrops(false);
    m_scene->setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &NetworkGraphView::onSceneSelectionChanged);
    m_legend->raise();
}

NetworkGraphView::~NetworkGraphView() {
    // Items go with the scene; don't let their removal emit selection changes.
    disconnect(m_scene, nullptr, this, nullptr);
}

void NetworkGraphView::setSnapshot(NetworkSnapshotPtr snapshot) {
    m_syncing = true;
    m_scene->clear();
    m_syncing = false;
    m_nodes.clear();
    m_edges.clear();
    m_edgesOfNode.clear();
    m_matches.clear();
    m_matchCursor = -1;
    const bool hadSelection = m_selected >= 0;
    m_selected = -1;
    m_snapshot = std::move(snapshot);

    if (m_snapshot) {
        const core::Network& net = m_snapshot->network;
        const GraphLayout& layout = m_snapshot->layout;
        const std::size_t n = std::min(net.layerCount(), layout.nodes.size());
        m_nodes.reserve(n);
        m_edgesOfNode.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            const LayoutNode& ln = layout.nodes[i];
            const QRectF box(ln.center.x - ln.widthPt / 2, ln.center.y - ln.heightPt / 2, ln.widthPt, ln.heightPt);
            const core::LayerId id{static_cast<int>(i)};
            auto* item = new GraphNodeItem(static_cast<int>(i), nodeLabel(net, id), opFamily(net.layer(id).op), box);
            m_scene->addItem(item);
            m_nodes.push_back(item);
        }
        m_edges.reserve(layout.edges.size());
        for (const LayoutEdge& e : layout.edges) {
            if (e.from < 0 || e.to < 0 || static_cast<std::size_t>(e.from) >= n || static_cast<std::size_t>(e.to) >= n)
                continue;
            const auto& a = layout.nodes[static_cast<std::size_t>(e.from)].center;
            const auto& b = layout.nodes[static_cast<std::size_t>(e.to)].center;
            auto* item = new GraphEdgeItem(e, QPointF(a.x, a.y), QPointF(b.x, b.y));
            m_scene->addItem(item);
            const int index = static_cast<int>(m_edges.size());
            m_edges.push_back(item);
            m_edgesOfNode[static_cast<std::size_t>(e.from)].push_back(index);
            m_edgesOfNode[static_cast<std::size_t>(e.to)].push_back(index);
        }
        QRectF bounds = m_scene->itemsBoundingRect();
        if (layout.widthPt > 0) bounds = bounds.united(QRectF(0, 0, layout.widthPt, layout.heightPt));
        m_scene->setSceneRect(bounds.adjusted(-kSceneMargin, -kSceneMargin, kSceneMargin, kSceneMargin));
    } else {
        m_scene->setSceneRect(QRectF());
    }

    if (isVisible() && viewport()->width() > 50) showTop();
    else m_initialViewPending = true;
    // Panes around the view often settle after the snapshot arrives (a dock
    // appears): keep the initial view until the user moves it.
    m_keepInitialView = true;
    if (hadSelection) emit layerSelected(-1);
}

GraphNodeItem* NetworkGraphView::nodeItem(int layerIndex) const {
    if (layerIndex < 0 || static_cast<std::size_t>(layerIndex) >= m_nodes.size()) return nullptr;
    return m_nodes[static_cast<std::size_t>(layerIndex)];
}

double NetworkGraphView::zoomFactor() const { return transform().m11(); }

void NetworkGraphView::selectLayer(int layerIndex) {
    GraphNodeItem* node = nodeItem(layerIndex);
    if (!node) layerIndex = -1;
    if (layerIndex != m_selected) {
        m_syncing = true;
        m_scene->clearSelection();
        if (node) node->setSelected(true);
        m_syncing = false;
        setSelectedIndex(layerIndex);
    }
    if (node) {
        m_keepInitialView = false;
        // Chosen elsewhere (table, search) while zoomed far out: come close
        // enough to read the node, or the selection would be a dot.
        if (zoomFactor() < GraphNodeItem::kTextMinScale) {
            setTransform(QTransform::fromScale(kFocusZoom, kFocusZoom));
            emit zoomChanged(zoomFactor());
        }
        centerOn(node);
    }
}

void NetworkGraphView::onSceneSelectionChanged() {
    if (m_syncing) return;
    int index = -1;
    const auto selected = m_scene->selectedItems();
    for (QGraphicsItem* item : selected)
        if (item->type() == GraphNodeItem::Type) index = static_cast<GraphNodeItem*>(item)->layerIndex();
    if (index != m_selected) setSelectedIndex(index);
}

void NetworkGraphView::setSelectedIndex(int layerIndex) {
    highlightEdgesOf(m_selected, false);
    m_selected = layerIndex;
    highlightEdgesOf(m_selected, true);
    emit layerSelected(m_selected);
}

void NetworkGraphView::highlightEdgesOf(int layerIndex, bool on) {
    if (layerIndex < 0 || static_cast<std::size_t>(layerIndex) >= m_edgesOfNode.size()) return;
    for (int e : m_edgesOfNode[static_cast<std::size_t>(layerIndex)]) m_edges[static_cast<std::size_t>(e)]->setHighlighted(on);
}

int NetworkGraphView::setSearchText(const QString& text) {
    for (int i : m_matches) m_nodes[static_cast<std::size_t>(i)]->setHighlighted(false);
    m_matches.clear();
    m_matchCursor = -1;
    const QString needle = text.trimmed();
    if (needle.isEmpty()) return 0;
    // Best matches first: the exact name, then names starting with the
    // text, then the rest, each in topological order.
    std::vector<int> exact, prefix, inside;
    for (GraphNodeItem* node : m_nodes) {
        const QString& name = node->label().name;
        if (!name.contains(needle, Qt::CaseInsensitive)) continue;
        node->setHighlighted(true);
        if (name.compare(needle, Qt::CaseInsensitive) == 0) exact.push_back(node->layerIndex());
        else if (name.startsWith(needle, Qt::CaseInsensitive)) prefix.push_back(node->layerIndex());
        else inside.push_back(node->layerIndex());
    }
    m_matches = std::move(exact);
    m_matches.insert(m_matches.end(), prefix.begin(), prefix.end());
    m_matches.insert(m_matches.end(), inside.begin(), inside.end());
    if (!m_matches.empty()) m_keepInitialView = false;
    if (!m_matches.empty()) centerOn(m_nodes[static_cast<std::size_t>(m_matches.front())]);
    return static_cast<int>(m_matches.size());
}

int NetworkGraphView::nextMatch() {
    if (m_matches.empty()) return -1;
    m_matchCursor = (m_matchCursor + 1) % static_cast<int>(m_matches.size());
    const int layer = m_matches[static_cast<std::size_t>(m_matchCursor)];
    selectLayer(layer);
    return layer;
}

void NetworkGraphView::setLegendVisible(bool visible) { m_legend->setVisible(visible); }

void NetworkGraphView::zoomBy(double factor, ViewportAnchor anchor) {
    m_keepInitialView = false;
    const double current = zoomFactor();
    const double target = std::clamp(current * factor, kMinZoom, kMaxZoom);
    if (current <= 0 || std::abs(target - current) < 1e-9) return;
    const ViewportAnchor saved = transformationAnchor();
    setTransformationAnchor(anchor);
    scale(target / current, target / current);
    setTransformationAnchor(saved);
    emit zoomChanged(zoomFactor());
}

void NetworkGraphView::zoomIn() { zoomBy(kZoomStep, AnchorViewCenter); }
void NetworkGraphView::zoomOut() { zoomBy(1 / kZoomStep, AnchorViewCenter); }

void NetworkGraphView::fitToView() {
    m_initialViewPending = false;
    m_keepInitialView = false;
    if (!m_snapshot) return;
    fitInView(sceneRect(), Qt::KeepAspectRatio);
    const double z = zoomFactor();
    if (z > kMaxZoom || z < kMinZoom) {
        const double target = std::clamp(z, kMinZoom, kMaxZoom);
        setTransform(QTransform::fromScale(target, target));
        centerOn(sceneRect().center());
    }
    emit zoomChanged(zoomFactor());
}

void NetworkGraphView::showTop() {
    m_initialViewPending = false;
    const QRectF rect = sceneRect();
    if (!m_snapshot || rect.isEmpty()) {
        resetTransform();
        return;
    }
    const QSize vp = viewport()->size();
    // Fit the width when that is readable, else the readable scale; never
    // blow a small graph up beyond 1:1.
    double z = std::min(1.0, vp.width() / rect.width());
    z = std::max(z, kReadableZoom);
    z = std::min(z, 1.0);
    setTransform(QTransform::fromScale(z, z));
    QPointF top(rect.center().x(), rect.top() + vp.height() / (2 * z));
    if (!m_nodes.empty() && rect.width() * z > vp.width()) top.setX(m_nodes.front()->box().center().x());
    centerOn(top);
    emit zoomChanged(zoomFactor());
}

void NetworkGraphView::wheelEvent(QWheelEvent* event) {
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0 || (event->modifiers() & Qt::ShiftModifier)) {
        QGraphicsView::wheelEvent(event);  // horizontal / shift-wheel: scroll
        return;
    }
    zoomBy(std::pow(kZoomStep, steps), AnchorUnderMouse);
    event->accept();
}

void NetworkGraphView::keyPressEvent(QKeyEvent* event) {
    // Bare keys while the graph has focus; the main window binds the Ctrl
    // variants, which work from anywhere.
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomIn(); break;
    case Qt::Key_Minus: zoomOut(); break;
    case Qt::Key_F: fitToView(); break;
    case Qt::Key_Home: showTop(); break;
    case Qt::Key_1: zoomBy(1.0 / zoomFactor(), AnchorViewCenter); break;
    case Qt::Key_Escape: selectLayer(-1); break;
    default: QGraphicsView::keyPressEvent(event); return;
    }
    event->accept();
}

void NetworkGraphView::placeLegend() {
    m_legend->resize(m_legend->sizeHint());
    m_legend->move(viewport()->geometry().topLeft() + QPoint(8, 8));
}

void NetworkGraphView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    placeLegend();
    if ((m_initialViewPending || m_keepInitialView) && viewport()->width() > 50) showTop();
}

void NetworkGraphView::mousePressEvent(QMouseEvent* event) {
    m_keepInitialView = false;  // a click or the start of a drag-pan
    QGraphicsView::mousePressEvent(event);
}

void NetworkGraphView::showEvent(QShowEvent* event) {
    QGraphicsView::showEvent(event);
    placeLegend();
    if (m_initialViewPending && viewport()->width() > 50) showTop();
}

}  // namespace tessera::views
