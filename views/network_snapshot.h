#pragma once
// An opened network with everything the views show about it, computed once
// (in a job thread) and then shared read-only between the views.

#include <QString>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/ir/metrics.h"
#include "core/ir/network.h"
#include "views/graph_layout.h"

namespace tessera::views {

struct NetworkSnapshot {
    QString spec;                  // what was opened: a zoo name or a file path
    core::Network network;         // analysed
    core::NetworkMetrics metrics;  // metrics.layers indexed by LayerId
    std::string hash;              // canonicalHash of the network's JSON (ExplorationInputs::networkHash)
    // One dependency per (producer, consumer) pair of layers, deduplicated,
    // in the order of GraphLayout::edges.
    std::vector<std::pair<int, int>> dependencies;
    GraphLayout layout;            // node i = layer i
    double metricsSeconds = 0;     // wall time of networkMetrics()
    double layoutSeconds = 0;      // wall time of the dot layout (Graphviz only)
    double labelSeconds = 0;       // wall time of measuring node labels
};

using NetworkSnapshotPtr = std::shared_ptr<const NetworkSnapshot>;

// Progress hook: percent in [0, 100] and a message; return false to stop.
using SnapshotProgress = std::function<bool(int percent, const QString& message)>;

// Analyses `network` when needed, computes metrics and the graph layout.
// Returns nullptr when `progress` asked to stop. Throws core::FormatError
// when the network does not analyse (the message names the layer at fault).
NetworkSnapshotPtr buildNetworkSnapshot(core::Network network, const QString& spec,
                                        const SnapshotProgress& progress = {});

// The dependencies of an analysed network: (predecessor, layer) for each
// layer's deduplicated predecessors, in topological order.
std::vector<std::pair<int, int>> layerDependencies(const core::Network& network);

}  // namespace tessera::views
