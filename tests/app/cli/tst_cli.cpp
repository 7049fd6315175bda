// tessera-cli end to end: help everywhere, JSON contracts, errors on stderr
// with a non-zero exit and never a crash.

#include <QtTest>

#include <nlohmann/json.hpp>

#include "tests/common/process_run.h"

using nlohmann::json;

namespace {

using Run = tessera::test::ProcessRun;
using tessera::test::cli;

json readJson(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return json::parse(f.readAll().toStdString());
}

QString data(const QString& rel) { return QStringLiteral(TESSERA_TEST_DATA) + "/" + rel; }

}  // namespace

class TestCli : public QObject {
    Q_OBJECT
private slots:
    void help_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("top") << QStringList{"--help"};
        QTest::newRow("network") << QStringList{"network", "--help"};
        QTest::newRow("network list") << QStringList{"network", "list", "--help"};
        QTest::newRow("network show") << QStringList{"network", "show", "--help"};
        QTest::newRow("network import") << QStringList{"network", "import", "--help"};
        QTest::newRow("platform") << QStringList{"platform", "--help"};
        QTest::newRow("platform list") << QStringList{"platform", "list", "--help"};
        QTest::newRow("platform show") << QStringList{"platform", "show", "--help"};
        QTest::newRow("algosel") << QStringList{"algosel", "--help"};
    }
    void help() {
        QFETCH(QStringList, args);
        const Run r = cli(args);
        QCOMPARE(r.status, QProcess::NormalExit);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("Usage"), qPrintable(r.out));
    }

    void versionIsTheProjects() {
        // The version comes from project(VERSION ...) in CMakeLists.txt.
        const Run r = cli({"--version"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QString::fromUtf8("tessera-cli " TESSERA_VERSION "\n"));
    }

    void showJsonMatchesTorchvision_data() {
        QTest::addColumn<QString>("name");
        QTest::newRow("resnet50") << "resnet50";
        QTest::newRow("googlenet") << "googlenet";
        QTest::newRow("shufflenet") << "shufflenet_v2_x1_0";
    }
    void showJsonMatchesTorchvision() {
        QFETCH(QString, name);
        const Run r = cli({"network", "show", name, "--json"});
        QCOMPARE(r.exitCode, 0);
        const json doc = json::parse(r.out.toStdString());
        const json ref = readJson(data("zoo_reference/" + name + ".json"));
        QCOMPARE(doc["totals"]["macs"].get<std::int64_t>(), ref["totals"]["macs"].get<std::int64_t>());
        QCOMPARE(doc["totals"]["params"].get<std::int64_t>(), ref["totals"]["params"].get<std::int64_t>());
        std::int64_t macs = 0;
        for (const auto& l : doc["layers"]) {
            for (const char* key : {"name", "op", "input_shapes", "output_shape", "kernel", "stride", "groups", "macs", "params"})
                QVERIFY2(l.contains(key), key);
            macs += l["macs"].get<std::int64_t>();
        }
        QCOMPARE(macs, doc["totals"]["macs"].get<std::int64_t>());
    }

    void showTable() {
        const Run r = cli({"network", "show", "alexnet"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("features.0"));
        QVERIFY(r.out.contains("61,100,840 parameters"));
    }

    void inputOverride() {
        const Run r = cli({"network", "show", "resnet18", "--json", "--input", "1x3x448x448"});
        QCOMPARE(r.exitCode, 0);
        const json doc = json::parse(r.out.toStdString());
        QCOMPARE(doc["inputs"][0]["shape"].dump(), std::string("[1,3,448,448]"));
    }

    void errors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no command") << QStringList{} << 2 << "Usage";
        QTest::newRow("unknown command") << QStringList{"frobnicate"} << 2 << "unknown command 'frobnicate'";
        QTest::newRow("unknown option") << QStringList{"network", "show", "resnet18", "--jsn"} << 2 << "unknown option '--jsn'";
        QTest::newRow("unknown network") << QStringList{"network", "show", "resnet51"} << 1 << "unknown network 'resnet51'";
        QTest::newRow("missing file") << QStringList{"network", "show", "/nonexistent/net.json"} << 1 << "/nonexistent/net.json: no such file";
        QTest::newRow("bad json") << QStringList{"network", "show", data("networks_bad/wrong_type.json")} << 1 << "out_channels: must be an integer";
        QTest::newRow("cycle") << QStringList{"network", "show", data("networks_bad/cycle.json")} << 1 << "cycle";
        QTest::newRow("bad input shape") << QStringList{"network", "show", "resnet18", "--input", "1x3x0x4"} << 2 << "--input";
        QTest::newRow("input too small") << QStringList{"network", "show", "alexnet", "--input", "1x3x8x8"} << 1 << "does not fit";
        QTest::newRow("bad bytes") << QStringList{"network", "show", "resnet18", "--bytes", "3"} << 2 << "--bytes must be 1, 2 or 4";
        QTest::newRow("import without -o") << QStringList{"network", "import", "x.onnx"} << 2 << "missing -o";
        QTest::newRow("import not onnx") << QStringList{"network", "import", "x.txt", "-o", "y.json"} << 2 << "expected an .onnx file";
        QTest::newRow("unknown platform") << QStringList{"platform", "show", "no_such_board"} << 1 << "no_such_board";
        QTest::newRow("algosel without network") << QStringList{"algosel"} << 2 << "--network is required";
        QTest::newRow("algosel no overlay") << QStringList{"algosel", "--network", "resnet18", "--platform", "desktop_ryzen7950x_rtx4090"} << 1 << "no FPGA with a \"dynamap\" overlay";
        QTest::newRow("algosel bad p1") << QStringList{"algosel", "--network", "resnet18", "--p1", "0"} << 2 << "--p1 must be a whole number";
        QTest::newRow("algosel over budget") << QStringList{"algosel", "--network", "resnet18", "--p1", "256", "--p2", "256"} << 1 << "needs 32,768 DSPs";
    }
    void errors() {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, expected);
        const Run r = cli(args);
        QCOMPARE(r.status, QProcess::NormalExit);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(expected), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        QVERIFY(!r.err.contains("terminate called"));
    }

    void importRoundTrip() {
        QTemporaryDir dir;
        const QString out = dir.filePath("resnet18.json");
        const Run r = cli({"network", "import", data("onnx/resnet18.onnx"), "-o", out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const Run again = cli({"network", "show", out, "--json"});
        QCOMPARE(again.exitCode, 0);
        const json doc = json::parse(again.out.toStdString());
        const json ref = readJson(data("zoo_reference/resnet18.json"));
        QCOMPARE(doc["totals"]["macs"].get<std::int64_t>(), ref["totals"]["macs"].get<std::int64_t>());
    }

    void algoselJson() {
        const Run r = cli({"algosel", "--network", "googlenet", "--json"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const json doc = json::parse(r.out.toStdString());
        QCOMPARE(doc["platform"].get<std::string>(), std::string("alveo_u200_host"));
        QCOMPARE(doc["status"].get<std::string>(), std::string("optimal"));
        QVERIFY(doc["exact"].get<bool>());
        const double mixed = doc["mixed"]["total_ms"].get<double>();
        for (const char* b : {"im2col", "kn2row", "winograd"}) {
            QVERIFY(doc["baselines"][b]["total_ms"].get<double>() >= mixed);
            QVERIFY(doc["baselines"][b]["speedup"].get<double>() >= 1.0);
        }
        QCOMPARE(doc["layers"].size(), std::size_t(58));  // GoogLeNet: 57 convolutions + fc
        const Run sweep = cli({"algosel", "--network", "resnet18", "--sweep"});
        QVERIFY2(sweep.exitCode == 0, qPrintable(sweep.err));
        QVERIFY(sweep.out.contains("latency-vs-DSP front"));
    }

    void platformJson() {
        const Run list = cli({"platform", "list", "--json"});
        QCOMPARE(list.exitCode, 0);
        const json doc = json::parse(list.out.toStdString());
        QVERIFY(doc.dump().find("jetson_tx2_cyclone10gx") != std::string::npos);
        const Run show = cli({"platform", "show", "jetson_tx2_cyclone10gx", "--json"});
        QCOMPARE(show.exitCode, 0);
        QVERIFY(show.out.contains("80330"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
