// Two-terminal series-parallel recognition and decomposition: input checks
// and Kahn's algorithm for cycles and terminals, the reduction (Reducer in
// series_parallel_internal.h), the canonical n-ary tree built from the
// reducer's binary one, and what is left when the graph is not SP. The
// Network view lives in series_parallel_network.cpp, obstruction finding and
// tree validation in series_parallel_check.cpp.

#include "series_parallel.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "series_parallel_internal.h"

namespace tessera::core {

namespace sp_detail {

namespace {

constexpr std::size_t kNamesInMessage = 12;

std::string nameList(const std::vector<int>& vertices, const VertexNamer& name)
{
    std::string out;
    const std::size_t shown = std::min(vertices.size(), kNamesInMessage);
    for (std::size_t i = 0; i < shown; ++i) {
        if (i > 0)
            out += ", ";
        out += name(vertices[i]);
    }
    if (vertices.size() > shown)
        out += ", ... (" + std::to_string(vertices.size() - shown) + " more)";
    return out;
}

// Children of final node `r` in the canonical tree: the raw descendants
// reached through nodes of r's own kind, left to right.
std::vector<int> canonicalChildren(const std::vector<RawNode>& raw, int r, std::vector<int>& stack)
{
    std::vector<int> children;
    const RawNode& top = raw[static_cast<std::size_t>(r)];
    if (top.kind == SpNodeKind::Edge)
        return children;
    stack.assign({top.right, top.left});
    while (!stack.empty()) {
        const int c = stack.back();
        stack.pop_back();
        const RawNode& node = raw[static_cast<std::size_t>(c)];
        if (node.kind == top.kind) {
            stack.push_back(node.right);
            stack.push_back(node.left);
        } else {
            children.push_back(c);
        }
    }
    return children;
}

// Post-order, canonical SpNode tree of raw node `root`, built without recursion.
std::vector<SpNode> flattenTree(const std::vector<RawNode>& raw, int root)
{
    struct Frame {
        int raw;
        std::vector<int> children;
        std::size_t next;
    };
    std::vector<SpNode> nodes;
    std::vector<int> finalIndex(raw.size(), -1);
    std::vector<int> scratch;
    std::vector<Frame> stack;
    stack.push_back({root, canonicalChildren(raw, root, scratch), 0});
    while (!stack.empty()) {
        Frame& frame = stack.back();
        if (frame.next < frame.children.size()) {
            const int child = frame.children[frame.next++];
            stack.push_back({child, canonicalChildren(raw, child, scratch), 0});
            continue;
        }
        const RawNode& r = raw[static_cast<std::size_t>(frame.raw)];
        SpNode node;
        node.kind = r.kind;
        node.source = r.source;
        node.sink = r.sink;
        node.edge = r.kind == SpNodeKind::Edge ? r.edge : -1;
        node.children.reserve(frame.children.size());
        for (int c : frame.children)
            node.children.push_back(finalIndex[static_cast<std::size_t>(c)]);
        finalIndex[static_cast<std::size_t>(frame.raw)] = static_cast<int>(nodes.size());
        nodes.push_back(std::move(node));
        stack.pop_back();
    }
    return nodes;
}

// Leaf edges below raw node `r` (all of them, or one source -> sink path
// when `pathOnly`: the first branch of every parallel node), in order.
std::vector<int> rawLeaves(const std::vector<RawNode>& raw, int r, bool pathOnly)
{
    std::vector<int> leaves;
    std::vector<int> stack{r};
    while (!stack.empty()) {
        const RawNode& node = raw[static_cast<std::size_t>(stack.back())];
        stack.pop_back();
        if (node.kind == SpNodeKind::Edge) {
            leaves.push_back(node.edge);
        } else {
            if (!(pathOnly && node.kind == SpNodeKind::Parallel))
                stack.push_back(node.right);
            stack.push_back(node.left);
        }
    }
    return leaves;
}

}  // namespace

SpDecomposition decompose(int vertexCount, const std::vector<SpEdge>& edges, const VertexNamer& name)
{
    SpDecomposition d;
    d.originalVertexCount = std::max(vertexCount, 0);
    d.vertexCount = d.originalVertexCount;
    d.originalEdgeCount = static_cast<int>(edges.size());
    d.edges = edges;
    if (vertexCount <= 0) {
        d.message = "graph has no vertices";
        return d;
    }
    const auto n = static_cast<std::size_t>(vertexCount);
    for (std::size_t i = 0; i < edges.size(); ++i) {
        const SpEdge& e = edges[i];
        if (e.from < 0 || e.from >= vertexCount || e.to < 0 || e.to >= vertexCount) {
            d.message = "edge " + std::to_string(i) + " (" + std::to_string(e.from) + " -> "
                        + std::to_string(e.to) + ") has an end outside 0.."
                        + std::to_string(vertexCount - 1);
            return d;
        }
        if (e.from == e.to) {
            d.message = "edge " + std::to_string(i) + " is a self-loop at " + name(e.from);
            return d;
        }
    }

    // Kahn's algorithm: rejects cycles and finds sources and sinks.
    std::vector<int> inDegree(n, 0), outDegree(n, 0), offset(n + 1, 0), targets(edges.size());
    for (const SpEdge& e : edges) {
        ++outDegree[static_cast<std::size_t>(e.from)];
        ++inDegree[static_cast<std::size_t>(e.to)];
    }
    for (std::size_t v = 0; v < n; ++v)
        offset[v + 1] = offset[v] + outDegree[v];
    {
        std::vector<int> fill(offset.begin(), offset.end() - 1);
        for (const SpEdge& e : edges)
            targets[static_cast<std::size_t>(fill[static_cast<std::size_t>(e.from)]++)] = e.to;
    }
    std::vector<int> remaining = inDegree, ready;
    for (std::size_t v = 0; v < n; ++v)
        if (remaining[v] == 0)
            ready.push_back(static_cast<int>(v));
    std::size_t visited = 0;
    while (!ready.empty()) {
        const auto v = static_cast<std::size_t>(ready.back());
        ready.pop_back();
        ++visited;
        for (int k = offset[v]; k < offset[v + 1]; ++k)
            if (--remaining[static_cast<std::size_t>(targets[static_cast<std::size_t>(k)])] == 0)
                ready.push_back(targets[static_cast<std::size_t>(k)]);
    }
    if (visited != n) {
        std::vector<int> stuck;
        for (std::size_t v = 0; v < n; ++v)
            if (remaining[v] > 0)
                stuck.push_back(static_cast<int>(v));
        d.message = "not a DAG: a directed cycle runs through vertices among "
                    + nameList(stuck, name);
        return d;
    }

    std::vector<int> sources, sinks;
    for (std::size_t v = 0; v < n; ++v) {
        if (inDegree[v] == 0)
            sources.push_back(static_cast<int>(v));
        if (outDegree[v] == 0)
            sinks.push_back(static_cast<int>(v));
    }
    if (n == 1) {
        d.seriesParallel = true;
        d.source = d.sink = 0;
        d.message = "series-parallel (trivially): a single vertex and no edge";
        return d;
    }
    d.virtualSource = sources.size() > 1;
    d.virtualSink = sinks.size() > 1;
    d.source = d.virtualSource ? d.vertexCount++ : sources.front();
    d.sink = d.virtualSink ? d.vertexCount++ : sinks.front();
    if (d.virtualSource)
        for (int v : sources)
            d.edges.push_back({d.source, v});
    if (d.virtualSink)
        for (int v : sinks)
            d.edges.push_back({v, d.sink});

    const VertexNamer fullName = [&](int v) {
        if (v == d.source && d.virtualSource)
            return std::string("virtual source");
        if (v == d.sink && d.virtualSink)
            return std::string("virtual sink");
        return name(v);
    };

    Reducer reducer(d.vertexCount, d.source, d.sink, d.edges.size());
    for (std::size_t i = 0; i < d.edges.size(); ++i)
        reducer.addEdge(static_cast<int>(i), d.edges[i].from, d.edges[i].to);
    for (int v = 0; v < d.originalVertexCount; ++v) {
        // Virtual edges never raise an original vertex's degree above 1.
        if (reducer.outDegree(v) > 1)
            d.forkVertices.push_back(v);
        if (reducer.inDegree(v) > 1)
            d.joinVertices.push_back(v);
    }

    std::string terminals;
    if (d.virtualSource)
        terminals += "; virtual source over " + std::to_string(sources.size()) + " sources";
    if (d.virtualSink)
        terminals += "; virtual sink over " + std::to_string(sinks.size()) + " sinks";

    if (reducer.run()) {
        d.seriesParallel = true;
        const auto live = reducer.liveEdges();
        d.nodes = flattenTree(reducer.raw(), live.front()[2]);
        d.root = static_cast<int>(d.nodes.size()) - 1;
        d.message = "series-parallel: " + std::to_string(d.originalVertexCount) + " vertices, "
                    + std::to_string(d.originalEdgeCount) + " edges, "
                    + std::to_string(d.forkVertices.size()) + " forks, "
                    + std::to_string(d.joinVertices.size()) + " joins" + terminals;
        return d;
    }

    std::vector<int> blocking;
    for (int v = 0; v < d.vertexCount; ++v) {
        if (!reducer.vertexAlive(v))
            continue;
        d.residualVertices.push_back(v);
        if (v != d.source && v != d.sink)
            blocking.push_back(v);
    }
    for (const auto& [from, to, node] : reducer.liveEdges()) {
        SpResidualEdge r;
        r.from = from;
        r.to = to;
        r.edges = rawLeaves(reducer.raw(), node, false);
        std::sort(r.edges.begin(), r.edges.end());
        r.path = rawLeaves(reducer.raw(), node, true);
        d.residualEdges.push_back(std::move(r));
    }
    d.message = "not series-parallel: reduction stops with " + std::to_string(blocking.size())
                + " vertices left between " + fullName(d.source) + " and " + fullName(d.sink)
                + " (" + std::to_string(d.residualEdges.size()) + " edges): "
                + nameList(blocking, fullName) + terminals;
    return d;
}

}  // namespace sp_detail

SpDecomposition decomposeSeriesParallel(int vertexCount, const std::vector<SpEdge>& edges)
{
    return sp_detail::decompose(vertexCount, edges, [](int v) { return "vertex " + std::to_string(v); });
}

}  // namespace tessera::core
