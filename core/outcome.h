#pragma once
// How long work ends and how it reports on the way: the one convention of
// every solver and strategy (GP, PBQP, partition, algosel, the explorations
// to come). Outcomes are results, never exceptions: a result carries a
// Status and a human-readable message, and invalid options or an impossible
// set-up (a network without a convolution for DYNAMAP, a platform without
// an overlay) are Status::InvalidInput with a message naming the option.
// Exceptions are kept for I/O edges (core::FormatError when a file is read).

#include <functional>
#include <optional>
#include <string_view>

namespace tessera::core {

enum class Status {
    Optimal,           // proven optimal (or, for a sweep, every point solved exactly)
    Heuristic,         // a feasible answer that is not proven optimal
    Infeasible,        // proven: nothing satisfies the constraints
    Unbounded,         // the objective can be made arbitrarily close to 0 (GP)
    IterationLimit,    // the iteration budget ran out; the last iterate is returned
    TimeLimit,         // the wall-clock budget ran out
    Limit,             // a search budget (nodes, assignments) ran out; the best found is returned
    Cancelled,         // the progress callback asked to stop; what was done is returned
    NumericalFailure,  // the method broke down numerically
    InvalidInput,      // the options or the set-up cannot be solved as given; see the message
};

// The names of the JSON contracts: "optimal", "heuristic", "infeasible",
// "unbounded", "iteration_limit", "time_limit", "limit", "cancelled",
// "numerical_failure", "invalid_input".
std::string_view statusName(Status status);
// The inverse of statusName; nullopt for an unknown name.
std::optional<Status> statusFromName(std::string_view name);

// Called now and then during long work with the fraction done, in [0, 1], and
// what is being done ("conv3 (4 of 20)"); return false to stop, and the work
// ends with Status::Cancelled. May be empty.
using ProgressCallback = std::function<bool(double fraction, std::string_view message)>;

}  // namespace tessera::core
