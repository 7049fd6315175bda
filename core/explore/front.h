#pragma once
// Two-objective non-dominated fronts for the views: an incremental front
// that takes points one at a time (so a view recomputes the front of 100,000
// points in any two KPIs without a quadratic filter), the hypervolume that
// scores a front, and its knee. Both objectives are minimised.
//
// Dominance is weak: a point is dropped when another is no worse on both
// objectives, so of equal points only the first inserted stays, as in
// solver/pareto's filter.

#include <cstddef>
#include <map>
#include <optional>
#include <vector>

namespace tessera::core {

struct FrontPoint {
    double x = 0;
    double y = 0;
    std::size_t id = 0;  // the caller's identifier (a point's index)
    friend bool operator==(const FrontPoint&, const FrontPoint&) = default;
};

class Front2D {
public:
    // Adds (x, y) with identifier `id`. Returns true when it enters the front
    // (the points it dominates leave it), false when a point of the front is
    // no worse on both objectives or when x or y is not finite (NaN, inf).
    // O(log n) amortised: every point leaves the front at most once.
    bool insert(double x, double y, std::size_t id);
    void clear() { m_front.clear(); }
    std::size_t size() const { return m_front.size(); }
    bool empty() const { return m_front.empty(); }
    // The front in increasing x (so in decreasing y).
    std::vector<FrontPoint> points() const;

private:
    struct Entry {
        double y;
        std::size_t id;
    };
    std::map<double, Entry> m_front;  // by x; x strictly increasing, y strictly decreasing
};

// The area dominated by `front` (in increasing x, as Front2D::points gives
// it) and bounded by the reference point (refX, refY): the union of the
// rectangles [x, refX] x [y, refY]. Points not below the reference on both
// objectives add nothing. 0 for an empty front.
double hypervolume(const std::vector<FrontPoint>& front, double refX, double refY);

// The knee of `front` (in increasing x): with both objectives scaled to
// [0, 1] over the front, the point farthest from the line joining the two
// extremes on the side of the ideal point (the best trade-off: the front
// bends most there). Its index in `front`; none for fewer than three points
// or when no point lies below that line (a straight or concave front).
std::optional<std::size_t> kneeOf(const std::vector<FrontPoint>& front);

}  // namespace tessera::core
