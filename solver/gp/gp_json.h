#pragma once
// The GP problem and solution JSON formats of architecture.md ("GP problem
// (JSON)"). Reading validates strictly: unknown keys, non-positive or
// non-finite coefficients, empty posynomials and "==" on a multi-term
// posynomial are FormatErrors naming the file, the constraint and the field.

#include <filesystem>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "gp_model.h"
#include "gp_solver.h"

namespace tessera::solver::gp {

// Largest problem file read (bytes).
inline constexpr std::uintmax_t kMaxGpFileBytes = 64u << 20;

GpModel gpProblemFromJson(const nlohmann::json& doc, const std::string& origin);
GpModel readGpProblemFile(const std::filesystem::path& path);
nlohmann::json gpProblemToJson(const GpModel& model);

// {"status", "message", "objective", "x", "duals", "iterations", "seconds"};
// objective and x only when the status is optimal.
nlohmann::json gpResultToJson(const GpResult& result);

}  // namespace tessera::solver::gp
