#pragma once
// The KPIs of design points, named once for every view, filter, comparison
// and report: latency, energy and power, then each device resource that any
// of the explorations reports ("fpga.alms"), so that a new strategy's
// resources appear everywhere without a case for it.

#include <string>
#include <string_view>
#include <vector>

#include "core/explore/exploration.h"

namespace tessera::core {

struct Kpi {
    std::string key;    // "latency_ms", "energy_mj", "power_w", or "<device>.<resource>" ("fpga.alms")
    std::string label;  // "Latency", "Energy", "Power", "fpga ALM"
    std::string unit;   // "ms", "mJ", "W", "ALM"
};

inline constexpr std::string_view kLatencyKpi = "latency_ms";
inline constexpr std::string_view kEnergyKpi = "energy_mj";
inline constexpr std::string_view kPowerKpi = "power_w";

// A resource as people name it: its unit when that names the resource
// ("ALM", "DSP"), else its id without "_blocks", upper-cased ("M20K", "BRAM36").
std::string resourceName(const ResourceUse& use);

// Latency, energy and power, then the resources of every point of the
// explorations in order of first appearance. Every KPI is lower-is-better.
std::vector<Kpi> kpisOf(const std::vector<const Exploration*>& explorations);
// The point's value of KPI `key`; NaN when the point does not report it.
double kpiValue(const DesignPoint& point, std::string_view key);
// The resource's budget at the point for a resource KPI; NaN for the
// others and when there is no budget.
double kpiBudget(const DesignPoint& point, std::string_view key);

}  // namespace tessera::core
