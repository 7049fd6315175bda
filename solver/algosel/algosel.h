#pragma once
// DYNAMAP algorithm selection (methods.md section 4): for a CNN on a P1 x P2
// systolic-array overlay, choose for every convolution its algorithm (im2col,
// kn2row, Winograd) and dataflow (OS / WS) so that the end-to-end latency,
// layout transitions included, is minimal; compare with every
// single-algorithm mapping; sweep the overlay size under a DSP budget.
//
// The PBQP graph: one node per Conv / FullyConnected layer (labels: its
// admissible algorithms, cost: the better dataflow of each) and one node per
// join layer (several inputs: concat, add, mul; one label, cost 0). Other
// layers (pooling, activations, batch-norm, reshapes) run in the overlay's
// streaming post-processing and are contracted into edges. An edge u -> v
// carries the layout transition into v by v's algorithm (and u's, for
// Winograd to Winograd). The network input enters in a plain layout: its
// transition is a node cost of the first layers. See docs/dynamap.md.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/cost/dynamap_cost.h"
#include "core/ir/network.h"
#include "core/platform/platform.h"
#include "solver/pbqp/pbqp.h"

namespace tessera::solver::algosel {

using core::dynamap::Algorithm;
using core::dynamap::Dataflow;

// One node of the PBQP graph built from a network.
struct GraphNode {
    core::LayerId layer;                 // the layer it stands for
    bool join = false;                   // a zero-cost join (one label)
    std::vector<Algorithm> labels;       // label index -> algorithm (empty for joins)
    std::vector<core::dynamap::AlgorithmCost> costs;  // per label (empty for joins)
    double inputTransitionMs[3] = {0, 0, 0};          // per label: from the network input
};

struct AlgoselGraph {
    pbqp::Problem problem;
    std::vector<GraphNode> nodes;  // index = PBQP node index
};

// The PBQP graph's nodes and edges without their costs: the contraction
// buildGraph costs, and what an edit of one layer's algorithm reaches.
struct GraphShape {
    struct Node {
        core::LayerId layer;
        bool join = false;
        std::optional<core::ConvView> geometry;  // convolutions (not joins)
        std::vector<int> sources;  // nodes with an edge into this one, ascending (buildGraph's edge order)
        bool fromInput = false;    // the network input reaches it: an input transition
    };
    std::vector<Node> nodes;       // index = PBQP node index, in layer order
};
GraphShape graphShape(const core::Network& net);

// Builds the PBQP of a network (must be analysed) on an overlay. A network
// without a convolution gives a graph of joins only (selectAlgorithms
// reports it as Status::InvalidInput).
AlgoselGraph buildGraph(const core::Network& net, const core::DynamapOverlay& overlay);

// The choice for one convolution (joins are not listed).
struct LayerChoice {
    core::LayerId layer;
    std::string name;
    Algorithm algorithm = Algorithm::Im2col;
    Dataflow dataflow = Dataflow::OutputStationary;
    double computeMs = 0;     // the layer on the array, best dataflow
    double transitionMs = 0;  // layout transitions into this layer (all its input edges)
    std::vector<Algorithm> admissible;
};

struct Mapping {
    std::vector<LayerChoice> layers;
    double computeMs = 0;
    double transitionMs = 0;
    double totalMs = 0;  // computeMs + transitionMs
    int count(Algorithm a) const;
};

struct Baseline {
    Algorithm algorithm;  // every layer uses it where admissible (else kn2row, else im2col)
    Mapping mapping;
    double speedup = 1;   // baseline total / mixed total (>= 1 when the mixed one is optimal)
};

struct Result {
    // Optimal when proven; InvalidInput (with the message) for a network
    // without a convolution or invalid PBQP options; else as the PBQP solve.
    core::Status status = core::Status::Infeasible;
    bool exact = false;
    std::string message;
    pbqp::Stats stats;
    core::DynamapOverlay overlay;
    int pbqpNodes = 0, pbqpEdges = 0;
    Mapping mixed;
    std::vector<Baseline> baselines;  // im2col, kn2row, winograd
};

// The mapping given by PBQP labels (one per graph node), evaluated on the graph.
Mapping mappingFromLabels(const core::Network& net, const AlgoselGraph& graph, const std::vector<int>& labels);
// Labels of the uniform mapping that uses `a` wherever admissible.
std::vector<int> uniformLabels(const AlgoselGraph& graph, Algorithm a);

Result selectAlgorithms(const core::Network& net, const core::DynamapOverlay& overlay,
                        const pbqp::Options& options = {});

// The DYNAMAP set-up a platform offers: its first FPGA with a "dynamap"
// overlay, and that FPGA's DSP budget (its "dsps" figure).
struct PlatformOverlay {
    std::optional<core::DynamapOverlay> overlay;  // empty when the platform offers none
    std::int64_t dspBudget = 0;
    std::string message;                          // why there is none
};
PlatformOverlay platformOverlay(const core::Platform& platform);

// Overlay design-space exploration: every (P1, P2) of the grid whose array
// fits the DSP budget (core::dynamap::overlayDsps), solved exactly.
struct SweepOptions {
    std::vector<int> p1Values;  // empty: 8, 16, ..., 256 (step 8)
    std::vector<int> p2Values;  // empty: the same
    std::int64_t dspBudget = 0; // > 0
    core::ProgressCallback progress;  // before each design ("92 x 64 (3 of 40)"); false stops
};

struct SweepPoint {
    int p1 = 0, p2 = 0;
    std::int64_t dsps = 0;
    double totalMs = 0;
    int im2col = 0, kn2row = 0, winograd = 0;  // the algorithm mix
    bool exact = false;
    bool pareto = false;  // no other point has fewer or equal DSPs and a lower latency
    Mapping mapping;      // the mixed mapping on this overlay
};

struct SweepResult {
    // Optimal when every design was solved and proven optimal; Heuristic when
    // some were not proven; Cancelled (the points so far are kept);
    // InvalidInput for a non-positive budget or grid value, or a network
    // without a convolution.
    core::Status status = core::Status::Optimal;
    std::string message;
    std::vector<SweepPoint> points;  // sorted by DSPs, then latency
    std::optional<std::size_t> best;  // index of the fastest point
};

SweepResult sweepOverlay(const core::Network& net, const core::DynamapOverlay& base, const SweepOptions& options);

}  // namespace tessera::solver::algosel
