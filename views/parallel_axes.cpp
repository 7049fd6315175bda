#include "views/parallel_axes.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/explore/kpi.h"

namespace tessera::views {

namespace {

// An axis of points that all share one value still needs a length: widen it
// around the value, without crossing zero for counts and times.
void widenFlatRange(ParallelAxis& axis) {
    if (axis.max > axis.min) return;
    const double v = axis.min;
    const double half = v != 0 ? std::abs(v) * 0.1 : 1.0;
    axis.min = v >= 0 ? std::max(0.0, v - half) : v - half;
    axis.max = v + half;
}

}  // namespace

void ParallelAxes::setExplorations(const ExplorationSet& set) {
    m_set = set;
    std::vector<const core::Exploration*> explorations;
    m_firstRow.assign(static_cast<std::size_t>(set.size()), 0);
    m_refs.clear();
    for (int e = 0; e < set.size(); ++e) {
        m_firstRow[static_cast<std::size_t>(e)] = static_cast<int>(m_refs.size());
        if (!set[e]) continue;
        explorations.push_back(set[e].get());
        for (std::size_t p = 0; p < set[e]->points.size(); ++p) m_refs.push_back({e, static_cast<int>(p)});
    }

    const std::vector<core::Kpi> kpis = core::kpisOf(explorations);
    const std::size_t rows = m_refs.size();
    std::vector<double> columns(rows * kpis.size());  // column-major while the axes are not known yet
    m_axes.clear();
    std::vector<std::size_t> kept;
    for (std::size_t k = 0; k < kpis.size(); ++k) {
        ParallelAxis axis;
        axis.key = QString::fromStdString(kpis[k].key);
        axis.label = QString::fromStdString(kpis[k].label);
        axis.unit = QString::fromStdString(kpis[k].unit);
        axis.min = std::numeric_limits<double>::infinity();
        axis.max = -axis.min;
        double* column = columns.data() + k * rows;
        for (std::size_t r = 0; r < rows; ++r) {
            const core::DesignPoint& point = *pointAt(set, m_refs[r]);
            const double v = core::kpiValue(point, kpis[k].key);
            column[r] = v;
            if (!std::isfinite(v)) {
                axis.hasMissing = true;
                continue;
            }
            axis.min = std::min(axis.min, v);
            axis.max = std::max(axis.max, v);
            const double budget = core::kpiBudget(point, kpis[k].key);
            if (std::isfinite(budget) && !axis.budgets.contains(budget)) axis.budgets.push_back(budget);
        }
        if (axis.min > axis.max) continue;  // no point reports this KPI
        std::sort(axis.budgets.begin(), axis.budgets.end());
        widenFlatRange(axis);
        m_axes.push_back(std::move(axis));
        kept.push_back(k);
    }

    m_values.assign(rows * m_axes.size(), core::kNoValue);
    for (std::size_t a = 0; a < kept.size(); ++a) {
        const double* column = columns.data() + kept[a] * rows;
        for (std::size_t r = 0; r < rows; ++r) {
            const double v = column[r];
            m_values[r * m_axes.size() + a] = std::isfinite(v) ? v : core::kNoValue;
        }
    }

    m_brushes.removeIf([this](const KpiBrush& b) { return axisIndex(b.kpiKey) < 0; });
    updateMask();
}

int ParallelAxes::axisIndex(const QString& key) const {
    for (std::size_t a = 0; a < m_axes.size(); ++a)
        if (m_axes[a].key == key) return static_cast<int>(a);
    return -1;
}

int ParallelAxes::rowOf(PointRef ref) const {
    if (!pointAt(m_set, ref)) return -1;
    return m_firstRow[static_cast<std::size_t>(ref.exploration)] + ref.point;
}

double ParallelAxes::position(int row, int axis) const {
    const ParallelAxis& a = m_axes[static_cast<std::size_t>(axis)];
    return (value(row, axis) - a.min) / (a.max - a.min);
}

double ParallelAxes::valueAtPosition(int axis, double position) const {
    const ParallelAxis& a = m_axes[static_cast<std::size_t>(axis)];
    // The ends exactly, so that a brush dragged past an end includes the extreme points.
    if (position <= 0) return a.min;
    if (position >= 1) return a.max;
    return a.min + position * (a.max - a.min);
}

bool ParallelAxes::anyMissing() const {
    return std::any_of(m_axes.begin(), m_axes.end(), [](const ParallelAxis& a) { return a.hasMissing; });
}

const KpiBrush* ParallelAxes::brushOn(int axis) const {
    const QString& key = m_axes[static_cast<std::size_t>(axis)].key;
    for (const KpiBrush& b : m_brushes)
        if (b.kpiKey == key) return &b;
    return nullptr;
}

bool ParallelAxes::setBrush(const QString& key, double low, double high) {
    if (axisIndex(key) < 0 || std::isnan(low) || std::isnan(high)) return false;
    if (low > high) std::swap(low, high);
    const KpiBrush brush{key, low, high};
    auto it = std::find_if(m_brushes.begin(), m_brushes.end(), [&](const KpiBrush& b) { return b.kpiKey == key; });
    if (it != m_brushes.end()) {
        if (*it == brush) return false;
        *it = brush;
    } else {
        m_brushes.push_back(brush);
    }
    updateMask();
    return true;
}

bool ParallelAxes::clearBrush(const QString& key) {
    if (m_brushes.removeIf([&](const KpiBrush& b) { return b.kpiKey == key; }) == 0) return false;
    updateMask();
    return true;
}

bool ParallelAxes::clearBrushes() {
    if (m_brushes.isEmpty()) return false;
    m_brushes.clear();
    updateMask();
    return true;
}

void ParallelAxes::updateMask() {
    m_mask.clear();
    m_passes.clear();
    if (m_brushes.isEmpty()) return;
    struct Range {
        std::size_t axis;
        double low, high;
    };
    std::vector<Range> ranges;
    for (const KpiBrush& b : m_brushes) ranges.push_back({static_cast<std::size_t>(axisIndex(b.kpiKey)), b.low, b.high});
    const std::size_t axes = m_axes.size();
    m_passes.assign(m_refs.size(), true);
    for (std::size_t r = 0; r < m_refs.size(); ++r) {
        const double* row = m_values.data() + r * axes;
        for (const Range& range : ranges) {
            const double v = row[range.axis];
            // NaN fails both comparisons: a point without the KPI is outside every brush on it.
            if (!(v >= range.low && v <= range.high)) {
                m_passes[r] = false;
                break;
            }
        }
    }
    m_mask.resize(m_set.size());
    for (int e = 0; e < m_set.size(); ++e) {
        if (!m_set[e]) continue;
        const auto first = static_cast<std::size_t>(m_firstRow[static_cast<std::size_t>(e)]);
        m_mask[e].assign(m_passes.begin() + static_cast<std::ptrdiff_t>(first),
                         m_passes.begin() + static_cast<std::ptrdiff_t>(first + m_set[e]->points.size()));
    }
}

}  // namespace tessera::views
