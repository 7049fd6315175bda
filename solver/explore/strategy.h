#pragma once
// Strategies behind one interface. A strategy (GP partitioning, DYNAMAP
// algorithm selection, and those to come) has a name, a description, an
// option schema and a run() that fills an exploration's design points; the
// registry lists them. The schema alone drives option parsing and
// validation, the CLI's options and --help, and the GUI's form, so adding a
// strategy touches no view, no store and no CLI code beyond registering it
// (docs/architecture.md, "How a new strategy plugs in").

#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/explore/exploration.h"
#include "core/ir/network.h"
#include "core/outcome.h"
#include "core/platform/platform.h"

namespace tessera::solver::explore {

enum class OptionType { Boolean, Integer, Number, Choice, Text };
std::string_view optionTypeName(OptionType type);  // "boolean", "integer", "number", "choice", "text"

struct OptionSpec {
    std::string name;                 // also the CLI flag: --pareto-points
    OptionType type = OptionType::Text;
    core::OptionValue defaultValue;   // of the option's type (an int64 for Integer, a double for Number)
    std::vector<std::string> choices; // Choice: the accepted values, the default among them
    double min = -std::numeric_limits<double>::infinity();  // Integer, Number: accepted range, inclusive
    double max = std::numeric_limits<double>::infinity();
    std::string unit;                 // "ms", "points", "" for none
    std::string help;                 // one line, for --help and tooltips
};
using OptionSchema = std::vector<OptionSpec>;

struct ParsedOptions {
    core::OptionValues values;  // every option of the schema; defaults where not given
    std::string error;          // empty when valid; otherwise one line per problem, naming the option
};
// Typed values from text, as the CLI takes them ("--objective pareto"):
// unknown names, wrong types and values out of range or not among the
// choices are reported as "--NAME: <problem>".
ParsedOptions parseOptions(const OptionSchema& schema, const std::vector<std::pair<std::string, std::string>>& given);
// The same checks on typed values (a form, a stored exploration): an
// unknown or missing option, a value of the wrong type, out of range or not
// among the choices. Empty when valid.
std::string validateOptions(const OptionSchema& schema, const core::OptionValues& values);

// How a run may use the machine, and where it reports.
struct RunContext {
    core::ProgressCallback progress;  // may be empty
    int threads = 0;                  // cores the strategy may use; 0: every core (a sweep passes 1)
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
