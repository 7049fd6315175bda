// ResourceBarsWidget: one bar per resource of the point, stacked when the
// layers' demands add up to the use, ticks when the use is their maximum,
// red past the budget, the binding resource in the caption, hover text per
// layer.

#include <QtTest>

#include "views/resource_bars_widget.h"

using namespace tessera;
using Widget = views::ResourceBarsWidget;

namespace {

core::LayerDecision demand(int id, std::vector<core::ResourceUse> resources) {
    core::LayerDecision d;
    d.layerId = id;
    d.layer = "layer" + std::to_string(id);
    d.resources = std::move(resources);
    return d;
}

// Layers owning their hardware: ALMs add up (30 + 50 + 20 = 100 of 200);
// the DSPs are over budget (130 of 120); M20K has no per-layer figure.
core::DesignPoint stackedPoint() {
    core::DesignPoint p;
    p.resources = {
        {"fpga", "alms", "ALM", 100, 200}, {"fpga", "dsps", "DSP", 130, 120}, {"fpga", "m20k_blocks", "block", 50, 100}};
    p.layers = {demand(0, {{"fpga", "alms", "ALM", 30, 200}, {"fpga", "dsps", "DSP", 60, 120}}),
                demand(1, {{"fpga", "alms", "ALM", 50, 200}, {"fpga", "dsps", "DSP", 70, 120}}),
                demand(2, {{"fpga", "alms", "ALM", 20, 200}})};
    return p;
}

// Layers taking turns on one engine: the M20K use is the largest demand (97 of 100).
core::DesignPoint maximumPoint() {
    core::DesignPoint p;
    p.resources = {{"fpga", "m20k_blocks", "block", 97, 100}, {"fpga", "alms", "ALM", 40, 200}};
    p.layers = {demand(0, {{"fpga", "m20k_blocks", "block", 60, 100}, {"fpga", "alms", "ALM", 40, 200}}),
                demand(4, {{"fpga", "m20k_blocks", "block", 97, 100}, {"fpga", "alms", "ALM", 35, 200}}),
                demand(7, {{"fpga", "m20k_blocks", "block", 12, 100}, {"fpga", "alms", "ALM", 10, 200}})};
    return p;
}

}  // namespace

class TestResourceBars : public QObject {
    Q_OBJECT
private slots:
    void oneBarPerResource();
    void stackedWhenDemandsAddUp();
    void maximumWhenLayersTakeTurns();
    void overBudgetIsRed();
    void bindingCaption();
    void hoverNamesTheLayer();
    void narrowLayoutKeepsFigures();
};

void TestResourceBars::oneBarPerResource() {
    Widget w;
    QVERIFY(w.bars().empty());
    QCOMPARE(w.bindingBar(), -1);
    QVERIFY(w.caption().isEmpty());
    {
        const core::DesignPoint p = stackedPoint();
        w.setDesignPoint(&p);
    }  // the widget keeps what it draws
    QCOMPARE(w.bars().size(), std::size_t{3});
    QCOMPARE(w.bars()[0].name, QStringLiteral("ALM"));
    QCOMPARE(w.bars()[2].name, QStringLiteral("M20K"));  // named from the id: the unit "block" says nothing
    QCOMPARE(w.bars()[2].mode, Widget::BarMode::Total);
    w.setDesignPoint(nullptr);
    QVERIFY(w.bars().empty());
}

void TestResourceBars::stackedWhenDemandsAddUp() {
    Widget w;
    const core::DesignPoint p = stackedPoint();
    w.setDesignPoint(&p);
    const Widget::Bar& alms = w.bars()[0];
    QCOMPARE(alms.mode, Widget::BarMode::Stacked);
    QCOMPARE(alms.segments.size(), std::size_t{3});
    QCOMPARE(alms.segments[1].layerId, 1);
    QCOMPARE(alms.segments[1].amount, 50.0);
    QCOMPARE(w.bars()[1].mode, Widget::BarMode::Stacked);  // 60 + 70 = 130
    // Within 1% still adds up; 2% off does not.
    core::DesignPoint close = p;
    close.resources[0].used = 100.9;
    w.setDesignPoint(&close);
    QCOMPARE(w.bars()[0].mode, Widget::BarMode::Stacked);
    close.resources[0].used = 102;
    w.setDesignPoint(&close);
    QCOMPARE(w.bars()[0].mode, Widget::BarMode::Maximum);
}

void TestResourceBars::maximumWhenLayersTakeTurns() {
    Widget w;
    const core::DesignPoint p = maximumPoint();
    w.setDesignPoint(&p);
    const Widget::Bar& m20k = w.bars()[0];
    QCOMPARE(m20k.mode, Widget::BarMode::Maximum);
    QCOMPARE(m20k.segments.size(), std::size_t{3});
    QCOMPARE(m20k.segments[static_cast<std::size_t>(m20k.maxSegment)].layerId, 4);
    QCOMPARE(w.bars()[1].mode, Widget::BarMode::Maximum);
    QCOMPARE(w.bars()[1].segments[static_cast<std::size_t>(w.bars()[1].maxSegment)].layerId, 0);
}

void TestResourceBars::overBudgetIsRed() {
    Widget w;
    w.resize(600, 200);
    const core::DesignPoint p = stackedPoint();
    w.setDesignPoint(&p);
    QVERIFY(w.bars()[1].overBudget());
    QVERIFY(!w.bars()[0].overBudget());
    const QColor red = w.barColour(1);
    QVERIFY(red.red() > 2 * red.green() && red.red() > 2 * red.blue());
    QVERIFY(w.barColour(0) != red);
    // The drawn bar is red past the limit: look at the pixels just inside its end.
    const QImage image = w.grab().toImage();
    const QRect track = w.trackRect(1);
    const QColor drawn = image.pixelColor(track.right() - 3, track.center().y());
    QVERIFY2(drawn.red() > 2 * drawn.green(), qPrintable(drawn.name()));
    const QColor inside = image.pixelColor(track.left() + 3, track.center().y());
    QVERIFY2(inside.blue() > inside.red(), qPrintable(inside.name()));
}

void TestResourceBars::bindingCaption() {
    Widget w;
    const core::DesignPoint turns = maximumPoint();
    w.setDesignPoint(&turns);
    QCOMPARE(w.bindingBar(), 0);
    QCOMPARE(w.caption(), QStringLiteral("binding: fpga M20K 97%"));
    const core::DesignPoint over = stackedPoint();
    w.setDesignPoint(&over);
    QCOMPARE(w.bindingBar(), 1);
    QCOMPARE(w.caption(), QStringLiteral("binding: fpga DSP 108% (over budget)"));
    // No budget anywhere: nothing binds.
    core::DesignPoint free = over;
    for (auto& r : free.resources) r.budget = 0;
    w.setDesignPoint(&free);
    QCOMPARE(w.bindingBar(), -1);
    QVERIFY(w.caption().isEmpty());
}

void TestResourceBars::hoverNamesTheLayer() {
    Widget w;
    w.resize(700, 200);
    const core::DesignPoint stacked = stackedPoint();
    w.setDesignPoint(&stacked);
    // ALM: layer0 over [0, 30), layer1 over [30, 80) of a 200-wide scale.
    QRect track = w.trackRect(0);
    const QPoint inSecond(track.left() + static_cast<int>(track.width() * 0.275), track.center().y());
    QString tip = w.toolTipAt(inSecond);
    QVERIFY2(tip.contains(QStringLiteral("layer1")) && tip.contains(QStringLiteral("25% of the budget")), qPrintable(tip));
    QVERIFY(w.toolTipAt(QPoint(track.left() + 2, track.center().y())).contains(QStringLiteral("layer0")));

    const core::DesignPoint turns = maximumPoint();
    w.setDesignPoint(&turns, 7);
    QCOMPARE(w.highlightedLayer(), 7);
    track = w.trackRect(0);
    // The whole bar names the layer that sets the maximum; a tick its own layer.
    tip = w.toolTipAt(QPoint(track.left() + 1, track.center().y()));
    QVERIFY2(tip.contains(QStringLiteral("set by <b>layer4</b>")), qPrintable(tip));
    const int tick = track.left() + static_cast<int>(track.width() * 60.0 / 100.0);
    tip = w.toolTipAt(QPoint(tick, track.center().y()));
    QVERIFY2(tip.contains(QStringLiteral("<b>layer0</b>: 60 M20K (60% of the budget)")), qPrintable(tip));
    QVERIFY(w.toolTipAt(QPoint(2, w.height() - 1)).isEmpty());
}

void TestResourceBars::narrowLayoutKeepsFigures() {
    // In a ~300 px dock the figures move above the bar instead of squeezing it.
    Widget w;
    const core::DesignPoint p = stackedPoint();
    w.setDesignPoint(&p);
    w.resize(260, w.heightForWidth(260));
    const QRect track = w.trackRect(0);
    QVERIFY(track.width() > 200);
    QVERIFY(w.heightForWidth(260) > w.heightForWidth(900));
    QVERIFY(w.trackRect(2).bottom() < w.height());
}

QTEST_MAIN(TestResourceBars)
#include "tst_resource_bars.moc"
