#include "solver/explore/strategy.h"

#include <chrono>
#include <cmath>
#include <cstdio>

#include "core/ir/network_json.h"
#include "core/json/json_text.h"
#include "solver/pareto/pareto.h"

namespace tessera::solver::explore {

void markFront(core::Exploration& exploration) {
    std::vector<pareto::Objectives> objectives;
    std::vector<std::size_t> candidates;
    for (std::size_t i = 0; i < exploration.points.size(); ++i) {
        core::DesignPoint& p = exploration.points[i];
        p.onFront = false;
        if (p.baseline || !p.feasible || !std::isfinite(p.latencyMs)) continue;
        objectives.push_back({p.latencyMs, std::isfinite(p.energyMj) ? p.energyMj : 0.0});
        candidates.push_back(i);
    }
    for (std::size_t k : pareto::nonDominated(objectives)) exploration.points[candidates[k]].onFront = true;
}

core::Exploration explore(const Strategy& strategy, const core::Network& network, const std::string& networkSpec,
                          const core::Platform& platform, const core::OptionValues& options,
                          const RunContext& context) {
    const auto started = std::chrono::steady_clock::now();
    core::Exploration e;
    e.created = core::utcNow();
    e.strategy = std::string(strategy.name());
    e.options = options;
    e.name = network.name + " on " + platform.name() + " (" + e.strategy + ")";
    core::ExplorationInputs& in = e.inputs;
    in.network = network.name;
    in.networkSpec = networkSpec;
    in.networkDocument = core::networkToJson(network);
    in.networkHash = core::canonicalHash(in.networkDocument);
    in.platform = platform.name();
    in.platformDocument = core::platformToJson(platform);
    in.platformHash = platform.hash();
    in.toolVersion = std::string(core::toolVersion());
    in.solverVersion = std::string(strategy.version());
    std::string error = validateOptions(strategy.options(), options);
    if (error.empty()) error = strategy.checkOptions(options);
    if (!error.empty()) {
        e.status = core::Status::InvalidInput;
        e.message = std::move(error);
    } else {
        strategy.run(network, platform, options, context, e);
        markFront(e);
    }
    e.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return e;
}

}  // namespace tessera::solver::explore
