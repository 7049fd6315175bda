#include "core/explore/edit.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace tessera::core {

namespace {

std::string listed(const std::vector<std::string>& values) {
    std::string s;
    for (const auto& v : values) s += (s.empty() ? "" : ", ") + v;
    return s;
}

std::string number(double v) {
    std::ostringstream s;
    s.precision(6);
    s << v;
    return s.str();
}

const EditableChoice* find(const std::vector<EditableChoice>& editable, EditableChoice::Kind kind, std::string_view name) {
    for (const auto& e : editable)
        if (e.kind == kind && (kind == EditableChoice::Kind::Shares || e.name == name)) return &e;
    return nullptr;
}

}  // namespace

std::string LayerEdit::choiceValue(std::string_view name) const {
    for (const auto& [key, value] : choice)
        if (key == name) return value;
    return {};
}

std::string editProblem(const LayerEdit& edit, std::string_view layerName, const std::vector<EditableChoice>& editable) {
    const std::string layer = "layer " + std::string(layerName) + ": ";
    std::vector<std::string> names;
    for (const auto& e : editable)
        if (e.kind == EditableChoice::Kind::Choice) names.push_back(e.name);
    for (std::size_t i = 0; i < edit.choice.size(); ++i) {
        const auto& [name, value] = edit.choice[i];
        for (std::size_t j = 0; j < i; ++j)
            if (edit.choice[j].first == name) return layer + name + ": given twice";
        const EditableChoice* c = find(editable, EditableChoice::Kind::Choice, name);
        if (!c)
            return layer + name + ": cannot be changed here" +
                   (names.empty() ? std::string(" (nothing can)") : " (what can: " + listed(names) + ")");
        if (std::find(c->values.begin(), c->values.end(), value) == c->values.end())
            return layer + name + ": '" + value + "' is not allowed here (allowed: " + listed(c->values) + ")";
    }
    if (edit.shares.empty()) return {};
    const EditableChoice* shares = find(editable, EditableChoice::Kind::Shares, "");
    if (!shares) return layer + "shares: this layer is not split across devices";
    double sum = 0;
    for (const auto& [device, share] : edit.shares) {
        if (std::find(shares->values.begin(), shares->values.end(), device) == shares->values.end())
            return layer + "shares: device '" + device + "' cannot take a share (devices: " + listed(shares->values) + ")";
        if (!std::isfinite(share)) return layer + "shares: " + device + " is not a number";
        if (share < 0) return layer + "shares: " + device + " is negative (" + number(share) + ")";
        sum += share;
    }
    if (std::abs(sum - 1) > kShareTolerance) return layer + "shares: add up to " + number(sum) + ", not 1";
    return {};
}

nlohmann::json editsToJson(const std::vector<LayerEdit>& edits) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& e : edits) {
        nlohmann::json choice = nlohmann::json::array();
        for (const auto& [name, value] : e.choice) choice.push_back({name, value});
        out.push_back({{"layer_id", e.layerId}, {"choice", choice}, {"shares", e.shares}, {"locked", e.locked}});
    }
    return out;
}

}  // namespace tessera::core
