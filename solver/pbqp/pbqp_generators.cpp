#include "pbqp_generators.h"

#include <functional>
#include <utility>
#include <vector>

namespace tessera::solver::pbqp {

namespace {

class Builder {
public:
    Builder(const RandomCosts& costs, std::mt19937_64& rng) : m_costs(costs), m_rng(rng) {}

    int node(const std::string& prefix = "n") {
        std::uniform_int_distribution<int> labels(m_costs.minLabels, m_costs.maxLabels);
        Eigen::VectorXd c(labels(m_rng));
        for (Eigen::Index i = 0; i < c.size(); ++i) c(i) = value();
        return m_problem.addNode(prefix + std::to_string(m_problem.nodeCount()), std::move(c));
    }
    void edge(int a, int b) {
        if (std::bernoulli_distribution(0.5)(m_rng)) std::swap(a, b);
        Eigen::MatrixXd m(m_problem.labelCount(a), m_problem.labelCount(b));
        for (Eigen::Index j = 0; j < m.cols(); ++j)
            for (Eigen::Index i = 0; i < m.rows(); ++i) m(i, j) = value();
        m_problem.addEdge(a, b, std::move(m));
    }
    int count() const { return m_problem.nodeCount(); }
    std::mt19937_64& rng() { return m_rng; }
    Problem take() { return std::move(m_problem); }

private:
    double value() {
        if (m_costs.infProbability > 0 && std::bernoulli_distribution(m_costs.infProbability)(m_rng)) return kInf;
        if (m_costs.integerCosts) return std::uniform_int_distribution<int>(0, 9)(m_rng);
        return std::uniform_real_distribution<double>(0.0, 10.0)(m_rng);
    }
    const RandomCosts& m_costs;
    std::mt19937_64& m_rng;
    Problem m_problem;
};

}  // namespace

Problem chainProblem(int nodes, const RandomCosts& costs, std::mt19937_64& rng) {
    Builder b(costs, rng);
    int prev = -1;
    for (int i = 0; i < nodes; ++i) {
        const int u = b.node("layer");
        if (prev >= 0) b.edge(prev, u);
        prev = u;
    }
    return b.take();
}

Problem inceptionProblem(int nodes, const RandomCosts& costs, std::mt19937_64& rng) {
    Builder b(costs, rng);
    int prev = -1;
    for (int i = 0; i < 3 && b.count() < nodes; ++i) {
        const int u = b.node("stem");
        if (prev >= 0) b.edge(prev, u);
        prev = u;
    }
    while (b.count() < nodes) {
        const int fork = prev;
        std::vector<int> ends;
        for (int length = 1; length <= 3; ++length) {
            int p = fork;
            for (int k = 0; k < length; ++k) {
                const int u = b.node("conv");
                b.edge(p, u);
                p = u;
            }
            ends.push_back(p);
        }
        // The nested fork: a layer feeding two parallel layers (1x3 and 3x1
        // in Inception-V4's C modules) that both go to the module's concat.
        const int split = b.node("conv");
        b.edge(fork, split);
        for (int k = 0; k < 2; ++k) {
            const int u = b.node("conv");
            b.edge(split, u);
            ends.push_back(u);
        }
        const int concat = b.node("concat");
        for (int e : ends) b.edge(e, concat);
        prev = concat;
    }
    return b.take();
}

Problem randomSeriesParallel(int edges, const RandomCosts& costs, std::mt19937_64& rng, bool twoComponents) {
    Builder b(costs, rng);
    std::function<void(int, int, int)> compose = [&](int s, int t, int budget) {
        if (budget <= 1) {
            b.edge(s, t);
            return;
        }
        const int first = std::uniform_int_distribution<int>(1, budget - 1)(b.rng());
        if (std::bernoulli_distribution(0.5)(b.rng())) {
            const int m = b.node();
            compose(s, m, first);
            compose(m, t, budget - first);
        } else {
            compose(s, t, first);
            compose(s, t, budget - first);
        }
    };
    const int components = twoComponents ? 2 : 1;
    for (int c = 0; c < components; ++c) {
        const int s = b.node(), t = b.node();
        compose(s, t, std::max(1, edges / components));
    }
    return b.take();
}

Problem randomGraph(int nodes, double edgeProbability, const RandomCosts& costs, std::mt19937_64& rng) {
    Builder b(costs, rng);
    for (int i = 0; i < nodes; ++i) b.node();
    for (int i = 0; i < nodes; ++i)
        for (int j = i + 1; j < nodes; ++j)
            if (std::bernoulli_distribution(edgeProbability)(b.rng())) b.edge(i, j);
    return b.take();
}

}  // namespace tessera::solver::pbqp
