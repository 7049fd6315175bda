#pragma once
// A geometric program over named variables: minimise a posynomial subject to
// posynomial <= monomial constraints, monomial equalities and bounds, with
// max() of posynomials through epigraph variables. compile() turns it into
// the dense log-space arrays the interior-point solver works on.

#include <string>
#include <vector>

#include <Eigen/Core>

#include "posynomial.h"

namespace tessera::solver::gp {

enum class ConstraintSense { LessEqual, Equal };

struct GpConstraint {
    std::string name;        // unique within the model; results and diagnoses use it
    ConstraintSense sense = ConstraintSense::LessEqual;
    Posynomial lhs;          // a single monomial when sense is Equal
    Monomial rhs;            // the constant 1 for constraints given as "<= 1"
    // lhs / rhs, the form "... <= 1" or "... == 1" the solver takes.
    Posynomial normalised() const { return lhs / rhs; }
    std::string toString() const;
};

class GpModel {
public:
    void setObjective(Posynomial objective) { m_objective = std::move(objective); }
    const Posynomial& objective() const { return m_objective; }

    // lhs <= rhs.
    void addConstraint(const std::string& name, Posynomial lhs, Monomial rhs = Monomial());
    // lhs == rhs (monomials only: a posynomial equality is not a GP, see signomial.h).
    void addEquality(const std::string& name, Monomial lhs, Monomial rhs = Monomial());
    // lower <= x <= upper as the constraints "<name> >= lower" / "<name> <= upper";
    // pass lower = 0 or upper = +inf to leave a side open.
    void addBounds(const std::string& variable, double lower, double upper);
    // max(parts) as a new epigraph variable `name` with parts[k] <= name, named
    // "<name>[k]"; use the returned monomial in the objective or constraints.
    Monomial addMax(const std::string& name, const std::vector<Posynomial>& parts);

    const std::vector<GpConstraint>& constraints() const { return m_constraints; }
    // All variable names in the objective and constraints, sorted.
    std::vector<std::string> variables() const;

    // Empty when the model is well formed; otherwise one line naming the
    // offending part (empty posynomial, coefficient not positive and finite,
    // non-finite exponent, duplicate or empty constraint name, multi-term equality).
    std::string validate() const;

    // Readable math: "minimize ...\nsubject to\n  name:  lhs <= rhs\n..."
    std::string toString() const;

private:
    Posynomial m_objective;
    std::vector<GpConstraint> m_constraints;
};

// The log-space form: with y = log x, posynomial k is
// f_k(y) = log sum_{j in terms(k)} exp(exponents.row(j) * y + logCoefficients(j)),
// k = 0 the objective, k = 1..m the inequalities f_k(y) <= 0; the equalities
// are linear: equalityExponents * y + equalityLogConstants = 0.
struct CompiledGp {
    std::vector<std::string> variables;
    Eigen::MatrixXd exponents;          // terms x variables
    Eigen::VectorXd logCoefficients;    // one per term
    std::vector<int> termStart;         // posynomial k owns rows [termStart[k], termStart[k+1])
    std::vector<std::string> inequalityNames;
    Eigen::MatrixXd equalityExponents;  // equalities x variables
    Eigen::VectorXd equalityLogConstants;
    std::vector<std::string> equalityNames;

    int variableCount() const { return static_cast<int>(variables.size()); }
    int inequalityCount() const { return static_cast<int>(inequalityNames.size()); }
    int termCount() const { return static_cast<int>(logCoefficients.size()); }
};

// Requires model.validate() to be empty (throws std::invalid_argument otherwise).
CompiledGp compile(const GpModel& model);

}  // namespace tessera::solver::gp
