// tessera-cli pbqp solve: solve a PBQP instance file (architecture.md format).

#include <cmath>
#include <optional>
#include <ostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli.h"
#include "core/types.h"
#include "format.h"
#include "solver/pbqp/pbqp.h"

namespace tessera::cli {

namespace {

namespace pbqp = solver::pbqp;

int solveCommand(const std::vector<std::string>& argv, CliStreams io) {
    Args args("tessera-cli pbqp solve <instance.json> [--json] [--heuristic | --brute-force] [--max-branch-nodes N] "
              "[--time-limit S]",
              "Solve a PBQP instance: R0/RI/RII reductions (exact; series-parallel graphs reduce completely), then\n"
              "branch and bound over what is left (default), the RN heuristic (--heuristic) or plain enumeration\n"
              "(--brute-force). Instance format: {\"nodes\": [{\"name\", \"costs\": [...]}], \"edges\": [{\"from\",\n"
              "\"to\", \"costs\": [[...]]}]}, costs non-negative or \"inf\". The exit status is 0 for every outcome\n"
              "(optimal, heuristic, infeasible, limit); 1 for an unreadable or malformed instance.",
              {{"json", "", "Print the solution as one JSON document (status, cost, labels, exact, ...)"},
               {"heuristic", "", "Use the RN heuristic for irreducible nodes instead of branch and bound"},
               {"brute-force", "", "Enumerate every assignment (small instances only)"},
               {"max-branch-nodes", "N", "Branch-and-bound node limit (default 1000000)"},
               {"time-limit", "S", "Branch-and-bound time limit in seconds (default 10)"}});
    if (auto rc = parseOrReport(args, argv, io)) return *rc;
    if (args.positionals().size() != 1) {
        io.err << "tessera-cli pbqp solve: expected exactly one instance file (see --help)\n";
        return kExitUsage;
    }
    if (args.flag("heuristic") && args.flag("brute-force")) {
        io.err << "tessera-cli pbqp solve: --heuristic and --brute-force exclude each other\n";
        return kExitUsage;
    }
    pbqp::Options options;
    options.exact = !args.flag("heuristic");
    if (auto v = args.value("max-branch-nodes")) {
        const auto n = parseNumber(*v);
        if (!n || *n < 1 || *n > 1e15 || std::floor(*n) != *n) {
            io.err << "tessera-cli pbqp solve: --max-branch-nodes must be a positive integer, got '" << *v << "'\n";
            return kExitUsage;
        }
        options.maxBranchNodes = static_cast<std::uint64_t>(*n);
    }
    if (auto v = args.value("time-limit")) {
        const auto s = parseNumber(*v);
        if (!s || !(*s > 0)) {
            io.err << "tessera-cli pbqp solve: --time-limit must be a positive number of seconds, got '" << *v << "'\n";
            return kExitUsage;
        }
        options.timeLimitSeconds = *s;
    }

    const pbqp::Problem problem = pbqp::loadProblem(args.positionals()[0]);
    const pbqp::Solution sol = args.flag("brute-force") ? pbqp::solveBruteForce(problem) : pbqp::solve(problem, options);
    if (args.flag("json")) {
        io.out << pbqp::solutionToJson(sol, problem).dump(1) << "\n";
        return kExitOk;
    }
    const bool labelled = sol.labels.size() == static_cast<std::size_t>(problem.nodeCount());
    if (labelled) {
        std::vector<std::vector<std::string>> rows;
        double nodeTotal = 0;
        for (int i = 0; i < problem.nodeCount(); ++i) {
            const int label = sol.labels[static_cast<std::size_t>(i)];
            const double c = problem.nodeCosts(i)(label);
            nodeTotal += c;
            rows.push_back({std::to_string(i), problem.name(i), std::to_string(label),
                            std::to_string(problem.labelCount(i)), significant(c)});
        }
        io.out << renderTable({"#", "name", "label", "labels", "node cost"}, rows, {0, 2, 3, 4});
        io.out << "\nnode costs: " << significant(nodeTotal) << ", edge costs: "
               << significant(std::isinf(sol.cost) ? sol.cost : sol.cost - nodeTotal) << "\n";
    }
    io.out << "status: " << core::statusName(sol.status) << (sol.exact ? " (exact)" : " (not proven optimal)") << "\n"
           << "cost: " << significant(sol.cost) << "\n";
    if (!args.flag("brute-force"))
        io.out << "reductions: R0 " << sol.stats.r0 << ", RI " << sol.stats.r1 << ", RII " << sol.stats.r2 << ", RN "
               << sol.stats.rn << "; branch nodes " << sol.stats.branchNodes << "\n";
    std::ostringstream ms;
    ms.precision(3);
    ms << std::fixed << sol.stats.seconds * 1e3;
    io.out << "time: " << ms.str() << " ms\n" << sol.message << "\n";
    return kExitOk;
}

}  // namespace

int runPbqpCommand(const std::vector<std::string>& argv, CliStreams io) {
    return dispatchSubcommand("pbqp", {{"solve", "solve a PBQP instance (PBQP JSON format)", solveCommand}}, argv, io);
}

}  // namespace tessera::cli
