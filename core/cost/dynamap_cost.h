#pragma once
// The DYNAMAP cost model (methods.md section 4; Meng et al., FPGA 2021): the
// latency of a convolution on a P1 x P2 systolic-array overlay for each
// convolution algorithm (im2col, kn2row, Winograd F(m x m, r x r)) and
// dataflow (output- or weight-stationary), the admissibility of each
// algorithm by kernel shape, and the cost of changing the data layout between
// consecutive layers. All times are in milliseconds. How groups, strides and
// dilations are costed: docs/dynamap.md.

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/ir/metrics.h"
#include "core/platform/platform.h"
#include "core/types.h"

namespace tessera::core::dynamap {

enum class Algorithm { Im2col = 0, Kn2row = 1, Winograd = 2 };
inline constexpr std::array<Algorithm, 3> kAllAlgorithms{Algorithm::Im2col, Algorithm::Kn2row, Algorithm::Winograd};
std::string_view algorithmName(Algorithm a);  // "im2col", "kn2row", "winograd"
std::optional<Algorithm> algorithmFromName(std::string_view name);

enum class Dataflow { OutputStationary, WeightStationary };
std::string_view dataflowName(Dataflow d);  // "OS", "WS"

// Layers are seen through the IR's convolution geometry (core/ir/metrics.h:
// ConvView): H1 x H2 = p x q output pixels per batch row, k1 x k2 = kh x kw
// kernels, cin = c and cout = n channels over `groups` groups.

// Clock in cycles per ms (200 MHz -> 2e5).
double cyclesPerMs(const DynamapOverlay& o);
// Off-chip bandwidth in data elements per ms (64 GB/s, 8-bit -> 6.4e7).
double elementsPerMs(const DynamapOverlay& o);
// The double-buffering rule: layout transfers overlap computation (paid once)
// when double buffering is on and (P1 + P2) * f <= BW; otherwise they are
// paid twice (load and store). Returns 1 or 2.
int transferFactor(const DynamapOverlay& o);

// Algorithms allowed for a layer: 1x1 kernels: im2col only; 2x2 or
// non-square kernels: im2col and kn2row; square k >= 3: all three. Winograd
// also needs stride 1 and dilation 1 (F(m, r) computes dense outputs).
std::vector<Algorithm> admissibleAlgorithms(const ConvView& g);
bool isAdmissible(const ConvView& g, Algorithm a);

// The latency of a layer with one algorithm under both dataflows.
struct AlgorithmCost {
    Algorithm algorithm = Algorithm::Im2col;
    double outputStationaryMs = 0;
    double weightStationaryMs = 0;
    double ms() const { return outputStationaryMs <= weightStationaryMs ? outputStationaryMs : weightStationaryMs; }
    Dataflow bestDataflow() const {
        return outputStationaryMs <= weightStationaryMs ? Dataflow::OutputStationary : Dataflow::WeightStationary;
    }
};
// Precondition: isAdmissible(g, a) and o valid (positive sizes and rates).
AlgorithmCost layerCost(const ConvView& g, Algorithm a, const DynamapOverlay& o);

// The cost of laying out the input of `next` for its algorithm `nextAlgorithm`,
// `channels` being the channels carried along the edge; `previous` is the
// algorithm of the producing layer, nullopt when the data comes in a plain
// layout (the network input, a concatenation or an element-wise join).
// Includes the double-buffering factor.
double transitionCost(const ConvView& next, std::int64_t channels, Algorithm nextAlgorithm,
                      std::optional<Algorithm> previous, const DynamapOverlay& o);

// DSP cost of one processing element by data width, on AMD-Xilinx DSP48E2
// slices (27 x 18 multipliers): up to 8 bits two MACs share a slice (Xilinx
// WP486), so 0.5; wider data needs ceil(bits / 27) * ceil(bits / 18) slices.
double dspsPerPe(int dataBits);
// Slices used by a P1 x P2 array (rounded up).
std::int64_t overlayDsps(int p1, int p2, int dataBits);

}  // namespace tessera::core::dynamap
