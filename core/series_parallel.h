#pragma once
// Two-terminal series-parallel (TTSP) recognition and decomposition of DAGs,
// and the layer-graph view of a Network that PBQP algorithm selection needs
// (methods.md section 4, DYNAMAP). Definitions, algorithm and how CNN
// patterns map: docs/series-parallel.md.
//
// A TTSP multidigraph with source s and sink t is a single edge s->t, or the
// series composition of two TTSP graphs (sink of the first = source of the
// second) or their parallel composition (shared source and shared sink). A
// DAG with several sources / sinks is judged after adding a virtual source
// (edges to every source) and / or a virtual sink (edges from every sink).
//
// Outcomes are values: an invalid input, a cycle or a non-SP graph gives
// seriesParallel == false with a message; nothing throws.

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "types.h"

namespace tessera::core {

class Network;

// A directed edge between vertex indices.
struct SpEdge {
    int from = -1;
    int to = -1;
    friend constexpr bool operator==(SpEdge, SpEdge) = default;
};

enum class SpNodeKind {
    Edge,      // leaf: one edge of SpDecomposition::edges
    Series,    // children in order, child[i].sink == child[i+1].source
    Parallel,  // children share source and sink (order carries no meaning)
};

// One node of the decomposition tree. Each node stands for the TTSP
// subgraph made of the leaf edges below it, with terminals source -> sink.
struct SpNode {
    SpNodeKind kind = SpNodeKind::Edge;
    int source = -1;            // vertex index
    int sink = -1;              // vertex index
    int edge = -1;              // Edge: index into SpDecomposition::edges; -1 otherwise
    std::vector<int> children;  // Series / Parallel: indices into SpDecomposition::nodes (>= 2)
};

// One edge of the graph left when reduction got stuck (non-SP graphs): it
// stands for the SP subgraph of the original edges listed in `edges`.
struct SpResidualEdge {
    int from = -1;
    int to = -1;
    std::vector<int> edges;  // indices into SpDecomposition::edges, ascending
    std::vector<int> path;   // one from -> to path through those edges, in order
};

struct SpDecomposition {
    // True when the graph (with its virtual terminals) is TTSP.
    bool seriesParallel = false;
    // Human-readable outcome: why not SP (naming the vertices / layers where
    // reduction stops), or a one-line summary when it is.
    std::string message;

    // --- the graph as decomposed ---
    // Vertices 0 .. originalVertexCount-1 are the input's; a virtual source,
    // then a virtual sink, follow when added.
    int originalVertexCount = 0;
    int vertexCount = 0;
    // The input edges in input order (indices 0 .. originalEdgeCount-1),
    // then the virtual edges: source -> each original source, then each
    // original sink -> sink.
    int originalEdgeCount = 0;
    std::vector<SpEdge> edges;
    int source = -1;  // terminal vertex (virtual when virtualSource)
    int sink = -1;    // terminal vertex (virtual when virtualSink)
    bool virtualSource = false;  // the input had several sources
    bool virtualSink = false;    // the input had several sinks

    // Original vertices with more than one distinct successor (fork) or
    // predecessor (join), ascending. Parallel multi-edges count once.
    std::vector<int> forkVertices;
    std::vector<int> joinVertices;

    // --- the decomposition tree (seriesParallel only) ---
    // Post-order: every child index is smaller than its parent's; the root
    // is the last node. Canonical: no Series node has a Series child and no
    // Parallel node a Parallel child. Every edge of `edges` (virtual ones
    // included) is exactly one leaf. Empty (root == -1) for the trivial graph
    // of one vertex and no edge.
    std::vector<SpNode> nodes;
    int root = -1;

    // --- what reduction left (not seriesParallel, valid input only) ---
    // Vertices still present (terminals included), ascending, and the
    // reduced edges between them; no two residual edges are parallel and no
    // non-terminal residual vertex has in-degree 1 and out-degree 1.
    std::vector<int> residualVertices;
    std::vector<SpResidualEdge> residualEdges;

    // --- decomposeNetwork only ---
    // LayerId of each vertex (size vertexCount); invalid for virtual terminals.
    std::vector<LayerId> vertexLayer;

    int forkCount() const { return static_cast<int>(forkVertices.size()); }
    int joinCount() const { return static_cast<int>(joinVertices.size()); }
    bool isVirtualVertex(int v) const { return v >= originalVertexCount; }
    bool isVirtualEdge(int e) const { return e >= originalEdgeCount; }
};

// Decides whether the DAG on vertices 0 .. vertexCount-1 with `edges`
// (multi-edges allowed) is TTSP and builds its decomposition tree.
// O(V + E) expected time (one hash lookup per edge creation) and memory.
// Edges out of range, self-loops, cycles and an empty vertex set give
// seriesParallel == false with the reason in `message`.
SpDecomposition decomposeSeriesParallel(int vertexCount, const std::vector<SpEdge>& edges);

// The layer graph of an analysed network: vertex i is layer LayerId{i},
// one edge per (predecessor, successor) pair from Network::predecessors /
// successors. Messages name layers. A network that is not analysed gives
// seriesParallel == false.
SpDecomposition decomposeNetwork(const Network& network);

// A witness that a graph is not SP: a subdivided Wheatstone bridge
// s -> a, s -> b, a -> b, a -> t, b -> t (the forbidden minor of TTSP DAGs),
// found in the residual graph by deletion-minimisation and mapped back to
// edges of SpDecomposition::edges. Deleting any single one of these edges
// (and what then lies on no s-t path) leaves an SP subgraph.
struct SpObstruction {
    bool found = false;
    std::string message;          // why none was found, or a description
    std::array<int, 4> bridge{-1, -1, -1, -1};  // vertices s, a, b, t (rung a -> b)
    std::vector<int> edges;       // indices into SpDecomposition::edges, ascending
    std::vector<int> vertices;    // vertices those edges touch, ascending
};

// Works on a non-SP decomposition of valid input. O(R^2) in the number R of
// residual edges; gives up (found == false) above maxResidualEdges.
SpObstruction findSpObstruction(const SpDecomposition& decomposition,
                                std::size_t maxResidualEdges = 4096);

// Checks the tree invariants listed above (leaves cover every edge exactly
// once, series children chain, parallel children share terminals, root spans
// source -> sink, post-order, canonical). nullopt when valid, else the first
// violation found. O(V + E + nodes).
std::optional<std::string> validateSpDecomposition(const SpDecomposition& decomposition);

}  // namespace tessera::core
