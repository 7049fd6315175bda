#include "core/explore/exploration.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>

#include "core/json/json_reader.h"

namespace tessera::core {

using nlohmann::json;

namespace {

constexpr std::string_view kFormatName = "tessera-exploration";
constexpr std::int64_t kSchemaVersion = 1;
constexpr std::size_t kMaxItems = 10'000'000;  // points: bounded, not small
constexpr std::size_t kMaxMessageBytes = 1 << 20;

json numberOrNull(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

double readNumberOrNull(const JsonReader& r, const json& object, const std::string& key) {
    const json* v = JsonReader::find(object, key);
    if (!v || v->is_null()) return kNoValue;
    return r.number(*v, key);
}

json optionToJson(const OptionValue& value) {
    return std::visit([](const auto& v) { return json(v); }, value);
}

OptionValue optionFromJson(const JsonReader& r, const json& v, const std::string& key) {
    if (v.is_boolean()) return v.get<bool>();
    if (v.is_number_integer()) return r.integer(v, key);
    if (v.is_number()) return r.number(v, key);
    if (v.is_string()) return r.string(v, key);
    r.fail(key, "must be a boolean, a number or a string, got " + r.typeName(v));
}

Status readStatus(const JsonReader& r, const json& object) {
    const std::string name = r.string(r.required(object, "status"), "status");
    const auto status = statusFromName(name);
    if (!status) r.fail("status", "unknown status '" + name + "'");
    return *status;
}

json inputsToJson(const ExplorationInputs& in) {
    return {{"network", in.network},
            {"network_spec", in.networkSpec},
            {"network_hash", in.networkHash},
            {"platform", in.platform},
            {"platform_hash", in.platformHash},
            {"tool_version", in.toolVersion},
            {"solver_version", in.solverVersion},
            {"seed", in.seed},
            {"network_document", in.networkDocument},
            {"platform_document", in.platformDocument}};
}

ExplorationInputs inputsFromJson(const JsonReader& r, const json& j) {
    r.checkKeys(j, "", {"network", "network_spec", "network_hash", "platform", "platform_hash", "tool_version",
                        "solver_version", "seed", "network_document", "platform_document"});
    ExplorationInputs in;
    in.network = r.string(r.required(j, "network"), "network");
    in.networkSpec = r.stringMember(j, "network_spec", false);
    in.networkHash = r.string(r.required(j, "network_hash"), "network_hash");
    in.platform = r.string(r.required(j, "platform"), "platform");
    in.platformHash = r.string(r.required(j, "platform_hash"), "platform_hash");
    in.toolVersion = r.stringMember(j, "tool_version", false);
    in.solverVersion = r.stringMember(j, "solver_version", false);
    if (const json* seed = JsonReader::find(j, "seed")) {
        // The whole uint64 range: JSON keeps it unsigned above 2^63.
        in.seed = seed->is_number_unsigned() ? seed->get<std::uint64_t>() : static_cast<std::uint64_t>(r.integer(*seed, "seed", 0));
    }
    if (const json* d = JsonReader::find(j, "network_document")) in.networkDocument = *d;
    if (const json* d = JsonReader::find(j, "platform_document")) in.platformDocument = *d;
    return in;
}

json resourcesToJson(const std::vector<ResourceUse>& list) {
    json out = json::array();
    for (const auto& u : list)
        out.push_back({{"device", u.device}, {"resource", u.resource}, {"unit", u.unit}, {"used", u.used},
                       {"budget", u.budget}});
    return out;
}

std::vector<ResourceUse> resourcesFromJson(const JsonReader& r, const json& list) {
    r.array(list, "resources", 0, 4096);
    std::vector<ResourceUse> out;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const JsonReader ur = r.child("resources[" + std::to_string(i) + "]");
        const json& u = list[i];
        ur.checkKeys(u, "", {"device", "resource", "unit", "used", "budget"});
        out.push_back({ur.string(ur.required(u, "device"), "device"), ur.string(ur.required(u, "resource"), "resource"),
                       ur.stringMember(u, "unit", false), ur.number(ur.required(u, "used"), "used"),
                       ur.number(ur.required(u, "budget"), "budget", 0.0)});
    }
    return out;
}

json layerToJson(const LayerDecision& l) {
    json choice = json::array();
    for (const auto& [name, value] : l.choice) choice.push_back({name, value});
    json j = {{"id", l.layerId},
              {"name", l.layer},
              {"choice", std::move(choice)},
              {"shares", l.shares},
              {"latency_ms", numberOrNull(l.latencyMs)},
              {"energy_mj", numberOrNull(l.energyMj)}};
    if (!l.resources.empty()) j["resources"] = resourcesToJson(l.resources);
    if (!l.detail.is_null()) j["detail"] = l.detail;
    return j;
}

LayerDecision layerFromJson(const JsonReader& r, const json& j) {
    r.checkKeys(j, "", {"id", "name", "choice", "shares", "latency_ms", "energy_mj", "resources", "detail"});
    LayerDecision l;
    l.layerId = static_cast<int>(r.integer(r.required(j, "id"), "id", 0, static_cast<std::int64_t>(kMaxLayers)));
    l.layer = r.string(r.required(j, "name"), "name");
    if (const json* choice = JsonReader::find(j, "choice")) {
        r.array(*choice, "choice", 0, 256);
        for (std::size_t i = 0; i < choice->size(); ++i) {
            const std::string key = "choice[" + std::to_string(i) + "]";
            const json& pair = r.array((*choice)[i], key, 2, 2);
            l.choice.emplace_back(r.string(pair[0], key + "[0]"), r.string(pair[1], key + "[1]"));
        }
    }
    if (const json* shares = JsonReader::find(j, "shares")) {
        r.expectObject(*shares, "shares");
        const JsonReader sr = r.child("shares");
        for (const auto& item : shares->items()) l.shares[item.key()] = sr.number(item.value(), item.key(), 0.0, 1.0);
    }
    l.latencyMs = readNumberOrNull(r, j, "latency_ms");
    l.energyMj = readNumberOrNull(r, j, "energy_mj");
    if (const json* list = JsonReader::find(j, "resources")) l.resources = resourcesFromJson(r, *list);
    if (const json* d = JsonReader::find(j, "detail")) l.detail = *d;
    return l;
}

json pointToJson(const DesignPoint& p) {
    json violations = json::array();
    for (const auto& v : p.violations) violations.push_back({{"device", v.device}, {"reason", v.reason}});
    json layers = json::array();
    for (const auto& l : p.layers) layers.push_back(layerToJson(l));
    json j = {{"label", p.label},
              {"status", statusName(p.status)},
              {"message", p.message},
              {"baseline", p.baseline},
              {"on_front", p.onFront},
              {"latency_ms", numberOrNull(p.latencyMs)},
              {"energy_mj", numberOrNull(p.energyMj)},
              {"power_w", numberOrNull(p.powerW)},
              {"feasible", p.feasible},
              {"violations", std::move(violations)},
              {"resources", resourcesToJson(p.resources)},
              {"layers", std::move(layers)}};
    if (!p.notes.empty()) j["notes"] = p.notes;
    if (!p.detail.is_null()) j["detail"] = p.detail;
    return j;
}

DesignPoint pointFromJson(const JsonReader& r, const json& j) {
    r.checkKeys(j, "", {"label", "status", "message", "baseline", "on_front", "latency_ms", "energy_mj", "power_w",
                        "feasible", "violations", "resources", "layers", "notes", "detail"});
    DesignPoint p;
    p.label = r.string(r.required(j, "label"), "label");
    p.status = readStatus(r, j);
    p.message = r.stringMember(j, "message", false, kMaxMessageBytes);
    p.baseline = r.boolean(r.required(j, "baseline"), "baseline");
    p.onFront = r.boolean(r.required(j, "on_front"), "on_front");
    p.latencyMs = readNumberOrNull(r, j, "latency_ms");
    p.energyMj = readNumberOrNull(r, j, "energy_mj");
    p.powerW = readNumberOrNull(r, j, "power_w");
    p.feasible = r.boolean(r.required(j, "feasible"), "feasible");
    if (const json* list = JsonReader::find(j, "violations")) {
        r.array(*list, "violations", 0, 4096);
        for (std::size_t i = 0; i < list->size(); ++i) {
            const JsonReader vr = r.child("violations[" + std::to_string(i) + "]");
            vr.checkKeys((*list)[i], "", {"device", "reason"});
            p.violations.push_back({vr.string(vr.required((*list)[i], "device"), "device"),
                                    vr.string(vr.required((*list)[i], "reason"), "reason")});
        }
    }
    if (const json* list = JsonReader::find(j, "resources")) p.resources = resourcesFromJson(r, *list);
    p.notes = r.stringMember(j, "notes", false, kMaxMessageBytes);
    const json& layers = r.array(r.required(j, "layers"), "layers", 0, kMaxLayers);
    p.layers.reserve(layers.size());
    for (std::size_t i = 0; i < layers.size(); ++i)
        p.layers.push_back(layerFromJson(r.child("layers[" + std::to_string(i) + "]"), layers[i]));
    if (const json* d = JsonReader::find(j, "detail")) p.detail = *d;
    return p;
}

}  // namespace

std::string optionValueText(const OptionValue& value) {
    if (const bool* b = std::get_if<bool>(&value)) return *b ? "true" : "false";
    if (const std::int64_t* i = std::get_if<std::int64_t>(&value)) return std::to_string(*i);
    if (const double* d = std::get_if<double>(&value)) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.12g", *d);
        return buf;
    }
    return std::get<std::string>(value);
}

std::string LayerDecision::choiceValue(std::string_view name) const {
    for (const auto& [key, value] : choice)
        if (key == name) return value;
    return {};
}

std::string utcNow() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buf;
}

std::string_view toolVersion() { return TESSERA_VERSION; }

json explorationToJson(const Exploration& e) {
    json options = json::object();
    for (const auto& [name, value] : e.options) options[name] = optionToJson(value);
    json points = json::array();
    for (const auto& p : e.points) points.push_back(pointToJson(p));
    json doc = {{"format", kFormatName},
            {"schema_version", kSchemaVersion},
            {"id", e.id},
            {"name", e.name},
            {"tags", e.tags},
            {"created", e.created},
            {"strategy", e.strategy},
            {"options", std::move(options)},
            {"status", statusName(e.status)},
            {"message", e.message},
            {"seconds", e.seconds},
            {"inputs", inputsToJson(e.inputs)},
            {"points", std::move(points)}};
    if (!e.notes.empty()) doc["notes"] = e.notes;
    return doc;
}

Exploration explorationFromJson(const json& doc, std::string_view origin) {
    const JsonReader r{std::string(origin), ""};
    r.checkKeys(doc, "", {"format", "schema_version", "id", "name", "tags", "created", "strategy", "options", "status",
                          "message", "seconds", "inputs", "points", "notes"});
    if (const std::string format = r.string(r.required(doc, "format"), "format"); format != kFormatName)
        r.fail("format", "expected \"" + std::string(kFormatName) + "\", got \"" + format + "\"");
    if (r.integer(r.required(doc, "schema_version"), "schema_version") != kSchemaVersion)
        r.fail("schema_version", "unsupported version (this build reads " + std::to_string(kSchemaVersion) + ")");
    Exploration e;
    e.id = r.integer(r.required(doc, "id"), "id", 0);
    e.name = r.string(r.required(doc, "name"), "name");
    if (const json* tags = JsonReader::find(doc, "tags")) {
        r.array(*tags, "tags", 0, 4096);
        for (std::size_t i = 0; i < tags->size(); ++i) e.tags.push_back(r.string((*tags)[i], "tags[" + std::to_string(i) + "]"));
    }
    e.created = r.string(r.required(doc, "created"), "created");
    e.strategy = r.string(r.required(doc, "strategy"), "strategy");
    const json& options = r.required(doc, "options");
    r.expectObject(options, "options");
    const JsonReader opr = r.child("options");
    for (const auto& item : options.items()) e.options[item.key()] = optionFromJson(opr, item.value(), item.key());
    e.status = readStatus(r, doc);
    e.message = r.stringMember(doc, "message", false, kMaxMessageBytes);
    e.notes = r.stringMember(doc, "notes", false, kMaxMessageBytes);
    if (const json* s = JsonReader::find(doc, "seconds")) e.seconds = r.number(*s, "seconds", 0.0);
    e.inputs = inputsFromJson(r.child("inputs"), r.required(doc, "inputs"));
    const json& points = r.array(r.required(doc, "points"), "points", 0, kMaxItems);
    e.points.reserve(points.size());
    for (std::size_t i = 0; i < points.size(); ++i)
        e.points.push_back(pointFromJson(r.child("points[" + std::to_string(i) + "]"), points[i]));
    return e;
}

}  // namespace tessera::core
