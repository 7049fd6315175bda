// Network analysis: topological order, tensor bookkeeping, graph queries,
// metrics on hand-computed layers, and the errors of broken graphs.

#include <QtTest>

#include "core/ir/metrics.h"
#include "core/ir/network.h"

using namespace tessera::core;

namespace {

Layer makeConv(std::string name, std::string input, std::int64_t n, std::int64_t k, std::int64_t s = 1,
               std::int64_t p = 0, std::int64_t g = 1, bool bias = false) {
    Layer l;
    l.name = std::move(name);
    l.op = OpKind::Conv;
    l.inputs = {std::move(input)};
    l.attrs.outChannels = n;
    l.attrs.kernel = {k, k};
    l.attrs.stride = {s, s};
    l.attrs.padding = {p, p, p, p};
    l.attrs.groups = g;
    l.attrs.bias = bias;
    return l;
}

Layer makeOp(std::string name, OpKind op, std::vector<std::string> inputs) {
    Layer l;
    l.name = std::move(name);
    l.op = op;
    l.inputs = std::move(inputs);
    return l;
}

// A residual block: conv -> bn -> relu -> conv, plus the skip, then add.
Network residual() {
    Network net;
    net.name = "residual";
    net.addInput("x", {1, 16, 32, 32});
    net.addLayer(makeOp("add", OpKind::Add, {"c2", "x"}));  // deliberately out of order
    net.addLayer(makeConv("c1", "x", 16, 3, 1, 1));
    net.addLayer(makeOp("bn", OpKind::BatchNorm, {"c1"}));
    net.addLayer(makeOp("relu", OpKind::Activation, {"bn"}));
    net.addLayer(makeConv("c2", "relu", 16, 3, 1, 1, 1, true));
    return net;
}

}  // namespace

class TestNetwork : public QObject {
    Q_OBJECT
private slots:
    void topologicalOrderAndQueries() {
        Network net = residual();
        const AnalysisStatus s = net.analyse();
        QVERIFY2(s.ok, s.message.c_str());
        QStringList order;
        for (const auto& l : net.layers()) order << QString::fromStdString(l.name);
        QCOMPARE(order, QStringList({"c1", "bn", "relu", "c2", "add"}));
        const LayerId add = *net.findLayer("add");
        QCOMPARE(net.predecessors(add).size(), std::size_t(1));  // c2 (x is a network input)
        QCOMPARE(net.layer(net.predecessors(add)[0]).name, std::string("c2"));
        QCOMPARE(net.consumers("x").size(), std::size_t(2));
        QCOMPARE(net.successors(*net.findLayer("c1"))[0], *net.findLayer("bn"));
        QCOMPARE(net.outputs(), std::vector<std::string>{"add"});
        QVERIFY(!net.producer("x").has_value());
    }

    void metricsByHand() {
        Network net = residual();
        QVERIFY(net.analyse().ok);
        const NetworkMetrics m = networkMetrics(net, 4);
        // conv 3x3 16->16 on 32x32: 32*32*16 outputs * 16*9 = 2,359,296 MACs
        const LayerMetrics c1 = m.layers[net.findLayer("c1")->value];
        QCOMPARE(c1.macs, std::int64_t(2359296));
        QCOMPARE(c1.params, std::int64_t(16 * 16 * 9));
        QCOMPARE(m.layers[net.findLayer("c2")->value].params, std::int64_t(16 * 16 * 9 + 16));
        QCOMPARE(m.layers[net.findLayer("bn")->value].params, std::int64_t(32));
        QCOMPARE(m.macs, std::int64_t(2 * 2359296));
        QCOMPARE(m.params, std::int64_t(2 * 2304 + 16 + 32));
        QCOMPARE(c1.inputBytes, std::int64_t(16 * 32 * 32 * 4));
        QCOMPARE(c1.outputBytes, std::int64_t(16 * 32 * 32 * 4));
        QCOMPARE(c1.weightBytes, std::int64_t(2304 * 4));
        QVERIFY(qFuzzyCompare(c1.arithmeticIntensity, 2.0 * 2359296 / (65536 * 2 + 9216)));
        QCOMPARE(m.activationBytes, std::int64_t(5 * 65536));
        // the add reads two tensors
        QCOMPARE(m.layers[net.findLayer("add")->value].inputBytes, std::int64_t(2 * 65536));
    }

    void convViewOfDepthwiseAndLinear() {
        Network net;
        net.addInput("x", {1, 32, 112, 112});
        net.addLayer(makeConv("dw", "x", 32, 3, 2, 1, 32));
        net.addLayer(makeOp("gap", OpKind::GlobalAvgPool, {"dw"}));
        net.addLayer(makeOp("flat", OpKind::Flatten, {"gap"}));
        Layer fc = makeOp("fc", OpKind::FullyConnected, {"flat"});
        fc.attrs.outChannels = 10;
        fc.attrs.bias = true;
        net.addLayer(fc);
        QVERIFY(net.analyse().ok);
        const auto views = convViews(net);
        QCOMPARE(views.size(), std::size_t(2));
        QCOMPARE(views[0].hw, std::int64_t(112));
        QCOMPARE(views[0].c, std::int64_t(32));
        QCOMPARE(views[0].n, std::int64_t(32));
        QCOMPARE(views[0].k, std::int64_t(3));
        QCOMPARE(views[0].p, std::int64_t(56));
        QVERIFY(views[0].depthwise);
        QCOMPARE(views[0].macs, std::int64_t(56 * 56 * 32 * 9));
        QVERIFY(views[1].fullyConnected);
        QCOMPARE(views[1].c, std::int64_t(32));
        QCOMPARE(views[1].macs, std::int64_t(320));
        QCOMPARE(networkMetrics(net).layers[3].params, std::int64_t(330));
    }

    void errors_data() {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no inputs") << 0 << "no inputs";
        QTest::newRow("cycle") << 1 << "cycle through layers 'a', 'b'";
        QTest::newRow("self loop") << 2 << "reads its own output";
        QTest::newRow("written twice") << 3 << "tensor 'x' is written by both a network input and layer 'r'";
        QTest::newRow("bad output") << 4 << "network output 'nope'";
        QTest::newRow("shape error names layer") << 5 << "layer 'c' (conv) with input 1x3x4x4: kernel 7x7 does not fit";
    }

    void errors() {
        QFETCH(int, which);
        QFETCH(QString, expected);
        Network net;
        if (which != 0) net.addInput("x", {1, 3, 4, 4});
        switch (which) {
        case 0: net.addLayer(makeOp("r", OpKind::Activation, {"x"})); break;
        case 1:
            net.addLayer(makeOp("a", OpKind::Activation, {"b"}));
            net.addLayer(makeOp("b", OpKind::Activation, {"a"}));
            net.addLayer(makeOp("c", OpKind::Activation, {"x"}));
            break;
        case 2: net.addLayer(makeOp("a", OpKind::Activation, {"a"})); break;
        case 3: {
            Layer r = makeOp("r", OpKind::Activation, {"x"});
            r.outputs = {"x"};
            net.addLayer(r);
            break;
        }
        case 4:
            net.addLayer(makeOp("r", OpKind::Activation, {"x"}));
            net.setOutputs({"nope"});
            break;
        case 5: net.addLayer(makeConv("c", "x", 8, 7)); break;
        }
        const AnalysisStatus s = net.analyse();
        QVERIFY(!s.ok);
        QVERIFY2(QString::fromStdString(s.message).contains(expected), s.message.c_str());
        QVERIFY(!net.analysed());
    }

    void reshapeInput() {
        Network net = residual();
        QVERIFY(net.analyse().ok);
        QVERIFY(net.setInputShape("x", {1, 16, 64, 64}));
        QVERIFY(!net.analysed());
        QVERIFY(net.analyse().ok);
        QCOMPARE(shapeToString(net.tensorShape("add")), std::string("1x16x64x64"));
        QCOMPARE(networkMetrics(net).macs, std::int64_t(4 * 2 * 2359296));
    }
};

QTEST_GUILESS_MAIN(TestNetwork)
#include "tst_network.moc"
