#pragma once
// PBQP (partitioned boolean quadratic problem): pick one label per node so
// that the sum of node costs and edge (pair) costs is minimal. Used by
// DYNAMAP algorithm selection (methods.md section 4): nodes are layers,
// labels are convolution algorithms, edges carry layout-transition costs.
//
// The solver applies the exact reductions R0 (degree 0), RI (degree 1) and
// RII (degree 2) with parallel edges merged, and back-substitutes in reverse
// order. Graphs that these reductions empty (every series-parallel graph:
// chains, diamonds, nested fork/join modules) are solved exactly in
// polynomial time. What is left (all degrees >= 3) goes either to the RN
// heuristic (Scholz/Eckstein: fix the locally best label of a max-degree
// node) or to a branch and bound that proves optimality within limits.
// Costs may be +infinity (a forbidden choice); the solver never subtracts
// costs, so no inf - inf NaN can arise. Outcomes are results with a status;
// only malformed input (Problem construction, JSON) throws.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include <Eigen/Core>
#include <nlohmann/json.hpp>

#include "core/outcome.h"

namespace tessera::solver::pbqp {

inline constexpr double kInf = std::numeric_limits<double>::infinity();

// Caps on what an instance file may ask for.
inline constexpr std::size_t kMaxNodes = 1'000'000;
inline constexpr std::size_t kMaxEdges = 4'000'000;
inline constexpr std::size_t kMaxLabels = 4096;
inline constexpr std::uintmax_t kMaxInstanceFileBytes = 256u << 20;

// costs(i, j): the cost of label i at `from` together with label j at `to`.
struct Edge {
    int from = -1;
    int to = -1;
    Eigen::MatrixXd costs;
};

// An instance: nodes with cost vectors (one entry per label) and edges with
// cost matrices. Costs are finite or +infinity; never NaN or -infinity.
class Problem {
public:
    // Returns the new node's index. Throws std::invalid_argument when `costs`
    // is empty or holds NaN or -infinity.
    int addNode(std::string name, Eigen::VectorXd costs);
    // Throws std::invalid_argument when an index is out of range, from == to,
    // the matrix is not labels(from) x labels(to), or it holds NaN or
    // -infinity. Parallel edges are allowed; the solver sums them.
    void addEdge(int from, int to, Eigen::MatrixXd costs);

    int nodeCount() const { return static_cast<int>(m_costs.size()); }
    const std::string& name(int node) const { return m_names.at(static_cast<std::size_t>(node)); }
    const Eigen::VectorXd& nodeCosts(int node) const { return m_costs.at(static_cast<std::size_t>(node)); }
    int labelCount(int node) const { return static_cast<int>(nodeCosts(node).size()); }
    const std::vector<Edge>& edges() const { return m_edges; }

    // Total cost of an assignment (one label per node); kInf when it uses a
    // forbidden cost. Throws std::invalid_argument on a wrong size or label.
    double evaluate(const std::vector<int>& labels) const;

private:
    std::vector<std::string> m_names;
    std::vector<Eigen::VectorXd> m_costs;
    std::vector<Edge> m_edges;
};

struct Options {
    // true: branch and bound over the nodes RI/RII cannot reduce, proving
    // optimality within the limits below; false: the RN heuristic only.
    bool exact = true;
    // Branch-and-bound nodes (branching decisions) before giving up with
    // core::Status::Limit. Range >= 1; default 1,000,000.
    std::uint64_t maxBranchNodes = 1'000'000;
    // Wall-clock limit of the exact search in seconds, > 0 (infinity allowed);
    // default 10.
    double timeLimitSeconds = 10.0;
    // Called now and then during the exact search with the fraction of the
    // search tree done, in [0, 1], and the branch nodes expanded; return false
    // to stop (core::Status::Cancelled).
    core::ProgressCallback progress;
};

struct Stats {
    // Reductions applied (summed over the branch-and-bound tree in exact mode).
    int r0 = 0, r1 = 0, r2 = 0;
    int rn = 0;                     // RN heuristic decisions (the heuristic pass included)
    std::uint64_t branchNodes = 0;  // branch-and-bound nodes expanded
    double seconds = 0;             // wall-clock time of the solve
};

struct Solution {
    core::Status status = core::Status::Infeasible;
    double cost = kInf;       // total cost of `labels` (kInf when forbidden or none found)
    std::vector<int> labels;  // one label index per node; empty when none was found
    bool exact = false;       // true only when `cost` is proven minimal (or proven infeasible)
    std::string message;      // human-readable account of the outcome
    Stats stats;
};

// Solves `problem`. Invalid options give core::Status::InvalidInput with a message.
Solution solve(const Problem& problem, const Options& options = {});

// Exact by enumerating every assignment (a reference for tests and for the
// benchmark). core::Status::Limit with a message, and no labels, when the number of
// assignments exceeds maxAssignments.
Solution solveBruteForce(const Problem& problem, std::uint64_t maxAssignments = 50'000'000);

// The PBQP instance format of architecture.md:
//   {"nodes": [{"name": "conv1", "costs": [c0, c1, ...]}, ...],
//    "edges": [{"from": 0, "to": 1, "costs": [[...], ...]}, ...]}
// Costs are non-negative numbers or the string "inf". "name" may be omitted
// ("n<index>"), "edges" too. Throws core::FormatError naming the field, e.g.
// "<origin>: edges[3].costs: has 2 rows, but node 0 ('a') has 3 labels".
Problem problemFromJson(const nlohmann::json& doc, std::string_view origin);
Problem problemFromJsonText(std::string_view text, std::string_view origin);
Problem loadProblem(const std::filesystem::path& path);
nlohmann::json problemToJson(const Problem& problem);

// {"status", "cost", "labels", "exact"} per architecture.md, plus "names",
// "message" and "stats" {"r0","r1","r2","rn","branch_nodes","seconds"}.
// An infinite cost is written as "inf".
nlohmann::json solutionToJson(const Solution& solution, const Problem& problem);

}  // namespace tessera::solver::pbqp
