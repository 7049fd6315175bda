#pragma once
// Internal to the ONNX importer (*.cpp in this folder): typed attribute access, small
// constant tensors, and the constant folding of shape arithmetic. Not part of
// the core API: it exposes protobuf types.

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <onnx/onnx_pb.h>

#include "core/types.h"

namespace tessera::core::onnxio {

// Constant tensors larger than this are never read or folded: shape
// arithmetic works on a handful of values, and a hostile file must not make
// us materialise its weights.
inline constexpr std::int64_t kMaxFoldElements = 4096;
// Longest list attribute accepted (kernel_shape, pads, perm, split, ...).
inline constexpr int kMaxAttrListLength = 4096;

// A problem with one node (bad attribute, unsupported configuration). The
// importer turns it into a warning naming the node and drops the node.
class NodeError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// --- attributes (throw NodeError on a wrong type or an oversized list) ---
const onnx::AttributeProto* findAttr(const onnx::NodeProto& node, std::string_view name);
std::int64_t attrInt(const onnx::NodeProto& node, std::string_view name, std::int64_t fallback);
std::optional<std::int64_t> attrIntOpt(const onnx::NodeProto& node, std::string_view name);
std::optional<std::vector<std::int64_t>> attrIntsOpt(const onnx::NodeProto& node, std::string_view name);
std::vector<std::int64_t> attrInts(const onnx::NodeProto& node, std::string_view name,
                                   std::vector<std::int64_t> fallback = {});
std::optional<float> attrFloatOpt(const onnx::NodeProto& node, std::string_view name);
float attrFloat(const onnx::NodeProto& node, std::string_view name, float fallback);
std::string attrString(const onnx::NodeProto& node, std::string_view name, std::string fallback);
const onnx::TensorProto* attrTensor(const onnx::NodeProto& node, std::string_view name);

// The default operator domain: empty, or its explicit name.
inline bool isDefaultDomain(const std::string& domain) { return domain.empty() || domain == "ai.onnx"; }

// ONNX element type names for messages ("FLOAT", "INT64").
std::string elemTypeName(int elemType);
bool isFloatElemType(int elemType);

// A small constant tensor with known values: integers (also bool) in `ints`,
// floating point in `reals`.
struct ConstTensor {
    Shape shape;  // empty for a scalar
    bool isFloat = false;
    std::vector<std::int64_t> ints;
    std::vector<double> reals;

    std::size_t size() const { return isFloat ? reals.size() : ints.size(); }
    double real(std::size_t i) const { return isFloat ? reals[i] : static_cast<double>(ints[i]); }
    // Integer view; nullopt for a non-integral or out-of-range float.
    std::optional<std::int64_t> integer(std::size_t i) const;
    // All values as integers (nullopt if any is not integral).
    std::optional<std::vector<std::int64_t>> integers() const;

    static ConstTensor ofInts(Shape shape, std::vector<std::int64_t> values);
    static ConstTensor ofReals(Shape shape, std::vector<double> values);
};

// Dimensions of a TensorProto, checked against the caps (throws NodeError
// with a message naming the tensor when a dimension is negative or too large).
Shape tensorDims(const onnx::TensorProto& t);

// Values of a TensorProto (an initializer or a Constant's value). nullopt,
// with `why` set, when the tensor has more than kMaxFoldElements elements, is
// stored externally, or has an unsupported element type; throws NodeError
// when its data does not match its dimensions.
std::optional<ConstTensor> readTensorValues(const onnx::TensorProto& t, std::string* why = nullptr);

// Folds a node all of whose inputs are known constants (`inputs[i]` is null
// for an absent optional input). Returns nullopt when the operator is not
// one the folder knows or the result would be larger than kMaxFoldElements;
// throws NodeError for a node that is malformed (bad attribute or axis).
std::optional<std::vector<ConstTensor>> foldNode(const onnx::NodeProto& node,
                                                 const std::vector<const ConstTensor*>& inputs, int opset);

// One axis of an ONNX Slice after the ONNX clamping rules: the first index
// taken, how many elements, and the step.
struct SliceRange {
    std::int64_t start = 0, count = 0, step = 1;
};
// `step` must not be 0.
SliceRange clampSlice(std::int64_t start, std::int64_t end, std::int64_t step, std::int64_t dim);

// True for the operators foldNode knows.
bool isFoldableOp(std::string_view opType);

// The dimensions an ONNX Shape node returns for an input of `shape`, with its
// optional start / end attributes (opset 15) normalised and clamped.
std::vector<std::int64_t> shapeOpDims(const onnx::NodeProto& node, const std::vector<std::int64_t>& shape);

}  // namespace tessera::core::onnxio
