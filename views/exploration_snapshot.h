#pragma once
// What the exploration views are fed: immutable explorations shared between
// the session and every view (never copied, never changed once shown), a
// reference to one design point among them, and the mask of points that
// the user's filters (brushing, KPI ranges) leave visible.
//
// Views index explorations by their position in the ExplorationSet they
// were given; the session gives every view the same set.

#include <QHash>
#include <QVector>

#include <memory>
#include <vector>

#include "core/explore/exploration.h"

namespace tessera::views {

using ExplorationPtr = std::shared_ptr<const core::Exploration>;
using ExplorationSet = QVector<ExplorationPtr>;

// Point `point` of exploration `exploration` (positions in an ExplorationSet).
struct PointRef {
    int exploration = -1;
    int point = -1;
    bool valid() const { return exploration >= 0 && point >= 0; }
    friend bool operator==(const PointRef&, const PointRef&) = default;
};

inline size_t qHash(const PointRef& ref, size_t seed = 0) {
    return ::qHash((static_cast<quint64>(static_cast<quint32>(ref.exploration)) << 32) | static_cast<quint32>(ref.point), seed);
}

// The point `ref` designates in `set`, or nullptr when it is out of range.
inline const core::DesignPoint* pointAt(const ExplorationSet& set, PointRef ref) {
    if (ref.exploration < 0 || ref.exploration >= set.size() || !set[ref.exploration]) return nullptr;
    const auto& points = set[ref.exploration]->points;
    if (ref.point < 0 || static_cast<std::size_t>(ref.point) >= points.size()) return nullptr;
    return &points[static_cast<std::size_t>(ref.point)];
}

// Per exploration of a set, per point: true when the point passes every
// filter. An empty mask (or a missing row) means every point is visible.
using PointMask = QVector<std::vector<bool>>;

inline bool isVisible(const PointMask& mask, PointRef ref) {
    if (ref.exploration < 0 || ref.exploration >= mask.size()) return true;
    const auto& row = mask[ref.exploration];
    return ref.point < 0 || static_cast<std::size_t>(ref.point) >= row.size() || row[static_cast<std::size_t>(ref.point)];
}

}  // namespace tessera::views
