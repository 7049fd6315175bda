#include "unit_solver_internal.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <numeric>
#include <sstream>

#include "solver/gp/signomial.h"

namespace tessera::solver::partition::detail {

using core::Monomial;
using core::Point;
using core::Posynomial;
using core::Status;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

struct Subset {
    std::vector<int> devices;   // device indices, in platform order
};

// Units pinned by a fixed share, or -1.
double fixedUnits(const Context& ctx, int d, long long units) {
    auto it = ctx.options.fixedShares.find(ctx.deviceId(d));
    if (it == ctx.options.fixedShares.end()) return -1;
    return std::round(it->second * static_cast<double>(units));
}

// Non-empty subsets of the enabled devices that contain every device with a
// positive fixed share and no more devices than there are units.
std::vector<Subset> subsets(const Context& ctx, long long units) {
    std::vector<Subset> out;
    const auto& e = ctx.enabled;
    const std::size_t n = e.size();
    for (unsigned mask = 1; mask < (1u << n); ++mask) {
        Subset s;
        bool ok = true;
        for (std::size_t i = 0; i < n; ++i) {
            const bool in = (mask >> i) & 1u;
            const double fixed = fixedUnits(ctx, e[i], units);
            if (!in && fixed > 0) ok = false;
            if (in) s.devices.push_back(e[i]);
        }
        if (!ok || static_cast<long long>(s.devices.size()) > units) continue;
        // Fixed shares must leave at least one unit to every free device.
        double fixedSum = 0;
        int free = 0;
        for (int d : s.devices) {
            const double f = fixedUnits(ctx, d, units);
            if (f >= 0) fixedSum += f;
            else ++free;
        }
        if (free == 0 ? fixedSum != static_cast<double>(units) : fixedSum + free > static_cast<double>(units)) continue;
        out.push_back(std::move(s));
    }
    return out;
}

// Equal shares over the subset (fixed shares honoured), whole units.
std::vector<double> balancedUnits(const Context& ctx, const std::vector<int>& devices, long long units) {
    std::vector<double> shares(ctx.platform->devices().size(), 0.0);
    long long left = units;
    std::vector<int> free;
    for (int d : devices) {
        const double f = fixedUnits(ctx, d, units);
        if (f >= 0) {
            shares[static_cast<std::size_t>(d)] = f;
            left -= static_cast<long long>(f);
        } else {
            free.push_back(d);
        }
    }
    for (std::size_t i = 0; i < free.size(); ++i) {
        const long long each = left / static_cast<long long>(free.size());
        const long long extra = static_cast<long long>(i) < left % static_cast<long long>(free.size()) ? 1 : 0;
        shares[static_cast<std::size_t>(free[i])] = static_cast<double>(each + extra);
    }
    return shares;
}

struct Posed {
    gp::SignomialModel model;
    UnitModel unit;
    Point start;
    bool impossible = false;     // a constant resource term exceeds its budget
    std::string reason;
};

// The GGP of one subset; `latencyBound` > 0 turns it into the epsilon-constraint
// problem (minimise energy subject to latency <= bound).
Posed pose(const UnitSpec& spec, const Context& ctx, const std::vector<int>& devices, Objective objective,
           double latencyBound) {
    Posed p;
    p.unit = buildUnitModel(spec, ctx, devices);
    const double X = static_cast<double>(spec.units);
    auto& g = p.model.gp();

    // The balanced split: the reference of the penalty and the scale of the objective.
    double fixedSum = 0;
    int free = 0;
    for (int d : devices) {
        const double f = fixedUnits(ctx, d, spec.units);
        if (f >= 0) fixedSum += f;
        else ++free;
    }
    Posynomial sum;
    for (const auto& t : p.unit.devices) {
        const double f = fixedUnits(ctx, t.device, spec.units);
        p.start[t.variable] = f >= 0 ? std::max(f, 1e-3) : (X - fixedSum) / free;
        sum += Monomial::variable(t.variable);
        if (f >= 0) g.addEquality(ctx.deviceId(t.device) + ".fixed_share", Monomial::variable(t.variable), Monomial(f));
    }
    const Evaluation reference = evaluate(p.unit, ctx, p.start);

    std::vector<Posynomial> busy;
    Posynomial sequential;
    for (const auto& t : p.unit.devices) {
        Posynomial b = t.latencyMs;
        if (!t.transferMs.empty()) b += t.transferMs;
        sequential += b;
        busy.push_back(std::move(b));
    }
    Posynomial energy;
    for (const auto& t : p.unit.devices) energy += t.energyMj;
    if (!p.unit.reductionMj.empty()) energy += p.unit.reductionMj;

    const bool seq = ctx.options.schedule == Schedule::Sequential;
    if (objective == Objective::Energy || latencyBound > 0) {
        g.setObjective(energy / Monomial(reference.energyMj));
        if (latencyBound > 0) {
            const Monomial bound(latencyBound);
            if (seq) {
                Posynomial total = sequential;
                if (!p.unit.reductionMs.empty()) total += p.unit.reductionMs;
                g.addConstraint("latency_bound", total, bound);
            } else {
                for (std::size_t i = 0; i < busy.size(); ++i) {
                    Posynomial part = busy[i];
                    if (!p.unit.reductionMs.empty()) part += p.unit.reductionMs;
                    g.addConstraint("latency_bound[" + ctx.deviceId(p.unit.devices[i].device) + "]", part, bound);
                }
            }
        }
    } else {
        Posynomial latency;
        if (seq || busy.size() == 1) {
            latency = sequential;
        } else {
            latency = Posynomial(g.addMax("latency", busy));
            p.start["latency"] = reference.latencyMs;
        }
        if (!p.unit.reductionMs.empty()) latency += p.unit.reductionMs;
        g.setObjective(latency / Monomial(reference.latencyMs));
    }
    for (const auto& r : p.unit.resources) {
        if (r.used.variables().empty()) {
            const double v = r.used.evaluate({});
            if (v > r.budget * (1 + 1e-9)) {
                p.impossible = true;
                p.reason = r.name + " needs " + std::to_string(static_cast<long long>(std::ceil(v))) + " of " +
                           std::to_string(static_cast<long long>(r.budget)) + " whatever the share";
            }
            continue;
        }
        g.addConstraint(r.name, r.used, Monomial(r.budget));
    }
    p.model.addEquality("conservation", sum, Posynomial(X));
    return p;
}

struct Solved {
    gp::SgpResult sgp;
    Evaluation continuous;
    Evaluation rounded;
    std::vector<double> units;   // rounded, by device index
    bool ok = false;
    std::string reason;
};

gp::SgpOptions sgpOptions(const Context& ctx, const Point& start) {
    gp::SgpOptions o;
    const auto& opt = ctx.options;
    o.method = opt.relaxation == Relaxation::SequentialGp ? gp::SgpMethod::SequentialGp : gp::SgpMethod::Penalty;
    o.recondense = opt.relaxation == Relaxation::Recondense;
    o.start = start;
    o.maxIterations = opt.maxGpsPerSolve;
    o.penaltyStart = opt.penaltyStart;
    o.penaltyStep = opt.penaltyStep;
    o.satisfaction = opt.satisfaction;
    o.tolerance = 1e-6;
    o.gp.gapTolerance = 1e-8;
    return o;
}

// Whole units summing to spec.units from a continuous split: every
// floor/ceil combination (few devices) or largest remainders, then moves away
// from over-budget devices until the point is feasible.
std::vector<double> roundSplit(const UnitSpec& spec, const Context& ctx, const std::vector<int>& devices,
                               const std::vector<double>& continuous, Objective objective, Evaluation& best) {
    const std::size_t D = ctx.platform->devices().size();
    const double X = static_cast<double>(spec.units);
    double total = 0;
    for (int d : devices) total += continuous[static_cast<std::size_t>(d)];
    std::vector<double> scaled(D, 0.0), base(D, 0.0);
    std::vector<int> free;
    double assigned = 0;
    for (int d : devices) {
        const double f = fixedUnits(ctx, d, spec.units);
        const auto i = static_cast<std::size_t>(d);
        if (f >= 0) {
            base[i] = f;
        } else {
            scaled[i] = continuous[i] * X / total;
            base[i] = std::max(1.0, std::floor(scaled[i]));
            free.push_back(d);
        }
        assigned += base[i];
    }
    std::vector<double> chosen;
    double bestValue = kInf;
    auto consider = [&](const std::vector<double>& u) {
        Evaluation e = evaluateShares(spec, ctx, u);
        const double v = objectiveValue(e, objective == Objective::Pareto ? Objective::Latency : objective);
        const bool wins = chosen.empty() || (e.feasible && !best.feasible) ||
                          (e.feasible == best.feasible && v < bestValue);
        if (wins) {
            chosen = u;
            bestValue = v;
            best = std::move(e);
        }
    };
    const double missing = X - assigned;  // units still to hand out (may be negative after max(1, .))
    if (free.size() <= 6 && missing >= 0 && missing <= static_cast<double>(free.size())) {
        for (unsigned mask = 0; mask < (1u << free.size()); ++mask) {
            if (std::popcount(mask) != static_cast<int>(missing)) continue;
            std::vector<double> u = base;
            for (std::size_t i = 0; i < free.size(); ++i)
                if ((mask >> i) & 1u) u[static_cast<std::size_t>(free[i])] += 1;
            consider(u);
        }
    }
    if (chosen.empty()) {
        // Largest remainders (also when max(1, floor) overshot).
        std::vector<double> u(D, 0.0);
        for (int d : devices) u[static_cast<std::size_t>(d)] = fixedUnits(ctx, d, spec.units) >= 0
                                                                    ? base[static_cast<std::size_t>(d)]
                                                                    : std::floor(scaled[static_cast<std::size_t>(d)]);
        double left = X - std::accumulate(u.begin(), u.end(), 0.0);
        std::vector<int> order = free;
        std::sort(order.begin(), order.end(), [&](int a, int b) {
            const auto ia = static_cast<std::size_t>(a), ib = static_cast<std::size_t>(b);
            return scaled[ia] - std::floor(scaled[ia]) > scaled[ib] - std::floor(scaled[ib]);
        });
        for (std::size_t i = 0; left > 0 && !order.empty(); i = (i + 1) % order.size(), left -= 1)
            u[static_cast<std::size_t>(order[i])] += 1;
        consider(u);
    }
    // Repair: move units off a device over its budget to the device where they cost least.
    for (int step = 0; step < 64 && !best.feasible; ++step) {
        int worst = -1;
        double ratio = 1;
        for (const auto& r : best.resources) {
            if (r.used / r.budget <= ratio) continue;
            auto id = ctx.platform->deviceId(r.device);
            if (!id || fixedUnits(ctx, id->value, spec.units) >= 0) continue;
            ratio = r.used / r.budget;
            worst = id->value;
        }
        if (worst < 0) break;
        const auto wi = static_cast<std::size_t>(worst);
        const double move = std::min(chosen[wi], std::max(1.0, std::ceil(chosen[wi] * (1 - 1 / ratio))));
        std::vector<double> from = chosen;
        chosen.clear();
        best = Evaluation();
        bestValue = kInf;
        for (int d : free) {
            if (d == worst) continue;
            std::vector<double> u = from;
            u[wi] -= move;
            u[static_cast<std::size_t>(d)] += move;
            consider(u);
        }
        if (chosen.empty()) {
            chosen = from;
            best = evaluateShares(spec, ctx, from);
            break;
        }
    }
    return chosen;
}

Solved solveSubset(const UnitSpec& spec, const Context& ctx, const std::vector<int>& devices, Objective objective,
                   double latencyBound, int& gpSolves) {
    Solved s;
    Posed p = pose(spec, ctx, devices, objective, latencyBound);
    if (p.impossible) {
        s.reason = p.reason;
        return s;
    }
    s.sgp = gp::solveSignomial(p.model, sgpOptions(ctx, p.start));
    gpSolves += s.sgp.iterations;
    const bool usable = s.sgp.status == core::Status::Optimal || s.sgp.status == core::Status::IterationLimit;
    if (!usable || s.sgp.x.empty()) {
        s.reason = std::string(core::statusName(s.sgp.status)) + ": " + s.sgp.message;
        return s;
    }
    s.continuous = evaluate(p.unit, ctx, s.sgp.x);
    std::vector<double> cont(ctx.platform->devices().size(), 0.0);
    for (const auto& t : p.unit.devices) cont[static_cast<std::size_t>(t.device)] = s.sgp.x.at(t.variable);
    s.units = roundSplit(spec, ctx, devices, cont, latencyBound > 0 ? Objective::Energy : objective, s.rounded);
    s.ok = s.rounded.feasible;
    if (!s.ok) s.reason = s.rounded.reason;
    return s;
}

std::map<std::string, double> sharesOf(const Context& ctx, const std::vector<double>& units) {
    std::map<std::string, double> m;
    for (std::size_t d = 0; d < units.size(); ++d)
        if (units[d] > 0) m[ctx.deviceId(static_cast<int>(d))] = units[d];
    return m;
}

// The Pareto front of one subset by epsilon constraints between its
// latency-optimal and energy-optimal points.
void paretoSweep(const UnitSpec& spec, const Context& ctx, const std::vector<int>& devices, const Solved& fastest,
                 std::vector<ParetoPoint>& points, int& gpSolves) {
    const Solved frugal = solveSubset(spec, ctx, devices, Objective::Energy, 0, gpSolves);
    if (frugal.ok) points.push_back({frugal.rounded.latencyMs, frugal.rounded.energyMj, sharesOf(ctx, frugal.units), frugal.rounded.resources});
    if (!fastest.ok || !frugal.ok) return;
    const double lo = fastest.continuous.latencyMs, hi = frugal.continuous.latencyMs;
    if (!(hi > lo * (1 + 1e-6))) return;
    const int n = ctx.options.paretoPoints;
    for (int i = 1; i + 1 < n; ++i) {
        const double bound = lo * std::pow(hi / lo, static_cast<double>(i) / (n - 1));
        const Solved s = solveSubset(spec, ctx, devices, Objective::Energy, bound, gpSolves);
        if (s.ok) points.push_back({s.rounded.latencyMs, s.rounded.energyMj, sharesOf(ctx, s.units), s.rounded.resources});
    }
}

// GP duals of the chosen subset's last GP, and which constraints bind.
void explain(UnitResult& r, const Solved& s) {
    for (const auto& [name, dual] : s.sgp.lastGp.duals) {
        if (name.rfind("latency[", 0) == 0 || name == "conservation") continue;
        if (std::abs(dual) > 1e-6) r.sensitivities[name] = dual;
    }
    for (auto& u : r.rounded.resources) {
        const std::string name = u.device + "." + u.resource;
        for (const auto& c : s.continuous.resources)
            if (c.device == u.device && c.resource == u.resource) u.usedContinuous = c.used;
        auto it = s.sgp.lastGp.duals.find(name);
        u.sensitivity = it == s.sgp.lastGp.duals.end() ? 0 : it->second;
        u.active = u.sensitivity > 1e-4 || u.usedContinuous >= u.budget * (1 - 1e-4);
        if (u.active) r.activeConstraints.push_back(name);
    }
    for (const auto& [name, dual] : r.sensitivities)
        if (name.find("fixed_share") != std::string::npos || name.rfind("latency_bound", 0) == 0)
            r.activeConstraints.push_back(name);
}

// The GP of all enabled devices with the conservation condensed at the
// balanced split, for the infeasibility diagnosis.
gp::InfeasibilityDiagnosis diagnose(const UnitSpec& spec, const Context& ctx, Objective objective) {
    std::vector<int> devices;
    for (int d : ctx.enabled)
        if (fixedUnits(ctx, d, spec.units) != 0) devices.push_back(d);
    Posed p = pose(spec, ctx, devices, objective == Objective::Pareto ? Objective::Latency : objective, 0);
    gp::GpModel m = p.model.gp();
    for (const auto& c : p.model.signomialConstraints())
        m.addEquality(c.name, core::condense(c.lhs / c.rhs.terms().front(), p.start), Monomial());
    return gp::diagnoseInfeasibility(m);
}

}  // namespace

UnitResult solveUnit(const UnitSpec& spec, const Context& ctx) {
    const auto started = std::chrono::steady_clock::now();
    UnitResult r;
    r.layers = spec.layerNames();
    r.method = spec.method;
    r.cut = spec.cut;
    r.units = spec.units;
    const Objective objective = ctx.options.objective;
    const Objective main = objective == Objective::Pareto ? Objective::Latency : objective;

    // Baselines: each enabled device alone, and the balanced split.
    std::vector<double> all(ctx.platform->devices().size(), 0.0);
    for (int d : ctx.enabled) {
        std::vector<double> one(all.size(), 0.0);
        one[static_cast<std::size_t>(d)] = static_cast<double>(spec.units);
        r.baselines[ctx.deviceId(d)] = evaluateShares(spec, ctx, one);
    }
    std::vector<int> balancedSet;
    for (int d : ctx.enabled)
        if (fixedUnits(ctx, d, spec.units) != 0) balancedSet.push_back(d);
    if (static_cast<long long>(balancedSet.size()) <= spec.units && !balancedSet.empty())
        r.baselines["balanced"] = evaluateShares(spec, ctx, balancedUnits(ctx, balancedSet, spec.units));
    r.bestBaseline = bestFeasible(r.baselines, main);

    // Every subset: single devices are evaluated, larger ones solved.
    const Solved* chosen = nullptr;
    std::vector<Solved> solved;
    std::vector<ParetoPoint> points;
    double bestValue = kInf;
    std::vector<double> bestUnits;
    std::vector<std::string> failures;
    const auto subs = subsets(ctx, spec.units);
    solved.reserve(subs.size());
    for (const auto& s : subs) {
        if (s.devices.size() == 1) {
            std::vector<double> one(all.size(), 0.0);
            one[static_cast<std::size_t>(s.devices[0])] = static_cast<double>(spec.units);
            const Evaluation& e = r.baselines.at(ctx.deviceId(s.devices[0]));
            if (e.feasible) {
                points.push_back({e.latencyMs, e.energyMj, sharesOf(ctx, one), e.resources});
                if (objectiveValue(e, main) < bestValue) {
                    bestValue = objectiveValue(e, main);
                    bestUnits = one;
                    chosen = nullptr;
                    r.rounded = e;
                    r.continuous = e;
                }
            }
            continue;
        }
        solved.push_back(solveSubset(spec, ctx, s.devices, main, 0, r.gpSolves));
        const Solved& sv = solved.back();
        if (!sv.ok) {
            std::string names;
            for (int d : s.devices) names += (names.empty() ? "" : "+") + ctx.deviceId(d);
            failures.push_back(names + ": " + sv.reason);
            continue;
        }
        points.push_back({sv.rounded.latencyMs, sv.rounded.energyMj, sharesOf(ctx, sv.units), sv.rounded.resources});
        if (objective == Objective::Pareto) paretoSweep(spec, ctx, s.devices, sv, points, r.gpSolves);
        const double v = objectiveValue(sv.rounded, main);
        if (v < bestValue * (1 - 1e-12)) {
            bestValue = v;
            bestUnits = sv.units;
            chosen = &sv;
            r.rounded = sv.rounded;
            r.continuous = sv.continuous;
        }
    }

    if (bestUnits.empty()) {
        r.status = core::Status::Infeasible;
        r.diagnosis = diagnose(spec, ctx, objective);
        std::ostringstream m;
        m << "no feasible split";
        if (r.diagnosis->status == core::Status::Optimal && !r.diagnosis->relaxed.empty()) {
            m << "; smallest relaxation:";
            for (const auto& c : r.diagnosis->relaxed) m << " " << c.name << " x" << c.factor;
        }
        for (const auto& f : failures) m << "; " << f;
        r.message = m.str();
    } else {
        r.status = core::Status::Optimal;
        if (chosen) {
            double total = 0;
            for (const auto& sl : chosen->continuous.slices) total += sl.share;
            r.conservation = total / static_cast<double>(spec.units);
            explain(r, *chosen);
            r.message = chosen->sgp.message;
        } else {
            r.message = "one device alone is best (" + sharesOf(ctx, bestUnits).begin()->first + ")";
        }
        // The balanced split is a feasible point of the same models: never report worse.
        auto bal = r.baselines.find("balanced");
        if (bal != r.baselines.end() && bal->second.feasible && objectiveValue(bal->second, main) < bestValue) {
            r.rounded = bal->second;
            r.message += "; the rounded balanced split beats the GP's rounded point and is reported";
        }
    }
    if (objective == Objective::Pareto) r.pareto = nonDominated(std::move(points));
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return r;
}

}  // namespace tessera::solver::partition::detail
