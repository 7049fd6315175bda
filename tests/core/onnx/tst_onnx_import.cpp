// ONNX import against PyTorch: every model of tests/data/onnx/reference.json
// (torchvision exports, opsets 11-17, with and without weights, batch norm
// folded or kept) imports with exactly the MACs of the source model and the
// parameters the file holds; convolution shapes match the zoo reference; an
// unsupported operator gives a partial import; hostile files of
// tests/data/onnx_bad give a FormatError naming the file and the problem.

#include <QtTest>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>
#include <tuple>

#include <nlohmann/json.hpp>

#include "core/ir/metrics.h"
#include "core/onnx/onnx_import.h"

using namespace tessera::core;
using nlohmann::json;

namespace {

const std::string kData = TESSERA_TEST_DATA;

json readJson(const std::string& path) {
    std::ifstream in(path);
    if (!in) return {};
    return json::parse(in);
}

std::string readBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

const json& reference() {
    static const json ref = readJson(kData + "/onnx/reference.json");
    return ref;
}

bool containsText(const std::vector<std::string>& lines, const std::string& text) {
    return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(text) != std::string::npos; });
}

std::string joined(const std::vector<std::string>& lines) {
    std::string s;
    for (const auto& l : lines) s += l + "\n";
    return s;
}

// (input shape, output shape, kernel, stride, groups) of every convolution.
using ConvKey = std::tuple<Shape, Shape, std::vector<std::int64_t>, std::vector<std::int64_t>, std::int64_t>;

}  // namespace

class TestOnnxImport : public QObject {
    Q_OBJECT
private slots:
    void referenceIsThere() {
        QVERIFY2(reference().contains("files"), "tests/data/onnx/reference.json missing");
        QVERIFY(reference()["files"].size() >= 15);
        QVERIFY(reference()["files"].contains("resnet18.onnx"));
    }

    void matchesTorch_data() {
        QTest::addColumn<QString>("file");
        for (const auto& [file, info] : reference()["files"].items()) QTest::newRow(file.c_str()) << QString::fromStdString(file);
    }

    void matchesTorch() {
        QFETCH(QString, file);
        const json& ref = reference()["files"][file.toStdString()];
        const OnnxImportResult r = importOnnxFile(kData + "/onnx/" + file.toStdString());
        const bool complete = ref.value("complete", true);
        QCOMPARE(r.complete, complete);
        if (ref.contains("warning")) {
            QVERIFY2(containsText(r.warnings, ref["warning"].get<std::string>()), joined(r.warnings).c_str());
        } else {
            QVERIFY2(r.warnings.empty(), joined(r.warnings).c_str());
        }
        QCOMPARE(r.opsetVersion, ref["opset"].get<int>());
        QVERIFY(r.producer.find("pytorch") != std::string::npos);
        QVERIFY(r.network.analysed());
        QCOMPARE(r.network.inputs().front().shape, ref["input_shape"].get<Shape>());
        QCOMPARE(r.network.outputs().size(), std::size_t{1});
        QCOMPARE(r.network.tensorShape(r.network.outputs().front()), ref["output_shape"].get<Shape>());
        const NetworkMetrics m = networkMetrics(r.network);
        QCOMPARE(m.macs, ref["macs"].get<std::int64_t>());
        QCOMPARE(m.params, ref["params"].get<std::int64_t>());
        // Batch norm: folded into the convolutions or kept as layers.
        const auto bnLayers = std::count_if(r.network.layers().begin(), r.network.layers().end(),
                                            [](const Layer& l) { return l.op == OpKind::BatchNorm; });
        QCOMPARE(static_cast<int>(bnLayers), ref["batchnorm_nodes"].get<int>());
    }

    void convolutionsMatchZoo_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("model");
        for (const auto& [file, info] : reference()["files"].items()) {
            const std::string source = info["source"];
            if (readJson(kData + "/zoo_reference/" + source + ".json").is_null()) continue;
            QTest::newRow(file.c_str()) << QString::fromStdString(file) << QString::fromStdString(source);
        }
    }

    void convolutionsMatchZoo() {
        QFETCH(QString, file);
        QFETCH(QString, model);
        const json zoo = readJson(kData + "/zoo_reference/" + model.toStdString() + ".json");
        QCOMPARE(reference()["files"][file.toStdString()]["macs"].get<std::int64_t>(), zoo["totals"]["macs"].get<std::int64_t>());
        std::vector<ConvKey> expected, actual;
        std::int64_t linears = 0;
        for (const auto& [name, l] : zoo["layers"].items()) {
            if (l["op"] == "conv")
                expected.emplace_back(l["input_shape"].get<Shape>(), l["output_shape"].get<Shape>(),
                                      l["kernel"].get<std::vector<std::int64_t>>(), l["stride"].get<std::vector<std::int64_t>>(),
                                      l["groups"].get<std::int64_t>());
            if (l["op"] == "linear") ++linears;
        }
        const Network net = importOnnxFile(kData + "/onnx/" + file.toStdString()).network;
        std::int64_t fcs = 0;
        for (std::size_t i = 0; i < net.layerCount(); ++i) {
            const LayerId id{static_cast<int>(i)};
            const Layer& l = net.layer(id);
            if (l.op == OpKind::FullyConnected) ++fcs;
            if (l.op != OpKind::Conv) continue;
            actual.emplace_back(net.inputShapes(id)[0], net.outputShapes(id)[0],
                                std::vector<std::int64_t>{l.attrs.kernel[0], l.attrs.kernel[1]},
                                std::vector<std::int64_t>{l.attrs.stride[0], l.attrs.stride[1]}, l.attrs.groups);
        }
        std::sort(expected.begin(), expected.end());
        std::sort(actual.begin(), actual.end());
        QCOMPARE(actual.size(), expected.size());
        QVERIFY(actual == expected);
        QCOMPARE(fcs, linears);
    }

    void resnet18Layers() {
        const OnnxImportResult r = importOnnxFile(kData + "/onnx/resnet18.onnx");
        const Network& net = r.network;
        QCOMPARE(net.name, std::string("resnet18"));
        const auto conv1 = net.findLayer("conv1/Conv");
        QVERIFY(conv1);
        QCOMPARE(net.layer(*conv1).op, OpKind::Conv);
        QVERIFY(net.layer(*conv1).attrs.bias);  // the folded batch norm's shift
        QCOMPARE(net.outputShapes(*conv1)[0], (Shape{1, 64, 112, 112}));
        QCOMPARE(net.layer(*conv1).attrs.padding, (std::array<std::int64_t, 4>{3, 3, 3, 3}));
        const auto pool = net.findLayer("maxpool/MaxPool");
        QVERIFY(pool);
        QCOMPARE(net.outputShapes(*pool)[0], (Shape{1, 64, 56, 56}));
        const auto fc = net.findLayer("fc/Gemm");
        QVERIFY(fc);
        QCOMPARE(net.layer(*fc).op, OpKind::FullyConnected);
        QCOMPARE(net.inputShapes(*fc)[0], (Shape{1, 512}));
        QCOMPARE(net.outputShapes(*fc)[0], (Shape{1, 1000}));
        // Residual additions keep both operands.
        const auto adds = std::count_if(net.layers().begin(), net.layers().end(),
                                        [](const Layer& l) { return l.op == OpKind::Add && l.inputs.size() == 2; });
        QCOMPARE(static_cast<int>(adds), 8);
    }

    void shufflenetChannelShuffle() {
        const Network net = importOnnxFile(kData + "/onnx/shufflenet_v2_x1_0_opset17.onnx").network;
        int transposes = 0, splits = 0;
        for (std::size_t i = 0; i < net.layerCount(); ++i) {
            const LayerId id{static_cast<int>(i)};
            const Layer& l = net.layer(id);
            if (l.op == OpKind::Transpose) {
                ++transposes;
                QCOMPARE(net.inputShapes(id)[0].size(), std::size_t{5});  // N x groups x C/groups x H x W
            }
            if (l.op == OpKind::Split || l.op == OpKind::Slice) ++splits;
        }
        QCOMPARE(transposes, 16);
        QVERIFY(splits >= 13);  // chunk(2) of every stride-1 block
    }

    void partialImport() {
        const json& ref = reference()["files"]["unsupported_gridsample_opset16.onnx"];
        const OnnxImportResult r = importOnnxFile(kData + "/onnx/unsupported_gridsample_opset16.onnx");
        QVERIFY(!r.complete);
        QVERIFY2(containsText(r.warnings, "node '/GridSample' (op GridSample)"), joined(r.warnings).c_str());
        QVERIFY(containsText(r.warnings, "not supported"));
        for (const auto& name : ref["layers_before"]) QVERIFY2(r.network.findLayer(name.get<std::string>()), name.get<std::string>().c_str());
        // The stand-in keeps the layers after it.
        QVERIFY(r.network.findLayer("conv2/Conv"));
        QVERIFY(r.network.findLayer("fc/Gemm"));
    }

    void partialImportWithExtraInput() {
        const OnnxImportResult r = importOnnxFile(kData + "/onnx/unsupported_resize_opset13.onnx");
        QVERIFY(!r.complete);
        QVERIFY2(containsText(r.warnings, "node '/up/Resize' (op Resize)"), joined(r.warnings).c_str());
        QVERIFY2(containsText(r.warnings, "extra input"), joined(r.warnings).c_str());
        QCOMPARE(r.network.inputs().size(), std::size_t{2});
        QCOMPARE(r.network.inputs()[1].shape, (Shape{1, 8, 32, 32}));
        QVERIFY(r.network.findLayer("conv1/Conv"));
        const auto conv2 = r.network.findLayer("conv2/Conv");
        QVERIFY(conv2);
        QCOMPARE(r.network.inputShapes(*conv2)[0], (Shape{1, 8, 32, 32}));
    }

    void hostileFiles_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("problem");
        const json expected = readJson(kData + "/onnx_bad/expected.json");
        QVERIFY2(!expected.is_null(), "tests/data/onnx_bad/expected.json missing");
        for (const auto& [file, problem] : expected.items())
            QTest::newRow(file.c_str()) << QString::fromStdString(file) << QString::fromStdString(problem.get<std::string>());
    }

    void hostileFiles() {
        QFETCH(QString, file);
        QFETCH(QString, problem);
        const std::string path = kData + "/onnx_bad/" + file.toStdString();
        try {
            importOnnxFile(path);
            QFAIL("no FormatError");
        } catch (const FormatError& e) {
            const std::string what = e.what();
            QVERIFY2(what.find(path) != std::string::npos, what.c_str());
            QVERIFY2(what.find(problem.toStdString()) != std::string::npos, what.c_str());
        }
        // The same bytes from memory name their origin.
        try {
            importOnnxBytes(readBytes(path), "memory:" + file.toStdString());
            QFAIL("no FormatError");
        } catch (const FormatError& e) {
            QVERIFY2(std::string(e.what()).rfind("memory:" + file.toStdString() + ": ", 0) == 0, e.what());
        }
    }

    void formerCrashesImportWithAWarning_data() {
        // tests/data/fuzz_regressions/generate.py: nodes that made ONNX's own
        // shape inference read out of bounds (SIGSEGV) or invent a shape.
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("node");
        QTest::newRow("Scan without body") << "scan_without_body.onnx" << "'scan'";
        QTest::newRow("ConvTranspose rank-0 weight") << "convtranspose_weight_rank0.onnx" << "'deconv'";
        QTest::newRow("ConvTranspose rank-1 weight") << "convtranspose_weight_rank1.onnx" << "'deconv'";
        QTest::newRow("ConvInteger rank-1 weight") << "convinteger_weight_rank1.onnx" << "'iconv'";
    }
    void formerCrashesImportWithAWarning() {
        QFETCH(QString, file);
        QFETCH(QString, node);
        const OnnxImportResult r = importOnnxFile(kData + "/fuzz_regressions/" + file.toStdString());
        QVERIFY(!r.complete);
        QVERIFY(r.network.findLayer("conv").has_value());  // what comes before still imports
        QVERIFY(!r.warnings.empty());
        QVERIFY2(QString::fromStdString(r.warnings.front()).contains(node), r.warnings.front().c_str());
        // No shape is made up for the refused node: its output does not enter
        // the network as an extra input (ConvInteger used to invent 1x4).
        QCOMPARE(r.network.layerCount(), std::size_t(1));
        QVERIFY2(!QString::fromStdString(r.warnings.front()).contains("extra input"), r.warnings.front().c_str());
    }

    void missingFile() {
        try {
            importOnnxFile(kData + "/onnx/no_such_model.onnx");
            QFAIL("no FormatError");
        } catch (const FormatError& e) {
            QVERIFY(std::string(e.what()).find("no_such_model.onnx: no such file") != std::string::npos);
        }
    }

    void everyTruncationFails() {
        // Any prefix of a valid model either fails cleanly or imports.
        const std::string bytes = readBytes(kData + "/onnx/tiny_cnn_bn_opset15.onnx");
        QVERIFY(!bytes.empty());
        for (std::size_t n = 0; n < bytes.size(); n += 97) {
            try {
                importOnnxBytes(std::string_view(bytes).substr(0, n), "prefix");
            } catch (const FormatError& e) {
                QVERIFY(std::string(e.what()).rfind("prefix: ", 0) == 0);
            }
        }
    }

    void bytesRoundTrip() {
        const std::string bytes = readBytes(kData + "/onnx/resnet18.onnx");
        const OnnxImportResult fromFile = importOnnxFile(kData + "/onnx/resnet18.onnx");
        const OnnxImportResult fromBytes = importOnnxBytes(bytes, "models/resnet18.onnx");
        QCOMPARE(fromBytes.network.name, std::string("resnet18"));
        QCOMPARE(importOnnxBytes(bytes, "my model").network.name, std::string("my model"));
        QCOMPARE(fromBytes.network.layerCount(), fromFile.network.layerCount());
        QCOMPARE(networkMetrics(fromBytes.network).macs, networkMetrics(fromFile.network).macs);
        QCOMPARE(networkMetrics(fromBytes.network).params, networkMetrics(fromFile.network).params);
        for (std::size_t i = 0; i < fromFile.network.layerCount(); ++i) {
            const LayerId id{static_cast<int>(i)};
            QCOMPARE(fromBytes.network.layer(id).name, fromFile.network.layer(id).name);
            QCOMPARE(fromBytes.network.outputShapes(id), fromFile.network.outputShapes(id));
        }
        QCOMPARE(fromBytes.opsetVersion, 13);
    }
};

QTEST_APPLESS_MAIN(TestOnnxImport)
#include "tst_onnx_import.moc"
