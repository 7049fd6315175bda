// tessera-cli pbqp solve end to end: the JSON solution contract of
// architecture.md, the table, and malformed instances reported on stderr
// with exit status 1 and the offending node or edge named.

#include <QtTest>

#include <nlohmann/json.hpp>

#include "tests/common/process_run.h"

using nlohmann::json;

namespace {

using Run = tessera::test::ProcessRun;
using tessera::test::cli;

QString data(const QString& rel) { return QStringLiteral(TESSERA_TEST_DATA "/pbqp/") + rel; }

json readJson(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return json::parse(f.readAll().toStdString());
}

}  // namespace

class TestPbqpCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        // Solver tests do not depend on the CLI target; build it to run these.
    }

    void help() {
        for (const QStringList& args : {QStringList{"pbqp", "--help"}, QStringList{"pbqp", "solve", "--help"}}) {
            const Run r = cli(args);
            QCOMPARE(r.exitCode, 0);
            QVERIFY(r.out.contains("Usage: tessera-cli pbqp"));
        }
    }

    void jsonSolution_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("flags");
        QTest::addColumn<QString>("status");
        QTest::addColumn<bool>("exact");
        QTest::newRow("exact") << "k5.json" << QStringList{} << "optimal" << true;
        QTest::newRow("brute force") << "k5.json" << QStringList{"--brute-force"} << "optimal" << true;
        QTest::newRow("heuristic") << "k5.json" << QStringList{"--heuristic"} << "heuristic" << false;
        QTest::newRow("reducible") << "inception_module.json" << QStringList{"--heuristic"} << "optimal" << true;
        QTest::newRow("infeasible") << "infeasible.json" << QStringList{} << "infeasible" << true;
    }
    void jsonSolution() {
        QFETCH(QString, file);
        QFETCH(QStringList, flags);
        QFETCH(QString, status);
        QFETCH(bool, exact);
        const Run r = cli(QStringList{"pbqp", "solve", data(file), "--json"} + flags);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        const json doc = json::parse(r.out.toStdString());
        QCOMPARE(doc["status"].get<std::string>(), status.toStdString());
        QCOMPARE(doc["exact"].get<bool>(), exact);
        QVERIFY(doc["labels"].is_array());
        QVERIFY(doc["cost"].is_number() || doc["cost"] == json("inf"));
        const json expected = readJson(data("expected.json"))[file.toStdString()];
        if (!exact) return;
        if (expected["cost"].is_string()) QCOMPARE(doc["cost"], expected["cost"]);
        else QCOMPARE(doc["cost"].get<double>(), expected["cost"].get<double>());
    }

    void table() {
        const Run r = cli({"pbqp", "solve", data("inception_module.json")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("b4_1x3"));
        QVERIFY(r.out.contains("node cost"));
        QVERIFY(r.out.contains("status: optimal (exact)"));
        QVERIFY(r.out.contains("cost: 79"));
    }

    void badInstances_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("self loop") << QStringList{data("bad/self_loop.json")} << 1
                                   << "self_loop.json: edges[1].to: equals 'from' (1)";
        QTest::newRow("matrix rows") << QStringList{data("bad/matrix_rows.json")} << 1
                                     << "matrix_rows.json: edges[0].costs: has 3 row(s), but 'from' node 0 ('a') has 2 label(s)";
        QTest::newRow("negative") << QStringList{data("bad/negative.json")} << 1
                                  << "negative.json: nodes[1].costs[1]: must be at least 0";
        QTest::newRow("not json") << QStringList{data("bad/not_json.json")} << 1 << "not_json.json: not valid JSON";
        QTest::newRow("missing") << QStringList{data("no_such.json")} << 1 << "no_such.json: no such file";
        QTest::newRow("two modes") << QStringList{data("k5.json"), "--heuristic", "--brute-force"} << 2
                                   << "exclude each other";
        QTest::newRow("bad limit") << QStringList{data("k5.json"), "--time-limit", "-1"} << 2
                                   << "--time-limit must be a positive number";
        QTest::newRow("no file") << QStringList{} << 2 << "expected exactly one instance file";
    }
    void badInstances() {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const Run r = cli(QStringList{"pbqp", "solve"} + args);
        QCOMPARE(r.status, QProcess::NormalExit);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestPbqpCli)
#include "tst_pbqp_cli.moc"
