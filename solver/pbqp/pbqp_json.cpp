// The PBQP instance and solution JSON formats (architecture.md). Strict:
// unknown keys, wrong matrix shapes, bad indices and negative costs are
// errors naming the node or edge.

#include <cmath>
#include <initializer_list>

#include "core/json/json_reader.h"
#include "pbqp.h"

namespace tessera::solver::pbqp {

namespace {

using core::JsonReader;
using nlohmann::json;

double costValue(const JsonReader& r, const json& v, const std::string& key) {
    if (v.is_string()) {
        if (v.get_ref<const std::string&>() == "inf") return kInf;
        r.fail(key, "must be a non-negative number or \"inf\", got " + v.dump());
    }
    if (!v.is_number()) r.fail(key, "must be a non-negative number or \"inf\", got " + v.dump());
    return r.number(v, key, 0.0);
}

json costJson(double c) { return std::isinf(c) ? json("inf") : json(c); }

std::string nodeText(const Problem& p, int i) {
    return "node " + std::to_string(i) + " ('" + p.name(i) + "')";
}

}  // namespace

Problem problemFromJson(const json& doc, std::string_view origin) {
    const JsonReader r{std::string(origin), ""};
    r.expectObject(doc, "");
    r.checkKeys(doc, "", {"nodes", "edges"});
    Problem p;
    const json& nodes = r.array(r.required(doc, "nodes"), "nodes", 0, kMaxNodes);
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const JsonReader nr = r.child("nodes[" + std::to_string(i) + "]");
        const json& node = nodes[i];
        nr.expectObject(node, "");
        nr.checkKeys(node, "", {"name", "costs"});
        std::string name = node.contains("name") ? nr.string(node["name"], "name") : "n" + std::to_string(i);
        const json& costs = nr.array(nr.required(node, "costs"), "costs", 1, kMaxLabels);
        Eigen::VectorXd c(static_cast<Eigen::Index>(costs.size()));
        for (std::size_t k = 0; k < costs.size(); ++k)
            c(static_cast<Eigen::Index>(k)) = costValue(nr, costs[k], "costs[" + std::to_string(k) + "]");
        p.addNode(std::move(name), std::move(c));
    }
    if (!doc.contains("edges")) return p;
    const json& edges = r.array(doc["edges"], "edges", 0, kMaxEdges);
    const int n = p.nodeCount();
    for (std::size_t i = 0; i < edges.size(); ++i) {
        const JsonReader er = r.child("edges[" + std::to_string(i) + "]");
        const json& edge = edges[i];
        er.expectObject(edge, "");
        er.checkKeys(edge, "", {"from", "to", "costs"});
        int ends[2] = {-1, -1};
        const char* keys[2] = {"from", "to"};
        for (int k = 0; k < 2; ++k) {
            const std::int64_t v = er.integer(er.required(edge, keys[k]), keys[k]);
            if (v < 0 || v >= n)
                er.fail(keys[k], "node index " + std::to_string(v) + " is out of range (the instance has " +
                                     std::to_string(n) + " node(s), indices 0.." + std::to_string(n - 1) + ")");
            ends[k] = static_cast<int>(v);
        }
        const auto [from, to] = ends;
        if (from == to) er.fail("to", "equals 'from' (" + std::to_string(from) + "); an edge needs two different nodes");
        const int rows = p.labelCount(from), cols = p.labelCount(to);
        const json& costs = er.array(er.required(edge, "costs"), "costs");
        if (static_cast<int>(costs.size()) != rows)
            er.fail("costs", "has " + std::to_string(costs.size()) + " row(s), but 'from' " + nodeText(p, from) +
                                 " has " + std::to_string(rows) + " label(s)");
        Eigen::MatrixXd m(rows, cols);
        for (int a = 0; a < rows; ++a) {
            const std::string rowKey = "costs[" + std::to_string(a) + "]";
            const json& row = er.array(costs[static_cast<std::size_t>(a)], rowKey);
            if (static_cast<int>(row.size()) != cols)
                er.fail(rowKey, "has " + std::to_string(row.size()) + " column(s), but 'to' " + nodeText(p, to) +
                                    " has " + std::to_string(cols) + " label(s)");
            for (int b = 0; b < cols; ++b)
                m(a, b) = costValue(er, row[static_cast<std::size_t>(b)], rowKey + "[" + std::to_string(b) + "]");
        }
        p.addEdge(from, to, std::move(m));
    }
    return p;
}

Problem problemFromJsonText(std::string_view text, std::string_view origin) {
    return problemFromJson(core::parseJsonText(text, origin), origin);
}

Problem loadProblem(const std::filesystem::path& path) {
    return problemFromJsonText(core::readTextFile(path, kMaxInstanceFileBytes), path.string());
}

json problemToJson(const Problem& p) {
    json nodes = json::array();
    for (int i = 0; i < p.nodeCount(); ++i) {
        json costs = json::array();
        for (double c : p.nodeCosts(i)) costs.push_back(costJson(c));
        nodes.push_back({{"name", p.name(i)}, {"costs", std::move(costs)}});
    }
    json edges = json::array();
    for (const Edge& e : p.edges()) {
        json rows = json::array();
        for (Eigen::Index a = 0; a < e.costs.rows(); ++a) {
            json row = json::array();
            for (Eigen::Index b = 0; b < e.costs.cols(); ++b) row.push_back(costJson(e.costs(a, b)));
            rows.push_back(std::move(row));
        }
        edges.push_back({{"from", e.from}, {"to", e.to}, {"costs", std::move(rows)}});
    }
    return {{"nodes", std::move(nodes)}, {"edges", std::move(edges)}};
}

json solutionToJson(const Solution& s, const Problem& p) {
    json names = json::array();
    if (s.labels.size() == static_cast<std::size_t>(p.nodeCount()))
        for (int i = 0; i < p.nodeCount(); ++i) names.push_back(p.name(i));
    return {{"status", core::statusName(s.status)},
            {"cost", costJson(s.cost)},
            {"labels", s.labels},
            {"exact", s.exact},
            {"names", std::move(names)},
            {"message", s.message},
            {"stats",
             {{"r0", s.stats.r0},
              {"r1", s.stats.r1},
              {"r2", s.stats.r2},
              {"rn", s.stats.rn},
              {"branch_nodes", s.stats.branchNodes},
              {"seconds", s.stats.seconds}}}};
}

}  // namespace tessera::solver::pbqp
