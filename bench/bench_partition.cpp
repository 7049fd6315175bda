// Method 1 (GP partitioning) benchmark: wall time of partitionNetwork for
// every zoo network and each cut (grouped-c, grouped-n, tiling, fused, best)
// with the latency objective on the TX2 + Cyclone 10 GX platform, and the
// time of a full exploration (all methods) of ResNet-50. Prints tables;
// asserts nothing (style.md 12).
//
// Usage: tessera-bench-partition [--network NAME] [--repeat N] [--platform P]

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <string>
#include <vector>

#include "core/platform/platform.h"
#include "core/zoo/zoo.h"
#include "solver/partition/partition.h"

namespace part = tessera::solver::partition;
namespace core = tessera::core;

namespace {

using Clock = std::chrono::steady_clock;

struct Timing {
    double medianS = 0;
    part::NetworkPartition last;
};

// Median wall time of `repeat` runs, from the caller's side (network views,
// models and every GP included).
Timing timePartition(const core::Network& net, const core::Platform& platform, const part::PartitionOptions& o,
                     int repeat) {
    std::vector<double> times;
    Timing t;
    for (int i = 0; i < repeat; ++i) {
        const auto t0 = Clock::now();
        t.last = part::partitionNetwork(net, platform, o);
        times.push_back(std::chrono::duration<double>(Clock::now() - t0).count());
    }
    std::sort(times.begin(), times.end());
    t.medianS = times[times.size() / 2];
    return t;
}

int computeLayers(const core::Network& net) {
    int n = 0;
    for (const auto& l : net.layers())
        if (l.op == core::OpKind::Conv || l.op == core::OpKind::FullyConnected) ++n;
    return n;
}

}  // namespace

int main(int argc, char** argv) {
    std::string only, platformName = "jetson_tx2_cyclone10gx";
    int repeat = 3;
    for (int i = 1; i < argc; ++i) {
        const bool hasValue = i + 1 < argc;
        if (std::strcmp(argv[i], "--network") == 0 && hasValue) only = argv[++i];
        else if (std::strcmp(argv[i], "--platform") == 0 && hasValue) platformName = argv[++i];
        else if (std::strcmp(argv[i], "--repeat") == 0 && hasValue) repeat = std::max(1, std::atoi(argv[++i]));
        else {
            std::fprintf(stderr, "usage: tessera-bench-partition [--network NAME] [--repeat N] [--platform P]\n");
            return 2;
        }
    }
    core::Platform platform;
    std::vector<std::string> names;
    try {
        platform = core::openPlatform(platformName);
        names = only.empty() ? core::zooNames() : std::vector<std::string>{only};
        for (const auto& n : names) (void)core::openNetwork(n);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "tessera-bench-partition: %s\n", e.what());
        return 2;
    }

    const std::vector<part::Method> methods{part::Method::GroupedChannels, part::Method::GroupedFilters,
                                            part::Method::Tiling, part::Method::Fused, part::Method::Best};
    const part::PartitionOptions defaults;
    std::printf("partitionNetwork on %s, objective latency, schedule %s, relaxation %s;\n"
                "median of %d runs. GPs: every GP solved (NetworkPartition::gpSolves), the methods and\n"
                "fused groups that lost included.\n\n",
                platformName.c_str(), std::string(part::scheduleName(defaults.schedule)).c_str(),
                std::string(part::relaxationName(defaults.relaxation)).c_str(), repeat);
    std::printf("%-20s %6s %10s %10s %10s %6s %10s %s\n", "network", "layers", "method", "seconds", "GPs", "units",
                "ms/unit", "status");
    double resnet50All = -1;
    for (const auto& name : names) {
        const core::Network net = core::openNetwork(name);
        double all = 0;
        for (const auto m : methods) {
            part::PartitionOptions o;
            o.method = m;
            o.objective = part::Objective::Latency;
            const Timing t = timePartition(net, platform, o, repeat);
            all += t.medianS;
            const auto units = t.last.units.size();
            std::printf("%-20s %6d %10s %10.3f %10d %6zu %10.2f %s\n", name.c_str(), computeLayers(net),
                        std::string(part::methodName(m)).c_str(), t.medianS, t.last.gpSolves, units,
                        units ? 1e3 * t.medianS / static_cast<double>(units) : 0.0,
                        std::string(tessera::core::statusName(t.last.status)).c_str());
            std::fflush(stdout);
        }
        std::printf("%-20s %6s %10s %10.3f\n", name.c_str(), "", "all", all);
        if (name == "resnet50") resnet50All = all;
    }
    if (resnet50All >= 0)
        std::printf("\nfull exploration (all methods) ResNet-50: %.3f s (target < 2 s)\n", resnet50All);
    return 0;
}
