// Reading, validating and writing platform descriptors (JSON). Validation is
// strict on purpose: unknown keys, wrong units and duplicate keys are errors,
// because a silently ignored typo in a descriptor skews every result built on
// it. Each error names the origin, the JSON path of the field and the fault.

#include <cmath>
#include <cstdio>
#include <fstream>
#include <initializer_list>
#include <set>
#include <sstream>
#include <system_error>

#include <nlohmann/json.hpp>

#include "core/json/json_reader.h"
#include "core/cost/device_cost_model.h"
#include "core/platform/platform.h"
#include "core/platform/platform_json_internal.h"

namespace tessera::core {

namespace platform_json {

using nlohmann::json;

json numberToJson(double v) {
    // Whole numbers are written as integers so counts read naturally
    // ("alms": 80330, not 80330.0); exact below 2^53.
    if (std::isfinite(v) && std::nearbyint(v) == v && std::fabs(v) < 9007199254740992.0)
        return static_cast<std::int64_t>(v);
    return v;
}

}  // namespace platform_json

namespace {

using nlohmann::json;
using platform_json::numberToJson;

constexpr std::string_view kFormatName = "tessera-platform";
constexpr std::size_t kMaxIdBytes = 64;
constexpr std::size_t kMaxOverlayParameters = 256;

// How one figure field is checked. An empty unit accepts any non-empty unit
// (counts such as "SM"); otherwise the unit must match exactly.
struct FigureSpec {
    std::string_view key;
    std::string_view unit;
    bool allowZero = false;
    bool integral = false;
};

struct FpgaField {
    FigureSpec spec;
    std::optional<Figure> FpgaResources::*member;
};

constexpr FpgaField kFpgaFields[] = {
    {{"alms", "ALM", false, true}, &FpgaResources::alms},
    {{"labs", "LAB", false, true}, &FpgaResources::labs},
    {{"luts", "LUT", false, true}, &FpgaResources::luts},
    {{"registers", "register", false, true}, &FpgaResources::registers},
    {{"dsps", "DSP", false, true}, &FpgaResources::dsps},
    {{"multipliers", "multiplier", false, true}, &FpgaResources::multipliers},
    {{"m20k_blocks", "block", false, true}, &FpgaResources::m20kBlocks},
    {{"m20k_kb", "Kb", false, false}, &FpgaResources::m20kKb},
    {{"mlab_kb", "Kb", false, false}, &FpgaResources::mlabKb},
    {{"bram36_blocks", "block", false, true}, &FpgaResources::bram36Blocks},
    {{"uram_blocks", "block", false, true}, &FpgaResources::uramBlocks},
};

struct PeakField {
    FigureSpec spec;
    std::optional<Figure> PeakThroughput::*member;
};

constexpr PeakField kPeakFields[] = {
    {{"fp32", "GOPS"}, &PeakThroughput::fp32Gops},
    {{"fp16", "GOPS"}, &PeakThroughput::fp16Gops},
    {{"int8", "GOPS"}, &PeakThroughput::int8Gops},
};

constexpr FigureSpec kClock{"clock_mhz", "MHz"};
constexpr FigureSpec kMemoryBandwidth{"memory_bandwidth_gbs", "GB/s"};
constexpr FigureSpec kMemorySize{"memory_gib", "GiB"};
constexpr FigureSpec kStaticPower{"static_power_w", "W", true};
constexpr FigureSpec kDynamicPower{"dynamic_power_w", "W"};
constexpr FigureSpec kCores{"cores", "core", false, true};
constexpr FigureSpec kComputeUnits{"compute_units", "", false, true};
constexpr FigureSpec kLinkBandwidth{"bandwidth_gbs", "GB/s"};
constexpr FigureSpec kLinkLatency{"latency_us", "us", true};
constexpr FigureSpec kLinkEnergy{"energy_pj_per_byte", "pJ/B", true};

enum class ParamType { PositiveInt, PositiveNumber, Boolean };
struct DynamapParam {
    std::string_view key;
    ParamType type;
};
constexpr DynamapParam kDynamapParams[] = {
    {"p1", ParamType::PositiveInt},          {"p2", ParamType::PositiveInt},
    {"clock_mhz", ParamType::PositiveNumber}, {"bandwidth_gbs", ParamType::PositiveNumber},
    {"winograd_m", ParamType::PositiveInt},  {"winograd_r", ParamType::PositiveInt},
    {"double_buffering", ParamType::Boolean}, {"data_bits", ParamType::PositiveInt},
};
constexpr double kMaxOverlayInt = 1 << 20;

std::string join(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
}

std::string at(const std::string& path, std::size_t index) { return path + "[" + std::to_string(index) + "]"; }

bool isIdentifier(std::string_view s, bool lowercaseOnly) {
    if (s.empty() || s.size() > kMaxIdBytes) return false;
    for (char c : s) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
                        (!lowercaseOnly && ((c >= 'A' && c <= 'Z') || c == '-'));
        if (!ok) return false;
    }
    return true;
}

json figureToJson(const Figure& f) {
    json j = {{"value", numberToJson(f.value)},
              {"unit", f.unit},
              {"source", f.source},
              {"basis", std::string(figureBasisName(f.basis))}};
    if (!f.note.empty()) j["note"] = f.note;
    return j;
}

}  // namespace

// Friend of Platform: the only code that builds a non-empty one.
class PlatformJsonReader {
public:
    explicit PlatformJsonReader(std::string_view origin) : m_origin(origin) {}

    Platform read(const json& doc) const {
        reader("").expectObject(doc, "");
        // Format and version first, so a newer file reports its version
        // rather than the keys this build does not know yet.
        if (const std::string format = readString(doc, "format", "", true); format != kFormatName)
            fail("format", "expected \"" + std::string(kFormatName) + "\", got \"" + format + "\"");
        const json& version = require(doc, "schema_version", "");
        if (!version.is_number_integer()) reader("schema_version").wrongType("", "an integer", version);
        if (version.get<std::int64_t>() != kPlatformSchemaVersion)
            fail("schema_version", "unsupported schema_version " + version.dump() + " (this build reads " +
                                       std::to_string(kPlatformSchemaVersion) + ")");
        reader("").checkKeys(doc, "", {"format", "schema_version", "name", "display_name", "description", "devices", "links"});

        Platform p;
        p.m_schemaVersion = kPlatformSchemaVersion;
        p.m_name = readString(doc, "name", "", true);
        if (!isIdentifier(p.m_name, true))
            fail("name", "must be 1-" + std::to_string(kMaxIdBytes) + " characters of a-z, 0-9 and '_', got \"" +
                             p.m_name + "\"");
        p.m_displayName = readString(doc, "display_name", "", true);
        p.m_description = readString(doc, "description", "", false);

        const json& devices = require(doc, "devices", "");
        if (!devices.is_array()) reader("devices").wrongType("", "an array", devices);
        if (devices.empty()) fail("devices", "a platform needs at least one device");
        if (devices.size() > kMaxPlatformDevices)
            fail("devices", "too many devices (" + std::to_string(devices.size()) + "; limit " +
                                std::to_string(kMaxPlatformDevices) + ")");
        for (std::size_t i = 0; i < devices.size(); ++i) {
            const std::string path = at("devices", i);
            Device d = readDevice(devices[i], path);
            for (std::size_t j = 0; j < p.m_devices.size(); ++j)
                if (p.m_devices[j].id == d.id)
                    fail(join(path, "id"), "duplicate device id '" + d.id + "' (also " + at("devices", j) + ")");
            p.m_devices.push_back(std::move(d));
        }

        if (const json* links = JsonReader::find(doc, "links")) {
            if (!links->is_array()) reader("links").wrongType("", "an array", *links);
            if (links->size() > kMaxPlatformLinks)
                fail("links", "too many links (" + std::to_string(links->size()) + "; limit " +
                                  std::to_string(kMaxPlatformLinks) + ")");
            for (std::size_t i = 0; i < links->size(); ++i) {
                const std::string path = at("links", i);
                Link l = readLink((*links)[i], path, p);
                for (std::size_t j = 0; j < p.m_links.size(); ++j) {
                    if (p.m_links[j].id == l.id)
                        fail(join(path, "id"), "duplicate link id '" + l.id + "' (also " + at("links", j) + ")");
                    if (p.m_links[j].connects(l.from, l.to))
                        fail(path, "a second link between '" + l.from + "' and '" + l.to + "' (also " +
                                       at("links", j) + ")");
                }
                p.m_links.push_back(std::move(l));
            }
        }
        p.m_hash = canonicalHash(platformToJson(p));
        return p;
    }

private:
    // The reader of the value at JSON path `path` (descriptor wording).
    JsonReader reader(const std::string& path) const { return JsonReader(m_origin, path, JsonWording::Descriptor); }
    [[noreturn]] void fail(const std::string& path, const std::string& what) const { reader(path).fail("", what); }
    std::string typeName(const json& v) const { return reader("").typeName(v); }
    const json& require(const json& obj, std::string_view key, const std::string& path) const {
        return reader(path).required(obj, std::string(key));
    }
    std::string readString(const json& obj, std::string_view key, const std::string& path, bool required) const {
        return reader(path).stringMember(obj, std::string(key), required, kMaxPlatformStringBytes);
    }

    std::string readId(const json& obj, const std::string& path) const {
        std::string id = readString(obj, "id", path, true);
        if (!isIdentifier(id, false))
            fail(join(path, "id"), "must be 1-" + std::to_string(kMaxIdBytes) +
                                       " characters of letters, digits, '_' and '-', got \"" + id + "\"");
        return id;
    }

    Figure readFigure(const json& v, const std::string& path, const FigureSpec& spec) const {
        reader(path).expectObject(v, "");
        reader(path).checkKeys(v, "", {"value", "unit", "source", "basis", "note"});
        Figure f;
        const json& value = require(v, "value", path);
        const std::string valuePath = join(path, "value");
        f.value = reader(valuePath).number(value, "");
        if (f.value < 0 || (f.value == 0 && !spec.allowZero))
            fail(valuePath, std::string(spec.allowZero ? "must not be negative" : "must be positive") + ", got " +
                                formatNumber(f.value));
        if (spec.integral && std::nearbyint(f.value) != f.value)
            fail(valuePath, "must be a whole number, got " + formatNumber(f.value));
        f.unit = readString(v, "unit", path, true);
        if (!spec.unit.empty() && f.unit != spec.unit)
            fail(join(path, "unit"), "expected \"" + std::string(spec.unit) + "\", got \"" + f.unit + "\"");
        f.source = readString(v, "source", path, true);
        if (JsonReader::find(v, "basis")) {
            const std::string name = readString(v, "basis", path, true);
            auto b = figureBasisFromName(name);
            if (!b) fail(join(path, "basis"), "expected datasheet, derived, estimate or measured, got \"" + name + "\"");
            f.basis = *b;
        }
        f.note = readString(v, "note", path, false);
        return f;
    }

    std::optional<Figure> optionalFigure(const json& obj, const std::string& path, const FigureSpec& spec) const {
        const json* v = JsonReader::find(obj, spec.key);
        if (!v) return std::nullopt;
        return readFigure(*v, join(path, spec.key), spec);
    }

    Figure requiredFigure(const json& obj, const std::string& path, const FigureSpec& spec) const {
        return readFigure(require(obj, spec.key, path), join(path, spec.key), spec);
    }

    Device readDevice(const json& v, const std::string& path) const {
        reader(path).expectObject(v, "");
        Device d;
        d.id = readId(v, path);
        const std::string kind = readString(v, "kind", path, true);
        auto k = deviceKindFromName(kind);
        if (!k) fail(join(path, "kind"), "expected cpu, gpu or fpga, got \"" + kind + "\"");
        d.kind = *k;
        const bool isFpga = d.kind == DeviceKind::Fpga;

        for (const auto& item : v.items()) {
            static constexpr std::string_view kCommon[] = {
                "id", "name", "kind", "note", "clock_mhz", "peak_gops", "memory_bandwidth_gbs", "memory_gib",
                "static_power_w", "dynamic_power_w", "cores", "compute_units", "cost_constants", "cost_models"};
            const std::string& key = item.key();
            bool known = false;
            for (std::string_view c : kCommon) known = known || key == c;
            if (known) continue;
            bool fpgaKey = key == "overlay";
            for (const auto& f : kFpgaFields) fpgaKey = fpgaKey || key == f.spec.key;
            if (!fpgaKey) fail(join(path, key), "unknown key");
            if (!isFpga) fail(join(path, key), "only an fpga device may have this (device kind is " + kind + ")");
        }

        d.name = readString(v, "name", path, true);
        d.note = readString(v, "note", path, false);
        d.clockMhz = requiredFigure(v, path, kClock);
        if (const json* peak = JsonReader::find(v, "peak_gops")) {
            const std::string peakPath = join(path, "peak_gops");
            reader(peakPath).expectObject(*peak, "");
            reader(peakPath).checkKeys(*peak, "", {"fp32", "fp16", "int8"});
            for (const auto& f : kPeakFields) d.peak.*f.member = optionalFigure(*peak, peakPath, f.spec);
            if (d.peak.empty()) fail(peakPath, "give at least one of fp32, fp16, int8");
        } else if (!isFpga) {
            fail(join(path, "peak_gops"), "missing (a " + kind + " device needs its peak throughput)");
        }
        d.memoryBandwidthGBs = requiredFigure(v, path, kMemoryBandwidth);
        d.memoryGiB = optionalFigure(v, path, kMemorySize);
        d.staticPowerW = requiredFigure(v, path, kStaticPower);
        d.dynamicPowerW = requiredFigure(v, path, kDynamicPower);
        d.cores = optionalFigure(v, path, kCores);
        d.computeUnits = optionalFigure(v, path, kComputeUnits);

        if (isFpga) {
            for (const auto& f : kFpgaFields) d.fpga.*f.member = optionalFigure(v, path, f.spec);
            if (d.fpga.empty())
                fail(path, "an fpga device needs resource budgets (at least dsps and alms or luts)");
            if (!d.fpga.dsps) fail(join(path, "dsps"), "missing (an fpga device needs its DSP budget)");
            if (!d.fpga.alms && !d.fpga.luts)
                fail(join(path, "alms"), "missing (an fpga device needs a logic budget: alms or luts)");
            if (const json* overlay = JsonReader::find(v, "overlay")) d.overlay = readOverlay(*overlay, join(path, "overlay"));
        }
        if (const json* constants = JsonReader::find(v, "cost_constants"))
            d.costConstants = readCostConstants(*constants, join(path, "cost_constants"), d.kind);
        if (const json* models = JsonReader::find(v, "cost_models"))
            d.costModels = platform_json::readCostModels(*models, reader(join(path, "cost_models")), d.kind);
        return d;
    }

    // Overrides of method 1's analytic constants (device_cost_model.h): known
    // keys only, each with its fixed unit and within its accepted range.
    std::map<std::string, Figure> readCostConstants(const json& v, const std::string& path, DeviceKind kind) const {
        reader(path).expectObject(v, "");
        std::map<std::string, Figure> constants;
        for (const auto& item : v.items()) {
            const std::string p = join(path, item.key());
            const CostConstantSpec* spec = nullptr;
            for (const auto& s : costConstantSpecs())
                if (item.key() == s.key) spec = &s;
            if (!spec) {
                std::string valid;
                for (const auto& s : costConstantSpecs()) valid += (valid.empty() ? "" : ", ") + std::string(s.key);
                fail(p, "unknown cost constant (valid: " + valid + ")");
            }
            if (spec->fpgaOnly && kind != DeviceKind::Fpga)
                fail(p, "only an fpga device may have this (device kind is " + std::string(deviceKindName(kind)) + ")");
            Figure f = readFigure(item.value(), p, FigureSpec{spec->key, spec->unit, true, false});
            if (f.value < spec->min || f.value > spec->max)
                fail(join(p, "value"), "must be within [" + formatNumber(spec->min) + ", " + formatNumber(spec->max) +
                                           "], got " + formatNumber(f.value));
            constants.emplace(item.key(), std::move(f));
        }
        return constants;
    }

    FpgaOverlay readOverlay(const json& v, const std::string& path) const {
        reader(path).expectObject(v, "");
        reader(path).checkKeys(v, "", {"kind", "source", "note", "parameters"});
        FpgaOverlay o;
        o.kind = readString(v, "kind", path, true);
        if (!isIdentifier(o.kind, true))
            fail(join(path, "kind"), "must be an identifier of a-z, 0-9 and '_', got \"" + o.kind + "\"");
        o.source = readString(v, "source", path, true);
        o.note = readString(v, "note", path, false);
        const std::string paramsPath = join(path, "parameters");
        const json& params = require(v, "parameters", path);
        reader(paramsPath).expectObject(params, "");
        if (params.size() > kMaxOverlayParameters)
            fail(paramsPath, "too many parameters (limit " + std::to_string(kMaxOverlayParameters) + ")");
        for (const auto& item : params.items()) {
            const std::string p = join(paramsPath, item.key());
            const json& value = item.value();
            if (value.is_boolean()) {
                o.parameters[item.key()] = value.get<bool>();
            } else if (value.is_number()) {
                o.parameters[item.key()] = reader(p).number(value, "");
            } else if (value.is_string()) {
                o.parameters[item.key()] = readString(params, item.key(), paramsPath, false);
            } else {
                fail(p, "expected a number, boolean or string, got " + typeName(value));
            }
        }
        if (o.kind == "dynamap") checkDynamap(params, paramsPath);
        return o;
    }

    void checkDynamap(const json& params, const std::string& path) const {
        for (const auto& item : params.items()) {
            bool known = false;
            for (const auto& d : kDynamapParams) known = known || item.key() == d.key;
            if (!known) fail(join(path, item.key()), "unknown dynamap parameter");
        }
        for (const auto& d : kDynamapParams) {
            const json& v = require(params, d.key, path);
            const std::string p = join(path, d.key);
            if (d.type == ParamType::Boolean) {
                reader(p).boolean(v, "");
                continue;
            }
            const double x = reader(p).number(v, "");
            if (!(x > 0)) fail(p, "must be positive, got " + formatNumber(x));
            if (d.type == ParamType::PositiveInt && (std::nearbyint(x) != x || x > kMaxOverlayInt))
                fail(p, "must be a whole number up to " + formatNumber(kMaxOverlayInt) + ", got " + formatNumber(x));
        }
    }

    Link readLink(const json& v, const std::string& path, const Platform& p) const {
        reader(path).expectObject(v, "");
        reader(path).checkKeys(v, "", {"id", "name", "from", "to", "note", "bandwidth_gbs", "latency_us", "energy_pj_per_byte"});
        Link l;
        l.id = readId(v, path);
        l.name = readString(v, "name", path, true);
        l.from = readString(v, "from", path, true);
        l.to = readString(v, "to", path, true);
        for (const auto& [key, id] : {std::pair<const char*, const std::string*>{"from", &l.from}, {"to", &l.to}})
            if (!p.findDevice(*id)) fail(join(path, key), "unknown device '" + *id + "'");
        if (l.from == l.to) fail(join(path, "to"), "a link must join two different devices");
        l.note = readString(v, "note", path, false);
        l.bandwidthGBs = requiredFigure(v, path, kLinkBandwidth);
        l.latencyUs = requiredFigure(v, path, kLinkLatency);
        l.energyPjPerByte = requiredFigure(v, path, kLinkEnergy);
        return l;
    }

    std::string m_origin;
};

Platform platformFromJson(const json& doc, std::string_view origin) {
    return PlatformJsonReader(origin).read(doc);
}

Platform platformFromJsonText(std::string_view text, std::string_view origin) {
    return platformFromJson(parseJsonText(text, origin), origin);
}

Platform loadPlatformFile(const std::filesystem::path& path) {
    return platformFromJsonText(readTextFile(path, kMaxPlatformFileBytes), path.string());
}

json platformToJson(const Platform& platform) {
    json devices = json::array();
    for (const Device& d : platform.devices()) {
        json j = {{"id", d.id},
                  {"name", d.name},
                  {"kind", std::string(deviceKindName(d.kind))},
                  {"clock_mhz", figureToJson(d.clockMhz)},
                  {"memory_bandwidth_gbs", figureToJson(d.memoryBandwidthGBs)},
                  {"static_power_w", figureToJson(d.staticPowerW)},
                  {"dynamic_power_w", figureToJson(d.dynamicPowerW)}};
        if (!d.note.empty()) j["note"] = d.note;
        if (!d.peak.empty()) {
            json peak = json::object();
            for (const auto& f : kPeakFields)
                if (const auto& fig = d.peak.*f.member) peak[std::string(f.spec.key)] = figureToJson(*fig);
            j["peak_gops"] = std::move(peak);
        }
        if (d.memoryGiB) j["memory_gib"] = figureToJson(*d.memoryGiB);
        if (d.cores) j["cores"] = figureToJson(*d.cores);
        if (d.computeUnits) j["compute_units"] = figureToJson(*d.computeUnits);
        for (const auto& f : kFpgaFields)
            if (const auto& fig = d.fpga.*f.member) j[std::string(f.spec.key)] = figureToJson(*fig);
        if (d.overlay) {
            json params = json::object();
            for (const auto& [key, value] : d.overlay->parameters) {
                if (const bool* b = std::get_if<bool>(&value))
                    params[key] = *b;
                else if (const double* x = std::get_if<double>(&value))
                    params[key] = numberToJson(*x);
                else
                    params[key] = std::get<std::string>(value);
            }
            json o = {{"kind", d.overlay->kind}, {"source", d.overlay->source}, {"parameters", std::move(params)}};
            if (!d.overlay->note.empty()) o["note"] = d.overlay->note;
            j["overlay"] = std::move(o);
        }
        if (!d.costConstants.empty()) {
            json constants = json::object();
            for (const auto& [key, fig] : d.costConstants) constants[key] = figureToJson(fig);
            j["cost_constants"] = std::move(constants);
        }
        if (!d.costModels.empty()) j["cost_models"] = platform_json::costModelsToJson(d.costModels);
        devices.push_back(std::move(j));
    }
    json links = json::array();
    for (const Link& l : platform.links()) {
        json j = {{"id", l.id},
                  {"name", l.name},
                  {"from", l.from},
                  {"to", l.to},
                  {"bandwidth_gbs", figureToJson(l.bandwidthGBs)},
                  {"latency_us", figureToJson(l.latencyUs)},
                  {"energy_pj_per_byte", figureToJson(l.energyPjPerByte)}};
        if (!l.note.empty()) j["note"] = l.note;
        links.push_back(std::move(j));
    }
    json doc = {{"format", std::string(kFormatName)},
                {"schema_version", platform.schemaVersion()},
                {"name", platform.name()},
                {"display_name", platform.displayName()},
                {"devices", std::move(devices)},
                {"links", std::move(links)}};
    if (!platform.description().empty()) doc["description"] = platform.description();
    return doc;
}

}  // namespace tessera::core
