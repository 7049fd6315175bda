#include "core/ir/layer.h"

#include <array>
#include <sstream>

namespace tessera::core {

std::string shapeToString(const Shape& shape) {
    if (shape.empty()) return "scalar";
    std::ostringstream s;
    for (std::size_t i = 0; i < shape.size(); ++i) s << (i ? "x" : "") << shape[i];
    return s.str();
}

std::int64_t shapeElements(const Shape& shape) {
    std::int64_t n = 1;
    for (auto d : shape) n *= d;
    return n;
}

namespace {

struct OpNameEntry {
    std::string_view name;
    OpKind op;
    ActivationFn fn;
};

constexpr std::array kOpNames = {
    OpNameEntry{"conv", OpKind::Conv, ActivationFn::Relu},
    OpNameEntry{"linear", OpKind::FullyConnected, ActivationFn::Relu},
    OpNameEntry{"matmul", OpKind::MatMul, ActivationFn::Relu},
    OpNameEntry{"maxpool", OpKind::MaxPool, ActivationFn::Relu},
    OpNameEntry{"avgpool", OpKind::AvgPool, ActivationFn::Relu},
    OpNameEntry{"global_avgpool", OpKind::GlobalAvgPool, ActivationFn::Relu},
    OpNameEntry{"global_maxpool", OpKind::GlobalMaxPool, ActivationFn::Relu},
    OpNameEntry{"adaptive_avgpool", OpKind::AdaptiveAvgPool, ActivationFn::Relu},
    OpNameEntry{"batchnorm", OpKind::BatchNorm, ActivationFn::Relu},
    OpNameEntry{"relu", OpKind::Activation, ActivationFn::Relu},
    OpNameEntry{"relu6", OpKind::Activation, ActivationFn::Relu6},
    OpNameEntry{"leaky_relu", OpKind::Activation, ActivationFn::LeakyRelu},
    OpNameEntry{"sigmoid", OpKind::Activation, ActivationFn::Sigmoid},
    OpNameEntry{"tanh", OpKind::Activation, ActivationFn::Tanh},
    OpNameEntry{"hardswish", OpKind::Activation, ActivationFn::HardSwish},
    OpNameEntry{"hardsigmoid", OpKind::Activation, ActivationFn::HardSigmoid},
    OpNameEntry{"silu", OpKind::Activation, ActivationFn::Silu},
    OpNameEntry{"gelu", OpKind::Activation, ActivationFn::Gelu},
    OpNameEntry{"elu", OpKind::Activation, ActivationFn::Elu},
    OpNameEntry{"clip", OpKind::Activation, ActivationFn::Clip},
    OpNameEntry{"add", OpKind::Add, ActivationFn::Relu},
    OpNameEntry{"sub", OpKind::Sub, ActivationFn::Relu},
    OpNameEntry{"mul", OpKind::Mul, ActivationFn::Relu},
    OpNameEntry{"div", OpKind::Div, ActivationFn::Relu},
    OpNameEntry{"concat", OpKind::Concat, ActivationFn::Relu},
    OpNameEntry{"split", OpKind::Split, ActivationFn::Relu},
    OpNameEntry{"slice", OpKind::Slice, ActivationFn::Relu},
    OpNameEntry{"reshape", OpKind::Reshape, ActivationFn::Relu},
    OpNameEntry{"flatten", OpKind::Flatten, ActivationFn::Relu},
    OpNameEntry{"transpose", OpKind::Transpose, ActivationFn::Relu},
    OpNameEntry{"channel_shuffle", OpKind::ChannelShuffle, ActivationFn::Relu},
    OpNameEntry{"softmax", OpKind::Softmax, ActivationFn::Relu},
    OpNameEntry{"lrn", OpKind::LRN, ActivationFn::Relu},
    OpNameEntry{"pad", OpKind::Pad, ActivationFn::Relu},
    OpNameEntry{"dropout", OpKind::Dropout, ActivationFn::Relu},
    OpNameEntry{"identity", OpKind::Identity, ActivationFn::Relu},
};

}  // namespace

std::string opName(const Layer& layer) {
    for (const auto& e : kOpNames)
        if (e.op == layer.op && (layer.op != OpKind::Activation || e.fn == layer.attrs.activation))
            return std::string(e.name);
    return "unknown";
}

std::string_view opKindName(OpKind op) {
    if (op == OpKind::Activation) return "activation";
    for (const auto& e : kOpNames)
        if (e.op == op) return e.name;
    return "unknown";
}

std::optional<ParsedOp> parseOpName(std::string_view name) {
    for (const auto& e : kOpNames)
        if (e.name == name) return ParsedOp{e.op, e.fn};
    return std::nullopt;
}

std::vector<std::string> allOpNames() {
    std::vector<std::string> names;
    for (const auto& e : kOpNames) names.emplace_back(e.name);
    return names;
}

bool hasWeights(OpKind op) {
    return op == OpKind::Conv || op == OpKind::FullyConnected || op == OpKind::BatchNorm;
}

}  // namespace tessera::core
