// The GP engine against cvxopt.solvers.gp on the committed reference suite
// (tests/data/gp, made by generate_gp_reference.py): random feasible GPs,
// infeasible and unbounded ones by construction, and method-1 layer GPs.

#include <QtTest>

#include <cmath>
#include <fstream>

#include <nlohmann/json.hpp>

#include "core/json/json_text.h"
#include "solver/gp/gp_diagnosis.h"
#include "solver/gp/gp_json.h"
#include "solver/gp/gp_solver.h"

using namespace tessera::solver::gp;
using nlohmann::json;

namespace {
const std::string kDir = std::string(TESSERA_TEST_DATA) + "/gp/";

json readJson(const std::string& path) {
    return tessera::core::parseJsonText(tessera::core::readTextFile(path, 64u << 20), path);
}
}  // namespace

class TestGpReference : public QObject {
    Q_OBJECT
private slots:
    void suite_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("category");
        const json manifest = readJson(kDir + "manifest.json");
        QVERIFY(manifest.at("problems").size() >= 60);
        for (const auto& p : manifest.at("problems")) {
            const std::string name = p.at("name");
            QTest::newRow(name.c_str()) << QString::fromStdString(name) << QString::fromStdString(p.at("category"));
        }
    }

    void suite() {
        QFETCH(QString, name);
        QFETCH(QString, category);
        const std::string n = name.toStdString();
        const GpModel model = readGpProblemFile(kDir + "problems/" + n + ".json");
        const json ref = readJson(kDir + "reference/" + n + ".json");
        const GpResult r = solve(model);
        const std::string expected = ref.at("expected_status");
        QVERIFY2(std::string(statusName(r.status)) == expected, qPrintable(QString::fromStdString(r.message)));
        if (expected != "optimal") return;
        const json& cx = ref.at("cvxopt");
        const double refObj = cx.at("objective");
        const double relErr = std::abs(r.objective - refObj) / refObj;
        QVERIFY2(relErr <= 1e-6, qPrintable(QString("objective %1 vs cvxopt %2 (rel err %3)").arg(r.objective, 0, 'g', 12).arg(refObj, 0, 'g', 12).arg(relErr)));
        // Our point is feasible and attains the objective. Random GPs often have
        // flat optimal faces (variables the objective does not see), so x is
        // compared with cvxopt's only where the optimum is unique (layer GPs).
        for (const auto& c : model.constraints()) {
            const double v = c.normalised().evaluate(r.x);
            if (c.sense == ConstraintSense::Equal) QVERIFY2(std::abs(v - 1.0) <= 1e-7, c.name.c_str());
            else QVERIFY2(v <= 1.0 + 1e-7, qPrintable(QString("%1 = %2").arg(QString::fromStdString(c.name)).arg(v, 0, 'g', 12)));
        }
        QVERIFY(std::abs(model.objective().evaluate(r.x) / r.objective - 1.0) <= 1e-9);
        if (category == "layer") {
            double worst = 0.0;
            std::string worstVar;
            for (const auto& [var, value] : cx.at("x").items()) {
                const double d = std::abs(std::log(r.x.at(var)) - std::log(value.get<double>()));
                if (d > worst) { worst = d; worstVar = var; }
            }
            QVERIFY2(worst <= 1e-4, qPrintable(QString("x[%1] differs from cvxopt by %2 in log").arg(QString::fromStdString(worstVar)).arg(worst)));
        }
        // Duals (= sensitivities).
        for (const auto& [cname, value] : cx.at("duals").items()) {
            const double ours = r.duals.at(cname);
            QVERIFY2(std::abs(ours - value.get<double>()) <= 1e-4 * (1.0 + std::abs(value.get<double>())),
                     qPrintable(QString("dual of %1: %2 vs cvxopt %3").arg(QString::fromStdString(cname)).arg(ours).arg(value.get<double>())));
        }
    }

    // The infeasible problems carry a known conflict: "budget" with the floors.
    void infeasibleDiagnosis_data() {
        QTest::addColumn<QString>("name");
        const json manifest = readJson(kDir + "manifest.json");
        for (const auto& p : manifest.at("problems"))
            if (p.at("category") == "infeasible") {
                const std::string name = p.at("name");
                QTest::newRow(name.c_str()) << QString::fromStdString(name);
            }
    }

    void infeasibleDiagnosis() {
        QFETCH(QString, name);
        const GpModel model = readGpProblemFile(kDir + "problems/" + name.toStdString() + ".json");
        const InfeasibilityDiagnosis d = diagnoseInfeasibility(model);
        QCOMPARE(std::string(statusName(d.status)), std::string("optimal"));
        QVERIFY(!d.relaxed.empty());
        // "budget" and its floors conflict on their own, so one of them must be relaxed.
        bool conflictRelaxed = false;
        for (const auto& r : d.relaxed) conflictRelaxed = conflictRelaxed || r.name == "budget" || r.name.rfind("floor_", 0) == 0;
        QVERIFY(conflictRelaxed);
        QVERIFY(d.totalFactor > 1.0);
        // Relaxing exactly those constraints by their factors makes the model feasible.
        GpModel fixed;
        fixed.setObjective(model.objective());
        for (const auto& c : model.constraints()) {
            double f = 1.0;
            for (const auto& r : d.relaxed)
                if (r.name == c.name) f = r.factor * (1 + 1e-4);
            if (c.sense == ConstraintSense::Equal) fixed.addEquality(c.name, c.lhs.terms().front(), c.rhs);
            else fixed.addConstraint(c.name, c.lhs, c.rhs * f);
        }
        QCOMPARE(std::string(statusName(solve(fixed).status)), std::string("optimal"));
    }
};

QTEST_APPLESS_MAIN(TestGpReference)
#include "tst_gp_reference.moc"
