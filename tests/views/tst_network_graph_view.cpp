// NetworkGraphView: items for every layer and dependency, selection in both
// directions without echoes, search, zoom limits.

#include <QGraphicsScene>
#include <QSignalSpy>
#include <QtTest>

#include "core/zoo/zoo.h"
#include "views/graph_edge_item.h"
#include "views/graph_node_item.h"
#include "views/layer_table_view.h"
#include "views/network_graph_view.h"
#include "views/network_snapshot.h"

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

QTEST_MAIN(TestNetworkGraphView)
#include "tst_network_graph_view.moc"
