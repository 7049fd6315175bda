// Checks on series-parallel decompositions: findSpObstruction, which
// minimises the residual graph of a non-SP decomposition down to a
// subdivided Wheatstone bridge by deletion and re-reduction (the Reducer of
// series_parallel_internal.h), and validateSpDecomposition, which checks the
// tree invariants documented in series_parallel.h.

#include "series_parallel.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "series_parallel_internal.h"

namespace tessera::core {

namespace {

using sp_detail::Reducer;

// Edges of `edges` (indices kept in `keep`) that lie on some s -> t path.
std::vector<int> onStPaths(int vertexCount, const std::vector<SpEdge>& edges,
                           const std::vector<int>& keep, int s, int t)
{
    const auto n = static_cast<std::size_t>(vertexCount);
    std::vector<std::vector<int>> out(n), in(n);
    for (int i : keep) {
        out[static_cast<std::size_t>(edges[static_cast<std::size_t>(i)].from)].push_back(edges[static_cast<std::size_t>(i)].to);
        in[static_cast<std::size_t>(edges[static_cast<std::size_t>(i)].to)].push_back(edges[static_cast<std::size_t>(i)].from);
    }
    auto reach = [n](const std::vector<std::vector<int>>& adjacency, int start) {
        std::vector<char> seen(n, 0);
        std::vector<int> stack{start};
        seen[static_cast<std::size_t>(start)] = 1;
        while (!stack.empty()) {
            const int v = stack.back();
            stack.pop_back();
            for (int w : adjacency[static_cast<std::size_t>(v)])
                if (!seen[static_cast<std::size_t>(w)]) {
                    seen[static_cast<std::size_t>(w)] = 1;
                    stack.push_back(w);
                }
        }
        return seen;
    };
    const auto fromS = reach(out, s);
    const auto toT = reach(in, t);
    std::vector<int> kept;
    for (int i : keep) {
        const SpEdge& e = edges[static_cast<std::size_t>(i)];
        if (fromS[static_cast<std::size_t>(e.from)] && toT[static_cast<std::size_t>(e.to)])
            kept.push_back(i);
    }
    return kept;
}

// Reduces the s-t subgraph made of `keep`; returns the reducer for inspection.
Reducer reduceSubgraph(int vertexCount, const std::vector<SpEdge>& edges,
                       const std::vector<int>& keep, int s, int t, bool& fullyReduced)
{
    Reducer reducer(vertexCount, s, t, keep.size());
    for (std::size_t k = 0; k < keep.size(); ++k) {
        const SpEdge& e = edges[static_cast<std::size_t>(keep[k])];
        reducer.addEdge(static_cast<int>(k), e.from, e.to);
    }
    fullyReduced = reducer.run();
    return reducer;
}

}  // namespace

SpObstruction findSpObstruction(const SpDecomposition& d, std::size_t maxResidualEdges)
{
    SpObstruction result;
    if (d.seriesParallel) {
        result.message = "the graph is series-parallel";
        return result;
    }
    if (d.residualEdges.empty()) {
        result.message = "no residual graph (invalid input: " + d.message + ")";
        return result;
    }
    if (d.residualEdges.size() > maxResidualEdges) {
        result.message = "residual graph has " + std::to_string(d.residualEdges.size())
                         + " edges, above the limit of " + std::to_string(maxResidualEdges);
        return result;
    }
    // Work on the residual graph with compact vertex numbers.
    std::vector<int> local(static_cast<std::size_t>(d.vertexCount), -1);
    for (std::size_t i = 0; i < d.residualVertices.size(); ++i)
        local[static_cast<std::size_t>(d.residualVertices[i])] = static_cast<int>(i);
    const int n = static_cast<int>(d.residualVertices.size());
    std::vector<SpEdge> edges;
    for (const SpResidualEdge& e : d.residualEdges)
        edges.push_back({local[static_cast<std::size_t>(e.from)], local[static_cast<std::size_t>(e.to)]});
    const int s = local[static_cast<std::size_t>(d.source)];
    const int t = local[static_cast<std::size_t>(d.sink)];

    // Non-SP is monotone under taking s-t subgraphs (a bridge in the part is
    // one in the whole), so one deletion pass leaves a minimal non-SP
    // subgraph, which is a subdivided bridge.
    std::vector<int> keep(edges.size());
    for (std::size_t i = 0; i < edges.size(); ++i)
        keep[i] = static_cast<int>(i);
    for (std::size_t i = 0; i < edges.size(); ++i) {
        std::vector<int> trial;
        trial.reserve(keep.size());
        for (int k : keep)
            if (k != static_cast<int>(i))
                trial.push_back(k);
        if (trial.size() == keep.size())
            continue;
        trial = onStPaths(n, edges, trial, s, t);
        if (trial.empty())
            continue;
        bool reduced = false;
        reduceSubgraph(n, edges, trial, s, t, reduced);
        if (!reduced)
            keep = std::move(trial);
    }

    // The minimal subgraph is a path s -> s', the subdivided bridge from s'
    // to t', and a path t' -> t; the paths are not part of the obstruction.
    std::vector<std::vector<int>> outOf(static_cast<std::size_t>(n)), into(static_cast<std::size_t>(n));
    for (int k : keep) {
        outOf[static_cast<std::size_t>(edges[static_cast<std::size_t>(k)].from)].push_back(k);
        into[static_cast<std::size_t>(edges[static_cast<std::size_t>(k)].to)].push_back(k);
    }
    std::vector<char> dropped(edges.size(), 0);
    int bridgeSource = s, bridgeSink = t;
    while (outOf[static_cast<std::size_t>(bridgeSource)].size() == 1) {
        const int k = outOf[static_cast<std::size_t>(bridgeSource)].front();
        dropped[static_cast<std::size_t>(k)] = 1;
        bridgeSource = edges[static_cast<std::size_t>(k)].to;
    }
    while (into[static_cast<std::size_t>(bridgeSink)].size() == 1) {
        const int k = into[static_cast<std::size_t>(bridgeSink)].front();
        dropped[static_cast<std::size_t>(k)] = 1;
        bridgeSink = edges[static_cast<std::size_t>(k)].from;
    }
    std::erase_if(keep, [&](int k) { return dropped[static_cast<std::size_t>(k)] != 0; });

    bool reduced = false;
    const Reducer bridge = reduceSubgraph(n, edges, keep, bridgeSource, bridgeSink, reduced);
    int a = -1, b = -1, residualVertices = 0;
    for (int v = 0; v < n; ++v) {
        if (!bridge.vertexAlive(v))
            continue;
        ++residualVertices;
        if (v == bridgeSource || v == bridgeSink)
            continue;
        if (bridge.outDegree(v) == 2)
            a = v;
        if (bridge.inDegree(v) == 2)
            b = v;
    }
    if (reduced || residualVertices != 4 || a < 0 || b < 0 || bridge.liveEdges().size() != 5) {
        result.message = "internal error: the minimised residual graph is not a bridge";
        return result;
    }
    result.found = true;
    result.bridge = {d.residualVertices[static_cast<std::size_t>(bridgeSource)],
                     d.residualVertices[static_cast<std::size_t>(a)],
                     d.residualVertices[static_cast<std::size_t>(b)],
                     d.residualVertices[static_cast<std::size_t>(bridgeSink)]};
    for (int k : keep) {
        const auto& path = d.residualEdges[static_cast<std::size_t>(k)].path;
        result.edges.insert(result.edges.end(), path.begin(), path.end());
    }
    std::sort(result.edges.begin(), result.edges.end());
    for (int e : result.edges) {
        result.vertices.push_back(d.edges[static_cast<std::size_t>(e)].from);
        result.vertices.push_back(d.edges[static_cast<std::size_t>(e)].to);
    }
    std::sort(result.vertices.begin(), result.vertices.end());
    result.vertices.erase(std::unique(result.vertices.begin(), result.vertices.end()),
                          result.vertices.end());
    result.message = "bridge with rung " + std::to_string(result.bridge[1]) + " -> "
                     + std::to_string(result.bridge[2]) + " between "
                     + std::to_string(result.bridge[0]) + " and " + std::to_string(result.bridge[3])
                     + " (" + std::to_string(result.edges.size()) + " edges)";
    return result;
}

std::optional<std::string> validateSpDecomposition(const SpDecomposition& d)
{
    if (!d.seriesParallel)
        return std::string("not series-parallel: ") + d.message;
    if (d.nodes.empty())
        return d.edges.empty() ? std::nullopt
                               : std::optional<std::string>("no tree for a graph with edges");
    if (d.root != static_cast<int>(d.nodes.size()) - 1)
        return std::string("root is not the last node");
    const SpNode& root = d.nodes.back();
    if (root.source != d.source || root.sink != d.sink)
        return "root spans " + std::to_string(root.source) + " -> " + std::to_string(root.sink)
               + ", not the terminals";
    std::vector<int> leafCount(d.edges.size(), 0);
    std::vector<int> parentCount(d.nodes.size(), 0);
    for (std::size_t i = 0; i < d.nodes.size(); ++i) {
        const SpNode& node = d.nodes[i];
        const std::string at = "node " + std::to_string(i) + ": ";
        if (node.kind == SpNodeKind::Edge) {
            if (node.edge < 0 || node.edge >= static_cast<int>(d.edges.size()))
                return at + "leaf edge index out of range";
            const SpEdge& e = d.edges[static_cast<std::size_t>(node.edge)];
            if (e.from != node.source || e.to != node.sink)
                return at + "leaf terminals differ from its edge";
            if (!node.children.empty())
                return at + "leaf has children";
            ++leafCount[static_cast<std::size_t>(node.edge)];
            continue;
        }
        if (node.children.size() < 2)
            return at + "internal node with fewer than two children";
        for (std::size_t k = 0; k < node.children.size(); ++k) {
            const int c = node.children[k];
            if (c < 0 || c >= static_cast<int>(i))
                return at + "child index not before its parent";
            ++parentCount[static_cast<std::size_t>(c)];
            const SpNode& child = d.nodes[static_cast<std::size_t>(c)];
            if (child.kind == node.kind)
                return at + "child of the same kind (tree not canonical)";
            if (node.kind == SpNodeKind::Parallel) {
                if (child.source != node.source || child.sink != node.sink)
                    return at + "parallel child with other terminals";
            } else {
                if (k == 0 && child.source != node.source)
                    return at + "first series child does not start at the source";
                if (k + 1 == node.children.size() && child.sink != node.sink)
                    return at + "last series child does not end at the sink";
                if (k + 1 < node.children.size()
                    && child.sink != d.nodes[static_cast<std::size_t>(node.children[k + 1])].source)
                    return at + "series children do not chain";
            }
        }
    }
    for (std::size_t i = 0; i + 1 < d.nodes.size(); ++i)
        if (parentCount[i] != 1)
            return "node " + std::to_string(i) + " has " + std::to_string(parentCount[i])
                   + " parents";
    if (parentCount.back() != 0)
        return std::string("root has a parent");
    for (std::size_t e = 0; e < leafCount.size(); ++e)
        if (leafCount[e] != 1)
            return "edge " + std::to_string(e) + " is " + std::to_string(leafCount[e])
                   + " leaves";
    return std::nullopt;
}

}  // namespace tessera::core
