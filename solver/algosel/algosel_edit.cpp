// Editing DYNAMAP points: a convolution's algorithm or dataflow changed by
// hand, costed with the DYNAMAP model the PBQP optimises (core/cost's
// layerCost and transitionCost on the point's overlay), and the PBQP solved
// again with locked layers.
//
// A layer's latency is its compute plus the layout transitions into it, and
// a transition depends on the algorithms at both ends of its edge: an edit
// re-costs the edited layers and the convolutions they feed directly (a
// join in between lays the data out plainly, so it stops the change).

#include <cmath>
#include <limits>

#include "algosel_edit_internal.h"

namespace tessera::solver::algosel::detail {

namespace dynamap = core::dynamap;

namespace {

std::optional<Dataflow> dataflowFromName(std::string_view name) {
    for (Dataflow d : {Dataflow::OutputStationary, Dataflow::WeightStationary})
        if (dynamap::dataflowName(d) == name) return d;
    return std::nullopt;
}

double computeMs(const dynamap::AlgorithmCost& c, Dataflow d) {
    return d == Dataflow::OutputStationary ? c.outputStationaryMs : c.weightStationaryMs;
}

core::DesignPoint invalid(std::string message) {
    core::DesignPoint p;
    p.status = core::Status::InvalidInput;
    p.message = std::move(message);
    return p;
}

// The point's own overlay: a sweep point records its array in its detail.
OverlaySetup pointSetup(const core::Platform& platform, const core::OptionValues& values, const core::DesignPoint& p) {
    OverlaySetup s = overlaySetup(platform, values);
    if (s.problem.empty() && p.detail.is_object()) {
        if (const auto it = p.detail.find("p1"); it != p.detail.end() && it->is_number_integer()) s.overlay.p1 = it->get<int>();
        if (const auto it = p.detail.find("p2"); it != p.detail.end() && it->is_number_integer()) s.overlay.p2 = it->get<int>();
    }
    return s;
}

double detailNumber(const core::LayerDecision& l, const char* key) {
    if (!l.detail.is_object()) return std::numeric_limits<double>::quiet_NaN();
    const auto it = l.detail.find(key);
    return it != l.detail.end() && it->is_number() ? it->get<double>() : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace

std::vector<core::EditableChoice> editableChoices(const core::Network& net, const core::LayerDecision& layer) {
    if (layer.layerId < 0 || static_cast<std::size_t>(layer.layerId) >= net.layerCount()) return {};
    const auto v = core::convView(net, core::LayerId{layer.layerId});
    if (!v) return {};
    std::vector<std::string> algorithms;
    for (Algorithm a : dynamap::admissibleAlgorithms(*v)) algorithms.emplace_back(dynamap::algorithmName(a));
    return {{core::EditableChoice::Kind::Choice, "algorithm", algorithms,
             "How the convolution runs on the systolic array; the layout transitions into it and into the layers it "
             "feeds change with it"},
            {core::EditableChoice::Kind::Choice,
             "dataflow",
             {std::string(dynamap::dataflowName(Dataflow::OutputStationary)),
              std::string(dynamap::dataflowName(Dataflow::WeightStationary))},
             "Output-stationary (OS) or weight-stationary (WS); by default the faster one for the algorithm"}};
}

core::DesignPoint evaluateEdits(const core::Network& net, const core::Platform& platform, const core::OptionValues& values,
                                const core::DesignPoint& base, const std::vector<core::LayerEdit>& edits) {
    const OverlaySetup setup = pointSetup(platform, values, base);
    if (!setup.problem.empty()) return invalid(setup.problem);
    const GraphShape shape = graphShape(net);
    const std::size_t n = shape.nodes.size();
    std::vector<int> nodeOfLayer(net.layerCount(), -1);
    for (std::size_t v = 0; v < n; ++v) nodeOfLayer[static_cast<std::size_t>(shape.nodes[v].layer.value)] = static_cast<int>(v);

    // Every convolution's decision in the point, then the edits over them.
    std::vector<int> layerOf(n, -1);  // index into base.layers
    std::vector<Algorithm> algorithm(n, Algorithm::Im2col);
    std::vector<Dataflow> dataflow(n, Dataflow::OutputStationary);
    std::vector<bool> edited(n, false), recost(n, false);
    bool figures = true;  // every layer carries its compute and transition times
    for (std::size_t i = 0; i < base.layers.size(); ++i) {
        const core::LayerDecision& l = base.layers[i];
        const int v = nodeOfLayer[static_cast<std::size_t>(l.layerId)];
        const auto a = dynamap::algorithmFromName(l.choiceValue("algorithm"));
        const auto d = dataflowFromName(l.choiceValue("dataflow"));
        if (v < 0 || shape.nodes[static_cast<std::size_t>(v)].join || !a || !d)
            return invalid("layer " + l.layer + ": not a convolution of the DYNAMAP graph with an algorithm and a dataflow");
        layerOf[static_cast<std::size_t>(v)] = static_cast<int>(i);
        algorithm[static_cast<std::size_t>(v)] = *a;
        dataflow[static_cast<std::size_t>(v)] = *d;
        figures = figures && std::isfinite(detailNumber(l, "compute_ms")) && std::isfinite(detailNumber(l, "transition_ms"));
    }
    for (std::size_t v = 0; v < n; ++v)
        if (!shape.nodes[v].join && layerOf[v] < 0)
            return invalid("layer " + net.layer(shape.nodes[v].layer).name + ": the point has no decision for it");
    for (const auto& e : edits) {
        const auto v = static_cast<std::size_t>(nodeOfLayer[static_cast<std::size_t>(e.layerId)]);
        const std::string a = e.choiceValue("algorithm"), d = e.choiceValue("dataflow");
        if (!a.empty()) algorithm[v] = *dynamap::algorithmFromName(a);
        if (!d.empty()) dataflow[v] = *dataflowFromName(d);
        else if (!a.empty())
            dataflow[v] = dynamap::layerCost(*shape.nodes[v].geometry, algorithm[v], setup.overlay).bestDataflow();
        edited[v] = true;
    }
    // What the edits reach: the edited layers, and the convolutions they feed
    // directly (their transitions depend on the producer's algorithm). A
    // point without its per-layer figures is costed whole.
    for (std::size_t v = 0; v < n; ++v) {
        if (shape.nodes[v].join) continue;
        recost[v] = !figures || edited[v];
        for (int u : shape.nodes[v].sources) recost[v] = recost[v] || edited[static_cast<std::size_t>(u)];
    }

    core::DesignPoint out = base;
    for (std::size_t v = 0; v < n; ++v) {
        if (!recost[v]) continue;
        const GraphShape::Node& node = shape.nodes[v];
        const core::ConvView& geo = *node.geometry;
        const double compute = computeMs(dynamap::layerCost(geo, algorithm[v], setup.overlay), dataflow[v]);
        // Summed as mappingFromLabels sums them, so an unchanged layer's figures come out identical.
        double incoming = 0;
        for (int u : node.sources) {
            const GraphShape::Node& from = shape.nodes[static_cast<std::size_t>(u)];
            incoming += dynamap::transitionCost(geo, geo.c, algorithm[v],
                                                from.join ? std::nullopt : std::optional(algorithm[static_cast<std::size_t>(u)]),
                                                setup.overlay);
        }
        const double input = node.fromInput ? dynamap::transitionCost(geo, geo.c, algorithm[v], std::nullopt, setup.overlay)
                                            : 0.0;
        core::LayerDecision& l = out.layers[static_cast<std::size_t>(layerOf[v])];
        l.choice = {{"algorithm", std::string(dynamap::algorithmName(algorithm[v]))},
                    {"dataflow", std::string(dynamap::dataflowName(dataflow[v]))}};
        if (!l.detail.is_object()) l.detail = nlohmann::json::object();
        l.detail["compute_ms"] = compute;
        l.detail["transition_ms"] = input + incoming;
        l.latencyMs = compute + (input + incoming);
    }
    double compute = 0, transition = 0;
    int mix[3] = {0, 0, 0};
    for (const auto& l : out.layers) {
        compute += detailNumber(l, "compute_ms");
        transition += detailNumber(l, "transition_ms");
        ++mix[static_cast<int>(*dynamap::algorithmFromName(l.choiceValue("algorithm")))];
    }
    out.latencyMs = compute + transition;
    if (!out.detail.is_object()) out.detail = nlohmann::json::object();
    out.detail["p1"] = setup.overlay.p1;
    out.detail["p2"] = setup.overlay.p2;
    out.detail["compute_ms"] = compute;
    out.detail["transition_ms"] = transition;
    out.detail["mix"] = {{"im2col", mix[0]}, {"kn2row", mix[1]}, {"winograd", mix[2]}};
    out.message.clear();
    return out;
}

core::DesignPoint reoptimiseLocked(const core::Network& net, const core::Platform& platform, const core::OptionValues& values,
                                   const core::DesignPoint& base, const std::vector<core::LayerEdit>& locked,
                                   const core::ProgressCallback& progress) {
    const OverlaySetup setup = pointSetup(platform, values, base);
    if (!setup.problem.empty()) return invalid(setup.problem);
    const AlgoselGraph graph = buildGraph(net, setup.overlay);
    std::vector<std::optional<Dataflow>> lockedFlow(graph.nodes.size());
    pbqp::Problem problem;
    for (std::size_t v = 0; v < graph.nodes.size(); ++v) {
        const GraphNode& node = graph.nodes[v];
        Eigen::VectorXd costs = graph.problem.nodeCosts(static_cast<int>(v));
        for (const auto& e : locked) {
            if (e.layerId != node.layer.value || node.join) continue;
            const auto a = dynamap::algorithmFromName(e.choiceValue("algorithm"));
            const auto d = dataflowFromName(e.choiceValue("dataflow"));
            if (!a || !d) return invalid("layer " + net.layer(node.layer).name + ": a lock needs an algorithm and a dataflow");
            // The locked algorithm alone, costed with the locked dataflow.
            for (std::size_t l = 0; l < node.labels.size(); ++l)
                costs[static_cast<Eigen::Index>(l)] = node.labels[l] == *a
                                                          ? computeMs(node.costs[l], *d) + node.inputTransitionMs[l]
                                                          : pbqp::kInf;
            lockedFlow[v] = d;
        }
        problem.addNode(graph.problem.name(static_cast<int>(v)), std::move(costs));
    }
    for (const pbqp::Edge& e : graph.problem.edges()) problem.addEdge(e.from, e.to, e.costs);
    pbqp::Options options;
    options.progress = progress;
    const pbqp::Solution s = pbqp::solve(problem, options);
    if (s.labels.empty() || !std::isfinite(s.cost)) {
        core::DesignPoint p = invalid("no mapping around the locked layers: " + s.message);
        p.status = s.status == core::Status::Cancelled ? core::Status::Cancelled : core::Status::InvalidInput;
        return p;
    }
    Mapping m = mappingFromLabels(net, graph, s.labels);
    // mappingFromLabels takes each layer's better dataflow; a lock may say otherwise.
    m.computeMs = 0;
    m.transitionMs = 0;
    std::size_t k = 0;
    for (std::size_t v = 0; v < graph.nodes.size(); ++v) {
        if (graph.nodes[v].join) continue;
        LayerChoice& c = m.layers[k++];
        if (lockedFlow[v]) {
            c.dataflow = *lockedFlow[v];
            c.computeMs = computeMs(graph.nodes[v].costs[static_cast<std::size_t>(s.labels[v])], c.dataflow);
        }
        m.computeMs += c.computeMs;
        m.transitionMs += c.transitionMs;
    }
    m.totalMs = m.computeMs + m.transitionMs;
    core::DesignPoint p = mappingPoint(base.label, m, setup.overlay, setup.dspBudget, setup.fpga);
    p.status = s.exact ? core::Status::Optimal : core::Status::Heuristic;
    p.message = s.exact ? "the PBQP around the locked layers, solved exactly" : "the PBQP around the locked layers: " + s.message;
    return p;
}

}  // namespace tessera::solver::algosel::detail
