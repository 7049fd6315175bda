#pragma once
// Instance generators for tests and benchmarks: chains, Inception-style
// fork/join stacks and random series-parallel graphs (all fully reducible by
// R0/RI/RII) and random general graphs (which may need RN or branching).
// Deterministic for a given seed on one standard library.

#include <cstdint>
#include <random>

#include "pbqp.h"

namespace tessera::solver::pbqp {

struct RandomCosts {
    int minLabels = 1;              // labels per node, uniform in [minLabels, maxLabels]
    int maxLabels = 4;
    double infProbability = 0;      // chance that a cost entry is "inf"
    bool integerCosts = true;       // integers 0..9 (exact sums, many ties) or reals in [0, 10)
};

// A path of `nodes` nodes.
Problem chainProblem(int nodes, const RandomCosts& costs, std::mt19937_64& rng);
// A stem chain followed by Inception-like modules (a fork node, four branches
// of one to three layers, one of them splitting again into two parallel
// layers, all joined by a concat node) until about `nodes` nodes.
Problem inceptionProblem(int nodes, const RandomCosts& costs, std::mt19937_64& rng);
// A two-terminal series-parallel graph of about `edges` edges built by random
// series and parallel composition (parallel edges included, edge directions
// random), optionally as two disconnected components.
Problem randomSeriesParallel(int edges, const RandomCosts& costs, std::mt19937_64& rng, bool twoComponents = false);
// An Erdos-Renyi graph G(nodes, edgeProbability).
Problem randomGraph(int nodes, double edgeProbability, const RandomCosts& costs, std::mt19937_64& rng);

}  // namespace tessera::solver::pbqp
