// ParetoView, offscreen, fed handmade explorations: the drawn fronts are the
// brute-force non-dominated points, selection round trip by a click on a
// point's pixel, multi-selection, filters, KPI switches and fallbacks,
// export, the differing-inputs warning, the knee and baseline labels.

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <qcustomplot.h>

#include <cmath>
#include <memory>
#include <set>

#include "core/explore/kpi.h"
#include "views/pareto_view.h"

using namespace tessera;
using views::ParetoView;
using views::PointRef;

namespace {

core::DesignPoint point(const char* label, double latency, double energy, double alms, bool feasible = true,
                        bool baseline = false) {
    core::DesignPoint p;
    p.label = label;
    p.latencyMs = latency;
    p.energyMj = energy;
    p.powerW = energy / latency;
    p.resources.push_back({"fpga", "alms", "ALM", alms, 1000});
    p.feasible = feasible;
    p.baseline = baseline;
    if (!feasible) p.violations.push_back({"fpga", "fpga ALM 112% of 80,330 (conv1)"});
    return p;
}

// Latency against energy: the front is p0, p1, p3, p4 (p2, p5 dominated, p8
// equals p1 and comes later, "overbudget" is infeasible, "balanced" a
// baseline); its knee is p3. Latency against ALMs: p0 and p5.
views::ExplorationPtr explorationA(const std::string& platformHash = "platform-1") {
    auto e = std::make_shared<core::Exploration>();
    e->name = "alpha";
    e->inputs.network = "resnet18";
    e->inputs.networkHash = "network-1";
    e->inputs.platform = "jetson_tx2_cyclone10gx";
    e->inputs.platformHash = platformHash;
    e->points = {point("p0", 1, 10, 100),
                 point("p1", 2, 5, 300),
                 point("p2", 3, 6, 200),
                 point("p3", 4, 2, 400),
                 point("p4", 8, 1, 500),
                 point("p5", 5, 5, 50),
                 point("overbudget", 0.5, 0.5, 900, false),
                 point("balanced", 6, 8, 600, true, true),
                 point("p8", 2, 5, 300)};
    return e;
}

views::ExplorationPtr explorationB(const std::string& platform, const std::string& platformHash) {
    auto e = std::make_shared<core::Exploration>();
    e->name = "beta";
    e->inputs.network = "resnet18";
    e->inputs.networkHash = "network-1";
    e->inputs.platform = platform;
    e->inputs.platformHash = platformHash;
    e->points = {point("q0", 1.5, 9, 150), point("q1", 7, 3, 250), point("q2", 9, 9, 350),
                 point("one device", 10, 4, 700, false, true)};
    return e;
}

// The O(n^2) definition: feasible, non-baseline, visible points with both
// KPIs that no other such point is no worse than on both (of equal points
// the first).
std::set<std::pair<int, int>> bruteForceFront(const views::ExplorationSet& set, const views::PointMask& mask, int e,
                                              const std::string& xKey, const std::string& yKey) {
    std::vector<int> candidates;
    const auto& points = set[e]->points;
    for (int i = 0; i < static_cast<int>(points.size()); ++i) {
        const auto& p = points[static_cast<std::size_t>(i)];
        if (p.feasible && !p.baseline && views::isVisible(mask, {e, i}) && std::isfinite(core::kpiValue(p, xKey)) &&
            std::isfinite(core::kpiValue(p, yKey)))
            candidates.push_back(i);
    }
    std::set<std::pair<int, int>> front;
    for (int i : candidates) {
        const double xi = core::kpiValue(points[static_cast<std::size_t>(i)], xKey),
                     yi = core::kpiValue(points[static_cast<std::size_t>(i)], yKey);
        bool dominated = false;
        for (int j : candidates) {
            const double xj = core::kpiValue(points[static_cast<std::size_t>(j)], xKey),
                         yj = core::kpiValue(points[static_cast<std::size_t>(j)], yKey);
            if (j != i && xj <= xi && yj <= yi && (xj < xi || yj < yi || j < i)) dominated = true;
        }
        if (!dominated) front.insert({e, i});
    }
    return front;
}

std::set<std::pair<int, int>> frontOf(const ParetoView& view, int e) {
    std::set<std::pair<int, int>> out;
    for (const auto& p : view.scene().series[e].front) out.insert({p.ref.exploration, p.ref.point});
    return out;
}

// The coordinates of every step-line graph: the fronts as drawn.
std::set<std::pair<double, double>> drawnFrontCoordinates(QCustomPlot* plot) {
    std::set<std::pair<double, double>> out;
    for (int g = 0; g < plot->graphCount(); ++g) {
        QCPGraph* graph = plot->graph(g);
        if (graph->lineStyle() != QCPGraph::lsStepLeft) continue;
        for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it) out.insert({it->key, it->value});
    }
    return out;
}

std::set<std::pair<double, double>> coordinatesOf(const views::ExplorationSet& set, const std::set<std::pair<int, int>>& refs,
                                                  const std::string& xKey, const std::string& yKey) {
    std::set<std::pair<double, double>> out;
    for (const auto& [e, i] : refs) {
        const auto& p = set[e]->points[static_cast<std::size_t>(i)];
        out.insert({core::kpiValue(p, xKey), core::kpiValue(p, yKey)});
    }
    return out;
}

QPoint pixelOf(ParetoView& view, double x, double y) {
    view.plot()->replot();  // lays the axes out now, not at the next event loop turn
    return QPoint(qRound(view.plot()->xAxis->coordToPixel(x)), qRound(view.plot()->yAxis->coordToPixel(y)));
}

QPoint pixelOf(ParetoView& view, const views::ExplorationSet& set, PointRef ref) {
    const auto& p = *views::pointAt(set, ref);
    return pixelOf(view, core::kpiValue(p, view.xKpi().toStdString()), core::kpiValue(p, view.yKpi().toStdString()));
}

QStringList labelTexts(QCustomPlot* plot) {
    QStringList out;
    for (int i = 0; i < plot->itemCount(); ++i)
        if (auto* text = qobject_cast<QCPItemText*>(plot->item(i))) out << text->text();
    return out;
}

}  // namespace

class TestParetoView : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void frontIsTheNonDominatedPoints();
    void selectionRoundTrip();
    void ctrlClickAndBoxSelectSeveral();
    void shiftDragZoomsToTheBox();
    void filterHidesPoints();
    void resourceKpiRecomputesTheFront();
    void missingKpiFallsBack();
    void logAxesLeaveOutNonPositive();
    void exportWritesEveryFormat();
    void warnsOnlyWhenInputsDiffer();
    void kneeAndBaselinesAreLabelled();
    void tooltipTellsTheViolation();

private:
    void show(const views::ExplorationSet& set);
    std::unique_ptr<ParetoView> m_view;
    views::ExplorationSet m_set;
};

void TestParetoView::init() {
    m_view = std::make_unique<ParetoView>();
    m_view->resize(640, 420);
}

void TestParetoView::cleanup() { m_view.reset(); }

void TestParetoView::show(const views::ExplorationSet& set) {
    m_set = set;
    m_view->setExplorations(set);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestParetoView::frontIsTheNonDominatedPoints() {
    show({explorationA(), explorationB("jetson_tx2_cyclone10gx", "platform-1")});
    QCOMPARE(m_view->xKpi(), QStringLiteral("latency_ms"));
    QCOMPARE(m_view->yKpi(), QStringLiteral("energy_mj"));
    std::set<std::pair<double, double>> expectedDrawn;
    for (int e = 0; e < m_set.size(); ++e) {
        const auto expected = bruteForceFront(m_set, {}, e, "latency_ms", "energy_mj");
        QCOMPARE(frontOf(*m_view, e), expected);
        expectedDrawn.merge(coordinatesOf(m_set, expected, "latency_ms", "energy_mj"));
    }
    QCOMPARE(frontOf(*m_view, 0), (std::set<std::pair<int, int>>{{0, 0}, {0, 1}, {0, 3}, {0, 4}}));
    QCOMPARE(drawnFrontCoordinates(m_view->plot()), expectedDrawn);
    // Every exploration has its legend entry, named after it, with its hypervolume.
    QStringList legend;
    for (int i = 0; i < m_view->plot()->legend->itemCount(); ++i)
        if (auto* item = qobject_cast<QCPPlottableLegendItem*>(m_view->plot()->legend->item(i)))
            legend << item->plottable()->name();
    QVERIFY2(legend.filter(QRegularExpression("^alpha .*HV")).size() == 1, qPrintable(legend.join('|')));
    QVERIFY2(legend.filter(QRegularExpression("^beta .*HV")).size() == 1, qPrintable(legend.join('|')));
    // Reference 1.1 x (10, 10) (the largest shown, the infeasible and baseline points included):
    // alpha's front (8,1) (4,2) (2,5) (1,10) dominates 3*10 + 4*9 + 2*6 + 1*1 = 79.
    QCOMPARE(m_view->scene().referenceX, 11.0);
    QCOMPARE(m_view->scene().referenceY, 11.0);
    QVERIFY(std::abs(m_view->scene().series[0].hypervolume - 79.0) < 1e-9);
}

void TestParetoView::selectionRoundTrip() {
    show({explorationA()});
    QSignalSpy selected(m_view.get(), &ParetoView::pointSelected);
    m_view->setSelection({0, 3});
    QCOMPARE(m_view->selection(), (PointRef{0, 3}));
    QCOMPARE(selected.count(), 0);  // set from outside: no echo

    QTest::mouseClick(m_view->plot(), Qt::LeftButton, {}, pixelOf(*m_view, m_set, PointRef{0, 5}));
    QCOMPARE(selected.count(), 1);
    QCOMPARE(selected.at(0).at(0).value<PointRef>(), (PointRef{0, 5}));
    QCOMPARE(m_view->selection(), (PointRef{0, 5}));

    // The infeasible and baseline points are selectable too.
    QTest::mouseClick(m_view->plot(), Qt::LeftButton, {}, pixelOf(*m_view, m_set, PointRef{0, 7}));
    QCOMPARE(selected.count(), 2);
    QCOMPARE(selected.at(1).at(0).value<PointRef>(), (PointRef{0, 7}));

    // Far from every point: nothing.
    QTest::mouseClick(m_view->plot(), Qt::LeftButton, {}, pixelOf(*m_view, 7.5, 9.5));
    QCOMPARE(selected.count(), 2);
    QCOMPARE(m_view->selection(), (PointRef{0, 7}));
}

void TestParetoView::ctrlClickAndBoxSelectSeveral() {
    show({explorationA()});
    QSignalSpy several(m_view.get(), &ParetoView::pointsSelected);
    QTest::mouseClick(m_view->plot(), Qt::LeftButton, {}, pixelOf(*m_view, m_set, PointRef{0, 0}));
    QTest::mouseClick(m_view->plot(), Qt::LeftButton, Qt::ControlModifier, pixelOf(*m_view, m_set, PointRef{0, 4}));
    QCOMPARE(several.count(), 1);
    QCOMPARE(several.last().at(0).value<QVector<PointRef>>(), (QVector<PointRef>{{0, 0}, {0, 4}}));
    QCOMPARE(m_view->selection(), (PointRef{0, 0}));  // Ctrl-click adds, it does not move the selection
    // Ctrl-click again removes.
    QTest::mouseClick(m_view->plot(), Qt::LeftButton, Qt::ControlModifier, pixelOf(*m_view, m_set, PointRef{0, 4}));
    QCOMPARE(several.last().at(0).value<QVector<PointRef>>(), (QVector<PointRef>{{0, 0}}));

    // Ctrl-drag a box around latency 3.5..8.5, energy 0.5..2.5: p3 and p4.
    const QPoint from = pixelOf(*m_view, 3.5, 2.5), to = pixelOf(*m_view, 8.5, 0.5);
    QTest::mousePress(m_view->plot(), Qt::LeftButton, Qt::ControlModifier, from);
    QTest::mouseMove(m_view->plot(), (from + to) / 2);
    QTest::mouseMove(m_view->plot(), to);
    QTest::mouseRelease(m_view->plot(), Qt::LeftButton, Qt::ControlModifier, to);
    QCOMPARE(several.last().at(0).value<QVector<PointRef>>(), (QVector<PointRef>{{0, 3}, {0, 4}}));
    QCOMPARE(m_view->multiSelection(), (QVector<PointRef>{{0, 3}, {0, 4}}));
}

void TestParetoView::shiftDragZoomsToTheBox() {
    show({explorationA()});
    QSignalSpy several(m_view.get(), &ParetoView::pointsSelected);
    const QPoint from = pixelOf(*m_view, 2, 6), to = pixelOf(*m_view, 6, 1);
    QTest::mousePress(m_view->plot(), Qt::LeftButton, Qt::ShiftModifier, from);
    QTest::mouseMove(m_view->plot(), (from + to) / 2);
    QTest::mouseMove(m_view->plot(), to);
    QTest::mouseRelease(m_view->plot(), Qt::LeftButton, Qt::ShiftModifier, to);
    QCOMPARE(several.count(), 0);  // a zoom, not a selection
    const QCPRange x = m_view->plot()->xAxis->range(), y = m_view->plot()->yAxis->range();
    QVERIFY2(std::abs(x.lower - 2) < 0.05 && std::abs(x.upper - 6) < 0.05,
             qPrintable(QStringLiteral("%1..%2").arg(x.lower).arg(x.upper)));
    QVERIFY2(std::abs(y.lower - 1) < 0.05 && std::abs(y.upper - 6) < 0.05,
             qPrintable(QStringLiteral("%1..%2").arg(y.lower).arg(y.upper)));
    // Reset brings every point back into view.
    m_view->resetView();
    QVERIFY(m_view->plot()->xAxis->range().contains(0.5) && m_view->plot()->xAxis->range().contains(8));
    QVERIFY(m_view->plot()->yAxis->range().contains(0.5) && m_view->plot()->yAxis->range().contains(10));
}

void TestParetoView::filterHidesPoints() {
    show({explorationA()});
    const QPoint p3 = pixelOf(*m_view, m_set, PointRef{0, 3});
    views::PointMask mask = {std::vector<bool>(m_set[0]->points.size(), true)};
    mask[0][3] = false;  // on the front
    m_view->setFilter(mask);
    const auto expected = bruteForceFront(m_set, mask, 0, "latency_ms", "energy_mj");
    QCOMPARE(expected, (std::set<std::pair<int, int>>{{0, 0}, {0, 1}, {0, 4}}));
    QCOMPARE(frontOf(*m_view, 0), expected);
    QCOMPARE(drawnFrontCoordinates(m_view->plot()), coordinatesOf(m_set, expected, "latency_ms", "energy_mj"));
    QCOMPARE(m_view->scene().shownCount, static_cast<int>(m_set[0]->points.size()) - 1);

    QSignalSpy selected(m_view.get(), &ParetoView::pointSelected);
    QCOMPARE(pixelOf(*m_view, m_set, PointRef{0, 3}), p3);  // a filter keeps the view where it was
    QTest::mouseClick(m_view->plot(), Qt::LeftButton, {}, p3);
    QCOMPARE(selected.count(), 0);
    // A hidden selection is not drawn, and comes back with the point.
    m_view->setSelection({0, 3});
    QSignalSpy several(m_view.get(), &ParetoView::pointsSelected);
    QTest::mouseClick(m_view->plot(), Qt::LeftButton, Qt::ControlModifier, p3);
    QCOMPARE(several.count(), 0);

    m_view->setFilter({});
    QCOMPARE(frontOf(*m_view, 0), bruteForceFront(m_set, {}, 0, "latency_ms", "energy_mj"));
    QTest::mouseClick(m_view->plot(), Qt::LeftButton, {}, pixelOf(*m_view, m_set, PointRef{0, 3}));
    QCOMPARE(selected.count(), 1);
}

void TestParetoView::resourceKpiRecomputesTheFront() {
    show({explorationA(), explorationB("jetson_tx2_cyclone10gx", "platform-1")});
    QSignalSpy kpis(m_view.get(), &ParetoView::kpisChanged);
    // The user picks fpga ALM on the y axis.
    auto* yBox = m_view->findChild<QComboBox*>(QStringLiteral("paretoYKpi"));
    QVERIFY(yBox);
    const int alms = yBox->findData(QStringLiteral("fpga.alms"));
    QVERIFY(alms >= 0);
    yBox->setCurrentIndex(alms);
    QCOMPARE(kpis.count(), 1);
    QCOMPARE(kpis.at(0).at(1).toString(), QStringLiteral("fpga.alms"));
    QCOMPARE(m_view->yKpi(), QStringLiteral("fpga.alms"));
    for (int e = 0; e < m_set.size(); ++e)
        QCOMPARE(frontOf(*m_view, e), bruteForceFront(m_set, {}, e, "latency_ms", "fpga.alms"));
    QCOMPARE(frontOf(*m_view, 0), (std::set<std::pair<int, int>>{{0, 0}, {0, 5}}));
    QVERIFY(m_view->plot()->yAxis->label().contains(QStringLiteral("ALM")));

    // setKpis does the same without a signal.
    m_view->setKpis(QStringLiteral("power_w"), QStringLiteral("energy_mj"));
    QCOMPARE(kpis.count(), 1);
    QCOMPARE(m_view->xKpi(), QStringLiteral("power_w"));
    QCOMPARE(frontOf(*m_view, 0), bruteForceFront(m_set, {}, 0, "power_w", "energy_mj"));
    QCOMPARE(m_view->findChild<QComboBox*>(QStringLiteral("paretoXKpi"))->currentData().toString(), QStringLiteral("power_w"));
}

void TestParetoView::missingKpiFallsBack() {
    // DYNAMAP models no energy (nor power): latency against its first resource.
    auto dynamap = std::make_shared<core::Exploration>();
    dynamap->name = "dynamap";
    for (int i = 0; i < 4; ++i) {
        core::DesignPoint p;
        p.label = "o" + std::to_string(i);
        p.latencyMs = 10.0 - i;
        p.resources.push_back({"fpga", "dsps", "DSP", 100.0 * (i + 1), 1000});
        dynamap->points.push_back(p);
    }
    QSignalSpy kpis(m_view.get(), &ParetoView::kpisChanged);
    show({dynamap});
    QCOMPARE(m_view->xKpi(), QStringLiteral("latency_ms"));
    QCOMPARE(m_view->yKpi(), QStringLiteral("fpga.dsps"));
    QCOMPARE(kpis.count(), 1);
    QCOMPARE(m_view->findChild<QComboBox*>(QStringLiteral("paretoYKpi"))->findData(QStringLiteral("energy_mj")), -1);
    QCOMPARE(m_view->scene().series[0].front.size(), 4);  // a pure trade-off: every point
    // The wanted energy comes back with explorations that report it.
    m_view->setExplorations({explorationA()});
    QCOMPARE(m_view->yKpi(), QStringLiteral("energy_mj"));
}

void TestParetoView::logAxesLeaveOutNonPositive() {
    auto e = std::make_shared<core::Exploration>(*explorationA());
    e->points[5].resources[0].used = 0;  // p5 uses no ALM: no place on a log axis
    show({e});
    m_view->setKpis(QStringLiteral("latency_ms"), QStringLiteral("fpga.alms"));
    QCOMPARE(frontOf(*m_view, 0), (std::set<std::pair<int, int>>{{0, 5}, {0, 0}}));
    m_view->setLogScale(false, true);
    QCOMPARE(m_view->plot()->yAxis->scaleType(), QCPAxis::stLogarithmic);
    QCOMPARE(m_view->scene().shownCount, static_cast<int>(e->points.size()) - 1);
    QCOMPARE(frontOf(*m_view, 0), (std::set<std::pair<int, int>>{{0, 0}}));
    m_view->setLogScale(false, false);
    QCOMPARE(m_view->plot()->yAxis->scaleType(), QCPAxis::stLinear);
    QCOMPARE(m_view->scene().shownCount, static_cast<int>(e->points.size()));
}

void TestParetoView::exportWritesEveryFormat() {
    show({explorationA()});
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::pair<const char*, QByteArray> formats[] = {{"plot.png", "\x89PNG"}, {"plot.svg", "<svg"}, {"plot.pdf", "%PDF"}};
    for (const auto& [name, magic] : formats) {
        const QString path = dir.filePath(QString::fromLatin1(name));
        QVERIFY2(m_view->exportTo(path), name);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        QVERIFY2(content.size() > 1000, name);
        QVERIFY2(content.contains(magic), name);
    }
    QVERIFY(!m_view->exportTo(dir.filePath(QStringLiteral("plot.bmp"))));
    QVERIFY(!m_view->exportTo(dir.filePath(QStringLiteral("missing/plot.svg"))));
}

void TestParetoView::warnsOnlyWhenInputsDiffer() {
    show({explorationA(), explorationB("jetson_tx2_cyclone10gx", "platform-1")});
    auto* warning = m_view->findChild<QLabel*>(QStringLiteral("paretoInputsWarning"));
    QVERIFY(warning);
    QVERIFY(warning->isHidden());

    m_view->setExplorations({explorationA(), explorationB("alveo_u200_host", "platform-2")});
    QVERIFY(!warning->isHidden());
    QVERIFY(warning->text().contains(QStringLiteral("jetson_tx2_cyclone10gx (alpha)")));
    QVERIFY(warning->text().contains(QStringLiteral("alveo_u200_host (beta)")));
    QVERIFY(!warning->text().contains(QStringLiteral("network")));  // the networks are the same

    // Same name, different descriptor (an edited platform file): told apart by hash.
    m_view->setExplorations({explorationA(), explorationB("jetson_tx2_cyclone10gx", "platform-3")});
    QVERIFY(!warning->isHidden());
    QVERIFY(warning->text().contains(QStringLiteral("[platform")));

    m_view->setExplorations({explorationA()});
    QVERIFY(warning->isHidden());
}

void TestParetoView::kneeAndBaselinesAreLabelled() {
    show({explorationA(), explorationB("jetson_tx2_cyclone10gx", "platform-1")});
    const views::ParetoSeries& alpha = m_view->scene().series[0];
    QVERIFY(alpha.knee >= 0);
    QCOMPARE(alpha.front[alpha.knee].ref, (PointRef{0, 3}));
    const QStringList labels = labelTexts(m_view->plot());
    QVERIFY2(labels.contains(QStringLiteral("balanced")), qPrintable(labels.join('|')));
    QVERIFY2(labels.contains(QStringLiteral("one device")), qPrintable(labels.join('|')));
    // beta's front (q0, q1) has two points: no knee. alpha's knee label sits at p3.
    QCOMPARE(labels.count(QStringLiteral("knee")), 1);
    const QPoint knee = pixelOf(*m_view, m_set, PointRef{0, 3});
    for (int i = 0; i < m_view->plot()->itemCount(); ++i) {
        auto* text = qobject_cast<QCPItemText*>(m_view->plot()->item(i));
        if (!text || text->text() != QStringLiteral("knee")) continue;
        QVERIFY(text->position->parentAnchor());
        QCOMPARE(text->position->parentAnchor()->pixelPosition().toPoint(), knee);
    }
}

void TestParetoView::tooltipTellsTheViolation() {
    const views::ExplorationSet set = {explorationA()};
    const QVector<core::Kpi> kpis = views::availableKpis(set);
    const QString infeasible = views::pointToolTip(set, {0, 6}, kpis, QStringLiteral("latency_ms"), QStringLiteral("fpga.alms"));
    QVERIFY2(infeasible.contains(QStringLiteral("overbudget")), qPrintable(infeasible));
    QVERIFY(infeasible.contains(QStringLiteral("alpha")));
    QVERIFY(infeasible.contains(QStringLiteral("0.5 ms")));
    QVERIFY(infeasible.contains(QStringLiteral("900 ALM of ")));  // the budget, grouped as the locale does
    QVERIFY(infeasible.contains(QStringLiteral("(90%)")));
    QVERIFY(infeasible.contains(QStringLiteral("infeasible")));
    QVERIFY(infeasible.contains(QStringLiteral("fpga ALM 112% of 80,330 (conv1)")));
    const QString baseline = views::pointToolTip(set, {0, 7}, kpis, QStringLiteral("latency_ms"), QStringLiteral("energy_mj"));
    QVERIFY(baseline.contains(QStringLiteral("baseline")));
    QVERIFY(baseline.contains(QStringLiteral("feasible")));
    QVERIFY(!baseline.contains(QStringLiteral("infeasible")));
}

QTEST_MAIN(TestParetoView)
#include "tst_pareto_view.moc"
