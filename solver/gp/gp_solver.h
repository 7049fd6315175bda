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

#include "core/outcome.h"
#include "gp_model.h"

namespace tessera::solver::gp {

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
    // Called once per Newton iteration (both phases) with an estimate of the
    // fraction done (0 in phase I; in phase II the share of the way, in log
    // scale, from the first duality gap to gapTolerance) and "phase 2,
    // iteration 12, gap 3.1e-05"; return false to stop (status Cancelled).
    core::ProgressCallback progress;

    // Empty when valid; otherwise one line per violated range.
    std::string validate() const;
};

struct GpResult {
    core::Status status = core::Status::NumericalFailure;
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
    bool optimal() const { return status == core::Status::Optimal; }
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
