#pragma once
// Internal to the PBQP solver: the working graph that the reductions shrink.
// Parallel edges are merged into one matrix per node pair, so a node's degree
// is its number of distinct neighbours; nodes of degree 0, 1 and 2 wait in
// lazy stacks (an entry is checked when popped), nodes of degree >= 3 in an
// ordered set so the max-degree node is found in O(log n).

#include <set>
#include <utility>
#include <vector>

#include <Eigen/Core>

#include "pbqp.h"

namespace tessera::solver::pbqp::detail {

// What back-substitution needs to label a removed node once the nodes that
// outlived it are labelled. Node ids are the Problem's.
struct Record {
    enum class Kind : std::uint8_t { R0, R1, R2, Fixed };
    Kind kind = Kind::Fixed;
    int node = -1;
    int a = -1, b = -1;     // R1: the neighbour; R2: both neighbours
    int label = -1;         // Fixed: the chosen label
    Eigen::VectorXd costs;  // the node's costs when it was removed
    Eigen::MatrixXd ma, mb; // node x a, node x b edge costs
};

// Labels every node of `records` in reverse order into `labels` (sized to
// the Problem's node count).
void backSubstitute(const std::vector<Record>& records, std::vector<int>& labels);

class ReductionGraph {
public:
    explicit ReductionGraph(const Problem& problem);

    // R0, RI and RII until every remaining node has degree >= 3.
    void reduceExact(std::vector<Record>& records, Stats& stats);
    // Fixes `node` (a local index) to `label`: its costs and its edges' rows
    // are folded into the constant and the neighbours, and it is removed.
    void fix(int node, int label, std::vector<Record>& records);

    bool empty() const { return m_aliveCount == 0; }
    int aliveCount() const { return m_aliveCount; }
    std::size_t capacity() const { return m_nodes.size(); }  // removed nodes included
    // Cost already committed by removed nodes; with the remaining graph's
    // optimum it makes the optimum of the whole.
    double constant() const { return m_constant; }
    // A lower bound on constant() + the remaining graph's optimum: each edge's
    // row minima charged to one endpoint, after up to `sweeps` sweeps of
    // min-sum diffusion (a reparametrisation that keeps every assignment's
    // cost and moves edge costs onto nodes so the bound tightens). Stops
    // early once the bound reaches `cutoff` (the incumbent).
    double lowerBound(int sweeps = 0, double cutoff = kInf) const;
    // A remaining node of maximum degree (local index), -1 when empty.
    int maxDegreeNode() const;
    // RN's criterion for each label of `node`: its cost plus, per neighbour,
    // the cheapest neighbour label given this one.
    Eigen::VectorXd localCosts(int node) const;
    // The same graph without removed nodes and edges (cheaper to copy).
    ReductionGraph compacted() const;

private:
    struct Node {
        Eigen::VectorXd costs;
        std::vector<std::pair<int, int>> adj;  // (neighbour, edge index)
        int orig = -1;                         // index in the Problem
        bool alive = true;
    };
    struct EdgeData {
        int a = -1, b = -1;
        Eigen::MatrixXd m;  // rows: labels of a, columns: labels of b
        bool alive = true;
    };

    ReductionGraph() = default;
    int degree(int u) const { return static_cast<int>(m_nodes[static_cast<std::size_t>(u)].adj.size()); }
    // The edge's matrix oriented with `u`'s labels as rows.
    Eigen::MatrixXd oriented(int edge, int u) const;
    void addEdge(int a, int b, const Eigen::MatrixXd& m);  // merges with an existing a-b edge
    void removeNode(int u);
    void degreeChanged(int u, int oldDegree);
    int popBucket(int degree);
    void rebuildBuckets();

    void applyR0(int u, std::vector<Record>& records);
    void applyR1(int u, std::vector<Record>& records);
    void applyR2(int u, std::vector<Record>& records);

    std::vector<Node> m_nodes;
    std::vector<EdgeData> m_edges;
    std::vector<int> m_buckets[3];
    std::set<std::pair<int, int>> m_high;  // (degree, node) for degree >= 3
    bool m_bucketsReady = false;  // the constructor fills the buckets once, at the end
    int m_aliveCount = 0;
    double m_constant = 0;
};

}  // namespace tessera::solver::pbqp::detail
