#pragma once
// One node of the network IR: an operator with its attributes, reading and
// writing named tensors.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"

namespace tessera::core {

enum class OpKind {
    Conv,            // 2-D convolution (groups => grouped / depthwise)
    FullyConnected,  // y = x W^T + b over the last dimension (torch Linear, ONNX Gemm)
    MatMul,          // product of two activation tensors (no weights)
    MaxPool,
    AvgPool,
    GlobalAvgPool,
    GlobalMaxPool,
    AdaptiveAvgPool, // torch AdaptiveAvgPool2d to a fixed output size
    BatchNorm,
    Activation,      // element-wise nonlinearity; see ActivationFn
    Add,             // element-wise, numpy broadcasting
    Sub,
    Mul,
    Div,
    Concat,
    Split,           // one input, several outputs along an axis
    Slice,           // one axis [start, end) with a step
    Reshape,
    Flatten,
    Transpose,
    ChannelShuffle,
    Softmax,
    LRN,
    Pad,             // constant zero padding
    Dropout,         // identity at inference
    Identity,
};

enum class ActivationFn { Relu, Relu6, LeakyRelu, Sigmoid, Tanh, HardSwish, HardSigmoid, Silu, Gelu, Elu, Clip };

// Every attribute an operator may carry; each op reads the ones it needs
// (documented per field). Spatial pairs are (height, width).
struct LayerAttrs {
    // Conv / pooling
    std::int64_t outChannels = 0;                 // Conv: N filters; FullyConnected: out features
    std::array<std::int64_t, 2> kernel{1, 1};     // kh, kw
    std::array<std::int64_t, 2> stride{1, 1};
    std::array<std::int64_t, 4> padding{0, 0, 0, 0};  // top, left, bottom, right
    std::array<std::int64_t, 2> dilation{1, 1};
    std::int64_t groups = 1;                      // Conv groups; ChannelShuffle groups
    bool bias = false;                            // Conv / FullyConnected carry a bias
    bool ceilMode = false;                        // pooling output rounding
    bool countIncludePad = false;                 // AvgPool divisor
    std::array<std::int64_t, 2> outputSize{1, 1}; // AdaptiveAvgPool
    // Axis-wise ops
    std::int64_t axis = 1;                        // Concat, Split, Slice, Softmax, Flatten
    std::vector<std::int64_t> sizes;              // Split: size of each output along axis
    std::int64_t start = 0, end = 0, step = 1;    // Slice (end clamps; negative counts from the end)
    std::vector<std::int64_t> shape;              // Reshape target (0 = copy, -1 = infer)
    std::vector<std::int64_t> perm;               // Transpose
    std::vector<std::int64_t> pads;               // Pad: begins for each axis, then ends
    // LRN
    std::int64_t size = 5;
    double alpha = 1e-4, beta = 0.75, k = 1.0;
    // Activation / BatchNorm
    ActivationFn activation = ActivationFn::Relu;
    double negativeSlope = 0.01;                  // LeakyRelu / Elu alpha
    double clipMin = 0.0, clipMax = 6.0;          // Clip
    double epsilon = 1e-5;                        // BatchNorm
};

struct Layer {
    std::string name;
    OpKind op = OpKind::Identity;
    LayerAttrs attrs;
    std::vector<std::string> inputs;   // tensor names read
    std::vector<std::string> outputs;  // tensor names written (usually one, named like the layer)
};

// JSON op names ("conv", "relu", "global_avgpool", ...). Activations map to
// their function name; parseOpName returns nullopt for an unknown name.
std::string opName(const Layer& layer);
std::string_view opKindName(OpKind op);
struct ParsedOp {
    OpKind op;
    ActivationFn activation = ActivationFn::Relu;
};
std::optional<ParsedOp> parseOpName(std::string_view name);
std::vector<std::string> allOpNames();

// True for ops that hold weights (Conv, FullyConnected, BatchNorm).
bool hasWeights(OpKind op);

}  // namespace tessera::core
