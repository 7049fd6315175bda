#include "unit_model_internal.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

#include "solver/pareto/pareto.h"

namespace tessera::solver::partition::detail {

using core::Monomial;
using core::Point;
using core::Posynomial;

namespace {

Posynomial times(double c, const Posynomial& p) { return c * p; }

std::string percent(double ratio) {
    std::ostringstream s;
    s.setf(std::ios::fixed);
    s.precision(ratio < 10 ? 1 : 0);
    s << ratio * 100 << "%";
    return s.str();
}

std::string count(double v) {
    std::ostringstream s;
    s.precision(v >= 1e6 ? 4 : 10);
    s << std::round(v);
    return s.str();
}

// Slice of one device: its work, and the bytes moved to and from home.
struct Slice {
    core::SliceWork work;
    Posynomial bytesIn, bytesOut;
};

Slice sliceOf(const UnitSpec& spec, const std::string& variable, bool partialSums, const PartitionOptions& o) {
    const Posynomial x = Monomial::variable(variable);
    const double b = o.bytesPerElement;
    const double bits = 8.0 * b;
    Slice s;
    if (spec.method == Method::Tiling || spec.method == Method::Fused) {
        // Rows each op must produce, from the last op back to the first.
        const std::size_t m = spec.ops.size();
        std::vector<Posynomial> rowsOut(m), rowsIn(m);
        Posynomial rows = x;
        for (std::size_t i = m; i-- > 0;) {
            const auto& op = spec.ops[i];
            rowsOut[i] = rows;
            const std::int64_t halo = std::max<std::int64_t>(op.kernelH - op.strideH, 0);
            rows = static_cast<double>(op.strideH) * rows;
            if (halo > 0) rows += Posynomial(static_cast<double>(halo));
            rowsIn[i] = rows;
        }
        const Point full = {{variable, static_cast<double>(spec.units)}};
        const auto& first = spec.ops.front().conv;
        const auto& last = spec.ops.back().conv;
        for (std::size_t i = 0; i < m; ++i) {
            const auto& op = spec.ops[i];
            if (!op.compute) continue;
            const auto& v = op.conv;
            const double cg = static_cast<double>(v.c / v.groups);
            core::LayerSliceWork l;
            const Monomial rowsInMono = core::condense(rowsIn[i].evaluate(full) > 0 ? rowsIn[i] : x, full);
            l.features = {Posynomial(pow(static_cast<double>(v.w) * rowsInMono, 0.5)), Posynomial(double(v.c)),
                          Posynomial(double(v.k)), Posynomial(double(v.n))};
            l.macs = times(static_cast<double>(v.q * v.n) * cg * double(v.kh * v.kw), rowsOut[i]);
            l.weightBits = Posynomial(double(v.n) * cg * double(v.kh * v.kw) * bits);
            if (v.kh > 1) l.lineBufferBits = Posynomial(double(v.kh - 1) * double(v.w * v.c) * bits);
            l.channelLanes = Posynomial(double(v.c));
            l.filterLanes = Posynomial(double(v.n));
            s.work.layers.push_back(std::move(l));
            s.work.memoryBytes += Posynomial(double(v.n) * cg * double(v.kh * v.kw) * b);
        }
        s.bytesIn = times(double(first.w * first.c) * b, rowsIn.front());
        s.bytesOut = times(double(last.q * last.n) * b, x);
        s.work.memoryBytes += s.bytesIn;
        s.work.memoryBytes += s.bytesOut;
        return s;
    }

    const auto& v = spec.ops.front().conv;
    const double pq = static_cast<double>(v.p * v.q);
    const double hw = static_cast<double>(v.h * v.w);
    const double kk = static_cast<double>(v.kh * v.kw);
    const double C = static_cast<double>(v.c), N = static_cast<double>(v.n), W = static_cast<double>(v.w);
    core::LayerSliceWork l;
    Posynomial weights;
    if (spec.method == Method::GroupedChannels) {
        const double outBytes = partialSums ? o.partialSumBytes : b;
        l.features = {Posynomial(double(v.hw)), x, Posynomial(double(v.k)), Posynomial(N)};
        l.macs = times(pq * N * kk, x);
        weights = times(N * kk * b, x);
        if (v.kh > 1) l.lineBufferBits = times(double(v.kh - 1) * W * bits, x);
        l.channelLanes = x;
        l.filterLanes = Posynomial(N);
        s.bytesIn = times(hw * b, x);
        s.bytesOut = Posynomial(pq * N * outBytes);
    } else if (spec.cut == "groups") {
        const double cg = C / double(v.groups), ng = N / double(v.groups);
        l.features = {Posynomial(double(v.hw)), times(cg, x), Posynomial(double(v.k)), times(ng, x)};
        l.macs = times(pq * ng * cg * kk, x);
        weights = times(ng * cg * kk * b, x);
        if (v.kh > 1) l.lineBufferBits = times(double(v.kh - 1) * W * cg * bits, x);
        l.channelLanes = times(cg, x);
        l.filterLanes = times(ng, x);
        s.bytesIn = times(hw * cg * b, x);
        s.bytesOut = times(pq * ng * b, x);
    } else {  // filters
        l.features = {Posynomial(double(v.hw)), Posynomial(C), Posynomial(double(v.k)), x};
        l.macs = times(pq * C * kk, x);
        weights = times(C * kk * b, x);
        if (v.kh > 1) l.lineBufferBits = Posynomial(double(v.kh - 1) * W * C * bits);
        l.channelLanes = Posynomial(C);
        l.filterLanes = x;
        s.bytesIn = Posynomial(hw * C * b);
        s.bytesOut = times(pq * b, x);
    }
    l.weightBits = times(8.0, weights);
    s.work.memoryBytes = s.bytesIn + weights + s.bytesOut;
    s.work.layers.push_back(std::move(l));
    return s;
}

}  // namespace

std::vector<std::string> UnitSpec::layerNames() const {
    std::vector<std::string> names;
    for (const auto& op : ops)
        if (op.compute) names.push_back(op.name);
    return names;
}

UnitModel buildUnitModel(const UnitSpec& spec, const Context& ctx, const std::vector<int>& active) {
    UnitModel m;
    const bool partial = spec.method == Method::GroupedChannels && active.size() > 1;
    const auto& o = ctx.options;
    for (int d : active) {
        DeviceTerms t;
        t.device = d;
        t.variable = spec.variable + "_" + ctx.deviceId(d);
        const Slice s = sliceOf(spec, t.variable, partial, o);
        t.cost = ctx.models[static_cast<std::size_t>(d)].cost(s.work);
        t.latencyMs = t.cost.latencyMs;
        t.energyMj = t.cost.energyMj;
        if (d != ctx.home) {
            const core::Link& link = *ctx.linkToHome[static_cast<std::size_t>(d)];
            t.transferMs = core::linkTransferMs(link, s.bytesIn + s.bytesOut, 2);
            t.energyMj += core::linkTransferMj(link, s.bytesIn + s.bytesOut);
        }
        for (const auto& budget : ctx.budgets[static_cast<std::size_t>(d)]) {
            const Posynomial& used = t.cost.*budget.member;
            if (used.empty()) continue;
            m.resources.push_back({d, ctx.deviceId(d) + "." + std::string(budget.key), std::string(budget.key),
                                   std::string(budget.unit), budget.budget, used});
        }
        m.devices.push_back(std::move(t));
    }
    if (partial) {
        // The home device adds the (m - 1) partial-sum maps it receives to its own.
        const auto& v = spec.ops.front().conv;
        const double outputs = static_cast<double>(v.p * v.q * v.n);
        core::SliceWork red;
        core::LayerSliceWork adds;
        adds.macs = Posynomial(outputs * double(active.size() - 1) / 2.0);  // one operation per add
        red.layers.push_back(std::move(adds));
        red.memoryBytes = Posynomial(outputs * (double(active.size()) * o.partialSumBytes + o.bytesPerElement));
        const core::SliceCost c = ctx.models[static_cast<std::size_t>(ctx.home)].cost(red);
        m.reductionMs = c.latencyMs;
        m.reductionMj = c.energyMj;
    }
    return m;
}

Evaluation evaluate(const UnitModel& model, const Context& ctx, const Point& x) {
    Evaluation e;
    const bool sequential = ctx.options.schedule == Schedule::Sequential;
    double slowest = 0;
    for (const auto& t : model.devices) {
        DeviceSlice s;
        s.device = ctx.deviceId(t.device);
        s.share = x.at(t.variable);
        s.latencyMs = t.latencyMs.evaluate(x);
        s.transferMs = t.transferMs.empty() ? 0 : t.transferMs.evaluate(x);
        s.energyMj = t.energyMj.evaluate(x);
        const double busy = s.latencyMs + s.transferMs;
        e.latencyMs = sequential ? e.latencyMs + busy : std::max(e.latencyMs, busy);
        slowest = std::max(slowest, busy);
        e.energyMj += s.energyMj;
        e.slices.push_back(std::move(s));
    }
    if (!model.reductionMs.empty()) {
        e.latencyMs += model.reductionMs.evaluate(x);
        e.energyMj += model.reductionMj.evaluate(x);
    }
    double worst = 1.0;
    for (const auto& r : model.resources) {
        ResourceUse u;
        u.device = ctx.deviceId(r.device);
        u.resource = r.resource;
        u.unit = r.unit;
        u.used = r.used.evaluate(x);
        u.usedContinuous = u.used;
        u.budget = r.budget;
        const double ratio = u.used / r.budget;
        if (ratio > 1.0 + 1e-9 && ratio > worst) {
            worst = ratio;
            e.feasible = false;
            e.reason = u.device + " " + u.resource + " " + percent(ratio) + " of " + count(r.budget) + " (" +
                       count(u.used) + " " + u.unit + " needed)";
        }
        e.resources.push_back(std::move(u));
    }
    return e;
}

Evaluation evaluateShares(const UnitSpec& spec, const Context& ctx, const std::vector<double>& sharesByDevice) {
    std::vector<int> active;
    Point x;
    for (std::size_t d = 0; d < sharesByDevice.size(); ++d) {
        if (sharesByDevice[d] <= 0) continue;
        active.push_back(static_cast<int>(d));
        x[spec.variable + "_" + ctx.deviceId(static_cast<int>(d))] = sharesByDevice[d];
    }
    const UnitModel model = buildUnitModel(spec, ctx, active);
    return evaluate(model, ctx, x);
}

double objectiveValue(const Evaluation& e, Objective objective) {
    return objective == Objective::Energy ? e.energyMj : e.latencyMs;
}

std::string bestFeasible(const std::map<std::string, Evaluation>& evaluations, Objective objective) {
    std::string key;
    double best = std::numeric_limits<double>::infinity();
    for (const auto& [k, e] : evaluations) {
        if (e.feasible && objectiveValue(e, objective) < best) {
            best = objectiveValue(e, objective);
            key = k;
        }
    }
    return key;
}

std::vector<ParetoPoint> nonDominated(std::vector<ParetoPoint> points) {
    std::vector<pareto::Objectives> objectives;
    objectives.reserve(points.size());
    for (const ParetoPoint& p : points) objectives.push_back({p.latencyMs, p.energyMj});
    std::vector<ParetoPoint> front;
    // Rounded points a hair apart in energy are the same design for a user.
    for (std::size_t i : pareto::nonDominated(objectives, 1e-9)) front.push_back(std::move(points[i]));
    return front;
}

}  // namespace tessera::solver::partition::detail
