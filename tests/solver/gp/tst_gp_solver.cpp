// The interior-point GP solver on small problems with known answers:
// sensitivities against finite differences, statuses, options validation,
// cancellation, warm start, and sequential GP / method 1's penalty schedule.

#include <QtTest>

#include <cmath>

#include "solver/gp/gp_diagnosis.h"
#include "solver/gp/gp_solver.h"
#include "solver/gp/signomial.h"

using namespace tessera::solver::gp;
namespace core = tessera::core;

namespace {
const Monomial x = Monomial::variable("x"), y = Monomial::variable("y"), z = Monomial::variable("z");

// Boyd's box: maximise volume h*w*d <=> minimise 1/(hwd) with wall and floor area limits.
GpModel boxModel(double awall, double aflr) {
    GpModel m;
    m.setObjective(Posynomial(pow(x * y * z, -1.0)));
    m.addConstraint("wall", Posynomial(2.0 * x * y) + Posynomial(2.0 * x * z), Monomial(awall));
    m.addConstraint("floor", Posynomial(y * z), Monomial(aflr));
    m.addConstraint("aspect_hi", Posynomial(x / y), Monomial(2.0));
    m.addConstraint("aspect_lo", Posynomial(Monomial(0.5)), x / y);
    return m;
}
}  // namespace

class TestGpSolver : public QObject {
    Q_OBJECT
private slots:
    void simpleOptimum() {
        // min x + 1/x -> 2 at x = 1.
        GpModel m;
        m.setObjective(Posynomial(x) + Posynomial(pow(x, -1.0)));
        const GpResult r = solve(m);
        QVERIFY2(r.optimal(), r.message.c_str());
        QVERIFY(std::abs(r.objective - 2.0) < 1e-8);
        QVERIFY(std::abs(r.x.at("x") - 1.0) < 1e-4);
        QVERIFY(r.seconds >= 0);
    }

    void equalityAndDual() {
        // min x + y s.t. x*y == 4: optimum 4 at x = y = 2; d log obj / d log(1/4 constant) ...
        GpModel m;
        m.setObjective(Posynomial(x) + Posynomial(y));
        m.addEquality("product", x * y, Monomial(4.0));
        const GpResult r = solve(m);
        QVERIFY2(r.optimal(), r.message.c_str());
        QVERIFY(std::abs(r.objective - 4.0) < 1e-8);
        // obj* = 2 sqrt(4/c) for c x y == 4... scaling the lhs monomial by e^d gives obj* = 4 e^{-d/2}: dual -1/2.
        QVERIFY2(std::abs(r.duals.at("product") + 0.5) < 1e-6, qPrintable(QString::number(r.duals.at("product"))));
    }

    void sensitivitiesMatchFiniteDifferences() {
        const GpResult base = solve(boxModel(200, 50));
        QVERIFY2(base.optimal(), base.message.c_str());
        const double h = 1e-4;
        for (const char* name : {"wall", "floor", "aspect_hi", "aspect_lo"}) {
            auto perturbed = [&](double d) {
                GpModel m = boxModel(200, 50);
                GpModel scaled;
                scaled.setObjective(m.objective());
                for (const auto& c : m.constraints())
                    scaled.addConstraint(c.name, c.name == name ? std::exp(d) * c.lhs : c.lhs, c.rhs);
                GpOptions o;
                o.gapTolerance = 1e-12;
                return std::log(solve(scaled, o).objective);
            };
            const double fd = (perturbed(h) - perturbed(-h)) / (2 * h);
            QVERIFY2(std::abs(fd - base.duals.at(name)) < 1e-5,
                     qPrintable(QString("%1: dual %2, finite difference %3").arg(name).arg(base.duals.at(name)).arg(fd)));
        }
    }

    void infeasibleWithDiagnosis() {
        GpModel m;
        m.setObjective(Posynomial(x) + Posynomial(y));
        m.addConstraint("budget", Posynomial(x) + Posynomial(y));       // x + y <= 1
        m.addConstraint("need_x", Posynomial(Monomial(0.8)), x);          // x >= 0.8
        m.addConstraint("need_y", Posynomial(Monomial(0.4)), y);          // y >= 0.4
        const GpResult r = solve(m);
        QCOMPARE(r.status, core::Status::Infeasible);
        QVERIFY2(r.message.find("budget") != std::string::npos, r.message.c_str());
        const InfeasibilityDiagnosis d = diagnoseInfeasibility(m);
        QCOMPARE(d.status, core::Status::Optimal);
        QCOMPARE(d.relaxed.size(), std::size_t(1));
        QCOMPARE(d.relaxed[0].name, std::string("budget"));
        QVERIFY(std::abs(d.relaxed[0].factor - 1.2) < 1e-6);
        QVERIFY(d.toString().find("budget: relax by a factor 1.2") != std::string::npos);
    }

    void inconsistentEqualities() {
        GpModel m;
        m.setObjective(Posynomial(x));
        m.addEquality("a", x * y, Monomial(2.0));
        m.addEquality("b", x * y, Monomial(3.0));
        const GpResult r = solve(m);
        QCOMPARE(r.status, core::Status::Infeasible);
        QVERIFY(r.message.find("inconsistent") != std::string::npos);
    }

    void unbounded() {
        GpModel m;
        m.setObjective(Posynomial(x / y));
        m.addConstraint("x_min", Posynomial(pow(x, -1.0)));
        const GpResult r = solve(m);
        QCOMPARE(r.status, core::Status::Unbounded);
    }

    void emptyInterior() {
        // x <= 1 and 1/x <= 1 leave the single point x = 1.
        GpModel m;
        m.setObjective(Posynomial(x) + Posynomial(y) + Posynomial(pow(y, -1.0)));
        m.addConstraint("upper", Posynomial(x));
        m.addConstraint("lower", Posynomial(pow(x, -1.0)));
        const GpResult r = solve(m);
        QVERIFY2(r.optimal(), r.message.c_str());
        QVERIFY(std::abs(r.objective - 3.0) < 1e-6);
    }

    void optionsValidation_data() {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("expected");
        QTest::newRow("iterations") << 0 << "maxIterations must be in [1, 100000], got 0";
        QTest::newRow("time") << 1 << "timeLimitSeconds must be > 0";
        QTest::newRow("gap") << 2 << "gapTolerance must be in [1e-14, 1e-2]";
        QTest::newRow("feasibility") << 3 << "feasibilityTolerance must be in";
        QTest::newRow("start") << 4 << "startPoint['x'] must be positive and finite, got -1";
        QTest::newRow("unbounded") << 5 << "unboundedObjective must be in (0, 1e-10]";
    }

    void optionsValidation() {
        QFETCH(int, which);
        QFETCH(QString, expected);
        GpOptions o;
        QVERIFY(o.validate().empty());
        switch (which) {
        case 0: o.maxIterations = 0; break;
        case 1: o.timeLimitSeconds = -1; break;
        case 2: o.gapTolerance = 0.5; break;
        case 3: o.feasibilityTolerance = std::nan(""); break;
        case 4: o.startPoint["x"] = -1; break;
        default: o.unboundedObjective = 1.0; break;
        }
        QVERIFY2(QString::fromStdString(o.validate()).contains(expected), o.validate().c_str());
        const GpResult r = solve(boxModel(200, 50), o);
        QCOMPARE(r.status, core::Status::InvalidInput);
        QVERIFY(QString::fromStdString(r.message).contains(expected));
    }

    void limitsAndCancellation() {
        GpOptions o;
        int calls = 0;
        o.progress = [&calls](double fraction, std::string_view message) {
            ++calls;
            [&] {
                QVERIFY(fraction >= 0 && fraction <= 1);
                QVERIFY(message.find("iteration " + std::to_string(calls - 1)) != std::string_view::npos);
            }();
            return calls < 4;
        };
        GpResult r = solve(boxModel(200, 50), o);
        QCOMPARE(r.status, core::Status::Cancelled);
        QCOMPARE(calls, 4);
        QCOMPARE(statusName(r.status), std::string_view("cancelled"));
        GpOptions few;
        few.maxIterations = 2;
        r = solve(boxModel(200, 50), few);
        QCOMPARE(r.status, core::Status::IterationLimit);
        QCOMPARE(r.iterations, 2);
        GpOptions tiny;
        tiny.timeLimitSeconds = 1e-12;
        QCOMPARE(solve(boxModel(200, 50), tiny).status, core::Status::TimeLimit);
    }

    void warmStart() {
        GpSolver solver(compile(boxModel(200, 50)));
        const GpResult cold = solver.solve();
        QVERIFY(cold.optimal());
        GpOptions o;
        o.startPoint = cold.x;
        for (auto& [name, value] : o.startPoint) value *= 0.999;  // strictly inside
        const GpResult warm = solver.solve(o);
        QVERIFY(warm.optimal());
        QCOMPARE(warm.phase1Iterations, 0);
        QVERIFY(std::abs(warm.objective / cold.objective - 1) < 1e-8);
        // The same solver object solves again identically (workspace reuse).
        QCOMPARE(solver.solve().objective, cold.objective);
    }

    void sequentialGp() {
        // min x s.t. x + y >= 3 (signomial: 3 <= x + y), y <= 1  -> x = 2.
        SignomialModel m;
        m.gp().setObjective(Posynomial(x));
        m.gp().addConstraint("y_max", Posynomial(y));
        m.addConstraint("cover", Posynomial(3.0), Posynomial(x) + Posynomial(y));
        SgpOptions o;
        o.start = {{"x", 5.0}, {"y", 0.5}};
        const SgpResult r = solveSignomial(m, o);
        QVERIFY2(r.converged, r.message.c_str());
        QVERIFY(std::abs(r.objective - 2.0) < 1e-5);
        QVERIFY(r.iterations >= 2);
        QVERIFY(r.maxViolation < 1e-6);
    }

    void posynomialEquality() {
        // min 1/(x y) s.t. x + y == 2 -> x = y = 1.
        SignomialModel m;
        m.gp().setObjective(Posynomial(pow(x * y, -1.0)));
        m.addEquality("sum", Posynomial(x) + Posynomial(y), Posynomial(2.0));
        SgpOptions o;
        o.start = {{"x", 0.5}, {"y", 0.5}};
        const SgpResult r = solveSignomial(m, o);
        QVERIFY2(r.converged, r.message.c_str());
        QVERIFY(std::abs(r.x.at("x") - 1.0) < 1e-4);
        QVERIFY(std::abs(r.objective - 1.0) < 1e-6);
    }

    void signomialOptionsAndCancel() {
        SgpOptions bad;
        bad.satisfaction = 1.5;
        bad.gp.maxIterations = 0;
        const std::string e = bad.validate();
        QVERIFY2(e.find("satisfaction must be in (0, 1]") != std::string::npos, e.c_str());
        QVERIFY2(e.find("maxIterations must be in [1, 100000]") != std::string::npos, e.c_str());
        SignomialModel m;
        m.gp().setObjective(Posynomial(x));
        m.gp().addConstraint("y_max", Posynomial(y));
        m.addConstraint("cover", Posynomial(3.0), Posynomial(x) + Posynomial(y));
        QCOMPARE(solveSignomial(m, bad).status, core::Status::InvalidInput);
        SgpOptions o;
        o.start = {{"x", 5.0}, {"y", 0.5}};
        o.progress = [](double, std::string_view message) { return message.substr(0, 4) != "GP 1"; };
        const SgpResult r = solveSignomial(m, o);
        QCOMPARE(r.status, core::Status::Cancelled);
        QCOMPARE(r.iterations, 1);
        QVERIFY(!r.converged);
        QVERIFY(m.toString().find("cover:  3 <= x + y   (signomial)") != std::string::npos);
    }

    void methodOnePenaltySchedule() {
        // Split C = 90 channels over three devices with different speeds:
        // min max_d(a_d C_d) s.t. sum C_d == C, by method 1's penalty schedule.
        const double C = 90;
        const std::vector<double> speed{1.0, 2.0, 4.0};
        SignomialModel m;
        std::vector<Posynomial> lat;
        Posynomial sum;
        for (int d = 0; d < 3; ++d) {
            const Monomial cd = Monomial::variable("C" + std::to_string(d));
            lat.push_back(Posynomial(cd / speed[static_cast<std::size_t>(d)]));
            sum += Posynomial(cd);
        }
        const Monomial t = m.gp().addMax("t", lat);
        m.gp().setObjective(Posynomial(t));
        m.addEquality("channels", sum, Posynomial(C));
        for (bool recondense : {false, true}) {
            SgpOptions o;
            o.method = SgpMethod::Penalty;
            o.recondense = recondense;
            o.start = {{"C0", C / 3}, {"C1", C / 3}, {"C2", C / 3}, {"t", C}};
            o.maxIterations = 200;
            const SgpResult r = solveSignomial(m, o);
            QVERIFY2(r.converged, r.message.c_str());
            double total = 0;
            for (int d = 0; d < 3; ++d) total += r.x.at("C" + std::to_string(d));
            QVERIFY(total >= 0.99 * C && total <= C * (1 + 1e-6));
            // Never worse than the balanced split (30 channels at speed 1: t = 30).
            QVERIFY(r.objective <= 30.0 + 1e-6);
            QVERIFY(r.weight >= o.penaltyStart);
            // Re-condensed around its own point the penalty no longer pulls
            // towards the reference: the loop ends at the true optimum C / 7.
            if (recondense) QVERIFY2(r.objective <= C / 7.0 * (1 + 1e-3), qPrintable(QString::number(r.objective, 'g', 10)));
        }
        // Sequential GP reaches the exact optimum 90 / 7 * ... t = C / sum(speed) = 12.857.
        SgpOptions seq;
        seq.start = {{"C0", C / 3}, {"C1", C / 3}, {"C2", C / 3}, {"t", C}};
        const SgpResult r = solveSignomial(m, seq);
        QVERIFY2(r.converged, r.message.c_str());
        QVERIFY2(std::abs(r.objective - C / 7.0) < 1e-5, qPrintable(QString::number(r.objective, 'g', 10)));
    }
};

QTEST_APPLESS_MAIN(TestGpSolver)
#include "tst_gp_solver.moc"
