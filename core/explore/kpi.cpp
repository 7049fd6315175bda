#include "core/explore/kpi.h"

#include <algorithm>
#include <cctype>

namespace tessera::core {

namespace {

std::string resourceKey(const ResourceUse& r) { return r.device + "." + r.resource; }

const ResourceUse* findResource(const DesignPoint& point, std::string_view key) {
    for (const auto& r : point.resources)
        if (key.size() == r.device.size() + 1 + r.resource.size() && key.starts_with(r.device) &&
            key[r.device.size()] == '.' && key.ends_with(r.resource))
            return &r;
    return nullptr;
}

}  // namespace

std::string resourceName(const ResourceUse& use) {
    if (!use.unit.empty() && use.unit != "block" && use.unit != "Kb") return use.unit;
    std::string id = use.resource;
    if (id.ends_with("_blocks")) id.resize(id.size() - 7);
    std::transform(id.begin(), id.end(), id.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return id;
}

std::vector<Kpi> kpisOf(const std::vector<const Exploration*>& explorations) {
    std::vector<Kpi> out = {{std::string(kLatencyKpi), "Latency", "ms"},
                            {std::string(kEnergyKpi), "Energy", "mJ"},
                            {std::string(kPowerKpi), "Power", "W"}};
    for (const Exploration* e : explorations)
        for (const auto& p : e->points)
            for (const auto& r : p.resources) {
                const std::string key = resourceKey(r);
                if (std::none_of(out.begin(), out.end(), [&](const Kpi& k) { return k.key == key; }))
                    out.push_back({key, r.device + " " + resourceName(r), r.unit});
            }
    return out;
}

double kpiValue(const DesignPoint& point, std::string_view key) {
    if (key == kLatencyKpi) return point.latencyMs;
    if (key == kEnergyKpi) return point.energyMj;
    if (key == kPowerKpi) return point.powerW;
    const ResourceUse* r = findResource(point, key);
    return r ? r->used : kNoValue;
}

double kpiBudget(const DesignPoint& point, std::string_view key) {
    const ResourceUse* r = findResource(point, key);
    return r && r->budget > 0 ? r->budget : kNoValue;
}

}  // namespace tessera::core
