// Constant folding for the ONNX importer. Folding exists for shape
// arithmetic: torch exports a reshape's target or a chunk's bounds as
// Shape -> Gather -> Div -> Concat/Slice chains that ONNX's own shape
// inference does not always resolve. This file holds the index arithmetic
// shared by the folds, the element-wise folds (unary and binary arithmetic
// with broadcasting, comparisons, Cast, Where), the constant sources
// (Constant, ConstantOfShape, Range) and foldNode, which dispatches every
// operator; the structural folds (Reshape, Gather, Concat, Slice, Transpose,
// Reduce*, ...) are in fold_shape.cpp.

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>
#include <limits>

#include "core/onnx/fold_internal.h"
#include "core/ir/shape_inference.h"

namespace tessera::core::onnxio {

// ---- index arithmetic, shared with fold_shape.cpp

Values single(ConstTensor t) { return std::vector<ConstTensor>{std::move(t)}; }

std::int64_t elementsOf(const Shape& s) {
    std::int64_t n = 1;
    for (auto d : s) {
        if (d < 0 || d > kMaxFoldElements) return kMaxFoldElements + 1;
        n *= d;
        if (n > kMaxFoldElements) return kMaxFoldElements + 1;
    }
    return n;
}

std::vector<std::int64_t> stridesOf(const Shape& s) {
    std::vector<std::int64_t> st(s.size(), 1);
    for (std::size_t i = s.size(); i-- > 1;) st[i - 1] = st[i] * s[i];
    return st;
}

std::size_t broadcastIndex(const std::vector<std::int64_t>& idx, const Shape& outShape, const Shape& srcShape) {
    const auto st = stridesOf(srcShape);
    std::size_t flat = 0;
    const std::size_t offset = outShape.size() - srcShape.size();
    for (std::size_t i = 0; i < srcShape.size(); ++i) {
        const std::int64_t d = srcShape[i];
        const std::int64_t v = d == 1 ? 0 : idx[i + offset];
        flat += static_cast<std::size_t>(v * st[i]);
    }
    return flat;
}

void unravel(std::int64_t flat, const Shape& shape, std::vector<std::int64_t>& idx) {
    idx.assign(shape.size(), 0);
    for (std::size_t i = shape.size(); i-- > 0;) {
        idx[i] = flat % shape[i];
        flat /= shape[i];
    }
}

namespace {

bool normAxis(std::int64_t& axis, std::size_t rank, bool allowEnd) {
    const auto r = static_cast<std::int64_t>(rank);
    if (axis < -r - (allowEnd ? 1 : 0) || axis > r - (allowEnd ? 0 : 1)) return false;
    if (axis < 0) axis += r + (allowEnd ? 1 : 0);
    return true;
}

}  // namespace

std::int64_t normAxisOrThrow(std::int64_t axis, std::size_t rank, bool allowEnd) {
    if (!normAxis(axis, rank, allowEnd))
        throw NodeError("axis " + std::to_string(axis) + " is out of range for rank " + std::to_string(rank));
    return axis;
}

ConstTensor gatherFlat(const ConstTensor& t, Shape shape, const std::vector<std::size_t>& flat) {
    ConstTensor out;
    out.shape = std::move(shape);
    out.isFloat = t.isFloat;
    for (auto f : flat) {
        if (t.isFloat) out.reals.push_back(t.reals[f]);
        else out.ints.push_back(t.ints[f]);
    }
    return out;
}

std::optional<std::vector<std::int64_t>> intsOf(const ConstTensor* t) {
    if (!t) return std::nullopt;
    return t->integers();
}

ConstTensor withShape(ConstTensor t, Shape shape) {
    t.shape = std::move(shape);
    return t;
}

namespace {

// ---- element-wise

enum class Bin { Add, Sub, Mul, Div, Mod, FMod, Pow, Min, Max, Equal, Less, LessEq, Greater, GreaterEq, And, Or, Xor };

// Min, Max, the comparisons and the logical operators: the same expression
// for integers and reals, with true as 1.
template <typename T>
T orderOrLogic(Bin op, T a, T b) {
    switch (op) {
    case Bin::Min: return std::min(a, b);
    case Bin::Max: return std::max(a, b);
    case Bin::Equal: return a == b;
    case Bin::Less: return a < b;
    case Bin::LessEq: return a <= b;
    case Bin::Greater: return a > b;
    case Bin::GreaterEq: return a >= b;
    case Bin::And: return (a != 0) && (b != 0);
    case Bin::Or: return (a != 0) || (b != 0);
    case Bin::Xor: return (a != 0) != (b != 0);
    default: return 0;  // arithmetic: the callers handle it
    }
}

std::optional<std::int64_t> intBinary(Bin op, std::int64_t a, std::int64_t b) {
    std::int64_t r = 0;
    switch (op) {
    case Bin::Add: if (__builtin_add_overflow(a, b, &r)) return std::nullopt; return r;
    case Bin::Sub: if (__builtin_sub_overflow(a, b, &r)) return std::nullopt; return r;
    case Bin::Mul: if (__builtin_mul_overflow(a, b, &r)) return std::nullopt; return r;
    case Bin::Div:
        if (b == 0 || (a == std::numeric_limits<std::int64_t>::min() && b == -1)) return std::nullopt;
        return a / b;  // truncation, as ONNX runtimes do for integers
    case Bin::Mod:
    case Bin::FMod: {
        if (b == 0 || (a == std::numeric_limits<std::int64_t>::min() && b == -1)) return std::nullopt;
        r = a % b;
        if (op == Bin::Mod && r != 0 && ((r < 0) != (b < 0))) r += b;  // sign of the divisor
        return r;
    }
    case Bin::Pow: {
        if (b < 0) return std::nullopt;
        r = 1;
        for (std::int64_t i = 0; i < b; ++i) {
            if (__builtin_mul_overflow(r, a, &r)) return std::nullopt;
            if (r == 0 || r == 1) break;
        }
        return r;
    }
    case Bin::Min:
    case Bin::Max:
    case Bin::Equal:
    case Bin::Less:
    case Bin::LessEq:
    case Bin::Greater:
    case Bin::GreaterEq:
    case Bin::And:
    case Bin::Or:
    case Bin::Xor: return orderOrLogic(op, a, b);
    }
    return std::nullopt;
}

double realBinary(Bin op, double a, double b) {
    switch (op) {
    case Bin::Add: return a + b;
    case Bin::Sub: return a - b;
    case Bin::Mul: return a * b;
    case Bin::Div: return a / b;
    case Bin::Mod: {
        double r = std::fmod(a, b);
        if (r != 0 && ((r < 0) != (b < 0))) r += b;
        return r;
    }
    case Bin::FMod: return std::fmod(a, b);
    case Bin::Pow: return std::pow(a, b);
    case Bin::Min:
    case Bin::Max:
    case Bin::Equal:
    case Bin::Less:
    case Bin::LessEq:
    case Bin::Greater:
    case Bin::GreaterEq:
    case Bin::And:
    case Bin::Or:
    case Bin::Xor: return orderOrLogic(op, a, b);
    }
    return 0;
}

bool isComparison(Bin op) {
    return op == Bin::Equal || op == Bin::Less || op == Bin::LessEq || op == Bin::Greater || op == Bin::GreaterEq ||
           op == Bin::And || op == Bin::Or || op == Bin::Xor;
}

std::optional<ConstTensor> binary(Bin op, const ConstTensor& a, const ConstTensor& b) {
    ShapeResult shape = broadcastShapes(a.shape, b.shape);
    if (!shape.ok()) throw NodeError(shape.error);
    const Shape out = shape.outputs[0];
    const std::int64_t n = elementsOf(out);
    if (n > kMaxFoldElements) return std::nullopt;
    const bool asFloat = a.isFloat || b.isFloat;
    ConstTensor r;
    r.shape = out;
    r.isFloat = asFloat && !isComparison(op);
    std::vector<std::int64_t> idx;
    for (std::int64_t i = 0; i < n; ++i) {
        unravel(i, out, idx);
        const std::size_t ia = broadcastIndex(idx, out, a.shape), ib = broadcastIndex(idx, out, b.shape);
        if (asFloat) {
            const double v = realBinary(op, a.real(ia), b.real(ib));
            if (r.isFloat) r.reals.push_back(v);
            else r.ints.push_back(static_cast<std::int64_t>(v));
        } else {
            auto v = intBinary(op, a.ints[ia], b.ints[ib]);
            if (!v) return std::nullopt;
            r.ints.push_back(*v);
        }
    }
    return r;
}

std::optional<ConstTensor> unary(std::string_view op, const ConstTensor& a) {
    ConstTensor r = a;
    if (op == "Not") {
        if (a.isFloat) return std::nullopt;
        for (auto& v : r.ints) v = v == 0;
        return r;
    }
    if (!a.isFloat) {
        for (auto& v : r.ints) {
            if (op == "Neg") { if (v == std::numeric_limits<std::int64_t>::min()) return std::nullopt; v = -v; }
            else if (op == "Abs") { if (v == std::numeric_limits<std::int64_t>::min()) return std::nullopt; v = v < 0 ? -v : v; }
            else if (op == "Sign") v = (v > 0) - (v < 0);
            else if (op == "Relu") v = std::max<std::int64_t>(v, 0);
            else if (op == "Floor" || op == "Ceil" || op == "Round" || op == "Identity") {}
            else return std::nullopt;  // Sqrt, Reciprocal of integers: not shape arithmetic
        }
        return r;
    }
    for (auto& v : r.reals) {
        if (op == "Neg") v = -v;
        else if (op == "Abs") v = std::fabs(v);
        else if (op == "Sign") v = (v > 0) - (v < 0);
        else if (op == "Relu") v = std::max(v, 0.0);
        else if (op == "Floor") v = std::floor(v);
        else if (op == "Ceil") v = std::ceil(v);
        else if (op == "Round") v = std::nearbyint(v);  // half to even, as ONNX
        else if (op == "Sqrt") v = std::sqrt(v);
        else if (op == "Reciprocal") v = 1.0 / v;
        else if (op == "Identity") {}
        else return std::nullopt;
    }
    return r;
}

std::optional<Bin> binaryOp(std::string_view op) {
    static const std::pair<std::string_view, Bin> table[] = {
        {"Add", Bin::Add}, {"Sub", Bin::Sub}, {"Mul", Bin::Mul}, {"Div", Bin::Div}, {"Pow", Bin::Pow},
        {"Min", Bin::Min}, {"Max", Bin::Max}, {"Sum", Bin::Add}, {"Equal", Bin::Equal}, {"Less", Bin::Less},
        {"LessOrEqual", Bin::LessEq}, {"Greater", Bin::Greater}, {"GreaterOrEqual", Bin::GreaterEq},
        {"And", Bin::And}, {"Or", Bin::Or}, {"Xor", Bin::Xor}};
    for (const auto& [name, b] : table)
        if (name == op) return b;
    return std::nullopt;
}

constexpr std::string_view kUnaryOps[] = {"Neg", "Abs", "Sign", "Relu", "Floor", "Ceil", "Round", "Sqrt",
                                          "Reciprocal", "Not", "Identity"};

// Axes of Squeeze / Unsqueeze / Reduce*: an attribute in older opsets, an
// optional second input in newer ones.
std::optional<std::vector<std::int64_t>> axesOf(const onnx::NodeProto& node, const std::vector<const ConstTensor*>& in,
                                                bool fromInput, bool* unknown) {
    *unknown = false;
    if (!fromInput) return attrIntsOpt(node, "axes");
    if (in.size() < 2 || !in[1]) return std::nullopt;
    auto v = in[1]->integers();
    if (!v) *unknown = true;
    return v;
}

}  // namespace

bool isFoldableOp(std::string_view op) {
    static constexpr std::string_view kOps[] = {
        "Constant", "Identity", "Cast", "CastLike", "Shape", "Size", "Gather", "Unsqueeze", "Squeeze", "Reshape",
        "Flatten", "Concat", "Slice", "Transpose", "Expand", "Tile", "ConstantOfShape", "Range", "Where",
        "ReduceProd", "ReduceSum", "ReduceMean", "ReduceMax", "ReduceMin", "Mod", "Dropout"};
    if (std::find(std::begin(kOps), std::end(kOps), op) != std::end(kOps)) return true;
    if (binaryOp(op)) return true;
    return std::find(std::begin(kUnaryOps), std::end(kUnaryOps), op) != std::end(kUnaryOps);
}

std::optional<std::vector<ConstTensor>> foldNode(const onnx::NodeProto& node,
                                                 const std::vector<const ConstTensor*>& in, int opset) {
    const std::string& op = node.op_type();
    auto input = [&](std::size_t i) -> const ConstTensor* { return i < in.size() ? in[i] : nullptr; };
    const ConstTensor* x = input(0);

    if (op == "Constant") {
        if (const auto* t = attrTensor(node, "value")) {
            auto v = readTensorValues(*t);
            if (!v) return std::nullopt;
            return single(std::move(*v));
        }
        if (auto i = attrIntOpt(node, "value_int")) return single(ConstTensor::ofInts({}, {*i}));
        if (auto f = attrFloatOpt(node, "value_float")) return single(ConstTensor::ofReals({}, {*f}));
        if (auto is = attrIntsOpt(node, "value_ints")) {
            const auto n = static_cast<std::int64_t>(is->size());
            return single(ConstTensor::ofInts({n}, std::move(*is)));
        }
        if (const auto* a = findAttr(node, "value_floats")) {
            if (a->type() != onnx::AttributeProto::FLOATS) throw NodeError("attribute 'value_floats' has the wrong type");
            if (a->floats_size() > kMaxFoldElements) return std::nullopt;
            return single(ConstTensor::ofReals({a->floats_size()}, std::vector<double>(a->floats().begin(), a->floats().end())));
        }
        return std::nullopt;  // sparse_value, strings
    }
    if (op == "ConstantOfShape") {
        auto shape = intsOf(x);
        if (!shape) return std::nullopt;
        if (shape->size() > kMaxRank) throw NodeError("ConstantOfShape to rank " + std::to_string(shape->size()));
        for (auto d : *shape)
            if (d < 0) throw NodeError("ConstantOfShape to a negative dimension");
        const Shape out(shape->begin(), shape->end());
        const std::int64_t n = elementsOf(out);
        if (n > kMaxFoldElements) return std::nullopt;
        ConstTensor fill = ConstTensor::ofReals({}, {0.0});
        if (const auto* t = attrTensor(node, "value")) {
            auto v = readTensorValues(*t);
            if (!v || v->size() != 1) return std::nullopt;
            fill = *v;
        }
        if (fill.isFloat) return single(ConstTensor::ofReals(out, std::vector<double>(static_cast<std::size_t>(n), fill.reals[0])));
        return single(ConstTensor::ofInts(out, std::vector<std::int64_t>(static_cast<std::size_t>(n), fill.ints[0])));
    }
    if (op == "Range") {
        const ConstTensor *s = input(0), *l = input(1), *d = input(2);
        if (!s || !l || !d || s->size() != 1 || l->size() != 1 || d->size() != 1) return std::nullopt;
        const bool isFloat = s->isFloat || l->isFloat || d->isFloat;
        const double start = s->real(0), limit = l->real(0), delta = d->real(0);
        if (delta == 0 || !std::isfinite(start) || !std::isfinite(limit) || !std::isfinite(delta)) return std::nullopt;
        const double count = std::max(std::ceil((limit - start) / delta), 0.0);
        if (count > static_cast<double>(kMaxFoldElements)) return std::nullopt;
        const auto n = static_cast<std::int64_t>(count);
        if (isFloat) {
            std::vector<double> v;
            for (std::int64_t i = 0; i < n; ++i) v.push_back(start + static_cast<double>(i) * delta);
            return single(ConstTensor::ofReals({n}, v));
        }
        std::vector<std::int64_t> v;
        for (std::int64_t i = 0; i < n; ++i) v.push_back(s->ints[0] + i * d->ints[0]);
        return single(ConstTensor::ofInts({n}, v));
    }
    if (!x) return std::nullopt;

    if (op == "Identity" || op == "Dropout") {
        std::vector<ConstTensor> outs{*x};
        if (node.output_size() > 1 && !node.output(1).empty()) return std::nullopt;  // a mask is not folded
        return outs;
    }
    if (op == "Cast" || op == "CastLike") {
        int to = 0;
        if (op == "Cast") {
            to = static_cast<int>(attrInt(node, "to", 0));
        } else {
            const ConstTensor* like = input(1);
            if (!like) return std::nullopt;
            to = like->isFloat ? onnx::TensorProto::FLOAT : onnx::TensorProto::INT64;
        }
        if (isFloatElemType(to)) {
            std::vector<double> v;
            for (std::size_t i = 0; i < x->size(); ++i) v.push_back(x->real(i));
            return single(ConstTensor::ofReals(x->shape, v));
        }
        if (to == onnx::TensorProto::STRING || to == 0) return std::nullopt;
        std::vector<std::int64_t> v;
        for (std::size_t i = 0; i < x->size(); ++i) {
            if (!x->isFloat) {
                v.push_back(to == onnx::TensorProto::BOOL ? x->ints[i] != 0 : x->ints[i]);
                continue;
            }
            const double r = x->reals[i];
            if (!std::isfinite(r) || std::fabs(r) > 9.0e18) return std::nullopt;
            v.push_back(to == onnx::TensorProto::BOOL ? r != 0 : static_cast<std::int64_t>(std::trunc(r)));
        }
        return single(ConstTensor::ofInts(x->shape, v));
    }
    if (op == "Shape") {
        std::vector<std::int64_t> dims = shapeOpDims(node, x->shape);
        const auto n = static_cast<std::int64_t>(dims.size());
        return single(ConstTensor::ofInts({n}, dims));
    }
    if (op == "Size") return single(ConstTensor::ofInts({}, {static_cast<std::int64_t>(x->size())}));
    if (op == "Gather") {
        if (!input(1)) return std::nullopt;
        return foldGather(*x, *input(1), attrInt(node, "axis", 0));
    }
    if (op == "Unsqueeze" || op == "Squeeze") {
        bool unknown = false;
        auto axes = axesOf(node, in, opset >= 13, &unknown);
        if (unknown) return std::nullopt;
        if (op == "Squeeze") return foldSqueeze(*x, axes);
        if (!axes) throw NodeError("Unsqueeze needs axes");
        return foldUnsqueeze(*x, *axes);
    }
    if (op == "Reshape") {
        std::optional<std::vector<std::int64_t>> target;
        if (opset >= 5) target = intsOf(input(1));
        else target = attrIntsOpt(node, "shape");
        if (!target) return std::nullopt;
        return foldReshape(*x, *target, attrInt(node, "allowzero", 0) != 0);
    }
    if (op == "Flatten") {
        const std::int64_t axis = normAxisOrThrow(attrInt(node, "axis", 1), x->shape.size(), true);
        std::int64_t outer = 1;
        for (std::int64_t i = 0; i < axis; ++i) outer *= x->shape[static_cast<std::size_t>(i)];
        const auto n = static_cast<std::int64_t>(x->size());
        return single(withShape(*x, {outer, outer ? n / outer : 0}));
    }
    if (op == "Concat") {
        auto axis = attrIntOpt(node, "axis");
        if (!axis) throw NodeError("Concat needs an axis");
        std::vector<const ConstTensor*> parts;
        for (std::size_t i = 0; i < in.size(); ++i) parts.push_back(in[i]);
        return foldConcat(parts, *axis);
    }
    if (op == "Slice") {
        std::optional<std::vector<std::int64_t>> starts, ends, axes, steps;
        if (opset >= 10) {
            starts = intsOf(input(1));
            ends = intsOf(input(2));
            if (input(3)) { axes = intsOf(input(3)); if (!axes) return std::nullopt; }
            if (input(4)) { steps = intsOf(input(4)); if (!steps) return std::nullopt; }
        } else {
            starts = attrIntsOpt(node, "starts");
            ends = attrIntsOpt(node, "ends");
            axes = attrIntsOpt(node, "axes");
        }
        if (!starts || !ends) return std::nullopt;
        return foldSlice(*x, *starts, *ends, axes, steps);
    }
    if (op == "Transpose") return foldTranspose(*x, attrInts(node, "perm"));
    if (op == "Expand") {
        auto shape = intsOf(input(1));
        if (!shape) return std::nullopt;
        return foldExpand(*x, *shape);
    }
    if (op == "Tile") {
        auto repeats = intsOf(input(1));
        if (!repeats) return std::nullopt;
        return foldTile(*x, *repeats);
    }
    if (op == "Where") {
        const ConstTensor *a = input(1), *b = input(2);
        if (!a || !b) return std::nullopt;
        ShapeResult s1 = broadcastShapes(x->shape, a->shape);
        if (!s1.ok()) throw NodeError(s1.error);
        ShapeResult s2 = broadcastShapes(s1.outputs[0], b->shape);
        if (!s2.ok()) throw NodeError(s2.error);
        const Shape out = s2.outputs[0];
        const std::int64_t n = elementsOf(out);
        if (n > kMaxFoldElements) return std::nullopt;
        const bool isFloat = a->isFloat || b->isFloat;
        ConstTensor r;
        r.shape = out;
        r.isFloat = isFloat;
        std::vector<std::int64_t> idx;
        for (std::int64_t i = 0; i < n; ++i) {
            unravel(i, out, idx);
            const bool c = x->real(broadcastIndex(idx, out, x->shape)) != 0;
            const ConstTensor* src = c ? a : b;
            const std::size_t f = broadcastIndex(idx, out, src->shape);
            if (isFloat) r.reals.push_back(src->real(f));
            else r.ints.push_back(src->ints[f]);
        }
        return single(std::move(r));
    }
    if (op.rfind("Reduce", 0) == 0) {
        if (op != "ReduceProd" && op != "ReduceSum" && op != "ReduceMean" && op != "ReduceMax" && op != "ReduceMin")
            return std::nullopt;
        const bool axesInput = op == "ReduceSum" ? opset >= 13 : opset >= 18;
        bool unknown = false;
        auto axes = axesOf(node, in, axesInput, &unknown);
        if (unknown) return std::nullopt;
        return foldReduce(op, *x, axes, attrInt(node, "keepdims", 1) != 0, attrInt(node, "noop_with_empty_axes", 0) != 0);
    }
    if (op == "Mod") {
        if (!input(1)) return std::nullopt;
        auto r = binary(attrInt(node, "fmod", 0) ? Bin::FMod : Bin::Mod, *x, *input(1));
        if (!r) return std::nullopt;
        return single(std::move(*r));
    }
    if (auto b = binaryOp(op)) {
        // Variadic for Min, Max, Sum; exactly two inputs otherwise.
        ConstTensor acc = *x;
        for (std::size_t i = 1; i < in.size(); ++i) {
            if (!in[i]) return std::nullopt;
            auto r = binary(*b, acc, *in[i]);
            if (!r) return std::nullopt;
            acc = std::move(*r);
        }
        if (in.size() < 2 && op != "Min" && op != "Max" && op != "Sum") return std::nullopt;
        return single(std::move(acc));
    }
    if (std::find(std::begin(kUnaryOps), std::end(kUnaryOps), op) != std::end(kUnaryOps)) {
        auto r = unary(op, *x);
        if (!r) return std::nullopt;
        return single(std::move(*r));
    }
    return std::nullopt;
}

}  // namespace tessera::core::onnxio
