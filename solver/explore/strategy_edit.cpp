// The generic half of point editing (strategy.h: evaluate, reoptimise):
// checking the exploration, the network and every edit against what the
// strategy says is editable, recording the provenance, and turning anything
// unexpected into an InvalidInput result. The strategies only cost.

#include <set>

#include "solver/explore/strategy.h"

namespace tessera::solver::explore {

namespace {

core::DesignPoint invalid(const core::DesignPoint* base, std::string_view verb, std::string message) {
    core::DesignPoint p;
    p.label = std::string(verb) + " from " + (base ? base->label : std::string("?"));
    p.status = core::Status::InvalidInput;
    p.message = std::move(message);
    p.feasible = false;
    return p;
}

const core::LayerDecision* findLayer(const core::DesignPoint& point, int layerId) {
    for (const auto& l : point.layers)
        if (l.layerId == layerId) return &l;
    return nullptr;
}

// Why the exploration, its point and the network cannot be edited together; empty when they can.
std::string setupProblem(const Strategy& strategy, const core::Network& network, const core::Exploration& exploration,
                         std::size_t point) {
    if (exploration.strategy != strategy.name())
        return "the exploration ran strategy '" + exploration.strategy + "', not '" + std::string(strategy.name()) + "'";
    if (point >= exploration.points.size())
        return "point " + std::to_string(point) + ": no such point (the exploration has " +
               std::to_string(exploration.points.size()) + ")";
    if (std::string e = validateOptions(strategy.options(), exploration.options); !e.empty())
        return "the exploration's options: " + e;
    for (const auto& l : exploration.points[point].layers) {
        if (l.layerId < 0 || static_cast<std::size_t>(l.layerId) >= network.layerCount() ||
            network.layer(core::LayerId{l.layerId}).name != l.layer)
            return "the network is not the exploration's: the point's layer '" + l.layer + "' (id " + std::to_string(l.layerId) +
                   ") is not in network '" + network.name + "'";
    }
    return {};
}

std::string editsProblem(const Strategy& strategy, const core::Network& network, const core::Platform& platform,
                         const core::Exploration& exploration, const core::DesignPoint& base,
                         const std::vector<core::LayerEdit>& edits) {
    std::set<int> seen;
    for (const auto& e : edits) {
        const core::LayerDecision* layer = findLayer(base, e.layerId);
        if (!layer) return "layer id " + std::to_string(e.layerId) + ": no such layer in point '" + base.label + "'";
        if (!seen.insert(e.layerId).second) return "layer " + layer->layer + ": edited twice";
        const auto editable = strategy.editable(network, platform, exploration.options, *layer);
        if (editable.empty())
            return "layer " + layer->layer + ": cannot be edited (not supported by strategy '" + std::string(strategy.name()) +
                   "')";
        if (std::string p = core::editProblem(e, layer->layer, editable); !p.empty()) return p;
    }
    return {};
}

// The provenance of a point made from `base`, point `index` of its exploration.
void record(core::DesignPoint& p, const core::DesignPoint& base, std::size_t index, std::string_view verb,
            const std::vector<core::LayerEdit>& edits) {
    p.label = std::string(verb) + " from " + base.label;
    p.baseline = false;
    p.onFront = false;
    p.notes.clear();
    if (!p.detail.is_object()) p.detail = nlohmann::json::object();
    p.detail["edited_from"] = index;
    p.detail["edits"] = core::editsToJson(edits);
}

}  // namespace

std::vector<core::EditableChoice> Strategy::editable(const core::Network&, const core::Platform&, const core::OptionValues&,
                                                     const core::LayerDecision&) const {
    return {};
}

core::DesignPoint Strategy::evaluateEdits(const core::Network&, const core::Platform&, const core::OptionValues&,
                                          const core::DesignPoint& base, const std::vector<core::LayerEdit>&) const {
    return invalid(&base, "edited", "editing points is not supported by strategy '" + std::string(name()) + "'");
}

core::DesignPoint Strategy::reoptimiseLocked(const core::Network&, const core::Platform&, const core::Exploration&,
                                             const core::DesignPoint& base, const std::vector<core::LayerEdit>&,
                                             const RunContext&) const {
    return invalid(&base, "re-optimised",
                   "re-optimising around locked layers is not supported by strategy '" + std::string(name()) + "'");
}

core::DesignPoint Strategy::evaluate(const core::Network& network, const core::Platform& platform,
                                     const core::Exploration& exploration, std::size_t point,
                                     const std::vector<core::LayerEdit>& edits) const {
    const core::DesignPoint* base = point < exploration.points.size() ? &exploration.points[point] : nullptr;
    try {
        if (std::string e = setupProblem(*this, network, exploration, point); !e.empty())
            return invalid(base, "edited", std::move(e));
        if (std::string e = editsProblem(*this, network, platform, exploration, *base, edits); !e.empty())
            return invalid(base, "edited", std::move(e));
        core::DesignPoint p = evaluateEdits(network, platform, exploration.options, *base, edits);
        if (p.status == core::Status::InvalidInput) return invalid(base, "edited", p.message);
        record(p, *base, point, "edited", edits);
        p.status = core::Status::Heuristic;
        const std::string note = p.message;
        p.message = "edited from '" + base->label + "': " + std::to_string(edits.size()) +
                    (edits.size() == 1 ? " layer" : " layers") + " changed" + (note.empty() ? "" : "; " + note);
        return p;
    } catch (const std::exception& ex) {
        // A strategy's evaluation is not supposed to throw; if it does, the
        // user still gets a result that says what went wrong.
        return invalid(base, "edited", std::string("cannot evaluate the edits: ") + ex.what());
    }
}

core::DesignPoint Strategy::reoptimise(const core::Network& network, const core::Platform& platform,
                                       const core::Exploration& exploration, std::size_t point,
                                       const std::vector<core::LayerEdit>& edits, const RunContext& context) const {
    const core::DesignPoint edited = evaluate(network, platform, exploration, point, edits);
    const core::DesignPoint* base = point < exploration.points.size() ? &exploration.points[point] : nullptr;
    if (edited.status == core::Status::InvalidInput) return invalid(base, "re-optimised", edited.message);
    try {
        // A lock keeps the layer's whole decision as the edited point has
        // it, including what the edit left as it was.
        std::vector<core::LayerEdit> locked;
        for (const auto& e : edits) {
            if (!e.locked) continue;
            const core::LayerDecision& layer = *findLayer(edited, e.layerId);
            core::LayerEdit full;
            full.layerId = e.layerId;
            full.locked = true;
            for (const auto& c : editable(network, platform, exploration.options, layer)) {
                if (c.kind == core::EditableChoice::Kind::Shares) full.shares = layer.shares;
                else full.choice.emplace_back(c.name, layer.choiceValue(c.name));
            }
            locked.push_back(std::move(full));
        }
        core::DesignPoint p = reoptimiseLocked(network, platform, exploration, *base, locked, context);
        if (p.status == core::Status::InvalidInput || p.status == core::Status::Cancelled) {
            core::DesignPoint out = invalid(base, "re-optimised", p.message);
            out.status = p.status;
            return out;
        }
        record(p, *base, point, "re-optimised", locked);
        p.detail["reoptimised"] = true;
        return p;
    } catch (const std::exception& ex) {
        return invalid(base, "re-optimised", std::string("cannot re-optimise: ") + ex.what());
    }
}

}  // namespace tessera::solver::explore
