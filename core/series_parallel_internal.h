#pragma once
// Internal to core's series-parallel code (series_parallel*.cpp); not part
// of the public API. The series / parallel reducer and the binary tree it
// builds, shared by recognition (series_parallel.cpp) and obstruction
// finding (series_parallel_check.cpp), and the decomposition behind both
// public entry points, which the Network view (series_parallel_network.cpp)
// calls with layer names.

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "series_parallel.h"

namespace tessera::core::sp_detail {

using VertexNamer = std::function<std::string(int)>;

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

// decomposeSeriesParallel with messages naming vertices through `name`.
SpDecomposition decompose(int vertexCount, const std::vector<SpEdge>& edges, const VertexNamer& name);

}  // namespace tessera::core::sp_detail
