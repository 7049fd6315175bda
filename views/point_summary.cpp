#include "views/point_summary.h"

#include <QObject>

#include <cmath>

#include "views/decision_text.h"

namespace tessera::views {

const core::DesignPoint* bestFeasibleBaseline(const core::Exploration& exploration) {
    const core::DesignPoint* best = nullptr;
    for (const auto& p : exploration.points)
        if (p.baseline && p.feasible && std::isfinite(p.latencyMs) && (!best || p.latencyMs < best->latencyMs)) best = &p;
    return best;
}

namespace {

// "2.86 ms": the figure as every view writes it, with its unit.
QString kpiText(double value, const QString& unit) { return figureText(value) + QLatin1Char(' ') + unit; }

QString change(double value, double reference, const QString& what) {
    if (!std::isfinite(value) || !std::isfinite(reference) || reference <= 0) return {};
    const double percent = 100.0 * (value - reference) / reference;
    return QStringLiteral("%1%2% %3").arg(percent >= 0 ? QStringLiteral("+") : QString()).arg(percent, 0, 'f', 1).arg(what);
}

}  // namespace

QString pointSummary(const core::Exploration& exploration, const core::DesignPoint& point) {
    QStringList kpis;
    kpis << kpiText(point.latencyMs, QStringLiteral("ms"));
    if (std::isfinite(point.energyMj)) kpis << kpiText(point.energyMj, QStringLiteral("mJ"));
    if (std::isfinite(point.powerW)) kpis << kpiText(point.powerW, QStringLiteral("W"));
    QString text = QStringLiteral("%1: %2").arg(QString::fromStdString(point.label), kpis.join(QStringLiteral(", ")));
    if (!point.feasible) {
        text += QObject::tr(" · infeasible");
        if (!point.violations.empty()) text += QStringLiteral(" (%1)").arg(QString::fromStdString(point.violations.front().reason));
        return text;
    }
    if (point.baseline) return text + QObject::tr(" · baseline");
    const core::DesignPoint* base = bestFeasibleBaseline(exploration);
    if (!base) return text + QObject::tr(" · no feasible baseline to compare with");
    QStringList gains;
    for (const QString& g : {change(point.latencyMs, base->latencyMs, QObject::tr("latency")),
                             change(point.energyMj, base->energyMj, QObject::tr("energy"))})
        if (!g.isEmpty()) gains << g;
    if (!gains.isEmpty())
        text += QObject::tr(" · %1 vs %2").arg(gains.join(QStringLiteral(", ")), QString::fromStdString(base->label));
    return text;
}

}  // namespace tessera::views
