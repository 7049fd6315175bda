#pragma once
// Primal-dual interior-point solver for geometric programs in log space
// (log-sum-exp convex form), with a phase I that finds a strictly feasible
// point or proves there is none. Monomial equalities are eliminated up front
// (they are linear in log space), so each Newton step is one LDLT of a small
// dense symmetric matrix. Outcomes are results with a status and a message,
// never exceptions.

#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include <Eigen/Core>

#include "gp_model.h"

namespace tessera::solver::gp {

enum class GpStatus {
    Optimal,
    Infeasible,
    Unbounded,         // the objective can be made arbitrarily close to 0
    IterationLimit,
    TimeLimit,
    Cancelled,         // the progress callback asked to stop
    NumericalFailure,
    InvalidInput,      // the options or the model failed validation; see message
};

// "optimal", "infeasible", "unbounded", "iteration_limit", "time_limit",
// "cancelled", "numerical_failure", "invalid_input" (the JSON contract's names).
std::string_view statusName(GpStatus status);

struct GpProgress {
    int phase = 2;             // 1: looking for a strictly feasible point; 2: optimising
    int iteration = 0;         // Newton iterations so far, both phases
    double logObjective = 0;   // phase 2: log of the objective; phase 1: the largest log constraint value
    double gap = 0;            // surrogate duality gap (log space)
    double dualResidual = 0;   // norm of the gradient of the Lagrangian
    double seconds = 0;        // since the solve started
    double step = 0;           // length of the previous Newton step (0..1; 0 before the first)
};
// Called once per Newton iteration; return false to stop (status Cancelled).
using GpProgressCallback = std::function<bool(const GpProgress&)>;

struct GpOptions {
    // Newton iterations over both phases. Range [1, 100000]; default 200.
    int maxIterations = 200;
    // Wall-clock limit in seconds, > 0; default none (infinity).
    double timeLimitSeconds = std::numeric_limits<double>::infinity();
    // Surrogate duality gap in log space at which to stop: the objective is
    // then within a factor exp(gap) of the optimum (about a relative error of
    // gap). Range [1e-14, 1e-2]; default 1e-9.
    double gapTolerance = 1e-9;
    // Tolerance on the norm of the Lagrangian gradient (log space), on the
    // consistency of monomial equalities and on phase I's verdict (log of the
    // factor by which constraints must be relaxed to become feasible).
    // Range [1e-14, 1e-2]; default 1e-8.
    double feasibilityTolerance = 1e-8;
    // An objective below this value (the problem's own units) is taken as
    // evidence that the objective can go to 0: status Unbounded. Range (0, 1e-10]; default 1e-100.
    double unboundedObjective = 1e-100;
    // Warm start: a positive value per variable (missing ones start at 1; names
    // the model lacks are ignored). It is projected onto the monomial
    // equalities; when strictly feasible, phase I is skipped.
    Point startPoint;
    // Per-iteration report; may be empty.
    GpProgressCallback progress;

    // Empty when valid; otherwise one line per violated range.
    std::string validate() const;
};

struct GpResult {
    GpStatus status = GpStatus::NumericalFailure;
    std::string message;
    // Set when status is Optimal (and, as the last iterate, for the limits).
    double objective = std::numeric_limits<double>::quiet_NaN();
    Point x;
    Eigen::VectorXd logX;        // log x in CompiledGp::variables order
    // Per constraint name: the optimal dual variable of its log-space form,
    // which is also its sensitivity d log(objective*) / d log(constant of the
    // constraint) as GPkit reports it (>= 0 for "<=", signed for "=="); a
    // constraint whose left-hand side is scaled by (1 + e) raises the optimal
    // objective by about (dual * e) * 100%. For an infeasible result, the phase
    // I duals (they sum to 1 and point at the conflicting constraints).
    std::map<std::string, double> duals;
    int iterations = 0;          // Newton iterations, both phases
    int phase1Iterations = 0;
    double seconds = 0;          // wall time of the solve
    bool optimal() const { return status == GpStatus::Optimal; }
};

class GpWorkspace;

// A solver bound to one compiled problem, keeping its workspace between
// solves: repeated solves (warm starts, benchmarks, sequential GP) allocate
// nothing inside the Newton loop.
class GpSolver {
public:
    explicit GpSolver(CompiledGp problem);
    ~GpSolver();
    GpSolver(GpSolver&&) noexcept;
    GpSolver& operator=(GpSolver&&) noexcept;

    GpResult solve(const GpOptions& options = {});
    const CompiledGp& problem() const { return m_problem; }

private:
    CompiledGp m_problem;
    std::unique_ptr<GpWorkspace> m_work;
};

// Validates the model and the options, compiles and solves.
GpResult solve(const GpModel& model, const GpOptions& options = {});

}  // namespace tessera::solver::gp
