#include "core/ir/shape_inference.h"

#include <algorithm>
#include <numeric>
#include <string>

namespace tessera::core {

namespace {

ShapeResult fail(std::string message) {
    ShapeResult r;
    r.error = std::move(message);
    return r;
}

ShapeResult one(Shape s) {
    ShapeResult r;
    r.outputs.push_back(std::move(s));
    return r;
}

// Checks the caps on every output; returns an error or success unchanged.
ShapeResult checked(ShapeResult r) {
    if (!r.ok()) return r;
    for (const auto& s : r.outputs) {
        if (s.size() > kMaxRank) return fail("output rank " + std::to_string(s.size()) + " exceeds " + std::to_string(kMaxRank));
        std::int64_t elements = 1;
        for (auto d : s) {
            if (d <= 0) return fail("output shape " + shapeToString(s) + " has a non-positive dimension");
            if (d > kMaxDimension) return fail("output dimension " + std::to_string(d) + " exceeds the limit " + std::to_string(kMaxDimension));
            if (elements > kMaxTensorElements / d) return fail("output shape " + shapeToString(s) + " is too large");
            elements *= d;
        }
    }
    return r;
}

bool normaliseAxis(std::int64_t& axis, std::size_t rank, bool allowEnd = false) {
    const auto r = static_cast<std::int64_t>(rank);
    if (axis < 0) axis += r;
    return axis >= 0 && (allowEnd ? axis <= r : axis < r);
}

std::string str(std::int64_t v) { return std::to_string(v); }

// Output size of a sliding window along one spatial dimension.
std::int64_t windowOutput(std::int64_t in, std::int64_t k, std::int64_t s, std::int64_t padBegin,
                          std::int64_t padEnd, std::int64_t d, bool ceilMode) {
    const std::int64_t span = in + padBegin + padEnd - d * (k - 1) - 1;
    if (span < 0) return 0;
    std::int64_t out = (ceilMode ? (span + s - 1) / s : span / s) + 1;
    // A window may not start in the end padding (PyTorch and ONNX rule).
    if (ceilMode && (out - 1) * s >= in + padBegin) --out;
    return out;
}

ShapeResult spatialWindow(const Layer& l, const Shape& in, std::int64_t channelsOut, bool ceilMode) {
    if (in.size() != 4) return fail("expects a 4-D NCHW input, got " + shapeToString(in));
    const auto& a = l.attrs;
    for (int i = 0; i < 2; ++i) {
        if (a.kernel[i] <= 0) return fail("kernel must be positive, got " + str(a.kernel[i]));
        if (a.stride[i] <= 0) return fail("stride must be positive, got " + str(a.stride[i]));
        if (a.dilation[i] <= 0) return fail("dilation must be positive, got " + str(a.dilation[i]));
        if (a.kernel[i] > kMaxDimension || a.stride[i] > kMaxDimension || a.dilation[i] > kMaxDimension)
            return fail("kernel, stride or dilation exceeds the limit " + str(kMaxDimension));
    }
    for (auto p : a.padding) {
        if (p < 0) return fail("padding must not be negative, got " + str(p));
        if (p > kMaxDimension) return fail("padding exceeds the limit " + str(kMaxDimension));
    }
    const std::int64_t oh = windowOutput(in[2], a.kernel[0], a.stride[0], a.padding[0], a.padding[2], a.dilation[0], ceilMode);
    const std::int64_t ow = windowOutput(in[3], a.kernel[1], a.stride[1], a.padding[1], a.padding[3], a.dilation[1], ceilMode);
    if (oh <= 0 || ow <= 0)
        return fail("kernel " + str(a.kernel[0]) + "x" + str(a.kernel[1]) + " does not fit the padded input " +
                    shapeToString(in));
    return one({in[0], channelsOut, oh, ow});
}

ShapeResult inferConv(const Layer& l, const Shape& in) {
    if (in.size() != 4) return fail("expects a 4-D NCHW input, got " + shapeToString(in));
    const auto& a = l.attrs;
    if (a.groups <= 0) return fail("groups must be positive, got " + str(a.groups));
    if (a.outChannels <= 0) return fail("out_channels must be positive, got " + str(a.outChannels));
    if (in[1] % a.groups != 0)
        return fail("groups " + str(a.groups) + " does not divide the " + str(in[1]) + " input channels");
    if (a.outChannels % a.groups != 0)
        return fail("groups " + str(a.groups) + " does not divide out_channels " + str(a.outChannels));
    return spatialWindow(l, in, a.outChannels, false);
}

ShapeResult inferMatMul(const Shape& a0, const Shape& b0) {
    if (a0.empty() || b0.empty()) return fail("matmul operands must have rank >= 1");
    Shape a = a0, b = b0;
    const bool aVec = a.size() == 1, bVec = b.size() == 1;
    if (aVec) a.insert(a.begin(), 1);
    if (bVec) b.push_back(1);
    if (a.back() != b[b.size() - 2])
        return fail("matmul inner dimensions differ: " + shapeToString(a0) + " x " + shapeToString(b0));
    Shape batchA(a.begin(), a.end() - 2), batchB(b.begin(), b.end() - 2);
    ShapeResult batch = broadcastShapes(batchA, batchB);
    if (!batch.ok()) return fail("matmul batch dimensions: " + batch.error);
    Shape out = batch.outputs[0];
    if (!aVec) out.push_back(a[a.size() - 2]);
    if (!bVec) out.push_back(b.back());
    if (out.empty()) out.push_back(1);
    return one(out);
}

ShapeResult inferReshape(const Layer& l, const Shape& in) {
    const auto& target = l.attrs.shape;
    if (target.empty()) return fail("reshape needs a non-empty 'shape'");
    if (target.size() > kMaxRank) return fail("reshape target rank exceeds " + str(kMaxRank));
    Shape out;
    int inferAt = -1;
    std::int64_t known = 1;
    for (std::size_t i = 0; i < target.size(); ++i) {
        std::int64_t d = target[i];
        if (d == 0) {
            if (i >= in.size()) return fail("reshape copies dimension " + str(static_cast<std::int64_t>(i)) + " that the input lacks");
            d = in[i];
        } else if (d == -1) {
            if (inferAt >= 0) return fail("reshape has more than one -1");
            inferAt = static_cast<int>(i);
            out.push_back(1);
            continue;
        } else if (d < 0) {
            return fail("reshape dimension " + str(d) + " is invalid");
        }
        if (d > kMaxDimension) return fail("reshape dimension " + str(d) + " exceeds the limit");
        known *= d;
        out.push_back(d);
    }
    const std::int64_t total = shapeElements(in);
    if (inferAt >= 0) {
        if (known == 0 || total % known != 0)
            return fail("cannot reshape " + shapeToString(in) + " to " + shapeToString(target));
        out[static_cast<std::size_t>(inferAt)] = total / known;
    } else if (known != total) {
        return fail("cannot reshape " + shapeToString(in) + " (" + str(total) + " elements) to " + shapeToString(out));
    }
    return one(out);
}

ShapeResult inferSlice(const Layer& l, const Shape& in) {
    std::int64_t axis = l.attrs.axis;
    if (!normaliseAxis(axis, in.size())) return fail("slice axis " + str(l.attrs.axis) + " is out of range for " + shapeToString(in));
    const std::int64_t dim = in[static_cast<std::size_t>(axis)];
    const std::int64_t step = l.attrs.step;
    if (step == 0) return fail("slice step must not be 0");
    std::int64_t start = l.attrs.start, end = l.attrs.end;
    if (start < 0) start += dim;
    if (end < 0) end += dim;
    std::int64_t count = 0;
    if (step > 0) {
        start = std::clamp<std::int64_t>(start, 0, dim);
        end = std::clamp<std::int64_t>(end, 0, dim);
        count = end > start ? (end - start + step - 1) / step : 0;
    } else {
        start = std::clamp<std::int64_t>(start, -1, dim - 1);
        end = std::clamp<std::int64_t>(end, -1, dim - 1);
        count = start > end ? (start - end - step - 1) / (-step) : 0;
    }
    if (count <= 0) return fail("slice [" + str(l.attrs.start) + ", " + str(l.attrs.end) + ") of axis " + str(axis) + " is empty");
    Shape out = in;
    out[static_cast<std::size_t>(axis)] = count;
    return one(out);
}

ShapeResult inferSplit(const Layer& l, const Shape& in) {
    std::int64_t axis = l.attrs.axis;
    if (!normaliseAxis(axis, in.size())) return fail("split axis " + str(l.attrs.axis) + " is out of range for " + shapeToString(in));
    const std::int64_t dim = in[static_cast<std::size_t>(axis)];
    std::vector<std::int64_t> sizes = l.attrs.sizes;
    const auto parts = static_cast<std::int64_t>(l.outputs.size());
    if (sizes.empty()) {
        if (parts <= 0 || dim % parts != 0)
            return fail("cannot split dimension " + str(dim) + " into " + str(parts) + " equal parts");
        sizes.assign(static_cast<std::size_t>(parts), dim / parts);
    }
    if (static_cast<std::int64_t>(sizes.size()) != parts)
        return fail("split has " + str(static_cast<std::int64_t>(sizes.size())) + " sizes but " + str(parts) + " outputs");
    std::int64_t sum = 0;
    for (auto s : sizes) {
        if (s <= 0) return fail("split size " + str(s) + " must be positive");
        sum += s;
    }
    if (sum != dim) return fail("split sizes add up to " + str(sum) + " but the axis has " + str(dim));
    ShapeResult r;
    for (auto s : sizes) {
        Shape out = in;
        out[static_cast<std::size_t>(axis)] = s;
        r.outputs.push_back(out);
    }
    return r;
}

ShapeResult inferConcat(const Layer& l, const std::vector<Shape>& ins) {
    std::int64_t axis = l.attrs.axis;
    const Shape& first = ins[0];
    if (!normaliseAxis(axis, first.size())) return fail("concat axis " + str(l.attrs.axis) + " is out of range for " + shapeToString(first));
    Shape out = first;
    for (std::size_t i = 1; i < ins.size(); ++i) {
        const Shape& s = ins[i];
        if (s.size() != first.size()) return fail("concat inputs have different ranks: " + shapeToString(first) + " and " + shapeToString(s));
        for (std::size_t d = 0; d < s.size(); ++d) {
            if (static_cast<std::int64_t>(d) == axis) continue;
            if (s[d] != first[d]) return fail("concat inputs differ outside axis " + str(axis) + ": " + shapeToString(first) + " and " + shapeToString(s));
        }
        out[static_cast<std::size_t>(axis)] += s[static_cast<std::size_t>(axis)];
    }
    return one(out);
}

ShapeResult inferTranspose(const Layer& l, const Shape& in) {
    std::vector<std::int64_t> perm = l.attrs.perm;
    if (perm.empty()) {
        perm.resize(in.size());
        std::iota(perm.rbegin(), perm.rend(), 0);
    }
    if (perm.size() != in.size()) return fail("transpose perm has " + str(static_cast<std::int64_t>(perm.size())) + " entries for a rank-" + str(static_cast<std::int64_t>(in.size())) + " input");
    std::vector<bool> seen(in.size(), false);
    Shape out;
    for (auto p : perm) {
        if (!normaliseAxis(p, in.size()) || seen[static_cast<std::size_t>(p)]) return fail("transpose perm is not a permutation");
        seen[static_cast<std::size_t>(p)] = true;
        out.push_back(in[static_cast<std::size_t>(p)]);
    }
    return one(out);
}

ShapeResult inferPad(const Layer& l, const Shape& in) {
    const auto& pads = l.attrs.pads;
    if (pads.size() != 2 * in.size()) return fail("pad needs 2 x rank = " + str(static_cast<std::int64_t>(2 * in.size())) + " values, got " + str(static_cast<std::int64_t>(pads.size())));
    Shape out = in;
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (pads[i] > kMaxDimension || pads[i + in.size()] > kMaxDimension) return fail("pad exceeds the limit");
        out[i] = in[i] + pads[i] + pads[i + in.size()];
    }
    return one(out);
}

std::size_t expectedInputs(OpKind op) {
    switch (op) {
    case OpKind::MatMul: return 2;
    case OpKind::Add:
    case OpKind::Sub:
    case OpKind::Mul:
    case OpKind::Div:
    case OpKind::Concat: return 0;  // one or more, checked below
    default: return 1;
    }
}

}  // namespace

ShapeResult broadcastShapes(const Shape& a, const Shape& b) {
    Shape out(std::max(a.size(), b.size()), 1);
    for (std::size_t i = 0; i < out.size(); ++i) {
        const std::int64_t da = i < a.size() ? a[a.size() - 1 - i] : 1;
        const std::int64_t db = i < b.size() ? b[b.size() - 1 - i] : 1;
        if (da != db && da != 1 && db != 1)
            return fail("shapes " + shapeToString(a) + " and " + shapeToString(b) + " do not broadcast");
        out[out.size() - 1 - i] = da == 1 ? db : da;
    }
    return one(out);
}

ShapeResult inferLayerShapes(const Layer& l, const std::vector<Shape>& ins) {
    const std::size_t want = expectedInputs(l.op);
    if (want > 0 && ins.size() != want)
        return fail("expects " + std::to_string(want) + " input(s), got " + std::to_string(ins.size()));
    if (ins.empty()) return fail("has no input");
    if (l.op != OpKind::Split && l.outputs.size() != 1)
        return fail("must have exactly one output, has " + std::to_string(l.outputs.size()));
    const Shape& in = ins[0];
    const auto& a = l.attrs;
    switch (l.op) {
    case OpKind::Conv: return checked(inferConv(l, in));
    case OpKind::MaxPool:
    case OpKind::AvgPool:
        if (in.size() != 4) return fail("expects a 4-D NCHW input, got " + shapeToString(in));
        return checked(spatialWindow(l, in, in[1], a.ceilMode));
    case OpKind::GlobalAvgPool:
    case OpKind::GlobalMaxPool: {
        if (in.size() < 3) return fail("expects an N x C x spatial input, got " + shapeToString(in));
        Shape out = in;
        std::fill(out.begin() + 2, out.end(), 1);
        return one(out);
    }
    case OpKind::AdaptiveAvgPool:
        if (in.size() != 4) return fail("expects a 4-D NCHW input, got " + shapeToString(in));
        if (a.outputSize[0] <= 0 || a.outputSize[1] <= 0) return fail("output_size must be positive");
        return checked(one({in[0], in[1], a.outputSize[0], a.outputSize[1]}));
    case OpKind::FullyConnected: {
        if (a.outChannels <= 0) return fail("out_features must be positive, got " + str(a.outChannels));
        Shape out = in;
        out.back() = a.outChannels;
        return checked(one(out));
    }
    case OpKind::MatMul: return checked(inferMatMul(ins[0], ins[1]));
    case OpKind::BatchNorm:
        if (in.size() < 2) return fail("expects an input with a channel dimension, got " + shapeToString(in));
        return one(in);
    case OpKind::ChannelShuffle:
        if (in.size() < 2) return fail("expects an input with a channel dimension, got " + shapeToString(in));
        if (a.groups <= 0 || in[1] % a.groups != 0)
            return fail("groups " + str(a.groups) + " does not divide the " + str(in[1]) + " channels");
        return one(in);
    case OpKind::LRN:
        if (a.size <= 0) return fail("lrn size must be positive");
        return one(in);
    case OpKind::Softmax: {
        std::int64_t axis = a.axis;
        if (!normaliseAxis(axis, in.size())) return fail("softmax axis " + str(a.axis) + " is out of range for " + shapeToString(in));
        return one(in);
    }
    case OpKind::Activation:
    case OpKind::Dropout:
    case OpKind::Identity: return one(in);
    case OpKind::Add:
    case OpKind::Sub:
    case OpKind::Mul:
    case OpKind::Div: {
        Shape out = in;
        for (std::size_t i = 1; i < ins.size(); ++i) {
            ShapeResult r = broadcastShapes(out, ins[i]);
            if (!r.ok()) return r;
            out = r.outputs[0];
        }
        return checked(one(out));
    }
    case OpKind::Concat: return checked(inferConcat(l, ins));
    case OpKind::Split: return checked(inferSplit(l, in));
    case OpKind::Slice: return checked(inferSlice(l, in));
    case OpKind::Reshape: return checked(inferReshape(l, in));
    case OpKind::Flatten: {
        std::int64_t axis = a.axis;
        if (!normaliseAxis(axis, in.size(), true)) return fail("flatten axis " + str(a.axis) + " is out of range for " + shapeToString(in));
        std::int64_t outer = 1, inner = 1;
        for (std::size_t i = 0; i < in.size(); ++i) (static_cast<std::int64_t>(i) < axis ? outer : inner) *= in[i];
        return checked(one({outer, inner}));
    }
    case OpKind::Transpose: return checked(inferTranspose(l, in));
    case OpKind::Pad: return checked(inferPad(l, in));
    }
    return fail("unknown operator");
}

}  // namespace tessera::core
