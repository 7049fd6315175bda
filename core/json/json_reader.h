#pragma once
// The one strict reader of Tessera's JSON formats (networks, platform
// descriptors and their fitted models, GP problems, PBQP instances): typed
// field access where every error becomes a FormatError
// "<origin>: <json.path>: <what is wrong>", so a user knows the file, the
// field and the problem. Formats add their own domain checks on top and
// report them through fail().

#include <cstdint>
#include <initializer_list>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/json/json_text.h"
#include "core/types.h"

namespace tessera::core {

// How a reader words type and presence errors. Both wordings are documented
// and tested message by message, so each format keeps its own:
//  - Field (networks, GP problems, PBQP instances): "must be a string, got an
//    integer", "is missing"; integers are named "an integer"; the document
//    itself has no path; strings over 4096 bytes "is longer than 4096 characters".
//  - Descriptor (platform descriptors): "expected a string, got a number",
//    "missing"; every number is "a number"; the document itself is
//    "document"; strings over the limit "too long (N bytes; limit L)".
enum class JsonWording { Field, Descriptor };

class JsonReader {
public:
    JsonReader(std::string origin, std::string path, JsonWording wording = JsonWording::Field)
        : m_origin(std::move(origin)), m_path(std::move(path)), m_wording(wording) {}

    // A reader for a nested value, e.g. child("layers[3]") or child("devices[0].peak_gops").
    JsonReader child(const std::string& part) const;
    // The JSON path of `key` below this reader ("layers[3].kernel"; the reader's own path for "").
    std::string pathOf(const std::string& key) const;

    // Throws FormatError "<origin>: <path.key>: <message>".
    [[noreturn]] void fail(const std::string& key, const std::string& message) const;
    // "must be <expected>, got <type of v>" (Field) or "expected <expected>, got <type of v>" (Descriptor).
    [[noreturn]] void wrongType(const std::string& key, std::string_view expected, const nlohmann::json& v) const;
    // The name of v's type as this reader's messages give it ("a string", "an integer", ...).
    std::string typeName(const nlohmann::json& v) const;

    // The member `key` of `object`, or nullptr (object must be an object).
    static const nlohmann::json* find(const nlohmann::json& object, std::string_view key);
    void expectObject(const nlohmann::json& v, const std::string& key) const;
    // Fails on the first member of `object` (at `key` below this reader) whose
    // name is not in `allowed`: "unknown key", followed by " (expected 'a', 'b')"
    // when listAllowed.
    void checkKeys(const nlohmann::json& object, const std::string& key, std::initializer_list<std::string_view> allowed,
                   bool listAllowed = false) const;
    // The member `key` of `object` ("is missing" / "missing" when absent).
    const nlohmann::json& required(const nlohmann::json& object, const std::string& key) const;
    const nlohmann::json& array(const nlohmann::json& v, const std::string& key, std::size_t minCount = 0,
                                std::size_t maxCount = std::numeric_limits<std::size_t>::max()) const;
    // A string of at most maxBytes bytes.
    std::string string(const nlohmann::json& v, const std::string& key, std::size_t maxBytes = kMaxJsonStringBytes) const;
    // The string member `key` of `object`: "" when absent and not required;
    // when required, absent or empty is an error.
    std::string stringMember(const nlohmann::json& object, const std::string& key, bool required,
                             std::size_t maxBytes = kMaxJsonStringBytes) const;
    bool boolean(const nlohmann::json& v, const std::string& key) const;
    std::int64_t integer(const nlohmann::json& v, const std::string& key,
                         std::int64_t minValue = std::numeric_limits<std::int64_t>::min(),
                         std::int64_t maxValue = std::numeric_limits<std::int64_t>::max()) const;
    std::vector<std::int64_t> integers(const nlohmann::json& v, const std::string& key, std::size_t minCount,
                                       std::size_t maxCount,
                                       std::int64_t minValue = std::numeric_limits<std::int64_t>::min(),
                                       std::int64_t maxValue = std::numeric_limits<std::int64_t>::max()) const;
    // A finite number within [minValue, maxValue].
    double number(const nlohmann::json& v, const std::string& key,
                  double minValue = -std::numeric_limits<double>::max(),
                  double maxValue = std::numeric_limits<double>::max()) const;

    const std::string& origin() const { return m_origin; }
    JsonWording wording() const { return m_wording; }

    // Longest string field any Tessera JSON format accepts.
    static constexpr std::size_t kMaxJsonStringBytes = 4096;

private:
    std::string m_origin;
    std::string m_path;
    JsonWording m_wording;
};

// %.10g: numbers quoted in messages ("must be positive, got 0.5").
std::string formatNumber(double v);

}  // namespace tessera::core
