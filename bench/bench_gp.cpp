// Solves per second of the GP engine on the committed reference suite
// (tests/data/gp): each problem is compiled once and solved repeatedly by one
// GpSolver (as a DSE sweep does), for at least --seconds of wall time.
// Compare with bench_gp_cvxopt.py, which times cvxopt.solvers.gp on the same files.

#include <chrono>
#include <cstdio>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "core/json/json_text.h"
#include "solver/gp/gp_json.h"
#include "solver/gp/gp_solver.h"

using namespace tessera::solver::gp;

int main(int argc, char** argv) {
    std::string dir = TESSERA_GP_DATA;
    double minSeconds = 0.2;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--seconds" && i + 1 < argc) minSeconds = std::stod(argv[++i]);
        else if (a == "--help") {
            std::printf("usage: tessera-bench-gp [--seconds S] [DATA_DIR]\n");
            return 0;
        } else dir = a;
    }
    try {
        const auto manifest = tessera::core::parseJsonText(tessera::core::readTextFile(dir + "/manifest.json", 1 << 20), "manifest");
        struct Total { int problems = 0; double seconds = 0; long solves = 0; long iterations = 0; };
        std::map<std::string, Total> totals;
        std::printf("%-34s %6s %6s %10s %8s %12s\n", "problem", "vars", "terms", "status", "iters", "solves/s");
        for (const auto& p : manifest.at("problems")) {
            const std::string name = p.at("name");
            const std::string category = p.at("category");
            GpSolver solver(compile(readGpProblemFile(dir + "/problems/" + name + ".json")));
            long solves = 0;
            GpResult r;
            const auto start = std::chrono::steady_clock::now();
            double elapsed = 0;
            do {
                r = solver.solve();
                ++solves;
                elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            } while (elapsed < minSeconds);
            std::printf("%-34s %6d %6d %10s %8d %12.0f\n", name.c_str(), solver.problem().variableCount(),
                        solver.problem().termCount(), std::string(statusName(r.status)).c_str(), r.iterations, solves / elapsed);
            // Mean time per solve over the category: problems weigh equally.
            auto& t = totals[category == "layer" ? "layer (method 1)" : "reference suite"];
            t.problems += 1;
            t.seconds += elapsed / static_cast<double>(solves);
            t.iterations += r.iterations;
        }
        std::printf("\n%-20s %9s %16s %14s\n", "set", "problems", "mean ms/solve", "solves/s");
        for (const auto& [set, t] : totals)
            std::printf("%-20s %9d %16.4f %14.0f\n", set.c_str(), t.problems, 1e3 * t.seconds / t.problems, t.problems / t.seconds);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "tessera-bench-gp: %s\n", e.what());
        return 1;
    }
    return 0;
}
