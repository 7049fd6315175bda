#include "core/cost/posynomial.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>

namespace tessera::core {

namespace {

std::string number(double v) {
    std::ostringstream s;
    s.precision(12);
    s << v;
    return s.str();
}

double lookup(const Point& x, const std::string& name) {
    auto it = x.find(name);
    if (it == x.end()) throw std::out_of_range("no value for variable '" + name + "'");
    return it->second;
}

}  // namespace

Monomial::Monomial(double coefficient, std::map<std::string, double> exponents)
    : m_coefficient(coefficient), m_exponents(std::move(exponents)) {
    std::erase_if(m_exponents, [](const auto& kv) { return kv.second == 0.0; });
}

Monomial Monomial::variable(const std::string& name, double exponent) { return Monomial(1.0, {{name, exponent}}); }

double Monomial::exponent(const std::string& name) const {
    auto it = m_exponents.find(name);
    return it == m_exponents.end() ? 0.0 : it->second;
}

double Monomial::evaluate(const Point& x) const {
    double v = m_coefficient;
    for (const auto& [name, a] : m_exponents) v *= std::pow(lookup(x, name), a);
    return v;
}

Monomial& Monomial::operator*=(const Monomial& o) {
    m_coefficient *= o.m_coefficient;
    for (const auto& [name, a] : o.m_exponents) {
        const double e = (m_exponents[name] += a);
        if (e == 0.0) m_exponents.erase(name);
    }
    return *this;
}

Monomial& Monomial::operator/=(const Monomial& o) { return *this *= pow(o, -1.0); }

Monomial pow(const Monomial& m, double exponent) {
    std::map<std::string, double> e;
    for (const auto& [name, a] : m.exponents()) e[name] = a * exponent;
    return Monomial(std::pow(m.coefficient(), exponent), std::move(e));
}

std::string Monomial::toString() const {
    std::string num, den;
    auto factor = [](const std::string& name, double a) { return a == 1.0 ? name : name + "^" + number(a); };
    for (const auto& [name, a] : m_exponents) {
        if (a > 0) num += (num.empty() ? "" : "*") + factor(name, a);
        else den += "/" + factor(name, -a);
    }
    if (num.empty()) return number(m_coefficient) + den;
    if (m_coefficient == 1.0) return num + den;
    return number(m_coefficient) + "*" + num + den;
}

Posynomial::Posynomial(const Monomial& m) : m_terms{m} { normalise(); }

Posynomial::Posynomial(std::vector<Monomial> terms) : m_terms(std::move(terms)) { normalise(); }

void Posynomial::normalise() {
    std::sort(m_terms.begin(), m_terms.end(),
              [](const Monomial& a, const Monomial& b) { return a.exponents() < b.exponents(); });
    std::vector<Monomial> merged;
    merged.reserve(m_terms.size());
    for (auto& t : m_terms) {
        if (!merged.empty() && merged.back().exponents() == t.exponents())
            merged.back() = Monomial(merged.back().coefficient() + t.coefficient(), t.exponents());
        else merged.push_back(std::move(t));
    }
    std::erase_if(merged, [](const Monomial& m) { return m.coefficient() == 0.0; });
    m_terms = std::move(merged);
}

std::vector<std::string> Posynomial::variables() const {
    std::vector<std::string> names;
    for (const auto& t : m_terms)
        for (const auto& kv : t.exponents()) names.push_back(kv.first);
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

double Posynomial::evaluate(const Point& x) const {
    double v = 0.0;
    for (const auto& t : m_terms) v += t.evaluate(x);
    return v;
}

Posynomial& Posynomial::operator+=(const Posynomial& o) {
    m_terms.insert(m_terms.end(), o.m_terms.begin(), o.m_terms.end());
    normalise();
    return *this;
}

Posynomial& Posynomial::operator*=(const Posynomial& o) {
    std::vector<Monomial> product;
    product.reserve(m_terms.size() * o.m_terms.size());
    for (const auto& a : m_terms)
        for (const auto& b : o.m_terms) product.push_back(a * b);
    m_terms = std::move(product);
    normalise();
    return *this;
}

Posynomial& Posynomial::operator/=(const Monomial& m) {
    const Monomial inv = pow(m, -1.0);
    for (auto& t : m_terms) t *= inv;
    normalise();
    return *this;
}

std::string Posynomial::toString() const {
    if (m_terms.empty()) return "0";
    std::string s;
    for (const auto& t : m_terms) s += (s.empty() ? "" : " + ") + t.toString();
    return s;
}

Posynomial pow(const Posynomial& p, unsigned n) {
    Posynomial result(1.0);
    for (unsigned i = 0; i < n; ++i) result *= p;
    return result;
}

Monomial condense(const Posynomial& p, const Point& x0) {
    if (p.empty()) throw std::invalid_argument("cannot condense an empty posynomial");
    std::vector<double> values;
    double total = 0.0;
    for (const auto& t : p.terms()) total += values.emplace_back(t.evaluate(x0));
    if (!(total > 0.0) || !std::isfinite(total)) throw std::invalid_argument("posynomial is not positive and finite at the point");
    Monomial result;
    for (std::size_t j = 0; j < values.size(); ++j) {
        const double a = values[j] / total;
        if (a <= 0.0) continue;  // an underflowed term contributes nothing to first order
        result *= pow(p.terms()[j] / a, a);
    }
    return result;
}

}  // namespace tessera::core
