// DYNAMAP algorithm selection: the PBQP built from a network carries the
// methods.md check values, the mixed mapping is optimal (equals brute force
// on a small module, never worse than any single-algorithm mapping on every
// zoo network), and the overlay sweep respects the DSP budget.

#include <QtTest>

#include "core/ir/network.h"
#include "core/ir/network_json.h"
#include "core/platform/platform.h"
#include "core/zoo/zoo.h"
#include "solver/algosel/algosel.h"

using namespace tessera;
using namespace tessera::solver::algosel;
using core::dynamap::Algorithm;

namespace {

core::Layer conv(const std::string& name, const std::string& in, std::int64_t cout, std::int64_t k) {
    core::Layer l;
    l.name = name;
    l.op = core::OpKind::Conv;
    l.inputs = {in};
    l.outputs = {name};
    l.attrs.outChannels = cout;
    l.attrs.kernel = {k, k};
    l.attrs.padding = {k / 2, k / 2, k / 2, k / 2};
    return l;
}

// GoogLeNet's inception 3a as in the paper (5x5 in the third branch), input 28x28x192.
core::Network inception3a() {
    core::Network net;
    net.name = "inception3a";
    net.addInput("x", {1, 192, 28, 28});
    net.addLayer(conv("b1", "x", 64, 1));
    net.addLayer(conv("b2_1x1", "x", 96, 1));
    net.addLayer(conv("b2_3x3", "b2_1x1", 128, 3));
    net.addLayer(conv("b3_1x1", "x", 16, 1));
    net.addLayer(conv("b3_5x5", "b3_1x1", 32, 5));
    core::Layer pool;
    pool.name = "b4_pool";
    pool.op = core::OpKind::MaxPool;
    pool.inputs = {"x"};
    pool.outputs = {"b4_pool"};
    pool.attrs.kernel = {3, 3};
    pool.attrs.padding = {1, 1, 1, 1};
    net.addLayer(pool);
    net.addLayer(conv("b4_1x1", "b4_pool", 32, 1));
    core::Layer cat;
    cat.name = "cat";
    cat.op = core::OpKind::Concat;
    cat.inputs = {"b1", "b2_3x3", "b3_5x5", "b4_1x1"};
    cat.outputs = {"cat"};
    net.addLayer(cat);
    const auto status = net.analyse();
    if (!status) qFatal("%s", status.message.c_str());
    return net;
}

const core::DynamapOverlay kDefaults{};

int nodeOf(const AlgoselGraph& g, const std::string& name) {
    for (int i = 0; i < g.problem.nodeCount(); ++i)
        if (g.problem.name(i) == name) return i;
    return -1;
}

}  // namespace

class TestAlgosel : public QObject {
    Q_OBJECT
private slots:
    void graphCarriesTheCheckValues() {
        const core::Network net = inception3a();
        const AlgoselGraph g = buildGraph(net, kDefaults);
        QCOMPARE(g.problem.nodeCount(), 7);  // 6 convolutions + the concat join
        // b2_1x1 -> b2_3x3, b3_1x1 -> b3_5x5, 4 edges into the concat.
        QCOMPARE(g.problem.edges().size(), std::size_t(6));
        const int n1 = nodeOf(g, "b2_1x1"), n3 = nodeOf(g, "b2_3x3"), n5 = nodeOf(g, "b3_5x5");
        // Node costs: compute + the fork edge from the input (0.002352 for 192 channels into a 1x1).
        QCOMPARE(g.problem.labelCount(n1), 1);
        QVERIFY(std::abs(g.problem.nodeCosts(n1)[0] - (0.019920 + 0.002352)) < 1e-9);
        QCOMPARE(g.problem.labelCount(n3), 3);
        const double want3[] = {0.090072, 0.077760, 0.046320};
        const double want5[] = {0.023100, 0.018000, 0.011333333333};
        for (int l = 0; l < 3; ++l) {
            QVERIFY(std::abs(g.problem.nodeCosts(n3)[l] - want3[l]) < 1e-9);
            QVERIFY(std::abs(g.problem.nodeCosts(n5)[l] - want5[l]) < 1e-9);
        }
        // The edge 1x1 -> 3x3 by the 3x3 layer's algorithm.
        for (const auto& e : g.problem.edges())
            if (e.from == n1 && e.to == n3) {
                QCOMPARE(e.costs.rows(), Eigen::Index(1));
                QVERIFY(std::abs(e.costs(0, 0) - 0.010584) < 1e-12);
                QVERIFY(std::abs(e.costs(0, 1) - 0.001176) < 1e-12);
                QVERIFY(std::abs(e.costs(0, 2) - 0.004900) < 1e-12);
            }
        // The pooling branch is contracted: b4_1x1 reads the input through it.
        const int n4 = nodeOf(g, "b4_1x1");
        QVERIFY(std::abs(g.problem.nodeCosts(n4)[0] - (core::dynamap::layerCost(*core::convView(net, *net.findLayer("b4_1x1")), Algorithm::Im2col, kDefaults).ms() + 0.002352)) < 1e-9);
    }

    void mixedEqualsBruteForce() {
        const core::Network net = inception3a();
        const Result r = selectAlgorithms(net, kDefaults);
        QVERIFY(r.exact);
        QCOMPARE(r.status, core::Status::Optimal);
        const AlgoselGraph g = buildGraph(net, kDefaults);
        const auto brute = solver::pbqp::solveBruteForce(g.problem);
        QVERIFY(std::abs(brute.cost - r.mixed.totalMs) < 1e-12);
        // 3x3 and 5x5 take Winograd here: it wins on compute and its transition is cheap.
        for (const auto& c : r.mixed.layers)
            if (c.name == "b2_3x3" || c.name == "b3_5x5") QCOMPARE(c.algorithm, Algorithm::Winograd);
    }

    void mappingAccountsForEveryCost() {
        const core::Network net = core::loadZooNetwork("googlenet");
        const AlgoselGraph g = buildGraph(net, kDefaults);
        const auto s = solver::pbqp::solve(g.problem);
        const Mapping m = mappingFromLabels(net, g, s.labels);
        QVERIFY(std::abs(m.totalMs - g.problem.evaluate(s.labels)) < 1e-9 * m.totalMs);
        QVERIFY(std::abs(m.totalMs - s.cost) < 1e-9 * m.totalMs);
        std::size_t convs = 0;
        for (const auto& l : net.layers()) convs += l.op == core::OpKind::Conv || l.op == core::OpKind::FullyConnected;
        QCOMPARE(m.layers.size(), convs);
    }

    void mixedNeverWorseThanUniform_data() {
        QTest::addColumn<QString>("name");
        for (const auto& n : core::zooNames()) QTest::newRow(n.c_str()) << QString::fromStdString(n);
    }

    void mixedNeverWorseThanUniform() {
        QFETCH(QString, name);
        const core::Network net = core::loadZooNetwork(name.toStdString());
        const Result r = selectAlgorithms(net, kDefaults);
        QVERIFY2(!r.mixed.layers.empty(), r.message.c_str());
        // Every zoo network reduces completely (series-parallel): the optimum is proven.
        QVERIFY2(r.exact, r.message.c_str());
        QCOMPARE(r.baselines.size(), std::size_t(3));
        for (const auto& b : r.baselines) {
            QVERIFY2(r.mixed.totalMs <= b.mapping.totalMs * (1 + 1e-12),
                     qPrintable(QString("%1: mixed %2 ms > all-%3 %4 ms").arg(name).arg(r.mixed.totalMs)
                                    .arg(core::dynamap::algorithmName(b.algorithm).data()).arg(b.mapping.totalMs)));
            QVERIFY(b.speedup >= 1 - 1e-12);
        }
        // Every choice is admissible for its layer.
        for (const auto& c : r.mixed.layers)
            QVERIFY(std::find(c.admissible.begin(), c.admissible.end(), c.algorithm) != c.admissible.end());
    }

    void platformOverlays() {
        const auto alveo = core::loadBuiltinPlatform("alveo_u200_host");
        const PlatformOverlay setup = platformOverlay(alveo);
        QVERIFY(setup.overlay);
        QCOMPARE(setup.overlay->p1, 92);
        QVERIFY(setup.dspBudget >= 6000);
        // A platform without an overlay is refused with a reason, not an exception.
        const PlatformOverlay none = platformOverlay(core::loadBuiltinPlatform("desktop_ryzen7950x_rtx4090"));
        QVERIFY(!none.overlay);
        QVERIFY2(none.message.find("dynamap") != std::string::npos, none.message.c_str());
    }

    void sweepRespectsTheBudget() {
        const core::Network net = core::loadZooNetwork("googlenet");
        SweepOptions o;
        o.p1Values = {16, 32, 64, 92, 128};
        o.p2Values = {16, 32, 64, 128};
        o.dspBudget = 3000;
        const SweepResult s = sweepOverlay(net, kDefaults, o);
        QVERIFY(!s.points.empty());
        QVERIFY(s.best.has_value());
        double frontBest = 1e300;
        for (const auto& p : s.points) {
            QVERIFY(p.dsps <= 3000);
            QCOMPARE(p.dsps, core::dynamap::overlayDsps(p.p1, p.p2, 8));
            QVERIFY(p.im2col + p.kn2row + p.winograd > 0);
            if (p.pareto) {
                QVERIFY(p.totalMs < frontBest);
                frontBest = p.totalMs;
            }
            QVERIFY(p.totalMs >= s.points[*s.best].totalMs);
        }
        // 128 x 64 = 4096 DSPs does not fit 3000; 92 x 64 (2944) does.
        QVERIFY(std::none_of(s.points.begin(), s.points.end(), [](const SweepPoint& p) { return p.p1 == 128 && p.p2 == 64; }));
        QVERIFY(std::any_of(s.points.begin(), s.points.end(), [](const SweepPoint& p) { return p.p1 == 92 && p.p2 == 64; }));
        QCOMPARE(s.status, core::Status::Optimal);
        const SweepResult noBudget = sweepOverlay(net, kDefaults, SweepOptions{});
        QCOMPARE(noBudget.status, core::Status::InvalidInput);
        QVERIFY(noBudget.points.empty());
        SweepOptions badGrid = o;
        badGrid.p1Values = {0};
        QCOMPARE(sweepOverlay(net, kDefaults, badGrid).status, core::Status::InvalidInput);
    }

    void networkWithoutConvolutionIsAnOutcome() {
        const core::Network net = core::networkFromJsonText(
            R"({"format": "tessera-network", "schema_version": 1, "name": "pools",
                "inputs": [{"name": "x", "shape": [1, 3, 32, 32]}],
                "layers": [{"name": "r", "op": "relu", "inputs": ["x"]},
                           {"name": "p", "op": "maxpool", "inputs": ["r"], "kernel": [2, 2], "stride": [2, 2]}]})",
            "pools.json");
        const Result r = selectAlgorithms(net, kDefaults);
        QCOMPARE(r.status, core::Status::InvalidInput);
        QVERIFY(r.mixed.layers.empty());
        QVERIFY2(r.message.find("'pools' has no convolution") != std::string::npos, r.message.c_str());
        SweepOptions o;
        o.dspBudget = 6840;
        const SweepResult s = sweepOverlay(net, kDefaults, o);
        QCOMPARE(s.status, core::Status::InvalidInput);
        QVERIFY(s.points.empty());
    }

    void sweepCanBeCancelled() {
        const core::Network net = core::loadZooNetwork("resnet18");
        SweepOptions o;
        o.dspBudget = 6840;
        int calls = 0;
        o.progress = [&](double, std::string_view) { return ++calls < 3; };
        const SweepResult s = sweepOverlay(net, kDefaults, o);
        QCOMPARE(s.status, core::Status::Cancelled);
        QCOMPARE(s.points.size(), std::size_t(2));
    }
};

QTEST_GUILESS_MAIN(TestAlgosel)
#include "tst_algosel.moc"
