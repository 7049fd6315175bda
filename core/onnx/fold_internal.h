#pragma once
// Internal to the constant folder (fold.cpp, fold_shape.cpp): the
// index arithmetic on small constant tensors that both files use, and the
// structural folds of fold_shape.cpp that foldNode dispatches to. Every
// function here works within kMaxFoldElements; the folds return nullopt when
// a result would be larger and throw NodeError for a malformed node.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/onnx/proto_access_internal.h"

namespace tessera::core::onnxio {

// The outputs of a folded node; nullopt when it cannot be folded.
using Values = std::optional<std::vector<ConstTensor>>;

Values single(ConstTensor t);

// --- index arithmetic (fold.cpp)
// Number of elements of `s`; kMaxFoldElements + 1 when larger, or when a
// dimension is negative.
std::int64_t elementsOf(const Shape& s);
// Row-major strides of `s`, in elements.
std::vector<std::int64_t> stridesOf(const Shape& s);
// Flat index into `src` (shape `srcShape`, right-aligned and broadcast) of the
// element at multi-index `idx` of a tensor of shape `outShape`.
std::size_t broadcastIndex(const std::vector<std::int64_t>& idx, const Shape& outShape, const Shape& srcShape);
// The multi-index of flat index `flat` in `shape`, into `idx`.
void unravel(std::int64_t flat, const Shape& shape, std::vector<std::int64_t>& idx);
// `axis` made non-negative for a tensor of `rank` (with `allowEnd`, `rank`
// itself is valid too); throws NodeError when out of range.
std::int64_t normAxisOrThrow(std::int64_t axis, std::size_t rank, bool allowEnd = false);
// A constant holding exactly the values of `t` gathered by flat index.
ConstTensor gatherFlat(const ConstTensor& t, Shape shape, const std::vector<std::size_t>& flat);
// The values of `t` as integers; nullopt when `t` is null or not integral.
std::optional<std::vector<std::int64_t>> intsOf(const ConstTensor* t);
ConstTensor withShape(ConstTensor t, Shape shape);

// --- structural folds (fold_shape.cpp), one per operator
Values foldReshape(const ConstTensor& data, const std::vector<std::int64_t>& target, bool allowZero);
Values foldUnsqueeze(const ConstTensor& data, std::vector<std::int64_t> axes);
Values foldSqueeze(const ConstTensor& data, std::optional<std::vector<std::int64_t>> axes);
Values foldGather(const ConstTensor& data, const ConstTensor& indices, std::int64_t axis);
// `ins` may hold nulls (unknown inputs): the result is then nullopt.
Values foldConcat(const std::vector<const ConstTensor*>& ins, std::int64_t axis);
Values foldSlice(const ConstTensor& data, const std::vector<std::int64_t>& starts, const std::vector<std::int64_t>& ends,
                 std::optional<std::vector<std::int64_t>> axes, std::optional<std::vector<std::int64_t>> steps);
Values foldTranspose(const ConstTensor& data, std::vector<std::int64_t> perm);
Values foldExpand(const ConstTensor& data, const std::vector<std::int64_t>& shape);
Values foldTile(const ConstTensor& data, const std::vector<std::int64_t>& repeats);
// ReduceSum, ReduceProd, ReduceMean, ReduceMax or ReduceMin (`op`); `axes`
// nullopt or empty reduces every axis unless `noopWithEmptyAxes`.
Values foldReduce(std::string_view op, const ConstTensor& data, std::optional<std::vector<std::int64_t>> axes,
                  bool keepDims, bool noopWithEmptyAxes);

}  // namespace tessera::core::onnxio
