// tessera-cli partition: method 1 of methods.md, GP partitioning of each
// layer across the platform's CPU, GPU and FPGA.

#include <algorithm>
#include <cmath>
#include <ostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli.h"
#include "core/platform/platform.h"
#include "core/zoo/zoo.h"
#include "format.h"
#include "solver/partition/partition.h"

namespace tessera::cli {

namespace {

namespace part = solver::partition;
namespace gp = solver::gp;

// "a=0.3,b=0.5" -> map; false with a message naming the option on error.
bool parseAssignments(const std::string& option, const std::string& text, std::map<std::string, double>& out,
                      std::string& error) {
    for (const auto& item : splitList(text)) {
        const auto eq = item.find('=');
        const auto v = eq == std::string::npos ? std::nullopt : parseNumber(item.substr(eq + 1));
        if (!v || eq == 0) {
            error = "--" + option + ": expected NAME=NUMBER[,NAME=NUMBER...], got '" + item + "'";
            return false;
        }
        out[item.substr(0, eq)] = *v;
    }
    return true;
}

std::string pct(double v) {
    if (!std::isfinite(v)) return "-";
    return (v >= 0 ? "+" : "") + fixed(v, 1) + "%";
}

double gain(double ours, double base) { return base > 0 ? 100.0 * (base - ours) / base : NAN; }

std::string sharesText(const part::Evaluation& e, const std::vector<std::string>& devices) {
    std::string s;
    for (const auto& d : devices) {
        double share = 0;
        for (const auto& sl : e.slices)
            if (sl.device == d) share = sl.share;
        s += (s.empty() ? "" : " / ") + significant(share, 6);
    }
    return s;
}

// The constraint with the largest sensitivity, as "fpga.m20k_blocks (0.31)".
std::string limitText(const part::UnitResult& u) {
    std::string best;
    double dual = 0;
    for (const auto& [name, d] : u.sensitivities)
        if (std::abs(d) > dual) {
            dual = std::abs(d);
            best = name;
        }
    return best.empty() ? "-" : best + " (" + fixed(dual, 3) + ")";
}

void printBaselines(std::ostream& out, double latency, double energy, const std::map<std::string, part::Evaluation>& b) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& [key, e] : b)
        rows.push_back({key, fixed(e.latencyMs, 4), fixed(e.energyMj, 4), pct(gain(latency, e.latencyMs)),
                        pct(gain(energy, e.energyMj)), e.feasible ? "yes" : "no: " + e.reason});
    out << renderTable({"baseline", "latency ms", "energy mJ", "latency gain", "energy gain", "feasible"}, rows, {1, 2, 3, 4});
}

void printUnitDetail(std::ostream& out, const part::UnitResult& u) {
    out << "\n" << (u.layers.size() == 1 ? "layer " + u.layers.front() : "fused group " + u.layers.front() + " .. " + u.layers.back())
        << ": " << part::methodName(u.method) << ", " << u.units << " " << u.cut << "; " << core::statusName(u.status) << " — "
        << u.message << "\n";
    if (u.status != core::Status::Optimal) {
        if (u.diagnosis) out << u.diagnosis->toString() << "\n";
        return;
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto& s : u.rounded.slices) {
        double cont = 0;
        for (const auto& c : u.continuous.slices)
            if (c.device == s.device) cont = c.share;
        rows.push_back({s.device, significant(s.share, 8), significant(cont, 6), fixed(s.latencyMs, 4), fixed(s.transferMs, 4),
                        fixed(s.energyMj, 4)});
    }
    out << renderTable({"device", "share", "continuous", "compute ms", "transfer ms", "energy mJ"}, rows, {1, 2, 3, 4, 5});
    out << "rounded: " << fixed(u.rounded.latencyMs, 4) << " ms, " << fixed(u.rounded.energyMj, 4) << " mJ;  continuous: "
        << fixed(u.continuous.latencyMs, 4) << " ms, " << fixed(u.continuous.energyMj, 4) << " mJ (shares sum to "
        << fixed(100 * u.conservation, 2) << "% of " << u.units << ")\n";
    if (!u.rounded.resources.empty()) {
        std::vector<std::vector<std::string>> res;
        for (const auto& r : u.rounded.resources)
            res.push_back({r.device + "." + r.resource, significant(std::round(r.used), 10), withThousands(static_cast<std::int64_t>(r.budget)),
                           fixed(100 * r.used / r.budget, 1) + "%", fixed(r.sensitivity, 4), r.active ? "active" : ""});
        out << renderTable({"resource", "used", "budget", "use", "sensitivity", ""}, res, {1, 2, 3, 4});
    }
    if (!u.activeConstraints.empty()) {
        out << "active constraints:";
        for (const auto& a : u.activeConstraints) out << " " << a;
        out << "\n";
    }
    if (!u.sensitivities.empty()) {
        out << "sensitivities (d log objective / d log constraint constant):";
        for (const auto& [name, d] : u.sensitivities) out << " " << name << " " << fixed(d, 4);
        out << "\n";
    }
    printBaselines(out, u.rounded.latencyMs, u.rounded.energyMj, u.baselines);
}

}  // namespace

int runPartitionCommand(const std::vector<std::string>& argv, CliStreams io) {
    Args args("tessera-cli partition --network NETWORK [--platform PLATFORM] [--layer L] [--method M] [--objective O] [--json]",
              "Split every convolution / fully-connected layer across the platform's devices by geometric\n"
              "programming (methods.md, method 1): along input channels (grouped-c), filters (grouped-n), output\n"
              "rows (tiling) or as fused groups of consecutive layers over row tiles (fused); `best` picks per layer.\n"
              "Reports per layer the shares (continuous and rounded to whole units), latency, energy, FPGA\n"
              "resources with their budgets, the active constraints and sensitivities, and the gains over the\n"
              "balanced split and each device alone. NETWORK is a zoo name, a .json network or an .onnx model;\n"
              "PLATFORM a built-in descriptor or a .json file (default jetson_tx2_cyclone10gx).",
              {{"network", "NETWORK", "The network (required)"},
               {"platform", "PLATFORM", "Platform descriptor (default jetson_tx2_cyclone10gx)"},
               {"layer", "L", "Only this layer, with its full detail"},
               {"method", "M", "grouped-c | grouped-n | tiling | fused | best (default best)"},
               {"objective", "O", "latency | energy | pareto (default latency)"},
               {"schedule", "S", "concurrent (devices in parallel, default) | sequential (one after another)"},
               {"relaxation", "R", "sgp (default) | penalty (methods.md) | recondense; see docs/partition.md"},
               {"precision", "P", "int8 (default) | fp16 | fp32: bytes moved and the peak used"},
               {"home", "DEVICE", "Device holding inputs and outputs (default: the first CPU)"},
               {"disable", "D1,D2", "Devices that take no share"},
               {"fix", "D=F,...", "Fixed share (fraction 0..1 of the cut) per device"},
               {"budget", "D.R=N,...", "Replace a resource budget, e.g. fpga.m20k_blocks=300"},
               {"fused-depth", "N", "Most convolutions in one fused group (2..16, default 4)"},
               {"pareto-points", "N", "Epsilon-constraint points per layer (3..101, default 9)"},
               {"detail", "", "Print every layer's full detail (implied by --layer)"},
               {"json", "", "Print one JSON document"}});
    if (auto rc = parseOrReport(args, argv, io)) return *rc;
    auto usage = [&](const std::string& msg) {
        io.err << "tessera-cli partition: " << msg << "\n";
        return kExitUsage;
    };
    if (!args.positionals().empty()) return usage("unexpected argument '" + args.positionals()[0] + "' (see --help)");
    const auto networkSpec = args.value("network");
    if (!networkSpec) return usage("--network is required (see --help)");

    part::PartitionOptions o;
    if (auto v = args.value("method")) {
        auto m = part::methodFromName(*v);
        if (!m) return usage("--method must be grouped-c, grouped-n, tiling, fused or best, got '" + *v + "'");
        o.method = *m;
    }
    if (auto v = args.value("objective")) {
        auto m = part::objectiveFromName(*v);
        if (!m) return usage("--objective must be latency, energy or pareto, got '" + *v + "'");
        o.objective = *m;
    }
    if (auto v = args.value("schedule")) {
        auto m = part::scheduleFromName(*v);
        if (!m) return usage("--schedule must be concurrent or sequential, got '" + *v + "'");
        o.schedule = *m;
    }
    if (auto v = args.value("relaxation")) {
        auto m = part::relaxationFromName(*v);
        if (!m) return usage("--relaxation must be sgp, penalty or recondense, got '" + *v + "'");
        o.relaxation = *m;
    }
    if (auto v = args.value("precision")) {
        if (*v == "int8") o.bytesPerElement = 1;
        else if (*v == "fp16") o.bytesPerElement = 2;
        else if (*v == "fp32") o.bytesPerElement = 4;
        else return usage("--precision must be int8, fp16 or fp32, got '" + *v + "'");
    }
    for (const auto& [name, target, lo, hi] : {std::tuple{"fused-depth", &o.maxFusedDepth, 2, 16},
                                               std::tuple{"pareto-points", &o.paretoPoints, 3, 101}}) {
        if (auto v = args.value(name)) {
            auto n = parseNumber(*v);
            if (!n || *n != std::floor(*n) || *n < lo || *n > hi)
                return usage(std::string("--") + name + " must be a whole number in " + std::to_string(lo) + ".." +
                             std::to_string(hi) + ", got '" + *v + "'");
            *target = static_cast<int>(*n);
        }
    }
    o.homeDevice = args.value("home").value_or("");
    if (auto v = args.value("disable"))
        for (const auto& d : splitList(*v)) o.disabledDevices.insert(d);
    std::string error;
    if (auto v = args.value("fix"); v && !parseAssignments("fix", *v, o.fixedShares, error)) return usage(error);
    if (auto v = args.value("budget"); v && !parseAssignments("budget", *v, o.budgets, error)) return usage(error);
    o.layer = args.value("layer").value_or("");

    const core::OpenedNetwork opened = core::openNetworkWithWarnings(*networkSpec);
    for (const auto& w : opened.warnings) io.err << "warning: " << w << "\n";
    const core::Network& net = opened.network;
    const core::Platform platform = core::openPlatform(args.value("platform").value_or("jetson_tx2_cyclone10gx"));
    if (auto e = o.validate(platform); !e.empty()) {
        std::istringstream lines(e);
        for (std::string line; std::getline(lines, line);) io.err << "tessera-cli partition: " << line << "\n";
        return kExitUsage;
    }

    const part::NetworkPartition r = part::partitionNetwork(net, platform, o);
    if (r.status == core::Status::InvalidInput) {
        io.err << "tessera-cli partition: " << r.message << "\n";
        return kExitFailure;
    }
    if (args.flag("json")) {
        io.out << part::partitionToJson(r).dump(1) << "\n";
        return r.status == core::Status::Optimal ? kExitOk : kExitFailure;
    }

    std::vector<std::string> devices;
    for (const auto& d : platform.devices()) devices.push_back(d.id);
    std::string deviceHeader;
    for (const auto& d : devices) deviceHeader += (deviceHeader.empty() ? "" : " / ") + d;
    io.out << net.name << " on " << platform.displayName() << "\n"
           << "method " << part::methodName(o.method) << ", objective " << part::objectiveName(o.objective) << ", schedule "
           << part::scheduleName(o.schedule) << ", relaxation " << part::relaxationName(o.relaxation) << "\n\n";
    std::vector<std::vector<std::string>> rows;
    for (const auto& u : r.units) {
        const auto bal = u.baselines.find("balanced");
        const bool ok = u.status == core::Status::Optimal;
        rows.push_back({u.layers.size() == 1 ? u.layers.front() : u.layers.front() + ".." + u.layers.back(),
                        std::string(part::methodName(u.method)), ok ? sharesText(u.rounded, devices) : std::string("-"),
                        ok ? fixed(u.rounded.latencyMs, 4) : std::string("-"), ok ? fixed(u.rounded.energyMj, 4) : std::string("-"),
                        bal == u.baselines.end() ? std::string("-") : pct(gain(u.rounded.latencyMs, bal->second.latencyMs)),
                        bal == u.baselines.end() ? std::string("-") : pct(gain(u.rounded.energyMj, bal->second.energyMj)),
                        ok ? limitText(u) : std::string(core::statusName(u.status))});
    }
    io.out << renderTable({"layer", "method", "shares " + deviceHeader, "latency ms", "energy mJ", "vs balanced lat",
                           "vs balanced energy", "limited by"},
                          rows, {3, 4, 5, 6});
    if (!o.layer.empty() || args.flag("detail"))
        for (const auto& u : r.units) printUnitDetail(io.out, u);
    io.out << "\ntotal: " << fixed(r.latencyMs, 4) << " ms, " << fixed(r.energyMj, 4) << " mJ (" << r.gpSolves << " GPs, "
           << fixed(r.seconds * 1e3, 1) << " ms)\n";
    printBaselines(io.out, r.latencyMs, r.energyMj, r.baselines);
    if (o.objective == part::Objective::Pareto && !r.pareto.empty()) {
        io.out << "\nlatency-energy front of the network:\n";
        std::vector<std::vector<std::string>> pts;
        for (const auto& p : r.pareto) pts.push_back({fixed(p.latencyMs, 4), fixed(p.energyMj, 4)});
        io.out << renderTable({"latency ms", "energy mJ"}, pts, {0, 1});
    }
    if (r.status != core::Status::Optimal) {
        io.err << "tessera-cli partition: " << r.message << "\n";
        return kExitFailure;
    }
    return kExitOk;
}

}  // namespace tessera::cli
