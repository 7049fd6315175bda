#include "solver/algosel/algosel.h"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "solver/pareto/pareto.h"

namespace tessera::solver::algosel {

using core::LayerId;
using core::dynamap::AlgorithmCost;
using core::ConvView;

namespace {

int labelIndex(const GraphNode& node, Algorithm a) {
    for (std::size_t i = 0; i < node.labels.size(); ++i)
        if (node.labels[i] == a) return static_cast<int>(i);
    return -1;
}

}  // namespace

int Mapping::count(Algorithm a) const {
    return static_cast<int>(std::count_if(layers.begin(), layers.end(), [a](const LayerChoice& c) { return c.algorithm == a; }));
}

GraphShape graphShape(const core::Network& net) {
    GraphShape g;
    const std::size_t n = net.layerCount();
    std::vector<int> nodeOf(n, -1);
    // For a contracted layer: the PBQP nodes whose layout reaches its output,
    // and whether the network input does.
    struct Upstream {
        std::set<int> nodes;
        bool fromInput = false;
    };
    std::vector<Upstream> up(n);
    for (std::size_t i = 0; i < n; ++i) {
        const LayerId id{static_cast<int>(i)};
        const core::Layer& layer = net.layer(id);
        Upstream sources;
        for (const std::string& t : layer.inputs) {
            const auto p = net.producer(t);
            if (!p) {
                sources.fromInput = true;
            } else if (nodeOf[static_cast<std::size_t>(p->value)] >= 0) {
                sources.nodes.insert(nodeOf[static_cast<std::size_t>(p->value)]);
            } else {
                const Upstream& u = up[static_cast<std::size_t>(p->value)];
                sources.nodes.insert(u.nodes.begin(), u.nodes.end());
                sources.fromInput = sources.fromInput || u.fromInput;
            }
        }
        std::optional<ConvView> geometry = core::convView(net, id);
        const bool isJoin = !geometry && layer.inputs.size() >= 2;
        if (!geometry && !isJoin) {
            up[i] = std::move(sources);
            continue;
        }
        const int v = static_cast<int>(g.nodes.size());
        nodeOf[i] = v;
        up[i].nodes = {v};
        g.nodes.push_back({id, isJoin, std::move(geometry), {sources.nodes.begin(), sources.nodes.end()}, sources.fromInput});
    }
    return g;
}

AlgoselGraph buildGraph(const core::Network& net, const core::DynamapOverlay& overlay) {
    AlgoselGraph g;
    for (const GraphShape::Node& shape : graphShape(net).nodes) {
        GraphNode node;
        node.layer = shape.layer;
        node.join = shape.join;
        Eigen::VectorXd costs;
        if (shape.geometry) {
            const ConvView& geo = *shape.geometry;
            node.labels = core::dynamap::admissibleAlgorithms(geo);
            costs.resize(static_cast<Eigen::Index>(node.labels.size()));
            for (std::size_t l = 0; l < node.labels.size(); ++l) {
                node.costs.push_back(core::dynamap::layerCost(geo, node.labels[l], overlay));
                if (shape.fromInput)
                    node.inputTransitionMs[l] =
                        core::dynamap::transitionCost(geo, geo.c, node.labels[l], std::nullopt, overlay);
                costs[static_cast<Eigen::Index>(l)] = node.costs[l].ms() + node.inputTransitionMs[l];
            }
        } else {
            costs = Eigen::VectorXd::Zero(1);
        }
        const int v = g.problem.addNode(net.layer(shape.layer).name, std::move(costs));
        for (int u : shape.sources) {
            const GraphNode& from = g.nodes[static_cast<std::size_t>(u)];
            const Eigen::Index rows = from.join ? 1 : static_cast<Eigen::Index>(from.labels.size());
            const Eigen::Index cols = shape.geometry ? static_cast<Eigen::Index>(node.labels.size()) : 1;
            Eigen::MatrixXd m = Eigen::MatrixXd::Zero(rows, cols);
            if (shape.geometry) {
                const ConvView& geo = *shape.geometry;
                for (Eigen::Index r = 0; r < rows; ++r)
                    for (Eigen::Index c = 0; c < cols; ++c) {
                        const std::optional<Algorithm> prev =
                            from.join ? std::nullopt : std::optional<Algorithm>(from.labels[static_cast<std::size_t>(r)]);
                        m(r, c) = core::dynamap::transitionCost(geo, geo.c, node.labels[static_cast<std::size_t>(c)], prev,
                                                                overlay);
                    }
            }
            g.problem.addEdge(u, v, std::move(m));
        }
        g.nodes.push_back(std::move(node));
    }
    return g;
}

Mapping mappingFromLabels(const core::Network& net, const AlgoselGraph& graph, const std::vector<int>& labels) {
    Mapping m;
    std::vector<double> incoming(graph.nodes.size(), 0.0);
    for (const pbqp::Edge& e : graph.problem.edges())
        incoming[static_cast<std::size_t>(e.to)] +=
            e.costs(labels[static_cast<std::size_t>(e.from)], labels[static_cast<std::size_t>(e.to)]);
    for (std::size_t v = 0; v < graph.nodes.size(); ++v) {
        const GraphNode& node = graph.nodes[v];
        if (node.join) continue;
        const auto l = static_cast<std::size_t>(labels[v]);
        LayerChoice c;
        c.layer = node.layer;
        c.name = net.layer(node.layer).name;
        c.algorithm = node.labels[l];
        c.dataflow = node.costs[l].bestDataflow();
        c.computeMs = node.costs[l].ms();
        c.transitionMs = node.inputTransitionMs[l] + incoming[v];
        c.admissible = node.labels;
        m.computeMs += c.computeMs;
        m.transitionMs += c.transitionMs;
        m.layers.push_back(std::move(c));
    }
    m.totalMs = m.computeMs + m.transitionMs;
    return m;
}

std::vector<int> uniformLabels(const AlgoselGraph& graph, Algorithm a) {
    std::vector<int> labels;
    labels.reserve(graph.nodes.size());
    for (const GraphNode& node : graph.nodes) {
        if (node.join) {
            labels.push_back(0);
            continue;
        }
        int l = labelIndex(node, a);
        if (l < 0) l = labelIndex(node, Algorithm::Kn2row);
        labels.push_back(std::max(l, 0));  // im2col (always admissible) is label 0
    }
    return labels;
}

Result selectAlgorithms(const core::Network& net, const core::DynamapOverlay& overlay, const pbqp::Options& options) {
    Result r;
    r.overlay = overlay;
    const AlgoselGraph graph = buildGraph(net, overlay);
    if (std::none_of(graph.nodes.begin(), graph.nodes.end(), [](const GraphNode& x) { return !x.join; })) {
        r.status = core::Status::InvalidInput;
        r.message = "network '" + net.name + "' has no convolution or fully-connected layer to map on the overlay";
        return r;
    }
    r.pbqpNodes = graph.problem.nodeCount();
    r.pbqpEdges = static_cast<int>(graph.problem.edges().size());
    const pbqp::Solution s = pbqp::solve(graph.problem, options);
    r.status = s.status;
    r.exact = s.exact;
    r.message = s.message;
    r.stats = s.stats;
    if (s.labels.empty()) return r;
    r.mixed = mappingFromLabels(net, graph, s.labels);
    for (Algorithm a : core::dynamap::kAllAlgorithms) {
        Baseline b;
        b.algorithm = a;
        b.mapping = mappingFromLabels(net, graph, uniformLabels(graph, a));
        b.speedup = r.mixed.totalMs > 0 ? b.mapping.totalMs / r.mixed.totalMs : 1.0;
        r.baselines.push_back(std::move(b));
    }
    return r;
}

PlatformOverlay platformOverlay(const core::Platform& platform) {
    PlatformOverlay out;
    for (const core::Device& d : platform.devices()) {
        if (d.kind != core::DeviceKind::Fpga || !d.overlay) continue;
        if (auto o = d.overlay->dynamap()) {
            if (!d.fpga.dsps) {
                out.message = "platform '" + platform.name() + "' gives no DSP budget for its overlay FPGA";
                return out;
            }
            out.overlay = *o;
            out.dspBudget = static_cast<std::int64_t>(d.fpga.dsps->value);
            return out;
        }
    }
    out.message = "platform '" + platform.name() +
                  "' has no FPGA with a \"dynamap\" overlay (devices[].overlay.kind); DYNAMAP needs one, "
                  "e.g. the built-in alveo_u200_host";
    return out;
}

SweepResult sweepOverlay(const core::Network& net, const core::DynamapOverlay& base, const SweepOptions& options) {
    SweepResult out;
    auto invalid = [&out](std::string message) {
        out.status = core::Status::InvalidInput;
        out.message = std::move(message);
        return out;
    };
    if (options.dspBudget <= 0) return invalid("sweep: the DSP budget must be positive");
    auto grid = [](const std::vector<int>& given) {
        std::vector<int> v = given;
        if (v.empty())
            for (int x = 8; x <= 256; x += 8) v.push_back(x);
        return v;
    };
    const std::vector<int> p1s = grid(options.p1Values), p2s = grid(options.p2Values);
    for (const std::vector<int>* v : {&p1s, &p2s})
        for (int x : *v)
            if (x <= 0 || x > 65536) return invalid("sweep: array sizes must be in 1..65536, got " + std::to_string(x));
    std::vector<std::pair<int, int>> todo;
    for (int p1 : p1s)
        for (int p2 : p2s)
            if (core::dynamap::overlayDsps(p1, p2, base.dataBits) <= options.dspBudget) todo.emplace_back(p1, p2);
    bool allExact = true;
    for (std::size_t i = 0; i < todo.size(); ++i) {
        if (options.progress &&
            !options.progress(static_cast<double>(i) / static_cast<double>(todo.size()),
                              std::to_string(todo[i].first) + " x " + std::to_string(todo[i].second) + " (" +
                                  std::to_string(i + 1) + " of " + std::to_string(todo.size()) + ")")) {
            out.status = core::Status::Cancelled;
            out.message = "cancelled after " + std::to_string(i) + " of " + std::to_string(todo.size()) + " designs";
            break;
        }
        core::DynamapOverlay o = base;
        o.p1 = todo[i].first;
        o.p2 = todo[i].second;
        const Result r = selectAlgorithms(net, o);
        if (r.status == core::Status::InvalidInput) return invalid(r.message);
        if (r.mixed.layers.empty()) continue;
        allExact = allExact && r.exact;
        SweepPoint p;
        p.p1 = o.p1;
        p.p2 = o.p2;
        p.dsps = core::dynamap::overlayDsps(o.p1, o.p2, o.dataBits);
        p.totalMs = r.mixed.totalMs;
        p.im2col = r.mixed.count(Algorithm::Im2col);
        p.kn2row = r.mixed.count(Algorithm::Kn2row);
        p.winograd = r.mixed.count(Algorithm::Winograd);
        p.exact = r.exact;
        p.mapping = r.mixed;
        out.points.push_back(std::move(p));
    }
    std::sort(out.points.begin(), out.points.end(), [](const SweepPoint& a, const SweepPoint& b) {
        return a.dsps != b.dsps ? a.dsps < b.dsps : a.totalMs < b.totalMs;
    });
    std::vector<pareto::Objectives> objectives;
    objectives.reserve(out.points.size());
    for (const SweepPoint& p : out.points) objectives.push_back({static_cast<double>(p.dsps), p.totalMs});
    for (std::size_t i : pareto::nonDominated(objectives)) out.points[i].pareto = true;
    for (std::size_t i = 0; i < out.points.size(); ++i)
        if (!out.best || out.points[i].totalMs < out.points[*out.best].totalMs) out.best = i;
    if (out.status != core::Status::Cancelled) {
        out.status = allExact ? core::Status::Optimal : core::Status::Heuristic;
        out.message = std::to_string(out.points.size()) + " of " + std::to_string(todo.size()) + " designs solved" +
                      (allExact ? ", each proven optimal" : ", not all proven optimal");
    }
    return out;
}

}  // namespace tessera::solver::algosel
