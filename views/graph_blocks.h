#pragma once
// Repeated blocks of a network found from its layer names, and the graph the
// view draws when some of them are collapsed into one box each, so that a
// network of hundreds of layers (Inception-V4: 494) has a readable overview.
//
// Names are split at '.', '/' and '_' ("features.3.conv.0" is features, 3,
// conv, 0). A block is a run of consecutive layers (in the network's
// topological order) whose names share their first d segments, d = 1, 2, ...;
// blocks nest ("features" holds "features.3", which holds "features.3.conv").
// Because a block is a run of the topological order, collapsing any set of
// blocks leaves an acyclic graph.
//
// Everything here is plain computation over the network: it may run in a job
// thread, like buildNetworkSnapshot, and layoutDisplayGraph serialises its
// Graphviz calls as layoutGraph does.

#include <string>
#include <utility>
#include <vector>

#include "views/graph_layout.h"
#include "views/network_snapshot.h"
#include "views/op_style.h"

namespace tessera::views {

struct LayerBlock {
    std::string prefix;         // the layers' common name prefix, "features.3"
    int first = 0;              // first layer index
    int last = 0;               // last layer index (inclusive)
    int parent = -1;            // enclosing block, -1 at the top
    std::vector<int> children;  // nested blocks, in layer order
    int layerCount() const { return last - first + 1; }
    bool contains(int layer) const { return layer >= first && layer <= last; }
};

// Blocks with at least two layers; a block that would hold nothing but one
// block covering all its layers is merged with it (keeping the shorter name).
struct BlockTree {
    std::vector<LayerBlock> blocks;  // parents before their children
    bool empty() const { return blocks.empty(); }
};

BlockTree findBlocks(const core::Network& network);

// A box of the displayed graph: one layer or one collapsed block.
struct DisplayNode {
    int layer = -1;  // the layer shown, or -1 for a block
    int block = -1;  // the block shown, or -1 for a layer
};

struct DisplayGraph {
    std::vector<DisplayNode> nodes;          // in the order of their first layer
    std::vector<int> nodeOfLayer;            // the node that shows each layer
    std::vector<std::pair<int, int>> edges;  // between nodes, deduplicated, in dependency order
    // True when every node is one layer (node i shows layer i): the
    // snapshot's own layout applies.
    bool showsEveryLayer() const;
};

// `expanded[b]`: block b shows what it contains (its sub-blocks and
// layers) instead of one box. A block inside a collapsed one is hidden
// whatever its flag. `dependencies` as in NetworkSnapshot.
DisplayGraph displayGraph(const BlockTree& tree, const std::vector<bool>& expanded, std::size_t layerCount,
                          const std::vector<std::pair<int, int>>& dependencies);

// The expansion of a readable overview: every top-level block collapsed,
// then the biggest collapsed block expanded while the graph shows fewer than
// `minNodes` boxes (Inception-V4: its "features" opened into 22 stages).
std::vector<bool> overviewExpansion(const BlockTree& tree, std::size_t layerCount, int minNodes = 6);

// The text of a block's box: its prefix, "n layers", the last layer's output shape.
NodeLabel blockLabel(const core::Network& network, const LayerBlock& block);
// A block's box holds one line, "features.5 · 20 layers" (the shape is in
// its tooltip), so that an overview of a few dozen blocks stays readable
// when fitted into the view.
QSizeF blockNodeSize(const NodeLabel& label);
// Gap between ranks in collapsed layouts, points: tighter than a layer
// graph's, for the same reason.
inline constexpr double kCollapsedRankSepPt = 18;

// Graphviz layout of a display graph (node i of the result is node i of
// `graph`), boxes sized like the view draws them.
GraphLayout layoutDisplayGraph(const core::Network& network, const BlockTree& tree, const DisplayGraph& graph);

}  // namespace tessera::views
