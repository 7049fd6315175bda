#pragma once
// Validating JSON reading for Tessera's file formats: every error becomes a
// FormatError "<origin>: <path>.<key>: <what is wrong>", so a user knows the
// file, the field and the problem. Shared by every JSON format in core.

#include <cstdint>
#include <filesystem>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/types.h"

namespace tessera::core {

class JsonReader {
public:
    JsonReader(std::string origin, std::string path) : m_origin(std::move(origin)), m_path(std::move(path)) {}

    // A reader for a nested object, e.g. child("layers[3]").
    JsonReader child(const std::string& part) const;

    [[noreturn]] void fail(const std::string& key, const std::string& message) const;

    void expectObject(const nlohmann::json& v, const std::string& key) const;
    const nlohmann::json& required(const nlohmann::json& object, const std::string& key) const;
    const nlohmann::json& array(const nlohmann::json& v, const std::string& key, std::size_t minCount = 0,
                                std::size_t maxCount = std::numeric_limits<std::size_t>::max()) const;
    std::string string(const nlohmann::json& v, const std::string& key) const;
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

private:
    std::string where(const std::string& key) const;
    std::string m_origin;
    std::string m_path;
};

// Deepest nesting of arrays and objects any Tessera JSON file may have.
inline constexpr std::size_t kMaxJsonDepth = 64;

// Parses JSON text strictly: a syntax error names the origin and the byte
// position; a duplicate key, nesting deeper than kMaxJsonDepth or a number out
// of range names the origin and the JSON path.
nlohmann::json parseJsonText(std::string_view text, std::string_view origin);
// Reads a whole file, refusing files over maxBytes; errors name the file.
std::string readTextFile(const std::filesystem::path& path, std::uintmax_t maxBytes);
void writeTextFile(const std::filesystem::path& path, const std::string& text);

// FNV-1a 64-bit hash of a document's canonical dump (sorted keys, compact),
// as 16 lowercase hex digits: the reproducibility hashes of platforms and networks.
std::string canonicalHash(const nlohmann::json& doc);

}  // namespace tessera::core
