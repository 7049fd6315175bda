#include "core/outcome.h"

namespace tessera::core {

std::string_view statusName(Status status) {
    switch (status) {
    case Status::Optimal: return "optimal";
    case Status::Heuristic: return "heuristic";
    case Status::Infeasible: return "infeasible";
    case Status::Unbounded: return "unbounded";
    case Status::IterationLimit: return "iteration_limit";
    case Status::TimeLimit: return "time_limit";
    case Status::Limit: return "limit";
    case Status::Cancelled: return "cancelled";
    case Status::NumericalFailure: return "numerical_failure";
    case Status::InvalidInput: return "invalid_input";
    }
    return "numerical_failure";
}

std::optional<Status> statusFromName(std::string_view name) {
    for (int i = 0; i <= static_cast<int>(Status::InvalidInput); ++i)
        if (statusName(static_cast<Status>(i)) == name) return static_cast<Status>(i);
    return std::nullopt;
}

}  // namespace tessera::core
