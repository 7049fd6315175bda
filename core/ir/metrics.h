#pragma once
// Per-layer and whole-network figures: MACs, parameters, activation and
// weight traffic, arithmetic intensity, and the (HW, C, k, N) view of a
// convolution that the partitioning methods use.

#include <cstdint>
#include <optional>
#include <vector>

#include "core/ir/network.h"

namespace tessera::core {

struct LayerMetrics {
    std::int64_t macs = 0;          // multiply-accumulates (Conv, FullyConnected, MatMul only)
    std::int64_t params = 0;        // weights + biases (BatchNorm: scale and shift, 2 C)
    std::int64_t inputBytes = 0;    // activations read
    std::int64_t outputBytes = 0;   // activations written
    std::int64_t weightBytes = 0;   // params * bytes per element
    double arithmeticIntensity = 0; // FLOPs (2 MACs) per byte moved (in + out + weights); 0 without MACs
};

struct NetworkMetrics {
    std::vector<LayerMetrics> layers;  // indexed by LayerId
    std::int64_t macs = 0;
    std::int64_t params = 0;
    std::int64_t activationBytes = 0;  // sum of every layer's output bytes
    std::int64_t weightBytes = 0;
    std::int64_t peakTensorBytes = 0;  // the largest single tensor
    double arithmeticIntensity = 0;    // 2 * macs / (activationBytes + weightBytes + input bytes)
};

// bytesPerElement: 4 for fp32 (default), 2 for fp16, 1 for int8.
LayerMetrics layerMetrics(const Network& net, LayerId id, int bytesPerElement = 4);
NetworkMetrics networkMetrics(const Network& net, int bytesPerElement = 4);

// A convolution (or fully-connected layer, as a 1x1 convolution on a 1x1 map):
// the one geometry every method works from (partitioning's (HW, C, k, N),
// DYNAMAP's GEMM sizes, the dataflow models). HW is the input feature-map size.
struct ConvView {
    LayerId layer;
    std::int64_t h = 0, w = 0;    // input height, width
    std::int64_t hw = 0;          // input size as the methods use it (max(h, w))
    std::int64_t c = 0;           // input channels (all groups)
    std::int64_t kh = 1, kw = 1;  // kernel rows, columns
    std::int64_t k = 1;           // max(kh, kw)
    std::int64_t n = 0;           // output channels (filters, all groups)
    std::int64_t strideH = 1, strideW = 1;
    std::int64_t dilationH = 1, dilationW = 1;
    std::int64_t groups = 1;
    std::int64_t p = 0, q = 0;    // output height, width
    // Product of the output's leading dimensions: the batch (and, for a
    // fully-connected layer on a 3-D tensor, the sequence): rows of the GEMM.
    std::int64_t batch = 1;
    bool depthwise = false;       // groups == c == n
    bool fullyConnected = false;
    std::int64_t macs = 0;

    std::int64_t outputPixels() const { return p * q * batch; }
};

std::optional<ConvView> convView(const Network& net, LayerId id);
// Every Conv and FullyConnected layer, in topological order.
std::vector<ConvView> convViews(const Network& net);

}  // namespace tessera::core
