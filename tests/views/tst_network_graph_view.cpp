// NetworkGraphView: items for every layer and dependency, selection in both
// directions without echoes, search, zoom limits; a design point's colours,
// badges, legend and fused groups; the dark palette; collapsed blocks.

#include <QGraphicsScene>
#include <QSignalSpy>
#include <QtTest>

#include "core/zoo/zoo.h"
#include "views/graph_edge_item.h"
#include "views/graph_node_item.h"
#include "views/layer_table_view.h"
#include "views/network_graph_view.h"
#include "views/network_snapshot.h"
#include "views/op_legend_widget.h"
#include "views/op_style.h"

using namespace tessera;
using views::NetworkGraphView;

namespace {

views::NetworkSnapshotPtr snapshotOf(const char* zooName) {
    return views::buildNetworkSnapshot(core::loadZooNetwork(zooName), QString::fromLatin1(zooName));
}

int layerNamed(const core::Network& net, const char* name) {
    const auto id = net.findLayer(name);
    return id ? id->value : -1;
}

core::LayerDecision decision(const core::Network& net, const char* name) {
    core::LayerDecision d;
    d.layerId = layerNamed(net, name);
    d.layer = name;
    return d;
}

// A partition-like point on ResNet-18: conv1 split 20 / 80 between cpu and
// gpu, the first block's two convolutions fused on the fpga, fc on the gpu.
core::DesignPoint partitionPoint(const core::Network& net) {
    core::DesignPoint p;
    p.label = "front 3 of 9";
    auto d = decision(net, "conv1");
    d.choice = {{"method", "tiling"}, {"cut", "rows"}};
    d.shares = {{"cpu", 0.2}, {"gpu", 0.8}};
    d.latencyMs = 0.329;
    d.energyMj = 5.6;
    d.resources = {{"fpga", "m20k_blocks", "block", 120, 587}};
    p.layers.push_back(d);
    for (const char* name : {"layer1.0.conv1", "layer1.0.conv2"}) {
        auto f = decision(net, name);
        f.choice = {{"method", "fused"}, {"cut", "rows"}, {"group", "layer1.0.conv1 .. layer1.0.conv2"}};
        f.shares = {{"fpga", 1.0}};
        f.latencyMs = p.layers.size() == 1 ? 0.58 : 0;
        p.layers.push_back(f);
    }
    auto fc = decision(net, "fc");
    fc.choice = {{"method", "tiling"}, {"cut", "channels"}};
    fc.shares = {{"gpu", 1.0}};
    fc.latencyMs = 0.05;
    p.layers.push_back(fc);
    return p;
}

// 4 stages of 15 residual blocks of 5 layers (conv, bn, relu, conv2, add)
// between a stem and a head: 302 layers named like torchvision's.
core::Network generatedNetwork() {
    core::Network net;
    net.name = "generated";
    net.addInput("x", {1, 8, 8, 8});
    auto layer = [&net](std::string name, core::OpKind op, std::vector<std::string> inputs) {
        core::Layer l;
        l.name = std::move(name);
        l.op = op;
        l.inputs = std::move(inputs);
        if (op == core::OpKind::Conv) {
            l.attrs.outChannels = 8;
            l.attrs.kernel = {3, 3};
            l.attrs.padding = {1, 1, 1, 1};
        }
        net.addLayer(std::move(l));
        return net.layers().back().name;
    };
    std::string last = layer("stem", core::OpKind::Conv, {"x"});
    for (int s = 1; s <= 4; ++s)
        for (int b = 0; b < 15; ++b) {
            const std::string prefix = "stage" + std::to_string(s) + "." + std::to_string(b) + ".";
            const std::string conv = layer(prefix + "conv1", core::OpKind::Conv, {last});
            const std::string bn = layer(prefix + "bn1", core::OpKind::BatchNorm, {conv});
            const std::string relu = layer(prefix + "relu", core::OpKind::Activation, {bn});
            const std::string conv2 = layer(prefix + "conv2", core::OpKind::Conv, {relu});
            last = layer(prefix + "add", core::OpKind::Add, {conv2, last});
        }
    layer("head.fc", core::OpKind::Conv, {last});
    return net;
}

QPalette darkPalette() {
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::AlternateBase, QColor(0x2a, 0x2a, 0x2a));
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::ButtonText, QColor(0xee, 0xee, 0xee));
    return dark;
}

}  // namespace

class TestNetworkGraphView : public QObject {
    Q_OBJECT
private slots:
    void itemsForEveryLayer_data();
    void itemsForEveryLayer();
    void clickingANodeEmitsItsLayer();
    void selectLayerEmitsOnce();
    void syncWithTableHasNoEcho();
    void searchFindsLayers();
    void zoomStaysInRange();
    void snapshotBuildCanStop();
    void pointColoursNodesAndBadges();
    void pointChangesTheLegend();
    void fusedGroupIsHighlightedTogether();
    void darkPaletteFollowsBase();
    void largeNetworksOpenCollapsed();
    void blocksExpandAndCollapse();
};

void TestNetworkGraphView::itemsForEveryLayer_data() {
    QTest::addColumn<QString>("network");
    QTest::newRow("resnet18") << QStringLiteral("resnet18");
    QTest::newRow("inception_v4") << QStringLiteral("inception_v4");
}

void TestNetworkGraphView::itemsForEveryLayer() {
    QFETCH(QString, network);
    const auto snap = snapshotOf(network.toLatin1().constData());
    QVERIFY(snap->layout.ok());
    NetworkGraphView view;
    view.resize(800, 600);
    view.setSnapshot(snap);
    view.setCollapsed(false);  // Inception-V4 opens collapsed
    QCOMPARE(view.nodeCount(), static_cast<int>(snap->network.layerCount()));
    QCOMPARE(view.edgeCount(), static_cast<int>(views::layerDependencies(snap->network).size()));
    for (int i = 0; i < view.nodeCount(); ++i) {
        const views::GraphNodeItem* node = view.nodeItem(i);
        QVERIFY(node);
        QCOMPARE(node->layerIndex(), i);
        QVERIFY(view.sceneRect().contains(node->box()));
    }
    view.setSnapshot(nullptr);
    QCOMPARE(view.nodeCount(), 0);
    QCOMPARE(view.edgeCount(), 0);
}

void TestNetworkGraphView::clickingANodeEmitsItsLayer() {
    const auto snap = snapshotOf("resnet18");
    NetworkGraphView view;
    view.resize(900, 700);
    view.setSnapshot(snap);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy spy(&view, &NetworkGraphView::layerSelected);

    const int layer = layerNamed(snap->network, "layer1.0.conv1");
    QVERIFY(layer >= 0);
    view.centerOn(view.nodeItem(layer));
    const QPoint at = view.mapFromScene(view.nodeItem(layer)->box().center());
    QTest::mouseClick(view.viewport(), Qt::LeftButton, Qt::NoModifier, at);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.takeFirst().at(0).toInt(), layer);
    QCOMPARE(view.selectedLayer(), layer);
    QVERIFY(view.nodeItem(layer)->isSelected());
    // Its edges are highlighted.
    int highlighted = 0;
    for (const views::GraphEdgeItem* e : view.edgeItems())
        if (e->isHighlighted()) {
            QVERIFY(e->from() == layer || e->to() == layer);
            ++highlighted;
        }
    QVERIFY(highlighted >= 2);

    // Selecting through the scene (rubber band, keyboard) is reported too.
    view.nodeItem(0)->setSelected(true);
    view.nodeItem(layer)->setSelected(false);
    QVERIFY(spy.count() >= 1);
    QCOMPARE(spy.last().at(0).toInt(), 0);
}

void TestNetworkGraphView::selectLayerEmitsOnce() {
    NetworkGraphView view;
    view.setSnapshot(snapshotOf("resnet18"));
    QSignalSpy spy(&view, &NetworkGraphView::layerSelected);
    view.selectLayer(3);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.takeFirst().at(0).toInt(), 3);
    QVERIFY(view.nodeItem(3)->isSelected());
    view.selectLayer(3);
    QCOMPARE(spy.count(), 0);
    view.selectLayer(100000);  // out of range clears
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.takeFirst().at(0).toInt(), -1);
    QCOMPARE(view.selectedLayer(), -1);
    QVERIFY(view.scene()->selectedItems().isEmpty());
}

void TestNetworkGraphView::syncWithTableHasNoEcho() {
    // Wired both ways as the main window does (through a guard), a selection
    // on either side reaches the other once and stops.
    const auto snap = snapshotOf("resnet18");
    NetworkGraphView graph;
    views::LayerTableView table;
    graph.setSnapshot(snap);
    table.setSnapshot(snap);
    bool syncing = false;
    int forwarded = 0;
    QObject::connect(&graph, &NetworkGraphView::layerSelected, &table, [&](int layer) {
        if (syncing) return;
        syncing = true;
        ++forwarded;
        table.selectLayer(layer);
        syncing = false;
    });
    QObject::connect(&table, &views::LayerTableView::layerSelected, &graph, [&](int layer) {
        if (syncing) return;
        syncing = true;
        ++forwarded;
        graph.selectLayer(layer);
        syncing = false;
    });
    graph.selectLayer(10);
    QCOMPARE(table.selectedLayer(), 10);
    QCOMPARE(forwarded, 1);
    table.selectLayer(20);
    QCOMPARE(graph.selectedLayer(), 20);
    QCOMPARE(forwarded, 2);
    QVERIFY(graph.nodeItem(20)->isSelected());
    QVERIFY(!graph.nodeItem(10)->isSelected());
}

void TestNetworkGraphView::searchFindsLayers() {
    const auto snap = snapshotOf("resnet18");
    NetworkGraphView view;
    view.resize(800, 600);
    view.setSnapshot(snap);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy spy(&view, &NetworkGraphView::layerSelected);

    // "conv1" is a layer and part of other names: the exact name comes first.
    const int matches = view.setSearchText(QStringLiteral("CONV1"));
    QVERIFY(matches > 1);
    const int conv1 = layerNamed(snap->network, "conv1");
    QCOMPARE(view.searchMatches().front(), conv1);
    for (int i : view.searchMatches()) QVERIFY(view.nodeItem(i)->isHighlighted());
    QCOMPARE(view.nextMatch(), conv1);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(view.selectedLayer(), conv1);

    const int fc = layerNamed(snap->network, "fc");
    QVERIFY(fc >= 0);
    QCOMPARE(view.setSearchText(QStringLiteral("fc")), 1);
    QCOMPARE(view.nextMatch(), fc);
    QCOMPARE(view.selectedLayer(), fc);
    // The match is brought into view (centred as far as the scene allows).
    const QRectF visible = view.mapToScene(view.viewport()->rect()).boundingRect();
    QVERIFY(visible.contains(view.nodeItem(fc)->box()));

    QCOMPARE(view.setSearchText(QStringLiteral("no such layer")), 0);
    QCOMPARE(view.nextMatch(), -1);
    QCOMPARE(view.setSearchText(QString()), 0);
    for (int i = 0; i < view.nodeCount(); ++i) QVERIFY(!view.nodeItem(i)->isHighlighted());
}

void TestNetworkGraphView::zoomStaysInRange() {
    NetworkGraphView view;
    view.resize(800, 600);
    view.setSnapshot(snapshotOf("inception_v4"));
    view.fitToView();
    QVERIFY(view.zoomFactor() >= NetworkGraphView::kMinZoom && view.zoomFactor() <= NetworkGraphView::kMaxZoom);
    for (int i = 0; i < 40; ++i) view.zoomIn();
    QCOMPARE(view.zoomFactor(), NetworkGraphView::kMaxZoom);
    for (int i = 0; i < 80; ++i) view.zoomOut();
    QCOMPARE(view.zoomFactor(), NetworkGraphView::kMinZoom);
}

void TestNetworkGraphView::snapshotBuildCanStop() {
    int calls = 0;
    const auto snap = views::buildNetworkSnapshot(core::loadZooNetwork("resnet18"), QStringLiteral("resnet18"),
                                                  [&calls](int, const QString&) { return ++calls < 2; });
    QVERIFY(!snap);
    QCOMPARE(calls, 2);
}

void TestNetworkGraphView::pointColoursNodesAndBadges() {
    const auto snap = snapshotOf("resnet18");
    const core::Network& net = snap->network;
    NetworkGraphView view;
    view.setSnapshot(snap);
    const int conv1 = layerNamed(net, "conv1");
    const int fused = layerNamed(net, "layer1.0.conv2");
    const int relu = layerNamed(net, "relu");
    const views::GraphNodeItem* node = view.nodeItem(conv1);
    QCOMPARE(node->fill().size(), std::size_t{1});
    QCOMPARE(node->fill().front().colour, views::opFamilyFill(views::OpFamily::Conv));

    const core::DesignPoint point = partitionPoint(net);
    view.setDesignPoint(&point);
    QVERIFY(view.colouring());
    const views::PointColouring& colouring = *view.colouring();
    // The split layer: a cpu band of 20% then a gpu band of 80%.
    QCOMPARE(node->fill().size(), std::size_t{2});
    QCOMPARE(node->fill()[0].colour, colouring.colourOf("cpu"));
    QCOMPARE(node->fill()[1].colour, colouring.colourOf("gpu"));
    QCOMPARE(node->fill()[0].fraction, 0.2);
    QVERIFY(colouring.colourOf("cpu") != colouring.colourOf("gpu"));
    QCOMPARE(node->badge(), QStringLiteral("0.329 ms  gpu 80% cpu 20%"));
    QVERIFY(node->toolTip().contains(QStringLiteral("tiling")));
    QVERIFY(node->toolTip().contains(QStringLiteral("fpga M20K")));
    // A fused group's second layer: one fpga band, shares only (no 0 ms).
    const views::GraphNodeItem* second = view.nodeItem(fused);
    QCOMPARE(second->fill().size(), std::size_t{1});
    QCOMPARE(second->fill().front().colour, colouring.colourOf("fpga"));
    QVERIFY(second->badge().isEmpty());
    // Undecided layers are neutral, not coloured by op, without a badge.
    const views::GraphNodeItem* undecided = view.nodeItem(relu);
    QVERIFY(undecided->fill().front().colour != views::opFamilyFill(views::OpFamily::Activation));
    for (const auto& entry : colouring.legend) QVERIFY(undecided->fill().front().colour != entry.colour);
    QVERIFY(undecided->badge().isEmpty());

    // The view copied what it needs: the point may go.
    {
        core::DesignPoint other = partitionPoint(net);
        other.layers[0].shares = {{"fpga", 1.0}};
        view.setDesignPoint(&other);
    }
    QCOMPARE(view.nodeItem(conv1)->fill().size(), std::size_t{1});
    QCOMPARE(view.nodeItem(conv1)->fill().front().colour, view.colouring()->colourOf("fpga"));

    view.setDesignPoint(nullptr);
    QVERIFY(!view.colouring());
    QCOMPARE(view.nodeItem(conv1)->fill().front().colour, views::opFamilyFill(views::OpFamily::Conv));
    QVERIFY(view.nodeItem(conv1)->badge().isEmpty());
}

void TestNetworkGraphView::pointChangesTheLegend() {
    const auto snap = snapshotOf("resnet18");
    NetworkGraphView view;
    view.setSnapshot(snap);
    QCOMPARE(view.legend()->entries().size(), views::kOpFamilyCount);
    const core::DesignPoint point = partitionPoint(snap->network);
    view.setDesignPoint(&point);
    QCOMPARE(view.legend()->title(), QStringLiteral("front 3 of 9"));
    QStringList texts;
    for (const auto& e : view.legend()->entries()) texts << e.text;
    // Categories with their layer counts (most first; cpu only as a minority
    // share), then the undecided layers.
    QCOMPARE(texts, QStringList({"fpga (2)", "gpu (2)", "cpu", "no decision"}));
    QCOMPARE(view.legend()->entries().front().fill, view.colouring()->colourOf("fpga"));
    view.setDesignPoint(nullptr);
    QCOMPARE(view.legend()->entries().size(), views::kOpFamilyCount);
    QVERIFY(view.legend()->title().isEmpty());
}

void TestNetworkGraphView::fusedGroupIsHighlightedTogether() {
    const auto snap = snapshotOf("resnet18");
    const core::Network& net = snap->network;
    NetworkGraphView view;
    view.setSnapshot(snap);
    const core::DesignPoint point = partitionPoint(net);
    view.setDesignPoint(&point);
    const int first = layerNamed(net, "layer1.0.conv1");
    const int second = layerNamed(net, "layer1.0.conv2");
    const int conv1 = layerNamed(net, "conv1");

    // Selecting either layer of the group outlines both.
    view.selectLayer(second);
    QCOMPARE(view.highlightedLayers(), std::vector<int>({first, second}));
    QVERIFY(view.nodeItem(first)->isGroupHighlighted());
    QVERIFY(view.nodeItem(second)->isGroupHighlighted());
    QVERIFY(!view.nodeItem(conv1)->isGroupHighlighted());
    // A layer outside any group clears them.
    view.selectLayer(conv1);
    QVERIFY(view.highlightedLayers().empty());
    QVERIFY(!view.nodeItem(first)->isGroupHighlighted());
    // Any set on request.
    view.setHighlightedLayers({conv1, second});
    QVERIFY(view.nodeItem(conv1)->isGroupHighlighted());
    QVERIFY(view.nodeItem(second)->isGroupHighlighted());
    QVERIFY(!view.nodeItem(first)->isGroupHighlighted());
    // A new point recomputes the selected layer's group (conv1: none).
    view.setDesignPoint(&point);
    QVERIFY(view.highlightedLayers().empty());
}

void TestNetworkGraphView::darkPaletteFollowsBase() {
    const auto snap = snapshotOf("resnet18");
    NetworkGraphView view;
    view.resize(600, 400);
    view.setSnapshot(snap);
    QCOMPARE(view.scene()->backgroundBrush().color(), view.palette().color(QPalette::Base));
    const QPalette dark = darkPalette();
    view.setPalette(dark);
    QCOMPARE(view.scene()->backgroundBrush().color(), dark.color(QPalette::Base));
    const core::DesignPoint point = partitionPoint(snap->network);
    view.setDesignPoint(&point);
    // Undecided boxes recede into the dark canvas, with light text.
    const views::GraphNodeItem* relu = view.nodeItem(layerNamed(snap->network, "relu"));
    QVERIFY(relu->fill().front().colour.lightness() < 100);
    QCOMPARE(relu->textColour(), dark.color(QPalette::Text));
    // The legend paints its background dark too.
    const QImage legend = const_cast<views::OpLegendWidget*>(view.legend())->grab().toImage();
    QVERIFY(!legend.isNull());
    QVERIFY2(legend.pixelColor(legend.width() - 4, legend.height() / 2).lightness() < 100,
             qPrintable(legend.pixelColor(legend.width() - 4, legend.height() / 2).name()));
}

void TestNetworkGraphView::largeNetworksOpenCollapsed() {
    const auto snap = views::buildNetworkSnapshot(generatedNetwork(), QStringLiteral("generated"));
    QCOMPARE(snap->network.layerCount(), std::size_t{302});
    NetworkGraphView view;
    view.resize(800, 600);
    view.setSnapshot(snap);
    // stem, stage1 .. stage4, head.fc
    QVERIFY(view.isCollapsed());
    QCOMPARE(view.nodeCount(), 6);
    QCOMPARE(view.edgeCount(), 5);
    const views::GraphNodeItem* stage2 = view.nodeItem(layerNamed(snap->network, "stage2.7.relu"));
    QVERIFY(stage2->isBlock());
    QCOMPARE(stage2->label().name, QStringLiteral("stage2"));
    QCOMPARE(stage2->label().op, QStringLiteral("75 layers"));
    QCOMPARE(static_cast<int>(stage2->layers().size()), 75);
    QVERIFY(view.sceneRect().contains(stage2->box()));
    // Every layer is shown by some box.
    for (int i = 0; i < static_cast<int>(snap->network.layerCount()); ++i) QVERIFY(view.nodeItem(i));

    // Selecting a layer inside a block selects the block.
    QSignalSpy spy(&view, &NetworkGraphView::layerSelected);
    const int inside = layerNamed(snap->network, "stage3.4.conv2");
    view.selectLayer(inside);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(view.selectedLayer(), inside);
    QVERIFY(view.nodeItem(inside)->isBlock());
    QVERIFY(view.nodeItem(inside)->isSelected());

    // A small network opens with every layer.
    NetworkGraphView small;
    small.setSnapshot(snapshotOf("resnet18"));
    QVERIFY(!small.isCollapsed());
}

void TestNetworkGraphView::blocksExpandAndCollapse() {
    const auto snap = views::buildNetworkSnapshot(generatedNetwork(), QStringLiteral("generated"));
    const core::Network& net = snap->network;
    NetworkGraphView view;
    view.resize(800, 600);
    view.setSnapshot(snap);
    const int inside = layerNamed(net, "stage2.3.bn1");
    view.selectLayer(inside);

    // The stage opens into its 15 blocks; the selection follows.
    QVERIFY(view.expandBlockOf(inside));
    QCOMPARE(view.nodeCount(), 6 - 1 + 15);
    const views::GraphNodeItem* block = view.nodeItem(inside);
    QCOMPARE(block->label().name, QStringLiteral("stage2.3"));
    QVERIFY(block->isSelected());
    // One more level: the block's five layers.
    QVERIFY(view.expandBlockOf(inside));
    QCOMPARE(view.nodeCount(), 20 - 1 + 5);
    QVERIFY(!view.nodeItem(inside)->isBlock());
    QCOMPARE(view.nodeItem(inside)->layerIndex(), inside);
    QVERIFY(!view.expandBlockOf(inside));  // a layer has nothing to expand
    // Edges join the boxes shown: the graph stays connected.
    QVERIFY(view.edgeCount() >= view.nodeCount() - 1);

    // Double-click on a block expands it.
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const int other = layerNamed(net, "stage4.0.conv1");
    views::GraphNodeItem* stage4 = view.nodeItem(other);
    QVERIFY(stage4->isBlock());
    view.centerOn(stage4);
    QTest::mouseDClick(view.viewport(), Qt::LeftButton, Qt::NoModifier, view.mapFromScene(stage4->box().center()));
    QCOMPARE(view.nodeCount(), 24 - 1 + 15);
    QCOMPARE(view.nodeItem(other)->label().name, QStringLiteral("stage4.0"));

    // Folding the innermost open block around a layer.
    QVERIFY(view.collapseBlockOf(inside));
    QCOMPARE(view.nodeCount(), 38 - 5 + 1);
    QVERIFY(view.nodeItem(inside)->isBlock());

    view.setCollapsed(false);
    QVERIFY(!view.isCollapsed());
    QCOMPARE(view.nodeCount(), static_cast<int>(net.layerCount()));
    QCOMPARE(view.selectedLayer(), inside);
    QVERIFY(view.nodeItem(inside)->isSelected());
    view.setCollapsed(true);
    QCOMPARE(view.nodeCount(), 6);
}

QTEST_MAIN(TestNetworkGraphView)
#include "tst_network_graph_view.moc"
