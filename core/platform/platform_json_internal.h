#pragma once
// Internal to core's platform descriptor I/O (platform_json.cpp and
// cost_models_json.cpp); not part of the public API. The "cost_models"
// part lives in its own file to keep platform_json.cpp small.

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/cost/flydel.h"
#include "core/json/json_reader.h"
#include "core/platform/platform.h"

namespace tessera::core::platform_json {

// Whole numbers as JSON integers (exact below 2^53), others as doubles.
nlohmann::json numberToJson(double v);

// Reads a device's "cost_models" object (docs/platform-format.md) for a
// device of `kind`; `reader` stands at its JSON path ("devices[2].cost_models").
// Throws FormatError "<origin>: <path>.<field>: <what is wrong>".
DeviceCostModels readCostModels(const nlohmann::json& v, const JsonReader& reader, DeviceKind kind);
// The canonical JSON of non-empty cost models; readCostModels reads it back equal.
nlohmann::json costModelsToJson(const DeviceCostModels& models);

}  // namespace tessera::core::platform_json
