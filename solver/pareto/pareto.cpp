#include "solver/pareto/pareto.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace tessera::solver::pareto {

std::vector<std::size_t> nonDominated(const std::vector<Objectives>& points, double tolerance) {
    std::vector<std::size_t> order(points.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const Objectives& p = points[a];
        const Objectives& q = points[b];
        return p.first != q.first ? p.first < q.first : p.second < q.second;
    });
    std::vector<std::size_t> front;
    double bound = std::numeric_limits<double>::infinity();
    for (std::size_t i : order) {
        const Objectives& p = points[i];
        if (std::isnan(p.first) || std::isnan(p.second)) continue;
        if (front.empty() ? p.second < bound : p.second < bound * (1 - tolerance)) {
            front.push_back(i);
            bound = p.second;
        }
    }
    return front;
}

}  // namespace tessera::solver::pareto
