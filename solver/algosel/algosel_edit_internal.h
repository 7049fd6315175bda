#pragma once
// Internal to solver/algosel: editing DYNAMAP points (algosel_edit.cpp) and
// what it shares with the strategy (algosel_strategy.cpp): the overlay a
// point runs on and the point of a mapping, built one way for both.

#include <cstdint>
#include <string>
#include <vector>

#include "core/explore/edit.h"
#include "core/explore/exploration.h"
#include "solver/algosel/algosel.h"

namespace tessera::solver::algosel::detail {

// The overlay of a run: the platform's, with the options' p1 and p2 when
// set, on the FPGA `fpga` with its DSP budget.
struct OverlaySetup {
    core::DynamapOverlay overlay;
    std::int64_t dspBudget = 0;
    std::string fpga;     // device id
    std::string problem;  // why there is none; empty when there is
};
OverlaySetup overlaySetup(const core::Platform& platform, const core::OptionValues& values);

// A design point of a mapping: its latency, the overlay's DSPs against the
// budget, one decision per convolution (algorithm, dataflow; detail
// compute_ms, transition_ms, admissible) and detail p1, p2, compute_ms,
// transition_ms and the algorithm mix.
core::DesignPoint mappingPoint(std::string label, const Mapping& m, const core::DynamapOverlay& o, std::int64_t budget,
                               const std::string& fpga);

// Strategy::editable for algosel: the algorithm among the layer's
// admissible ones and the dataflow.
std::vector<core::EditableChoice> editableChoices(const core::Network& net, const core::LayerDecision& layer);
// Strategy::evaluateEdits for algosel: the edited layers' compute with the
// DYNAMAP cost model, and the layout transitions into them and into the
// convolutions they feed (an algorithm change changes both); every other
// layer keeps its figures. The point's overlay is its own (p1, p2 of its
// detail: a sweep point's array).
core::DesignPoint evaluateEdits(const core::Network& net, const core::Platform& platform, const core::OptionValues& values,
                                const core::DesignPoint& base, const std::vector<core::LayerEdit>& edits);
// Strategy::reoptimiseLocked for algosel: the PBQP of the point's overlay
// with every locked layer restricted to its algorithm (the others at
// infinite cost) and costed with its dataflow, solved exactly.
core::DesignPoint reoptimiseLocked(const core::Network& net, const core::Platform& platform, const core::OptionValues& values,
                                   const core::DesignPoint& base, const std::vector<core::LayerEdit>& locked,
                                   const core::ProgressCallback& progress);

}  // namespace tessera::solver::algosel::detail
