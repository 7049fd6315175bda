#include "gp_model.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

namespace tessera::solver::gp {

namespace {

std::string checkPosynomial(const Posynomial& p) {
    if (p.empty()) return "is an empty posynomial";
    for (const auto& t : p.terms()) {
        if (!(t.coefficient() > 0.0) || !std::isfinite(t.coefficient())) {
            std::ostringstream s;
            s << "has coefficient " << t.coefficient() << " (coefficients must be positive and finite)";
            return s.str();
        }
        for (const auto& [name, a] : t.exponents()) {
            if (!std::isfinite(a)) return "has a non-finite exponent of '" + name + "'";
            if (name.empty()) return "has a variable with an empty name";
        }
    }
    return {};
}

std::string number(double v) {
    std::ostringstream s;
    s.precision(12);
    s << v;
    return s.str();
}

}  // namespace

std::string GpConstraint::toString() const {
    return lhs.toString() + (sense == ConstraintSense::Equal ? " == " : " <= ") + rhs.toString();
}

void GpModel::addConstraint(const std::string& name, Posynomial lhs, Monomial rhs) {
    m_constraints.push_back({name, ConstraintSense::LessEqual, std::move(lhs), std::move(rhs)});
}

void GpModel::addEquality(const std::string& name, Monomial lhs, Monomial rhs) {
    m_constraints.push_back({name, ConstraintSense::Equal, Posynomial(lhs), std::move(rhs)});
}

void GpModel::addBounds(const std::string& variable, double lower, double upper) {
    const Monomial x = Monomial::variable(variable);
    if (lower > 0.0) addConstraint(variable + " >= " + number(lower), Posynomial(Monomial(lower)), x);
    if (upper < std::numeric_limits<double>::infinity()) addConstraint(variable + " <= " + number(upper), Posynomial(x), Monomial(upper));
}

Monomial GpModel::addMax(const std::string& name, const std::vector<Posynomial>& parts) {
    const Monomial t = Monomial::variable(name);
    for (std::size_t k = 0; k < parts.size(); ++k) addConstraint(name + "[" + std::to_string(k) + "]", parts[k], t);
    return t;
}

std::vector<std::string> GpModel::variables() const {
    std::set<std::string> names;
    for (const auto& v : m_objective.variables()) names.insert(v);
    for (const auto& c : m_constraints) {
        for (const auto& v : c.lhs.variables()) names.insert(v);
        for (const auto& kv : c.rhs.exponents()) names.insert(kv.first);
    }
    return {names.begin(), names.end()};
}

std::string GpModel::validate() const {
    if (auto e = checkPosynomial(m_objective); !e.empty()) return "objective " + e;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < m_constraints.size(); ++i) {
        const auto& c = m_constraints[i];
        const std::string label = "constraint '" + c.name + "'";
        if (c.name.empty()) return "constraint #" + std::to_string(i) + " has an empty name";
        if (!seen.insert(c.name).second) return "constraint name '" + c.name + "' is used twice";
        if (auto e = checkPosynomial(c.lhs); !e.empty()) return label + ": left-hand side " + e;
        if (auto e = checkPosynomial(Posynomial(c.rhs)); !e.empty()) return label + ": right-hand side " + e;
        if (c.sense == ConstraintSense::Equal && !c.lhs.isMonomial())
            return label + ": an equality needs a single monomial, got " + std::to_string(c.lhs.size()) + " terms";
    }
    return {};
}

std::string GpModel::toString() const {
    std::string s = "minimize  " + m_objective.toString() + "\n";
    if (m_constraints.empty()) return s;
    s += "subject to\n";
    std::size_t width = 0;
    for (const auto& c : m_constraints) width = std::max(width, c.name.size());
    for (const auto& c : m_constraints) s += "  " + c.name + ":" + std::string(width - c.name.size() + 2, ' ') + c.toString() + "\n";
    return s;
}

CompiledGp compile(const GpModel& model) {
    if (auto e = model.validate(); !e.empty()) throw std::invalid_argument(e);
    CompiledGp gp;
    gp.variables = model.variables();
    std::map<std::string, int> index;
    for (std::size_t i = 0; i < gp.variables.size(); ++i) index[gp.variables[i]] = static_cast<int>(i);
    const int n = static_cast<int>(gp.variables.size());

    std::vector<Posynomial> posys{model.objective()};
    std::vector<Monomial> equalities;
    for (const auto& c : model.constraints()) {
        if (c.sense == ConstraintSense::Equal) {
            equalities.push_back(c.lhs.terms().front() / c.rhs);
            gp.equalityNames.push_back(c.name);
        } else {
            posys.push_back(c.normalised());
            gp.inequalityNames.push_back(c.name);
        }
    }
    int terms = 0;
    for (const auto& p : posys) terms += static_cast<int>(p.size());
    gp.exponents = Eigen::MatrixXd::Zero(terms, n);
    gp.logCoefficients.resize(terms);
    int row = 0;
    for (const auto& p : posys) {
        gp.termStart.push_back(row);
        for (const auto& t : p.terms()) {
            gp.logCoefficients(row) = std::log(t.coefficient());
            for (const auto& [name, a] : t.exponents()) gp.exponents(row, index.at(name)) = a;
            ++row;
        }
    }
    gp.termStart.push_back(row);
    const int p = static_cast<int>(equalities.size());
    gp.equalityExponents = Eigen::MatrixXd::Zero(p, n);
    gp.equalityLogConstants.resize(p);
    for (int i = 0; i < p; ++i) {
        gp.equalityLogConstants(i) = std::log(equalities[static_cast<std::size_t>(i)].coefficient());
        for (const auto& [name, a] : equalities[static_cast<std::size_t>(i)].exponents()) gp.equalityExponents(i, index.at(name)) = a;
    }
    return gp;
}

}  // namespace tessera::solver::gp
