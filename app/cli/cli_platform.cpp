// tessera-cli platform list | show: the built-in platform descriptors and
// descriptor files, as tables or as canonical JSON.

#include <cmath>
#include <cstdio>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli.h"
#include "format.h"
#include "core/platform/platform.h"

namespace tessera::cli {

namespace {

using core::Device;
using core::Figure;
using core::FigureBasis;
using core::Platform;
using nlohmann::json;

// 80330 -> "80,330"; 1331.2 -> "1,331.2"; at most three decimals.
std::string formatNumber(double v) {
    if (!std::isfinite(v)) return std::to_string(v);
    const bool negative = v < 0;
    const double rounded = std::round(std::fabs(v) * 1000.0) / 1000.0;
    const double whole = std::floor(rounded);
    char frac[16] = "";
    if (rounded != whole) {
        std::snprintf(frac, sizeof frac, "%.3f", rounded - whole);
        std::string f(frac + 1);  // drop the leading 0, keep ".xyz"
        while (!f.empty() && f.back() == '0') f.pop_back();
        std::snprintf(frac, sizeof frac, "%s", f.c_str());
    }
    std::string digits = std::to_string(static_cast<long long>(whole));
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
        grouped += digits[i];
    }
    return (negative ? "-" : "") + grouped + frac;
}

// A figure's value, with '*' when it is an estimate.
std::string cell(const Figure& f) { return formatNumber(f.value) + (f.basis == FigureBasis::Estimate ? "*" : ""); }
std::string cell(const std::optional<Figure>& f) { return f ? cell(*f) : "-"; }

// Every figure of the canonical JSON with its path, for --sources.
void collectFigures(const json& j, const std::string& path, std::vector<std::pair<std::string, const json*>>& out) {
    if (j.is_object()) {
        if (j.contains("value") && j.contains("unit") && j.contains("source")) {
            out.emplace_back(path, &j);
            return;
        }
        for (const auto& item : j.items())
            collectFigures(item.value(), path.empty() ? item.key() : path + "." + item.key(), out);
    } else if (j.is_array()) {
        for (std::size_t i = 0; i < j.size(); ++i) collectFigures(j[i], path + "[" + std::to_string(i) + "]", out);
    }
}

std::string overlayParameters(const core::FpgaOverlay& o) {
    std::string s;
    for (const auto& [key, value] : o.parameters) {
        s += (s.empty() ? "" : " ") + key + "=";
        if (const bool* b = std::get_if<bool>(&value))
            s += *b ? "true" : "false";
        else if (const double* x = std::get_if<double>(&value))
            s += formatNumber(*x);
        else
            s += std::get<std::string>(value);
    }
    return s;
}

void printPlatform(const Platform& p, bool withSources, std::ostream& out) {
    out << p.name() << ": " << p.displayName() << "\n";
    if (!p.description().empty()) out << p.description() << "\n";
    out << "schema " << p.schemaVersion() << ", hash " << p.hash() << "\n\nDevices\n";

    std::vector<std::vector<std::string>> rows;
    bool anyEstimate = false;
    for (const Device& d : p.devices()) {
        rows.push_back({d.id, std::string(core::deviceKindName(d.kind)), cell(d.clockMhz), cell(d.peak.fp32Gops),
                        cell(d.peak.fp16Gops), cell(d.peak.int8Gops), cell(d.memoryBandwidthGBs), cell(d.memoryGiB),
                        cell(d.staticPowerW), cell(d.dynamicPowerW), d.name});
        for (const auto& c : rows.back()) anyEstimate = anyEstimate || (!c.empty() && c.back() == '*');
    }
    out << renderTable({"ID", "KIND", "CLOCK MHz", "FP32 GOPS", "FP16 GOPS", "INT8 GOPS", "MEM GB/s", "MEM GiB",
                        "IDLE W", "DYN W", "NAME"},
                       rows, {2, 3, 4, 5, 6, 7, 8, 9});

    std::vector<std::vector<std::string>> fpgaRows;
    const json doc = core::platformToJson(p);
    for (std::size_t i = 0; i < p.devices().size(); ++i) {
        const Device& d = p.devices()[i];
        if (d.kind != core::DeviceKind::Fpga) continue;
        // The resource keys in the canonical JSON, in a fixed reading order.
        static constexpr const char* kOrder[] = {"alms", "labs", "luts", "registers", "dsps", "multipliers",
                                                 "m20k_blocks", "m20k_kb", "mlab_kb", "bram36_blocks", "uram_blocks"};
        for (const char* key : kOrder) {
            const json& dj = doc["devices"][i];
            if (!dj.contains(key)) continue;
            const json& f = dj[key];
            const bool estimate = f["basis"] == "estimate";
            fpgaRows.push_back({d.id, key, formatNumber(f["value"].get<double>()) + (estimate ? "*" : ""),
                                f["unit"].get<std::string>()});
        }
    }
    if (!fpgaRows.empty()) {
        out << "\nFPGA resources\n"
            << renderTable({"DEVICE", "RESOURCE", "BUDGET", "UNIT"}, fpgaRows, {2});
    }
    for (const Device& d : p.devices())
        if (d.overlay)
            out << "\nOverlay on " << d.id << ": " << d.overlay->kind << " (" << overlayParameters(*d.overlay) << ")\n";

    if (!p.links().empty()) {
        std::vector<std::vector<std::string>> linkRows;
        for (const core::Link& l : p.links()) {
            linkRows.push_back({l.id, l.from, l.to, cell(l.bandwidthGBs), cell(l.latencyUs), cell(l.energyPjPerByte),
                                l.name});
            for (const auto& c : linkRows.back()) anyEstimate = anyEstimate || (!c.empty() && c.back() == '*');
        }
        out << "\nLinks (full duplex; bandwidth per direction)\n"
            << renderTable({"ID", "FROM", "TO", "BW GB/s", "LATENCY us", "ENERGY pJ/B", "NAME"}, linkRows,
                           {3, 4, 5});
    }

    if (withSources) {
        std::vector<std::pair<std::string, const json*>> figures;
        collectFigures(doc, "", figures);
        std::vector<std::vector<std::string>> srcRows;
        for (const auto& [path, f] : figures) {
            std::string source = (*f)["source"].get<std::string>();
            if (f->contains("note")) source += " [" + (*f)["note"].get<std::string>() + "]";
            srcRows.push_back({path, formatNumber((*f)["value"].get<double>()) + " " + (*f)["unit"].get<std::string>(),
                               (*f)["basis"].get<std::string>(), source});
        }
        out << "\nSources\n" << renderTable({"FIELD", "VALUE", "BASIS", "SOURCE"}, srcRows, {1});
    }
    out << "\n";
    if (anyEstimate) out << "* estimate, not a published figure. ";
    if (!withSources) out << "Run with --sources for every figure's source.";
    out << "\n";
}

int runList(const std::vector<std::string>& argv, CliStreams io) {
    Args args("tessera-cli platform list [--json]", "List the built-in platform descriptors.",
              {{"json", "", "Print one JSON document"}});
    if (auto rc = parseOrReport(args, argv, io)) return *rc;
    if (!args.positionals().empty()) {
        io.err << "tessera-cli: platform list takes no arguments, got '" << args.positionals().front()
               << "'\n(see --help)\n";
        return kExitUsage;
    }
    std::vector<Platform> platforms;
    try {
        for (const auto& name : core::builtinPlatformNames()) platforms.push_back(core::loadBuiltinPlatform(name));
    } catch (const core::FormatError& e) {
        io.err << "tessera-cli: " << e.what() << "\n";
        return kExitFailure;
    }
    if (args.flag("json")) {
        json list = json::array();
        for (const Platform& p : platforms) {
            json devices = json::array();
            for (const Device& d : p.devices())
                devices.push_back({{"id", d.id}, {"kind", std::string(core::deviceKindName(d.kind))}, {"name", d.name}});
            list.push_back({{"name", p.name()}, {"display_name", p.displayName()}, {"hash", p.hash()},
                            {"devices", std::move(devices)}});
        }
        io.out << json{{"platforms", std::move(list)}}.dump(2) << "\n";
        return kExitOk;
    }
    std::vector<std::vector<std::string>> rows;
    for (const Platform& p : platforms) {
        std::string devices;
        for (const Device& d : p.devices()) {
            devices += (devices.empty() ? "" : ", ") + d.id;
            if (d.id != core::deviceKindName(d.kind)) devices += " (" + std::string(core::deviceKindName(d.kind)) + ")";
        }
        rows.push_back({p.name(), devices, p.displayName()});
    }
    io.out << renderTable({"NAME", "DEVICES", "DISPLAY NAME"}, rows, {});
    return kExitOk;
}

int runShow(const std::vector<std::string>& argv, CliStreams io) {
    Args args("tessera-cli platform show <name | file.json> [--json] [--sources]",
              "Show a platform descriptor: a built-in name (see 'platform list') or a descriptor file.\n"
              "Tables give each figure in the unit of its column; --json prints the canonical\n"
              "descriptor with every figure's unit, source and basis.",
              {{"json", "", "Print the canonical descriptor JSON"},
               {"sources", "", "Also list every figure with its source"}});
    if (auto rc = parseOrReport(args, argv, io)) return *rc;
    if (args.positionals().size() != 1) {
        io.err << "tessera-cli: platform show needs exactly one platform name or file\n(see --help)\n";
        return kExitUsage;
    }
    Platform platform;
    try {
        platform = core::openPlatform(args.positionals().front());
    } catch (const core::FormatError& e) {
        io.err << "tessera-cli: " << e.what() << "\n";
        return kExitFailure;
    }
    if (args.flag("json")) {
        io.out << core::platformToJson(platform).dump(2, ' ', false, json::error_handler_t::replace) << "\n";
        return kExitOk;
    }
    printPlatform(platform, args.flag("sources"), io.out);
    return kExitOk;
}

}  // namespace

int runPlatformCommand(const std::vector<std::string>& argv, CliStreams io) {
    return dispatchSubcommand("platform",
                              {{"list", "the built-in platform descriptors", runList},
                               {"show", "devices, FPGA budgets, links and sources of a platform", runShow}},
                              argv, io);
}

}  // namespace tessera::cli
