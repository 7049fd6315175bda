#pragma once
// One line about a design point for the status bar, the browser and the
// reports: its label, KPIs with units, feasibility, and its gains against
// the best feasible baseline of its exploration. Infeasible baselines are
// never quoted as references (a split that does not fit is no yardstick).

#include <QString>

#include "core/explore/exploration.h"

namespace tessera::views {

// The feasible baseline with the lowest latency, or nullptr when no
// baseline of `exploration` is feasible.
const core::DesignPoint* bestFeasibleBaseline(const core::Exploration& exploration);

// "front 3 of 9: 2.86 ms, 39.4 mJ, 13.8 W · -18.2% latency, -4.0% energy vs balanced"
QString pointSummary(const core::Exploration& exploration, const core::DesignPoint& point);

}  // namespace tessera::views
