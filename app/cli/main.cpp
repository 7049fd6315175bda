// tessera-cli: the headless front end. Every command prints one JSON document
// with --json, tables otherwise; errors go to stderr with a non-zero exit.

#include <exception>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "cli.h"

namespace {

struct CommandEntry {
    tessera::cli::CommandFn run;
    const char* summary;
};

const std::map<std::string, CommandEntry>& commands() {
    static const std::map<std::string, CommandEntry> table = {
        {"network", {tessera::cli::runNetworkCommand, "show or import networks (zoo, JSON, ONNX)"}},
        {"platform", {tessera::cli::runPlatformCommand, "list or show platform descriptors"}},
        {"gp", {tessera::cli::runGpCommand, "solve geometric programs (GP JSON format)"}},
        {"algosel", {tessera::cli::runAlgoselCommand, "DYNAMAP convolution algorithm selection on an FPGA overlay"}},
        {"pbqp", {tessera::cli::runPbqpCommand, "solve PBQP instances (PBQP JSON format)"}},
        {"partition", {tessera::cli::runPartitionCommand, "split each layer across CPU, GPU and FPGA by geometric programming"}},
        {"explore", {tessera::cli::runExploreCommand, "run a strategy and store the exploration in the database"}},
        {"list", {tessera::cli::runListCommand, "list the stored explorations"}},
        {"show", {tessera::cli::runShowCommand, "show a stored exploration or one of its design points"}},
        {"rename", {tessera::cli::runRenameCommand, "rename a stored exploration"}},
        {"tag", {tessera::cli::runTagCommand, "tag a stored exploration"}},
        {"delete", {tessera::cli::runDeleteCommand, "delete a stored exploration"}},
        {"export", {tessera::cli::runExportCommand, "write an exploration's points as CSV or JSON"}},
        {"merge", {tessera::cli::runMergeCommand, "merge exploration databases (sweep shards)"}},
        {"points", {tessera::cli::runPointsCommand, "query design points across explorations by their KPIs"}},
    };
    return table;
}

void printUsage(std::ostream& os) {
    os << "Usage: tessera-cli <command> [options]\n\n"
          "Design-space exploration of CNN inference on heterogeneous CPU/GPU/FPGA platforms.\n\n"
          "Commands:\n";
    for (const auto& [name, entry] : commands())
        os << "  " << name << std::string(12 - name.size(), ' ') << entry.summary << "\n";
    os << "\nRun 'tessera-cli <command> --help' for a command's options.\n";
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    tessera::cli::CliStreams io{std::cout, std::cerr};
    if (args.empty()) {
        printUsage(std::cerr);
        return tessera::cli::kExitUsage;
    }
    if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        printUsage(std::cout);
        return tessera::cli::kExitOk;
    }
    if (args[0] == "--version") {
        std::cout << "tessera-cli " TESSERA_VERSION "\n";
        return tessera::cli::kExitOk;
    }
    auto it = commands().find(args[0]);
    if (it == commands().end()) {
        std::cerr << "tessera-cli: unknown command '" << args[0] << "'\n\n";
        printUsage(std::cerr);
        return tessera::cli::kExitUsage;
    }
    try {
        return it->second.run(std::vector<std::string>(args.begin() + 1, args.end()), io);
    } catch (const std::exception& e) {
        std::cerr << "tessera-cli: " << e.what() << "\n";
        return tessera::cli::kExitFailure;
    } catch (...) {
        std::cerr << "tessera-cli: unexpected error\n";
        return tessera::cli::kExitFailure;
    }
}
