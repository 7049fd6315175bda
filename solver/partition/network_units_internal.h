#pragma once
// Internal to solver/partition: how partitionNetwork turns a network into
// units (network_partition.cpp), shared with point editing
// (partition_edit.cpp) so that an edited layer is costed as the same unit
// the optimiser solved.

#include <string>
#include <vector>

#include "unit_model_internal.h"

namespace tessera::solver::partition::detail {

// The op of layer `id`: a compute op for a convolution, the row kernel and
// stride of a pooling layer, a pass-through otherwise.
ChainOp chainOp(const core::Network& net, core::LayerId id);
// The ops from conv `from` to the next conv along a path where every layer
// has one consumer that reads only it and every op is fusable; empty if none.
std::vector<ChainOp> pathToNextConv(const core::Network& net, core::LayerId from);
// The single-layer methods a layer allows (its cut must have 2 units or more).
std::vector<Method> offered(const core::ConvView& v);
// One layer cut by `method` (GroupedChannels, GroupedFilters or Tiling).
UnitSpec singleSpec(const core::Network& net, const core::ConvView& v, Method method);
// The devices, their cost models, links and budgets for options that
// validate(); `note` gains a line per device that cannot take a share.
Context makeContext(const core::Platform& platform, const PartitionOptions& o, std::string& note);

}  // namespace tessera::solver::partition::detail
