#include "core/explore/options.h"

#include <cmath>
#include <optional>
#include <set>

namespace tessera::core {

namespace {

std::string rangeText(const OptionSpec& spec) {
    const auto bound = [&](double v) { return spec.type == OptionType::Integer ? std::to_string(static_cast<long long>(v)) : optionValueText(v); };
    return "[" + bound(spec.min) + ", " + bound(spec.max) + "]";
}

std::string choicesText(const OptionSpec& spec) {
    std::string s;
    for (std::size_t i = 0; i < spec.choices.size(); ++i)
        s += (i == 0 ? "" : i + 1 == spec.choices.size() ? " or " : ", ") + spec.choices[i];
    return s;
}

// Why `value` does not suit `spec`; empty when it does.
std::string problemWith(const OptionSpec& spec, const OptionValue& value) {
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
            return "must be a number in " + rangeText(spec) + ", got " + optionValueText(*d);
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

std::optional<OptionValue> fromText(const OptionSpec& spec, const std::string& text, std::string& problem) {
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

std::string validateOptions(const OptionSchema& schema, const OptionValues& values) {
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

}  // namespace tessera::core
