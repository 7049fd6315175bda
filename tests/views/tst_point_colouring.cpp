// Point colouring: the category of each layer for the shapes of decisions
// strategies give (shares, a "device" choice, other choices, nothing), stable
// and distinct colours, the legend, and a block's mix.

#include <QtTest>

#include <cmath>

#include "views/point_colouring.h"

using namespace tessera;
using views::colourPoint;
using views::decisionCategory;

namespace {

core::LayerDecision layer(int id, std::vector<std::pair<std::string, std::string>> choice,
                          std::map<std::string, double> shares = {}) {
    core::LayerDecision d;
    d.layerId = id;
    d.layer = "l" + std::to_string(id);
    d.choice = std::move(choice);
    d.shares = std::move(shares);
    return d;
}

// Partition: shares per device, a fused group named by the "group" choice.
core::DesignPoint partitionLike() {
    core::DesignPoint p;
    p.layers = {layer(0, {{"method", "tiling"}, {"cut", "rows"}}, {{"cpu", 0.25}, {"gpu", 0.75}}),
                layer(2, {{"method", "fused"}, {"cut", "rows"}, {"group", "l2 .. l3"}}, {{"fpga", 1.0}}),
                layer(3, {{"method", "fused"}, {"cut", "rows"}, {"group", "l2 .. l3"}}, {{"fpga", 1.0}}),
                layer(5, {{"method", "tiling"}, {"cut", "channels"}}, {{"fpga", 0.6}, {"gpu", 0.4}})};
    return p;
}

// DYNAMAP: an algorithm and a dataflow per convolution.
core::DesignPoint dynamapLike() {
    core::DesignPoint p;
    p.layers = {
        layer(0, {{"algorithm", "winograd"}, {"dataflow", "OS"}}), layer(1, {{"algorithm", "im2col"}, {"dataflow", "OS"}}),
        layer(2, {{"algorithm", "winograd"}, {"dataflow", "OS"}}), layer(4, {{"algorithm", "kn2row"}, {"dataflow", "WS"}})};
    return p;
}

// A hybrid mapping: a device per layer as a choice, next to other choices.
core::DesignPoint hybridLike() {
    core::DesignPoint p;
    p.layers = {layer(0, {{"engine", "systolic"}, {"device", "fpga"}}), layer(1, {{"engine", "cuda"}, {"device", "gpu"}}),
                layer(2, {{"device", "fpga"}})};
    return p;
}

}  // namespace

Q_DECLARE_METATYPE(tessera::core::LayerDecision)

class TestPointColouring : public QObject {
    Q_OBJECT
private slots:
    void categoryOfADecision_data();
    void categoryOfADecision();
    void partitionPointKeepsSplits();
    void dynamapPointByChoices();
    void hybridPointByDevice();
    void coloursAreStableAndDistinct();
    void legendOrder();
    void blockMix();
};

void TestPointColouring::categoryOfADecision_data() {
    QTest::addColumn<core::LayerDecision>("decision");
    QTest::addColumn<QString>("category");
    QTest::newRow("dominant share") << layer(0, {{"method", "tiling"}}, {{"cpu", 0.3}, {"gpu", 0.7}}) << "gpu";
    QTest::newRow("share over device choice") << layer(0, {{"device", "cpu"}}, {{"fpga", 1.0}}) << "fpga";
    QTest::newRow("zero shares ignored") << layer(0, {{"device", "cpu"}}, {{"fpga", 0.0}}) << "cpu";
    QTest::newRow("device choice") << layer(0, {{"engine", "x"}, {"device", "gpu"}}) << "gpu";
    QTest::newRow("choices joined") << layer(0, {{"algorithm", "winograd"}, {"dataflow", "OS"}}) << "winograd / OS";
    QTest::newRow("group left out") << layer(0, {{"method", "fused"}, {"group", "a .. b"}}) << "fused";
    QTest::newRow("nothing") << layer(0, {}) << "not decided";
}

void TestPointColouring::categoryOfADecision() {
    QFETCH(core::LayerDecision, decision);
    QFETCH(QString, category);
    QCOMPARE(decisionCategory(decision), category);
}

void TestPointColouring::partitionPointKeepsSplits() {
    const auto c = colourPoint(partitionLike(), 7);
    QCOMPARE(c.layers.size(), std::size_t{7});
    QCOMPARE(c.layers[0].category, QStringLiteral("gpu"));
    QCOMPARE(c.layers[0].shares, (std::vector<views::ShareBand>{{"cpu", 0.25}, {"gpu", 0.75}}));
    QCOMPARE(c.layers[2].category, QStringLiteral("fpga"));
    QCOMPARE(c.layers[5].category, QStringLiteral("fpga"));
    // Layers without a decision (pooling, activations) have no category.
    QVERIFY(!c.layers[1].decided());
    QVERIFY(!c.layers[6].decided());
}

void TestPointColouring::dynamapPointByChoices() {
    const auto c = colourPoint(dynamapLike(), 5);
    QCOMPARE(c.layers[0].category, QStringLiteral("winograd / OS"));
    QCOMPARE(c.layers[1].category, QStringLiteral("im2col / OS"));
    QCOMPARE(c.layers[4].category, QStringLiteral("kn2row / WS"));
    QVERIFY(c.layers[0].shares.empty());
    QVERIFY(!c.layers[3].decided());
    QCOMPARE(c.legend.size(), std::size_t{3});
    QCOMPARE(c.legend.front().category, QStringLiteral("winograd / OS"));
    QCOMPARE(c.legend.front().layers, 2);
}

void TestPointColouring::hybridPointByDevice() {
    const auto c = colourPoint(hybridLike(), 3);
    QCOMPARE(c.layers[0].category, QStringLiteral("fpga"));
    QCOMPARE(c.layers[1].category, QStringLiteral("gpu"));
    QCOMPARE(c.layers[2].category, QStringLiteral("fpga"));
}

void TestPointColouring::coloursAreStableAndDistinct() {
    const auto partition = colourPoint(partitionLike(), 7);
    const auto hybrid = colourPoint(hybridLike(), 3);
    // The same set of categories gets the same colours in another point.
    QCOMPARE(partition.colourOf("gpu"), hybrid.colourOf("gpu"));
    QCOMPARE(partition.colourOf("fpga"), hybrid.colourOf("fpga"));
    const auto dynamap = colourPoint(dynamapLike(), 5);
    for (const views::PointColouring* c : {&partition, &hybrid, &dynamap})
        for (std::size_t i = 0; i < c->legend.size(); ++i) {
            QVERIFY(c->legend[i].colour.isValid());
            QVERIFY(c->legend[i].colour != views::neutralColour());
            for (std::size_t j = i + 1; j < c->legend.size(); ++j) QVERIFY(c->legend[i].colour != c->legend[j].colour);
        }
    // Every palette colour keeps black text readable (WCAG contrast >= 4.5).
    for (const QColor& colour : views::categoryPalette()) {
        auto linear = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        const double luminance = 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) +
                                 0.0722 * linear(colour.blueF());
        QVERIFY2((luminance + 0.05) / 0.05 >= 4.5, qPrintable(colour.name()));
    }
    // More categories than colours still colours them all.
    core::DesignPoint many;
    for (int i = 0; i < 20; ++i) many.layers.push_back(layer(i, {{"device", "d" + std::to_string(i)}}));
    const auto c = colourPoint(many, 20);
    QCOMPARE(c.legend.size(), std::size_t{20});
    for (const auto& e : c.legend) QVERIFY(e.colour.isValid());
}

void TestPointColouring::legendOrder() {
    core::DesignPoint p = partitionLike();
    p.layers.push_back(layer(6, {}));
    const auto c = colourPoint(p, 7);
    QStringList order;
    for (const auto& e : c.legend) order << QStringLiteral("%1 %2").arg(e.category).arg(e.layers);
    // Most layers first; cpu appears only as a minority share; "not decided" last.
    QCOMPARE(order, QStringList({"fpga 3", "gpu 1", "cpu 0", "not decided 1"}));
    // Out-of-range ids are dropped, not drawn on another layer.
    core::DesignPoint bad;
    bad.layers = {layer(9, {{"device", "gpu"}})};
    QVERIFY(colourPoint(bad, 3).legend.empty());
}

void TestPointColouring::blockMix() {
    const auto c = colourPoint(partitionLike(), 7);
    // Layers 0 (cpu 25 / gpu 75), 1 (undecided), 2 (fpga): cpu 1/8, gpu 3/8, fpga 1/2.
    const auto bands = c.bandsOf({0, 1, 2});
    QCOMPARE(bands.size(), std::size_t{3});
    QCOMPARE(bands[0].name, QStringLiteral("fpga"));
    QCOMPARE(bands[0].fraction, 0.5);
    QCOMPARE(bands[1].name, QStringLiteral("gpu"));
    QCOMPARE(bands[1].fraction, 0.375);
    QCOMPARE(bands[2].fraction, 0.125);
    QVERIFY(c.bandsOf({1, 4, 6}).empty());
}

QTEST_MAIN(TestPointColouring)
#include "tst_point_colouring.moc"
