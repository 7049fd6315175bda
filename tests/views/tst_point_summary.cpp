// The one-line summary of a design point: gains are quoted against the best
// feasible baseline only (a baseline that breaks a budget is no yardstick),
// infeasible points say why, and missing KPIs are left out.

#include <QtTest>

#include "views/point_summary.h"

namespace core = tessera::core;
using tessera::views::bestFeasibleBaseline;
using tessera::views::pointSummary;

namespace {

core::DesignPoint point(const char* label, double latency, double energy, bool baseline, bool feasible) {
    core::DesignPoint p;
    p.label = label;
    p.latencyMs = latency;
    p.energyMj = energy;
    p.powerW = energy / latency;
    p.baseline = baseline;
    p.feasible = feasible;
    if (!feasible) p.violations.push_back({"fpga", "fpga M20K 204% of 587"});
    return p;
}

}  // namespace

class TestPointSummary : public QObject {
    Q_OBJECT
private slots:
    void gainsOnlyAgainstFeasibleBaselines() {
        core::Exploration e;
        e.points = {point("optimum", 2.0, 30.0, false, true), point("balanced", 1.0, 10.0, true, false),
                    point("gpu alone", 4.0, 40.0, true, true), point("cpu alone", 8.0, 20.0, true, true)};
        QCOMPARE(bestFeasibleBaseline(e), &e.points[2]);  // the fastest that fits, not "balanced"
        const QString text = pointSummary(e, e.points[0]);
        QVERIFY2(text.contains(QStringLiteral("-50.0% latency")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("-25.0% energy")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("vs gpu alone")), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("balanced")));
        // An infeasible point says why instead of quoting gains.
        const QString infeasible = pointSummary(e, e.points[1]);
        QVERIFY2(infeasible.contains(QStringLiteral("infeasible (fpga M20K 204% of 587)")), qPrintable(infeasible));
        QVERIFY(!infeasible.contains(QStringLiteral(" vs ")));
    }

    void noFeasibleBaselineNoGains() {
        core::Exploration e;
        e.points = {point("optimum", 2.0, 30.0, false, true), point("balanced", 1.0, 10.0, true, false)};
        QVERIFY(!bestFeasibleBaseline(e));
        const QString text = pointSummary(e, e.points[0]);
        QVERIFY2(text.contains(QStringLiteral("no feasible baseline")), qPrintable(text));
        QVERIFY(!text.contains(QLatin1Char('%')));
    }

    void missingEnergyIsLeftOut() {
        core::Exploration e;
        core::DesignPoint mixed = point("mixed", 2.0, 0, false, true);
        mixed.energyMj = mixed.powerW = core::kNoValue;  // DYNAMAP models no energy
        core::DesignPoint winograd = point("all winograd", 4.0, 0, true, true);
        winograd.energyMj = winograd.powerW = core::kNoValue;
        e.points = {mixed, winograd};
        const QString text = pointSummary(e, e.points[0]);
        QVERIFY2(text.startsWith(QStringLiteral("mixed: 2.00 ms · -50.0% latency vs all winograd")), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("mJ")));
    }
};

QTEST_GUILESS_MAIN(TestPointSummary)
#include "tst_point_summary.moc"
