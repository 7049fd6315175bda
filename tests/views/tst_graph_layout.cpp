// Graphviz dot layout: a node with a finite position for every layer, one
// routed edge per dependency, big networks complete, concurrent callers are
// serialised.

#include <QtTest>

#include <cmath>
#include <thread>

#include "core/zoo/zoo.h"
#include "views/graph_layout.h"
#include "views/network_snapshot.h"
#include "views/op_style.h"

using namespace tessera;

namespace {

views::GraphLayoutRequest requestFor(const core::Network& net) {
    views::GraphLayoutRequest request;
    for (std::size_t i = 0; i < net.layerCount(); ++i) {
        const QSizeF size = views::nodeSize(views::nodeLabel(net, core::LayerId{static_cast<int>(i)}));
        request.nodes.push_back({size.width(), size.height()});
    }
    request.edges = views::layerDependencies(net);
    return request;
}

core::Network analysed(const char* zooName) {
    core::Network net = core::loadZooNetwork(zooName);
    if (!net.analysed()) {
        const auto status = net.analyse();
        if (!status) qFatal("%s does not analyse: %s", zooName, status.message.c_str());
    }
    return net;
}

bool finite(views::LayoutPoint p) { return std::isfinite(p.x) && std::isfinite(p.y); }

}  // namespace

class TestGraphLayout : public QObject {
    Q_OBJECT
private slots:
    void everyLayerPlaced_data();
    void everyLayerPlaced();
    void topToBottom();
    void edgeCases();
    void concurrentCallsAreSerialised();
};

void TestGraphLayout::everyLayerPlaced_data() {
    QTest::addColumn<QString>("network");
    for (const auto& name : core::zooNames()) QTest::newRow(name.c_str()) << QString::fromStdString(name);
}

void TestGraphLayout::everyLayerPlaced() {
    QFETCH(QString, network);
    const core::Network net = analysed(network.toLatin1().constData());
    const views::GraphLayoutRequest request = requestFor(net);
    const views::GraphLayout layout = views::layoutGraph(request);
    QVERIFY2(layout.ok(), layout.error.c_str());
    QCOMPARE(layout.nodes.size(), net.layerCount());
    QCOMPARE(layout.edges.size(), request.edges.size());
    QVERIFY(layout.widthPt > 0 && layout.heightPt > 0);
    for (std::size_t i = 0; i < layout.nodes.size(); ++i) {
        const auto& n = layout.nodes[i];
        QVERIFY2(finite(n.center), qPrintable(QString::number(i)));
        // Inside the drawing (y grows downwards from 0).
        QVERIFY(n.center.x >= -1 && n.center.x <= layout.widthPt + 1);
        QVERIFY(n.center.y >= -1 && n.center.y <= layout.heightPt + 1);
        QCOMPARE(n.widthPt, request.nodes[i].widthPt);
    }
    for (std::size_t i = 0; i < layout.edges.size(); ++i) {
        const auto& e = layout.edges[i];
        QCOMPARE(e.from, request.edges[i].first);
        QCOMPARE(e.to, request.edges[i].second);
        // One cubic Bezier at least: start + (control, control, end) triples.
        QVERIFY2(e.points.size() >= 4 && (e.points.size() - 1) % 3 == 0, qPrintable(QString::number(i)));
        for (const auto& p : e.points) QVERIFY(finite(p));
    }
}

void TestGraphLayout::topToBottom() {
    // dot ranks a chain top to bottom: every producer above its consumer.
    const core::Network net = analysed("resnet18");
    const views::GraphLayout layout = views::layoutGraph(requestFor(net));
    QVERIFY(layout.ok());
    for (const auto& [from, to] : views::layerDependencies(net))
        QVERIFY(layout.nodes[static_cast<std::size_t>(from)].center.y < layout.nodes[static_cast<std::size_t>(to)].center.y);
}

void TestGraphLayout::edgeCases() {
    views::GraphLayoutRequest empty;
    QVERIFY(views::layoutGraph(empty).nodes.empty());

    views::GraphLayoutRequest request;
    request.nodes = {{100, 40}, {100, 40}};
    request.edges = {{0, 1}, {1, 1}, {0, 7}, {-1, 0}};  // a self edge and two out of range: ignored
    const views::GraphLayout layout = views::layoutGraph(request);
    QVERIFY(layout.ok());
    QCOMPARE(layout.nodes.size(), std::size_t(2));
    QCOMPARE(layout.edges.size(), std::size_t(1));
    QVERIFY(layout.nodes[0].center.y < layout.nodes[1].center.y);
}

void TestGraphLayout::concurrentCallsAreSerialised() {
    // Graphviz is not thread-safe; layoutGraph serialises. Run several at once
    // and expect the same answer as alone.
    const core::Network net = analysed("googlenet");
    const views::GraphLayoutRequest request = requestFor(net);
    const views::GraphLayout reference = views::layoutGraph(request);
    QVERIFY(reference.ok());
    std::vector<views::GraphLayout> results(4);
    std::vector<std::thread> threads;
    for (auto& r : results) threads.emplace_back([&request, &r]() { r = views::layoutGraph(request); });
    for (auto& t : threads) t.join();
    for (const auto& r : results) {
        QVERIFY(r.ok());
        QCOMPARE(r.nodes.size(), reference.nodes.size());
        for (std::size_t i = 0; i < r.nodes.size(); ++i) {
            QCOMPARE(r.nodes[i].center.x, reference.nodes[i].center.x);
            QCOMPARE(r.nodes[i].center.y, reference.nodes[i].center.y);
        }
    }
}

QTEST_MAIN(TestGraphLayout)
#include "tst_graph_layout.moc"
