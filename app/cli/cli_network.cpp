// tessera-cli network {list, show, import}

#include <iomanip>
#include <ostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli.h"
#include "core/ir/metrics.h"
#include "core/ir/network_json.h"
#include "core/ir/network_report.h"
#include "core/zoo/zoo.h"
#include "format.h"

namespace tessera::cli {

namespace {

using core::FormatError;
using nlohmann::json;

std::string networkSpecHelp() {
    std::string names;
    for (const auto& n : core::zooNames()) names += (names.empty() ? "" : ", ") + n;
    return "NETWORK is a zoo name (" + names + "), a Tessera .json network file or an .onnx model.";
}

void printWarnings(const std::vector<std::string>& warnings, CliStreams io) {
    for (const auto& w : warnings) io.err << "warning: " << w << "\n";
}

std::string pairText(const std::array<std::int64_t, 2>& p) {
    return p[0] == p[1] ? std::to_string(p[0]) : std::to_string(p[0]) + "x" + std::to_string(p[1]);
}

int listCommand(const std::vector<std::string>& argv, CliStreams io) {
    Args args("tessera-cli network list [--json]", "List the built-in model zoo with each network's MACs and parameters.",
              {{"json", "", "Print one JSON document"}});
    if (auto rc = parseOrReport(args, argv, io)) return *rc;
    if (!args.positionals().empty()) {
        io.err << "tessera-cli network list: unexpected argument '" << args.positionals()[0] << "'\n";
        return kExitUsage;
    }
    json list = json::array();
    std::vector<std::vector<std::string>> rows;
    for (const auto& name : core::zooNames()) {
        const core::Network net = core::loadZooNetwork(name);
        const auto m = core::networkMetrics(net);
        list.push_back({{"name", name}, {"description", net.description}, {"input_shape", net.inputs().front().shape},
                        {"layers", net.layerCount()}, {"macs", m.macs}, {"params", m.params}});
        rows.push_back({name, core::shapeToString(net.inputs().front().shape), std::to_string(net.layerCount()),
                        fixed(static_cast<double>(m.macs) / 1e9, 3), fixed(static_cast<double>(m.params) / 1e6, 3)});
    }
    if (args.flag("json")) io.out << json{{"networks", list}}.dump(2) << "\n";
    else io.out << renderTable({"name", "input", "layers", "GMACs", "Mparams"}, rows, {2, 3, 4});
    return kExitOk;
}

int showCommand(const std::vector<std::string>& argv, CliStreams io) {
    Args args("tessera-cli network show <NETWORK> [--json] [--input SHAPE] [--bytes N]",
              "Show a network's layers with shapes, kernels, MACs and parameters, and its totals.\n" + networkSpecHelp(),
              {{"json", "", "Print one JSON document (layers and totals)"},
               {"input", "SHAPE", "Replace the first input's shape, e.g. 1x3x299x299"},
               {"bytes", "N", "Bytes per activation/weight element for traffic figures: 1, 2 or 4 (default 4)"}});
    if (auto rc = parseOrReport(args, argv, io)) return *rc;
    if (args.positionals().size() != 1) {
        io.err << "tessera-cli network show: expected exactly one NETWORK argument (see --help)\n";
        return kExitUsage;
    }
    int bytes = 4;
    if (auto b = args.value("bytes")) {
        if (*b != "1" && *b != "2" && *b != "4") {
            io.err << "tessera-cli network show: --bytes must be 1, 2 or 4, got '" << *b << "'\n";
            return kExitUsage;
        }
        bytes = std::stoi(*b);
    }
    core::OpenedNetwork opened = core::openNetworkWithWarnings(args.positionals()[0]);
    core::Network& net = opened.network;
    if (auto in = args.value("input")) {
        auto shape = core::parseShape(*in);
        if (!shape) {
            io.err << "tessera-cli network show: --input '" << *in << "' is not a shape like 1x3x224x224\n";
            return kExitUsage;
        }
        net.setInputShape(net.inputs().front().name, *shape);
        if (auto status = net.analyse(); !status) {
            io.err << "tessera-cli network show: with --input " << *in << ": " << status.message << "\n";
            return kExitFailure;
        }
    }
    const auto metrics = core::networkMetrics(net, bytes);
    printWarnings(opened.warnings, io);
    if (args.flag("json")) {
        io.out << core::networkReportJson(net, metrics, opened.warnings).dump(1) << "\n";
        return kExitOk;
    }
    io.out << net.name;
    if (!net.description.empty()) io.out << " - " << net.description;
    io.out << "\n";
    for (const auto& in : net.inputs()) io.out << "input " << in.name << ": " << core::shapeToString(in.shape) << "\n";
    io.out << "\n";
    std::vector<std::vector<std::string>> rows;
    for (std::size_t i = 0; i < net.layerCount(); ++i) {
        const core::LayerId id{static_cast<int>(i)};
        const core::Layer& l = net.layer(id);
        const bool window = l.op == core::OpKind::Conv || l.op == core::OpKind::MaxPool || l.op == core::OpKind::AvgPool;
        const auto& m = metrics.layers[i];
        rows.push_back({std::to_string(i), l.name, core::opName(l), core::shapeToString(net.outputShapes(id).front()),
                        window ? pairText(l.attrs.kernel) : "", window ? pairText(l.attrs.stride) : "",
                        l.op == core::OpKind::Conv ? std::to_string(l.attrs.groups) : "",
                        m.macs ? withThousands(m.macs) : "", m.params ? withThousands(m.params) : ""});
    }
    io.out << renderTable({"#", "name", "op", "output", "kernel", "stride", "groups", "MACs", "params"}, rows, {0, 7, 8});
    io.out << "\ntotal: " << net.layerCount() << " layers, " << withThousands(metrics.macs) << " MACs ("
           << fixed(static_cast<double>(metrics.macs) / 1e9, 3) << " G), " << withThousands(metrics.params)
           << " parameters (" << fixed(static_cast<double>(metrics.params) / 1e6, 3) << " M), activations "
           << fixed(static_cast<double>(metrics.activationBytes) / (1 << 20), 1) << " MiB at " << bytes
           << " B/element\n";
    return kExitOk;
}

int importCommand(const std::vector<std::string>& argv, CliStreams io) {
    Args args("tessera-cli network import <model.onnx> -o <network.json> [--force]",
              "Import an ONNX model into a Tessera network file.",
              {{"output", "FILE", "The Tessera network file to write", 'o'},
               {"name", "NAME", "Network name to record (default: the ONNX file's stem)"},
               {"force", "", "Write even if some operators could not be imported (the partial graph)"}});
    if (auto rc = parseOrReport(args, argv, io)) return *rc;
    if (args.positionals().size() != 1) {
        io.err << "tessera-cli network import: expected exactly one ONNX file (see --help)\n";
        return kExitUsage;
    }
    auto out = args.value("output");
    if (!out) {
        io.err << "tessera-cli network import: missing -o <network.json>\n";
        return kExitUsage;
    }
    const std::string& file = args.positionals()[0];
    if (std::filesystem::path(file).extension() != ".onnx") {
        io.err << "tessera-cli network import: " << file << ": expected an .onnx file\n";
        return kExitUsage;
    }
    core::OpenedNetwork opened = core::openNetworkWithWarnings(file);
    printWarnings(opened.warnings, io);
    if (!opened.warnings.empty() && !args.flag("force")) {
        io.err << "tessera-cli network import: " << file << ": not every operator could be imported; nothing written "
               << "(use --force to write the partial graph)\n";
        return kExitFailure;
    }
    opened.network.name = args.value("name").value_or(std::filesystem::path(file).stem().string());
    core::saveNetworkFile(opened.network, *out);
    const auto m = core::networkMetrics(opened.network);
    io.out << "wrote " << *out << ": " << opened.network.layerCount() << " layers, " << withThousands(m.macs)
           << " MACs, " << withThousands(m.params) << " parameters\n";
    return kExitOk;
}

}  // namespace

int runNetworkCommand(const std::vector<std::string>& argv, CliStreams io) {
    return dispatchSubcommand("network",
                              {{"list", "the built-in model zoo", listCommand},
                               {"show", "layers, shapes, MACs and parameters of a network", showCommand},
                               {"import", "convert an ONNX model into a Tessera network file", importCommand}},
                              argv, io);
}

}  // namespace tessera::cli
