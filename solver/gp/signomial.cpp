#include "signomial.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <sstream>

namespace tessera::solver::gp {

namespace {

std::string fmt(double v) {
    std::ostringstream s;
    s.precision(6);
    s << v;
    return s.str();
}

double violation(const SignomialConstraint& c, const Point& x) {
    const double ratio = c.lhs.evaluate(x) / c.rhs.evaluate(x);
    return c.equality ? std::abs(ratio - 1.0) : std::max(0.0, ratio - 1.0);
}

}  // namespace

void SignomialModel::addConstraint(const std::string& name, Posynomial lhs, Posynomial rhs) {
    m_constraints.push_back({name, std::move(lhs), std::move(rhs), false});
}

void SignomialModel::addEquality(const std::string& name, Posynomial lhs, Posynomial rhs) {
    m_constraints.push_back({name, std::move(lhs), std::move(rhs), true});
}

std::string SignomialModel::validate() const {
    if (auto e = m_gp.validate(); !e.empty()) return e;
    for (const auto& c : m_constraints) {
        if (c.name.empty()) return "a signomial constraint has an empty name";
        GpModel probe;
        probe.setObjective(c.lhs);
        probe.addConstraint("rhs", c.rhs);
        if (auto e = probe.validate(); !e.empty()) return "signomial constraint '" + c.name + "': " + e;
        for (const auto& g : m_gp.constraints())
            if (g.name == c.name) return "constraint name '" + c.name + "' is used twice";
    }
    return {};
}

std::string SignomialModel::toString() const {
    std::string s = m_gp.toString();
    if (m_constraints.empty()) return s;
    if (m_gp.constraints().empty()) s += "subject to\n";
    for (const auto& c : m_constraints)
        s += "  " + c.name + ":  " + c.lhs.toString() + (c.equality ? " == " : " <= ") + c.rhs.toString() + "   (signomial)\n";
    return s;
}

std::string SgpOptions::validate() const {
    std::string e = gp.validate();
    auto check = [&e](bool ok, const std::string& what) {
        if (!ok) e += (e.empty() ? "" : "\n") + what;
    };
    check(maxIterations >= 1 && maxIterations <= 10000, "maxIterations must be in [1, 10000], got " + std::to_string(maxIterations));
    check(tolerance > 0 && tolerance <= 0.1, "tolerance must be in (0, 0.1], got " + fmt(tolerance));
    check(slackPenalty >= 1 && slackPenalty <= 1e6, "slackPenalty must be in [1, 1e6], got " + fmt(slackPenalty));
    check(penaltyStart > 0 && std::isfinite(penaltyStart), "penaltyStart must be positive, got " + fmt(penaltyStart));
    check(penaltyStep >= 0 && std::isfinite(penaltyStep), "penaltyStep must be >= 0, got " + fmt(penaltyStep));
    check(satisfaction > 0 && satisfaction <= 1, "satisfaction must be in (0, 1], got " + fmt(satisfaction));
    for (const auto& [name, value] : start)
        check(value > 0 && std::isfinite(value), "start['" + name + "'] must be positive and finite, got " + fmt(value));
    return e;
}

SgpResult solveSignomial(const SignomialModel& model, const SgpOptions& options) {
    const auto started = std::chrono::steady_clock::now();
    SgpResult result;
    auto done = [&](core::Status status, std::string message) {
        result.status = status;
        result.message = std::move(message);
        result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        return result;
    };
    if (auto e = model.validate(); !e.empty()) return done(core::Status::InvalidInput, "invalid model: " + e);
    if (auto e = options.validate(); !e.empty()) return done(core::Status::InvalidInput, "invalid options: " + e);

    // All variables, starting at 1 unless given.
    GpModel all = model.gp();
    for (const auto& c : model.signomialConstraints()) all.addConstraint("__probe_" + c.name, c.lhs + c.rhs);
    Point x;
    for (const auto& v : all.variables()) {
        auto it = options.start.find(v);
        x[v] = it == options.start.end() ? 1.0 : it->second;
    }
    const Point reference = x;
    std::string slack = "__sgp_slack";
    while (x.count(slack)) slack += "_";
    double weight = options.penaltyStart;
    double previous = std::numeric_limits<double>::infinity();

    for (int it = 0; it < options.maxIterations; ++it) {
        GpModel gpm = model.gp();
        const bool penalty = options.method == SgpMethod::Penalty;
        const Monomial s = Monomial::variable(slack);
        bool usesSlack = false;
        Posynomial penaltyTerms;
        for (const auto& c : model.signomialConstraints()) {
            if (penalty && c.equality && c.rhs.isMonomial()) {
                // methods.md step 1-2: lhs/rhs <= 1 and W / condense(lhs/rhs) in the objective.
                const Posynomial ratio = c.lhs / c.rhs.terms().front();
                gpm.addConstraint(c.name, ratio);
                penaltyTerms += Posynomial(weight * pow(condense(ratio, options.recondense ? x : reference), -1.0));
                continue;
            }
            if (c.equality) {
                // A posynomial equality becomes the monomial equality of the two
                // sides' condensations (Boyd et al., "A tutorial on geometric
                // programming", 9.2): the tangent of the surface lhs = rhs in log
                // space, which the iterates follow to the surface itself. (Keeping
                // lhs <= rhs as well would leave a single feasible ray per GP.)
                gpm.addEquality(c.name, condense(c.lhs, x), condense(c.rhs, x));
                continue;
            }
            // Sequential GP: condense the side that must stay large.
            if (c.rhs.isMonomial()) gpm.addConstraint(c.name, c.lhs, c.rhs.terms().front());
            else {
                gpm.addConstraint(c.name, c.lhs, condense(c.rhs, x) * s);
                usesSlack = true;
            }
        }
        Posynomial objective = model.gp().objective();
        if (usesSlack) {
            objective = objective * Posynomial(pow(s, options.slackPenalty));
            gpm.addConstraint(slack + " >= 1", Posynomial(Monomial()), s);
        }
        if (!penaltyTerms.empty()) objective += penaltyTerms;
        gpm.setObjective(objective);

        GpOptions o = options.gp;
        o.startPoint = x;
        if (usesSlack) o.startPoint[slack] = 1.0;
        result.lastGp = solve(gpm, o);
        result.iterations = it + 1;
        if (!result.lastGp.optimal())
            return done(result.lastGp.status, "GP " + std::to_string(it + 1) + " failed: " + result.lastGp.message);
        for (auto& [name, value] : x) value = result.lastGp.x.at(name);
        result.x = x;
        result.objective = model.gp().objective().evaluate(x);
        result.objectiveHistory.push_back(result.objective);
        result.maxViolation = 0;
        for (const auto& c : model.signomialConstraints()) result.maxViolation = std::max(result.maxViolation, violation(c, x));
        result.weight = weight;
        if (options.progress &&
            !options.progress(static_cast<double>(it + 1) / options.maxIterations,
                              "GP " + std::to_string(it + 1) + ", objective " + std::to_string(result.objective)))
            return done(core::Status::Cancelled, "cancelled by the progress callback after " + std::to_string(it + 1) + " GPs");

        if (penalty) {
            bool satisfied = true;
            for (const auto& c : model.signomialConstraints()) {
                const double ratio = c.lhs.evaluate(x) / c.rhs.evaluate(x);
                if (c.equality ? ratio < options.satisfaction : ratio > 1.0 + options.tolerance) satisfied = false;
            }
            // With re-condensation the penalty is exact at its own point, so the
            // loop goes on until the split stops moving (then it is a KKT point
            // of the original problem); around a fixed reference the penalty
            // pulls towards that reference, and the first satisfying GP ends it.
            const double change = std::abs(result.objective - previous) / std::max(std::abs(result.objective), 1e-300);
            previous = result.objective;
            if (satisfied && (!options.recondense || change <= options.tolerance)) {
                result.converged = true;
                return done(core::Status::Optimal, "converged: every equality holds to " + fmt(options.satisfaction) +
                                                   " after " + std::to_string(it + 1) + " GPs (W = " + fmt(weight) + ")");
            }
            // W only grows while an equality is short of `satisfaction`; once
            // it holds, a larger W would only pin the re-condensed iterates.
            if (!satisfied) weight += options.penaltyStep;
            continue;
        }
        const double change = std::abs(result.objective - previous) / std::max(std::abs(result.objective), 1e-300);
        const double slackValue = usesSlack ? result.lastGp.x.at(slack) : 1.0;
        if (change <= options.tolerance && result.maxViolation <= std::max(options.tolerance, 1e-6) && slackValue <= 1.0 + 1e-6) {
            result.converged = true;
            return done(core::Status::Optimal, "converged after " + std::to_string(it + 1) + " GPs (objective change " + fmt(change) +
                                               ", largest violation " + fmt(result.maxViolation) + ")");
        }
        previous = result.objective;
    }
    return done(core::Status::IterationLimit, "not converged after " + std::to_string(options.maxIterations) +
                                              " GPs (largest violation " + fmt(result.maxViolation) + ")");
}

}  // namespace tessera::solver::gp
