// tessera-cli algosel: DYNAMAP per-layer convolution algorithm selection on an
// FPGA overlay (methods.md section 4).

#include <ostream>

#include <nlohmann/json.hpp>

#include "cli.h"
#include "core/platform/platform.h"
#include "core/zoo/zoo.h"
#include "format.h"
#include "solver/algosel/algosel.h"

namespace tessera::cli {

namespace {

using core::FormatError;
using nlohmann::json;
namespace algosel = solver::algosel;
namespace dynamap = core::dynamap;

std::optional<int> positiveInt(const Args& args, const std::string& name, int maxValue, CliStreams io) {
    auto v = args.value(name);
    if (!v) return std::nullopt;
    std::size_t used = 0;
    long long x = 0;
    try {
        x = std::stoll(*v, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != v->size() || x < 1 || x > maxValue) {
        io.err << "tessera-cli algosel: --" << name << " must be a whole number in 1.." << maxValue << ", got '" << *v
               << "'\n";
        return -1;
    }
    return static_cast<int>(x);
}

json mappingJson(const algosel::Mapping& m) {
    return {{"total_ms", m.totalMs},
            {"compute_ms", m.computeMs},
            {"transition_ms", m.transitionMs},
            {"mix",
             {{"im2col", m.count(dynamap::Algorithm::Im2col)},
              {"kn2row", m.count(dynamap::Algorithm::Kn2row)},
              {"winograd", m.count(dynamap::Algorithm::Winograd)}}}};
}

json overlayJson(const core::DynamapOverlay& o) {
    return {{"p1", o.p1},
            {"p2", o.p2},
            {"clock_mhz", o.clockMhz},
            {"bandwidth_gbs", o.bandwidthGBs},
            {"winograd_m", o.winogradM},
            {"winograd_r", o.winogradR},
            {"double_buffering", o.doubleBuffering},
            {"data_bits", o.dataBits},
            {"dsps", dynamap::overlayDsps(o.p1, o.p2, o.dataBits)},
            {"transfer_factor", dynamap::transferFactor(o)}};
}

}  // namespace

int runAlgoselCommand(const std::vector<std::string>& argv, CliStreams io) {
    Args args("tessera-cli algosel --network NETWORK [--platform PLATFORM] [--p1 N --p2 N] [--sweep] [--json]",
              "Choose for every convolution its algorithm (im2col, kn2row, Winograd) and dataflow (OS, WS) on the\n"
              "platform's DYNAMAP systolic-array overlay so that the end-to-end latency, layout transitions\n"
              "included, is minimal (an exact PBQP on the layer graph), and compare with every single-algorithm\n"
              "mapping. NETWORK is a zoo name, a .json network or an .onnx model; PLATFORM a built-in descriptor\n"
              "name or a .json file with an FPGA carrying a \"dynamap\" overlay (default: alveo_u200_host).",
              {{"network", "NETWORK", "The network to map (required)"},
               {"platform", "PLATFORM", "Platform descriptor (default alveo_u200_host)"},
               {"p1", "N", "PE array rows (default: the descriptor's overlay)"},
               {"p2", "N", "PE array columns (default: the descriptor's overlay)"},
               {"sweep", "", "Explore (P1, P2) in steps of 8 up to 256 under the FPGA's DSP budget"},
               {"json", "", "Print one JSON document"}});
    if (auto rc = parseOrReport(args, argv, io)) return *rc;
    if (!args.positionals().empty()) {
        io.err << "tessera-cli algosel: unexpected argument '" << args.positionals()[0] << "' (see --help)\n";
        return kExitUsage;
    }
    const auto networkSpec = args.value("network");
    if (!networkSpec) {
        io.err << "tessera-cli algosel: --network is required (see --help)\n";
        return kExitUsage;
    }
    const auto p1 = positiveInt(args, "p1", 65536, io);
    const auto p2 = positiveInt(args, "p2", 65536, io);
    if ((p1 && *p1 < 0) || (p2 && *p2 < 0)) return kExitUsage;

    const core::OpenedNetwork opened = core::openNetworkWithWarnings(*networkSpec);
    for (const auto& w : opened.warnings) io.err << "warning: " << w << "\n";
    const core::Network& net = opened.network;
    const core::Platform platform = core::openPlatform(args.value("platform").value_or("alveo_u200_host"));
    const algosel::PlatformOverlay setup = algosel::platformOverlay(platform);
    if (!setup.overlay) {
        io.err << "tessera-cli: " << setup.message << "\n";
        return kExitFailure;
    }
    core::DynamapOverlay overlay = *setup.overlay;
    if (p1) overlay.p1 = *p1;
    if (p2) overlay.p2 = *p2;
    const std::int64_t budget = setup.dspBudget;
    const std::int64_t used = dynamap::overlayDsps(overlay.p1, overlay.p2, overlay.dataBits);
    if (used > budget) {
        io.err << "tessera-cli algosel: a " << overlay.p1 << " x " << overlay.p2 << " array of " << overlay.dataBits
               << "-bit PEs needs " << withThousands(used) << " DSPs; platform '" << platform.name() << "' has "
               << withThousands(budget) << "\n";
        return kExitFailure;
    }

    const algosel::Result r = algosel::selectAlgorithms(net, overlay);
    if (r.mixed.layers.empty()) {
        io.err << "tessera-cli: " << r.message << "\n";
        return kExitFailure;
    }
    std::optional<algosel::SweepResult> sweep;
    if (args.flag("sweep")) {
        algosel::SweepOptions so;
        so.dspBudget = budget;
        sweep = algosel::sweepOverlay(net, overlay, so);
    }

    if (args.flag("json")) {
        json layers = json::array();
        for (const auto& c : r.mixed.layers) {
            json admissible = json::array();
            for (auto a : c.admissible) admissible.push_back(dynamap::algorithmName(a));
            layers.push_back({{"name", c.name},
                              {"algorithm", dynamap::algorithmName(c.algorithm)},
                              {"dataflow", dynamap::dataflowName(c.dataflow)},
                              {"compute_ms", c.computeMs},
                              {"transition_ms", c.transitionMs},
                              {"admissible", admissible}});
        }
        json baselines = json::object();
        for (const auto& b : r.baselines) {
            json j = mappingJson(b.mapping);
            j["speedup"] = b.speedup;
            baselines[std::string(dynamap::algorithmName(b.algorithm))] = j;
        }
        json doc = {{"network", net.name},
                    {"platform", platform.name()},
                    {"overlay", overlayJson(overlay)},
                    {"dsp_budget", budget},
                    {"status", core::statusName(r.status)},
                    {"exact", r.exact},
                    {"message", r.message},
                    {"pbqp", {{"nodes", r.pbqpNodes}, {"edges", r.pbqpEdges}, {"seconds", r.stats.seconds}}},
                    {"mixed", mappingJson(r.mixed)},
                    {"layers", layers},
                    {"baselines", baselines}};
        if (sweep) {
            json points = json::array();
            for (const auto& p : sweep->points)
                points.push_back({{"p1", p.p1},
                                  {"p2", p.p2},
                                  {"dsps", p.dsps},
                                  {"total_ms", p.totalMs},
                                  {"pareto", p.pareto},
                                  {"exact", p.exact},
                                  {"mix", {{"im2col", p.im2col}, {"kn2row", p.kn2row}, {"winograd", p.winograd}}}});
            doc["sweep"] = {{"points", points}, {"dsp_budget", budget}};
        }
        io.out << doc.dump(1) << "\n";
        return kExitOk;
    }

    io.out << net.name << " on " << platform.displayName() << "\n"
           << "overlay " << overlay.p1 << " x " << overlay.p2 << " PEs (" << withThousands(used) << " of "
           << withThousands(budget) << " DSPs), " << overlay.clockMhz << " MHz, " << overlay.bandwidthGBs
           << " GB/s, F(" << overlay.winogradM << "," << overlay.winogradR << "), transfers x"
           << dynamap::transferFactor(overlay) << "\n\n";
    std::vector<std::vector<std::string>> rows;
    for (const auto& c : r.mixed.layers)
        rows.push_back({c.name, std::string(dynamap::algorithmName(c.algorithm)), std::string(dynamap::dataflowName(c.dataflow)),
                        fixed(c.computeMs, 6), fixed(c.transitionMs, 6)});
    io.out << renderTable({"layer", "algorithm", "dataflow", "compute ms", "transition ms"}, rows, {3, 4}) << "\n";
    io.out << "mixed mapping: " << fixed(r.mixed.totalMs, 4) << " ms (compute " << fixed(r.mixed.computeMs, 4)
           << ", transitions " << fixed(r.mixed.transitionMs, 4) << "); " << (r.exact ? "proven optimal" : "not proven optimal")
           << " (PBQP " << r.pbqpNodes << " nodes, " << r.pbqpEdges << " edges, " << fixed(r.stats.seconds * 1e3, 3)
           << " ms)\n\n";
    std::vector<std::vector<std::string>> base;
    for (const auto& b : r.baselines)
        base.push_back({"all " + std::string(dynamap::algorithmName(b.algorithm)), fixed(b.mapping.totalMs, 4),
                        fixed(b.speedup, 3) + "x"});
    io.out << renderTable({"baseline", "total ms", "mixed speed-up"}, base, {1, 2});
    if (sweep) {
        io.out << "\nOverlay sweep under " << withThousands(budget) << " DSPs: " << sweep->points.size()
               << " designs; latency-vs-DSP front:\n";
        std::vector<std::vector<std::string>> front;
        for (const auto& p : sweep->points)
            if (p.pareto)
                front.push_back({std::to_string(p.p1) + " x " + std::to_string(p.p2), withThousands(p.dsps),
                                 fixed(p.totalMs, 4), std::to_string(p.im2col), std::to_string(p.kn2row),
                                 std::to_string(p.winograd)});
        io.out << renderTable({"P1 x P2", "DSPs", "total ms", "im2col", "kn2row", "winograd"}, front, {1, 2, 3, 4, 5});
    }
    return kExitOk;
}

}  // namespace tessera::cli
