#pragma once
// Method-1 GP partitioning as an exploration strategy ("partition"): its
// option schema (the names of `tessera-cli partition`), and the conversion
// of a NetworkPartition into whole-network design points:
//  - the optimum (objective latency or energy), or for objective pareto the
//    network's own latency-energy front: the exact combination of the
//    per-layer fronts (layers run one after another, so a network point is a
//    sum of one point per layer: their Minkowski sum, pruned to the
//    non-dominated points), each with its per-layer choices;
//  - the baselines: the balanced split and each device alone.

#include <string>

#include "solver/explore/strategy.h"
#include "solver/partition/partition.h"

namespace tessera::solver::partition {

const explore::Strategy& partitionStrategy();

// PartitionOptions from values the schema accepted; the problem (naming the
// option) when a list option ("fix", "budget") does not parse.
std::string optionsFromValues(const core::OptionValues& values, PartitionOptions& out);

// The design points of a partition (appended to out.points), its status and message.
void toExploration(const core::Network& network, const NetworkPartition& partition, core::Exploration& out);

}  // namespace tessera::solver::partition
