// Editing partition points: a layer's method and split changed by hand,
// costed with the device models and unit evaluation the optimiser uses
// (the rounded splits and the baselines come from the same
// evaluateShares), and the optimum re-used around locked layers.
//
// Layers run one after another and each unit (a layer, or a fused group)
// is costed alone, so an edit re-costs only the units it touches; the other
// layers keep their decisions and figures, and the totals are their sums
// (resources: the largest use over the units).

#include <algorithm>
#include <cmath>
#include <limits>

#include "network_units_internal.h"
#include "partition_edit_internal.h"
#include "partition_strategy.h"

namespace tessera::solver::partition::detail {

namespace {

// Layers [first, first + count) of a point: one unit.
struct UnitSpan {
    std::size_t first = 0, count = 0;
    std::string group;  // the "group" choice of a fused group; empty for one layer
};

// A point's layers of one unit are contiguous (the strategy lists a unit's
// layers together) and a fused group's share its "group" choice.
std::vector<UnitSpan> unitsOf(const core::DesignPoint& p) {
    std::vector<UnitSpan> units;
    for (std::size_t i = 0; i < p.layers.size(); ++i) {
        const std::string group = p.layers[i].choiceValue("group");
        if (!group.empty() && !units.empty() && units.back().group == group) ++units.back().count;
        else units.push_back({i, 1, group});
    }
    return units;
}

// A unit to cost: its layers, how it is cut and each device's fraction.
struct Planned {
    std::vector<core::LayerId> layers;
    Method method = Method::Tiling;  // as reported (Fused for a one-layer "fused" unit)
    UnitSpec spec;
    std::map<std::string, double> shares;
};

// Whole units of the cut per device index from fractions: largest
// remainders, so that they add up to `units` and a fraction that is already
// a whole number of units stays one.
std::vector<double> unitsByDevice(const Context& ctx, const std::map<std::string, double>& shares, long long units) {
    std::vector<double> exact(ctx.platform->devices().size(), 0.0), whole(exact.size(), 0.0);
    double left = static_cast<double>(units);
    for (const auto& [device, share] : shares) {
        const auto d = static_cast<std::size_t>(ctx.platform->deviceId(device)->value);
        exact[d] = share * static_cast<double>(units);
        whole[d] = std::floor(exact[d] + 1e-9);
        left -= whole[d];
    }
    std::vector<std::size_t> order(exact.size());
    for (std::size_t d = 0; d < order.size(); ++d) order[d] = d;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return exact[a] - whole[a] > exact[b] - whole[b]; });
    for (std::size_t i = 0; left > 0.5 && i < order.size(); ++i)
        if (exact[order[i]] > 0) {
            whole[order[i]] += 1;
            left -= 1;
        }
    return whole;
}

Method methodOf(const std::string& name) { return methodFromName(name).value_or(Method::Tiling); }

// A single layer cut by `method` ("fused" on a single layer is a tiling, as the optimiser runs it).
Planned single(const core::Network& net, core::LayerId id, Method method, std::map<std::string, double> shares) {
    const core::ConvView v = *core::convView(net, id);
    Planned p;
    p.layers = {id};
    p.method = method;
    p.spec = singleSpec(net, v, method == Method::Fused ? Method::Tiling : method);
    p.shares = std::move(shares);
    return p;
}

// The unit the optimiser solved for a fused group: its first conv and the
// ops along the chain to each next one. Empty ops when the layers no longer
// form a chain of the network.
UnitSpec fusedSpec(const core::Network& net, const std::vector<core::LayerId>& convs) {
    UnitSpec s;
    s.method = Method::Fused;
    s.cut = "rows";
    s.variable = "rows";
    s.ops.push_back(chainOp(net, convs.front()));
    for (std::size_t i = 0; i + 1 < convs.size(); ++i) {
        const std::vector<ChainOp> path = pathToNextConv(net, convs[i]);
        if (path.empty() || path.back().layer != convs[i + 1]) return {};
        s.ops.insert(s.ops.end(), path.begin(), path.end());
    }
    s.units = s.ops.back().conv.p;
    return s;
}

struct Plan {
    std::vector<Planned> units;
    std::string note;     // what the user should know (a fused group split up)
    std::string problem;  // why the edits cannot be costed
};

// How an edited unit is costed. An edit to a member of a fused group that
// keeps the method "fused" sets the whole group's split (the last such
// edit in the list counts); another method on any member splits the group
// into single layers: the edited ones as edited, the others tiled (where
// they can be) with the group's split.
Plan plan(const core::Network& net, const core::DesignPoint& base, const UnitSpan& unit,
          const std::vector<core::LayerEdit>& edits) {
    Plan out;
    std::map<int, const core::LayerEdit*> editOf;
    std::map<std::string, double> groupShares = base.layers[unit.first].shares;
    bool split = false;
    for (const auto& e : edits)
        for (std::size_t i = unit.first; i < unit.first + unit.count; ++i) {
            if (base.layers[i].layerId != e.layerId) continue;
            editOf[e.layerId] = &e;
            const std::string method = e.choiceValue("method");
            if (unit.count > 1 && !method.empty() && method != "fused") split = true;
            else if (!e.shares.empty()) groupShares = e.shares;
        }
    if (unit.count == 1) {
        const core::LayerDecision& l = base.layers[unit.first];
        const core::LayerEdit* e = editOf.at(l.layerId);
        const std::string method = e->choiceValue("method").empty() ? l.choiceValue("method") : e->choiceValue("method");
        out.units.push_back(single(net, core::LayerId{l.layerId}, methodOf(method), e->shares.empty() ? l.shares : e->shares));
    } else if (!split) {
        Planned p;
        for (std::size_t i = unit.first; i < unit.first + unit.count; ++i)
            p.layers.push_back(core::LayerId{base.layers[i].layerId});
        p.method = Method::Fused;
        p.spec = fusedSpec(net, p.layers);
        p.shares = groupShares;
        if (p.spec.ops.empty())
            out.problem = "layer " + base.layers[unit.first].layer + ": the fused group " + unit.group +
                          " is not a chain of the network";
        out.units.push_back(std::move(p));
    } else {
        for (std::size_t i = unit.first; i < unit.first + unit.count; ++i) {
            const core::LayerDecision& l = base.layers[i];
            const auto it = editOf.find(l.layerId);
            const core::LayerEdit* e = it == editOf.end() ? nullptr : it->second;
            const core::ConvView v = *core::convView(net, core::LayerId{l.layerId});
            std::string method = e ? e->choiceValue("method") : "";
            if (method.empty() || method == "fused") {
                const auto allowed = offered(v);
                method = std::string(methodName(std::find(allowed.begin(), allowed.end(), Method::Tiling) != allowed.end() ||
                                                        allowed.empty()
                                                    ? Method::Tiling
                                                    : allowed.front()));
            }
            out.units.push_back(single(net, core::LayerId{l.layerId}, methodOf(method),
                                       e && !e->shares.empty() ? e->shares : groupShares));
        }
        out.note = "the fused group " + unit.group +
                   " is split into single layers (the unedited ones tiled with the group's split)";
    }
    return out;
}

bool optionsOf(const core::Platform& platform, const core::OptionValues& values, PartitionOptions& o, std::string& problem) {
    problem = optionsFromValues(values, o);
    if (problem.empty()) problem = o.validate(platform);
    return problem.empty();
}

core::DesignPoint invalid(std::string message) {
    core::DesignPoint p;
    p.status = core::Status::InvalidInput;
    p.message = std::move(message);
    return p;
}

}  // namespace

std::vector<core::EditableChoice> editableChoices(const core::Network& net, const core::Platform& platform,
                                                  const core::OptionValues& values, const core::LayerDecision& layer) {
    PartitionOptions o;
    std::string problem, note;
    if (!optionsOf(platform, values, o, problem) || layer.layerId < 0 ||
        static_cast<std::size_t>(layer.layerId) >= net.layerCount())
        return {};
    const auto v = core::convView(net, core::LayerId{layer.layerId});
    if (!v) return {};
    std::vector<std::string> methods;
    const std::string current = layer.choiceValue("method");
    if (current == "fused") methods.push_back(current);
    for (Method m : offered(*v)) methods.emplace_back(methodName(m));
    if (std::find(methods.begin(), methods.end(), current) == methods.end() && !current.empty()) methods.push_back(current);
    std::vector<std::string> devices;
    for (int d : makeContext(platform, o, note).enabled) devices.push_back(platform.devices()[static_cast<std::size_t>(d)].id);
    return {{core::EditableChoice::Kind::Choice, "method", methods,
             "How the layer's work is cut: input channels (grouped-c), filters (grouped-n), output rows (tiling), or "
             "with its fused group; the cut follows the method"},
            {core::EditableChoice::Kind::Shares, "shares", devices, "Each device's share of the cut, in whole units of it"}};
}

core::DesignPoint evaluateEdits(const core::Network& net, const core::Platform& platform, const core::OptionValues& values,
                                const core::DesignPoint& base, const std::vector<core::LayerEdit>& edits) {
    PartitionOptions o;
    std::string problem, note;
    if (!optionsOf(platform, values, o, problem)) return invalid(problem);
    const Context ctx = makeContext(platform, o, note);

    core::DesignPoint out = base;
    out.layers.clear();
    out.violations.clear();
    out.resources.clear();
    std::string notes;
    const bool perLayerResources = std::any_of(base.layers.begin(), base.layers.end(),
                                               [](const core::LayerDecision& l) { return !l.resources.empty(); });
    if (!perLayerResources) out.resources = base.resources;  // a point saved before layers carried their resources
    for (const UnitSpan& unit : unitsOf(base)) {
        const auto begin = base.layers.begin() + static_cast<std::ptrdiff_t>(unit.first);
        const auto end = begin + static_cast<std::ptrdiff_t>(unit.count);
        const bool edited = std::any_of(begin, end, [&](const core::LayerDecision& l) {
            return std::any_of(edits.begin(), edits.end(), [&](const core::LayerEdit& e) { return e.layerId == l.layerId; });
        });
        if (!edited) {
            out.layers.insert(out.layers.end(), begin, end);
            const std::string tag = " (" + begin->layer + ")";
            for (const auto& v : base.violations)
                if (v.reason.size() >= tag.size() && v.reason.compare(v.reason.size() - tag.size(), tag.size(), tag) == 0)
                    out.violations.push_back(v);
            continue;
        }
        const Plan p = plan(net, base, unit, edits);
        if (!p.problem.empty()) return invalid(p.problem);
        if (!p.note.empty()) notes += (notes.empty() ? "" : "; ") + p.note;
        for (const Planned& u : p.units) {
            for (const auto& [device, share] : u.shares) {
                const auto id = platform.deviceId(device);
                if (!id || std::find(ctx.enabled.begin(), ctx.enabled.end(), id->value) == ctx.enabled.end())
                    return invalid("layer " + net.layer(u.layers.front()).name + ": shares: device '" + device +
                                   "' cannot take a share under the exploration's options");
            }
            const std::vector<double> units = unitsByDevice(ctx, u.shares, u.spec.units);
            const Evaluation e = evaluateShares(u.spec, ctx, units);
            UnitResult r;
            for (core::LayerId id : u.layers) r.layers.push_back(net.layer(id).name);
            r.method = u.method;
            r.cut = u.spec.cut;
            r.units = u.spec.units;
            r.status = core::Status::Heuristic;
            std::map<std::string, double> unitsPerDevice;
            for (std::size_t d = 0; d < units.size(); ++d)
                if (units[d] > 0) unitsPerDevice[ctx.deviceId(static_cast<int>(d))] = units[d];
            addUnitLayers(net, r, unitsPerDevice, e.latencyMs, e.energyMj, e.resources, "", out.layers);
            if (!e.feasible) out.violations.push_back(unitViolation(e, r.layers.front()));
        }
    }
    out.latencyMs = 0;
    out.energyMj = 0;
    for (const auto& l : out.layers) {
        out.latencyMs += l.latencyMs;
        out.energyMj += l.energyMj;
        addResources(l.resources, out.resources);
    }
    out.powerW = out.latencyMs > 0 ? out.energyMj / out.latencyMs : core::kNoValue;
    out.feasible = out.violations.empty();
    out.message = notes;
    return out;
}

core::DesignPoint reoptimiseLocked(const core::Network& net, const core::Platform& platform, const core::Exploration& exploration,
                                   const std::vector<core::LayerEdit>& locked) {
    PartitionOptions o;
    std::string problem;
    if (!optionsOf(platform, exploration.options, o, problem)) return invalid(problem);
    // The optimum: for objective pareto, the fastest point of the front.
    const bool energy = o.objective == Objective::Energy;
    const core::DesignPoint* optimum = nullptr;
    std::size_t index = 0;
    for (std::size_t i = 0; i < exploration.points.size(); ++i) {
        const core::DesignPoint& p = exploration.points[i];
        if (p.baseline || p.status == core::Status::InvalidInput || p.status == core::Status::Cancelled ||
            (p.detail.is_object() && p.detail.contains("edited_from")))
            continue;
        const auto value = [energy](const core::DesignPoint& x) { return energy ? x.energyMj : x.latencyMs; };
        if (!optimum || (p.feasible && !optimum->feasible) || (p.feasible == optimum->feasible && value(p) < value(*optimum))) {
            optimum = &p;
            index = i;
        }
    }
    if (!optimum) return invalid("the exploration has no optimum to re-optimise around the locked layers");
    std::string split;
    for (const auto& e : locked) {
        const auto layer = std::find_if(optimum->layers.begin(), optimum->layers.end(),
                                        [&](const core::LayerDecision& l) { return l.layerId == e.layerId; });
        if (layer == optimum->layers.end())
            return invalid("layer id " + std::to_string(e.layerId) + ": not in the optimum ('" + optimum->label + "')");
        if (std::string p = core::editProblem(e, layer->layer, editableChoices(net, platform, exploration.options, *layer));
            !p.empty())
            return invalid("the lock does not fit the optimum ('" + optimum->label + "'): " + p);
        if (!layer->choiceValue("group").empty() && e.choiceValue("method") != "fused")
            split += (split.empty() ? "" : ", ") + layer->layer;
    }
    core::DesignPoint p = evaluateEdits(net, platform, exploration.options, *optimum, locked);
    if (p.status == core::Status::InvalidInput) return p;
    const std::string from = "point " + std::to_string(index) + " ('" + optimum->label + "')";
    if (split.empty() && optimum->status == core::Status::Optimal) {
        p.status = core::Status::Optimal;
        p.message = "units are independent: the unlocked layers keep the decisions of the optimum, " + from;
    } else {
        p.status = core::Status::Heuristic;
        p.message = split.empty() ? "the unlocked layers keep the decisions of " + from + ", which is not proven optimal"
                                  : "the locked " + split + " split fused groups of the optimum, " + from +
                                        "; their other layers are tiled with the group's split, not re-optimised";
    }
    return p;
}

}  // namespace tessera::solver::partition::detail
