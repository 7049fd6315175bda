// tessera-cli gp {solve}

#include <iomanip>
#include <ostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli.h"
#include "core/types.h"
#include "format.h"
#include "solver/gp/gp_diagnosis.h"
#include "solver/gp/gp_json.h"
#include "solver/gp/gp_solver.h"

namespace tessera::cli {

namespace {

using core::FormatError;
using nlohmann::json;
namespace gp = tessera::solver::gp;

int solveCommand(const std::vector<std::string>& argv, CliStreams io) {
    Args args("tessera-cli gp solve <problem.json> [--json] [options]",
              "Solve a geometric program given in Tessera's GP JSON format (see docs/gp-engine.md) and print\n"
              "the status, objective, variables and each constraint's dual (its sensitivity d log obj / d log constant).\n"
              "Exit status 0 when optimal, 1 otherwise (and on malformed problems).",
              {{"json", "", "Print the solution as one JSON document"},
               {"print", "", "Print the model in readable math before solving"},
               {"diagnose", "", "When infeasible, find the smallest per-constraint relaxation and list it"},
               {"max-iterations", "N", "Newton iteration limit over both phases (default 200)"},
               {"time-limit", "SECONDS", "Wall-clock limit (default none)"},
               {"gap-tolerance", "TOL", "Duality gap in log space at which to stop (default 1e-9)"}});
    if (auto rc = parseOrReport(args, argv, io)) return *rc;
    if (args.positionals().size() != 1) {
        io.err << "tessera-cli gp solve: expected exactly one problem file (see --help)\n";
        return kExitUsage;
    }
    gp::GpOptions options;
    if (auto v = args.value("max-iterations")) {
        auto n = parseNumber(*v);
        if (!n || *n != static_cast<int>(*n)) {
            io.err << "tessera-cli gp solve: --max-iterations must be an integer, got '" << *v << "'\n";
            return kExitUsage;
        }
        options.maxIterations = static_cast<int>(*n);
    }
    for (const auto& [flag, target] : {std::pair{"time-limit", &options.timeLimitSeconds}, std::pair{"gap-tolerance", &options.gapTolerance}}) {
        if (auto v = args.value(flag)) {
            auto n = parseNumber(*v);
            if (!n) {
                io.err << "tessera-cli gp solve: --" << flag << " must be a number, got '" << *v << "'\n";
                return kExitUsage;
            }
            *target = *n;
        }
    }
    if (auto e = options.validate(); !e.empty()) {
        io.err << "tessera-cli gp solve: " << e << "\n";
        return kExitUsage;
    }
    const gp::GpModel model = gp::readGpProblemFile(args.positionals()[0]);
    if (args.flag("print") && !args.flag("json")) io.out << model.toString() << "\n";
    const gp::GpResult result = gp::solve(model, options);
    std::optional<gp::InfeasibilityDiagnosis> diagnosis;
    if (args.flag("diagnose") && result.status == core::Status::Infeasible) diagnosis = gp::diagnoseInfeasibility(model);
    if (args.flag("json")) {
        json j = gp::gpResultToJson(result);
        if (diagnosis) j["diagnosis"] = gp::diagnosisToJson(*diagnosis);
        io.out << j.dump(1) << "\n";
    } else {
        io.out << "status: " << core::statusName(result.status) << " - " << result.message << "\n";
        if (result.optimal()) {
            io.out << "objective: " << significant(result.objective) << "\n\n";
            std::vector<std::vector<std::string>> rows;
            for (const auto& [name, value] : result.x) rows.push_back({name, significant(value)});
            io.out << renderTable({"variable", "value"}, rows, {1});
        }
        if (!result.duals.empty()) {
            std::vector<std::vector<std::string>> rows;
            for (const auto& [name, value] : result.duals) rows.push_back({name, significant(value)});
            io.out << "\n" << renderTable({"constraint", result.optimal() ? "sensitivity" : "phase I dual"}, rows, {1});
        }
        if (diagnosis) io.out << "\n" << diagnosis->toString();
        io.out << "\n" << result.iterations << " iterations (" << result.phase1Iterations << " in phase I), "
               << significant(result.seconds * 1e3) << " ms\n";
    }
    return result.optimal() ? kExitOk : kExitFailure;
}

}  // namespace

int runGpCommand(const std::vector<std::string>& argv, CliStreams io) {
    return dispatchSubcommand("gp", {{"solve", "solve a geometric program (GP JSON format)", solveCommand}}, argv, io);
}

}  // namespace tessera::cli
