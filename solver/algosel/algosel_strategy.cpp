#include "solver/algosel/algosel_strategy.h"

#include "algosel_edit_internal.h"
#include "solver/algosel/algosel.h"

namespace tessera::solver::algosel {

namespace {

using explore::OptionSchema;
using explore::OptionType;
namespace dynamap = core::dynamap;

using detail::mappingPoint;

class AlgoselStrategy final : public explore::Strategy {
public:
    std::string_view name() const override { return "algosel"; }
    std::string_view description() const override {
        return "DYNAMAP (method 4): choose every convolution's algorithm (im2col, kn2row, Winograd) and dataflow on "
               "the platform's FPGA systolic-array overlay so that the end-to-end latency, layout transitions "
               "included, is minimal (an exact PBQP); compare with single-algorithm mappings and sweep the array size.";
    }
    std::string_view version() const override { return "algosel 1 (DYNAMAP cost model, exact PBQP)"; }
    const OptionSchema& options() const override {
        static const OptionSchema schema = {
            {"p1", OptionType::Integer, std::int64_t{0}, {}, 0, 65536, "PEs", "PE array rows (0: the descriptor's overlay)"},
            {"p2", OptionType::Integer, std::int64_t{0}, {}, 0, 65536, "PEs", "PE array columns (0: the descriptor's overlay)"},
            {"overlay-sweep", OptionType::Boolean, false, {}, 0, 0, "",
             "Also explore P1 x P2 in steps of 8 up to 256 under the FPGA's DSP budget, one point each"},
        };
        return schema;
    }

    void run(const core::Network& network, const core::Platform& platform, const core::OptionValues& values,
             const explore::RunContext& context, core::Exploration& out) const override {
        const detail::OverlaySetup setup = detail::overlaySetup(platform, values);
        if (!setup.problem.empty()) {
            out.status = core::Status::InvalidInput;
            out.message = setup.problem;
            return;
        }
        const std::string& fpga = setup.fpga;
        const core::DynamapOverlay& overlay = setup.overlay;
        pbqp::Options solve;
        solve.progress = context.progress;
        const Result r = selectAlgorithms(network, overlay, solve);
        out.status = r.status;
        out.message = r.message;
        if (r.mixed.layers.empty()) return;
        core::DesignPoint mixed = mappingPoint("mixed", r.mixed, overlay, setup.dspBudget, fpga);
        mixed.status = r.status;
        mixed.message = r.message;
        out.points.push_back(std::move(mixed));
        for (const Baseline& b : r.baselines)
            out.points.push_back(mappingPoint("all " + std::string(dynamap::algorithmName(b.algorithm)), b.mapping,
                                              overlay, setup.dspBudget, fpga));
        for (std::size_t i = 1; i < out.points.size(); ++i) out.points[i].baseline = true;
        if (context.point)
            for (const auto& p : out.points) context.point(p);
        if (!std::get<bool>(values.at("overlay-sweep"))) return;
        SweepOptions so;
        so.dspBudget = setup.dspBudget;
        so.progress = context.progress;
        const SweepResult sweep = sweepOverlay(network, overlay, so);
        for (const SweepPoint& sp : sweep.points) {
            core::DynamapOverlay o = overlay;
            o.p1 = sp.p1;
            o.p2 = sp.p2;
            core::DesignPoint p = mappingPoint(std::to_string(sp.p1) + " x " + std::to_string(sp.p2), sp.mapping, o,
                                               setup.dspBudget, fpga);
            p.status = sp.exact ? core::Status::Optimal : core::Status::Heuristic;
            p.detail["dsp_front"] = sp.pareto;
            if (context.point) context.point(p);
            out.points.push_back(std::move(p));
        }
        if (sweep.status != core::Status::Optimal) {
            out.status = sweep.status;
            out.message += "; sweep: " + sweep.message;
        }
    }

    std::vector<core::EditableChoice> editable(const core::Network& network, const core::Platform&,
                                               const core::OptionValues&,
                                               const core::LayerDecision& layer) const override {
        return detail::editableChoices(network, layer);
    }

protected:
    core::DesignPoint evaluateEdits(const core::Network& network, const core::Platform& platform,
                                    const core::OptionValues& values, const core::DesignPoint& base,
                                    const std::vector<core::LayerEdit>& edits) const override {
        return detail::evaluateEdits(network, platform, values, base, edits);
    }
    core::DesignPoint reoptimiseLocked(const core::Network& network, const core::Platform& platform,
                                       const core::Exploration& exploration, const core::DesignPoint& base,
                                       const std::vector<core::LayerEdit>& locked,
                                       const explore::RunContext& context) const override {
        return detail::reoptimiseLocked(network, platform, exploration.options, base, locked, context.progress);
    }
};

}  // namespace

namespace detail {

namespace {

std::vector<core::LayerDecision> layerDecisions(const Mapping& m) {
    std::vector<core::LayerDecision> out;
    for (const LayerChoice& c : m.layers) {
        core::LayerDecision d;
        d.layerId = c.layer.value;
        d.layer = c.name;
        d.choice = {{"algorithm", std::string(dynamap::algorithmName(c.algorithm))},
                    {"dataflow", std::string(dynamap::dataflowName(c.dataflow))}};
        d.latencyMs = c.computeMs + c.transitionMs;
        nlohmann::json admissible = nlohmann::json::array();
        for (Algorithm a : c.admissible) admissible.push_back(dynamap::algorithmName(a));
        d.detail = {{"compute_ms", c.computeMs}, {"transition_ms", c.transitionMs}, {"admissible", admissible}};
        out.push_back(std::move(d));
    }
    return out;
}

}  // namespace

core::DesignPoint mappingPoint(std::string label, const Mapping& m, const core::DynamapOverlay& o, std::int64_t budget,
                               const std::string& fpga) {
    core::DesignPoint p;
    p.label = std::move(label);
    p.latencyMs = m.totalMs;
    const auto dsps = static_cast<double>(dynamap::overlayDsps(o.p1, o.p2, o.dataBits));
    p.resources.push_back({fpga, "dsps", "DSP", dsps, static_cast<double>(budget)});
    if (dsps > static_cast<double>(budget)) {
        p.feasible = false;
        p.violations.push_back({fpga, fpga + " DSP " + std::to_string(static_cast<long long>(dsps)) + " of " +
                                          std::to_string(budget) + " (" + std::to_string(o.p1) + " x " +
                                          std::to_string(o.p2) + " array)"});
    }
    p.layers = layerDecisions(m);
    p.detail = {{"p1", o.p1},
                {"p2", o.p2},
                {"compute_ms", m.computeMs},
                {"transition_ms", m.transitionMs},
                {"mix",
                 {{"im2col", m.count(Algorithm::Im2col)},
                  {"kn2row", m.count(Algorithm::Kn2row)},
                  {"winograd", m.count(Algorithm::Winograd)}}}};
    return p;
}

OverlaySetup overlaySetup(const core::Platform& platform, const core::OptionValues& values) {
    OverlaySetup s;
    const PlatformOverlay o = platformOverlay(platform);
    if (!o.overlay) {
        s.problem = o.message;
        return s;
    }
    for (const auto& d : platform.devices())
        if (d.kind == core::DeviceKind::Fpga && d.overlay && d.overlay->dynamap()) {
            s.fpga = d.id;
            break;
        }
    s.overlay = *o.overlay;
    s.dspBudget = o.dspBudget;
    if (const auto p1 = std::get<std::int64_t>(values.at("p1")); p1 > 0) s.overlay.p1 = static_cast<int>(p1);
    if (const auto p2 = std::get<std::int64_t>(values.at("p2")); p2 > 0) s.overlay.p2 = static_cast<int>(p2);
    return s;
}

}  // namespace detail

const explore::Strategy& algoselStrategy() {
    static const AlgoselStrategy strategy;
    return strategy;
}

}  // namespace tessera::solver::algosel
