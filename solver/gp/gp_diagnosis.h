#pragma once
// Infeasibility diagnosis, GPkit style: the smallest relaxation that makes a
// GP feasible. Each constraint i gets a slack s_i >= 1 (lhs <= s_i * rhs;
// both directions of an equality share one), and the product of the slacks is
// minimised; the constraints whose slack exceeds 1 are the ones to relax, by
// that factor, in the model's own names.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "gp_model.h"
#include "gp_solver.h"

namespace tessera::solver::gp {

struct ConstraintRelaxation {
    std::string name;
    double factor = 1.0;   // the constraint holds once its right-hand side is multiplied by this (> 1)
};

struct InfeasibilityDiagnosis {
    core::Status status = core::Status::NumericalFailure;  // of the relaxation solve (Optimal when it worked)
    std::string message;
    std::vector<ConstraintRelaxation> relaxed;     // largest factor first; only factors > 1 + tolerance
    double totalFactor = 1.0;                      // product of all slacks (the minimised objective)
    Point x;                                       // the least-relaxed point
    std::string toString() const;
};

// Solves the relaxed problem (always feasible). `relaxedTolerance`: slacks
// below 1 + relaxedTolerance count as not relaxed.
InfeasibilityDiagnosis diagnoseInfeasibility(const GpModel& model, const GpOptions& options = {},
                                             double relaxedTolerance = 1e-6);

nlohmann::json diagnosisToJson(const InfeasibilityDiagnosis& d);

}  // namespace tessera::solver::gp
