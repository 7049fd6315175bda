// Shape inference of each operator on hand-checked cases (PyTorch / ONNX
// conventions), and the errors for impossible configurations.

#include <QtTest>

#include "core/ir/shape_inference.h"

using namespace tessera::core;

Q_DECLARE_METATYPE(Shape)
Q_DECLARE_METATYPE(Layer)
Q_DECLARE_METATYPE(std::vector<Shape>)

namespace {

Layer conv(std::int64_t n, std::int64_t k, std::int64_t s, std::int64_t p, std::int64_t g = 1, std::int64_t d = 1) {
    Layer l;
    l.name = "c";
    l.op = OpKind::Conv;
    l.attrs.outChannels = n;
    l.attrs.kernel = {k, k};
    l.attrs.stride = {s, s};
    l.attrs.padding = {p, p, p, p};
    l.attrs.groups = g;
    l.attrs.dilation = {d, d};
    l.outputs = {"c"};
    return l;
}

Layer pool(OpKind op, std::int64_t k, std::int64_t s, std::int64_t p, bool ceil) {
    Layer l = conv(0, k, s, p);
    l.op = op;
    l.attrs.ceilMode = ceil;
    return l;
}

Layer simple(OpKind op) {
    Layer l;
    l.name = "x";
    l.op = op;
    l.outputs = {"x"};
    return l;
}

}  // namespace

class TestShapeInference : public QObject {
    Q_OBJECT
private slots:
    void shapes_data() {
        QTest::addColumn<Layer>("layer");
        QTest::addColumn<std::vector<Shape>>("inputs");
        QTest::addColumn<Shape>("expected");

        // AlexNet conv1: 224, k11 s4 p2 -> 55
        QTest::newRow("alexnet conv1") << conv(64, 11, 4, 2) << std::vector<Shape>{{1, 3, 224, 224}} << Shape{1, 64, 55, 55};
        QTest::newRow("resnet conv1") << conv(64, 7, 2, 3) << std::vector<Shape>{{1, 3, 224, 224}} << Shape{1, 64, 112, 112};
        QTest::newRow("depthwise s2") << conv(32, 3, 2, 1, 32) << std::vector<Shape>{{1, 32, 112, 112}} << Shape{1, 32, 56, 56};
        QTest::newRow("dilated") << conv(8, 3, 1, 2, 1, 2) << std::vector<Shape>{{1, 4, 10, 10}} << Shape{1, 8, 10, 10};
        QTest::newRow("1x1") << conv(10, 1, 1, 0) << std::vector<Shape>{{1, 512, 13, 13}} << Shape{1, 10, 13, 13};
        // Pooling: floor vs ceil (GoogLeNet maxpool 112 -> 56 with ceil_mode)
        QTest::newRow("maxpool floor") << pool(OpKind::MaxPool, 3, 2, 0, false) << std::vector<Shape>{{1, 64, 112, 112}} << Shape{1, 64, 55, 55};
        QTest::newRow("maxpool ceil") << pool(OpKind::MaxPool, 3, 2, 0, true) << std::vector<Shape>{{1, 64, 112, 112}} << Shape{1, 64, 56, 56};
        // ceil_mode may not start a window in the end padding: 5, k2 s2 p1 -> 3 (not 4)
        QTest::newRow("ceil last window rule") << pool(OpKind::MaxPool, 2, 2, 1, true) << std::vector<Shape>{{1, 1, 5, 5}} << Shape{1, 1, 3, 3};
        QTest::newRow("squeezenet ceil 13") << pool(OpKind::MaxPool, 3, 2, 0, true) << std::vector<Shape>{{1, 512, 27, 27}} << Shape{1, 512, 13, 13};
        QTest::newRow("global avg") << simple(OpKind::GlobalAvgPool) << std::vector<Shape>{{1, 2048, 7, 7}} << Shape{1, 2048, 1, 1};
        {
            Layer l = simple(OpKind::AdaptiveAvgPool);
            l.attrs.outputSize = {6, 6};
            QTest::newRow("adaptive 6x6") << l << std::vector<Shape>{{1, 256, 13, 13}} << Shape{1, 256, 6, 6};
        }
        {
            Layer l = simple(OpKind::FullyConnected);
            l.attrs.outChannels = 1000;
            QTest::newRow("linear") << l << std::vector<Shape>{{1, 2048}} << Shape{1, 1000};
        }
        QTest::newRow("matmul batched") << simple(OpKind::MatMul) << std::vector<Shape>{{2, 1, 4, 5}, {3, 5, 6}} << Shape{2, 3, 4, 6};
        QTest::newRow("matmul vector") << simple(OpKind::MatMul) << std::vector<Shape>{{5}, {5, 6}} << Shape{6};
        QTest::newRow("add broadcast") << simple(OpKind::Add) << std::vector<Shape>{{1, 64, 56, 56}, {64, 1, 1}} << Shape{1, 64, 56, 56};
        {
            Layer l = simple(OpKind::Concat);
            l.attrs.axis = 1;
            QTest::newRow("concat") << l << std::vector<Shape>{{1, 64, 28, 28}, {1, 128, 28, 28}, {1, 32, 28, 28}} << Shape{1, 224, 28, 28};
            l.attrs.axis = -3;
            QTest::newRow("concat negative axis") << l << std::vector<Shape>{{1, 64, 28, 28}, {1, 128, 28, 28}} << Shape{1, 192, 28, 28};
        }
        {
            Layer l = simple(OpKind::Slice);
            l.attrs.axis = 1;
            l.attrs.start = 58;
            l.attrs.end = std::numeric_limits<std::int64_t>::max();
            QTest::newRow("slice to end") << l << std::vector<Shape>{{1, 116, 28, 28}} << Shape{1, 58, 28, 28};
            l.attrs.start = 0;
            l.attrs.end = -1;
            l.attrs.step = 2;
            QTest::newRow("slice step") << l << std::vector<Shape>{{1, 10, 2, 2}} << Shape{1, 5, 2, 2};
        }
        {
            Layer l = simple(OpKind::Reshape);
            l.attrs.shape = {0, 2, -1, 28, 28};
            QTest::newRow("reshape 0 and -1") << l << std::vector<Shape>{{1, 116, 28, 28}} << Shape{1, 2, 58, 28, 28};
        }
        {
            Layer l = simple(OpKind::Flatten);
            l.attrs.axis = 1;
            QTest::newRow("flatten") << l << std::vector<Shape>{{1, 256, 6, 6}} << Shape{1, 9216};
        }
        {
            Layer l = simple(OpKind::Transpose);
            l.attrs.perm = {0, 2, 1, 3, 4};
            QTest::newRow("transpose") << l << std::vector<Shape>{{1, 2, 58, 28, 28}} << Shape{1, 58, 2, 28, 28};
        }
        {
            Layer l = simple(OpKind::Pad);
            l.attrs.pads = {0, 0, 1, 2, 0, 0, 3, 4};
            QTest::newRow("pad") << l << std::vector<Shape>{{1, 3, 10, 10}} << Shape{1, 3, 14, 16};
        }
        QTest::newRow("batchnorm") << simple(OpKind::BatchNorm) << std::vector<Shape>{{1, 32, 7, 7}} << Shape{1, 32, 7, 7};
    }

    void shapes() {
        QFETCH(Layer, layer);
        QFETCH(std::vector<Shape>, inputs);
        QFETCH(Shape, expected);
        const ShapeResult r = inferLayerShapes(layer, inputs);
        QVERIFY2(r.ok(), r.error.c_str());
        QCOMPARE(r.outputs.size(), std::size_t(1));
        QCOMPARE(shapeToString(r.outputs[0]), shapeToString(expected));
    }

    void split() {
        Layer l = simple(OpKind::Split);
        l.outputs = {"a", "b"};
        l.attrs.axis = 1;
        ShapeResult r = inferLayerShapes(l, {{1, 116, 28, 28}});
        QVERIFY2(r.ok(), r.error.c_str());
        QCOMPARE(r.outputs.size(), std::size_t(2));
        QCOMPARE(shapeToString(r.outputs[1]), std::string("1x58x28x28"));
        l.attrs.sizes = {16, 100};
        r = inferLayerShapes(l, {{1, 116, 28, 28}});
        QCOMPARE(shapeToString(r.outputs[0]), std::string("1x16x28x28"));
        l.attrs.sizes = {16, 99};
        r = inferLayerShapes(l, {{1, 116, 28, 28}});
        QVERIFY(!r.ok());
        QVERIFY(r.error.find("add up to 115") != std::string::npos);
    }

    void errors_data() {
        QTest::addColumn<Layer>("layer");
        QTest::addColumn<std::vector<Shape>>("inputs");
        QTest::addColumn<QString>("expected");
        QTest::newRow("groups do not divide") << conv(64, 3, 1, 1, 3) << std::vector<Shape>{{1, 32, 8, 8}} << "does not divide";
        QTest::newRow("kernel too large") << conv(8, 11, 1, 0) << std::vector<Shape>{{1, 3, 5, 5}} << "does not fit";
        QTest::newRow("zero stride") << conv(8, 3, 0, 0) << std::vector<Shape>{{1, 3, 5, 5}} << "stride must be positive";
        QTest::newRow("negative padding") << conv(8, 3, 1, -2) << std::vector<Shape>{{1, 3, 5, 5}} << "padding must not be negative";
        QTest::newRow("conv on 2-D") << conv(8, 3, 1, 0) << std::vector<Shape>{{1, 3}} << "4-D";
        QTest::newRow("add mismatch") << simple(OpKind::Add) << std::vector<Shape>{{1, 3, 4, 4}, {1, 5, 4, 4}} << "do not broadcast";
        Layer c = simple(OpKind::Concat);
        QTest::newRow("concat mismatch") << c << std::vector<Shape>{{1, 3, 4, 4}, {1, 5, 5, 4}} << "differ outside axis";
        Layer r = simple(OpKind::Reshape);
        r.attrs.shape = {1, 7, -1};
        QTest::newRow("reshape indivisible") << r << std::vector<Shape>{{1, 3, 4, 4}} << "cannot reshape";
        Layer m = simple(OpKind::MatMul);
        QTest::newRow("matmul inner") << m << std::vector<Shape>{{2, 3}, {4, 5}} << "inner dimensions";
        Layer big = conv(1 << 23, 1, 1, 0);
        QTest::newRow("huge output") << big << std::vector<Shape>{{1, 1, 1 << 20, 1 << 20}} << "too large";
    }

    void errors() {
        QFETCH(Layer, layer);
        QFETCH(std::vector<Shape>, inputs);
        QFETCH(QString, expected);
        const ShapeResult r = inferLayerShapes(layer, inputs);
        QVERIFY(!r.ok());
        QVERIFY2(QString::fromStdString(r.error).contains(expected), r.error.c_str());
    }
};

QTEST_GUILESS_MAIN(TestShapeInference)
#include "tst_shape_inference.moc"
