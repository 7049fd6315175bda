#pragma once
// What the Pareto view shows, computed without widgets so that it can be
// checked and timed on its own: the shown points of each exploration in the
// two chosen KPIs, split by how they are drawn, each exploration's front
// (core::Front2D over its feasible non-baseline points: recomputed for any
// two KPIs rather than read from DesignPoint::onFront, which is latency
// against energy), its knee and hypervolume; the index that finds the point
// under the mouse; the KPIs worth offering; the texts of the tooltips and of
// the warning about differing inputs.

#include <QPointF>
#include <QString>
#include <QVector>

#include <functional>

#include "core/explore/kpi.h"
#include "views/exploration_snapshot.h"

namespace tessera::views {

// A shown point in the two chosen KPIs.
struct ParetoPoint {
    double x = 0;
    double y = 0;
    PointRef ref;
};

// The shown points of one exploration, by how they are drawn.
struct ParetoSeries {
    QVector<ParetoPoint> feasible;    // feasible, not baselines
    QVector<ParetoPoint> infeasible;  // infeasible, not baselines
    QVector<ParetoPoint> baselines;   // feasible or not
    QVector<ParetoPoint> front;       // non-dominated among `feasible`, in increasing x
    int knee = -1;                    // index in `front` of its knee; -1 when none
    double hypervolume = 0;           // of `front` against the scene's reference, in x unit x y unit
};

struct ParetoScene {
    QString xKey, yKey;  // the KPIs (core::Kpi::key)
    bool logX = false, logY = false;
    QVector<ParetoSeries> series;  // one per exploration of the set, in its order
    // The hypervolumes' reference: 1.1 x the largest shown value on each
    // axis (the same for every exploration, so that their hypervolumes compare).
    double referenceX = 0, referenceY = 0;
    int shownCount = 0;  // points drawn, all series together
    // Bounds of the shown points; meaningful when shownCount > 0.
    double minX = 0, maxX = 0, minY = 0, maxY = 0;
};

// The points of `set` left visible by `mask` that report both KPIs, split and
// with their fronts. On a log axis the points with a non-positive value cannot
// be drawn and are left out like hidden ones.
ParetoScene buildParetoScene(const ExplorationSet& set, const PointMask& mask, const QString& xKey, const QString& yKey,
                             bool logX, bool logY);

// The shown points in increasing x, to find the one under the mouse without
// scanning all of them on every mouse move.
class ParetoPointIndex {
public:
    void build(const ParetoScene& scene);
    void clear() { m_byX.clear(); }
    // The point nearest to `pos` (pixels) and at most `radius` pixels away, or
    // an invalid ref. `toPixel` maps plot coordinates to pixels; only points
    // with x in [xFrom, xTo] (the plot coordinates of pos.x() -/+ radius) are
    // looked at.
    PointRef nearest(double xFrom, double xTo, const std::function<QPointF(double, double)>& toPixel, QPointF pos,
                     double radius) const;
    // The points inside [x0, x1] x [y0, y1] (plot coordinates, in any order).
    QVector<PointRef> inside(double x0, double x1, double y0, double y1) const;

private:
    QVector<ParetoPoint> m_byX;
};

// The KPIs of core::kpisOf that at least one point of `set` reports (energy is
// left out for DYNAMAP-only sets, which do not model it).
QVector<core::Kpi> availableKpis(const ExplorationSet& set);
// `wanted` when it is among `kpis`, else the first of them other than `avoid`
// (else the first); empty when `kpis` is.
QString fallbackKpi(const QVector<core::Kpi>& kpis, const QString& wanted, const QString& avoid);
// The exploration's name, or "exploration <id>" when it has none.
QString explorationTitle(const ExplorationSet& set, int exploration);

// "Latency (ms)"; the key itself when it is not among `kpis`.
QString kpiTitle(const QVector<core::Kpi>& kpis, const QString& key);

// A value as the view shows it: 4 significant digits, whole with thousands
// grouped from 10,000 on ("80,330"), "-" for NaN.
QString formatKpiValue(double value);

// The hover tooltip of a point: label, exploration, the two KPIs with units
// (and budgets for resources), latency, energy and power, status,
// baseline, feasibility with the violated budgets.
QString pointToolTip(const ExplorationSet& set, PointRef ref, const QVector<core::Kpi>& kpis, const QString& xKey,
                     const QString& yKey);

// Empty when every exploration of `set` ran on the same network and platform
// (by their hashes); otherwise one sentence naming the networks and platforms
// and which explorations ran on each.
QString differingInputsWarning(const ExplorationSet& set);

}  // namespace tessera::views
