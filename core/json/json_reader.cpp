#include "core/json/json_reader.h"

#include <cmath>
#include <cstdio>

namespace tessera::core {

using nlohmann::json;

JsonReader JsonReader::child(const std::string& part) const {
    return JsonReader(m_origin, m_path.empty() ? part : m_path + "." + part, m_wording);
}

std::string JsonReader::pathOf(const std::string& key) const {
    if (m_path.empty()) return key;
    if (key.empty()) return m_path;
    return m_path + "." + key;
}

void JsonReader::fail(const std::string& key, const std::string& message) const {
    std::string where = pathOf(key);
    if (where.empty() && m_wording == JsonWording::Descriptor) where = "document";
    throw FormatError(m_origin + ": " + (where.empty() ? "" : where + ": ") + message);
}

std::string JsonReader::typeName(const json& v) const {
    switch (v.type()) {
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return m_wording == JsonWording::Field ? "an integer" : "a number";
    case json::value_t::number_float: return "a number";
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::array: return "an array";
    case json::value_t::object: return "an object";
    case json::value_t::null: return "null";
    default: return "an unsupported value";
    }
}

void JsonReader::wrongType(const std::string& key, std::string_view expected, const json& v) const {
    const std::string lead = m_wording == JsonWording::Field ? "must be " : "expected ";
    fail(key, lead + std::string(expected) + ", got " + typeName(v));
}

const json* JsonReader::find(const json& object, std::string_view key) {
    auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

void JsonReader::expectObject(const json& v, const std::string& key) const {
    if (!v.is_object()) wrongType(key, "an object", v);
}

void JsonReader::checkKeys(const json& object, const std::string& key, std::initializer_list<std::string_view> allowed,
                           bool listAllowed) const {
    expectObject(object, key);
    for (const auto& item : object.items()) {
        bool known = false;
        for (std::string_view k : allowed) known = known || item.key() == k;
        if (known) continue;
        std::string message = "unknown key";
        if (listAllowed) {
            std::string list;
            for (std::string_view k : allowed) list += (list.empty() ? "'" : ", '") + std::string(k) + "'";
            message += " (expected " + list + ")";
        }
        fail(key.empty() ? item.key() : key + "." + item.key(), message);
    }
}

const json& JsonReader::required(const json& object, const std::string& key) const {
    expectObject(object, "");
    const json* v = find(object, key);
    if (!v) fail(key, m_wording == JsonWording::Field ? "is missing" : "missing");
    return *v;
}

const json& JsonReader::array(const json& v, const std::string& key, std::size_t minCount, std::size_t maxCount) const {
    if (!v.is_array()) wrongType(key, "an array", v);
    if (v.size() < minCount) fail(key, "must have at least " + std::to_string(minCount) + " element(s), has " + std::to_string(v.size()));
    if (v.size() > maxCount) fail(key, "has " + std::to_string(v.size()) + " elements, more than the limit " + std::to_string(maxCount));
    return v;
}

std::string JsonReader::string(const json& v, const std::string& key, std::size_t maxBytes) const {
    if (!v.is_string()) wrongType(key, "a string", v);
    const auto& s = v.get_ref<const std::string&>();
    if (s.size() > maxBytes) {
        if (m_wording == JsonWording::Field) fail(key, "is longer than " + std::to_string(maxBytes) + " characters");
        fail(key, "too long (" + std::to_string(s.size()) + " bytes; limit " + std::to_string(maxBytes) + ")");
    }
    return s;
}

std::string JsonReader::stringMember(const json& object, const std::string& key, bool required, std::size_t maxBytes) const {
    const json* v = find(object, key);
    if (!v) {
        if (required) fail(key, m_wording == JsonWording::Field ? "is missing" : "missing");
        return {};
    }
    std::string s = string(*v, key, maxBytes);
    if (required && s.empty()) fail(key, "must not be empty");
    return s;
}

bool JsonReader::boolean(const json& v, const std::string& key) const {
    if (!v.is_boolean()) {
        if (m_wording == JsonWording::Field) fail(key, "must be true or false, got " + typeName(v));
        wrongType(key, "a boolean", v);
    }
    return v.get<bool>();
}

std::int64_t JsonReader::integer(const json& v, const std::string& key, std::int64_t minValue, std::int64_t maxValue) const {
    std::int64_t x = 0;
    if (v.is_number_unsigned()) {
        const auto u = v.get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) fail(key, "is too large");
        x = static_cast<std::int64_t>(u);
    } else if (v.is_number_integer()) {
        x = v.get<std::int64_t>();
    } else if (v.is_number_float()) {
        fail(key, (m_wording == JsonWording::Field ? "must be an integer, got " : "expected an integer, got ") + v.dump());
    } else {
        wrongType(key, "an integer", v);
    }
    if (x < minValue) fail(key, "must be at least " + std::to_string(minValue) + ", got " + std::to_string(x));
    if (x > maxValue) fail(key, "must be at most " + std::to_string(maxValue) + ", got " + std::to_string(x));
    return x;
}

std::vector<std::int64_t> JsonReader::integers(const json& v, const std::string& key, std::size_t minCount, std::size_t maxCount,
                                               std::int64_t minValue, std::int64_t maxValue) const {
    array(v, key, minCount, maxCount);
    std::vector<std::int64_t> out;
    for (std::size_t i = 0; i < v.size(); ++i) out.push_back(integer(v[i], key + "[" + std::to_string(i) + "]", minValue, maxValue));
    return out;
}

double JsonReader::number(const json& v, const std::string& key, double minValue, double maxValue) const {
    if (!v.is_number()) wrongType(key, "a number", v);
    const double x = v.get<double>();
    if (!std::isfinite(x)) fail(key, "must be finite, got " + formatNumber(x));
    if (x < minValue) fail(key, "must be at least " + json(minValue).dump() + ", got " + json(x).dump());
    if (x > maxValue) fail(key, "must be at most " + json(maxValue).dump() + ", got " + json(x).dump());
    return x;
}

std::string formatNumber(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

}  // namespace tessera::core
