// Attribute access and constant tensors for the ONNX importer: typed,
// size-checked reads of node attributes and of small initializers / Constant
// values (never the weights: see kMaxFoldElements).

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#include "core/onnx/proto_access_internal.h"

namespace tessera::core::onnxio {

namespace {

using Attr = onnx::AttributeProto;

std::string typeName(int type) {
    if (!onnx::AttributeProto_AttributeType_IsValid(type)) return "type " + std::to_string(type);
    return onnx::AttributeProto_AttributeType_Name(static_cast<onnx::AttributeProto_AttributeType>(type));
}

// Checks an attribute's declared type. Old exporters leave `type` unset; we
// then accept the attribute when the expected field is present.
void expectType(const Attr& a, Attr::AttributeType want, bool fieldPresent) {
    if (a.type() == want) return;
    if (a.type() == Attr::UNDEFINED && fieldPresent) return;
    throw NodeError("attribute '" + a.name() + "' has type " + typeName(a.type()) + ", expected " + typeName(want));
}

}  // namespace

const onnx::AttributeProto* findAttr(const onnx::NodeProto& node, std::string_view name) {
    for (const auto& a : node.attribute())
        if (a.name() == name) return &a;
    return nullptr;
}

std::optional<std::int64_t> attrIntOpt(const onnx::NodeProto& node, std::string_view name) {
    const Attr* a = findAttr(node, name);
    if (!a) return std::nullopt;
    expectType(*a, Attr::INT, a->has_i());
    return a->i();
}

std::int64_t attrInt(const onnx::NodeProto& node, std::string_view name, std::int64_t fallback) {
    return attrIntOpt(node, name).value_or(fallback);
}

std::optional<std::vector<std::int64_t>> attrIntsOpt(const onnx::NodeProto& node, std::string_view name) {
    const Attr* a = findAttr(node, name);
    if (!a) return std::nullopt;
    expectType(*a, Attr::INTS, a->ints_size() > 0);
    if (a->ints_size() > kMaxAttrListLength)
        throw NodeError("attribute '" + a->name() + "' has " + std::to_string(a->ints_size()) + " values, more than " +
                        std::to_string(kMaxAttrListLength));
    return std::vector<std::int64_t>(a->ints().begin(), a->ints().end());
}

std::vector<std::int64_t> attrInts(const onnx::NodeProto& node, std::string_view name,
                                   std::vector<std::int64_t> fallback) {
    auto v = attrIntsOpt(node, name);
    return v ? std::move(*v) : std::move(fallback);
}

std::optional<float> attrFloatOpt(const onnx::NodeProto& node, std::string_view name) {
    const Attr* a = findAttr(node, name);
    if (!a) return std::nullopt;
    expectType(*a, Attr::FLOAT, a->has_f());
    return a->f();
}

float attrFloat(const onnx::NodeProto& node, std::string_view name, float fallback) {
    return attrFloatOpt(node, name).value_or(fallback);
}

std::string attrString(const onnx::NodeProto& node, std::string_view name, std::string fallback) {
    const Attr* a = findAttr(node, name);
    if (!a) return fallback;
    expectType(*a, Attr::STRING, a->has_s());
    if (a->s().size() > 256) throw NodeError("attribute '" + a->name() + "' is an overlong string");
    return a->s();
}

const onnx::TensorProto* attrTensor(const onnx::NodeProto& node, std::string_view name) {
    const Attr* a = findAttr(node, name);
    if (!a) return nullptr;
    expectType(*a, Attr::TENSOR, a->has_t());
    return &a->t();
}

std::string elemTypeName(int elemType) {
    if (!onnx::TensorProto_DataType_IsValid(elemType)) return "type " + std::to_string(elemType);
    return onnx::TensorProto_DataType_Name(static_cast<onnx::TensorProto_DataType>(elemType));
}

bool isFloatElemType(int elemType) {
    using T = onnx::TensorProto;
    return elemType == T::FLOAT || elemType == T::DOUBLE || elemType == T::FLOAT16 || elemType == T::BFLOAT16;
}

// ---------------------------------------------------------------- ConstTensor

std::optional<std::int64_t> ConstTensor::integer(std::size_t i) const {
    if (!isFloat) return ints[i];
    const double v = reals[i];
    if (!std::isfinite(v) || v != std::floor(v) || std::fabs(v) > 9.0e18) return std::nullopt;
    return static_cast<std::int64_t>(v);
}

std::optional<std::vector<std::int64_t>> ConstTensor::integers() const {
    if (!isFloat) return ints;
    std::vector<std::int64_t> out;
    out.reserve(reals.size());
    for (std::size_t i = 0; i < reals.size(); ++i) {
        auto v = integer(i);
        if (!v) return std::nullopt;
        out.push_back(*v);
    }
    return out;
}

ConstTensor ConstTensor::ofInts(Shape shape, std::vector<std::int64_t> values) {
    ConstTensor t;
    t.shape = std::move(shape);
    t.ints = std::move(values);
    return t;
}

ConstTensor ConstTensor::ofReals(Shape shape, std::vector<double> values) {
    ConstTensor t;
    t.shape = std::move(shape);
    t.isFloat = true;
    t.reals = std::move(values);
    return t;
}

Shape tensorDims(const onnx::TensorProto& t) {
    if (t.dims_size() > static_cast<int>(kMaxRank))
        throw NodeError("tensor '" + t.name() + "' has rank " + std::to_string(t.dims_size()) + ", more than " +
                        std::to_string(kMaxRank));
    Shape dims;
    std::int64_t elements = 1;
    for (auto d : t.dims()) {
        if (d < 0) throw NodeError("tensor '" + t.name() + "' has a negative dimension " + std::to_string(d));
        if (d > kMaxDimension)
            throw NodeError("tensor '" + t.name() + "' has dimension " + std::to_string(d) + ", more than the limit " +
                            std::to_string(kMaxDimension));
        if (d > 0 && elements > kMaxTensorElements / d)
            throw NodeError("tensor '" + t.name() + "' has too many elements");
        elements *= d;
        dims.push_back(d);
    }
    return dims;
}

namespace {

template <typename T>
T readLittleEndian(const char* p) {
    T v;
    std::memcpy(&v, p, sizeof(T));  // x86-64 and ARM64 are little-endian, as ONNX raw_data
    return v;
}

}  // namespace

std::optional<ConstTensor> readTensorValues(const onnx::TensorProto& t, std::string* why) {
    using T = onnx::TensorProto;
    auto refuse = [&](std::string reason) -> std::optional<ConstTensor> {
        if (why) *why = std::move(reason);
        return std::nullopt;
    };
    const Shape dims = tensorDims(t);
    const std::int64_t n = shapeElements(dims);
    if (n > kMaxFoldElements) return refuse("it has " + std::to_string(n) + " elements");
    if (t.has_data_location() && t.data_location() == T::EXTERNAL) return refuse("its data is stored externally");
    const int type = t.data_type();
    std::size_t width = 0;
    switch (type) {
    case T::FLOAT: case T::INT32: case T::UINT32: width = 4; break;
    case T::DOUBLE: case T::INT64: case T::UINT64: width = 8; break;
    case T::INT16: case T::UINT16: width = 2; break;
    case T::INT8: case T::UINT8: case T::BOOL: width = 1; break;
    default: return refuse("its element type " + elemTypeName(type) + " is not read");
    }
    const auto count = static_cast<std::size_t>(n);
    const bool isFloat = type == T::FLOAT || type == T::DOUBLE;
    ConstTensor out;
    out.shape = dims;
    out.isFloat = isFloat;
    auto mismatch = [&](std::size_t have) {
        return NodeError("tensor '" + t.name() + "' holds " + std::to_string(have) + " values for dimensions " +
                         shapeToString(dims) + " (" + std::to_string(count) + " elements)");
    };
    if (t.has_raw_data()) {
        const std::string& raw = t.raw_data();
        if (raw.size() != count * width) throw mismatch(raw.size() / width);
        for (std::size_t i = 0; i < count; ++i) {
            const char* p = raw.data() + i * width;
            switch (type) {
            case T::FLOAT: out.reals.push_back(readLittleEndian<float>(p)); break;
            case T::DOUBLE: out.reals.push_back(readLittleEndian<double>(p)); break;
            case T::INT32: out.ints.push_back(readLittleEndian<std::int32_t>(p)); break;
            case T::UINT32: out.ints.push_back(readLittleEndian<std::uint32_t>(p)); break;
            case T::INT64: out.ints.push_back(readLittleEndian<std::int64_t>(p)); break;
            case T::UINT64: {
                const auto v = readLittleEndian<std::uint64_t>(p);
                out.ints.push_back(v > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())
                                       ? std::numeric_limits<std::int64_t>::max()
                                       : static_cast<std::int64_t>(v));
                break;
            }
            case T::INT16: out.ints.push_back(readLittleEndian<std::int16_t>(p)); break;
            case T::UINT16: out.ints.push_back(readLittleEndian<std::uint16_t>(p)); break;
            case T::INT8: out.ints.push_back(readLittleEndian<std::int8_t>(p)); break;
            case T::UINT8: out.ints.push_back(readLittleEndian<std::uint8_t>(p)); break;
            case T::BOOL: out.ints.push_back(*p != 0 ? 1 : 0); break;
            default: break;
            }
        }
        return out;
    }
    switch (type) {
    case T::FLOAT:
        if (static_cast<std::size_t>(t.float_data_size()) != count) throw mismatch(static_cast<std::size_t>(t.float_data_size()));
        out.reals.assign(t.float_data().begin(), t.float_data().end());
        break;
    case T::DOUBLE:
        if (static_cast<std::size_t>(t.double_data_size()) != count) throw mismatch(static_cast<std::size_t>(t.double_data_size()));
        out.reals.assign(t.double_data().begin(), t.double_data().end());
        break;
    case T::INT64:
        if (static_cast<std::size_t>(t.int64_data_size()) != count) throw mismatch(static_cast<std::size_t>(t.int64_data_size()));
        out.ints.assign(t.int64_data().begin(), t.int64_data().end());
        break;
    case T::UINT32:
    case T::UINT64:
        if (static_cast<std::size_t>(t.uint64_data_size()) != count) throw mismatch(static_cast<std::size_t>(t.uint64_data_size()));
        for (auto v : t.uint64_data())
            out.ints.push_back(v > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())
                                   ? std::numeric_limits<std::int64_t>::max()
                                   : static_cast<std::int64_t>(v));
        break;
    default:  // INT32, INT16, UINT16, INT8, UINT8, BOOL live in int32_data
        if (static_cast<std::size_t>(t.int32_data_size()) != count) throw mismatch(static_cast<std::size_t>(t.int32_data_size()));
        out.ints.assign(t.int32_data().begin(), t.int32_data().end());
        if (type == T::BOOL)
            for (auto& v : out.ints) v = v != 0;
        break;
    }
    return out;
}

}  // namespace tessera::core::onnxio
