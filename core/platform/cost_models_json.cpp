// The "cost_models" object of a platform descriptor: fitted flydels
// (flydel.h) replacing method 1's analytic KPI models of one device. As strict
// as the rest of the descriptor: a misspelt key or a negative coefficient
// would silently turn a fitted model into a different one.

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "core/json/json_reader.h"
#include "core/platform/platform_json_internal.h"

namespace tessera::core::platform_json {

namespace {

using nlohmann::json;

struct ModelField {
    std::string_view key;
    std::string_view unit;
    bool fpgaOnly;
    std::optional<FlydelModel> DeviceCostModels::*member;
};

constexpr ModelField kModelFields[] = {
    {"latency_ms", "ms", false, &DeviceCostModels::latencyMs},
    {"energy_mj", "mJ", false, &DeviceCostModels::energyMj},
    {"alms", "ALM", true, &DeviceCostModels::alms},
    {"labs", "LAB", true, &DeviceCostModels::labs},
    {"m20k_blocks", "block", true, &DeviceCostModels::m20kBlocks},
    {"dsps", "DSP", true, &DeviceCostModels::dsps},
};

std::string join(const std::string& path, std::string_view key) { return path + "." + std::string(key); }

class CostModelReader {
public:
    explicit CostModelReader(std::string origin) : m_origin(std::move(origin)) {}

    DeviceCostModels read(const json& v, const std::string& path, DeviceKind kind) const {
        reader(path).expectObject(v, "");
        DeviceCostModels models;
        for (const auto& item : v.items()) {
            const ModelField* field = nullptr;
            for (const auto& f : kModelFields)
                if (item.key() == f.key) field = &f;
            const std::string p = join(path, item.key());
            if (!field) fail(p, "unknown key (expected latency_ms, energy_mj, alms, labs, m20k_blocks or dsps)");
            if (field->fpgaOnly && kind != DeviceKind::Fpga)
                fail(p, "only an fpga device may have this (device kind is " + std::string(deviceKindName(kind)) +
                            ")");
            models.*field->member = readFlydel(item.value(), p, field->unit);
        }
        return models;
    }

private:
    // The reader of the value at JSON path `path` (descriptor wording).
    JsonReader reader(const std::string& path) const { return JsonReader(m_origin, path, JsonWording::Descriptor); }
    [[noreturn]] void fail(const std::string& path, const std::string& what) const { reader(path).fail("", what); }
    // A string field; `required` also rejects the empty string.
    std::string readString(const json& obj, std::string_view key, const std::string& path, bool required) const {
        return reader(path).stringMember(obj, std::string(key), required, kMaxPlatformStringBytes);
    }
    double readNumber(const json& v, const std::string& path) const { return reader(path).number(v, ""); }

    FlydelModel readFlydel(const json& v, const std::string& path, std::string_view unit) const {
        reader(path).checkKeys(v, "", {"form", "scale", "factors", "unit", "source", "basis", "note"});
        FlydelModel m;
        if (v.contains("form")) {
            const std::string form = readString(v, "form", path, true);
            if (form == "product")
                m.form = FlydelModel::Form::Product;
            else if (form == "sum")
                m.form = FlydelModel::Form::Sum;
            else
                fail(join(path, "form"), "expected product or sum, got \"" + form + "\"");
        }
        auto scale = v.find("scale");
        if (scale == v.end()) fail(join(path, "scale"), "missing");
        m.scale = readNumber(*scale, join(path, "scale"));
        if (!(m.scale > 0)) fail(join(path, "scale"), "must be positive, got " + formatNumber(m.scale));

        if (auto factors = v.find("factors"); factors != v.end()) readFactors(*factors, join(path, "factors"), m);
        if (m.form == FlydelModel::Form::Sum && std::all_of(m.factors.begin(), m.factors.end(), [](const auto& f) {
                return f.empty();
            }))
            fail(join(path, "factors"), "a sum-form model needs at least one factor");

        m.unit = readString(v, "unit", path, true);
        if (m.unit != unit)
            fail(join(path, "unit"), "expected \"" + std::string(unit) + "\", got \"" + m.unit + "\"");
        m.source = readString(v, "source", path, true);
        m.basis = FigureBasis::Measured;
        if (v.contains("basis")) {
            const std::string name = readString(v, "basis", path, true);
            auto b = figureBasisFromName(name);
            if (!b) fail(join(path, "basis"), "expected datasheet, derived, estimate or measured, got \"" + name + "\"");
            m.basis = *b;
        }
        m.note = readString(v, "note", path, false);
        return m;
    }

    void readFactors(const json& v, const std::string& path, FlydelModel& m) const {
        reader(path).expectObject(v, "");
        for (const auto& item : v.items()) {
            std::size_t feature = kFlydelFeatureNames.size();
            for (std::size_t f = 0; f < kFlydelFeatureNames.size(); ++f)
                if (item.key() == kFlydelFeatureNames[f]) feature = f;
            const std::string p = join(path, item.key());
            if (feature == kFlydelFeatureNames.size()) fail(p, "unknown key (expected hw, c, k or n)");
            const json& list = item.value();
            if (!list.is_array()) reader(p).wrongType("", "an array of coefficients a0, a1, ...", list);
            if (list.size() > kMaxFlydelDegree + 1)
                fail(p, "at most " + std::to_string(kMaxFlydelDegree + 1) + " coefficients (up to degree " +
                            std::to_string(kMaxFlydelDegree) + "), got " + std::to_string(list.size()));
            std::vector<double>& coefficients = m.factors[feature];
            bool anyPositive = false;
            for (std::size_t i = 0; i < list.size(); ++i) {
                const std::string cp = p + "[" + std::to_string(i) + "]";
                const double a = readNumber(list[i], cp);
                if (a < 0) fail(cp, "must be >= 0, got " + formatNumber(a));
                anyPositive = anyPositive || a > 0;
                coefficients.push_back(a);
            }
            if (!anyPositive) fail(p, "needs at least one positive coefficient");
        }
    }

    std::string m_origin;
};

json flydelToJson(const FlydelModel& m) {
    json factors = json::object();
    for (std::size_t f = 0; f < kFlydelFeatureNames.size(); ++f) {
        if (m.factors[f].empty()) continue;
        json list = json::array();
        for (double a : m.factors[f]) list.push_back(numberToJson(a));
        factors[std::string(kFlydelFeatureNames[f])] = std::move(list);
    }
    json j = {{"form", m.form == FlydelModel::Form::Sum ? "sum" : "product"},
              {"scale", numberToJson(m.scale)},
              {"factors", std::move(factors)},
              {"unit", m.unit},
              {"source", m.source},
              {"basis", std::string(figureBasisName(m.basis))}};
    if (!m.note.empty()) j["note"] = m.note;
    return j;
}

}  // namespace

DeviceCostModels readCostModels(const json& v, const JsonReader& reader, DeviceKind kind) {
    return CostModelReader(reader.origin()).read(v, reader.pathOf(""), kind);
}

json costModelsToJson(const DeviceCostModels& models) {
    json j = json::object();
    for (const auto& f : kModelFields)
        if (const auto& m = models.*f.member) j[std::string(f.key)] = flydelToJson(*m);
    return j;
}

}  // namespace tessera::core::platform_json
