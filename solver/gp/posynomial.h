#pragma once
// The GP engine models with core's posynomial algebra (core/cost/posynomial.h):
// cost models in core are posynomials of the same types, so a model built
// there goes into a GpModel unchanged.

#include "core/cost/posynomial.h"

namespace tessera::solver::gp {

using core::condense;
using core::Monomial;
using core::Point;
using core::Posynomial;
using core::pow;

}  // namespace tessera::solver::gp
