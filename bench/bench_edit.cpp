// Editing benchmark: the time of Strategy::evaluate (one layer edited, and
// no edit) and of Strategy::reoptimise (one layer locked) on every zoo
// network, for each strategy: partition on jetson_tx2_cyclone10gx, algosel
// on alveo_u200_host. The editor re-evaluates on every change, so evaluate
// must stay well under 100 ms on Inception-V4. Prints figures; asserts
// nothing (style.md 12).
//
// Usage: tessera-bench-edit [--network NAME] [--seconds S]   (S: time per figure, default 0.3)

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "core/platform/platform.h"
#include "core/zoo/zoo.h"
#include "solver/explore/strategy.h"

namespace core = tessera::core;
namespace explore = tessera::solver::explore;

namespace {

using Clock = std::chrono::steady_clock;

// Mean milliseconds per call of `f`, repeated for about `seconds` (at least 3 calls).
double msPerCall(double seconds, const std::function<void()>& f) {
    int calls = 0;
    const auto start = Clock::now();
    double elapsed = 0;
    do {
        f();
        ++calls;
        elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    } while (calls < 3 || elapsed < seconds);
    return elapsed * 1000 / calls;
}

// An edit of the point's middle layer that changes it: another value of its
// first editable choice, or (partition) all of it on the first device.
core::LayerEdit middleEdit(const explore::Strategy& s, const core::Network& net, const core::Platform& platform,
                           const core::Exploration& e, bool locked) {
    const core::LayerDecision& l = e.points.front().layers[e.points.front().layers.size() / 2];
    core::LayerEdit edit;
    edit.layerId = l.layerId;
    edit.locked = locked;
    for (const auto& c : s.editable(net, platform, e.options, l)) {
        if (c.kind == core::EditableChoice::Kind::Shares) {
            edit.shares = {{c.values.front(), 1.0}};
            break;
        }
        if (c.values.size() > 1) {
            edit.choice = {{c.name, c.values.front() == l.choiceValue(c.name) ? c.values.back() : c.values.front()}};
            break;
        }
    }
    return edit;
}

}  // namespace

int main(int argc, char** argv) {
    std::string only;
    double seconds = 0.3;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--network") == 0 && i + 1 < argc) only = argv[++i];
        else if (std::strcmp(argv[i], "--seconds") == 0 && i + 1 < argc) seconds = std::atof(argv[++i]);
    }
    const struct {
        const char* strategy;
        const char* platform;
    } runs[] = {{"partition", "jetson_tx2_cyclone10gx"}, {"algosel", "alveo_u200_host"}};
    std::printf("%-20s %-10s %7s %12s %12s %12s\n", "network", "strategy", "layers", "edit ms", "no-edit ms", "reopt ms");
    for (const std::string& name : core::zooNames()) {
        if (!only.empty() && name != only) continue;
        const core::Network net = core::loadZooNetwork(name);
        for (const auto& r : runs) {
            const explore::Strategy& s = *explore::findStrategy(r.strategy);
            const core::Platform platform = core::loadBuiltinPlatform(r.platform);
            core::OptionValues options;
            for (const auto& spec : s.options()) options[spec.name] = spec.defaultValue;
            const core::Exploration e = explore::explore(s, net, name, platform, options);
            if (e.points.empty()) {
                std::printf("%-20s %-10s %s\n", name.c_str(), r.strategy, e.message.c_str());
                continue;
            }
            const core::LayerEdit edit = middleEdit(s, net, platform, e, false);
            const core::LayerEdit lock = middleEdit(s, net, platform, e, true);
            if (s.evaluate(net, platform, e, 0, {edit}).status != core::Status::Heuristic) {
                std::printf("%-20s %-10s the edit did not evaluate\n", name.c_str(), r.strategy);
                continue;
            }
            const double edited = msPerCall(seconds, [&] { s.evaluate(net, platform, e, 0, {edit}); });
            const double plain = msPerCall(seconds, [&] { s.evaluate(net, platform, e, 0, {}); });
            const double reopt = msPerCall(seconds, [&] { s.reoptimise(net, platform, e, 0, {lock}); });
            std::printf("%-20s %-10s %7zu %12.3f %12.3f %12.3f\n", name.c_str(), r.strategy, e.points.front().layers.size(),
                        edited, plain, reopt);
        }
    }
    return 0;
}
