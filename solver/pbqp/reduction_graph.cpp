#include "reduction_graph_internal.h"

#include <algorithm>
#include <cmath>

namespace tessera::solver::pbqp::detail {

namespace {

// Index of the smallest entry (the first on ties, 0 when all are infinite).
template <typename Derived>
int argMin(const Eigen::DenseBase<Derived>& v) {
    int best = 0;
    for (Eigen::Index i = 1; i < v.size(); ++i)
        if (v(i) < v(best)) best = static_cast<int>(i);
    return best;
}

std::size_t at(int i) { return static_cast<std::size_t>(i); }

}  // namespace

void backSubstitute(const std::vector<Record>& records, std::vector<int>& labels) {
    for (auto it = records.rbegin(); it != records.rend(); ++it) {
        const Record& r = *it;
        switch (r.kind) {
        case Record::Kind::Fixed: labels[at(r.node)] = r.label; break;
        case Record::Kind::R0: labels[at(r.node)] = argMin(r.costs); break;
        case Record::Kind::R1: labels[at(r.node)] = argMin(r.costs + r.ma.col(labels[at(r.a)])); break;
        case Record::Kind::R2:
            labels[at(r.node)] = argMin(r.costs + r.ma.col(labels[at(r.a)]) + r.mb.col(labels[at(r.b)]));
            break;
        }
    }
}

ReductionGraph::ReductionGraph(const Problem& problem) {
    m_nodes.resize(at(problem.nodeCount()));
    for (int i = 0; i < problem.nodeCount(); ++i) {
        m_nodes[at(i)].costs = problem.nodeCosts(i);
        m_nodes[at(i)].orig = i;
    }
    m_aliveCount = problem.nodeCount();
    m_edges.reserve(problem.edges().size());
    for (const Edge& e : problem.edges()) addEdge(e.from, e.to, e.costs);
    rebuildBuckets();
}

ReductionGraph ReductionGraph::compacted() const {
    ReductionGraph g;
    std::vector<int> newIndex(m_nodes.size(), -1);
    for (std::size_t i = 0; i < m_nodes.size(); ++i) {
        if (!m_nodes[i].alive) continue;
        newIndex[i] = static_cast<int>(g.m_nodes.size());
        Node n;
        n.costs = m_nodes[i].costs;
        n.orig = m_nodes[i].orig;
        g.m_nodes.push_back(std::move(n));
    }
    for (const EdgeData& e : m_edges) {
        if (!e.alive) continue;
        const int id = static_cast<int>(g.m_edges.size());
        const int a = newIndex[at(e.a)], b = newIndex[at(e.b)];
        g.m_edges.push_back(EdgeData{a, b, e.m, true});
        g.m_nodes[at(a)].adj.emplace_back(b, id);
        g.m_nodes[at(b)].adj.emplace_back(a, id);
    }
    g.m_aliveCount = m_aliveCount;
    g.m_constant = m_constant;
    g.rebuildBuckets();
    return g;
}

void ReductionGraph::rebuildBuckets() {
    for (auto& b : m_buckets) b.clear();
    m_high.clear();
    m_bucketsReady = true;
    for (int u = 0; u < static_cast<int>(m_nodes.size()); ++u)
        if (m_nodes[at(u)].alive) degreeChanged(u, -1);
}

void ReductionGraph::degreeChanged(int u, int oldDegree) {
    const int d = degree(u);
    if (oldDegree >= 3) m_high.erase({oldDegree, u});
    if (d >= 3) m_high.emplace(d, u);
    else m_buckets[d].push_back(u);
}

int ReductionGraph::popBucket(int d) {
    auto& bucket = m_buckets[d];
    while (!bucket.empty()) {
        const int u = bucket.back();
        bucket.pop_back();
        if (m_nodes[at(u)].alive && degree(u) == d) return u;
    }
    return -1;
}

Eigen::MatrixXd ReductionGraph::oriented(int edge, int u) const {
    const EdgeData& e = m_edges[at(edge)];
    if (e.a == u) return e.m;
    return e.m.transpose();
}

void ReductionGraph::addEdge(int a, int b, const Eigen::MatrixXd& m) {
    Node& na = m_nodes[at(a)];
    Node& nb = m_nodes[at(b)];
    const Node& scan = na.adj.size() <= nb.adj.size() ? na : nb;
    const int other = &scan == &na ? b : a;
    for (const auto& [v, id] : scan.adj) {
        if (v != other) continue;
        EdgeData& e = m_edges[at(id)];
        if (e.a == a) e.m += m;
        else e.m += m.transpose();
        return;
    }
    const int id = static_cast<int>(m_edges.size());
    m_edges.push_back(EdgeData{a, b, m, true});
    const int oldA = degree(a), oldB = degree(b);
    na.adj.emplace_back(b, id);
    nb.adj.emplace_back(a, id);
    if (m_bucketsReady) {
        degreeChanged(a, oldA);
        degreeChanged(b, oldB);
    }
}

void ReductionGraph::removeNode(int u) {
    Node& n = m_nodes[at(u)];
    if (degree(u) >= 3) m_high.erase({degree(u), u});
    for (const auto& [v, id] : n.adj) {
        m_edges[at(id)].alive = false;
        auto& adj = m_nodes[at(v)].adj;
        const int old = static_cast<int>(adj.size());
        auto it = std::find_if(adj.begin(), adj.end(), [&](const auto& p) { return p.second == id; });
        *it = adj.back();
        adj.pop_back();
        degreeChanged(v, old);
    }
    n.adj.clear();
    n.adj.shrink_to_fit();
    n.alive = false;
    --m_aliveCount;
}

void ReductionGraph::applyR0(int u, std::vector<Record>& records) {
    Node& n = m_nodes[at(u)];
    m_constant += n.costs.minCoeff();
    Record r;
    r.kind = Record::Kind::R0;
    r.node = n.orig;
    r.costs = n.costs;
    records.push_back(std::move(r));
    removeNode(u);
}

void ReductionGraph::applyR1(int u, std::vector<Record>& records) {
    const Node& n = m_nodes[at(u)];
    const auto [v, id] = n.adj.front();
    Record r;
    r.kind = Record::Kind::R1;
    r.node = n.orig;
    r.a = m_nodes[at(v)].orig;
    r.costs = n.costs;
    r.ma = oriented(id, u);
    // Min-plus product: the cheapest label of u for each label of v. Only
    // additions, so infinite costs stay infinite and never become NaN.
    Eigen::VectorXd& cv = m_nodes[at(v)].costs;
    for (Eigen::Index j = 0; j < cv.size(); ++j) cv(j) += (r.costs + r.ma.col(j)).minCoeff();
    records.push_back(std::move(r));
    removeNode(u);
}

void ReductionGraph::applyR2(int u, std::vector<Record>& records) {
    const Node& n = m_nodes[at(u)];
    const auto [v, idv] = n.adj[0];
    const auto [w, idw] = n.adj[1];
    Record r;
    r.kind = Record::Kind::R2;
    r.node = n.orig;
    r.a = m_nodes[at(v)].orig;
    r.b = m_nodes[at(w)].orig;
    r.costs = n.costs;
    r.ma = oriented(idv, u);
    r.mb = oriented(idw, u);
    Eigen::MatrixXd delta(r.ma.cols(), r.mb.cols());
    for (Eigen::Index j = 0; j < r.ma.cols(); ++j) {
        const Eigen::VectorXd base = r.costs + r.ma.col(j);
        for (Eigen::Index k = 0; k < r.mb.cols(); ++k) delta(j, k) = (base + r.mb.col(k)).minCoeff();
    }
    records.push_back(std::move(r));
    removeNode(u);
    addEdge(v, w, delta);
}

void ReductionGraph::reduceExact(std::vector<Record>& records, Stats& stats) {
    for (;;) {
        if (const int u = popBucket(0); u >= 0) {
            applyR0(u, records);
            ++stats.r0;
        } else if (const int u1 = popBucket(1); u1 >= 0) {
            applyR1(u1, records);
            ++stats.r1;
        } else if (const int u2 = popBucket(2); u2 >= 0) {
            applyR2(u2, records);
            ++stats.r2;
        } else {
            return;
        }
    }
}

void ReductionGraph::fix(int u, int label, std::vector<Record>& records) {
    Node& n = m_nodes[at(u)];
    m_constant += n.costs(label);
    for (const auto& [v, id] : n.adj) {
        const EdgeData& e = m_edges[at(id)];
        if (e.a == u) m_nodes[at(v)].costs += e.m.row(label).transpose();
        else m_nodes[at(v)].costs += e.m.col(label);
    }
    Record r;
    r.kind = Record::Kind::Fixed;
    r.node = n.orig;
    r.label = label;
    records.push_back(std::move(r));
    removeNode(u);
}

double ReductionGraph::lowerBound(int sweeps, double cutoff) const {
    // Work on copies indexed by alive node; edges keep their orientation.
    std::vector<int> local(m_nodes.size(), -1);
    std::vector<Eigen::VectorXd> c;
    std::vector<std::vector<std::pair<int, int>>> adj;  // (edge copy, 0 if the node is its row side else 1)
    for (std::size_t u = 0; u < m_nodes.size(); ++u) {
        if (!m_nodes[u].alive) continue;
        local[u] = static_cast<int>(c.size());
        c.push_back(m_nodes[u].costs);
    }
    adj.resize(c.size());
    std::vector<Eigen::MatrixXd> m;
    for (const EdgeData& e : m_edges) {
        if (!e.alive) continue;
        const int id = static_cast<int>(m.size());
        m.push_back(e.m);
        adj[at(local[at(e.a)])].emplace_back(id, 0);
        adj[at(local[at(e.b)])].emplace_back(id, 1);
    }
    // Each edge's row minima charged to its first endpoint: for every
    // labelling, sum_v [c_v(l_v) + sum_{e owned by v} min_k e(l_v, k)] is at
    // most its cost, and the minimum over l_v of each bracket bounds it.
    auto bound = [&] {
        double b = m_constant;
        for (std::size_t v = 0; v < c.size(); ++v) {
            Eigen::VectorXd t = c[v];
            for (const auto& [id, side] : adj[v])
                if (side == 0) t += m[at(id)].rowwise().minCoeff();
            b += t.minCoeff();
        }
        return b;
    };
    double best = bound();
    for (int sweep = 0; sweep < sweeps && best < cutoff; ++sweep) {
        // Min-sum diffusion at each node v of degree d: with m_e(i) the row
        // minimum of edge e at label i, set c_v(i) and every m_e(i) to
        // t(i) = (c_v(i) + sum_e m_e(i)) / (d + 1) by shifting edge rows. Each
        // assignment keeps its cost. A label with t(i) = inf is forbidden
        // whatever the neighbours do: c_v(i) = inf, rows untouched (no inf - inf).
        for (std::size_t v = 0; v < c.size(); ++v) {
            const auto& edges = adj[v];
            if (edges.empty()) continue;
            std::vector<Eigen::VectorXd> mins;
            mins.reserve(edges.size());
            Eigen::VectorXd t = c[v];
            for (const auto& [id, side] : edges) {
                mins.push_back(side == 0 ? Eigen::VectorXd(m[at(id)].rowwise().minCoeff())
                                         : Eigen::VectorXd(m[at(id)].colwise().minCoeff().transpose()));
                t += mins.back();
            }
            const double share = 1.0 / static_cast<double>(edges.size() + 1);
            for (Eigen::Index i = 0; i < t.size(); ++i) {
                if (std::isinf(t(i))) {
                    c[v](i) = kInf;
                    continue;
                }
                const double target = t(i) * share;
                c[v](i) = target;
                for (std::size_t k = 0; k < edges.size(); ++k) {
                    const auto [id, side] = edges[k];
                    const double shift = target - mins[k](i);
                    if (side == 0) m[at(id)].row(i).array() += shift;
                    else m[at(id)].col(i).array() += shift;
                }
            }
        }
        const double b = bound();
        if (!(b > best + 1e-9 * (1 + std::abs(best)))) {
            best = std::max(best, b);
            break;
        }
        best = b;
    }
    return best;
}

int ReductionGraph::maxDegreeNode() const {
    if (!m_high.empty()) return m_high.rbegin()->second;
    for (int d = 2; d >= 0; --d)
        for (int u : m_buckets[d])
            if (m_nodes[at(u)].alive && degree(u) == d) return u;
    return -1;
}

Eigen::VectorXd ReductionGraph::localCosts(int u) const {
    const Node& n = m_nodes[at(u)];
    Eigen::VectorXd local = n.costs;
    for (const auto& [v, id] : n.adj) {
        const Eigen::MatrixXd m = oriented(id, u);
        const Eigen::VectorXd& cv = m_nodes[at(v)].costs;
        for (Eigen::Index i = 0; i < local.size(); ++i) local(i) += (m.row(i).transpose() + cv).minCoeff();
    }
    return local;
}

}  // namespace tessera::solver::pbqp::detail
