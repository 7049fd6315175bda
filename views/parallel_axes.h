#pragma once
// The data behind the parallel-coordinates view, apart from any painting:
// one axis per KPI of an exploration set (core::kpisOf), every point's value
// on every axis in one flat table, the brushes (a value range per axis) and
// the mask of points that pass all of them.
//
// Kept out of the widget so that the filtering is plain code (and cheap: the
// mask costs points x brushed axes) and the widget only maps it to pixels.

#include <QString>
#include <QVector>

#include <vector>

#include "views/exploration_snapshot.h"

namespace tessera::views {

// A range brushed on one KPI's axis: points whose value lies in
// [low, high] (inclusive, in the KPI's unit) pass; points without the KPI never do.
struct KpiBrush {
    QString kpiKey;  // core::Kpi::key ("latency_ms", "fpga.alms")
    double low = 0;
    double high = 0;
    friend bool operator==(const KpiBrush&, const KpiBrush&) = default;
};

struct ParallelAxis {
    QString key;    // core::Kpi::key
    QString label;  // core::Kpi::label ("Latency", "fpga ALM")
    QString unit;   // core::Kpi::unit ("ms", "ALM")
    // The axis spans [min, max]: the points' finite values, widened when
    // they are all equal so that the axis keeps a length.
    double min = 0;
    double max = 1;
    QVector<double> budgets;  // distinct core::kpiBudget values of the points, ascending
    bool hasMissing = false;  // some point has no value (NaN) on this axis
};

class ParallelAxes {
public:
    // Rebuilds axes and values from `set`: every KPI that at least one point
    // reports (a KPI no point models, such as power under DYNAMAP, is left
    // out). Brushes on KPIs that are no longer axes are dropped; the others
    // are kept (they are values, not positions).
    void setExplorations(const ExplorationSet& set);

    int axisCount() const { return static_cast<int>(m_axes.size()); }
    const ParallelAxis& axis(int index) const { return m_axes[index]; }
    // The axis of KPI `key`, -1 when there is none.
    int axisIndex(const QString& key) const;

    // Rows are every point of the set, exploration by exploration.
    int rowCount() const { return static_cast<int>(m_refs.size()); }
    PointRef rowRef(int row) const { return m_refs[static_cast<std::size_t>(row)]; }
    // The row of `ref`, -1 when it is not in the set.
    int rowOf(PointRef ref) const;
    double value(int row, int axis) const { return m_values[static_cast<std::size_t>(row) * m_axes.size() + axis]; }
    // The value's place along its axis: 0 at min, 1 at max, NaN when absent.
    double position(int row, int axis) const;
    // The value at place `position` (0 at min, 1 at max) along an axis.
    double valueAtPosition(int axis, double position) const;
    bool anyMissing() const;

    const QVector<KpiBrush>& brushes() const { return m_brushes; }
    // The brush on axis `axis`, nullptr when it has none.
    const KpiBrush* brushOn(int axis) const;
    // Sets (or replaces) the brush on KPI `key`; bounds are swapped when
    // reversed. Returns false, changing nothing, when `key` is not an axis,
    // a bound is NaN or the brush is already so.
    bool setBrush(const QString& key, double low, double high);
    // Each returns true when it removed something.
    bool clearBrush(const QString& key);
    bool clearBrushes();

    // Whether the row passes every brush (always true without brushes).
    bool passes(int row) const { return m_brushes.isEmpty() || m_passes[static_cast<std::size_t>(row)]; }
    // Per exploration, per point: passes every brush; empty without brushes.
    const PointMask& mask() const { return m_mask; }

private:
    void updateMask();

    ExplorationSet m_set;
    std::vector<ParallelAxis> m_axes;
    std::vector<PointRef> m_refs;
    std::vector<int> m_firstRow;   // per exploration: its first row
    std::vector<double> m_values;  // row-major: rowCount x axisCount
    QVector<KpiBrush> m_brushes;
    std::vector<bool> m_passes;  // per row, valid while there are brushes
    PointMask m_mask;
};

}  // namespace tessera::views
