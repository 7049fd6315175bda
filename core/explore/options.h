#pragma once
// A strategy's options as data: a schema of typed, ranged, documented
// options (solver/explore/strategy.h), from which the CLI takes its flags
// and --help and the GUI builds its form, and the checks that parse text
// into typed values and validate typed values against the schema. Plain
// data in core/ so that views can build a form without the solver.

#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/explore/exploration.h"

namespace tessera::core {

enum class OptionType { Boolean, Integer, Number, Choice, Text };
std::string_view optionTypeName(OptionType type);  // "boolean", "integer", "number", "choice", "text"

struct OptionSpec {
    std::string name;                 // also the CLI flag: --pareto-points
    OptionType type = OptionType::Text;
    OptionValue defaultValue;   // of the option's type (an int64 for Integer, a double for Number)
    std::vector<std::string> choices; // Choice: the accepted values, the default among them
    double min = -std::numeric_limits<double>::infinity();  // Integer, Number: accepted range, inclusive
    double max = std::numeric_limits<double>::infinity();
    std::string unit;                 // "ms", "points", "" for none
    std::string help;                 // one line, for --help and tooltips
};
using OptionSchema = std::vector<OptionSpec>;

struct ParsedOptions {
    OptionValues values;  // every option of the schema; defaults where not given
    std::string error;          // empty when valid; otherwise one line per problem, naming the option
};
// Typed values from text, as the CLI takes them ("--objective pareto"):
// unknown names, wrong types and values out of range or not among the
// choices are reported as "--NAME: <problem>".
ParsedOptions parseOptions(const OptionSchema& schema, const std::vector<std::pair<std::string, std::string>>& given);
// The same checks on typed values (a form, a stored exploration): an
// unknown or missing option, a value of the wrong type, out of range or not
// among the choices. Empty when valid.
std::string validateOptions(const OptionSchema& schema, const OptionValues& values);

}  // namespace tessera::core
