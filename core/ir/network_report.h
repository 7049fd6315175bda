#pragma once
// The machine-readable summary of a network (what `tessera-cli network show
// --json` prints): every layer with name, op, shapes, kernel, stride, groups,
// MACs and parameters, and the totals. A stable contract for scripts.

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/ir/metrics.h"
#include "core/ir/network.h"

namespace tessera::core {

nlohmann::json networkReportJson(const Network& net, const NetworkMetrics& metrics,
                                 const std::vector<std::string>& warnings = {});

// "1x3x224x224" -> {1, 3, 224, 224}; nullopt when malformed or out of limits.
std::optional<Shape> parseShape(std::string_view text);

}  // namespace tessera::core
