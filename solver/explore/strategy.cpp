#include "solver/explore/strategy.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <set>

#include "core/ir/network_json.h"
#include "core/json/json_text.h"
#include "solver/pareto/pareto.h"

namespace tessera::solver::explore {

namespace {

std::string rangeText(const OptionSpec& spec) {
    const auto bound = [&](double v) { return spec.type == OptionType::Integer ? std::to_string(static_cast<long long>(v)) : core::optionValueText(v); };
    return "[" + bound(spec.min) + ", " + bound(spec.max) + "]";
}

std::string choicesText(const OptionSpec& spec) {
    std::string s;
    for (std::size_t i = 0; i < spec.choices.size(); ++i)
        s += (i == 0 ? "" : i + 1 == spec.choices.size() ? " or " : ", ") + spec.choices[i];
    return s;
}

// Why `value` does not suit `spec`; empty when it does.
std::string problemWith(const OptionSpec& spec, const core::OptionValue& value) {
    switch (spec.type) {
    case OptionType::Boolean:
        return std::holds_alternative<bool>(value) ? "" : "must be true or false";
    case OptionType::Integer: {
        const auto* i = std::get_if<std::int64_t>(&value);
        if (!i) return "must be an integer";
        if (static_cast<double>(*i) < spec.min || static_cast<double>(*i) > spec.max)
            return "must be an integer in " + rangeText(spec) + ", got " + std::to_string(*i);
        return "";
    }
    case OptionType::Number: {
        const auto* d = std::get_if<double>(&value);
        if (!d) return "must be a number";
        if (!std::isfinite(*d) || *d < spec.min || *d > spec.max)
            return "must be a number in " + rangeText(spec) + ", got " + core::optionValueText(*d);
        return "";
    }
    case OptionType::Choice: {
        const auto* s = std::get_if<std::string>(&value);
        if (!s) return "must be one of " + choicesText(spec);
        for (const auto& c : spec.choices)
            if (c == *s) return "";
        return "must be one of " + choicesText(spec) + ", got '" + *s + "'";
    }
    case OptionType::Text:
        return std::holds_alternative<std::string>(value) ? "" : "must be text";
    }
    return "has an unknown type";
}

std::optional<core::OptionValue> fromText(const OptionSpec& spec, const std::string& text, std::string& problem) {
    switch (spec.type) {
    case OptionType::Boolean:
        if (text == "true" || text == "yes" || text == "1") return true;
        if (text == "false" || text == "no" || text == "0") return false;
        problem = "must be true or false, got '" + text + "'";
        return std::nullopt;
    case OptionType::Integer: {
        std::size_t used = 0;
        long long v = 0;
        try {
            v = std::stoll(text, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (text.empty() || used != text.size()) {
            problem = "must be an integer in " + rangeText(spec) + ", got '" + text + "'";
            return std::nullopt;
        }
        return static_cast<std::int64_t>(v);
    }
    case OptionType::Number: {
        std::size_t used = 0;
        double v = 0;
        try {
            v = std::stod(text, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (text.empty() || used != text.size()) {
            problem = "must be a number in " + rangeText(spec) + ", got '" + text + "'";
            return std::nullopt;
        }
        return v;
    }
    case OptionType::Choice:
    case OptionType::Text: return text;
    }
    return std::nullopt;
}

const OptionSpec* findSpec(const OptionSchema& schema, std::string_view name) {
    for (const auto& s : schema)
        if (s.name == name) return &s;
    return nullptr;
}

void addLine(std::string& out, const std::string& line) { out += (out.empty() ? "" : "\n") + line; }

}  // namespace

std::string_view optionTypeName(OptionType type) {
    switch (type) {
    case OptionType::Boolean: return "boolean";
    case OptionType::Integer: return "integer";
    case OptionType::Number: return "number";
    case OptionType::Choice: return "choice";
    case OptionType::Text: return "text";
    }
    return "text";
}

ParsedOptions parseOptions(const OptionSchema& schema, const std::vector<std::pair<std::string, std::string>>& given) {
    ParsedOptions out;
    for (const auto& spec : schema) out.values[spec.name] = spec.defaultValue;
    std::set<std::string> seen;
    for (const auto& [name, text] : given) {
        const OptionSpec* spec = findSpec(schema, name);
        if (!spec) {
            addLine(out.error, "--" + name + ": unknown option (see --help)");
            continue;
        }
        if (!seen.insert(name).second) {
            addLine(out.error, "--" + name + ": given twice");
            continue;
        }
        std::string problem;
        auto value = fromText(*spec, text, problem);
        if (value && (problem = problemWith(*spec, *value)).empty())
            out.values[name] = std::move(*value);
        else
            addLine(out.error, "--" + name + ": " + problem);
    }
    return out;
}

std::string validateOptions(const OptionSchema& schema, const core::OptionValues& values) {
    std::string error;
    for (const auto& [name, value] : values)
        if (!findSpec(schema, name)) addLine(error, "--" + name + ": unknown option");
    for (const auto& spec : schema) {
        auto it = values.find(spec.name);
        if (it == values.end()) {
            addLine(error, "--" + spec.name + ": missing");
            continue;
        }
        if (std::string problem = problemWith(spec, it->second); !problem.empty()) addLine(error, "--" + spec.name + ": " + problem);
    }
    return error;
}

void markFront(core::Exploration& exploration) {
    std::vector<pareto::Objectives> objectives;
    std::vector<std::size_t> candidates;
    for (std::size_t i = 0; i < exploration.points.size(); ++i) {
        core::DesignPoint& p = exploration.points[i];
        p.onFront = false;
        if (p.baseline || !p.feasible || !std::isfinite(p.latencyMs)) continue;
        objectives.push_back({p.latencyMs, std::isfinite(p.energyMj) ? p.energyMj : 0.0});
        candidates.push_back(i);
    }
    for (std::size_t k : pareto::nonDominated(objectives)) exploration.points[candidates[k]].onFront = true;
}

core::Exploration explore(const Strategy& strategy, const core::Network& network, const std::string& networkSpec,
                          const core::Platform& platform, const core::OptionValues& options,
                          const RunContext& context) {
    const auto started = std::chrono::steady_clock::now();
    core::Exploration e;
    e.created = core::utcNow();
    e.strategy = std::string(strategy.name());
    e.options = options;
    e.name = network.name + " on " + platform.name() + " (" + e.strategy + ")";
    core::ExplorationInputs& in = e.inputs;
    in.network = network.name;
    in.networkSpec = networkSpec;
    in.networkDocument = core::networkToJson(network);
    in.networkHash = core::canonicalHash(in.networkDocument);
    in.platform = platform.name();
    in.platformDocument = core::platformToJson(platform);
    in.platformHash = platform.hash();
    in.toolVersion = std::string(core::toolVersion());
    in.solverVersion = std::string(strategy.version());
    std::string error = validateOptions(strategy.options(), options);
    if (error.empty()) error = strategy.checkOptions(options);
    if (!error.empty()) {
        e.status = core::Status::InvalidInput;
        e.message = std::move(error);
    } else {
        strategy.run(network, platform, options, context, e);
        markFront(e);
    }
    e.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return e;
}

}  // namespace tessera::solver::explore
