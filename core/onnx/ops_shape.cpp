// ONNX import, per node: the operators that combine or rearrange
// activations - element-wise arithmetic with constant or activation
// operands, Concat, Split, Slice, Reshape, (Un)Squeeze, Flatten, Pad, the
// Reduce* that are global pooling, Gather - and Shape / Size of an
// activation, which become constants. The dispatch and the compute
// operators are in ops.cpp.

#include <algorithm>

#include "core/onnx/importer_internal.h"
#include "core/ir/shape_inference.h"

namespace tessera::core::onnxio {

namespace {

std::string str(std::int64_t v) { return std::to_string(v); }

std::int64_t normalisedAxis(std::int64_t axis, std::size_t rank, const char* what) {
    const auto r = static_cast<std::int64_t>(rank);
    if (axis < -r || axis >= r) throw NodeError(std::string(what) + " axis " + str(axis) + " is out of range for rank " + str(r));
    return axis < 0 ? axis + r : axis;
}

}  // namespace

void Importer::mapElementwise(const onnx::NodeProto& node, OpKind kind) {
    Layer l = makeLayer(node, kind);
    Shape dynShape, fullShape;
    bool first = true;
    for (int i = 0; i < node.input_size(); ++i) {
        const TensorState* t = input(node, i);
        if (!t) throw NodeError("input " + str(i) + " is missing");
        std::optional<Shape> s = t->kind == TensorState::Kind::Dynamic ? t->shape : staticShape(node, i);
        if (t->kind == TensorState::Kind::Dynamic) {
            l.inputs.push_back(t->irName);
            if (first) dynShape = *s;
            else {
                ShapeResult r = broadcastShapes(dynShape, *s);
                if (!r.ok()) throw NodeError(r.error);
                dynShape = r.outputs[0];
            }
            first = false;
        }
        if (s) {
            ShapeResult r = broadcastShapes(fullShape, *s);
            if (!r.ok()) throw NodeError(r.error);
            fullShape = r.outputs[0];
        }
    }
    if (fullShape != dynShape)
        throw Unsupported("a constant operand broadcasts the result to " + shapeToString(fullShape) + ", larger than the activation " +
                          shapeToString(dynShape));
    emit(node, std::move(l));
}

void Importer::mapConcat(const onnx::NodeProto& node) {
    Layer l = makeLayer(node, OpKind::Concat);
    auto axis = attrIntOpt(node, "axis");
    if (!axis) throw NodeError("attribute 'axis' is missing");
    l.attrs.axis = *axis;
    for (int i = 0; i < node.input_size(); ++i) l.inputs.push_back(dynamicInput(node, i).irName);
    emit(node, std::move(l));
}

void Importer::mapSplit(const onnx::NodeProto& node) {
    const TensorState& x = dynamicInput(node, 0);
    Layer l = makeLayer(node, OpKind::Split);
    l.attrs.axis = normalisedAxis(attrInt(node, "axis", 0), x.shape->size(), "split");
    if (m_opset < 13) l.attrs.sizes = attrInts(node, "split");
    else if (auto s = optionalConstInts(node, 1, "split")) l.attrs.sizes = *s;
    if (node.output_size() < 1) throw NodeError("Split has no outputs");
    for (const auto& out : node.output())
        if (out.empty()) throw NodeError("Split has an unnamed output");
    l.inputs = {x.irName};
    l.outputs.assign(static_cast<std::size_t>(node.output_size()), "pending");
    ShapeResult r = inferLayerShapes(l, {*x.shape});
    if (!r.ok()) throw NodeError(r.error);
    l.outputs.clear();
    for (const auto& out : node.output()) l.outputs.push_back(uniqueTensorName(out));
    const std::vector<std::string> names = l.outputs;
    const auto shapes = addLayer(std::move(l));
    for (std::size_t o = 0; o < names.size(); ++o) bindDynamic(node.output(static_cast<int>(o)), names[o], shapes[o]);
}

void Importer::mapSlice(const onnx::NodeProto& node) {
    const TensorState& x = dynamicInput(node, 0);
    const Shape& in = *x.shape;
    std::vector<std::int64_t> starts, ends, axes, steps;
    if (m_opset < 10) {
        starts = attrInts(node, "starts");
        ends = attrInts(node, "ends");
        axes = attrInts(node, "axes");
    } else {
        starts = constInts(node, 1, "starts");
        ends = constInts(node, 2, "ends");
        axes = optionalConstInts(node, 3, "axes").value_or(std::vector<std::int64_t>{});
        steps = optionalConstInts(node, 4, "steps").value_or(std::vector<std::int64_t>{});
    }
    if (starts.size() != ends.size()) throw NodeError("starts and ends differ in length");
    if (axes.empty())
        for (std::size_t i = 0; i < starts.size(); ++i) axes.push_back(static_cast<std::int64_t>(i));
    if (steps.empty()) steps.assign(starts.size(), 1);
    if (axes.size() != starts.size() || steps.size() != starts.size()) throw NodeError("starts, ends, axes and steps differ in length");
    std::vector<Layer> chain;
    for (std::size_t i = 0; i < starts.size(); ++i) {
        const std::int64_t axis = normalisedAxis(axes[i], in.size(), "slice");
        if (steps[i] == 0) throw NodeError("slice step 0");
        if (steps[i] < 0) throw Unsupported("slices with a negative step are not supported");
        const std::int64_t dim = in[static_cast<std::size_t>(axis)];
        const SliceRange r = clampSlice(starts[i], ends[i], steps[i], dim);
        if (r.count <= 0) throw NodeError("the slice of axis " + str(axis) + " is empty");
        if (r.start == 0 && r.count == dim && r.step == 1) continue;  // the whole axis
        Layer l = makeLayer(node, OpKind::Slice);
        l.attrs.axis = axis;
        l.attrs.start = r.start;
        l.attrs.end = r.start + (r.count - 1) * r.step + 1;
        l.attrs.step = r.step;
        chain.push_back(std::move(l));
    }
    if (chain.empty()) {
        bindDynamic(node.output(0), x.irName, in);  // takes everything: an alias
        return;
    }
    chain.front().inputs = {x.irName};
    emitChain(node, std::move(chain));
}

void Importer::mapReshape(const onnx::NodeProto& node) {
    const TensorState& x = dynamicInput(node, 0);
    std::vector<std::int64_t> target = m_opset >= 5 ? constInts(node, 1, "the target shape") : attrInts(node, "shape");
    if (attrInt(node, "allowzero", 0) != 0 && std::find(target.begin(), target.end(), 0) != target.end())
        throw Unsupported("Reshape with allowzero=1 and a zero dimension is not supported");
    Layer l = makeLayer(node, OpKind::Reshape);
    l.attrs.shape = std::move(target);
    l.inputs = {x.irName};
    emit(node, std::move(l));
}

void Importer::mapSqueeze(const onnx::NodeProto& node, bool unsqueeze) {
    const TensorState& x = dynamicInput(node, 0);
    const Shape& in = *x.shape;
    std::optional<std::vector<std::int64_t>> axes =
        m_opset >= 13 ? optionalConstInts(node, 1, "axes") : attrIntsOpt(node, "axes");
    Shape out;
    if (unsqueeze) {
        if (!axes) throw NodeError("Unsqueeze needs axes");
        const std::size_t rank = in.size() + axes->size();
        if (rank > kMaxRank) throw NodeError("Unsqueeze to rank " + str(static_cast<std::int64_t>(rank)));
        std::vector<bool> inserted(rank, false);
        for (auto a : *axes) {
            const auto n = static_cast<std::size_t>(normalisedAxis(a, rank, "unsqueeze"));
            if (inserted[n]) throw NodeError("Unsqueeze repeats axis " + str(a));
            inserted[n] = true;
        }
        std::size_t next = 0;
        for (std::size_t i = 0; i < rank; ++i) out.push_back(inserted[i] ? 1 : in[next++]);
    } else {
        std::vector<bool> removed(in.size(), false);
        if (axes) {
            for (auto a : *axes) {
                const auto n = static_cast<std::size_t>(normalisedAxis(a, in.size(), "squeeze"));
                if (in[n] != 1) throw NodeError("Squeeze of axis " + str(a) + " of size " + str(in[n]));
                removed[n] = true;
            }
        } else {
            for (std::size_t i = 0; i < in.size(); ++i) removed[i] = in[i] == 1;
        }
        for (std::size_t i = 0; i < in.size(); ++i)
            if (!removed[i]) out.push_back(in[i]);
        if (out.empty()) throw Unsupported("squeezing to a scalar is not supported");
    }
    Layer l = makeLayer(node, OpKind::Reshape);
    l.attrs.shape = out;
    l.inputs = {x.irName};
    emit(node, std::move(l));
}

void Importer::mapFlatten(const onnx::NodeProto& node) {
    Layer l = makeLayer(node, OpKind::Flatten);
    l.attrs.axis = attrInt(node, "axis", 1);
    emit(node, std::move(l));
}

void Importer::mapPad(const onnx::NodeProto& node) {
    const TensorState& x = dynamicInput(node, 0);
    const std::string mode = attrString(node, "mode", "constant");
    if (mode != "constant") throw Unsupported("Pad mode '" + mode + "' is not supported (only constant)");
    std::vector<std::int64_t> pads = m_opset >= 11 ? constInts(node, 1, "pads") : attrInts(node, "pads");
    if (input(node, 3)) throw Unsupported("Pad with axes is not supported");
    if (pads.size() != 2 * x.shape->size())
        throw NodeError("pads has " + str(static_cast<std::int64_t>(pads.size())) + " values for a rank-" +
                        str(static_cast<std::int64_t>(x.shape->size())) + " input");
    for (auto p : pads)
        if (p < 0) throw Unsupported("negative pads (cropping) are not supported");
    if (std::all_of(pads.begin(), pads.end(), [](std::int64_t p) { return p == 0; })) {
        bindDynamic(node.output(0), x.irName, *x.shape);
        return;
    }
    Layer l = makeLayer(node, OpKind::Pad);
    l.attrs.pads = std::move(pads);
    l.inputs = {x.irName};
    emit(node, std::move(l));
}

void Importer::mapReduce(const onnx::NodeProto& node) {
    const TensorState& x = dynamicInput(node, 0);
    const Shape& in = *x.shape;
    std::optional<std::vector<std::int64_t>> axes = m_opset >= 18 ? optionalConstInts(node, 1, "axes") : attrIntsOpt(node, "axes");
    if (!axes) throw Unsupported(node.op_type() + " over all axes is not supported");
    std::vector<std::int64_t> sorted;
    for (auto a : *axes) sorted.push_back(normalisedAxis(a, in.size(), "reduce"));
    std::sort(sorted.begin(), sorted.end());
    if (in.size() != 4 || sorted != std::vector<std::int64_t>{2, 3})
        throw Unsupported(node.op_type() + " is supported over the spatial axes of a 4-D tensor only");
    std::vector<Layer> chain;
    chain.push_back(makeLayer(node, node.op_type() == "ReduceMean" ? OpKind::GlobalAvgPool : OpKind::GlobalMaxPool));
    chain.front().inputs = {x.irName};
    if (attrInt(node, "keepdims", 1) == 0) {
        Layer r = makeLayer(node, OpKind::Reshape);
        r.attrs.shape = {in[0], in[1]};
        chain.push_back(std::move(r));
    }
    emitChain(node, std::move(chain));
}

void Importer::mapGather(const onnx::NodeProto& node) {
    const TensorState& x = dynamicInput(node, 0);
    const Shape& in = *x.shape;
    TensorState* idx = input(node, 1);
    const ConstTensor* v = idx && idx->kind == TensorState::Kind::Static ? valueOf(*idx) : nullptr;
    if (!v) throw Unsupported("Gather from an activation with run-time indices is not supported");
    const std::int64_t axis = normalisedAxis(attrInt(node, "axis", 0), in.size(), "gather");
    const std::int64_t dim = in[static_cast<std::size_t>(axis)];
    auto ints = v->integers();
    if (!ints || ints->empty() || v->shape.size() > 1) throw Unsupported("Gather with these indices is not supported");
    for (auto& i : *ints) {
        if (i < -dim || i >= dim) throw NodeError("Gather index " + str(i) + " is out of range for dimension " + str(dim));
        if (i < 0) i += dim;
    }
    for (std::size_t k = 1; k < ints->size(); ++k)
        if ((*ints)[k] != (*ints)[k - 1] + 1) throw Unsupported("Gather of non-contiguous indices is not supported");
    std::vector<Layer> chain;
    Layer s = makeLayer(node, OpKind::Slice);
    s.attrs.axis = axis;
    s.attrs.start = ints->front();
    s.attrs.end = ints->back() + 1;
    s.inputs = {x.irName};
    chain.push_back(std::move(s));
    if (v->shape.empty()) {  // a scalar index removes the axis
        Shape out = in;
        out.erase(out.begin() + axis);
        if (out.empty()) throw Unsupported("gathering a scalar is not supported");
        Layer r = makeLayer(node, OpKind::Reshape);
        r.attrs.shape = out;
        chain.push_back(std::move(r));
    }
    emitChain(node, std::move(chain));
}

void Importer::mapShapeOf(const onnx::NodeProto& node) {
    const auto shape = staticShape(node, 0);
    if (!shape) throw Unsupported("the shape of input '" + (node.input_size() ? node.input(0) : std::string()) + "' is unknown");
    if (node.op_type() == "Size") {
        bindStatic(node.output(0), Shape{}, ConstTensor::ofInts({}, {shapeElements(*shape)}));
        return;
    }
    std::vector<std::int64_t> dims = shapeOpDims(node, *shape);
    const auto n = static_cast<std::int64_t>(dims.size());
    bindStatic(node.output(0), Shape{n}, ConstTensor::ofInts({n}, std::move(dims)));
}

}  // namespace tessera::core::onnxio
