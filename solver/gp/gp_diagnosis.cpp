#include "gp_diagnosis.h"

#include <algorithm>
#include <set>
#include <sstream>

namespace tessera::solver::gp {

std::string InfeasibilityDiagnosis::toString() const {
    std::ostringstream s;
    s.precision(6);
    if (status != core::Status::Optimal) {
        s << "diagnosis failed: " << message << "\n";
        return s.str();
    }
    s << "smallest relaxation (product of factors " << totalFactor << "):\n";
    for (const auto& r : relaxed) s << "  " << r.name << ": relax by a factor " << r.factor << "\n";
    return s.str();
}

InfeasibilityDiagnosis diagnoseInfeasibility(const GpModel& model, const GpOptions& options, double relaxedTolerance) {
    InfeasibilityDiagnosis d;
    if (auto e = model.validate(); !e.empty()) {
        d.status = core::Status::InvalidInput;
        d.message = "invalid model: " + e;
        return d;
    }
    const auto vars = model.variables();
    const std::set<std::string> taken(vars.begin(), vars.end());
    std::string prefix = "__relax";
    while (std::any_of(taken.begin(), taken.end(), [&](const std::string& v) { return v.rfind(prefix, 0) == 0; })) prefix += "_";

    GpModel relaxed;
    Monomial product;
    std::vector<std::string> slackNames;
    for (std::size_t i = 0; i < model.constraints().size(); ++i) {
        const auto& c = model.constraints()[i];
        const std::string sname = prefix + std::to_string(i);
        const Monomial s = Monomial::variable(sname);
        slackNames.push_back(sname);
        product *= s;
        relaxed.addConstraint(c.name, c.lhs, c.rhs * s);
        if (c.sense == ConstraintSense::Equal)
            relaxed.addConstraint(c.name + " (reverse)", Posynomial(c.rhs), c.lhs.terms().front() * s);
        relaxed.addConstraint(sname + " >= 1", Posynomial(Monomial()), s);
    }
    relaxed.setObjective(Posynomial(product));
    GpOptions o = options;
    o.startPoint.clear();
    const GpResult r = solve(relaxed, o);
    d.status = r.status;
    d.message = r.message;
    if (!r.optimal()) return d;
    d.totalFactor = r.objective;
    for (std::size_t i = 0; i < slackNames.size(); ++i) {
        const double f = r.x.at(slackNames[i]);
        if (f > 1.0 + relaxedTolerance) d.relaxed.push_back({model.constraints()[i].name, f});
    }
    std::sort(d.relaxed.begin(), d.relaxed.end(), [](const auto& a, const auto& b) { return a.factor > b.factor; });
    for (const auto& v : vars) d.x[v] = r.x.at(v);
    return d;
}

nlohmann::json diagnosisToJson(const InfeasibilityDiagnosis& d) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& r : d.relaxed) list.push_back({{"constraint", r.name}, {"factor", r.factor}});
    return {{"status", std::string(statusName(d.status))}, {"message", d.message}, {"relaxed", list},
            {"total_factor", d.totalFactor}};
}

}  // namespace tessera::solver::gp
