#include "series_parallel.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <unordered_map>
#include <utility>

#include "network.h"

namespace tessera::core {

namespace {

using VertexNamer = std::function<std::string(int)>;

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

// A node of the binary tree the reductions build; flattened into the
// canonical n-ary SpNode tree at the end.
struct RawNode {
    SpNodeKind kind;
    int source;
    int sink;
    int edge;   // Edge leaves
    int left;   // Series: the part nearer the source
    int right;
};

// Series / parallel reduction of a two-terminal multidigraph in which every
// vertex lies on a source -> sink path (Valdes, Tarjan and Lawler 1982). The
// two reductions are confluent, so applying them in any order ends in the
// single edge source -> sink exactly when the graph is TTSP.
//
// Each live edge carries the raw tree node of the subgraph it stands for.
// Parallel edges are merged as soon as they appear (a hash map keyed by the
// end points finds them), so the graph never holds two live parallel edges;
// vertices of in-degree 1 and out-degree 1 wait in a worklist. Per-vertex
// edge lists are intrusive singly linked lists with lazy deletion: a vertex
// is contracted once and its lists are scanned then, and every reduction
// appends at most one edge, so all scans together cost O(V + E).
class Reducer {
public:
    Reducer(int vertexCount, int source, int sink, std::size_t edgeHint)
        : m_source(source), m_sink(sink),
          m_inDegree(static_cast<std::size_t>(vertexCount), 0),
          m_outDegree(static_cast<std::size_t>(vertexCount), 0),
          m_inHead(static_cast<std::size_t>(vertexCount), -1),
          m_outHead(static_cast<std::size_t>(vertexCount), -1),
          m_vertexAlive(static_cast<std::size_t>(vertexCount), 1)
    {
        m_edges.reserve(edgeHint + static_cast<std::size_t>(vertexCount));
        m_raw.reserve(2 * edgeHint + 1);
        m_byEnds.reserve(edgeHint);
    }

    // Adds input edge `edgeIndex` u -> v (a leaf recording that index).
    void addEdge(int edgeIndex, int u, int v)
    {
        const int leaf = static_cast<int>(m_raw.size());
        m_raw.push_back({SpNodeKind::Edge, u, v, edgeIndex, -1, -1});
        insert(u, v, leaf);
    }

    int inDegree(int v) const { return m_inDegree[static_cast<std::size_t>(v)]; }
    int outDegree(int v) const { return m_outDegree[static_cast<std::size_t>(v)]; }

    // Applies reductions until none applies; true when one edge is left.
    bool run()
    {
        for (int v = 0; v < static_cast<int>(m_inDegree.size()); ++v)
            m_work.push_back(v);
        while (!m_work.empty()) {
            const int v = m_work.back();
            m_work.pop_back();
            if (reducible(v))
                contract(v);
        }
        // Reductions keep every edge on a source -> sink path, so one edge
        // left is the edge source -> sink (vertices off the graph stay isolated).
        return m_liveEdges == 1;
    }

    const std::vector<RawNode>& raw() const { return m_raw; }
    // Not contracted and still touched by an edge.
    bool vertexAlive(int v) const
    {
        return m_vertexAlive[static_cast<std::size_t>(v)] != 0 && inDegree(v) + outDegree(v) > 0;
    }

    // Live edges as (from, to, raw node), in creation order.
    std::vector<std::array<int, 3>> liveEdges() const
    {
        std::vector<std::array<int, 3>> out;
        for (const Edge& e : m_edges)
            if (e.alive)
                out.push_back({e.from, e.to, e.node});
        return out;
    }

private:
    struct Edge {
        int from;
        int to;
        int node;
        int nextIn;   // next edge in to's in-list
        int nextOut;  // next edge in from's out-list
        bool alive;
    };

    static std::uint64_t key(int u, int v)
    {
        return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(u)) << 32)
               | static_cast<std::uint32_t>(v);
    }

    void insert(int u, int v, int node)
    {
        const auto [it, inserted] = m_byEnds.try_emplace(key(u, v), static_cast<int>(m_edges.size()));
        if (!inserted) {
            Edge& existing = m_edges[static_cast<std::size_t>(it->second)];
            const int merged = static_cast<int>(m_raw.size());
            m_raw.push_back({SpNodeKind::Parallel, u, v, -1, existing.node, node});
            existing.node = merged;
            return;
        }
        const int id = static_cast<int>(m_edges.size());
        m_edges.push_back({u, v, node, m_inHead[static_cast<std::size_t>(v)],
                           m_outHead[static_cast<std::size_t>(u)], true});
        m_inHead[static_cast<std::size_t>(v)] = id;
        m_outHead[static_cast<std::size_t>(u)] = id;
        ++m_outDegree[static_cast<std::size_t>(u)];
        ++m_inDegree[static_cast<std::size_t>(v)];
        ++m_liveEdges;
    }

    bool reducible(int v) const
    {
        const auto i = static_cast<std::size_t>(v);
        return v != m_source && v != m_sink && m_vertexAlive[i] && m_inDegree[i] == 1
               && m_outDegree[i] == 1;
    }

    int firstLive(int head, bool inList) const
    {
        while (head >= 0 && !m_edges[static_cast<std::size_t>(head)].alive) {
            const Edge& e = m_edges[static_cast<std::size_t>(head)];
            head = inList ? e.nextIn : e.nextOut;
        }
        return head;
    }

    void kill(int id)
    {
        Edge& e = m_edges[static_cast<std::size_t>(id)];
        e.alive = false;
        m_byEnds.erase(key(e.from, e.to));
        --m_outDegree[static_cast<std::size_t>(e.from)];
        --m_inDegree[static_cast<std::size_t>(e.to)];
        --m_liveEdges;
    }

    void contract(int v)
    {
        const int in = firstLive(m_inHead[static_cast<std::size_t>(v)], true);
        const int out = firstLive(m_outHead[static_cast<std::size_t>(v)], false);
        const Edge first = m_edges[static_cast<std::size_t>(in)];
        const Edge second = m_edges[static_cast<std::size_t>(out)];
        kill(in);
        kill(out);
        m_vertexAlive[static_cast<std::size_t>(v)] = 0;
        const int series = static_cast<int>(m_raw.size());
        m_raw.push_back({SpNodeKind::Series, first.from, second.to, -1, first.node, second.node});
        insert(first.from, second.to, series);
        // A merge with an existing edge lowers these degrees.
        m_work.push_back(first.from);
        m_work.push_back(second.to);
    }

    int m_source;
    int m_sink;
    std::vector<int> m_inDegree;
    std::vector<int> m_outDegree;
    std::vector<int> m_inHead;
    std::vector<int> m_outHead;
    std::vector<char> m_vertexAlive;
    int m_liveEdges = 0;
    std::vector<Edge> m_edges;
    std::vector<RawNode> m_raw;
    std::unordered_map<std::uint64_t, int> m_byEnds;
    std::vector<int> m_work;
};

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

SpDecomposition decomposeSeriesParallel(int vertexCount, const std::vector<SpEdge>& edges)
{
    return decompose(vertexCount, edges, [](int v) { return "vertex " + std::to_string(v); });
}

SpDecomposition decomposeNetwork(const Network& network)
{
    if (!network.analysed()) {
        SpDecomposition d;
        d.message = "network '" + network.name + "' is not analysed";
        return d;
    }
    const int layerCount = static_cast<int>(network.layerCount());
    std::vector<SpEdge> edges;
    for (int v = 0; v < layerCount; ++v)
        for (LayerId next : network.successors(LayerId{v}))
            edges.push_back({v, next.value});
    SpDecomposition d = decompose(layerCount, edges, [&](int v) {
        return "layer " + network.layer(LayerId{v}).name;
    });
    if (layerCount == 0)
        d.message = "network '" + network.name + "' has no layers";
    d.vertexLayer.assign(static_cast<std::size_t>(d.vertexCount), LayerId{});
    for (int v = 0; v < std::min(layerCount, d.vertexCount); ++v)
        d.vertexLayer[static_cast<std::size_t>(v)] = LayerId{v};
    return d;
}

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
