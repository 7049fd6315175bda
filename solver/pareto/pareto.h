#pragma once
// The one non-dominated (Pareto) filter of the project: every strategy that
// reports a front (partition's latency-energy points, the DYNAMAP overlay
// sweep's DSPs-latency points, the explorations to come) filters with it, so
// fronts mean the same everywhere.

#include <cstddef>
#include <vector>

namespace tessera::solver::pareto {

// A point with two objectives, both to minimise.
struct Objectives {
    double first = 0;
    double second = 0;
};

// The indices of the non-dominated points, in increasing `first` (ties: the
// smaller `second`, then the lower index). Scanning in that order, a point
// joins the front only when its `second` is below the last front point's
// by more than the relative `tolerance` (0: strictly below), so of equal or
// near-equal points only the first is kept. NaN objectives never join.
std::vector<std::size_t> nonDominated(const std::vector<Objectives>& points, double tolerance = 0);

}  // namespace tessera::solver::pareto
