#include "views/pareto_scene.h"

#include <QLocale>
#include <QObject>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <string>

#include "core/explore/front.h"
#include "core/outcome.h"

namespace tessera::views {

namespace {

constexpr double kReferenceFactor = 1.1;
constexpr int kMostViolationsShown = 5;  // partition reports one per unit over budget: dozens

bool shownOnAxis(double value, bool log) { return std::isfinite(value) && (!log || value > 0); }

// One sentence part per input that differs: "network resnet18 (A, B), googlenet (C)".
QString differingPart(const ExplorationSet& set, const QString& what, std::string core::ExplorationInputs::*name,
                      std::string core::ExplorationInputs::*hash) {
    struct Group {
        QString name;
        QStringList explorations;
    };
    std::map<std::string, Group> groups;  // by hash
    for (int e = 0; e < set.size(); ++e) {
        if (!set[e]) continue;
        Group& g = groups[set[e]->inputs.*hash];
        g.name = QString::fromStdString(set[e]->inputs.*name);
        g.explorations << explorationTitle(set, e);
    }
    if (groups.size() < 2) return {};
    // Two versions of one network (an edited file) share a name: tell them
    // apart by their hash.
    std::map<QString, int> nameCount;
    for (const auto& [hash, g] : groups) ++nameCount[g.name];
    QStringList parts;
    for (const auto& [hash, g] : groups) {
        QString shown = g.name.isEmpty() ? QObject::tr("(unnamed)") : g.name;
        if (nameCount[g.name] > 1) shown += QStringLiteral(" [%1]").arg(QString::fromStdString(hash.substr(0, 8)));
        parts << QStringLiteral("%1 (%2)").arg(shown, g.explorations.join(QStringLiteral(", ")));
    }
    return QStringLiteral("%1 %2").arg(what, parts.join(QStringLiteral("; ")));
}

}  // namespace

QString explorationTitle(const ExplorationSet& set, int exploration) {
    if (exploration < 0 || exploration >= set.size() || !set[exploration]) return {};
    const core::Exploration& e = *set[exploration];
    if (!e.name.empty()) return QString::fromStdString(e.name);
    return QObject::tr("exploration %1").arg(e.id > 0 ? e.id : exploration + 1);
}

ParetoScene buildParetoScene(const ExplorationSet& set, const PointMask& mask, const QString& xKey, const QString& yKey,
                             bool logX, bool logY) {
    ParetoScene scene;
    scene.xKey = xKey;
    scene.yKey = yKey;
    scene.logX = logX;
    scene.logY = logY;
    const std::string xk = xKey.toStdString();
    const std::string yk = yKey.toStdString();
    constexpr double kInf = std::numeric_limits<double>::infinity();
    scene.minX = scene.minY = kInf;
    scene.maxX = scene.maxY = -kInf;
    scene.series.resize(set.size());
    for (int e = 0; e < set.size(); ++e) {
        if (!set[e]) continue;
        ParetoSeries& s = scene.series[e];
        core::Front2D front;
        const auto& points = set[e]->points;
        for (std::size_t i = 0; i < points.size(); ++i) {
            const PointRef ref{e, static_cast<int>(i)};
            if (!isVisible(mask, ref)) continue;
            const core::DesignPoint& p = points[i];
            const double x = core::kpiValue(p, xk);
            const double y = core::kpiValue(p, yk);
            if (!shownOnAxis(x, logX) || !shownOnAxis(y, logY)) continue;
            const ParetoPoint shown{x, y, ref};
            if (p.baseline) {
                s.baselines.push_back(shown);
            } else if (!p.feasible) {
                s.infeasible.push_back(shown);
            } else {
                s.feasible.push_back(shown);
                front.insert(x, y, i);
            }
            scene.minX = std::min(scene.minX, x);
            scene.maxX = std::max(scene.maxX, x);
            scene.minY = std::min(scene.minY, y);
            scene.maxY = std::max(scene.maxY, y);
            ++scene.shownCount;
        }
        const auto frontPoints = front.points();
        s.front.reserve(static_cast<qsizetype>(frontPoints.size()));
        for (const auto& f : frontPoints) s.front.push_back({f.x, f.y, {e, static_cast<int>(f.id)}});
        const auto knee = core::kneeOf(frontPoints);
        s.knee = knee ? static_cast<int>(*knee) : -1;
    }
    if (scene.shownCount == 0) {
        scene.minX = scene.maxX = scene.minY = scene.maxY = 0;
        return scene;
    }
    scene.referenceX = kReferenceFactor * scene.maxX;
    scene.referenceY = kReferenceFactor * scene.maxY;
    for (ParetoSeries& s : scene.series) {
        std::vector<core::FrontPoint> front;
        front.reserve(static_cast<std::size_t>(s.front.size()));
        for (const ParetoPoint& p : s.front) front.push_back({p.x, p.y, 0});
        s.hypervolume = core::hypervolume(front, scene.referenceX, scene.referenceY);
    }
    return scene;
}

void ParetoPointIndex::build(const ParetoScene& scene) {
    m_byX.clear();
    m_byX.reserve(scene.shownCount);
    for (const ParetoSeries& s : scene.series)
        for (const auto* part : {&s.infeasible, &s.feasible, &s.baselines}) m_byX += *part;
    std::sort(m_byX.begin(), m_byX.end(), [](const ParetoPoint& a, const ParetoPoint& b) { return a.x < b.x; });
}

PointRef ParetoPointIndex::nearest(double xFrom, double xTo, const std::function<QPointF(double, double)>& toPixel, QPointF pos,
                                   double radius) const {
    if (xFrom > xTo) std::swap(xFrom, xTo);
    auto it = std::lower_bound(m_byX.begin(), m_byX.end(), xFrom, [](const ParetoPoint& p, double x) { return p.x < x; });
    PointRef best;
    double bestDistance = radius * radius;
    for (; it != m_byX.end() && it->x <= xTo; ++it) {
        const QPointF d = toPixel(it->x, it->y) - pos;
        const double distance = d.x() * d.x() + d.y() * d.y();
        // Ties go to the later point, drawn on top (baselines over the cloud).
        if (distance <= bestDistance) {
            bestDistance = distance;
            best = it->ref;
        }
    }
    return best;
}

QVector<PointRef> ParetoPointIndex::inside(double x0, double x1, double y0, double y1) const {
    if (x0 > x1) std::swap(x0, x1);
    if (y0 > y1) std::swap(y0, y1);
    QVector<PointRef> out;
    auto it = std::lower_bound(m_byX.begin(), m_byX.end(), x0, [](const ParetoPoint& p, double x) { return p.x < x; });
    for (; it != m_byX.end() && it->x <= x1; ++it)
        if (it->y >= y0 && it->y <= y1) out.push_back(it->ref);
    std::sort(out.begin(), out.end(), [](PointRef a, PointRef b) {
        return a.exploration != b.exploration ? a.exploration < b.exploration : a.point < b.point;
    });
    return out;
}

QVector<core::Kpi> availableKpis(const ExplorationSet& set) {
    std::vector<const core::Exploration*> explorations;
    for (const auto& e : set)
        if (e) explorations.push_back(e.get());
    QVector<core::Kpi> out;
    for (const core::Kpi& kpi : core::kpisOf(explorations)) {
        const bool reported = std::any_of(explorations.begin(), explorations.end(), [&](const core::Exploration* e) {
            return std::any_of(e->points.begin(), e->points.end(),
                               [&](const core::DesignPoint& p) { return std::isfinite(core::kpiValue(p, kpi.key)); });
        });
        if (reported) out.push_back(kpi);
    }
    return out;
}

QString fallbackKpi(const QVector<core::Kpi>& kpis, const QString& wanted, const QString& avoid) {
    const std::string w = wanted.toStdString();
    const std::string a = avoid.toStdString();
    if (std::any_of(kpis.begin(), kpis.end(), [&](const core::Kpi& k) { return k.key == w; })) return wanted;
    for (const core::Kpi& k : kpis)
        if (k.key != a) return QString::fromStdString(k.key);
    return kpis.isEmpty() ? QString() : QString::fromStdString(kpis.front().key);
}

QString kpiTitle(const QVector<core::Kpi>& kpis, const QString& key) {
    const std::string k = key.toStdString();
    for (const core::Kpi& kpi : kpis)
        if (kpi.key == k)
            return kpi.unit.empty()
                       ? QString::fromStdString(kpi.label)
                       : QStringLiteral("%1 (%2)").arg(QString::fromStdString(kpi.label), QString::fromStdString(kpi.unit));
    return key;
}

QString formatKpiValue(double value) {
    if (std::isnan(value)) return QStringLiteral("-");
    const double magnitude = std::abs(value);
    // Large values need no decimals and read better whole than as 2.945e+04.
    if (magnitude >= 1e4 && magnitude < 1e12) return QLocale().toString(value, 'f', 0);
    return QLocale().toString(value, 'g', 4);
}

QString pointToolTip(const ExplorationSet& set, PointRef ref, const QVector<core::Kpi>& kpis, const QString& xKey,
                     const QString& yKey) {
    const core::DesignPoint* p = pointAt(set, ref);
    if (!p) return {};
    const auto esc = [](const std::string& s) { return QString::fromStdString(s).toHtmlEscaped(); };
    QStringList lines;
    lines << QStringLiteral("<b>%1</b> &mdash; %2").arg(esc(p->label), explorationTitle(set, ref.exploration).toHtmlEscaped());
    // The chosen KPIs first, then latency, energy and power when not among them.
    QStringList keys = {xKey, yKey};
    for (auto key : {core::kLatencyKpi, core::kEnergyKpi, core::kPowerKpi})
        if (!keys.contains(QLatin1String(key.data(), static_cast<qsizetype>(key.size()))))
            keys << QLatin1String(key.data(), static_cast<qsizetype>(key.size()));
    keys.removeDuplicates();
    for (const QString& key : keys) {
        const std::string k = key.toStdString();
        const double value = core::kpiValue(*p, k);
        if (std::isnan(value) && key != xKey && key != yKey) continue;
        QString unit;
        QString label = key;
        for (const core::Kpi& kpi : kpis)
            if (kpi.key == k) {
                unit = QString::fromStdString(kpi.unit);
                label = QString::fromStdString(kpi.label);
            }
        QString line = QStringLiteral("%1: %2 %3").arg(label.toHtmlEscaped(), formatKpiValue(value), unit.toHtmlEscaped());
        const double budget = core::kpiBudget(*p, k);
        if (std::isfinite(budget) && budget > 0)
            line += QObject::tr(" of %1 (%2%)").arg(formatKpiValue(budget)).arg(100 * value / budget, 0, 'f', 0);
        lines << line.trimmed();
    }
    QString status = QObject::tr("status: %1").arg(QString::fromUtf8(core::statusName(p->status).data()));
    if (p->baseline) status += QObject::tr(", baseline");
    lines << status;
    if (p->feasible) {
        lines << QObject::tr("feasible");
    } else {
        lines << QObject::tr("<b>infeasible</b>:");
        const int count = static_cast<int>(p->violations.size());
        for (int i = 0; i < std::min(count, kMostViolationsShown); ++i) {
            const core::DeviceVerdict& v = p->violations[static_cast<std::size_t>(i)];
            lines << QStringLiteral("&nbsp;&nbsp;%1").arg(esc(v.reason.empty() ? v.device : v.reason));
        }
        if (count > kMostViolationsShown) lines << QObject::tr("&nbsp;&nbsp;and %1 more").arg(count - kMostViolationsShown);
        if (count == 0) lines << QObject::tr("&nbsp;&nbsp;(no reason given)");
    }
    return lines.join(QStringLiteral("<br>"));
}

QString differingInputsWarning(const ExplorationSet& set) {
    QStringList parts;
    const QString network = differingPart(set, QObject::tr("networks"), &core::ExplorationInputs::network,
                                          &core::ExplorationInputs::networkHash);
    const QString platform = differingPart(set, QObject::tr("platforms"), &core::ExplorationInputs::platform,
                                           &core::ExplorationInputs::platformHash);
    if (!network.isEmpty()) parts << network;
    if (!platform.isEmpty()) parts << platform;
    if (parts.isEmpty()) return {};
    return QObject::tr("These explorations ran on different inputs, their points do not compare: %1.")
        .arg(parts.join(QStringLiteral("; ")));
}

}  // namespace tessera::views
