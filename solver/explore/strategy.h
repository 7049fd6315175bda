#pragma once
// Strategies behind one interface. A strategy (GP partitioning, DYNAMAP
// algorithm selection, and those to come) has a name, a description, an
// option schema and a run() that fills an exploration's design points; the
// registry lists them. The schema alone drives option parsing and
// validation, the CLI's options and --help, and the GUI's form, so adding a
// strategy touches no view, no store and no CLI code beyond registering it
// (docs/architecture.md, "How a new strategy plugs in").

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/explore/edit.h"
#include "core/explore/exploration.h"
#include "core/explore/options.h"
#include "core/ir/network.h"
#include "core/outcome.h"
#include "core/platform/platform.h"

namespace tessera::solver::explore {

using core::OptionSchema;
using core::OptionSpec;
using core::OptionType;
using core::ParsedOptions;
using core::parseOptions;
using core::validateOptions;
using core::optionTypeName;

// How a run may use the machine, and where it reports.
struct RunContext {
    core::ProgressCallback progress;  // may be empty
    int threads = 0;                  // cores the strategy may use; 0: every core (a sweep passes 1)
    // Called with each design point as soon as it is final, before run()
    // returns, so that a view can show partial results (may be empty; runs
    // on the strategy's thread). The exploration's points are the same
    // points, in the same order, with the front marked.
    std::function<void(const core::DesignPoint&)> point;
};

class Strategy {
public:
    virtual ~Strategy() = default;
    virtual std::string_view name() const = 0;         // registry name: "partition"
    virtual std::string_view description() const = 0;  // one paragraph
    virtual std::string_view version() const = 0;      // model and solver version, recorded with every exploration
    virtual const OptionSchema& options() const = 0;
    // Problems with options the schema accepted that only the strategy can
    // see without running (the syntax of a list option), one line each,
    // naming the option; empty when there are none.
    virtual std::string checkOptions(const core::OptionValues&) const { return {}; }
    // Fills out.points, out.status and out.message from options that
    // validateOptions accepted; explore() fills everything else. Outcomes,
    // infeasible or cancelled included, are results, never exceptions.
    virtual void run(const core::Network& network, const core::Platform& platform, const core::OptionValues& options,
                     const RunContext& context, core::Exploration& out) const = 0;

    // Editing a point layer by layer (docs/explorations.md, "Editing a
    // point"). `network` and `platform` are those the exploration ran on
    // (its inputs' documents, the network analysed); outcomes are results,
    // never exceptions.
    //
    // What the user may change for `layer`, a decision of one of this
    // strategy's points; empty when nothing (the default: a strategy that
    // does not support editing).
    virtual std::vector<core::EditableChoice> editable(const core::Network& network, const core::Platform& platform,
                                                       const core::OptionValues& options,
                                                       const core::LayerDecision& layer) const;
    // Point `point` of `exploration` with `edits` (at most one per layer)
    // applied: the edited layers' decisions, every layer's latency, energy
    // and resources, the totals, feasibility and violations, recomputed
    // with the models the strategy optimises with. The result is labelled
    // "edited from <label>", has status Heuristic, is no baseline, and its
    // detail adds {"edited_from": point, "edits": [...]} to the base's.
    // Invalid edits (an unknown layer, a choice or value not allowed, shares
    // that are negative or do not add up to 1) give a point with status
    // InvalidInput, no layers, and a message naming the layer and the field.
    core::DesignPoint evaluate(const core::Network& network, const core::Platform& platform,
                               const core::Exploration& exploration, std::size_t point,
                               const std::vector<core::LayerEdit>& edits) const;
    // The best point for the exploration's objective with the locked layers
    // of `edits` fixed at the decisions they have in the edited point (the
    // other edits are dropped): labelled "re-optimised from <label>", detail
    // as evaluate's plus {"reoptimised": true}, status Optimal when proven
    // optimal around the locks, else Heuristic (the message says why).
    core::DesignPoint reoptimise(const core::Network& network, const core::Platform& platform,
                                 const core::Exploration& exploration, std::size_t point,
                                 const std::vector<core::LayerEdit>& edits, const RunContext& context = {}) const;

protected:
    // evaluate()'s costs, for edits already checked against editable() (at
    // most one per layer, every layer in `base`): the point with its
    // decisions, KPIs, resources and violations; evaluate() does the rest.
    // The default answers InvalidInput ("not supported by this strategy").
    virtual core::DesignPoint evaluateEdits(const core::Network& network, const core::Platform& platform,
                                            const core::OptionValues& options, const core::DesignPoint& base,
                                            const std::vector<core::LayerEdit>& edits) const;
    // reoptimise()'s search: `locked` holds one complete edit per locked
    // layer (every editable choice and the shares, as in the edited point),
    // `base` the point they were made on. The default answers InvalidInput.
    virtual core::DesignPoint reoptimiseLocked(const core::Network& network, const core::Platform& platform,
                                               const core::Exploration& exploration, const core::DesignPoint& base,
                                               const std::vector<core::LayerEdit>& locked,
                                               const RunContext& context) const;
};

// Every registered strategy, in a fixed order.
const std::vector<const Strategy*>& strategies();
const Strategy* findStrategy(std::string_view name);

// Runs `strategy` on an analysed network: validates the options (schema and
// checkOptions; an invalid set gives Status::InvalidInput with the message,
// and no points), records
// the inputs with their hashes and the versions, times the run and marks the
// non-dominated points. `networkSpec` is the network as the user named it.
core::Exploration explore(const Strategy& strategy, const core::Network& network, const std::string& networkSpec,
                          const core::Platform& platform, const core::OptionValues& options,
                          const RunContext& context = {});

// Sets onFront on the non-baseline feasible points that no other such point
// dominates in (latency, energy) (points without energy: by latency alone).
void markFront(core::Exploration& exploration);

}  // namespace tessera::solver::explore
