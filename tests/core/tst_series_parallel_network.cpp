// Series-parallel decomposition of Network layer graphs (decomposeNetwork,
// core/series_parallel.h): small CNN modules built layer by layer (chain,
// residual, inception, two heads, input fork and the non-SP N graph, whose
// obstruction must name layers), and every network in the zoo, which must be
// series-parallel. Plain edge-list graphs are in tst_series_parallel.cpp.

#include <QElapsedTimer>
#include <QtTest>

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/network.h"
#include "core/series_parallel.h"
#include "core/zoo.h"

using namespace tessera::core;

namespace {

Layer makeLayer(std::string name, OpKind op, std::vector<std::string> inputs, std::int64_t outChannels = 0,
                std::int64_t kernel = 1)
{
    Layer l;
    l.name = std::move(name);
    l.op = op;
    l.inputs = std::move(inputs);
    l.attrs.outChannels = outChannels;
    l.attrs.kernel = {kernel, kernel};
    const std::int64_t pad = kernel / 2;
    l.attrs.padding = {pad, pad, pad, pad};
    return l;
}

std::string layerName(const Network& net, const SpDecomposition& d, int v)
{
    const LayerId id = d.vertexLayer[static_cast<std::size_t>(v)];
    return id.valid() ? net.layer(id).name : std::string("<virtual>");
}

}  // namespace

class TestSeriesParallelNetwork : public QObject {
    Q_OBJECT

private slots:
    void networkModules_data();
    void networkModules();
    void zooNetworks();
};

void TestSeriesParallelNetwork::networkModules_data()
{
    QTest::addColumn<QString>("module");
    QTest::addColumn<bool>("seriesParallel");
    QTest::addColumn<int>("forks");
    QTest::addColumn<int>("joins");
    QTest::addColumn<bool>("virtualSource");
    QTest::addColumn<bool>("virtualSink");

    QTest::newRow("chain") << "chain" << true << 0 << 0 << false << false;
    QTest::newRow("residual") << "residual" << true << 2 << 2 << false << false;
    QTest::newRow("inception") << "inception" << true << 2 << 1 << false << false;
    QTest::newRow("two heads") << "two heads" << true << 1 << 0 << false << true;
    QTest::newRow("input fork") << "input fork" << true << 0 << 1 << true << false;
    QTest::newRow("N") << "N" << false << 1 << 1 << true << true;
}

void TestSeriesParallelNetwork::networkModules()
{
    QFETCH(QString, module);
    QFETCH(bool, seriesParallel);
    QFETCH(int, forks);
    QFETCH(int, joins);
    QFETCH(bool, virtualSource);
    QFETCH(bool, virtualSink);

    Network net;
    net.name = module.toStdString();
    net.addInput("x", {1, 16, 8, 8});
    if (module == "chain") {
        net.addLayer(makeLayer("conv1", OpKind::Conv, {"x"}, 16, 3));
        net.addLayer(makeLayer("relu1", OpKind::Activation, {"conv1"}));
        net.addLayer(makeLayer("conv2", OpKind::Conv, {"relu1"}, 32, 3));
    } else if (module == "residual") {
        // Two basic blocks; the first adds the stem output back.
        net.addLayer(makeLayer("stem", OpKind::Conv, {"x"}, 16, 3));
        net.addLayer(makeLayer("b1_conv1", OpKind::Conv, {"stem"}, 16, 3));
        net.addLayer(makeLayer("b1_relu", OpKind::Activation, {"b1_conv1"}));
        net.addLayer(makeLayer("b1_conv2", OpKind::Conv, {"b1_relu"}, 16, 3));
        net.addLayer(makeLayer("b1_add", OpKind::Add, {"b1_conv2", "stem"}));
        net.addLayer(makeLayer("b2_conv1", OpKind::Conv, {"b1_add"}, 16, 3));
        net.addLayer(makeLayer("b2_conv2", OpKind::Conv, {"b2_conv1"}, 16, 3));
        net.addLayer(makeLayer("b2_add", OpKind::Add, {"b1_add", "b2_conv2"}));
    } else if (module == "inception") {
        // Inception-V3 module E style, with the 1x3 / 3x1 split inside a branch.
        net.addLayer(makeLayer("stem", OpKind::Conv, {"x"}, 32, 1));
        net.addLayer(makeLayer("b1_1x1", OpKind::Conv, {"stem"}, 8, 1));
        net.addLayer(makeLayer("b2_1x1", OpKind::Conv, {"stem"}, 8, 1));
        net.addLayer(makeLayer("b2_3x3", OpKind::Conv, {"b2_1x1"}, 8, 3));
        net.addLayer(makeLayer("b2_1x3", OpKind::Conv, {"b2_3x3"}, 8, 1));
        net.addLayer(makeLayer("b2_3x1", OpKind::Conv, {"b2_3x3"}, 8, 1));
        net.addLayer(makeLayer("b3_5x5", OpKind::Conv, {"stem"}, 8, 5));
        Layer pool = makeLayer("b4_pool", OpKind::MaxPool, {"stem"}, 0, 3);
        net.addLayer(pool);
        net.addLayer(makeLayer("b4_1x1", OpKind::Conv, {"b4_pool"}, 8, 1));
        net.addLayer(makeLayer("concat", OpKind::Concat, {"b1_1x1", "b2_1x3", "b2_3x1", "b3_5x5", "b4_1x1"}));
    } else if (module == "two heads") {
        net.addLayer(makeLayer("trunk", OpKind::Conv, {"x"}, 16, 3));
        net.addLayer(makeLayer("head_a", OpKind::Conv, {"trunk"}, 4, 1));
        net.addLayer(makeLayer("head_b", OpKind::Conv, {"trunk"}, 2, 1));
    } else if (module == "input fork") {
        // Two layers read the network input: two sources.
        net.addLayer(makeLayer("left", OpKind::Conv, {"x"}, 16, 3));
        net.addLayer(makeLayer("right", OpKind::Conv, {"x"}, 16, 1));
        net.addLayer(makeLayer("sum", OpKind::Add, {"left", "right"}));
    } else if (module == "N") {
        // a -> c, a -> d, b -> d: two sources, two sinks.
        net.addLayer(makeLayer("a", OpKind::Conv, {"x"}, 16, 3));
        net.addLayer(makeLayer("b", OpKind::Conv, {"x"}, 16, 1));
        net.addLayer(makeLayer("c", OpKind::Activation, {"a"}));
        net.addLayer(makeLayer("d", OpKind::Add, {"a", "b"}));
    }

    const SpDecomposition before = decomposeNetwork(net);
    QVERIFY(!before.seriesParallel);
    QVERIFY2(before.message.find("not analysed") != std::string::npos, before.message.c_str());

    const AnalysisStatus status = net.analyse();
    QVERIFY2(status.ok, status.message.c_str());
    const SpDecomposition d = decomposeNetwork(net);
    QCOMPARE(d.seriesParallel, seriesParallel);
    QCOMPARE(d.forkCount(), forks);
    QCOMPARE(d.joinCount(), joins);
    QCOMPARE(d.virtualSource, virtualSource);
    QCOMPARE(d.virtualSink, virtualSink);
    QCOMPARE(d.originalVertexCount, int(net.layerCount()));
    QCOMPARE(d.vertexLayer.size(), std::size_t(d.vertexCount));
    for (int v = 0; v < d.vertexCount; ++v)
        QCOMPARE(d.vertexLayer[static_cast<std::size_t>(v)].valid(), !d.isVirtualVertex(v));
    for (int e = 0; e < d.originalEdgeCount; ++e) {
        const SpEdge& edge = d.edges[static_cast<std::size_t>(e)];
        const auto next = net.successors(LayerId{edge.from});
        QVERIFY(std::find(next.begin(), next.end(), LayerId{edge.to}) != next.end());
    }
    if (seriesParallel) {
        const auto error = validateSpDecomposition(d);
        QVERIFY2(!error, error ? error->c_str() : "");
    } else {
        QVERIFY2(d.message.find("layer a") != std::string::npos && d.message.find("layer d") != std::string::npos,
                 d.message.c_str());
        const SpObstruction o = findSpObstruction(d);
        QVERIFY2(o.found, o.message.c_str());
        QCOMPARE(layerName(net, d, o.bridge[1]), std::string("a"));
        QCOMPARE(layerName(net, d, o.bridge[2]), std::string("d"));
    }
}

void TestSeriesParallelNetwork::zooNetworks()
{
    const std::vector<std::string> names = zooNames();
    if (names.empty())
        QSKIP("the zoo is empty");
    QStringList notSp;
    for (const std::string& name : names) {
        Network net;
        try {
            net = loadZooNetwork(name);
        } catch (const std::exception& e) {
            QFAIL(("zoo network " + name + " does not load: " + e.what()).c_str());
        }
        if (!net.analysed()) {
            const AnalysisStatus status = net.analyse();
            QVERIFY2(status.ok, (name + ": " + status.message).c_str());
        }
        QElapsedTimer timer;
        timer.start();
        const SpDecomposition d = decomposeNetwork(net);
        const qint64 us = timer.nsecsElapsed() / 1000;
        qInfo("%-22s %5zu layers %3d forks %3d joins%s%s  SP=%s  %lld us", name.c_str(), net.layerCount(),
              d.forkCount(), d.joinCount(), d.virtualSource ? " +vsource" : "", d.virtualSink ? " +vsink" : "",
              d.seriesParallel ? "yes" : "NO", us);
        if (d.seriesParallel) {
            const auto error = validateSpDecomposition(d);
            QVERIFY2(!error, (name + ": " + (error ? *error : "")).c_str());
        } else {
            const SpObstruction o = findSpObstruction(d);
            std::string why = name + ": " + d.message;
            if (o.found)
                why += "; bridge " + layerName(net, d, o.bridge[0]) + " -> {" + layerName(net, d, o.bridge[1])
                       + " -> " + layerName(net, d, o.bridge[2]) + "} -> " + layerName(net, d, o.bridge[3]);
            qWarning("%s", why.c_str());
            notSp << QString::fromStdString(why);
        }
    }
    QVERIFY2(notSp.isEmpty(), qPrintable(notSp.join("\n")));
}

QTEST_GUILESS_MAIN(TestSeriesParallelNetwork)
#include "tst_series_parallel_network.moc"
