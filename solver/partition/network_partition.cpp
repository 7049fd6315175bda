// Method 1 over a whole network: the units (every Conv / FullyConnected
// layer, and chains of layers that can be fused), the choice of method per
// layer (a dynamic program over each fusable chain), and the totals.

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <sstream>

#include "core/json/json_text.h"
#include "core/ir/network_json.h"
#include "partition.h"
#include "solver/parallel/parallel_for.h"
#include "network_units_internal.h"
#include "unit_solver_internal.h"

namespace tessera::solver::partition {

using detail::ChainOp;
using detail::Context;
using detail::UnitSpec;
using detail::chainOp;
using detail::makeContext;
using detail::offered;
using detail::pathToNextConv;
using detail::singleSpec;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// Share of the progress fraction the per-layer solves fill; fused chains follow.
constexpr double kSingleShare = 0.95;

struct Named {
    std::string_view name;
    int value;
};
constexpr Named kMethods[] = {{"grouped-c", 0}, {"grouped-n", 1}, {"tiling", 2}, {"fused", 3}, {"best", 4}};
constexpr Named kObjectives[] = {{"latency", 0}, {"energy", 1}, {"pareto", 2}};
constexpr Named kSchedules[] = {{"sequential", 0}, {"concurrent", 1}};
constexpr Named kRelaxations[] = {{"penalty", 0}, {"recondense", 1}, {"sgp", 2}};

template <typename E, std::size_t N>
std::string_view nameOf(const Named (&table)[N], E value) {
    for (const auto& n : table)
        if (n.value == static_cast<int>(value)) return n.name;
    return "?";
}
template <typename E, std::size_t N>
std::optional<E> fromName(const Named (&table)[N], std::string_view name) {
    for (const auto& n : table)
        if (n.name == name) return static_cast<E>(n.value);
    return std::nullopt;
}

bool fusable(const core::Layer& l) {
    using core::OpKind;
    switch (l.op) {
    case OpKind::Conv:
    case OpKind::MaxPool:
    case OpKind::AvgPool:
    case OpKind::BatchNorm:
    case OpKind::Activation:
    case OpKind::LRN:
    case OpKind::Dropout:
    case OpKind::Identity:
        return true;
    default:
        return false;
    }
}

// What a single-layer solve depends on: the layer's geometry (not its
// name or place), so that layers alike are solved once.
std::vector<std::int64_t> geometryKey(const core::Network& net, const core::ConvView& v) {
    return {v.h, v.w, v.c, v.kh, v.kw, v.n, v.strideH, v.strideW, v.dilationH, v.dilationW, v.groups, v.p, v.q,
            v.batch, v.fullyConnected, v.depthwise, v.macs, net.layer(v.layer).attrs.dilation[0]};
}

}  // namespace

namespace detail {

ChainOp chainOp(const core::Network& net, core::LayerId id) {
    const core::Layer& l = net.layer(id);
    ChainOp op;
    op.layer = id;
    op.name = l.name;
    if (auto v = core::convView(net, id); v && l.op == core::OpKind::Conv) {
        op.compute = true;
        op.conv = *v;
        op.kernelH = l.attrs.dilation[0] * (v->kh - 1) + 1;
        op.strideH = v->strideH;
    } else if (l.op == core::OpKind::MaxPool || l.op == core::OpKind::AvgPool) {
        op.kernelH = l.attrs.kernel[0];
        op.strideH = l.attrs.stride[0];
    }
    return op;
}

std::vector<ChainOp> pathToNextConv(const core::Network& net, core::LayerId from) {
    std::vector<ChainOp> ops;
    core::LayerId cur = from;
    for (int guard = 0; guard < 64; ++guard) {
        const auto next = net.successors(cur);
        if (next.size() != 1 || net.predecessors(next[0]).size() != 1) return {};
        const core::Layer& nl = net.layer(next[0]);
        if (!fusable(nl) || nl.inputs.size() != 1 || net.consumers(net.layer(cur).outputs.front()).size() != 1) return {};
        ChainOp op = chainOp(net, next[0]);
        const bool conv = op.compute;
        ops.push_back(std::move(op));
        if (conv) return ops;
        cur = next[0];
    }
    return {};
}

std::vector<Method> offered(const core::ConvView& v) {
    std::vector<Method> m;
    if (v.groups == 1 && v.c >= 2) m.push_back(Method::GroupedChannels);
    if ((v.groups == 1 && v.n >= 2) || v.groups >= 2) m.push_back(Method::GroupedFilters);
    if (!v.fullyConnected && v.p >= 2) m.push_back(Method::Tiling);
    return m;
}

UnitSpec singleSpec(const core::Network& net, const core::ConvView& v, Method method) {
    UnitSpec s;
    s.method = method;
    ChainOp op;
    op.layer = v.layer;
    op.name = net.layer(v.layer).name;
    op.compute = true;
    op.conv = v;
    op.kernelH = net.layer(v.layer).attrs.dilation[0] * (v.kh - 1) + 1;
    op.strideH = v.strideH;
    s.ops.push_back(op);
    switch (method) {
    case Method::GroupedChannels: s.units = v.c; s.cut = "channels"; s.variable = "c"; break;
    case Method::GroupedFilters:
        if (v.groups >= 2) { s.units = v.groups; s.cut = "groups"; s.variable = "g"; }
        else { s.units = v.n; s.cut = "filters"; s.variable = "n"; }
        break;
    default: s.units = v.p; s.cut = "rows"; s.variable = "rows"; break;
    }
    return s;
}

Context makeContext(const core::Platform& platform, const PartitionOptions& o, std::string& note) {
    Context ctx;
    ctx.platform = &platform;
    ctx.options = o;
    const auto& devs = platform.devices();
    ctx.home = 0;
    if (!o.homeDevice.empty()) ctx.home = platform.deviceId(o.homeDevice)->value;
    else if (auto cpus = platform.devicesOfKind(core::DeviceKind::Cpu); !cpus.empty()) ctx.home = cpus.front().value;
    for (std::size_t d = 0; d < devs.size(); ++d) {
        ctx.models.emplace_back(devs[d], o.bytesPerElement);
        const core::Link* link = static_cast<int>(d) == ctx.home ? nullptr
                                                                 : platform.linkBetween(devs[d].id, devs[static_cast<std::size_t>(ctx.home)].id);
        ctx.linkToHome.push_back(link);
        auto budgets = core::resourceBudgets(devs[d]);
        for (auto& b : budgets) {
            auto it = o.budgets.find(devs[d].id + "." + std::string(b.key));
            if (it != o.budgets.end()) b.budget = it->second;
        }
        ctx.budgets.push_back(std::move(budgets));
        if (o.disabledDevices.count(devs[d].id)) continue;
        if (auto f = o.fixedShares.find(devs[d].id); f != o.fixedShares.end() && f->second == 0) continue;
        if (static_cast<int>(d) != ctx.home && !link) {
            note += "device '" + devs[d].id + "' has no link to the home device '" + devs[static_cast<std::size_t>(ctx.home)].id +
                    "' and takes no share; ";
            continue;
        }
        ctx.enabled.push_back(static_cast<int>(d));
    }
    return ctx;
}

}  // namespace detail

namespace {

double value(const UnitResult& u, Objective o) {
    if (u.status != core::Status::Optimal) return kInf;
    return detail::objectiveValue(u.rounded, o == Objective::Pareto ? Objective::Latency : o);
}

// The candidate (one per method) with the lowest objective, listing the methods the layer offers.
UnitResult bestOf(std::vector<UnitResult> candidates, Objective o, const std::vector<Method>& offeredMethods) {
    std::size_t best = 0;
    for (std::size_t i = 1; i < candidates.size(); ++i)
        if (value(candidates[i], o) < value(candidates[best], o)) best = i;
    UnitResult r = std::move(candidates[best]);
    for (Method m : offeredMethods) r.offeredMethods.emplace_back(methodName(m));
    return r;
}

void addEvaluation(Evaluation& total, const Evaluation& e) {
    total.latencyMs += e.latencyMs;
    total.energyMj += e.energyMj;
    if (!e.feasible && total.feasible) {
        total.feasible = false;
        total.reason = e.reason;
    }
}

std::vector<ParetoPoint> networkFront(const std::vector<UnitResult>& units) {
    // Weighted sums E + lambda L over the units' own fronts trace the convex
    // hull of the network's front.
    double L = 0, E = 0;
    for (const auto& u : units) {
        L += u.rounded.latencyMs;
        E += u.rounded.energyMj;
    }
    if (!(L > 0) || !(E > 0)) return {};
    std::vector<ParetoPoint> points;
    for (int i = 0; i <= 40; ++i) {
        const double lambda = E / L * std::pow(10.0, -3.0 + 6.0 * i / 40.0);
        ParetoPoint p;
        for (const auto& u : units) {
            const ParetoPoint* pick = nullptr;
            double bestScore = kInf;
            for (const auto& q : u.pareto) {
                const double score = q.energyMj + lambda * q.latencyMs;
                if (score < bestScore) { bestScore = score; pick = &q; }
            }
            p.latencyMs += pick ? pick->latencyMs : u.rounded.latencyMs;
            p.energyMj += pick ? pick->energyMj : u.rounded.energyMj;
        }
        points.push_back(p);
    }
    return detail::nonDominated(std::move(points));
}

}  // namespace

std::string_view methodName(Method m) { return nameOf(kMethods, m); }
std::string_view objectiveName(Objective o) { return nameOf(kObjectives, o); }
std::string_view scheduleName(Schedule s) { return nameOf(kSchedules, s); }
std::string_view relaxationName(Relaxation r) { return nameOf(kRelaxations, r); }
std::optional<Method> methodFromName(std::string_view n) { return fromName<Method>(kMethods, n); }
std::optional<Objective> objectiveFromName(std::string_view n) { return fromName<Objective>(kObjectives, n); }
std::optional<Schedule> scheduleFromName(std::string_view n) { return fromName<Schedule>(kSchedules, n); }
std::optional<Relaxation> relaxationFromName(std::string_view n) { return fromName<Relaxation>(kRelaxations, n); }

std::string PartitionOptions::validate(const core::Platform& platform) const {
    std::ostringstream e;
    auto fail = [&](const std::string& what) { e << (e.tellp() > 0 ? "\n" : "") << what; };
    auto known = [&](const std::string& id) { return platform.findDevice(id) != nullptr; };
    std::string ids;
    for (const auto& d : platform.devices()) ids += (ids.empty() ? "" : ", ") + d.id;
    if (bytesPerElement != 1 && bytesPerElement != 2 && bytesPerElement != 4)
        fail("precision: bytes per element must be 1 (int8), 2 (fp16) or 4 (fp32), got " + std::to_string(bytesPerElement));
    if (partialSumBytes < 1 || partialSumBytes > 8)
        fail("partial-sum bytes must be in [1, 8], got " + std::to_string(partialSumBytes));
    if (!homeDevice.empty() && !known(homeDevice))
        fail("home device '" + homeDevice + "' is not on platform " + platform.name() + " (devices: " + ids + ")");
    for (const auto& d : disabledDevices)
        if (!known(d)) fail("disabled device '" + d + "' is not on platform " + platform.name() + " (devices: " + ids + ")");
    double fixedSum = 0;
    for (const auto& [d, f] : fixedShares) {
        if (!known(d)) fail("fixed share: device '" + d + "' is not on platform " + platform.name() + " (devices: " + ids + ")");
        if (!(f >= 0 && f <= 1)) fail("fixed share of '" + d + "' must be in [0, 1], got " + std::to_string(f));
        else fixedSum += f;
        if (disabledDevices.count(d) && f > 0) fail("device '" + d + "' is both disabled and given a fixed share");
    }
    if (fixedSum > 1 + 1e-9) fail("fixed shares add up to " + std::to_string(fixedSum) + ", more than 1");
    for (const auto& [key, b] : budgets) {
        const auto dot = key.find('.');
        const std::string dev = key.substr(0, dot);
        const core::Device* d = platform.findDevice(dev);
        if (dot == std::string::npos || !d) {
            fail("budget '" + key + "': expected <device>.<resource> with a device of " + platform.name() + " (devices: " + ids + ")");
            continue;
        }
        const auto rs = core::resourceBudgets(*d);
        const std::string res = key.substr(dot + 1);
        if (std::none_of(rs.begin(), rs.end(), [&](const auto& r) { return r.key == res; })) {
            std::string names;
            for (const auto& r : rs) names += (names.empty() ? "" : ", ") + std::string(r.key);
            fail("budget '" + key + "': device '" + dev + "' has no budget '" + res + "'" +
                 (names.empty() ? std::string(" (it has no resource budgets)") : " (it has: " + names + ")"));
        }
        if (!(b > 0) || !std::isfinite(b)) fail("budget '" + key + "' must be positive, got " + std::to_string(b));
    }
    if (maxFusedDepth < 2 || maxFusedDepth > 16) fail("fused depth must be in [2, 16], got " + std::to_string(maxFusedDepth));
    if (paretoPoints < 3 || paretoPoints > 101) fail("Pareto points must be in [3, 101], got " + std::to_string(paretoPoints));
    if (!(penaltyStart > 0) || !(penaltyStep >= 0) || !(satisfaction > 0 && satisfaction <= 1))
        fail("penalty schedule: start > 0, step >= 0 and satisfaction in (0, 1] required");
    if (maxGpsPerSolve < 1 || maxGpsPerSolve > 10000) fail("GPs per solve must be in [1, 10000]");
    std::size_t usable = 0;
    for (const auto& d : platform.devices())
        if (!disabledDevices.count(d.id) && !(fixedShares.count(d.id) && fixedShares.at(d.id) == 0)) ++usable;
    if (usable == 0) fail("every device of " + platform.name() + " is disabled");
    return e.str();
}

NetworkPartition partitionNetwork(const core::Network& net, const core::Platform& platform, const PartitionOptions& options) {
    const auto started = std::chrono::steady_clock::now();
    NetworkPartition result;
    result.network = net.name;
    result.platform = platform.name();
    result.platformHash = platform.hash();
    result.networkHash = core::canonicalHash(core::networkToJson(net));
    result.options = options;
    auto finish = [&]() -> NetworkPartition& {
        result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        return result;
    };
    if (auto e = options.validate(platform); !e.empty()) {
        result.status = core::Status::InvalidInput;
        result.message = e;
        return finish();
    }
    std::string note;
    Context ctx;
    try {
        ctx = makeContext(platform, options, note);
    } catch (const std::exception& ex) {
        result.status = core::Status::InvalidInput;
        result.message = ex.what();
        return finish();
    }
    if (ctx.enabled.empty()) {
        result.status = core::Status::InvalidInput;
        result.message = note + "no device can take a share";
        return finish();
    }

    std::vector<core::ConvView> views = core::convViews(net);
    if (!options.layer.empty()) {
        std::erase_if(views, [&](const core::ConvView& v) { return net.layer(v.layer).name != options.layer; });
        if (views.empty()) {
            result.status = core::Status::InvalidInput;
            const auto id = net.findLayer(options.layer);
            result.message = id ? "layer '" + options.layer + "' is a " + std::string(core::opKindName(net.layer(*id).op)) +
                                      " layer; only Conv and FullyConnected layers are partitioned"
                                : "no layer named '" + options.layer + "' in network " + net.name;
            return finish();
        }
    }
    const Method method = options.method;
    const bool fuse = (method == Method::Fused || method == Method::Best) && options.layer.empty();

    // Per layer: the result of each single-layer method asked for. Layers of
    // the same geometry (Inception's repeated modules, ResNet's blocks) have
    // the same result, so each geometry is solved once, on every core.
    struct LayerJob {
        const core::ConvView* view = nullptr;
        std::vector<Method> methods, runnable;
        std::string fallback;
        std::size_t geometry = 0;  // index into `unique`
    };
    std::vector<LayerJob> jobs;
    std::map<std::vector<std::int64_t>, std::size_t> geometryIndex;
    std::vector<std::size_t> unique;  // per geometry: its first job
    for (const auto& v : views) {
        LayerJob job;
        job.view = &v;
        job.methods = offered(v);
        std::vector<Method> ask;
        if (method == Method::Best) ask = job.methods;
        else if (method == Method::Fused) ask = {Method::Tiling};
        else ask = {method};
        for (Method m : ask)
            if (std::find(job.methods.begin(), job.methods.end(), m) != job.methods.end()) job.runnable.push_back(m);
        if (job.runnable.empty()) {
            job.runnable = job.methods;
            job.fallback = std::string(methodName(method == Method::Fused ? Method::Fused : method)) +
                           " is not offered for this layer (" +
                           (v.fullyConnected ? "fully connected" : v.groups > 1 ? "grouped convolution" : "too small") + ")";
        }
        auto [it, added] = geometryIndex.emplace(geometryKey(net, v), unique.size());
        if (added) unique.push_back(jobs.size());
        job.geometry = it->second;
        jobs.push_back(std::move(job));
    }
    std::vector<UnitResult> solvedGeometry(unique.size());
    std::vector<int> layersOfGeometry(unique.size(), 0);
    std::vector<int> gpsOfGeometry(unique.size(), 0);
    for (const auto& job : jobs) ++layersOfGeometry[job.geometry];
    int done = 0;
    const int total = static_cast<int>(views.size());
    const std::vector<bool> completed = parallel::parallelFor(
        unique.size(), options.threads,
        [&](std::size_t g) {
            const LayerJob& job = jobs[unique[g]];
            std::vector<UnitResult> candidates;
            if (job.runnable.empty())  // nothing can be cut (1x1 output, one channel, one filter): one device
                candidates.push_back(detail::solveUnit(singleSpec(net, *job.view, Method::GroupedFilters), ctx));
            for (Method m : job.runnable) candidates.push_back(detail::solveUnit(singleSpec(net, *job.view, m), ctx));
            int gps = 0;
            for (const auto& c : candidates) gps += c.gpSolves;
            solvedGeometry[g] = bestOf(std::move(candidates), options.objective, job.methods);
            gpsOfGeometry[g] = gps;
        },
        [&](std::size_t g) {
            done += layersOfGeometry[g];
            return !options.progress ||
                   options.progress(kSingleShare * done / std::max(total, 1),
                                    "partitioned " + net.layer(jobs[unique[g]].view->layer).name +
                                        (layersOfGeometry[g] > 1 ? " and " + std::to_string(layersOfGeometry[g] - 1) + " alike" : "") +
                                        " (" + std::to_string(done) + " of " + std::to_string(total) + ")");
        });
    int solvedGps = 0;  // every GP, the losing methods' and groups' included
    std::map<int, UnitResult> single;  // by layer id
    for (std::size_t g = 0; g < unique.size(); ++g)
        if (completed[g]) solvedGps += gpsOfGeometry[g];
    for (const auto& job : jobs) {
        if (!completed[job.geometry]) continue;
        UnitResult r = solvedGeometry[job.geometry];
        r.layers = {net.layer(job.view->layer).name};
        if (!job.fallback.empty()) r.message = job.fallback + "; used " + std::string(methodName(r.method)) + ". " + r.message;
        if (method == Method::Fused && job.fallback.empty()) r.method = Method::Fused;  // a one-layer fused group is a tiling
        single.emplace(job.view->layer.value, std::move(r));
    }
    bool cancelled = single.size() < jobs.size();

    // Fusable chains: a dynamic program per chain over groups of 1..maxFusedDepth
    // convs. Every group of 2 or more is one GP solve; groups alike (the same
    // ops, whatever their names) are solved once, all of them on every core,
    // before the dynamic programs run.
    std::set<int> consumed;
    std::vector<std::pair<int, UnitResult>> ordered;  // first layer id -> unit
    struct Chain {
        std::vector<core::LayerId> convs;
        std::vector<std::vector<ChainOp>> links;  // ops between convs[i] and convs[i+1]
        std::map<std::pair<std::size_t, std::size_t>, std::size_t> groups;  // (start, end) -> index into groupSpecs
    };
    std::vector<Chain> chains;
    std::vector<UnitSpec> groupSpecs;                   // one per distinct group
    std::map<std::vector<std::int64_t>, std::size_t> groupIndex;
    if (fuse && !cancelled) {
        for (const auto& v : views) {
            if (v.fullyConnected || consumed.count(v.layer.value)) continue;
            // The chain starting here (only from a conv that no fusable path reaches).
            Chain chain;
            chain.convs = {v.layer};
            for (;;) {
                auto path = pathToNextConv(net, chain.convs.back());
                if (path.empty() || !single.count(path.back().layer.value) || consumed.count(path.back().layer.value)) break;
                chain.convs.push_back(path.back().layer);
                chain.links.push_back(std::move(path));
            }
            for (auto id : chain.convs) consumed.insert(id.value);
            const std::size_t n = chain.convs.size();
            for (std::size_t end = 2; end <= n; ++end)
                for (std::size_t len = 2; len <= std::min<std::size_t>(end, options.maxFusedDepth); ++len) {
                    const std::size_t first = end - len;
                    UnitSpec spec;
                    spec.method = Method::Fused;
                    spec.ops.push_back(chainOp(net, chain.convs[first]));
                    for (std::size_t i = first; i + 1 < end; ++i)
                        for (const auto& op : chain.links[i]) spec.ops.push_back(op);
                    spec.units = spec.ops.back().conv.p;
                    spec.cut = "rows";
                    spec.variable = "rows";
                    if (spec.units < 2) continue;
                    std::vector<std::int64_t> key;
                    for (const auto& op : spec.ops) {
                        key.push_back(op.compute);
                        key.push_back(op.kernelH);
                        key.push_back(op.strideH);
                        if (op.compute)
                            for (std::int64_t x : geometryKey(net, op.conv)) key.push_back(x);
                    }
                    auto [it, added] = groupIndex.emplace(std::move(key), groupSpecs.size());
                    if (added) groupSpecs.push_back(spec);
                    chain.groups[{first, end}] = it->second;
                }
            chains.push_back(std::move(chain));
        }
    }
    std::vector<UnitResult> groupResults(groupSpecs.size());
    std::size_t groupsDone = 0;
    const std::vector<bool> groupsSolved = parallel::parallelFor(
        groupSpecs.size(), options.threads, [&](std::size_t i) { groupResults[i] = detail::solveUnit(groupSpecs[i], ctx); },
        [&](std::size_t i) {
            ++groupsDone;
            return !options.progress ||
                   options.progress(kSingleShare + (1 - kSingleShare) * static_cast<double>(groupsDone) /
                                                       static_cast<double>(groupSpecs.size()),
                                    "fused group " + groupSpecs[i].layerNames().front() + " .. " +
                                        groupSpecs[i].layerNames().back() + " (" + std::to_string(groupsDone) + " of " +
                                        std::to_string(groupSpecs.size()) + ")");
        });
    for (std::size_t i = 0; i < groupSpecs.size(); ++i)
        if (groupsSolved[i]) solvedGps += groupResults[i].gpSolves;
    if (std::find(groupsSolved.begin(), groupsSolved.end(), false) != groupsSolved.end()) cancelled = true;
    for (Chain& chain : cancelled ? std::vector<Chain>{} : chains) {
        const std::size_t n = chain.convs.size();
        std::vector<double> best(n + 1, kInf);
        std::vector<std::size_t> from(n + 1, 0);
        best[0] = 0;
        for (std::size_t end = 1; end <= n; ++end) {
            for (std::size_t len = 1; len <= std::min<std::size_t>(end, options.maxFusedDepth); ++len) {
                const std::size_t first = end - len;
                double cost;
                if (len == 1) {
                    cost = value(single.at(chain.convs[first].value), options.objective);
                } else {
                    auto g = chain.groups.find({first, end});
                    if (g == chain.groups.end()) continue;
                    cost = value(groupResults[g->second], options.objective);
                }
                if (best[first] + cost < best[end]) {
                    best[end] = best[first] + cost;
                    from[end] = first;
                }
            }
        }
        std::vector<std::pair<std::size_t, std::size_t>> cuts;
        for (std::size_t end = n; end > 0; end = from[end]) cuts.emplace_back(from[end], end);
        std::reverse(cuts.begin(), cuts.end());
        for (auto [first, end] : cuts) {
            if (end - first == 1) {
                ordered.emplace_back(chain.convs[first].value, std::move(single.at(chain.convs[first].value)));
            } else {
                // The group's result with this group's own layer names.
                UnitResult r = groupResults[chain.groups.at({first, end})];
                std::vector<std::string> names;
                for (std::size_t i = first; i < end; ++i) names.push_back(net.layer(chain.convs[i]).name);
                r.layers = std::move(names);
                r.offeredMethods = {"fused"};
                ordered.emplace_back(chain.convs[first].value, std::move(r));
            }
        }
    }
    if (cancelled) consumed.clear();  // a stopped run reports the single-layer results it has
    for (auto& [id, r] : single)
        if (!consumed.count(id)) ordered.emplace_back(id, std::move(r));
    std::stable_sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) { return a.first < b.first; });

    for (auto& [id, r] : ordered) {
        result.latencyMs += r.rounded.latencyMs;
        result.energyMj += r.rounded.energyMj;
        for (const auto& [key, e] : r.baselines) addEvaluation(result.baselines[key], e);
        if (r.status == core::Status::Infeasible && result.status == core::Status::Optimal) {
            result.status = core::Status::Infeasible;
            result.message = "layer " + r.layers.front() + ": " + r.message;
        }
        result.units.push_back(std::move(r));
    }
    // A baseline some unit lacks (no balanced split of a 1-unit layer) is not summed.
    for (auto it = result.baselines.begin(); it != result.baselines.end();) {
        const bool everywhere = std::all_of(result.units.begin(), result.units.end(),
                                            [&](const UnitResult& u) { return u.baselines.count(it->first) > 0; });
        it = everywhere ? std::next(it) : result.baselines.erase(it);
    }
    result.gpSolves = solvedGps;
    result.bestBaseline = detail::bestFeasible(result.baselines, options.objective);
    if (options.objective == Objective::Pareto) result.pareto = networkFront(result.units);
    if (cancelled) {
        result.status = core::Status::Cancelled;
        result.message = "cancelled after " + std::to_string(single.size()) + " of " + std::to_string(total) + " layers";
    } else if (result.status == core::Status::Optimal) {
        result.message = note + std::to_string(result.units.size()) + " units (" + std::to_string(views.size()) +
                         " layers), " + std::to_string(result.gpSolves) + " GPs";
    }
    return finish();
}

}  // namespace tessera::solver::partition
