#include "core/cost/flydel.h"

#include <cmath>

namespace tessera::core {

namespace {

double polynomial(const std::vector<double>& a, double x) {
    double v = 0, power = 1;
    for (double coefficient : a) {
        v += coefficient * power;
        power *= x;
    }
    return v;
}

Posynomial polynomial(const std::vector<double>& a, const Posynomial& x) {
    Posynomial sum;
    Posynomial power(1.0);
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (i > 0) power *= x;
        if (a[i] > 0) sum += a[i] * power;
    }
    return sum;
}

}  // namespace

double FlydelModel::evaluate(double hw, double c, double k, double n) const {
    const std::array<double, 4> x = {hw, c, k, n};
    double v = form == Form::Product ? 1.0 : 0.0;
    for (std::size_t f = 0; f < 4; ++f) {
        if (factors[f].empty()) continue;
        double p = polynomial(factors[f], x[f]);
        v = form == Form::Product ? v * p : v + p;
    }
    return scale * v;
}

Posynomial FlydelModel::toPosynomial(const std::array<Posynomial, 4>& features) const {
    Posynomial result = form == Form::Product ? Posynomial(scale) : Posynomial();
    for (std::size_t f = 0; f < 4; ++f) {
        if (factors[f].empty()) continue;
        Posynomial p = polynomial(factors[f], features[f]);
        if (p.empty()) continue;  // a factor of only zero coefficients is validated away on load
        if (form == Form::Product) result *= p;
        else result += scale * p;
    }
    return result;
}

}  // namespace tessera::core
