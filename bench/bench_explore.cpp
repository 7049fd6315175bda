// Explorations benchmark: saving and reopening an Inception-V4 partition
// front with every layer's decisions; inserting 100,000 design points;
// filtering and sorting them by two KPIs; a sweep of the zoo x the built-in
// platforms x partition objectives on one core and on every core. Prints
// figures; asserts nothing (style.md 12).
//
// Usage: tessera-bench-explore [--quick] [--db FILE]   (default: a file in /tmp, removed after)

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "core/platform/platform.h"
#include "core/store/exploration_store.h"
#include "core/zoo/zoo.h"
#include "solver/explore/strategy.h"
#include "solver/parallel/parallel_for.h"

namespace core = tessera::core;
namespace explore = tessera::solver::explore;

namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

core::OptionValues options(const explore::Strategy& s, const std::vector<std::pair<std::string, std::string>>& given) {
    auto parsed = explore::parseOptions(s.options(), given);
    if (!parsed.error.empty()) {
        std::fprintf(stderr, "bad options: %s\n", parsed.error.c_str());
        std::exit(1);
    }
    return parsed.values;
}

// An exploration of `points` synthetic points with `layers` layers each.
core::Exploration synthetic(const core::Exploration& like, std::size_t points, std::size_t layers) {
    core::Exploration e = like;
    e.points.clear();
    for (std::size_t k = 0; k < points; ++k) {
        core::DesignPoint p;
        p.label = "p" + std::to_string(k);
        p.latencyMs = 1 + static_cast<double>((k * 7919) % 10007) / 100.0;
        p.energyMj = 10 + static_cast<double>((k * 104729) % 10009) / 10.0;
        p.powerW = p.energyMj / p.latencyMs;
        p.feasible = k % 7 != 0;
        for (std::size_t l = 0; l < layers; ++l) {
            core::LayerDecision d;
            d.layerId = static_cast<int>(l);
            d.layer = "conv" + std::to_string(l);
            d.choice = {{"method", "grouped-n"}};
            d.shares = {{"cpu", 0.25}, {"gpu", 0.75}};
            d.latencyMs = p.latencyMs / static_cast<double>(layers);
            d.energyMj = p.energyMj / static_cast<double>(layers);
            p.layers.push_back(std::move(d));
        }
        e.points.push_back(std::move(p));
    }
    return e;
}

}  // namespace

int main(int argc, char** argv) {
    bool quick = false;
    std::filesystem::path db = std::filesystem::temp_directory_path() / "tessera-bench-explore.sqlite";
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--quick") == 0) quick = true;
        else if (std::strcmp(argv[i], "--db") == 0 && i + 1 < argc) db = argv[++i];
    }
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db.string() + suffix);
    core::ExplorationStore store(db);
    const explore::Strategy& partition = *explore::findStrategy("partition");
    const core::Platform tx2 = core::loadBuiltinPlatform("jetson_tx2_cyclone10gx");

    // 1. Inception-V4's front with every layer's decisions: run, save, reopen.
    {
        const core::Network v4 = core::loadZooNetwork("inception_v4");
        auto t = Clock::now();
        const core::Exploration e = explore::explore(partition, v4, "inception_v4", tx2,
                                                     options(partition, {{"objective", "pareto"}, {"pareto-points", "21"}}));
        const double run = since(t);
        std::size_t rows = 0;
        for (const auto& p : e.points) rows += p.layers.size();
        t = Clock::now();
        const std::int64_t id = store.save(e);
        const double save = since(t);
        t = Clock::now();
        const auto back = store.load(id);
        const double load = since(t);
        std::printf("Inception-V4 partition front (21 points per layer): %zu points, %zu layer decisions\n", e.points.size(), rows);
        std::printf("  explore %.3f s   save %.3f s   reopen %.3f s   (reopened equal: %s)\n\n", run, save, load,
                    back && core::explorationToJson(*back).dump() == [&] {
                        core::Exploration saved = e;
                        saved.id = id;
                        return core::explorationToJson(saved).dump();
                    }() ? "yes" : "NO");
    }

    // 2. 100,000 design points (1,000 explorations of 100 points, 4 layers each).
    {
        const core::Network net = core::loadZooNetwork("alexnet");
        const core::Exploration like = explore::explore(partition, net, "alexnet", tx2, options(partition, {}));
        const std::size_t explorations = quick ? 100 : 1000;
        const core::Exploration e = synthetic(like, 100, 4);
        auto t = Clock::now();
        for (std::size_t i = 0; i < explorations; ++i) store.save(e);
        const double insert = since(t);
        const double points = static_cast<double>(explorations * 100);
        std::printf("Inserting %.0f design points (%zu explorations x 100 points x 4 layers, one transaction each):\n", points,
                    explorations);
        std::printf("  %.3f s, %.0f points/s\n\n", insert, points / insert);

        t = Clock::now();
        core::PointQuery q;
        q.feasibleOnly = true;
        q.maxLatencyMs = 50;
        q.order = core::PointQuery::Order::EnergyThenLatency;
        q.limit = 100;
        const auto best = store.queryPoints(q);
        const double query = since(t);
        std::printf("Filtering them (feasible, latency <= 50 ms) and sorting by energy then latency, first 100:\n");
        std::printf("  %.4f s (%zu rows; lowest energy %.3f mJ)\n\n", query, best.size(), best.empty() ? NAN : best.front().energyMj);
    }

    // 3. A sweep: the zoo x the built-in platforms with an FPGA x partition objectives.
    {
        std::vector<std::string> nets = core::zooNames();
        if (quick) nets.resize(3);
        const std::vector<std::string> platforms = {"jetson_tx2_cyclone10gx", "alveo_u200_host", "desktop_ryzen7950x_rtx4090"};
        const std::vector<std::string> objectives = {"latency", "energy", "pareto"};
        struct Job {
            std::string net, platform, objective;
        };
        std::vector<Job> jobs;
        for (const auto& n : nets)
            for (const auto& p : platforms)
                for (const auto& o : objectives) jobs.push_back({n, p, o});
        std::vector<core::Network> networks;
        for (const auto& n : nets) networks.push_back(core::loadZooNetwork(n));
        std::vector<core::Platform> descriptors;
        for (const auto& p : platforms) descriptors.push_back(core::loadBuiltinPlatform(p));
        std::printf("Sweep: %zu networks x %zu platforms x %zu objectives = %zu explorations (partition)\n", nets.size(),
                    platforms.size(), objectives.size(), jobs.size());
        for (int threads : {1, 0}) {
            auto t = Clock::now();
            std::size_t points = 0;
            std::vector<std::size_t> counts(jobs.size());
            tessera::solver::parallel::parallelFor(
                jobs.size(), threads,
                [&](std::size_t i) {
                    const auto n = static_cast<std::size_t>(std::find(nets.begin(), nets.end(), jobs[i].net) - nets.begin());
                    const auto p = static_cast<std::size_t>(std::find(platforms.begin(), platforms.end(), jobs[i].platform) -
                                                            platforms.begin());
                    counts[i] = explore::explore(partition, networks[n], jobs[i].net, descriptors[p],
                                                 options(partition, {{"objective", jobs[i].objective}}), {{}, 1})
                                    .points.size();
                },
                [&](std::size_t i) {
                    points += counts[i];
                    return true;
                });
            std::printf("  %s: %.2f s (%zu points)\n", threads == 1 ? "1 core   " : "all cores",
                        since(t), points);
            if (threads == 0) std::printf("  (all cores = %d here)\n", tessera::solver::parallel::threadCount(0));
        }
    }
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db.string() + suffix);
    return 0;
}
