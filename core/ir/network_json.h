#pragma once
// Tessera network files (JSON, "format": "tessera-network", schema_version 1).
// See docs/network-format.md for the schema.

#include <filesystem>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "core/ir/network.h"

namespace tessera::core {

inline constexpr int kNetworkSchemaVersion = 1;
inline constexpr std::uintmax_t kMaxNetworkFileBytes = 256u << 20;

// Parses and analyses a network; throws FormatError naming `origin` (a file
// name or "zoo:<name>"), the field and what is wrong.
Network networkFromJson(const nlohmann::json& doc, std::string_view origin);
Network networkFromJsonText(std::string_view text, std::string_view origin);
Network loadNetworkFile(const std::filesystem::path& path);

nlohmann::json networkToJson(const Network& net);
void saveNetworkFile(const Network& net, const std::filesystem::path& path);

}  // namespace tessera::core
