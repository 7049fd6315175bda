// PBQP solver benchmark: solve time against graph size for chains and
// Inception-style fork/join stacks (exact through R0/RI/RII alone), brute
// force on small chains until enumeration stops being possible, and branch
// and bound on random general graphs. Prints tables; asserts nothing.
//
// Usage: tessera-bench-pbqp [--quick]

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "solver/pbqp/pbqp.h"
#include "solver/pbqp/pbqp_generators.h"

using namespace tessera::solver::pbqp;
namespace core = tessera::core;

namespace {

using Clock = std::chrono::steady_clock;

// Median wall time in ms of solve() over enough repetitions for ~0.2 s.
double medianSolveMs(const Problem& p, const Options& o, Solution& last) {
    std::vector<double> times;
    const auto begin = Clock::now();
    while (times.size() < 3 || (times.size() < 200 && Clock::now() - begin < std::chrono::milliseconds(200))) {
        const auto t0 = Clock::now();
        last = solve(p, o);
        times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

void scaling(const char* kind, bool inception, const std::vector<int>& sizes) {
    std::printf("\n%s (3-6 labels, real costs, exact mode)\n", kind);
    std::printf("%8s %8s %12s %12s %10s %6s %6s %6s %4s\n", "nodes", "edges", "solve ms", "us/node", "status", "R0",
                "RI", "RII", "RN");
    for (int n : sizes) {
        std::mt19937_64 rng(static_cast<std::uint64_t>(n));
        const RandomCosts rc{3, 6, 0.0, false};
        const Problem p = inception ? inceptionProblem(n, rc, rng) : chainProblem(n, rc, rng);
        Solution s;
        const double ms = medianSolveMs(p, Options{}, s);
        std::printf("%8d %8zu %12.4f %12.3f %10s %6d %6d %6d %4d\n", p.nodeCount(), p.edges().size(), ms,
                    ms * 1e3 / p.nodeCount(), std::string(core::statusName(s.status)).c_str(), s.stats.r0, s.stats.r1,
                    s.stats.r2, s.stats.rn);
    }
}

void bruteForce() {
    std::printf("\nbrute force vs reductions on chains (3-6 labels; enumeration capped at 50,000,000 assignments)\n");
    std::printf("%8s %16s %14s %14s %10s\n", "nodes", "assignments", "brute ms", "reduce ms", "same cost");
    int limits = 0;
    for (int n = 2; n <= 24 && limits < 2; n += 2) {
        std::mt19937_64 rng(static_cast<std::uint64_t>(100 + n));
        const Problem p = chainProblem(n, RandomCosts{3, 6, 0.0, false}, rng);
        double assignments = 1;
        for (int i = 0; i < n; ++i) assignments *= p.labelCount(i);
        const auto t0 = Clock::now();
        const Solution bf = solveBruteForce(p);
        const double bfMs = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
        Solution s;
        const double ms = medianSolveMs(p, Options{}, s);
        if (bf.status == core::Status::Limit) {
            ++limits;
            std::printf("%8d %16.3g %14s %14.4f %10s\n", n, assignments, "too many", ms, "-");
        } else {
            std::printf("%8d %16.3g %14.3f %14.4f %10s\n", n, assignments, bfMs, ms,
                        std::abs(bf.cost - s.cost) <= 1e-9 * (1 + bf.cost) ? "yes" : "NO");
        }
    }
}

void general(bool quick) {
    std::printf("\nrandom general graphs G(n, 3/n) (3-5 labels): branch and bound (10 s limit) vs RN heuristic\n");
    std::printf("%6s %7s %12s %12s %10s %12s %12s %10s\n", "nodes", "edges", "exact ms", "branch nodes",
                "status", "exact cost", "RN cost", "RN gap %");
    const std::vector<int> sizes = quick ? std::vector<int>{10, 20, 40} : std::vector<int>{10, 20, 40, 60, 80, 100, 150, 200, 300};
    for (int n : sizes) {
        std::mt19937_64 rng(static_cast<std::uint64_t>(7 * n));
        const Problem p = randomGraph(n, 3.0 / n, RandomCosts{3, 5, 0.0, false}, rng);
        const auto t0 = Clock::now();
        const Solution e = solve(p);
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
        Options h;
        h.exact = false;
        const Solution r = solve(p, h);
        std::printf("%6d %7zu %12.3f %12llu %10s %12.3f %12.3f %10.2f\n", n, p.edges().size(), ms,
                    static_cast<unsigned long long>(e.stats.branchNodes), std::string(core::statusName(e.status)).c_str(),
                    e.cost, r.cost, 100.0 * (r.cost - e.cost) / e.cost);
    }
}

}  // namespace

int main(int argc, char** argv) {
    const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
    const std::vector<int> sizes = quick ? std::vector<int>{10, 100, 500, 1000}
                                         : std::vector<int>{10, 30, 100, 300, 500, 1000, 2000, 5000};
    scaling("chains", false, sizes);
    scaling("Inception-style fork/join stacks (nested forks)", true, sizes);
    bruteForce();
    general(quick);
    return 0;
}
