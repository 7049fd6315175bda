#include "solver/partition/partition_strategy.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "partition_edit_internal.h"
#include "solver/pareto/pareto.h"

namespace tessera::solver::partition {

namespace {

using core::OptionValue;
using explore::OptionSchema;
using explore::OptionSpec;
using explore::OptionType;

// Network fronts larger than this are thinned evenly along latency (the
// message says so): a user compares tens or hundreds of points, not thousands.
constexpr std::size_t kMaxFrontPoints = 200;
// Partial fronts are kept exact up to this size; beyond, they are thinned and
// the front is no longer exact (the message says so).
constexpr std::size_t kMaxPartialFront = 20000;

std::vector<std::string> splitList(const std::string& s) {
    std::vector<std::string> out;
    std::stringstream in(s);
    std::string item;
    while (std::getline(in, item, ','))
        if (!item.empty()) out.push_back(item);
    return out;
}

std::string parseAssignments(const std::string& option, const std::string& text, std::map<std::string, double>& out) {
    for (const auto& item : splitList(text)) {
        const auto eq = item.find('=');
        double v = 0;
        std::size_t used = 0;
        if (eq != std::string::npos && eq > 0) {
            try {
                v = std::stod(item.substr(eq + 1), &used);
            } catch (const std::exception&) {
                used = 0;
            }
        }
        if (eq == std::string::npos || eq == 0 || used == 0 || used != item.size() - eq - 1)
            return "--" + option + ": expected NAME=NUMBER[,NAME=NUMBER...], got '" + item + "'";
        out[item.substr(0, eq)] = v;
    }
    return "";
}

const std::string& text(const core::OptionValues& v, const char* name) { return std::get<std::string>(v.at(name)); }

class PartitionStrategy final : public explore::Strategy {
public:
    std::string_view name() const override { return "partition"; }
    std::string_view description() const override {
        return "Method 1: split each convolution's work across the platform's CPU, GPU and FPGA by geometric "
               "programming (channels, filters, output rows, or fused layer groups), minimising latency or energy "
               "or tracing their front, under the FPGA's resource budgets.";
    }
    std::string_view version() const override { return "partition 1 (GP interior point, sgp relaxation)"; }
    const OptionSchema& options() const override {
        static const OptionSchema schema = {
            {"method", OptionType::Choice, std::string("best"), {"grouped-c", "grouped-n", "tiling", "fused", "best"},
             0, 0, "", "How a layer's work is cut: input channels, filters, output rows, fused groups, or the best of them"},
            {"objective", OptionType::Choice, std::string("latency"), {"latency", "energy", "pareto"}, 0, 0, "",
             "What to minimise; pareto traces the network's latency-energy front"},
            {"schedule", OptionType::Choice, std::string("concurrent"), {"concurrent", "sequential"}, 0, 0, "",
             "Devices run their shares in parallel (concurrent) or one after another (sequential)"},
            {"relaxation", OptionType::Choice, std::string("sgp"), {"sgp", "penalty", "recondense"}, 0, 0, "",
             "How the share-conservation equality is relaxed into GPs (docs/partition.md)"},
            {"precision", OptionType::Choice, std::string("int8"), {"int8", "fp16", "fp32"}, 0, 0, "",
             "Data type of activations and weights: bytes moved and the peak throughput used"},
            {"home", OptionType::Text, std::string(), {}, 0, 0, "", "Device holding inputs and outputs (empty: the first CPU)"},
            {"disable", OptionType::Text, std::string(), {}, 0, 0, "", "Devices that take no share (D1,D2)"},
            {"fix", OptionType::Text, std::string(), {}, 0, 0, "", "Fixed share per device, a fraction of the cut (D=F,...)"},
            {"budget", OptionType::Text, std::string(), {}, 0, 0, "",
             "Resource budgets replacing the descriptor's (fpga.m20k_blocks=300,...)"},
            {"layer", OptionType::Text, std::string(), {}, 0, 0, "", "Only this layer (empty: every convolution)"},
            {"fused-depth", OptionType::Integer, std::int64_t{4}, {}, 2, 16, "layers", "Most convolutions in one fused group"},
            {"pareto-points", OptionType::Integer, std::int64_t{9}, {}, 3, 101, "points",
             "Epsilon-constraint points per layer for objective pareto"},
        };
        return schema;
    }

    std::string checkOptions(const core::OptionValues& values) const override {
        PartitionOptions o;
        return optionsFromValues(values, o);
    }

    void run(const core::Network& network, const core::Platform& platform, const core::OptionValues& values,
             const explore::RunContext& context, core::Exploration& out) const override {
        PartitionOptions o;
        if (std::string error = optionsFromValues(values, o); !error.empty()) {
            out.status = core::Status::InvalidInput;
            out.message = std::move(error);
            return;
        }
        o.progress = context.progress;
        o.threads = context.threads;
        toExploration(network, partitionNetwork(network, platform, o), out);
        // The units are solved together: every point is final only now.
        if (context.point)
            for (const auto& p : out.points) context.point(p);
    }

    std::vector<core::EditableChoice> editable(const core::Network& network, const core::Platform& platform,
                                               const core::OptionValues& values,
                                               const core::LayerDecision& layer) const override {
        return detail::editableChoices(network, platform, values, layer);
    }

protected:
    core::DesignPoint evaluateEdits(const core::Network& network, const core::Platform& platform,
                                    const core::OptionValues& values, const core::DesignPoint& base,
                                    const std::vector<core::LayerEdit>& edits) const override {
        return detail::evaluateEdits(network, platform, values, base, edits);
    }
    core::DesignPoint reoptimiseLocked(const core::Network& network, const core::Platform& platform,
                                       const core::Exploration& exploration, const core::DesignPoint&,
                                       const std::vector<core::LayerEdit>& locked,
                                       const explore::RunContext&) const override {
        return detail::reoptimiseLocked(network, platform, exploration, locked);
    }
};

std::map<std::string, double> sliceUnits(const Evaluation& e) {
    std::map<std::string, double> m;
    for (const auto& s : e.slices) m[s.device] = s.share;
    return m;
}

}  // namespace

namespace detail {

void addUnitLayers(const core::Network& net, const UnitResult& u, const std::map<std::string, double>& unitsPerDevice,
                   double latencyMs, double energyMj, const std::vector<ResourceUse>& resources,
                   std::string_view sensitivityOf, std::vector<core::LayerDecision>& out) {
    // d log(objective) / d log(budget) of each binding resource budget: the
    // GP dual with its sign (a larger budget lowers the objective).
    nlohmann::json sensitivities = nlohmann::json::object();
    if (!sensitivityOf.empty())
        for (const auto& r : u.rounded.resources)
            if (auto it = u.sensitivities.find(r.device + "." + r.resource); it != u.sensitivities.end())
                sensitivities[it->first] = -it->second;
    for (std::size_t i = 0; i < u.layers.size(); ++i) {
        core::LayerDecision d;
        const auto id = net.findLayer(u.layers[i]);
        d.layerId = id ? id->value : -1;
        d.layer = u.layers[i];
        d.choice = {{"method", std::string(methodName(u.method))}, {"cut", u.cut}};
        if (u.layers.size() > 1) d.choice.emplace_back("group", u.layers.front() + " .. " + u.layers.back());
        for (const auto& [device, units] : unitsPerDevice)
            if (u.units > 0) d.shares[device] = units / static_cast<double>(u.units);
        d.latencyMs = i == 0 ? latencyMs : 0;
        d.energyMj = i == 0 ? energyMj : 0;
        if (i == 0)
            for (const auto& r : resources) d.resources.push_back({r.device, r.resource, r.unit, r.used, r.budget});
        d.detail = {{"units", u.units}, {"status", core::statusName(u.status)}};
        if (!sensitivities.empty()) {
            d.detail["sensitivities"] = sensitivities;
            d.detail["sensitivity_of"] = sensitivityOf;
        }
        out.push_back(std::move(d));
    }
}

void addResources(const std::vector<core::ResourceUse>& unit, std::vector<core::ResourceUse>& point) {
    for (const auto& r : unit) {
        auto it = std::find_if(point.begin(), point.end(),
                               [&](const core::ResourceUse& x) { return x.device == r.device && x.resource == r.resource; });
        if (it == point.end()) it = point.insert(point.end(), {r.device, r.resource, r.unit, 0, r.budget});
        it->used = std::max(it->used, r.used);
    }
}

void addResources(const std::vector<ResourceUse>& unit, std::vector<core::ResourceUse>& point) {
    std::vector<core::ResourceUse> uses;
    for (const auto& r : unit) uses.push_back({r.device, r.resource, r.unit, r.used, r.budget});
    addResources(uses, point);
}

core::DeviceVerdict unitViolation(const Evaluation& e, const std::string& firstLayer) {
    std::string device;
    for (const auto& r : e.resources)
        if (r.used > r.budget) device = r.device;
    return {device, e.reason + " (" + firstLayer + ")"};
}

}  // namespace detail

namespace {

using detail::addResources;
using detail::addUnitLayers;

// A network point from one evaluation per unit (`pick(u)`): sums of latency
// and energy, each resource at its largest use over the units, a violation
// per unit over budget.
template <class Pick>
core::DesignPoint networkPoint(const core::Network& net, const NetworkPartition& p, std::string label, bool baseline, Pick pick) {
    core::DesignPoint point;
    point.label = std::move(label);
    point.baseline = baseline;
    point.latencyMs = 0;
    point.energyMj = 0;
    for (const auto& u : p.units) {
        const Evaluation* e = pick(u);
        if (!e) continue;
        point.latencyMs += e->latencyMs;
        point.energyMj += e->energyMj;
        addUnitLayers(net, u, sliceUnits(*e), e->latencyMs, e->energyMj, e->resources,
                      baseline ? "" : p.options.objective == Objective::Energy ? "energy_mj" : "latency_ms", point.layers);
        addResources(e->resources, point.resources);
        if (!e->feasible) {
            point.feasible = false;
            point.violations.push_back(detail::unitViolation(*e, u.layers.front()));
        }
    }
    point.powerW = point.latencyMs > 0 ? point.energyMj / point.latencyMs : core::kNoValue;
    return point;
}

// Evenly spaced indices of `count` items, at most `most` of them, both ends kept.
std::vector<std::size_t> evenly(std::size_t count, std::size_t most) {
    std::vector<std::size_t> keep;
    if (count <= most) {
        for (std::size_t i = 0; i < count; ++i) keep.push_back(i);
        return keep;
    }
    for (std::size_t i = 0; i < most; ++i) keep.push_back(i * (count - 1) / (most - 1));
    return keep;
}

// The network front: layers run one after another, so a network point is one
// per-layer point per unit and its KPIs are sums. Folding the units in, the
// partial front is the Minkowski sum of the fronts so far pruned to its
// non-dominated points: exact, since a dominated partial sum stays dominated
// whatever is added to it. Each step keeps back-pointers (which partial
// point, which unit point) to recover every network point's choices.
std::vector<core::DesignPoint> networkFront(const core::Network& net, const NetworkPartition& p, std::string& note) {
    struct Step {
        std::size_t parent;  // index into the previous step's front
        int pick;            // index into the unit's pareto list
    };
    std::vector<pareto::Objectives> front{{0, 0}};
    std::vector<std::vector<Step>> steps;  // per unit, per front point
    for (const auto& u : p.units) {
        if (u.pareto.empty()) return {};
        std::vector<pareto::Objectives> sums;
        std::vector<Step> from;
        sums.reserve(front.size() * u.pareto.size());
        for (std::size_t f = 0; f < front.size(); ++f)
            for (std::size_t k = 0; k < u.pareto.size(); ++k) {
                sums.push_back({front[f].first + u.pareto[k].latencyMs, front[f].second + u.pareto[k].energyMj});
                from.push_back({f, static_cast<int>(k)});
            }
        std::vector<std::size_t> kept = pareto::nonDominated(sums, 1e-9);
        if (kept.size() > kMaxPartialFront) {
            std::vector<std::size_t> thinned;
            for (std::size_t i : evenly(kept.size(), kMaxPartialFront)) thinned.push_back(kept[i]);
            kept = std::move(thinned);
            note = "; the network front grew past " + std::to_string(kMaxPartialFront) +
                   " points and was thinned along the way (not exact)";
        }
        std::vector<pareto::Objectives> next;
        std::vector<Step> step;
        for (std::size_t i : kept) {
            next.push_back(sums[i]);
            step.push_back(from[i]);
        }
        front = std::move(next);
        steps.push_back(std::move(step));
    }
    const std::vector<std::size_t> shown = evenly(front.size(), kMaxFrontPoints);
    if (shown.size() < front.size() && note.empty())
        note = "; the network front has " + std::to_string(front.size()) + " points, " + std::to_string(shown.size()) +
               " evenly spaced along latency are kept";
    std::vector<core::DesignPoint> points;
    for (std::size_t n = 0; n < shown.size(); ++n) {
        // Walk the back-pointers from the last unit to the first.
        std::vector<int> picks(p.units.size());
        std::size_t at = shown[n];
        for (std::size_t k = p.units.size(); k-- > 0;) {
            picks[k] = steps[k][at].pick;
            at = steps[k][at].parent;
        }
        core::DesignPoint point;
        point.label = "front " + std::to_string(n + 1) + " of " + std::to_string(shown.size());
        point.latencyMs = front[shown[n]].first;
        point.energyMj = front[shown[n]].second;
        point.powerW = point.latencyMs > 0 ? point.energyMj / point.latencyMs : core::kNoValue;
        for (std::size_t k = 0; k < p.units.size(); ++k) {
            const ParetoPoint& q = p.units[k].pareto[static_cast<std::size_t>(picks[k])];
            addUnitLayers(net, p.units[k], q.shares, q.latencyMs, q.energyMj, q.resources, "", point.layers);
            addResources(q.resources, point.resources);
        }
        points.push_back(std::move(point));
    }
    return points;
}

}  // namespace

const explore::Strategy& partitionStrategy() {
    static const PartitionStrategy strategy;
    return strategy;
}

std::string optionsFromValues(const core::OptionValues& v, PartitionOptions& o) {
    o.method = *methodFromName(text(v, "method"));
    o.objective = *objectiveFromName(text(v, "objective"));
    o.schedule = *scheduleFromName(text(v, "schedule"));
    o.relaxation = *relaxationFromName(text(v, "relaxation"));
    const std::string& precision = text(v, "precision");
    o.bytesPerElement = precision == "int8" ? 1 : precision == "fp16" ? 2 : 4;
    o.homeDevice = text(v, "home");
    for (const auto& d : splitList(text(v, "disable"))) o.disabledDevices.insert(d);
    if (std::string e = parseAssignments("fix", text(v, "fix"), o.fixedShares); !e.empty()) return e;
    if (std::string e = parseAssignments("budget", text(v, "budget"), o.budgets); !e.empty()) return e;
    o.layer = text(v, "layer");
    o.maxFusedDepth = static_cast<int>(std::get<std::int64_t>(v.at("fused-depth")));
    o.paretoPoints = static_cast<int>(std::get<std::int64_t>(v.at("pareto-points")));
    return "";
}

void toExploration(const core::Network& net, const NetworkPartition& p, core::Exploration& out) {
    out.status = p.status;
    out.message = p.message;
    if (p.status == core::Status::InvalidInput) return;
    std::string note;
    if (p.options.objective == Objective::Pareto && p.status == core::Status::Optimal) {
        for (auto& point : networkFront(net, p, note)) out.points.push_back(std::move(point));
        out.message += note;
    } else {
        core::DesignPoint optimum =
            networkPoint(net, p, "optimum", false, [](const UnitResult& u) { return &u.rounded; });
        optimum.status = p.status;
        optimum.message = p.message;
        out.points.push_back(std::move(optimum));
    }
    for (const auto& [key, total] : p.baselines) {
        core::DesignPoint b = networkPoint(net, p, key == "balanced" ? key : key + " alone", true,
                                           [&key](const UnitResult& u) -> const Evaluation* {
                                               auto it = u.baselines.find(key);
                                               return it == u.baselines.end() ? nullptr : &it->second;
                                           });
        out.points.push_back(std::move(b));
    }
}

}  // namespace tessera::solver::partition
