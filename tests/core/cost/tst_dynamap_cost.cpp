// The DYNAMAP cost model against the check values of methods.md (GoogLeNet
// inception 3a, input 28x28x192, P1 = 92, P2 = 64, 200 MHz, 64 GB/s, 8-bit
// data, double buffering, F(2,3)), plus admissibility, groups and the
// double-buffering rule.

#include <QtTest>

#include "core/cost/dynamap_cost.h"
#include "core/ir/metrics.h"
#include "core/ir/network.h"
#include "core/zoo/zoo.h"

using namespace tessera::core;
using namespace tessera::core::dynamap;

namespace {

ConvView conv(std::int64_t hw, std::int64_t k, std::int64_t cin, std::int64_t cout) {
    ConvView g;
    g.p = g.q = hw;
    g.kh = g.kw = k;
    g.c = cin;
    g.n = cout;
    return g;
}

const DynamapOverlay kDefaults{};  // methods.md defaults

void near(double got, double want, const char* what) {
    QVERIFY2(std::abs(got - want) <= 1e-9, qPrintable(QString("%1: got %2, want %3").arg(what).arg(got, 0, 'g', 12).arg(want, 0, 'g', 12)));
}

}  // namespace

class TestDynamapCost : public QObject {
    Q_OBJECT
private slots:
    void defaultsAreThePapers() {
        QCOMPARE(kDefaults.p1, 92);
        QCOMPARE(kDefaults.p2, 64);
        QCOMPARE(cyclesPerMs(kDefaults), 2e5);
        QCOMPARE(elementsPerMs(kDefaults), 6.4e7);
        // (92 + 64) * 2e5 = 3.12e7 <= 6.4e7: transfers are paid once.
        QCOMPARE(transferFactor(kDefaults), 1);
    }

    void checkValuesNodes() {
        // 1x1 192 -> 96: im2col only.
        const auto g1 = conv(28, 1, 192, 96);
        QCOMPARE(admissibleAlgorithms(g1), std::vector<Algorithm>{Algorithm::Im2col});
        near(layerCost(g1, Algorithm::Im2col, kDefaults).ms(), 0.019920, "1x1 im2col");
        // 3x3 96 -> 128.
        const auto g3 = conv(28, 3, 96, 128);
        QCOMPARE(admissibleAlgorithms(g3).size(), std::size_t(3));
        near(layerCost(g3, Algorithm::Im2col, kDefaults).ms(), 0.090072, "3x3 im2col");
        near(layerCost(g3, Algorithm::Kn2row, kDefaults).ms(), 0.077760, "3x3 kn2row");
        near(layerCost(g3, Algorithm::Winograd, kDefaults).ms(), 0.046320, "3x3 winograd");
        // 5x5 16 -> 32.
        const auto g5 = conv(28, 5, 16, 32);
        near(layerCost(g5, Algorithm::Im2col, kDefaults).ms(), 0.023100, "5x5 im2col");
        near(layerCost(g5, Algorithm::Kn2row, kDefaults).ms(), 0.018000, "5x5 kn2row");
        near(layerCost(g5, Algorithm::Winograd, kDefaults).ms(), 0.011333333333, "5x5 winograd");
        // Every check value above is the output-stationary figure; WS is worse here.
        QCOMPARE(layerCost(g3, Algorithm::Kn2row, kDefaults).bestDataflow(), Dataflow::OutputStationary);
        QVERIFY(layerCost(g3, Algorithm::Kn2row, kDefaults).weightStationaryMs > 0.077760);
    }

    void checkValuesEdges() {
        const auto g3 = conv(28, 3, 96, 128);
        // Edge 1x1 (im2col) -> 3x3, by the 3x3 layer's algorithm.
        near(transitionCost(g3, 96, Algorithm::Im2col, Algorithm::Im2col, kDefaults), 0.010584, "edge im2col");
        near(transitionCost(g3, 96, Algorithm::Kn2row, Algorithm::Im2col, kDefaults), 0.001176, "edge kn2row");
        near(transitionCost(g3, 96, Algorithm::Winograd, Algorithm::Im2col, kDefaults), 0.004900, "edge winograd");
        // Fork edges: 192 channels into a 1x1 layer.
        near(transitionCost(conv(28, 1, 192, 64), 192, Algorithm::Im2col, std::nullopt, kDefaults), 0.002352, "fork edge");
        // Winograd to Winograd stays in the transformed domain: C / m^2 instead of C + m^2.
        near(transitionCost(g3, 96, Algorithm::Winograd, Algorithm::Winograd, kDefaults),
             784.0 * 4 * 96 / (4 * 6.4e7), "winograd -> winograd");
    }

    void checkValuesFromTheZoo() {
        // The same layers found in torchvision's GoogLeNet.
        const Network net = loadZooNetwork("googlenet");
        const auto id1 = net.findLayer("inception3a.branch2.0.conv");
        const auto id3 = net.findLayer("inception3a.branch2.1.conv");
        QVERIFY(id1 && id3);
        const auto g1 = convView(net, *id1);
        const auto g3 = convView(net, *id3);
        QVERIFY(g1 && g3);
        QCOMPARE(g1->c, 192);
        QCOMPARE(g3->p, 28);
        near(layerCost(*g1, Algorithm::Im2col, kDefaults).ms(), 0.019920, "zoo 1x1");
        near(layerCost(*g3, Algorithm::Winograd, kDefaults).ms(), 0.046320, "zoo 3x3 winograd");
        // The classifier is a GEMM: a 1x1 convolution on one pixel.
        const auto fc = convView(net, *net.findLayer("fc"));
        QVERIFY(fc);
        QCOMPARE(fc->outputPixels(), 1);
        QCOMPARE(fc->c, 1024);
        QCOMPARE(admissibleAlgorithms(*fc), std::vector<Algorithm>{Algorithm::Im2col});
        QVERIFY(!convView(net, *net.findLayer("maxpool2")));
    }

    void admissibility() {
        QCOMPARE(admissibleAlgorithms(conv(14, 2, 8, 8)), (std::vector<Algorithm>{Algorithm::Im2col, Algorithm::Kn2row}));
        ConvView rect = conv(14, 1, 8, 8);
        rect.kh = 1;
        rect.kw = 7;  // Inception 1x7
        QCOMPARE(admissibleAlgorithms(rect), (std::vector<Algorithm>{Algorithm::Im2col, Algorithm::Kn2row}));
        ConvView strided = conv(14, 3, 8, 8);
        strided.strideH = strided.strideW = 2;
        QVERIFY(!isAdmissible(strided, Algorithm::Winograd));
        QVERIFY(isAdmissible(strided, Algorithm::Kn2row));
        ConvView dilated = conv(14, 3, 8, 8);
        dilated.dilationH = 2;
        QVERIFY(!isAdmissible(dilated, Algorithm::Winograd));
        QVERIFY(isAdmissible(conv(14, 7, 8, 8), Algorithm::Winograd));
    }

    void groupsRunOneAfterTheOther() {
        // A depthwise 3x3 on 32 channels costs 32 single-channel convolutions.
        ConvView dw = conv(56, 3, 32, 32);
        dw.groups = 32;
        const ConvView one = conv(56, 3, 1, 1);
        for (Algorithm a : kAllAlgorithms) {
            const double whole = layerCost(dw, a, kDefaults).ms();
            const double single = layerCost(one, a, kDefaults).ms();
            QVERIFY2(std::abs(whole - 32 * single) <= 1e-12, algorithmName(a).data());
        }
        // groups = 1 is the plain formula.
        ConvView g = conv(28, 3, 96, 128);
        g.groups = 1;
        near(layerCost(g, Algorithm::Kn2row, kDefaults).ms(), 0.077760, "groups 1");
    }

    void doubleBufferingRule() {
        DynamapOverlay o = kDefaults;
        const auto g3 = conv(28, 3, 96, 128);
        const double once = transitionCost(g3, 96, Algorithm::Kn2row, Algorithm::Im2col, o);
        o.doubleBuffering = false;
        QCOMPARE(transferFactor(o), 2);
        QCOMPARE(transitionCost(g3, 96, Algorithm::Kn2row, Algorithm::Im2col, o), 2 * once);
        // Double buffering on, but a big array outruns the bandwidth.
        o = kDefaults;
        o.p1 = 256;
        o.p2 = 128;  // (256 + 128) * 2e5 = 7.68e7 > 6.4e7
        QCOMPARE(transferFactor(o), 2);
    }

    void dspRule() {
        QCOMPARE(dspsPerPe(8), 0.5);
        QCOMPARE(dspsPerPe(16), 1.0);
        QCOMPARE(dspsPerPe(32), 4.0);
        QCOMPARE(overlayDsps(92, 64, 8), std::int64_t(2944));
        QCOMPARE(overlayDsps(3, 3, 8), std::int64_t(5));
    }

    void biggerArraysAreNeverSlowerToCompute() {
        // Monotonic in P1 and P2 for the compute terms (ceil divisions).
        const auto g = conv(28, 3, 96, 128);
        DynamapOverlay small = kDefaults, big = kDefaults;
        small.p1 = 32;
        small.p2 = 32;
        for (Algorithm a : kAllAlgorithms)
            QVERIFY(layerCost(g, a, big).ms() <= layerCost(g, a, small).ms());
    }
};

QTEST_GUILESS_MAIN(TestDynamapCost)
#include "tst_dynamap_cost.moc"
