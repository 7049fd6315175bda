#include "views/graph_blocks.h"

#include <QFontMetricsF>
#include <QString>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_set>

namespace tessera::views {
namespace {

bool isSeparator(char c) { return c == '.' || c == '/' || c == '_'; }

// Where each non-empty segment of `name` ends: "features.3.conv" -> 8, 10, 15.
std::vector<std::size_t> segmentEnds(const std::string& name) {
    std::vector<std::size_t> ends;
    bool inSegment = false;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const bool sep = isSeparator(name[i]);
        if (sep && inSegment) ends.push_back(i);
        inSegment = !sep;
    }
    if (inSegment) ends.push_back(name.size());
    return ends;
}

class BlockFinder {
public:
    explicit BlockFinder(const core::Network& network) {
        const std::size_t n = network.layerCount();
        m_names.reserve(n);
        m_ends.reserve(n);
        for (std::size_t i = 0; i < n; ++i) {
            m_names.push_back(network.layer(core::LayerId{static_cast<int>(i)}).name);
            m_ends.push_back(segmentEnds(m_names.back()));
        }
    }

    BlockTree run() {
        if (!m_names.empty()) build(0, static_cast<int>(m_names.size()) - 1, 1, -1);
        return std::move(m_tree);
    }

private:
    // The first `depth` segments of layer i's name; empty when the name has
    // no more than `depth` segments (the layer is a leaf at this depth).
    std::string_view key(int layer, std::size_t depth) const {
        const auto& ends = m_ends[static_cast<std::size_t>(layer)];
        if (ends.size() <= depth) return {};
        return std::string_view(m_names[static_cast<std::size_t>(layer)]).substr(0, ends[depth - 1]);
    }

    bool sameKeyThroughout(int first, int last, std::size_t depth) const {
        const std::string_view k = key(first, depth);
        if (k.empty()) return false;
        for (int i = first + 1; i <= last; ++i)
            if (key(i, depth) != k) return false;
        return true;
    }

    // Blocks of layers [lo, hi] at `depth` and below; returns the direct ones.
    std::vector<int> build(int lo, int hi, std::size_t depth, int parent) {
        std::vector<int> direct;
        for (int i = lo; i <= hi;) {
            const std::string_view k = key(i, depth);
            int j = i;
            if (!k.empty())
                while (j < hi && key(j + 1, depth) == k) ++j;
            if (j > i) {
                const int index = static_cast<int>(m_tree.blocks.size());
                m_tree.blocks.push_back({std::string(k), i, j, parent, {}});
                // A level that would only repeat this block ("features.1"
                // holding only "features.1.conv") is skipped.
                std::size_t inner = depth + 1;
                while (sameKeyThroughout(i, j, inner)) ++inner;
                std::vector<int> children = build(i, j, inner, index);
                m_tree.blocks[static_cast<std::size_t>(index)].children = std::move(children);
                direct.push_back(index);
            }
            i = j + 1;
        }
        return direct;
    }

    std::vector<std::string> m_names;
    std::vector<std::vector<std::size_t>> m_ends;
    BlockTree m_tree;
};

bool isExpanded(const std::vector<bool>& expanded, int block) {
    return block >= 0 && static_cast<std::size_t>(block) < expanded.size() && expanded[static_cast<std::size_t>(block)];
}

}  // namespace

BlockTree findBlocks(const core::Network& network) { return BlockFinder(network).run(); }

bool DisplayGraph::showsEveryLayer() const {
    if (nodes.size() != nodeOfLayer.size()) return false;
    return std::all_of(nodes.begin(), nodes.end(), [](const DisplayNode& n) { return n.block < 0; });
}

DisplayGraph displayGraph(const BlockTree& tree, const std::vector<bool>& expanded, std::size_t layerCount,
                          const std::vector<std::pair<int, int>>& dependencies) {
    // The collapsed block showing each layer, -1 where the layer shows itself.
    std::vector<int> shownBlock(layerCount, -1);
    auto assign = [&](auto&& self, int b) -> void {
        const LayerBlock& block = tree.blocks[static_cast<std::size_t>(b)];
        if (!isExpanded(expanded, b)) {
            for (int l = block.first; l <= block.last && static_cast<std::size_t>(l) < layerCount; ++l)
                shownBlock[static_cast<std::size_t>(l)] = b;
            return;
        }
        for (int child : block.children) self(self, child);
    };
    for (std::size_t b = 0; b < tree.blocks.size(); ++b)
        if (tree.blocks[b].parent < 0) assign(assign, static_cast<int>(b));

    DisplayGraph graph;
    graph.nodeOfLayer.resize(layerCount, -1);
    for (std::size_t l = 0; l < layerCount; ++l) {
        const int block = shownBlock[l];
        // A block's layers are consecutive: it continues the last node or starts one.
        if (block < 0 || graph.nodes.empty() || graph.nodes.back().block != block)
            graph.nodes.push_back(block < 0 ? DisplayNode{static_cast<int>(l), -1} : DisplayNode{-1, block});
        graph.nodeOfLayer[l] = static_cast<int>(graph.nodes.size()) - 1;
    }
    std::unordered_set<std::uint64_t> seen;
    for (const auto& [from, to] : dependencies) {
        if (from < 0 || to < 0 || static_cast<std::size_t>(from) >= layerCount || static_cast<std::size_t>(to) >= layerCount)
            continue;
        const int a = graph.nodeOfLayer[static_cast<std::size_t>(from)];
        const int b = graph.nodeOfLayer[static_cast<std::size_t>(to)];
        if (a == b) continue;
        if (seen.insert((static_cast<std::uint64_t>(a) << 32) | static_cast<std::uint32_t>(b)).second)
            graph.edges.emplace_back(a, b);
    }
    return graph;
}

std::vector<bool> overviewExpansion(const BlockTree& tree, std::size_t layerCount, int minNodes) {
    std::vector<bool> expanded(tree.blocks.size(), false);
    const std::vector<std::pair<int, int>> noEdges;
    for (;;) {
        const DisplayGraph graph = displayGraph(tree, expanded, layerCount, noEdges);
        if (static_cast<int>(graph.nodes.size()) >= minNodes) break;
        int biggest = -1;
        for (const DisplayNode& node : graph.nodes)
            if (node.block >= 0 && (biggest < 0 || tree.blocks[static_cast<std::size_t>(node.block)].layerCount() >
                                                       tree.blocks[static_cast<std::size_t>(biggest)].layerCount()))
                biggest = node.block;
        if (biggest < 0) break;
        expanded[static_cast<std::size_t>(biggest)] = true;
    }
    return expanded;
}

NodeLabel blockLabel(const core::Network& network, const LayerBlock& block) {
    NodeLabel label;
    label.name = QString::fromStdString(block.prefix);
    label.op = QStringLiteral("%1 layers").arg(block.layerCount());
    if (network.analysed() && static_cast<std::size_t>(block.last) < network.layerCount()) {
        const auto shapes = network.outputShapes(core::LayerId{block.last});
        if (!shapes.empty()) label.shape = formatShape(shapes.front());
    }
    return label;
}

QSizeF blockNodeSize(const NodeLabel& label) {
    const QFontMetricsF nameMetrics(nodeNameFont());
    const QFontMetricsF detailMetrics(nodeDetailFont());
    const double text = nameMetrics.horizontalAdvance(label.name) +
                        detailMetrics.horizontalAdvance(QStringLiteral(" · ") + label.op);
    const double width = std::clamp(text + 2 * kNodePadding, kMinNodeWidth, kMaxNodeWidth);
    return {std::ceil(width), std::ceil(nameMetrics.height() + kNodePadding)};
}

GraphLayout layoutDisplayGraph(const core::Network& network, const BlockTree& tree, const DisplayGraph& graph) {
    GraphLayoutRequest request;
    request.nodes.reserve(graph.nodes.size());
    for (const DisplayNode& node : graph.nodes) {
        const QSizeF size = node.block >= 0
                                ? blockNodeSize(blockLabel(network, tree.blocks[static_cast<std::size_t>(node.block)]))
                                : nodeSize(nodeLabel(network, core::LayerId{node.layer}));
        request.nodes.push_back({size.width(), size.height()});
    }
    request.edges = graph.edges;
    request.rankSepPt = kCollapsedRankSepPt;
    return layoutGraph(request);
}

}  // namespace tessera::views
