#pragma once
// Between the solver's method-1 partition and the partition panel's plain
// values: settings -> PartitionOptions, NetworkPartition -> PartitionResult.

#include <QString>

#include "core/platform/platform.h"
#include "solver/partition/partition.h"
#include "views/partition_data.h"

namespace tessera::gui {

// The options the panel's settings ask for (unknown names keep the defaults;
// the panel offers only valid ones).
solver::partition::PartitionOptions partitionOptions(const views::PartitionSettings& settings);

// Everything the panel shows of `partition`, computed on `platform`.
views::PartitionResult toPartitionResult(const solver::partition::NetworkPartition& partition,
                                         const core::Platform& platform);

}  // namespace tessera::gui
