#pragma once
// Signomial programs / generalised GPs by a sequence of GPs. Besides the GP
// part, a SignomialModel holds constraints lhs <= rhs and lhs == rhs between
// posynomials (rhs with several terms, so not GP-compatible). Two methods:
//  - SequentialGp: at each iterate, the offending posynomial sides are
//    condensed (AM-GM) into monomials around the current point, giving a GP
//    whose feasible set lies inside the original one; a log-space slack with
//    an exact penalty keeps early GPs feasible. An equality lhs == rhs becomes
//    condense(lhs) == condense(rhs) (its tangent in log space). Converges to a
//    local optimum.
//  - Penalty (method 1 of methods.md, Carballo-Hernandez et al.): each
//    equality lhs == rhs is replaced by lhs / rhs <= 1 plus the penalty
//    W / condense(lhs / rhs, reference) in the objective, W raised by a step
//    until every lhs / rhs >= satisfaction; optionally re-condensed around the
//    last solution instead of the fixed reference.

#include <string>
#include <vector>

#include "gp_model.h"
#include "gp_solver.h"

namespace tessera::solver::gp {

struct SignomialConstraint {
    std::string name;
    Posynomial lhs;
    Posynomial rhs;
    bool equality = false;
};

class SignomialModel {
public:
    GpModel& gp() { return m_gp; }  // objective and GP-compatible constraints
    const GpModel& gp() const { return m_gp; }
    // lhs <= rhs with a posynomial rhs (a signomial constraint lhs - rhs <= 0).
    void addConstraint(const std::string& name, Posynomial lhs, Posynomial rhs);
    // lhs == rhs between posynomials.
    void addEquality(const std::string& name, Posynomial lhs, Posynomial rhs);
    const std::vector<SignomialConstraint>& signomialConstraints() const { return m_constraints; }
    std::string validate() const;
    std::string toString() const;

private:
    GpModel m_gp;
    std::vector<SignomialConstraint> m_constraints;
};

enum class SgpMethod { SequentialGp, Penalty };

struct SgpOptions {
    SgpMethod method = SgpMethod::SequentialGp;
    GpOptions gp;                  // for each GP (its startPoint is managed here)
    Point start;                   // first point (and method 1's reference split); missing variables start at 1
    int maxIterations = 50;        // GPs solved, [1, 10000]
    // SequentialGp: stop when the objective changes by less than this
    // (relative) and every signomial constraint holds within it. (0, 0.1]; default 1e-7.
    double tolerance = 1e-7;
    // SequentialGp: exponent of the slack monomial multiplying the objective
    // (an exact penalty in log space). [1, 1e6]; default 100.
    double slackPenalty = 100.0;
    // Penalty: first weight W, its increment, and the ratio lhs / rhs every
    // equality must reach (methods.md: +10 until >= 0.99).
    double penaltyStart = 10.0;
    double penaltyStep = 10.0;
    double satisfaction = 0.99;
    bool recondense = false;       // Penalty: condense around the last solution instead of `start`
    // Called after each GP with the share of maxIterations used and "GP 3,
    // objective 1.25"; return false to stop (status Cancelled).
    core::ProgressCallback progress;
    std::string validate() const;
};

struct SgpResult {
    core::Status status = core::Status::NumericalFailure;  // Optimal once converged
    std::string message;
    bool converged = false;
    double objective = std::numeric_limits<double>::quiet_NaN();  // of the original objective
    Point x;
    int iterations = 0;                   // GPs solved
    std::vector<double> objectiveHistory; // original objective after each GP
    double maxViolation = 0;              // max over signomial constraints of lhs/rhs - 1 (and 1 - lhs/rhs for ==)
    double weight = 0;                    // Penalty: the final W
    GpResult lastGp;                      // the last GP's result (duals refer to it)
    double seconds = 0;
};

SgpResult solveSignomial(const SignomialModel& model, const SgpOptions& options = {});

}  // namespace tessera::solver::gp
