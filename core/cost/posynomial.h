#pragma once
// Monomials and posynomials over named positive variables, with exact
// algebra (like terms combined, zero exponents dropped), evaluation, AM-GM
// condensation and readable printing. Qt-free. Cost models (core) are written
// with these types and the GP engine (solver/gp) solves models made of them.

#include <map>
#include <string>
#include <vector>

namespace tessera::core {

// A point: a positive value per variable name.
using Point = std::map<std::string, double>;

// c * prod_k x_k^a_k with c > 0 (a coefficient of 0 is allowed only while
// building a Posynomial; it then disappears).
class Monomial {
public:
    Monomial() = default;  // the constant 1
    explicit Monomial(double coefficient) : m_coefficient(coefficient) {}
    Monomial(double coefficient, std::map<std::string, double> exponents);
    static Monomial variable(const std::string& name, double exponent = 1.0);

    double coefficient() const { return m_coefficient; }
    // Exponent per variable; variables with exponent 0 are absent.
    const std::map<std::string, double>& exponents() const { return m_exponents; }
    double exponent(const std::string& name) const;
    bool isConstant() const { return m_exponents.empty(); }

    // Value at a point; throws std::out_of_range naming a variable the point lacks.
    double evaluate(const Point& x) const;

    Monomial& operator*=(const Monomial& o);
    Monomial& operator/=(const Monomial& o);
    friend Monomial operator*(Monomial a, const Monomial& b) { return a *= b; }
    friend Monomial operator/(Monomial a, const Monomial& b) { return a /= b; }
    friend Monomial operator*(double c, Monomial m) { m.m_coefficient *= c; return m; }
    friend Monomial operator*(Monomial m, double c) { m.m_coefficient *= c; return m; }
    friend Monomial operator/(Monomial m, double c) { m.m_coefficient /= c; return m; }
    friend bool operator==(const Monomial&, const Monomial&) = default;

    // "3*x^2*z/y^0.5"
    std::string toString() const;

private:
    double m_coefficient = 1.0;
    std::map<std::string, double> m_exponents;
};

// Any real power of a monomial is a monomial.
Monomial pow(const Monomial& m, double exponent);

// A sum of monomials with positive coefficients; terms with equal exponents
// are merged, so the representation is canonical (terms sorted by exponents).
class Posynomial {
public:
    Posynomial() = default;  // the empty sum (only valid as an accumulator)
    Posynomial(const Monomial& m);  // NOLINT: a monomial is a one-term posynomial
    explicit Posynomial(std::vector<Monomial> terms);
    explicit Posynomial(double constant) : Posynomial(Monomial(constant)) {}

    const std::vector<Monomial>& terms() const { return m_terms; }
    std::size_t size() const { return m_terms.size(); }
    bool empty() const { return m_terms.empty(); }
    bool isMonomial() const { return m_terms.size() == 1; }
    // Variable names that appear, sorted.
    std::vector<std::string> variables() const;

    double evaluate(const Point& x) const;

    Posynomial& operator+=(const Posynomial& o);
    Posynomial& operator*=(const Posynomial& o);
    Posynomial& operator/=(const Monomial& m);
    friend Posynomial operator+(Posynomial a, const Posynomial& b) { return a += b; }
    friend Posynomial operator*(Posynomial a, const Posynomial& b) { return a *= b; }
    friend Posynomial operator/(Posynomial a, const Monomial& m) { return a /= m; }
    friend Posynomial operator*(double c, Posynomial p) { return p *= Posynomial(c); }
    friend bool operator==(const Posynomial&, const Posynomial&) = default;

    // "x*y + 2*z"
    std::string toString() const;

private:
    void normalise();
    std::vector<Monomial> m_terms;
};

// p^n by repeated multiplication (exact expansion), n >= 0.
Posynomial pow(const Posynomial& p, unsigned n);

// The AM-GM (arithmetic-geometric mean) monomial approximation of p around
// the point x0: prod_j (u_j / a_j)^(a_j) with u_j the terms and
// a_j = u_j(x0) / p(x0). It equals p at x0, has the same gradient in log
// space there, and never exceeds p anywhere; so a constraint q <= p whose p
// is replaced by its condensation becomes a GP constraint that is stricter
// than the original (an inner approximation, the basis of sequential GP).
// Throws std::invalid_argument for an empty p or a point missing a variable.
Monomial condense(const Posynomial& p, const Point& x0);

}  // namespace tessera::core
