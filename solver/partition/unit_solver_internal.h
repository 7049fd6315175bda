#pragma once
// Internal to solver/partition: solving one unit (a layer cut one way, or a
// fused group): every subset of the enabled devices as a GGP by the penalty
// loop, integer rounding, baselines and, for the Pareto objective, the
// epsilon-constraint front.

#include "unit_model_internal.h"

namespace tessera::solver::partition::detail {

UnitResult solveUnit(const UnitSpec& spec, const Context& ctx);

}  // namespace tessera::solver::partition::detail
