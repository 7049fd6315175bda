#include "network_graph_view.h"

#include <QGraphicsScene>
#include <QKeyEvent>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "views/decision_text.h"
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
// Collapsed layouts kept per snapshot (each a few KB).
constexpr std::size_t kLayoutCacheSize = 32;

QColor blend(const QColor& a, const QColor& b, double t) {
    return QColor::fromRgbF(static_cast<float>(a.redF() * (1 - t) + b.redF() * t),
                            static_cast<float>(a.greenF() * (1 - t) + b.greenF() * t),
                            static_cast<float>(a.blueF() * (1 - t) + b.blueF() * t));
}

QString labelHtml(const NodeLabel& label) {
    return QStringLiteral("<b>%1</b><br>%2<br>%3")
        .arg(label.name.toHtmlEscaped(), label.op.toHtmlEscaped(), label.shape.toHtmlEscaped());
}

// The badge's latency: a fused group's later layers carry none of their
// own (the group's is on its first layer), so they show only the shares.
QString layerLatencyBadge(const core::LayerDecision& d) {
    const bool inGroup = !d.choiceValue("group").empty();
    if (std::isnan(d.latencyMs) || (inGroup && d.latencyMs == 0)) return {};
    return figureText(d.latencyMs) + QStringLiteral(" ms");
}

// A split layer's shares, largest first; none when it runs on one device.
std::vector<GraphNodeItem::BadgeShare> badgeShares(const PointColouring& colouring, const LayerColour& colour) {
    std::vector<GraphNodeItem::BadgeShare> shares;
    if (colour.shares.size() < 2) return shares;
    for (const ShareBand& band : colour.shares) shares.push_back({band.name, colouring.colourOf(band.name), band.fraction});
    std::stable_sort(shares.begin(), shares.end(), [](const auto& a, const auto& b) { return a.fraction > b.fraction; });
    return shares;
}

std::vector<GraphNodeItem::FillBand> fillOf(const PointColouring& colouring, const std::vector<ShareBand>& bands) {
    std::vector<GraphNodeItem::FillBand> fill;
    for (const ShareBand& band : bands) fill.push_back({colouring.colourOf(band.name), band.fraction});
    return fill;
}

}  // namespace

NetworkGraphView::NetworkGraphView(QWidget* parent)
    : QGraphicsView(parent), m_scene(new QGraphicsScene(this)), m_legend(new OpLegendWidget(this)) {
    setScene(m_scene);
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
    applyPalette();
}

NetworkGraphView::~NetworkGraphView() {
    // Items go with the scene; don't let their removal emit selection changes.
    disconnect(m_scene, nullptr, this, nullptr);
}

void NetworkGraphView::setSnapshot(NetworkSnapshotPtr snapshot) {
    const bool hadSelection = m_selected >= 0;
    m_selected = -1;
    m_matches.clear();
    m_matchCursor = -1;
    m_highlighted.clear();
    m_layouts.clear();
    m_blocks = {};
    m_expanded.clear();
    m_snapshot = std::move(snapshot);
    if (m_snapshot) {
        const std::size_t n = m_snapshot->network.layerCount();
        m_blocks = findBlocks(m_snapshot->network);
        m_expanded = n > static_cast<std::size_t>(kCollapseAboveLayers) ? overviewExpansion(m_blocks, n)
                                                                        : std::vector<bool>(m_blocks.blocks.size(), true);
    }
    m_colouring = m_point && m_snapshot ? colourPoint(*m_point, m_snapshot->network.layerCount()) : PointColouring{};
    rebuildScene();

    if (isVisible() && viewport()->width() > 50) showTop();
    else m_initialViewPending = true;
    // Panes around the view often settle after the snapshot arrives (a dock
    // appears): keep the initial view until the user moves it.
    m_keepInitialView = true;
    if (hadSelection) emit layerSelected(-1);
}

const GraphLayout& NetworkGraphView::layoutFor(const DisplayGraph& graph) {
    if (graph.showsEveryLayer()) return m_snapshot->layout;
    auto it = m_layouts.find(m_expanded);
    if (it != m_layouts.end()) return it->second;
    if (m_layouts.size() >= kLayoutCacheSize) m_layouts.clear();
    return m_layouts.emplace(m_expanded, layoutDisplayGraph(m_snapshot->network, m_blocks, graph)).first->second;
}

void NetworkGraphView::rebuildScene() {
    m_syncing = true;
    m_scene->clear();
    m_syncing = false;
    m_nodes.clear();
    m_edges.clear();
    m_edgesOfNode.clear();
    m_display = {};
    if (!m_snapshot) {
        m_scene->setSceneRect(QRectF());
        m_legend->showOpFamilies();
        return;
    }
    const core::Network& net = m_snapshot->network;
    m_display = displayGraph(m_blocks, m_expanded, net.layerCount(), m_snapshot->dependencies);
    const GraphLayout& layout = layoutFor(m_display);
    const std::size_t n = std::min(m_display.nodes.size(), layout.nodes.size());
    m_nodes.reserve(n);
    m_edgesOfNode.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const LayoutNode& ln = layout.nodes[i];
        const QRectF box(ln.center.x - ln.widthPt / 2, ln.center.y - ln.heightPt / 2, ln.widthPt, ln.heightPt);
        const DisplayNode& node = m_display.nodes[i];
        GraphNodeItem* item = nullptr;
        if (node.block >= 0) {
            const LayerBlock& block = m_blocks.blocks[static_cast<std::size_t>(node.block)];
            std::vector<int> layers(static_cast<std::size_t>(block.layerCount()));
            std::iota(layers.begin(), layers.end(), block.first);
            item = new GraphNodeItem(node.block, std::move(layers), blockLabel(net, block), box);
        } else {
            const core::LayerId id{node.layer};
            item = new GraphNodeItem(node.layer, nodeLabel(net, id), opFamily(net.layer(id).op), box);
        }
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
    applyPalette();
    applyMarks();
}

int NetworkGraphView::nodeIndexOfLayer(int layerIndex) const {
    if (layerIndex < 0 || static_cast<std::size_t>(layerIndex) >= m_display.nodeOfLayer.size()) return -1;
    const int node = m_display.nodeOfLayer[static_cast<std::size_t>(layerIndex)];
    return node >= 0 && static_cast<std::size_t>(node) < m_nodes.size() ? node : -1;
}

GraphNodeItem* NetworkGraphView::nodeItem(int layerIndex) const {
    const int node = nodeIndexOfLayer(layerIndex);
    return node < 0 ? nullptr : m_nodes[static_cast<std::size_t>(node)];
}

void NetworkGraphView::setDesignPoint(const core::DesignPoint* point) {
    if (point) m_point = *point;
    else m_point.reset();
    m_colouring = m_point && m_snapshot ? colourPoint(*m_point, m_snapshot->network.layerCount()) : PointColouring{};
    applyColours();
    // The selected layer's fused group is the new point's.
    highlightGroupOf(m_selected);
}

void NetworkGraphView::applyPalette() {
    const QColor base = palette().color(QPalette::Base);
    const QColor text = palette().color(QPalette::Text);
    m_scene->setBackgroundBrush(base);
    for (GraphEdgeItem* edge : m_edges) edge->setColour(blend(base, text, 0.5));
    applyColours();
}

void NetworkGraphView::applyColours() {
    // Undecided layers take the canvas's tone, so they recede in either theme.
    const QColor base = palette().color(QPalette::Base);
    const QColor text = palette().color(QPalette::Text);
    const QColor neutralFill = blend(base, text, 0.1);
    const QColor neutralBorder = blend(base, text, 0.4);
    std::vector<const core::LayerDecision*> decisions;
    if (m_point && m_snapshot) decisions = decisionsByLayer(*m_point, m_snapshot->network.layerCount());

    for (GraphNodeItem* item : m_nodes) {
        if (!m_point) {
            item->setFill({}, item->isBlock() ? QColor(0x8a, 0x96, 0xa6) : opFamilyBorder(item->family()), Qt::black);
            item->setBadge({});
            item->setToolTip(labelHtml(item->label()) +
                             (item->isBlock() ? QStringLiteral("<br><i>double-click to expand</i>") : QString()));
            continue;
        }
        std::vector<ShareBand> bands;
        QString badge;
        std::vector<GraphNodeItem::BadgeShare> shares;
        QString details;
        if (item->isBlock()) {
            bands = m_colouring.bandsOf(item->layers());
            double latency = 0;
            int decided = 0;
            for (int layer : item->layers()) {
                const core::LayerDecision* d = decisions[static_cast<std::size_t>(layer)];
                if (!d) continue;
                ++decided;
                if (!std::isnan(d->latencyMs)) latency += d->latencyMs;
            }
            // A block of fused layers whose group's latency sits elsewhere shows none.
            if (latency > 0) badge = figureText(latency) + QStringLiteral(" ms");
            QStringList mix;
            for (const ShareBand& band : bands) mix << band.name + QLatin1Char(' ') + percentText(band.fraction);
            details = QStringLiteral("<hr>%1 decided layers, %2 ms<br>%3<br><i>double-click to expand</i>")
                          .arg(decided)
                          .arg(figureText(latency), mix.join(QStringLiteral(", ")).toHtmlEscaped());
        } else if (const core::LayerDecision* d = decisions[static_cast<std::size_t>(item->layerIndex())]) {
            const LayerColour& colour = m_colouring.layers[static_cast<std::size_t>(item->layerIndex())];
            bands = colour.shares.empty() ? std::vector<ShareBand>{{colour.category, 1}} : colour.shares;
            badge = layerLatencyBadge(*d);
            shares = badgeShares(m_colouring, colour);
            details = QStringLiteral("<hr>") + decisionHtml(*d);
        } else {
            details = QStringLiteral("<hr><i>no decision in this point</i>");
        }
        if (bands.empty()) item->setFill({{neutralFill, 1}}, neutralBorder, text);
        else item->setFill(fillOf(m_colouring, bands), m_colouring.colourOf(bands.front().name).darker(160), Qt::black);
        item->setBadge(badge, std::move(shares));
        item->setToolTip(labelHtml(item->label()) + details);
    }

    if (!m_point) {
        m_legend->showOpFamilies();
    } else {
        QVector<OpLegendWidget::Entry> entries;
        for (const CategoryEntry& e : m_colouring.legend)
            entries.push_back({e.layers > 0 ? QStringLiteral("%1 (%2)").arg(e.category).arg(e.layers) : e.category, e.colour,
                               e.colour.darker(160)});
        const bool anyUndecided = std::any_of(m_colouring.layers.begin(), m_colouring.layers.end(),
                                              [](const LayerColour& c) { return !c.decided(); });
        if (anyUndecided) entries.push_back({tr("no decision"), neutralFill, neutralBorder});
        m_legend->setEntries(entries, m_point->label.empty() ? tr("design point") : QString::fromStdString(m_point->label));
    }
    placeLegend();
}

void NetworkGraphView::applyMarks() {
    // Selection, search hits and the highlighted group, on whatever boxes show them now.
    if (GraphNodeItem* node = nodeItem(m_selected)) {
        m_syncing = true;
        node->setSelected(true);
        m_syncing = false;
        highlightEdgesOf(node, true);
    }
    for (int layer : m_matches)
        if (GraphNodeItem* node = nodeItem(layer)) node->setHighlighted(true);
    for (int layer : m_highlighted)
        if (GraphNodeItem* node = nodeItem(layer)) node->setGroupHighlighted(true);
}

bool NetworkGraphView::isCollapsed() const {
    return std::any_of(m_display.nodes.begin(), m_display.nodes.end(), [](const DisplayNode& n) { return n.block >= 0; });
}

void NetworkGraphView::setCollapsed(bool collapsed) {
    if (!m_snapshot) return;
    const std::size_t n = m_snapshot->network.layerCount();
    m_expanded = collapsed ? overviewExpansion(m_blocks, n) : std::vector<bool>(m_blocks.blocks.size(), true);
    rebuildScene();
    if (collapsed) fitToView();
    else showTop();
}

bool NetworkGraphView::expandBlockOf(int layerIndex) {
    const int node = nodeIndexOfLayer(layerIndex);
    if (node < 0 || m_display.nodes[static_cast<std::size_t>(node)].block < 0) return false;
    const int block = m_display.nodes[static_cast<std::size_t>(node)].block;
    // Keep the block's first layer where the block was on screen.
    const QPointF before = m_nodes[static_cast<std::size_t>(node)]->box().center();
    const QPointF offset = mapToScene(viewport()->rect().center()) - before;
    m_expanded[static_cast<std::size_t>(block)] = true;
    rebuildScene();
    m_keepInitialView = false;
    if (GraphNodeItem* item = nodeItem(m_blocks.blocks[static_cast<std::size_t>(block)].first))
        centerOn(item->box().center() + offset);
    return true;
}

bool NetworkGraphView::collapseBlockOf(int layerIndex) {
    int innermost = -1;
    for (std::size_t b = 0; b < m_blocks.blocks.size(); ++b) {
        const LayerBlock& block = m_blocks.blocks[b];
        if (!m_expanded[b] || !block.contains(layerIndex)) continue;
        if (innermost < 0 || block.layerCount() < m_blocks.blocks[static_cast<std::size_t>(innermost)].layerCount())
            innermost = static_cast<int>(b);
    }
    if (innermost < 0 || !nodeItem(layerIndex)) return false;
    const QPointF offset = mapToScene(viewport()->rect().center()) - nodeItem(layerIndex)->box().center();
    m_expanded[static_cast<std::size_t>(innermost)] = false;
    rebuildScene();
    m_keepInitialView = false;
    if (GraphNodeItem* item = nodeItem(layerIndex)) centerOn(item->box().center() + offset);
    return true;
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
        if (item->type() == GraphNodeItem::Type) {
            const auto* node = static_cast<GraphNodeItem*>(item);
            // A block already showing the selected layer keeps it.
            index = node == nodeItem(m_selected) ? m_selected : node->layerIndex();
        }
    if (index != m_selected) setSelectedIndex(index);
}

void NetworkGraphView::setSelectedIndex(int layerIndex) {
    highlightEdgesOf(nodeItem(m_selected), false);
    m_selected = layerIndex;
    highlightEdgesOf(nodeItem(m_selected), true);
    highlightGroupOf(m_selected);
    emit layerSelected(m_selected);
}

void NetworkGraphView::highlightGroupOf(int layerIndex) {
    std::vector<int> group;
    if (m_point && m_snapshot && layerIndex >= 0) {
        const auto decisions = decisionsByLayer(*m_point, m_snapshot->network.layerCount());
        const core::LayerDecision* d = decisions[static_cast<std::size_t>(layerIndex)];
        const std::string name = d ? d->choiceValue("group") : std::string();
        if (!name.empty())
            for (std::size_t i = 0; i < decisions.size(); ++i)
                if (decisions[i] && decisions[i]->choiceValue("group") == name) group.push_back(static_cast<int>(i));
    }
    setHighlightedLayers(std::move(group));
}

void NetworkGraphView::setHighlightedLayers(std::vector<int> layers) {
    for (int layer : m_highlighted)
        if (GraphNodeItem* node = nodeItem(layer)) node->setGroupHighlighted(false);
    m_highlighted = std::move(layers);
    for (int layer : m_highlighted)
        if (GraphNodeItem* node = nodeItem(layer)) node->setGroupHighlighted(true);
}

void NetworkGraphView::highlightEdgesOf(const GraphNodeItem* node, bool on) {
    if (!node) return;
    const auto it = std::find(m_nodes.begin(), m_nodes.end(), node);
    if (it == m_nodes.end()) return;
    for (int e : m_edgesOfNode[static_cast<std::size_t>(it - m_nodes.begin())])
        m_edges[static_cast<std::size_t>(e)]->setHighlighted(on);
}

int NetworkGraphView::setSearchText(const QString& text) {
    for (GraphNodeItem* node : m_nodes) node->setHighlighted(false);
    m_matches.clear();
    m_matchCursor = -1;
    const QString needle = text.trimmed();
    if (needle.isEmpty() || !m_snapshot) return 0;
    // Best matches first: the exact name, then names starting with the
    // text, then the rest, each in topological order.
    const core::Network& net = m_snapshot->network;
    std::vector<int> exact, prefix, inside;
    for (std::size_t i = 0; i < net.layerCount(); ++i) {
        const int layer = static_cast<int>(i);
        const QString name = QString::fromStdString(net.layer(core::LayerId{layer}).name);
        if (!name.contains(needle, Qt::CaseInsensitive)) continue;
        if (GraphNodeItem* node = nodeItem(layer)) node->setHighlighted(true);
        if (name.compare(needle, Qt::CaseInsensitive) == 0) exact.push_back(layer);
        else if (name.startsWith(needle, Qt::CaseInsensitive)) prefix.push_back(layer);
        else inside.push_back(layer);
    }
    m_matches = std::move(exact);
    m_matches.insert(m_matches.end(), prefix.begin(), prefix.end());
    m_matches.insert(m_matches.end(), inside.begin(), inside.end());
    if (!m_matches.empty()) {
        m_keepInitialView = false;
        if (GraphNodeItem* node = nodeItem(m_matches.front())) centerOn(node);
    }
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
    // Bottom left: the view opens on the top of the graph (the input), which
    // the legend would otherwise cover.
    m_legend->resize(m_legend->sizeHint());
    const QRect vp = viewport()->geometry();
    m_legend->move(vp.left() + 8, std::max(vp.top() + 8, vp.bottom() - m_legend->height() - 8));
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

void NetworkGraphView::mouseDoubleClickEvent(QMouseEvent* event) {
    if (auto* node = qgraphicsitem_cast<GraphNodeItem*>(itemAt(event->pos()))) {
        const int layer = node->layerIndex();
        if (node->isBlock() ? expandBlockOf(layer) : collapseBlockOf(layer)) {
            event->accept();
            return;
        }
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

void NetworkGraphView::changeEvent(QEvent* event) {
    QGraphicsView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) applyPalette();
}

void NetworkGraphView::showEvent(QShowEvent* event) {
    QGraphicsView::showEvent(event);
    placeLegend();
    if (m_initialViewPending && viewport()->width() > 50) showTop();
}

}  // namespace tessera::views
