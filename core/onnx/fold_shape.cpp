// Constant folding for the ONNX importer, structural operators: the ones
// that rearrange a constant's values without computing new ones (Reshape,
// Unsqueeze, Squeeze, Gather, Concat, Slice, Transpose, Expand, Tile), the
// Reduce* family, and the dimension arithmetic of Slice and Shape that the
// importer also uses for activations. foldNode in fold.cpp dispatches
// to them.

#include <algorithm>
#include <limits>
#include <numeric>

#include "core/onnx/fold_internal.h"
#include "core/ir/shape_inference.h"

namespace tessera::core::onnxio {

Values foldReshape(const ConstTensor& data, const std::vector<std::int64_t>& target, bool allowZero) {
    if (target.size() > kMaxRank) throw NodeError("reshape target has rank " + std::to_string(target.size()));
    Shape out;
    int infer = -1;
    std::int64_t known = 1;
    for (std::size_t i = 0; i < target.size(); ++i) {
        std::int64_t d = target[i];
        if (d == 0 && !allowZero) {
            if (i >= data.shape.size()) throw NodeError("reshape copies a dimension the input lacks");
            d = data.shape[i];
        }
        if (d == -1) {
            if (infer >= 0) throw NodeError("reshape target has more than one -1");
            infer = static_cast<int>(i);
            out.push_back(1);
            continue;
        }
        if (d < 0 || d > kMaxFoldElements) throw NodeError("reshape target dimension " + std::to_string(d) + " is invalid");
        known *= d;
        out.push_back(d);
    }
    const auto n = static_cast<std::int64_t>(data.size());
    if (infer >= 0) {
        if (known == 0 || n % known != 0) throw NodeError("cannot reshape a constant of " + std::to_string(n) + " elements");
        out[static_cast<std::size_t>(infer)] = n / known;
    } else if (known != n) {
        throw NodeError("cannot reshape a constant of " + std::to_string(n) + " elements to " + shapeToString(out));
    }
    return single(withShape(data, out));
}

Values foldUnsqueeze(const ConstTensor& data, std::vector<std::int64_t> axes) {
    const std::size_t rank = data.shape.size() + axes.size();
    if (rank > kMaxRank) throw NodeError("unsqueeze to rank " + std::to_string(rank));
    for (auto& a : axes) a = normAxisOrThrow(a, rank);
    std::sort(axes.begin(), axes.end());
    if (std::adjacent_find(axes.begin(), axes.end()) != axes.end()) throw NodeError("unsqueeze axes repeat");
    Shape out;
    std::size_t src = 0;
    for (std::size_t i = 0; i < rank; ++i) {
        if (std::binary_search(axes.begin(), axes.end(), static_cast<std::int64_t>(i))) out.push_back(1);
        else out.push_back(data.shape[src++]);
    }
    return single(withShape(data, out));
}

Values foldSqueeze(const ConstTensor& data, std::optional<std::vector<std::int64_t>> axes) {
    Shape out;
    std::vector<bool> drop(data.shape.size(), false);
    if (axes) {
        for (auto a : *axes) {
            const auto ax = static_cast<std::size_t>(normAxisOrThrow(a, data.shape.size()));
            if (data.shape[ax] != 1) throw NodeError("squeeze of axis " + std::to_string(a) + " whose size is not 1");
            drop[ax] = true;
        }
    } else {
        for (std::size_t i = 0; i < data.shape.size(); ++i) drop[i] = data.shape[i] == 1;
    }
    for (std::size_t i = 0; i < data.shape.size(); ++i)
        if (!drop[i]) out.push_back(data.shape[i]);
    return single(withShape(data, out));
}

Values foldGather(const ConstTensor& data, const ConstTensor& indices, std::int64_t axis) {
    if (data.shape.empty()) throw NodeError("gather from a scalar");
    axis = normAxisOrThrow(axis, data.shape.size());
    auto idx = indices.integers();
    if (!idx) return std::nullopt;
    const auto ax = static_cast<std::size_t>(axis);
    Shape out(data.shape.begin(), data.shape.begin() + axis);
    out.insert(out.end(), indices.shape.begin(), indices.shape.end());
    out.insert(out.end(), data.shape.begin() + axis + 1, data.shape.end());
    if (out.size() > kMaxRank || elementsOf(out) > kMaxFoldElements) return std::nullopt;
    const std::int64_t dim = data.shape[ax];
    std::int64_t outer = 1, inner = 1;
    for (std::size_t i = 0; i < ax; ++i) outer *= data.shape[i];
    for (std::size_t i = ax + 1; i < data.shape.size(); ++i) inner *= data.shape[i];
    std::vector<std::size_t> flat;
    for (std::int64_t o = 0; o < outer; ++o)
        for (auto j : *idx) {
            if (j < -dim || j >= dim) throw NodeError("gather index " + std::to_string(j) + " is out of range for size " + std::to_string(dim));
            if (j < 0) j += dim;
            for (std::int64_t k = 0; k < inner; ++k)
                flat.push_back(static_cast<std::size_t>((o * dim + j) * inner + k));
        }
    return single(gatherFlat(data, out, flat));
}

Values foldConcat(const std::vector<const ConstTensor*>& ins, std::int64_t axis) {
    if (ins.empty() || !ins[0]) return std::nullopt;
    const Shape& first = ins[0]->shape;
    if (first.empty()) throw NodeError("concat of scalars");
    axis = normAxisOrThrow(axis, first.size());
    const auto ax = static_cast<std::size_t>(axis);
    Shape out = first;
    out[ax] = 0;
    bool isFloat = false;
    for (const auto* t : ins) {
        if (!t) return std::nullopt;
        if (t->shape.size() != first.size()) throw NodeError("concat of constants of different ranks");
        for (std::size_t d = 0; d < first.size(); ++d)
            if (d != ax && t->shape[d] != first[d]) throw NodeError("concat of constants whose shapes differ");
        out[ax] += t->shape[ax];
        isFloat = isFloat || t->isFloat;
    }
    if (elementsOf(out) > kMaxFoldElements) return std::nullopt;
    std::int64_t outer = 1;
    for (std::size_t i = 0; i < ax; ++i) outer *= first[i];
    ConstTensor r;
    r.shape = out;
    r.isFloat = isFloat;
    for (std::int64_t o = 0; o < outer; ++o)
        for (const auto* t : ins) {
            std::int64_t chunk = 1;
            for (std::size_t i = ax; i < t->shape.size(); ++i) chunk *= t->shape[i];
            for (std::int64_t k = 0; k < chunk; ++k) {
                const auto f = static_cast<std::size_t>(o * chunk + k);
                if (isFloat) r.reals.push_back(t->real(f));
                else r.ints.push_back(t->ints[f]);
            }
        }
    return single(std::move(r));
}

SliceRange clampSlice(std::int64_t start, std::int64_t end, std::int64_t step, std::int64_t dim) {
    // ONNX Slice: negative bounds count from the end; then start is clamped
    // to [0, dim] ([0, dim - 1] stepping backwards) and end to [0, dim]
    // ([-1, dim - 1] stepping backwards).
    SliceRange s;
    s.step = step;
    if (start < 0) start += dim;
    if (end < 0) end += dim;
    auto clamp = [](std::int64_t v, std::int64_t lo, std::int64_t hi) { return std::min(std::max(v, lo), hi); };
    if (step > 0) {
        start = clamp(start, 0, dim);
        end = clamp(end, 0, dim);
        s.count = end > start ? (end - start - 1) / step + 1 : 0;
    } else {
        start = clamp(start, 0, dim - 1);
        end = clamp(end, -1, dim - 1);
        const std::int64_t back = step == std::numeric_limits<std::int64_t>::min() ? std::numeric_limits<std::int64_t>::max() : -step;
        s.count = start > end ? (start - end - 1) / back + 1 : 0;
    }
    s.start = start;
    return s;
}

Values foldSlice(const ConstTensor& data, const std::vector<std::int64_t>& starts, const std::vector<std::int64_t>& ends,
                 std::optional<std::vector<std::int64_t>> axes, std::optional<std::vector<std::int64_t>> steps) {
    const std::size_t rank = data.shape.size();
    if (starts.size() != ends.size()) throw NodeError("slice starts and ends differ in length");
    if (!axes) {
        axes.emplace(starts.size());
        std::iota(axes->begin(), axes->end(), 0);
    }
    if (!steps) steps.emplace(starts.size(), 1);
    if (axes->size() != starts.size() || steps->size() != starts.size()) throw NodeError("slice inputs differ in length");
    std::vector<SliceRange> per(rank);
    for (std::size_t i = 0; i < rank; ++i) per[i] = {0, data.shape[i], 1};
    for (std::size_t i = 0; i < starts.size(); ++i) {
        const auto ax = static_cast<std::size_t>(normAxisOrThrow((*axes)[i], rank));
        if ((*steps)[i] == 0) throw NodeError("slice step is 0");
        per[ax] = clampSlice(starts[i], ends[i], (*steps)[i], data.shape[ax]);
    }
    Shape out;
    for (const auto& p : per) out.push_back(p.count);
    if (elementsOf(out) > kMaxFoldElements) return std::nullopt;
    const auto st = stridesOf(data.shape);
    std::vector<std::size_t> flat;
    std::vector<std::int64_t> idx;
    const std::int64_t n = elementsOf(out);
    for (std::int64_t i = 0; i < n; ++i) {
        unravel(i, out, idx);
        std::int64_t f = 0;
        for (std::size_t d = 0; d < rank; ++d) f += (per[d].start + idx[d] * per[d].step) * st[d];
        flat.push_back(static_cast<std::size_t>(f));
    }
    return single(gatherFlat(data, out, flat));
}

Values foldTranspose(const ConstTensor& data, std::vector<std::int64_t> perm) {
    const std::size_t rank = data.shape.size();
    if (perm.empty()) {
        perm.resize(rank);
        std::iota(perm.rbegin(), perm.rend(), 0);
    }
    if (perm.size() != rank) throw NodeError("transpose perm does not match the rank");
    std::vector<bool> seen(rank, false);
    Shape out;
    for (auto& p : perm) {
        p = normAxisOrThrow(p, rank);
        if (seen[static_cast<std::size_t>(p)]) throw NodeError("transpose perm is not a permutation");
        seen[static_cast<std::size_t>(p)] = true;
        out.push_back(data.shape[static_cast<std::size_t>(p)]);
    }
    const auto st = stridesOf(data.shape);
    std::vector<std::size_t> flat;
    std::vector<std::int64_t> idx;
    for (std::int64_t i = 0; i < static_cast<std::int64_t>(data.size()); ++i) {
        unravel(i, out, idx);
        std::int64_t f = 0;
        for (std::size_t d = 0; d < rank; ++d) f += idx[d] * st[static_cast<std::size_t>(perm[d])];
        flat.push_back(static_cast<std::size_t>(f));
    }
    return single(gatherFlat(data, out, flat));
}

Values foldExpand(const ConstTensor& data, const std::vector<std::int64_t>& shape) {
    if (shape.size() > kMaxRank) throw NodeError("expand to rank " + std::to_string(shape.size()));
    for (auto d : shape)
        if (d < 0) throw NodeError("expand to a negative dimension");
    ShapeResult r = broadcastShapes(data.shape, Shape(shape.begin(), shape.end()));
    if (!r.ok()) throw NodeError(r.error);
    const Shape out = r.outputs[0];
    const std::int64_t n = elementsOf(out);
    if (n > kMaxFoldElements) return std::nullopt;
    std::vector<std::size_t> flat;
    std::vector<std::int64_t> idx;
    for (std::int64_t i = 0; i < n; ++i) {
        unravel(i, out, idx);
        flat.push_back(broadcastIndex(idx, out, data.shape));
    }
    return single(gatherFlat(data, out, flat));
}

Values foldTile(const ConstTensor& data, const std::vector<std::int64_t>& repeats) {
    if (repeats.size() != data.shape.size()) throw NodeError("tile repeats do not match the rank");
    Shape out;
    for (std::size_t i = 0; i < repeats.size(); ++i) {
        if (repeats[i] < 0) throw NodeError("tile repeat is negative");
        if (repeats[i] > kMaxFoldElements) return std::nullopt;
        out.push_back(data.shape[i] * repeats[i]);
    }
    const std::int64_t n = elementsOf(out);
    if (n > kMaxFoldElements) return std::nullopt;
    const auto st = stridesOf(data.shape);
    std::vector<std::size_t> flat;
    std::vector<std::int64_t> idx;
    for (std::int64_t i = 0; i < n; ++i) {
        unravel(i, out, idx);
        std::int64_t f = 0;
        for (std::size_t d = 0; d < out.size(); ++d) f += (idx[d] % data.shape[d]) * st[d];
        flat.push_back(static_cast<std::size_t>(f));
    }
    return single(gatherFlat(data, out, flat));
}

Values foldReduce(std::string_view op, const ConstTensor& data, std::optional<std::vector<std::int64_t>> axes,
                  bool keepDims, bool noopWithEmptyAxes) {
    const std::size_t rank = data.shape.size();
    std::vector<bool> reduce(rank, false);
    if (!axes || axes->empty()) {
        if (noopWithEmptyAxes) return single(data);
        std::fill(reduce.begin(), reduce.end(), true);
    } else {
        for (auto a : *axes) reduce[static_cast<std::size_t>(normAxisOrThrow(a, rank))] = true;
    }
    Shape out, kept;
    for (std::size_t i = 0; i < rank; ++i) {
        if (reduce[i]) {
            if (keepDims) out.push_back(1);
        } else {
            out.push_back(data.shape[i]);
        }
        kept.push_back(reduce[i] ? 1 : data.shape[i]);
    }
    const std::int64_t n = elementsOf(kept);
    const bool mean = op == "ReduceMean";
    const bool isFloat = data.isFloat || mean;
    std::vector<double> accR(static_cast<std::size_t>(n), op == "ReduceProd" ? 1.0 : 0.0);
    std::vector<std::int64_t> accI(static_cast<std::size_t>(n), op == "ReduceProd" ? 1 : 0);
    std::vector<bool> seen(static_cast<std::size_t>(n), false);
    std::vector<std::int64_t> idx;
    const std::int64_t count = data.size() > 0 ? static_cast<std::int64_t>(data.size()) / std::max<std::int64_t>(n, 1) : 0;
    const auto st = stridesOf(kept);
    for (std::int64_t i = 0; i < static_cast<std::int64_t>(data.size()); ++i) {
        unravel(i, data.shape, idx);
        for (std::size_t d = 0; d < rank; ++d)
            if (reduce[d]) idx[d] = 0;
        std::int64_t f = 0;
        for (std::size_t d = 0; d < rank; ++d) f += idx[d] * st[d];
        const auto k = static_cast<std::size_t>(f);
        if (isFloat) {
            const double v = data.real(static_cast<std::size_t>(i));
            double& a = accR[k];
            if (op == "ReduceSum" || mean) a += v;
            else if (op == "ReduceProd") a *= v;
            else if (op == "ReduceMax") a = seen[k] ? std::max(a, v) : v;
            else if (op == "ReduceMin") a = seen[k] ? std::min(a, v) : v;
        } else {
            const std::int64_t v = data.ints[static_cast<std::size_t>(i)];
            std::int64_t& a = accI[k];
            if (op == "ReduceSum") { if (__builtin_add_overflow(a, v, &a)) return std::nullopt; }
            else if (op == "ReduceProd") { if (__builtin_mul_overflow(a, v, &a)) return std::nullopt; }
            else if (op == "ReduceMax") a = seen[k] ? std::max(a, v) : v;
            else if (op == "ReduceMin") a = seen[k] ? std::min(a, v) : v;
        }
        seen[k] = true;
    }
    if (mean && count > 0)
        for (auto& a : accR) a /= static_cast<double>(count);
    if (isFloat) return single(ConstTensor::ofReals(out, accR));
    return single(ConstTensor::ofInts(out, accI));
}

std::vector<std::int64_t> shapeOpDims(const onnx::NodeProto& node, const std::vector<std::int64_t>& shape) {
    const auto rank = static_cast<std::int64_t>(shape.size());
    std::int64_t start = attrInt(node, "start", 0), end = attrInt(node, "end", rank);
    if (start < 0) start += rank;
    if (end < 0) end += rank;
    start = std::clamp<std::int64_t>(start, 0, rank);
    end = std::clamp<std::int64_t>(end, 0, rank);
    std::vector<std::int64_t> dims;
    for (std::int64_t i = start; i < end; ++i) dims.push_back(shape[static_cast<std::size_t>(i)]);
    return dims;
}

}  // namespace tessera::core::onnxio
