// The JSON report of a partitioning run (docs/partition.md).

#include <cmath>

#include <nlohmann/json.hpp>

#include "partition.h"

namespace tessera::solver::partition {

namespace {

using nlohmann::json;

json number(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

json evaluationJson(const Evaluation& e, bool detail) {
    json j = {{"latency_ms", number(e.latencyMs)}, {"energy_mj", number(e.energyMj)}, {"feasible", e.feasible}};
    if (!e.feasible) j["reason"] = e.reason;
    if (!detail) return j;
    json devices = json::object();
    for (const auto& s : e.slices)
        devices[s.device] = {{"share", number(s.share)},
                             {"latency_ms", number(s.latencyMs)},
                             {"transfer_ms", number(s.transferMs)},
                             {"energy_mj", number(s.energyMj)}};
    j["devices"] = std::move(devices);
    return j;
}

json baselinesJson(const std::map<std::string, Evaluation>& baselines) {
    json j = json::object();
    for (const auto& [key, e] : baselines) j[key] = evaluationJson(e, false);
    return j;
}

// Per baseline: how much lower the result is, in percent of the baseline.
json gainsJson(double latency, double energy, const std::map<std::string, Evaluation>& baselines, const std::string& best) {
    json j = json::object();
    auto gain = [](double ours, double base) { return base > 0 ? number(100.0 * (base - ours) / base) : json(nullptr); };
    for (const auto& [key, e] : baselines)
        j[key] = {{"latency_pct", gain(latency, e.latencyMs)}, {"energy_pct", gain(energy, e.energyMj)}, {"feasible", e.feasible}};
    if (!best.empty() && baselines.count(best)) {
        const auto& e = baselines.at(best);
        j["best"] = {{"baseline", best}, {"latency_pct", gain(latency, e.latencyMs)}, {"energy_pct", gain(energy, e.energyMj)}};
    }
    return j;
}

json paretoJson(const std::vector<ParetoPoint>& points) {
    json a = json::array();
    for (const auto& p : points) {
        json q = {{"latency_ms", number(p.latencyMs)}, {"energy_mj", number(p.energyMj)}};
        if (!p.shares.empty()) q["shares"] = p.shares;
        a.push_back(std::move(q));
    }
    return a;
}

json unitJson(const UnitResult& u, Objective objective) {
    json j;
    j["layer"] = u.layers.size() == 1 ? u.layers.front() : u.layers.front() + ".." + u.layers.back();
    j["layers"] = u.layers;
    j["method"] = methodName(u.method);
    j["offered_methods"] = u.offeredMethods;
    j["cut"] = u.cut;
    j["units"] = u.units;
    j["status"] = core::statusName(u.status);
    j["message"] = u.message;
    j["latency_ms"] = number(u.rounded.latencyMs);
    j["energy_mj"] = number(u.rounded.energyMj);
    j["feasible"] = u.rounded.feasible;
    json shares = json::object(), continuousShares = json::object();
    for (const auto& s : u.rounded.slices) shares[s.device] = s.share;
    for (const auto& s : u.continuous.slices) continuousShares[s.device] = number(s.share);
    j["shares"] = std::move(shares);
    j["rounded"] = evaluationJson(u.rounded, true);
    j["continuous"] = evaluationJson(u.continuous, true);
    j["continuous"]["shares"] = std::move(continuousShares);
    j["continuous"]["conservation"] = number(u.conservation);
    json resources = json::array();
    for (const auto& r : u.rounded.resources)
        resources.push_back({{"device", r.device},
                             {"resource", r.resource},
                             {"unit", r.unit},
                             {"used", number(r.used)},
                             {"used_continuous", number(r.usedContinuous)},
                             {"budget", number(r.budget)},
                             {"utilisation_pct", number(100.0 * r.used / r.budget)},
                             {"sensitivity", number(r.sensitivity)},
                             {"active", r.active}});
    j["fpga_resources"] = std::move(resources);
    j["active_constraints"] = u.activeConstraints;
    json sens = json::object();
    for (const auto& [name, dual] : u.sensitivities) sens[name] = number(dual);
    j["sensitivities"] = std::move(sens);
    j["baselines"] = baselinesJson(u.baselines);
    j["best_baseline"] = u.bestBaseline;
    j["gains"] = gainsJson(u.rounded.latencyMs, u.rounded.energyMj, u.baselines, u.bestBaseline);
    if (objective == Objective::Pareto) j["pareto"] = paretoJson(u.pareto);
    if (u.diagnosis) j["diagnosis"] = gp::diagnosisToJson(*u.diagnosis);
    j["gp_solves"] = u.gpSolves;
    j["seconds"] = u.seconds;
    return j;
}

}  // namespace

nlohmann::json partitionToJson(const NetworkPartition& r) {
    const auto& o = r.options;
    json j;
    j["network"] = r.network;
    j["network_hash"] = r.networkHash;
    j["platform"] = r.platform;
    j["platform_hash"] = r.platformHash;
    j["options"] = {{"method", methodName(o.method)},
                    {"objective", objectiveName(o.objective)},
                    {"schedule", scheduleName(o.schedule)},
                    {"relaxation", relaxationName(o.relaxation)},
                    {"bytes_per_element", o.bytesPerElement},
                    {"partial_sum_bytes", o.partialSumBytes},
                    {"home", o.homeDevice},
                    {"disabled", o.disabledDevices},
                    {"fixed_shares", o.fixedShares},
                    {"budgets", o.budgets},
                    {"layer", o.layer},
                    {"max_fused_depth", o.maxFusedDepth}};
    j["status"] = core::statusName(r.status);
    j["message"] = r.message;
    json layers = json::array();
    for (const auto& u : r.units) layers.push_back(unitJson(u, o.objective));
    j["layers"] = std::move(layers);
    json totals = {{"latency_ms", number(r.latencyMs)}, {"energy_mj", number(r.energyMj)}};
    totals["baselines"] = baselinesJson(r.baselines);
    totals["best_baseline"] = r.bestBaseline;
    totals["gains"] = gainsJson(r.latencyMs, r.energyMj, r.baselines, r.bestBaseline);
    if (o.objective == Objective::Pareto) totals["pareto"] = paretoJson(r.pareto);
    j["totals"] = std::move(totals);
    j["gp_solves"] = r.gpSolves;
    j["seconds"] = r.seconds;
    return j;
}

}  // namespace tessera::solver::partition
