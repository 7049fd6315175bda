// Network files: every malformed file gives a FormatError naming the file,
// the field and the problem; valid networks round-trip exactly.

#include <QtTest>

#include <nlohmann/json.hpp>

#include "core/ir/metrics.h"
#include "core/ir/network_json.h"
#include "core/zoo/zoo.h"

using namespace tessera::core;

class TestNetworkJson : public QObject {
    Q_OBJECT
private slots:
    void malformed_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::newRow("wrong type") << "wrong_type.json" << "layers[0] ('c').out_channels: must be an integer, got a string";
        QTest::newRow("missing field") << "missing_field.json" << "out_channels: is required for 'conv'";
        QTest::newRow("cycle") << "cycle.json" << "cycle through layers 'a', 'b'";
        QTest::newRow("zero channels") << "zero_channels.json" << "out_channels: must be at least 1, got 0";
        QTest::newRow("negative shape") << "negative_shape.json" << "inputs[0].shape[1]: must be at least 1, got -3";
        QTest::newRow("negative kernel") << "negative_kernel.json" << "kernel must be positive, got -3";
        QTest::newRow("unknown op") << "unknown_op.json" << "op: unknown operator 'convolution'";
        QTest::newRow("unknown key") << "unknown_key.json" << "strid: is not an attribute of 'conv'";
        QTest::newRow("unknown tensor") << "unknown_tensor.json" << "reads unknown tensor 'nowhere'";
        QTest::newRow("duplicate name") << "duplicate_name.json" << "layer name 'r' is used twice";
        QTest::newRow("bad groups") << "bad_groups.json" << "groups 2 does not divide the 3 input channels";
        QTest::newRow("truncated") << "truncated.json" << "not valid JSON";
        QTest::newRow("future version") << "future_version.json" << "schema_version: is 7";
        QTest::newRow("fractional") << "fractional.json" << "layers[0] ('c').kernel: must be an integer, got 3.5";
        QTest::newRow("not an object") << "not_object.json" << "must be an object, got an array";
        QTest::newRow("no layers") << "no_layers.json" << "layers: must have at least 1 element";
        QTest::newRow("huge shape") << "huge_shape.json" << "must be at most 16777216";
        QTest::newRow("empty") << "empty.json" << "not valid JSON";
        QTest::newRow("missing file") << "does_not_exist.json" << "no such file";
    }

    void malformed() {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        const std::string path = std::string(TESSERA_TEST_DATA) + "/networks_bad/" + file.toStdString();
        try {
            loadNetworkFile(path);
            QFAIL("no error raised");
        } catch (const FormatError& e) {
            const QString what = QString::fromStdString(e.what());
            QVERIFY2(what.contains(expected), qPrintable(what));
            QVERIFY2(what.startsWith(QString::fromStdString(path)), qPrintable("message does not name the file: " + what));
        }
    }

    void roundTrip_data() {
        QTest::addColumn<QString>("name");
        for (const auto& n : zooNames()) QTest::newRow(n.c_str()) << QString::fromStdString(n);
    }

    void roundTrip() {
        QFETCH(QString, name);
        const Network original = loadZooNetwork(name.toStdString());
        const QString path = QDir::temp().filePath("tessera_roundtrip_" + name + ".json");
        saveNetworkFile(original, path.toStdString());
        const Network again = loadNetworkFile(path.toStdString());
        QFile::remove(path);
        QCOMPARE(again.layerCount(), original.layerCount());
        const auto a = networkMetrics(original), b = networkMetrics(again);
        QCOMPARE(b.macs, a.macs);
        QCOMPARE(b.params, a.params);
        for (std::size_t i = 0; i < original.layerCount(); ++i) {
            const LayerId id{static_cast<int>(i)};
            QCOMPARE(again.layer(id).name, original.layer(id).name);
            QCOMPARE(shapeToString(again.outputShapes(id)[0]), shapeToString(original.outputShapes(id)[0]));
        }
        // The canonical form is a fixed point.
        QCOMPARE(networkToJson(again).dump(), networkToJson(original).dump());
    }

    void failedSaveKeepsExistingFile() {
        const Network net = loadZooNetwork(zooNames().front());
        QTemporaryDir dir;
        const std::string target = dir.filePath("sub/missing/net.json").toStdString();
        QVERIFY_THROWS_EXCEPTION(FormatError, saveNetworkFile(net, target));
    }

    void layersInAnyOrder() {
        const char* text = R"({"format":"tessera-network","schema_version":1,"name":"o",
            "inputs":[{"name":"in","shape":[1,3,8,8]}],
            "layers":[{"name":"r","op":"relu","inputs":["c"]},
                      {"name":"c","op":"conv","inputs":["in"],"out_channels":4,"kernel":3,"padding":1}]})";
        const Network net = networkFromJsonText(text, "inline");
        QCOMPARE(net.layer(LayerId{0}).name, std::string("c"));
        QCOMPARE(shapeToString(net.tensorShape("r")), std::string("1x4x8x8"));
        QCOMPARE(net.outputs(), std::vector<std::string>{"r"});
    }
};

QTEST_GUILESS_MAIN(TestNetworkJson)
#include "tst_network_json.moc"
