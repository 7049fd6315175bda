#pragma once
// Internal to core's platform descriptor I/O (platform_json.cpp and
// cost_models_json.cpp); not part of the public API. The "cost_models"
// part lives in its own file to keep platform_json.cpp small.

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/cost/flydel.h"
#include "core/platform/platform.h"

namespace tessera::core::platform_json {

// "a number", "a string", ... for "expected X, got Y" messages.
std::string typeName(const nlohmann::json& v);
// %.10g, for values quoted in messages.
std::string formatNumber(double v);
// Whole numbers as JSON integers (exact below 2^53), others as doubles.
nlohmann::json numberToJson(double v);

// Reads a device's "cost_models" object (docs/platform-format.md) at JSON
// path `path` ("devices[2].cost_models") for a device of `kind`.
// Throws FormatError "<origin>: <path>.<field>: <what is wrong>".
DeviceCostModels readCostModels(const nlohmann::json& v, const std::string& path, DeviceKind kind,
                                std::string_view origin);
// The canonical JSON of non-empty cost models; readCostModels reads it back equal.
nlohmann::json costModelsToJson(const DeviceCostModels& models);

}  // namespace tessera::core::platform_json
