// `tessera-cli partition` end to end: the JSON report's per-layer and total
// figures with their baselines, --layer, bad options refused with the option
// named on stderr and nothing on stdout, the human baseline table, and an
// infeasible budget exiting 1 with the reason.

#include <QtTest>

#include <nlohmann/json.hpp>

#include "tests/common/process_run.h"

namespace {
using Run = tessera::test::ProcessRun;
Run runCli(const QStringList& args) { return tessera::test::cli(args); }

void checkKpis(const nlohmann::json& j, const std::string& where) {
    for (const char* key : {"latency_ms", "energy_mj"}) {
        QVERIFY2(j.contains(key) && j.at(key).is_number(), (where + ": " + key).c_str());
        QVERIFY2(j.at(key).get<double>() > 0, (where + ": " + key).c_str());
    }
    QVERIFY2(j.contains("baselines"), (where + ": baselines").c_str());
    for (const char* b : {"balanced", "cpu", "gpu", "fpga"}) {
        QVERIFY2(j.at("baselines").contains(b), (where + ": baselines." + b).c_str());
        for (const char* key : {"latency_ms", "energy_mj"})
            QVERIFY2(j.at("baselines").at(b).at(key).is_number(), (where + ": baselines." + b + "." + key).c_str());
    }
}
}  // namespace

class TestPartitionCli : public QObject {
    Q_OBJECT
private slots:
    void jsonOneLayer() {
        const Run r = runCli({"partition", "--network", "alexnet", "--layer", "features.3", "--json"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto j = nlohmann::json::parse(r.out.toStdString());
        QCOMPARE(j.at("status").get<std::string>(), std::string("optimal"));
        QCOMPARE(j.at("layers").size(), std::size_t(1));
        const auto& l = j.at("layers").at(0);
        QCOMPARE(l.at("layer").get<std::string>(), std::string("features.3"));
        checkKpis(l, "layers[0]");
        checkKpis(j.at("totals"), "totals");
        // One layer: the totals are that layer's figures.
        QCOMPARE(j.at("totals").at("latency_ms").get<double>(), l.at("latency_ms").get<double>());
        QVERIFY(l.at("latency_ms").get<double>() <= l.at("baselines").at("balanced").at("latency_ms").get<double>());
        double shares = 0;
        for (const auto& [d, s] : l.at("shares").items()) shares += s.get<double>();
        QCOMPARE(shares, l.at("units").get<double>());
    }

    void jsonWholeNetwork() {
        const Run r = runCli({"partition", "--network", "alexnet", "--method", "grouped-n", "--json"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto j = nlohmann::json::parse(r.out.toStdString());
        QCOMPARE(j.at("layers").size(), std::size_t(8));  // 5 conv + 3 fully connected
        double sum = 0;
        for (const auto& l : j.at("layers")) {
            checkKpis(l, l.at("layer").get<std::string>());
            sum += l.at("latency_ms").get<double>();
        }
        checkKpis(j.at("totals"), "totals");
        QVERIFY(std::abs(j.at("totals").at("latency_ms").get<double>() - sum) <= 1e-9 * sum);
    }

    void badOption_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("expected");
        QTest::newRow("method") << QStringList{"--method", "magic"} << 2 << "--method must be grouped-c, grouped-n";
        QTest::newRow("fix number") << QStringList{"--fix", "gpu=abc"} << 2 << "--fix: expected NAME=NUMBER";
        QTest::newRow("fix device") << QStringList{"--fix", "tpu=0.5"} << 2 << "fixed share: device 'tpu'";
        QTest::newRow("disable") << QStringList{"--disable", "tpu"} << 2 << "disabled device 'tpu'";
        QTest::newRow("budget") << QStringList{"--budget", "fpga.bogus=3"} << 2 << "budget 'fpga.bogus'";
        QTest::newRow("precision") << QStringList{"--precision", "int4"} << 2 << "--precision must be int8, fp16 or fp32";
        QTest::newRow("layer") << QStringList{"--layer", "nope"} << 1 << "no layer named 'nope'";
        QTest::newRow("layer not conv") << QStringList{"--layer", "features.1"} << 1 << "layer 'features.1' is a";
    }
    void badOption() {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, expected);
        const Run r = runCli(QStringList{"partition", "--network", "alexnet", "--json"} + args);
        QCOMPARE(r.status, QProcess::NormalExit);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.out.isEmpty(), qPrintable(r.out.left(300)));
        QVERIFY2(r.err.contains(expected), qPrintable(r.err));
    }

    void humanOutputHasBaselines() {
        const Run r = runCli({"partition", "--network", "alexnet", "--layer", "features.3"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        for (const char* s : {"features.3", "baseline", "latency gain", "energy gain", "balanced", "cpu", "gpu", "fpga",
                              "total:"})
            QVERIFY2(r.out.contains(s), s);
    }

    void infeasibleExitsOne() {
        const QStringList args = {"partition", "--network", "vgg16", "--layer", "features.28", "--method", "grouped-n",
                                  "--disable", "cpu,gpu", "--budget", "fpga.m20k_blocks=50"};
        const Run human = runCli(args);
        QCOMPARE(human.exitCode, 1);
        QVERIFY2(human.err.contains("features.28") && human.err.contains("fpga.m20k_blocks"), qPrintable(human.err));
        const Run js = runCli(args + QStringList{"--json"});
        QCOMPARE(js.exitCode, 1);
        const auto j = nlohmann::json::parse(js.out.toStdString());
        QCOMPARE(j.at("status").get<std::string>(), std::string("infeasible"));
        QVERIFY(j.at("layers").at(0).contains("diagnosis"));
        QVERIFY2(j.at("message").get<std::string>().find("fpga.m20k_blocks") != std::string::npos,
                 j.at("message").get<std::string>().c_str());
    }
};

QTEST_APPLESS_MAIN(TestPartitionCli)
#include "tst_partition_cli.moc"
