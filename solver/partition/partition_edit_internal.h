#pragma once
// Internal to solver/partition: editing partition points (partition_edit.cpp)
// and the pieces of a network point it shares with the strategy
// (partition_strategy.cpp), so that an edited point is built exactly as the
// strategy builds its own.

#include <map>
#include <string>
#include <vector>

#include "core/explore/edit.h"
#include "core/explore/exploration.h"
#include "partition.h"

namespace tessera::solver::partition::detail {

// The decisions of one unit's layers at one split: the unit's method and cut,
// each device's share of the cut as a fraction (`unitsPerDevice` in units of
// the cut). A fused group's latency, energy and resources are its first
// layer's (the group runs as one). For the unit's own optimum,
// `sensitivityOf` names the objective ("latency_ms", "energy_mj") and the
// layers carry detail "sensitivities": {"<device>.<resource>": d log
// objective / d log budget} of the budgets with a GP dual (<= 0: a larger
// budget lowers the objective), and "sensitivity_of"; "" for any other
// split, which the duals do not describe.
void addUnitLayers(const core::Network& net, const UnitResult& u, const std::map<std::string, double>& unitsPerDevice,
                   double latencyMs, double energyMj, const std::vector<ResourceUse>& resources, std::string_view sensitivityOf,
                   std::vector<core::LayerDecision>& out);
// Each resource at its largest use over the units so far: the engine is
// built for the layer that needs most.
void addResources(const std::vector<ResourceUse>& unit, std::vector<core::ResourceUse>& point);
void addResources(const std::vector<core::ResourceUse>& unit, std::vector<core::ResourceUse>& point);
// The violation of a unit over budget whose first layer is `firstLayer`.
core::DeviceVerdict unitViolation(const Evaluation& e, const std::string& firstLayer);

// Strategy::editable for partition: the method among those the layer
// allows (and "fused" for a member of a fused group) and the shares over
// the devices that may take one. Empty for options that do not validate.
std::vector<core::EditableChoice> editableChoices(const core::Network& net, const core::Platform& platform,
                                                  const core::OptionValues& values, const core::LayerDecision& layer);
// Strategy::evaluateEdits for partition: only the units holding an edited
// layer are costed again (units are independent), with the device models
// of the run's options; the others keep their decisions and figures.
core::DesignPoint evaluateEdits(const core::Network& net, const core::Platform& platform, const core::OptionValues& values,
                                const core::DesignPoint& base, const std::vector<core::LayerEdit>& edits);
// Strategy::reoptimiseLocked for partition: the exploration's optimum (the
// fastest front point for objective pareto) with the locked layers'
// decisions in place of its own. Units are independent, so the others keep
// their optimal decisions.
core::DesignPoint reoptimiseLocked(const core::Network& net, const core::Platform& platform, const core::Exploration& exploration,
                                   const std::vector<core::LayerEdit>& locked);

}  // namespace tessera::solver::partition::detail
