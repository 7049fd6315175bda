#include "app/gui/partition_adapter.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tessera::gui {

namespace part = solver::partition;
namespace gp = solver::gp;

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }
QString qs(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

double gainPct(double ours, double base) {
    return base > 0 && std::isfinite(base) ? 100.0 * (base - ours) / base : std::numeric_limits<double>::quiet_NaN();
}

// "balanced" first, then the devices in platform order, then anything else.
QVector<views::PartitionBaseline> baselines(const std::map<std::string, part::Evaluation>& in, const core::Platform& platform) {
    std::vector<std::string> order{"balanced"};
    for (const core::Device& d : platform.devices()) order.push_back(d.id);
    for (const auto& [key, e] : in)
        if (std::find(order.begin(), order.end(), key) == order.end()) order.push_back(key);
    QVector<views::PartitionBaseline> out;
    for (const std::string& key : order)
        if (const auto it = in.find(key); it != in.end())
            out.append(views::PartitionBaseline{qs(key), it->second.latencyMs, it->second.energyMj, it->second.feasible,
                                                qs(it->second.reason)});
    return out;
}

// "layer1.0.conv1 … conv2": the last layer without the dotted prefix it shares with the first.
QString groupName(const QStringList& layers) {
    if (layers.size() < 2) return layers.value(0);
    const QString& first = layers.front();
    QString last = layers.back();
    const qsizetype dot = first.lastIndexOf(QLatin1Char('.'));
    if (dot > 0 && last.startsWith(first.left(dot + 1))) last = last.mid(dot + 1);
    return QStringLiteral("%1 … %2").arg(first, last);
}

// The constraint with the largest sensitivity, as "fpga.m20k_blocks (0.31)".
QString limitedBy(const part::UnitResult& u) {
    QString best;
    double dual = 0;
    for (const auto& [name, d] : u.sensitivities)
        if (std::abs(d) > dual) {
            dual = std::abs(d);
            best = qs(name);
        }
    return best.isEmpty() ? QString() : QStringLiteral("%1 (%2)").arg(best).arg(dual, 0, 'f', 2);
}

}  // namespace

part::PartitionOptions partitionOptions(const views::PartitionSettings& settings) {
    part::PartitionOptions o;
    if (auto m = part::methodFromName(settings.method.toStdString())) o.method = *m;
    if (auto m = part::objectiveFromName(settings.objective.toStdString())) o.objective = *m;
    if (auto m = part::scheduleFromName(settings.schedule.toStdString())) o.schedule = *m;
    return o;
}

views::PartitionResult toPartitionResult(const part::NetworkPartition& p, const core::Platform& platform) {
    views::PartitionResult r;
    r.network = qs(p.network);
    r.platform = qs(platform.displayName().empty() ? platform.name() : platform.displayName());
    for (const core::Device& d : platform.devices()) {
        if (p.options.disabledDevices.count(d.id)) continue;
        r.devices.append(views::PartitionDevice{qs(d.id), qs(d.name), qs(core::deviceKindName(d.kind))});
    }
    r.status = qs(core::statusName(p.status));
    r.message = qs(p.message);
    r.ok = p.status == core::Status::Optimal;
    r.latencyMs = p.latencyMs;
    r.energyMj = p.energyMj;
    r.baselines = baselines(p.baselines, platform);
    r.gpSolves = p.gpSolves;
    r.seconds = p.seconds;

    r.rows.reserve(static_cast<qsizetype>(p.units.size()));
    for (const part::UnitResult& u : p.units) {
        views::PartitionRow row;
        for (const std::string& l : u.layers) row.layers << qs(l);
        row.layer = groupName(row.layers);
        row.method = qs(part::methodName(u.method));
        row.cut = qs(u.cut);
        row.units = u.units;
        row.status = qs(core::statusName(u.status));
        row.message = qs(u.message);
        row.ok = u.status == core::Status::Optimal;
        row.latencyMs = u.rounded.latencyMs;
        row.energyMj = u.rounded.energyMj;
        // Slices in platform order so bars line up from row to row.
        for (const views::PartitionDevice& d : r.devices)
            for (const part::DeviceSlice& s : u.rounded.slices)
                if (qs(s.device) == d.id) row.slices.append(views::PartitionSlice{d.id, s.share, s.latencyMs, s.transferMs, s.energyMj});
        for (const part::DeviceSlice& s : u.rounded.slices) {
            bool known = false;
            for (const views::PartitionSlice& have : row.slices) known = known || have.device == qs(s.device);
            if (!known) row.slices.append(views::PartitionSlice{qs(s.device), s.share, s.latencyMs, s.transferMs, s.energyMj});
        }
        for (const part::ResourceUse& res : u.rounded.resources)
            row.resources.append(views::ResourceBar{qs(res.device), qs(res.resource), qs(res.unit), res.used, res.budget, res.sensitivity, res.active});
        row.baselines = baselines(u.baselines, platform);
        if (const auto bal = u.baselines.find("balanced"); bal != u.baselines.end() && row.ok) {
            row.gainLatencyPct = gainPct(u.rounded.latencyMs, bal->second.latencyMs);
            row.gainEnergyPct = gainPct(u.rounded.energyMj, bal->second.energyMj);
        }
        row.limitedBy = limitedBy(u);
        r.rows.append(std::move(row));
    }
    return r;
}

}  // namespace tessera::gui
