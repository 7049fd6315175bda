// `tessera-cli gp solve` end to end: the JSON contract on a reference problem,
// and malformed problems refused with the constraint named and a non-zero exit.

#include <QtTest>

#include <nlohmann/json.hpp>

#include "tests/common/process_run.h"

namespace {
using Run = tessera::test::ProcessRun;
Run runCli(const QStringList& args) { return tessera::test::cli(args); }

QString data(const char* relative) { return QString::fromUtf8(TESSERA_TEST_DATA) + "/gp/" + relative; }
}  // namespace

class TestGpCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
    }

    void solveJson() {
        const Run r = runCli({"gp", "solve", data("problems/layer_alexnet_conv1_con.json"), "--json"});
        QCOMPARE(r.exitCode, 0);
        const auto j = nlohmann::json::parse(r.out.toStdString());
        QCOMPARE(j.at("status").get<std::string>(), std::string("optimal"));
        for (const char* key : {"objective", "x", "duals", "iterations", "seconds"}) QVERIFY2(j.contains(key), key);
        QFile refFile(data("reference/layer_alexnet_conv1_con.json"));
        QVERIFY(refFile.open(QIODevice::ReadOnly));
        const auto ref = nlohmann::json::parse(refFile.readAll().toStdString());
        const double expected = ref.at("cvxopt").at("objective");
        QVERIFY(std::abs(j.at("objective").get<double>() / expected - 1.0) <= 1e-6);
        QVERIFY(j.at("duals").contains("fpga_alm"));
        QVERIFY(j.at("x").contains("C_fpga"));
    }

    void infeasibleExitsNonZero() {
        const Run r = runCli({"gp", "solve", data("problems/infeasible_00_n3.json"), "--json", "--diagnose"});
        QCOMPARE(r.exitCode, 1);
        const auto j = nlohmann::json::parse(r.out.toStdString());
        QCOMPARE(j.at("status").get<std::string>(), std::string("infeasible"));
        QVERIFY(!j.contains("x"));
        QVERIFY(!j.at("diagnosis").at("relaxed").empty());
    }

    void badProblem_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::newRow("negative") << "bad/negative_coefficient.json" << "('alm').posy[0].c: coefficient must be positive";
        QTest::newRow("equality") << "bad/multi_term_equality.json" << "('hw').posy: \"==\" needs a single monomial";
        QTest::newRow("unknown key") << "bad/unknown_key.json" << "constraints[0].weight: unknown key";
    }

    void badProblem() {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        const Run r = runCli({"gp", "solve", data(file.toUtf8().constData())});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(expected), qPrintable(r.err));
    }

    void badOption() {
        const Run r = runCli({"gp", "solve", data("problems/random_00_n2.json"), "--gap-tolerance", "5"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("gapTolerance must be in [1e-14, 1e-2], got 5"), qPrintable(r.err));
    }
};

QTEST_APPLESS_MAIN(TestGpCli)
#include "tst_gp_cli.moc"
