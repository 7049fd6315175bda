// ONNX import, per node: maps each node that reads an activation to IR layers.
// Weights and constants never become layers: they are attributes of the
// layer that consumes them (a Conv's weight gives its filters and kernel).
// This file holds the Importer's helpers for building layers, the dispatch
// on the operator, and the operators that compute: convolution, pooling,
// Gemm / MatMul, batch normalisation and activations. Element-wise arithmetic
// and the shape operators are in ops_shape.cpp.

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/onnx/importer_internal.h"
#include "core/ir/shape_inference.h"

namespace tessera::core::onnxio {

namespace {

std::string str(std::int64_t v) { return std::to_string(v); }

// A two-element spatial attribute (kernel_shape, strides, dilations).
std::array<std::int64_t, 2> pairAttr(const onnx::NodeProto& node, const char* name, std::array<std::int64_t, 2> fallback) {
    auto v = attrIntsOpt(node, name);
    if (!v) return fallback;
    if (v->size() != 2)
        throw Unsupported("attribute '" + std::string(name) + "' has " + str(static_cast<std::int64_t>(v->size())) +
                          " values; only 2-D (NCHW) windows are supported");
    for (auto x : *v)
        if (x <= 0 || x > kMaxDimension) throw NodeError("attribute '" + std::string(name) + "' has the invalid value " + str(x));
    return {(*v)[0], (*v)[1]};
}

// ONNX pads (h_begin, w_begin, h_end, w_end) or auto_pad, as the IR's
// (top, left, bottom, right).
std::array<std::int64_t, 4> windowPads(const onnx::NodeProto& node, const Shape& in, std::array<std::int64_t, 2> kernel,
                                       std::array<std::int64_t, 2> stride, std::array<std::int64_t, 2> dilation) {
    const std::string autoPad = attrString(node, "auto_pad", "NOTSET");
    std::array<std::int64_t, 4> pads{0, 0, 0, 0};
    if (autoPad == "NOTSET") {
        auto v = attrIntsOpt(node, "pads");
        if (!v) return pads;
        if (v->size() != 4) throw Unsupported("attribute 'pads' has " + str(static_cast<std::int64_t>(v->size())) + " values; expected 4");
        for (std::size_t i = 0; i < 4; ++i) {
            if ((*v)[i] < 0 || (*v)[i] > kMaxDimension) throw NodeError("attribute 'pads' has the invalid value " + str((*v)[i]));
            pads[i] = (*v)[i];
        }
        return pads;
    }
    if (autoPad == "VALID") return pads;
    if (autoPad != "SAME_UPPER" && autoPad != "SAME_LOWER") throw NodeError("attribute 'auto_pad' has the unknown value '" + autoPad + "'");
    for (int i = 0; i < 2; ++i) {
        const std::int64_t size = in[static_cast<std::size_t>(2 + i)];
        const std::int64_t out = (size + stride[i] - 1) / stride[i];
        const std::int64_t total = std::max<std::int64_t>(0, (out - 1) * stride[i] + (kernel[i] - 1) * dilation[i] + 1 - size);
        const std::int64_t small = total / 2, large = total - small;
        pads[static_cast<std::size_t>(i)] = autoPad == "SAME_UPPER" ? small : large;
        pads[static_cast<std::size_t>(i + 2)] = autoPad == "SAME_UPPER" ? large : small;
    }
    return pads;
}

}  // namespace

// ----------------------------------------------------------------- helpers

const std::string& Importer::label(const onnx::NodeProto& node) const {
    auto it = m_nodeIndex.find(&node);
    if (it != m_nodeIndex.end() && it->second < m_labels.size()) return m_labels[it->second];
    return node.name();
}

std::string Importer::describe(const onnx::NodeProto& node) const {
    std::string op = node.op_type();
    if (!isDefaultDomain(node.domain())) op = node.domain() + ":" + op;
    const std::string& name = node.name().empty() && !m_labels.empty() ? label(node) : node.name();
    return "node '" + name + "' (op " + op + ")";
}

TensorState* Importer::input(const onnx::NodeProto& node, int i) {
    if (i >= node.input_size() || node.input(i).empty()) return nullptr;
    auto it = m_tensors.find(node.input(i));
    return it == m_tensors.end() ? nullptr : &it->second;
}

const TensorState& Importer::dynamicInput(const onnx::NodeProto& node, int i) {
    const TensorState* t = input(node, i);
    if (!t) throw NodeError("input " + str(i) + " is missing");
    if (t->kind != TensorState::Kind::Dynamic || !t->shape)
        throw Unsupported("input " + str(i) + " ('" + node.input(i) + "') must be an activation, but it is a constant");
    return *t;
}

std::optional<Shape> Importer::staticShape(const onnx::NodeProto& node, int i) {
    const TensorState* t = input(node, i);
    if (!t) return std::nullopt;
    if (t->shape) return t->shape;
    return onnxShape(node.input(i));
}

const ConstTensor* Importer::valueOf(TensorState& t) {
    if (t.value) return &*t.value;
    if (t.initializer && !t.valueRead) {
        t.valueRead = true;
        t.value = readTensorValues(*t.initializer);
    }
    return t.value ? &*t.value : nullptr;
}

std::optional<std::vector<std::int64_t>> Importer::optionalConstInts(const onnx::NodeProto& node, int i, const char* what) {
    TensorState* t = input(node, i);
    if (!t) return std::nullopt;
    if (t->kind != TensorState::Kind::Static)
        throw Unsupported(std::string(what) + " (input " + str(i) + ") is computed at run time; only constants are supported");
    const ConstTensor* v = valueOf(*t);
    if (!v) throw Unsupported(std::string(what) + " (input " + str(i) + ") is not a known constant");
    auto ints = v->integers();
    if (!ints) throw NodeError(std::string(what) + " (input " + str(i) + ") holds non-integer values");
    return ints;
}

std::vector<std::int64_t> Importer::constInts(const onnx::NodeProto& node, int i, const char* what) {
    auto v = optionalConstInts(node, i, what);
    if (!v) throw NodeError(std::string(what) + " (input " + str(i) + ") is missing");
    return *v;
}

bool Importer::isUsed(const std::string& onnxName) const {
    auto it = m_uses.find(onnxName);
    return it != m_uses.end() && it->second > 0;
}

void Importer::requireUnusedExtraOutputs(const onnx::NodeProto& node, int from) {
    for (int o = from; o < node.output_size(); ++o)
        if (!node.output(o).empty() && isUsed(node.output(o)))
            throw Unsupported("its output " + str(o) + " ('" + node.output(o) + "') is used, which is not supported");
}

std::string Importer::uniqueName(std::set<std::string, std::less<>>& taken, const std::string& wanted) {
    std::string name = wanted;
    int& next = m_nextSuffix[&taken == &m_layerNames ? "L" + wanted : "T" + wanted];  // no quadratic search
    while (taken.count(name)) name = wanted + "_" + std::to_string(++next);
    taken.insert(name);
    return name;
}

std::string Importer::uniqueTensorName(const std::string& wanted) { return uniqueName(m_tensorNames, wanted.empty() ? "t" : wanted); }

std::string Importer::uniqueLayerName(const std::string& wanted) { return uniqueName(m_layerNames, wanted.empty() ? "layer" : wanted); }

std::optional<Shape> Importer::onnxShape(const std::string& onnxName) const {
    auto it = m_onnxShapes.find(onnxName);
    if (it == m_onnxShapes.end()) return std::nullopt;
    for (auto d : it->second)
        if (d <= 0) return std::nullopt;
    return Shape(it->second.begin(), it->second.end());
}

std::vector<Shape> Importer::addLayer(Layer layer) {
    std::vector<Shape> ins;
    for (const auto& t : layer.inputs) {
        auto it = m_irShapes.find(t);
        if (it == m_irShapes.end()) throw NodeError("internal: layer input '" + t + "' has no shape");
        ins.push_back(it->second);
    }
    ShapeResult r = inferLayerShapes(layer, ins);
    if (!r.ok()) throw NodeError(r.error);
    if (m_layers.size() >= kMaxLayers) fail("the network would have more than " + std::to_string(kMaxLayers) + " layers");
    for (std::size_t o = 0; o < layer.outputs.size(); ++o) m_irShapes[layer.outputs[o]] = r.outputs[o];
    m_layers.push_back(std::move(layer));
    return r.outputs;
}

void Importer::bindDynamic(const std::string& onnxName, const std::string& irName, const Shape& shape) {
    TensorState s;
    s.kind = TensorState::Kind::Dynamic;
    s.irName = irName;
    s.shape = shape;
    m_tensors[onnxName] = std::move(s);
    m_irShapes[irName] = shape;
}

void Importer::bindStatic(const std::string& onnxName, std::optional<Shape> shape, std::optional<ConstTensor> value) {
    TensorState s;
    s.kind = TensorState::Kind::Static;
    s.shape = std::move(shape);
    s.value = std::move(value);
    s.valueRead = true;
    m_tensors[onnxName] = std::move(s);
}

Layer Importer::makeLayer(const onnx::NodeProto& node, OpKind op) const {
    Layer l;
    l.name = label(node);
    l.op = op;
    return l;
}

void Importer::emit(const onnx::NodeProto& node, Layer layer) {
    requireUnusedExtraOutputs(node, 1);
    if (layer.inputs.empty()) layer.inputs.push_back(dynamicInput(node, 0).irName);
    // Validate before naming the output, so a rejected layer leaves no trace.
    std::vector<Shape> ins;
    for (const auto& t : layer.inputs) ins.push_back(m_irShapes.at(t));
    layer.outputs = {"pending"};
    ShapeResult r = inferLayerShapes(layer, ins);
    if (!r.ok()) throw NodeError(r.error);
    layer.outputs = {uniqueTensorName(node.output(0))};
    const std::string ir = layer.outputs[0];
    const auto shapes = addLayer(std::move(layer));
    bindDynamic(node.output(0), ir, shapes[0]);
}

void Importer::emitChain(const onnx::NodeProto& node, std::vector<Layer> chain) {
    requireUnusedExtraOutputs(node, 1);
    if (chain.empty()) throw NodeError("internal: empty chain");
    if (chain.size() == 1) {
        emit(node, std::move(chain[0]));
        return;
    }
    if (chain[0].inputs.empty()) chain[0].inputs.push_back(dynamicInput(node, 0).irName);
    // Dry run: every layer must be accepted before any is added.
    std::vector<Shape> ins;
    for (const auto& t : chain[0].inputs) ins.push_back(m_irShapes.at(t));
    for (auto& l : chain) {
        l.outputs = {"pending"};
        ShapeResult r = inferLayerShapes(l, ins);
        if (!r.ok()) throw NodeError(r.error);
        ins = r.outputs;
    }
    const std::string base = label(node);
    std::string previous;
    for (std::size_t i = 0; i < chain.size(); ++i) {
        Layer& l = chain[i];
        const bool last = i + 1 == chain.size();
        l.name = last ? base : uniqueLayerName(base + "." + std::string(opKindName(l.op)));
        if (i > 0) l.inputs = {previous};
        l.outputs = {last ? uniqueTensorName(node.output(0)) : uniqueTensorName(l.name)};
        previous = l.outputs[0];
        const auto shapes = addLayer(std::move(l));
        if (last) bindDynamic(node.output(0), previous, shapes[0]);
    }
}

std::optional<std::string> Importer::standIn(const onnx::NodeProto& node) {
    if (node.output_size() < 1 || node.output(0).empty()) return std::nullopt;
    for (int o = 1; o < node.output_size(); ++o)
        if (!node.output(o).empty() && isUsed(node.output(o))) return std::nullopt;
    auto shape = onnxShape(node.output(0));
    if (!shape && isDefaultDomain(node.domain())) shape = inferWithOnnx(node).front();
    if (!shape || shape->empty() || shape->size() > kMaxRank) return std::nullopt;
    std::int64_t elements = 1;
    for (auto d : *shape) {
        if (d <= 0 || d > kMaxDimension || elements > kMaxTensorElements / d) return std::nullopt;
        elements *= d;
    }
    for (int i = 0; i < node.input_size(); ++i) {
        const TensorState* t = input(node, i);
        if (t && t->kind == TensorState::Kind::Dynamic && t->shape == shape) {
            Layer l = makeLayer(node, OpKind::Identity);
            l.inputs = {t->irName};
            l.outputs = {uniqueTensorName(node.output(0))};
            const std::string ir = l.outputs[0];
            addLayer(std::move(l));
            bindDynamic(node.output(0), ir, *shape);
            return "an identity layer '" + label(node) + "' of shape " + shapeToString(*shape) + " stands in for it";
        }
    }
    const std::string ir = uniqueTensorName(node.output(0));
    m_dataInputs.push_back(ir);
    m_dataInputShapes[ir] = *shape;
    bindDynamic(node.output(0), ir, *shape);
    return "its output '" + ir + "' (" + shapeToString(*shape) +
           ") enters the network as an extra input, so the layers after it are still imported";
}

// ---------------------------------------------------------------- dispatch

void Importer::mapNode(const onnx::NodeProto& node) {
    if (!isDefaultDomain(node.domain()))
        throw Unsupported("operator " + node.op_type() + " of domain '" + node.domain() + "' is not supported");
    const std::string& op = node.op_type();
    if (op == "Conv") return mapConv(node);
    if (op == "MaxPool") return mapPool(node, OpKind::MaxPool);
    if (op == "AveragePool") return mapPool(node, OpKind::AvgPool);
    if (op == "GlobalAveragePool") return emit(node, makeLayer(node, OpKind::GlobalAvgPool));
    if (op == "GlobalMaxPool") return emit(node, makeLayer(node, OpKind::GlobalMaxPool));
    if (op == "Gemm") return mapGemm(node);
    if (op == "MatMul") return mapMatMul(node);
    if (op == "BatchNormalization") return mapBatchNorm(node);
    if (op == "Relu" || op == "LeakyRelu" || op == "Sigmoid" || op == "Tanh" || op == "HardSwish" || op == "HardSigmoid" ||
        op == "Elu" || op == "Clip" || op == "Gelu")
        return mapActivation(node);
    if (op == "Add" || op == "Sum") return mapElementwise(node, OpKind::Add);
    if (op == "Sub") return mapElementwise(node, OpKind::Sub);
    if (op == "Mul") return mapElementwise(node, OpKind::Mul);
    if (op == "Div") return mapElementwise(node, OpKind::Div);
    if (op == "Concat") return mapConcat(node);
    if (op == "Split") return mapSplit(node);
    if (op == "Slice") return mapSlice(node);
    if (op == "Reshape") return mapReshape(node);
    if (op == "Squeeze") return mapSqueeze(node, false);
    if (op == "Unsqueeze") return mapSqueeze(node, true);
    if (op == "Flatten") return mapFlatten(node);
    if (op == "Pad") return mapPad(node);
    if (op == "ReduceMean" || op == "ReduceMax") return mapReduce(node);
    if (op == "Gather") return mapGather(node);
    if (op == "Shape" || op == "Size") return mapShapeOf(node);
    if (op == "Transpose") {
        Layer l = makeLayer(node, OpKind::Transpose);
        l.attrs.perm = attrInts(node, "perm");
        return emit(node, std::move(l));
    }
    if (op == "Softmax" || op == "LogSoftmax") {
        Layer l = makeLayer(node, OpKind::Softmax);
        l.attrs.axis = attrInt(node, "axis", m_opset >= 13 ? -1 : 1);
        return emit(node, std::move(l));
    }
    if (op == "LRN") {
        Layer l = makeLayer(node, OpKind::LRN);
        l.attrs.size = attrInt(node, "size", 0);
        l.attrs.alpha = attrFloat(node, "alpha", 1e-4f);
        l.attrs.beta = attrFloat(node, "beta", 0.75f);
        l.attrs.k = attrFloat(node, "bias", 1.0f);
        return emit(node, std::move(l));
    }
    if (op == "Dropout") return emit(node, makeLayer(node, OpKind::Dropout));
    if (op == "Identity" || op == "Cast" || op == "CastLike") {
        const TensorState& x = dynamicInput(node, 0);
        if (op == "Cast" && !isFloatElemType(static_cast<int>(attrInt(node, "to", 0))))
            throw Unsupported("a cast of an activation to " + elemTypeName(static_cast<int>(attrInt(node, "to", 0))) +
                              " is not supported");
        bindDynamic(node.output(0), x.irName, *x.shape);  // an alias, no layer
        return;
    }
    throw Unsupported("operator " + op + " is not supported by Tessera");
}

// -------------------------------------------------------------- operators

void Importer::mapConv(const onnx::NodeProto& node) {
    const TensorState& x = dynamicInput(node, 0);
    const Shape& in = *x.shape;
    if (in.size() != 4) throw Unsupported("only 2-D convolutions are supported; the input is " + shapeToString(in));
    const TensorState* w = input(node, 1);
    if (!w) throw NodeError("the weight input is missing");
    if (w->kind != TensorState::Kind::Static) throw Unsupported("weights computed at run time are not supported");
    const auto wShape = staticShape(node, 1);
    if (!wShape) throw Unsupported("the shape of the weight '" + node.input(1) + "' is unknown");
    if (wShape->size() != 4) throw Unsupported("only 2-D convolutions are supported; the weight is " + shapeToString(*wShape));
    Layer l = makeLayer(node, OpKind::Conv);
    auto& a = l.attrs;
    a.groups = attrInt(node, "group", 1);
    if (a.groups <= 0 || a.groups > kMaxDimension) throw NodeError("attribute 'group' has the invalid value " + str(a.groups));
    a.outChannels = (*wShape)[0];
    a.kernel = pairAttr(node, "kernel_shape", {(*wShape)[2], (*wShape)[3]});
    if (a.kernel[0] != (*wShape)[2] || a.kernel[1] != (*wShape)[3])
        throw NodeError("kernel_shape " + str(a.kernel[0]) + "x" + str(a.kernel[1]) + " differs from the weight " + shapeToString(*wShape));
    if ((*wShape)[1] * a.groups != in[1])
        throw NodeError("the weight " + shapeToString(*wShape) + " with " + str(a.groups) + " group(s) does not fit the input " +
                        shapeToString(in));
    a.stride = pairAttr(node, "strides", {1, 1});
    a.dilation = pairAttr(node, "dilations", {1, 1});
    a.padding = windowPads(node, in, a.kernel, a.stride, a.dilation);
    if (const TensorState* b = input(node, 2)) {
        if (b->kind != TensorState::Kind::Static) throw Unsupported("a bias computed at run time is not supported");
        a.bias = true;
    }
    l.inputs = {x.irName};
    emit(node, std::move(l));
}

void Importer::mapPool(const onnx::NodeProto& node, OpKind kind) {
    const TensorState& x = dynamicInput(node, 0);
    const Shape& in = *x.shape;
    if (in.size() != 4) throw Unsupported("only 2-D pooling is supported; the input is " + shapeToString(in));
    if (!findAttr(node, "kernel_shape")) throw NodeError("attribute 'kernel_shape' is missing");
    Layer l = makeLayer(node, kind);
    auto& a = l.attrs;
    a.kernel = pairAttr(node, "kernel_shape", {1, 1});
    a.stride = pairAttr(node, "strides", {1, 1});
    a.dilation = pairAttr(node, "dilations", {1, 1});
    if (kind == OpKind::AvgPool && (a.dilation[0] != 1 || a.dilation[1] != 1))
        throw Unsupported("dilated average pooling is not supported");
    a.padding = windowPads(node, in, a.kernel, a.stride, a.dilation);
    a.ceilMode = attrInt(node, "ceil_mode", 0) != 0;
    a.countIncludePad = attrInt(node, "count_include_pad", 0) != 0;
    emit(node, std::move(l));
}

void Importer::mapGemm(const onnx::NodeProto& node) {
    const TensorState& x = dynamicInput(node, 0);
    if (x.shape->size() != 2) throw NodeError("Gemm needs a 2-D input, got " + shapeToString(*x.shape));
    if (attrInt(node, "transA", 0) != 0) throw Unsupported("Gemm with transA=1 is not supported");
    const TensorState* b = input(node, 1);
    if (!b) throw NodeError("input B is missing");
    if (b->kind != TensorState::Kind::Static) throw Unsupported("Gemm with a run-time B operand is not supported");
    const auto bShape = staticShape(node, 1);
    if (!bShape) throw Unsupported("the shape of B ('" + node.input(1) + "') is unknown");
    if (bShape->size() != 2) throw NodeError("B must be 2-D, got " + shapeToString(*bShape));
    const bool transB = attrInt(node, "transB", 0) != 0;
    const std::int64_t k = transB ? (*bShape)[1] : (*bShape)[0];
    const std::int64_t n = transB ? (*bShape)[0] : (*bShape)[1];
    if (k != x.shape->back())
        throw NodeError("B " + shapeToString(*bShape) + (transB ? " (transposed)" : "") + " does not fit the input " + shapeToString(*x.shape));
    Layer l = makeLayer(node, OpKind::FullyConnected);
    l.attrs.outChannels = n;
    if (const TensorState* c = input(node, 2)) {
        if (c->kind != TensorState::Kind::Static) throw Unsupported("a bias computed at run time is not supported");
        l.attrs.bias = true;
    }
    l.inputs = {x.irName};
    emit(node, std::move(l));
}

void Importer::mapMatMul(const onnx::NodeProto& node) {
    const TensorState& a = dynamicInput(node, 0);
    const TensorState* b = input(node, 1);
    if (!b) throw NodeError("input B is missing");
    if (b->kind == TensorState::Kind::Dynamic) {
        Layer l = makeLayer(node, OpKind::MatMul);
        l.inputs = {a.irName, b->irName};
        return emit(node, std::move(l));
    }
    const auto bShape = staticShape(node, 1);
    if (!bShape) throw Unsupported("the shape of B ('" + node.input(1) + "') is unknown");
    if (bShape->size() != 2) throw Unsupported("MatMul with a constant B of rank " + str(static_cast<std::int64_t>(bShape->size())) + " is not supported");
    if ((*bShape)[0] != a.shape->back())
        throw NodeError("B " + shapeToString(*bShape) + " does not fit the input " + shapeToString(*a.shape));
    Layer l = makeLayer(node, OpKind::FullyConnected);
    l.attrs.outChannels = (*bShape)[1];
    l.inputs = {a.irName};
    emit(node, std::move(l));
}

void Importer::mapBatchNorm(const onnx::NodeProto& node) {
    const TensorState& x = dynamicInput(node, 0);
    if (x.shape->size() < 2) throw NodeError("the input " + shapeToString(*x.shape) + " has no channel dimension");
    for (int i = 1; i <= 4; ++i) {
        const TensorState* t = input(node, i);
        if (!t) throw NodeError("input " + str(i) + " is missing");
        if (t->kind != TensorState::Kind::Static) throw Unsupported("batch-norm parameters computed at run time are not supported");
        if (auto s = staticShape(node, i); s && (s->size() != 1 || (*s)[0] != (*x.shape)[1]))
            throw NodeError("input " + str(i) + " has shape " + shapeToString(*s) + " for " + str((*x.shape)[1]) + " channels");
    }
    Layer l = makeLayer(node, OpKind::BatchNorm);
    l.attrs.epsilon = attrFloat(node, "epsilon", 1e-5f);
    l.inputs = {x.irName};
    emit(node, std::move(l));
}

void Importer::mapActivation(const onnx::NodeProto& node) {
    const std::string& op = node.op_type();
    Layer l = makeLayer(node, OpKind::Activation);
    auto& a = l.attrs;
    if (op == "Relu") a.activation = ActivationFn::Relu;
    else if (op == "Sigmoid") a.activation = ActivationFn::Sigmoid;
    else if (op == "Tanh") a.activation = ActivationFn::Tanh;
    else if (op == "HardSwish") a.activation = ActivationFn::HardSwish;
    else if (op == "HardSigmoid") a.activation = ActivationFn::HardSigmoid;
    else if (op == "Gelu") a.activation = ActivationFn::Gelu;
    else if (op == "LeakyRelu") {
        a.activation = ActivationFn::LeakyRelu;
        a.negativeSlope = attrFloat(node, "alpha", 0.01f);
    } else if (op == "Elu") {
        a.activation = ActivationFn::Elu;
        a.negativeSlope = attrFloat(node, "alpha", 1.0f);
    } else {  // Clip: bounds are attributes before opset 11, optional constant inputs after
        const double lowest = std::numeric_limits<float>::lowest(), highest = std::numeric_limits<float>::max();
        double lo = lowest, hi = highest;
        if (m_opset < 11) {
            lo = attrFloat(node, "min", static_cast<float>(lowest));
            hi = attrFloat(node, "max", static_cast<float>(highest));
        } else {
            for (int i = 1; i <= 2; ++i) {
                TensorState* t = input(node, i);
                if (!t) continue;
                const ConstTensor* v = t->kind == TensorState::Kind::Static ? valueOf(*t) : nullptr;
                if (!v || v->size() != 1) throw Unsupported("Clip bounds that are not constant scalars are not supported");
                (i == 1 ? lo : hi) = v->real(0);
            }
        }
        if (lo == 0 && hi == 6) a.activation = ActivationFn::Relu6;
        else if (lo == 0 && hi >= highest) a.activation = ActivationFn::Relu;
        else {
            a.activation = ActivationFn::Clip;
            a.clipMin = lo;
            a.clipMax = hi;
        }
    }
    l.inputs = {dynamicInput(node, 0).irName};
    emit(node, std::move(l));
}

}  // namespace tessera::core::onnxio
