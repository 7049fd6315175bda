#include <cmath>
#include <stdexcept>

#include "pbqp.h"

namespace tessera::solver::pbqp {

namespace {

// NaN and -infinity would break the min-plus algebra (inf - inf, -inf + inf).
template <typename Derived>
bool hasBadValue(const Eigen::DenseBase<Derived>& m) {
    for (Eigen::Index j = 0; j < m.cols(); ++j)
        for (Eigen::Index i = 0; i < m.rows(); ++i) {
            const double x = m(i, j);
            if (std::isnan(x) || x == -kInf) return true;
        }
    return false;
}

}  // namespace

int Problem::addNode(std::string name, Eigen::VectorXd costs) {
    if (costs.size() == 0) throw std::invalid_argument("PBQP node '" + name + "': empty cost vector");
    if (hasBadValue(costs)) throw std::invalid_argument("PBQP node '" + name + "': cost is NaN or -infinity");
    m_names.push_back(std::move(name));
    m_costs.push_back(std::move(costs));
    return nodeCount() - 1;
}

void Problem::addEdge(int from, int to, Eigen::MatrixXd costs) {
    const std::string what = "PBQP edge " + std::to_string(from) + " -> " + std::to_string(to);
    if (from < 0 || from >= nodeCount() || to < 0 || to >= nodeCount())
        throw std::invalid_argument(what + ": node index out of range (" + std::to_string(nodeCount()) + " nodes)");
    if (from == to) throw std::invalid_argument(what + ": an edge needs two different nodes");
    if (costs.rows() != labelCount(from) || costs.cols() != labelCount(to))
        throw std::invalid_argument(what + ": cost matrix is " + std::to_string(costs.rows()) + "x" +
                                    std::to_string(costs.cols()) + ", expected " + std::to_string(labelCount(from)) +
                                    "x" + std::to_string(labelCount(to)));
    if (hasBadValue(costs)) throw std::invalid_argument(what + ": cost is NaN or -infinity");
    m_edges.push_back(Edge{from, to, std::move(costs)});
}

double Problem::evaluate(const std::vector<int>& labels) const {
    if (labels.size() != m_costs.size())
        throw std::invalid_argument("PBQP evaluate: " + std::to_string(labels.size()) + " labels for " +
                                    std::to_string(m_costs.size()) + " nodes");
    double total = 0;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (labels[i] < 0 || labels[i] >= m_costs[i].size())
            throw std::invalid_argument("PBQP evaluate: label " + std::to_string(labels[i]) + " out of range at node " +
                                        std::to_string(i));
        total += m_costs[i](labels[i]);
    }
    for (const Edge& e : m_edges)
        total += e.costs(labels[static_cast<std::size_t>(e.from)], labels[static_cast<std::size_t>(e.to)]);
    return total;
}


}  // namespace tessera::solver::pbqp
