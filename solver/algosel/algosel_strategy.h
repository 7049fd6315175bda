#pragma once
// DYNAMAP algorithm selection as an exploration strategy ("algosel"): the
// proven-optimal mixed mapping on the platform's overlay (or on a P1 x P2 of
// the options), the three single-algorithm baselines, and with `sweep` one
// point per overlay size under the DSP budget. Latency only: the overlay
// model has no energy, so energy is absent (NaN) and the front is by latency.

#include "solver/explore/strategy.h"

namespace tessera::solver::algosel {

const explore::Strategy& algoselStrategy();

}  // namespace tessera::solver::algosel
