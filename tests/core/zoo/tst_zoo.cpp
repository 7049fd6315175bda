// The model zoo against torchvision: every layer's output shape, MACs and
// parameters, and the totals, equal the numbers PyTorch computed from the
// reference definitions (tests/data/zoo_reference, made by
// resources/zoo/generate_zoo.py with real forward passes and hooks).

#include <QtTest>

#include <fstream>

#include <nlohmann/json.hpp>

#include "core/ir/metrics.h"
#include "core/zoo/zoo.h"

using namespace tessera::core;
using nlohmann::json;

namespace {

json loadReference(const std::string& name) {
    std::ifstream in(std::string(TESSERA_TEST_DATA) + "/zoo_reference/" + name + ".json");
    if (!in) return {};
    return json::parse(in);
}

const QStringList kExpectedZoo = {"alexnet", "googlenet", "inception_v3", "inception_v4", "mobilenet_v2",
                                  "resnet18", "resnet50", "shufflenet_v2_x1_0", "squeezenet1_0", "vgg16"};

}  // namespace

class TestZoo : public QObject {
    Q_OBJECT
private slots:
    void zooHasTheTorchvisionNames() {
        QStringList names;
        for (const auto& n : zooNames()) names << QString::fromStdString(n);
        QCOMPARE(names, kExpectedZoo);
        QVERIFY(isZooName("resnet50"));
        QVERIFY(!isZooName("resnet51"));
        QVERIFY_THROWS_EXCEPTION(FormatError, loadZooNetwork("resnet51"));
    }

    void matchesTorchvision_data() {
        QTest::addColumn<QString>("name");
        for (const auto& n : kExpectedZoo) QTest::newRow(qPrintable(n)) << n;
    }

    void matchesTorchvision() {
        QFETCH(QString, name);
        const json ref = loadReference(name.toStdString());
        QVERIFY2(!ref.is_null(), "reference file missing");
        const Network net = loadZooNetwork(name.toStdString());
        const NetworkMetrics m = networkMetrics(net);

        QCOMPARE(net.inputs().front().shape, ref["input_shape"].get<Shape>());
        QCOMPARE(m.macs, ref["totals"]["macs"].get<std::int64_t>());
        QCOMPARE(m.params, ref["totals"]["params"].get<std::int64_t>());

        std::int64_t convs = 0, linears = 0;
        for (const auto& l : net.layers()) {
            convs += l.op == OpKind::Conv;
            linears += l.op == OpKind::FullyConnected;
        }
        QCOMPARE(convs, ref["totals"]["conv_layers"].get<std::int64_t>());
        QCOMPARE(linears, ref["totals"]["linear_layers"].get<std::int64_t>());

        int compared = 0;
        for (const auto& [layerName, r] : ref["layers"].items()) {
            const auto id = net.findLayer(layerName);
            QVERIFY2(id.has_value(), ("layer missing from the zoo network: " + layerName).c_str());
            // Layers with several outputs (split / chunk) list every output shape.
            const std::vector<Shape> want = r.contains("output_shapes") ? r["output_shapes"].get<std::vector<Shape>>()
                                                                        : std::vector<Shape>{r["output_shape"].get<Shape>()};
            const std::vector<Shape> got = net.outputShapes(*id);
            QVERIFY2(got.size() == want.size(), (layerName + ": number of outputs differs from torchvision").c_str());
            for (std::size_t o = 0; o < want.size(); ++o)
                QVERIFY2(got[o] == want[o], (layerName + ": output " + shapeToString(got[o]) + ", torchvision " +
                                             shapeToString(want[o])).c_str());
            if (r.contains("macs")) QCOMPARE(m.layers[id->value].macs, r["macs"].get<std::int64_t>());
            if (r.contains("params") && (net.layer(*id).op == OpKind::Conv || net.layer(*id).op == OpKind::FullyConnected))
                QCOMPARE(m.layers[id->value].params, r["params"].get<std::int64_t>());
            ++compared;
        }
        QVERIFY(compared >= convs);
    }

    void inputResolutionCanChange() {
        Network net = loadZooNetwork("resnet18");
        const auto before = networkMetrics(net).macs;
        QVERIFY(net.setInputShape(net.inputs().front().name, {1, 3, 448, 448}));
        QVERIFY(net.analyse().ok);
        // Convolutions scale with the area; the classifier does not.
        const auto after = networkMetrics(net).macs;
        const std::int64_t fc = 512 * 1000;
        QCOMPARE(after - fc, 4 * (before - fc));
    }
};

QTEST_GUILESS_MAIN(TestZoo)
#include "tst_zoo.moc"
