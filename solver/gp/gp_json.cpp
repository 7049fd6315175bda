#include "gp_json.h"

#include <set>

#include "core/json/json_reader.h"
#include "core/types.h"

namespace tessera::solver::gp {

using core::JsonReader;
using nlohmann::json;

namespace {

Monomial readMonomial(const JsonReader& r, const json& v, const std::string& key) {
    r.checkKeys(v, key, {"c", "e"}, true);
    const JsonReader m = r.child(key);
    const double c = m.number(m.required(v, "c"), "c");
    if (!(c > 0.0)) m.fail("c", "coefficient must be positive, got " + json(c).dump());
    std::map<std::string, double> e;
    if (auto it = v.find("e"); it != v.end()) {
        m.expectObject(*it, "e");
        const JsonReader er = m.child("e");
        for (const auto& item : it->items()) {
            if (item.key().empty()) er.fail("", "variable names must not be empty");
            e[item.key()] = er.number(item.value(), item.key());
        }
    }
    return Monomial(c, std::move(e));
}

Posynomial readPosynomial(const JsonReader& r, const json& parent, const std::string& key) {
    const json& list = r.array(r.required(parent, key), key, 1, 1000000);
    std::vector<Monomial> terms;
    terms.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) terms.push_back(readMonomial(r, list[i], key + "[" + std::to_string(i) + "]"));
    return Posynomial(std::move(terms));
}

json monomialJson(const Monomial& m) {
    json e = json::object();
    for (const auto& [name, a] : m.exponents()) e[name] = a;
    return {{"c", m.coefficient()}, {"e", e}};
}

json posynomialJson(const Posynomial& p) {
    json list = json::array();
    for (const auto& t : p.terms()) list.push_back(monomialJson(t));
    return list;
}

}  // namespace

GpModel gpProblemFromJson(const json& doc, const std::string& origin) {
    const JsonReader r(origin, "");
    r.checkKeys(doc, "", {"objective", "constraints"}, true);
    GpModel model;
    model.setObjective(readPosynomial(r, doc, "objective"));
    if (auto it = doc.find("constraints"); it != doc.end()) {
        r.array(*it, "constraints");
        std::set<std::string> names;
        for (std::size_t i = 0; i < it->size(); ++i) {
            const json& cj = (*it)[i];
            std::string key = "constraints[" + std::to_string(i) + "]";
            r.checkKeys(cj, key, {"name", "posy", "sense"}, true);
            std::string name = key;
            if (auto n = cj.find("name"); n != cj.end()) {
                name = r.string(*n, key + ".name");
                if (name.empty()) r.fail(key + ".name", "must not be empty");
                key += " ('" + name + "')";
            }
            if (!names.insert(name).second) r.fail(key + ".name", "constraint name '" + name + "' is used twice");
            const std::string sense = r.string(r.required(cj, "sense"), key + ".sense");
            Posynomial posy = readPosynomial(r.child(key), cj, "posy");
            if (sense == "<=") {
                model.addConstraint(name, std::move(posy));
            } else if (sense == "==") {
                if (!posy.isMonomial())
                    r.fail(key + ".posy", "\"==\" needs a single monomial (a posynomial equality is not a GP), got " +
                                              std::to_string(posy.size()) + " terms");
                model.addEquality(name, posy.terms().front());
            } else {
                r.fail(key + ".sense", "must be \"<=\" or \"==\", got \"" + sense + "\"");
            }
        }
    }
    if (auto e = model.validate(); !e.empty()) throw core::FormatError(origin + ": " + e);
    return model;
}

GpModel readGpProblemFile(const std::filesystem::path& path) {
    const std::string text = core::readTextFile(path, kMaxGpFileBytes);
    return gpProblemFromJson(core::parseJsonText(text, path.string()), path.string());
}

json gpProblemToJson(const GpModel& model) {
    json constraints = json::array();
    for (const auto& c : model.constraints())
        constraints.push_back({{"name", c.name}, {"posy", posynomialJson(c.normalised())},
                               {"sense", c.sense == ConstraintSense::Equal ? "==" : "<="}});
    return {{"objective", posynomialJson(model.objective())}, {"constraints", constraints}};
}

json gpResultToJson(const GpResult& result) {
    json j;
    j["status"] = std::string(statusName(result.status));
    j["message"] = result.message;
    if (result.status == core::Status::Optimal) {
        j["objective"] = result.objective;
        j["x"] = result.x;
    }
    j["duals"] = result.duals;
    j["iterations"] = result.iterations;
    j["seconds"] = result.seconds;
    return j;
}

}  // namespace tessera::solver::gp
