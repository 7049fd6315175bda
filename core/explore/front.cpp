#include "core/explore/front.h"

#include <cmath>
#include <iterator>

namespace tessera::core {

bool Front2D::insert(double x, double y, std::size_t id) {
    if (!std::isfinite(x) || !std::isfinite(y)) return false;
    // The front point with the largest x not above x has the smallest y of
    // all such points: it alone decides whether the new point is dominated.
    auto it = m_front.upper_bound(x);
    if (it != m_front.begin() && std::prev(it)->second.y <= y) return false;
    // The points it dominates follow it in x order, up to the first lower y.
    it = m_front.lower_bound(x);
    while (it != m_front.end() && it->second.y >= y) it = m_front.erase(it);
    m_front.emplace_hint(it, x, Entry{y, id});
    return true;
}

std::vector<FrontPoint> Front2D::points() const {
    std::vector<FrontPoint> out;
    out.reserve(m_front.size());
    for (const auto& [x, e] : m_front) out.push_back({x, e.y, e.id});
    return out;
}

double hypervolume(const std::vector<FrontPoint>& front, double refX, double refY) {
    double area = 0;
    double right = refX;  // the left edge of the strip already counted
    for (auto it = front.rbegin(); it != front.rend(); ++it) {
        if (it->x >= right || it->y >= refY) continue;
        area += (right - it->x) * (refY - it->y);
        right = it->x;
    }
    return area;
}

std::optional<std::size_t> kneeOf(const std::vector<FrontPoint>& front) {
    if (front.size() < 3) return std::nullopt;
    const FrontPoint& first = front.front();  // smallest x, largest y
    const FrontPoint& last = front.back();
    const double spanX = last.x - first.x;
    const double spanY = first.y - last.y;
    if (!(spanX > 0) || !(spanY > 0)) return std::nullopt;
    // Scaled, the extremes are (0, 1) and (1, 0): the line x + y = 1, and a
    // point's distance below it is proportional to 1 - x - y.
    std::optional<std::size_t> best;
    double bestDepth = 0;
    for (std::size_t i = 1; i + 1 < front.size(); ++i) {
        const double depth = 1 - (front[i].x - first.x) / spanX - (front[i].y - last.y) / spanY;
        if (depth > bestDepth) {
            bestDepth = depth;
            best = i;
        }
    }
    return best;
}

}  // namespace tessera::core
