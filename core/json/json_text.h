#pragma once
// JSON text and files: strict parsing (duplicate keys, depth and number
// overflow named by JSON path), bounded file reading, atomic writing, and the
// canonical hash that identifies a network or platform document.

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace tessera::core {

// Deepest nesting of arrays and objects any Tessera JSON file may have.
inline constexpr std::size_t kMaxJsonDepth = 64;

// Parses JSON text strictly: a syntax error names the origin and the byte
// position; a duplicate key, nesting deeper than kMaxJsonDepth or a number out
// of range names the origin and the JSON path. Throws FormatError.
nlohmann::json parseJsonText(std::string_view text, std::string_view origin);
// Reads a whole file, refusing files over maxBytes; errors name the file.
std::string readTextFile(const std::filesystem::path& path, std::uintmax_t maxBytes);
// Writes beside the target and renames, so a failure never destroys an existing file.
void writeTextFile(const std::filesystem::path& path, const std::string& text);

// FNV-1a 64-bit hash of a document's canonical dump (sorted keys, compact),
// as 16 lowercase hex digits: the reproducibility hashes of platforms and networks.
std::string canonicalHash(const nlohmann::json& doc);

}  // namespace tessera::core
