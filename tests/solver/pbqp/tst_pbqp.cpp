// PBQP solver: reductions on hand-made cases (optima worked out by hand),
// solve == brute force on hundreds of random series-parallel and general
// instances, infinite costs, limits and cancellation, the JSON format (round
// trip and every malformed instance) and the committed instance files whose
// optima generate.py found by independent enumeration.

#include <QtTest>

#include <random>

#include <nlohmann/json.hpp>

#include "core/json/json_text.h"
#include "core/types.h"
#include "solver/pbqp/pbqp.h"
#include "solver/pbqp/pbqp_generators.h"

using namespace tessera::solver::pbqp;
namespace core = tessera::core;
using nlohmann::json;

namespace {

Eigen::VectorXd vec(std::initializer_list<double> v) {
    Eigen::VectorXd x(static_cast<Eigen::Index>(v.size()));
    Eigen::Index i = 0;
    for (double d : v) x(i++) = d;
    return x;
}

Eigen::MatrixXd mat(std::initializer_list<std::initializer_list<double>> rows) {
    Eigen::MatrixXd m(static_cast<Eigen::Index>(rows.size()), static_cast<Eigen::Index>(rows.begin()->size()));
    Eigen::Index i = 0;
    for (const auto& r : rows) {
        Eigen::Index j = 0;
        for (double d : r) m(i, j++) = d;
        ++i;
    }
    return m;
}

// 0 when both ends agree, `penalty` otherwise (a 2-label layout change).
Eigen::MatrixXd agree(double penalty) { return mat({{0, penalty}, {penalty, 0}}); }

Options heuristic() {
    Options o;
    o.exact = false;
    return o;
}

// Checks the reported cost against the labels and returns it.
double checkedCost(const Problem& p, const Solution& s) {
    if (s.labels.size() != static_cast<std::size_t>(p.nodeCount())) return -1;
    const double c = p.evaluate(s.labels);
    if (!(c == s.cost || (std::isinf(c) && std::isinf(s.cost)))) return -2;
    return c;
}

bool sameCost(double a, double b) { return (std::isinf(a) && std::isinf(b)) || std::abs(a - b) <= 1e-9 * (1 + std::abs(b)); }

QString dataFile(const QString& name) { return QStringLiteral(TESSERA_TEST_DATA "/pbqp/") + name; }

}  // namespace

class TestPbqp : public QObject {
    Q_OBJECT
private slots:
    // a=[0,2.5] -- b=[1,0] -- c=[0,3]; a-b: 4 if equal labels; b-c: 5 if different.
    // Enumerated by hand: (0,1,1) = 0+0+3+0+0 = 3 is the only assignment below 3.5.
    void chainByHand() {
        Problem p;
        p.addNode("a", vec({0, 2.5}));
        p.addNode("b", vec({1, 0}));
        p.addNode("c", vec({0, 3}));
        p.addEdge(0, 1, mat({{4, 0}, {0, 4}}));
        p.addEdge(2, 1, mat({{0, 5}, {5, 0}}));  // reversed direction on purpose
        for (const Options& o : {Options{}, heuristic()}) {
            const Solution s = solve(p, o);
            QCOMPARE(s.status, core::Status::Optimal);
            QVERIFY(s.exact);
            QCOMPARE(s.cost, 3.0);
            QCOMPARE(s.labels, (std::vector<int>{0, 1, 1}));
            QCOMPARE(s.stats.rn, 0);
            QCOMPARE(s.stats.r1 + s.stats.r2 + s.stats.r0, 3);
        }
    }

    // s -> x, s -> y, x -> t, y -> t; agreement edges (10 for a change, x-t
    // forbidden); s=[0,1], x=[5,0], y=[5,0], t=[0,1]. All 0: 10; all 1: 2; any
    // change costs >= 10. Optimum 2, every node on label 1.
    void diamondByHand() {
        Problem p;
        p.addNode("s", vec({0, 1}));
        p.addNode("x", vec({5, 0}));
        p.addNode("y", vec({5, 0}));
        p.addNode("t", vec({0, 1}));
        p.addEdge(0, 1, agree(10));
        p.addEdge(0, 2, agree(10));
        p.addEdge(1, 3, agree(kInf));
        p.addEdge(2, 3, agree(10));
        const Solution s = solve(p);
        QCOMPARE(s.status, core::Status::Optimal);
        QVERIFY(s.exact);
        QCOMPARE(s.cost, 2.0);
        QCOMPARE(s.labels, (std::vector<int>{1, 1, 1, 1}));
        QCOMPARE(s.stats.rn, 0);
        QCOMPARE(s.stats.branchNodes, std::uint64_t{0});
    }

    // Inception-like: fork f -> p -> concat c, and f -> split s -> {y1, y2} -> c;
    // changing label costs 1 per edge; p=[3,0], y1=y2=[0,4], the rest [0,0].
    // With p=1, y1=y2=0 two edges must change (e.g. f-p and p-c): 2. With p=0
    // all agree on 0: 3. Putting y1 or y2 on 1 costs 4. Optimum 2.
    void nestedForksByHand() {
        Problem p;
        const int f = p.addNode("f", vec({0, 0}));
        const int pp = p.addNode("p", vec({3, 0}));
        const int s = p.addNode("s", vec({0, 0}));
        const int y1 = p.addNode("y1", vec({0, 4}));
        const int y2 = p.addNode("y2", vec({0, 4}));
        const int c = p.addNode("c", vec({0, 0}));
        const std::initializer_list<std::pair<int, int>> edges = {{f, pp}, {pp, c}, {f, s}, {s, y1}, {s, y2}, {y1, c}, {y2, c}};
        for (auto [a, b] : edges) p.addEdge(a, b, agree(1));
        const Solution sol = solve(p);
        QCOMPARE(sol.status, core::Status::Optimal);
        QVERIFY(sol.exact);
        QCOMPARE(sol.cost, 2.0);
        QCOMPARE(checkedCost(p, sol), 2.0);
        QCOMPARE(sol.stats.rn, 0);
        QCOMPARE(sol.stats.branchNodes, std::uint64_t{0});
    }

    // Complete graphs, node costs [0,1], 3 for equal labels on an edge. With k
    // nodes on label 0: cost (n-k) + 3*(C(k,2) + C(n-k,2)).
    // Triangle: k=2 gives 1 + 3 = 4 (k=1: 5, k=3: 9, k=0: 12); RII reduces it.
    // K4: k=2 gives 2 + 6 = 8 (k=1: 12, k=3: 10, k=0: 22, k=4: 18); every
    // degree is 3, so it needs RN or branching.
    void completeGraphsByHand() {
        for (int n : {3, 4}) {
            Problem p;
            for (int i = 0; i < n; ++i) p.addNode("n" + std::to_string(i), vec({0, 1}));
            for (int a = 0; a < n; ++a)
                for (int b = a + 1; b < n; ++b) p.addEdge(a, b, mat({{3, 0}, {0, 3}}));
            const double optimum = n == 3 ? 4 : 8;
            const Solution exact = solve(p);
            QCOMPARE(exact.status, core::Status::Optimal);
            QVERIFY(exact.exact);
            QCOMPARE(exact.cost, optimum);
            QCOMPARE(checkedCost(p, exact), optimum);
            const Solution h = solve(p, heuristic());
            QVERIFY(h.cost >= optimum);
            QCOMPARE(checkedCost(p, h), h.cost);
            if (n == 3) {
                QCOMPARE(exact.stats.rn, 0);
                QCOMPARE(exact.stats.r2, 1);
                QCOMPARE(h.status, core::Status::Optimal);
            } else {
                QVERIFY(exact.stats.branchNodes >= 1);
                QCOMPARE(h.status, core::Status::Heuristic);
                QVERIFY(!h.exact);
                QVERIFY(h.stats.rn >= 1);
            }
        }
    }

    void parallelEdgesAreSummed() {
        Problem p;
        p.addNode("a", vec({0, 0}));
        p.addNode("b", vec({0, 0}));
        p.addEdge(0, 1, mat({{0, 5}, {5, 1}}));
        p.addEdge(1, 0, mat({{4, 0}, {0, 0}}));  // (a=0,b=0) += 4, (a=1,b=1) += 0
        const Solution s = solve(p);
        // (0,0)=4, (0,1)=5, (1,0)=5, (1,1)=1
        QCOMPARE(s.cost, 1.0);
        QCOMPARE(s.labels, (std::vector<int>{1, 1}));
    }

    void disconnectedAndEmpty() {
        Problem empty;
        const Solution e = solve(empty);
        QCOMPARE(e.status, core::Status::Optimal);
        QCOMPARE(e.cost, 0.0);
        QVERIFY(e.labels.empty());
        QCOMPARE(solveBruteForce(empty).cost, 0.0);

        Problem p;
        p.addNode("lonely", vec({3, 1, 2}));
        p.addNode("a", vec({0, 1}));
        p.addNode("b", vec({1, 0}));
        p.addEdge(1, 2, agree(5));
        const Solution s = solve(p);
        QCOMPARE(s.cost, 2.0);  // lonely=1 (1), a and b agree on either label (1)
        QCOMPARE(s.labels[0], 1);
        QCOMPARE(s.stats.r0 >= 1, true);
    }

    void infiniteCosts() {
        // Only a=1, b=0, c=2 is allowed.
        Problem p;
        p.addNode("a", vec({kInf, 7}));
        p.addNode("b", vec({0, kInf}));
        p.addNode("c", vec({kInf, kInf, 1}));
        p.addEdge(0, 1, mat({{kInf, kInf}, {2, kInf}}));
        p.addEdge(1, 2, mat({{kInf, kInf, 3}, {kInf, kInf, kInf}}));
        const Solution s = solve(p);
        QCOMPARE(s.status, core::Status::Optimal);
        QCOMPARE(s.cost, 13.0);
        QCOMPARE(s.labels, (std::vector<int>{1, 0, 2}));
        QVERIFY(!std::isnan(s.cost));
    }

    void infeasible() {
        // A chain where every pair is forbidden: proven by reductions alone.
        Problem chain;
        chain.addNode("a", vec({0, 0}));
        chain.addNode("b", vec({0, 0}));
        chain.addEdge(0, 1, mat({{kInf, kInf}, {kInf, kInf}}));
        Solution s = solve(chain);
        QCOMPARE(s.status, core::Status::Infeasible);
        QVERIFY(s.exact);
        QVERIFY(std::isinf(s.cost));
        QCOMPARE(s.labels.size(), std::size_t{2});

        // 2-colouring K4: infeasible, and only branching can prove it.
        Problem k4;
        for (int i = 0; i < 4; ++i) k4.addNode("n" + std::to_string(i), vec({0, 0}));
        for (int a = 0; a < 4; ++a)
            for (int b = a + 1; b < 4; ++b) k4.addEdge(a, b, mat({{kInf, 0}, {0, kInf}}));
        s = solve(k4);
        QCOMPARE(s.status, core::Status::Infeasible);
        QVERIFY(s.exact);
        QVERIFY(std::isinf(s.cost));
        s = solve(k4, heuristic());
        QCOMPARE(s.status, core::Status::Heuristic);
        QVERIFY(!s.exact);
        QVERIFY(std::isinf(s.cost));
        QCOMPARE(solveBruteForce(k4).status, core::Status::Infeasible);
    }

    void seriesParallelMatchesBruteForce_data() {
        QTest::addColumn<double>("infProbability");
        QTest::addColumn<bool>("integerCosts");
        QTest::newRow("integer") << 0.0 << true;
        QTest::newRow("real") << 0.0 << false;
        QTest::newRow("forbidden pairs") << 0.25 << true;
    }
    void seriesParallelMatchesBruteForce() {
        QFETCH(double, infProbability);
        QFETCH(bool, integerCosts);
        std::mt19937_64 rng(42);
        RandomCosts rc{1, 4, infProbability, integerCosts};
        int checked = 0;
        for (int i = 0; i < 150; ++i) {
            const int edges = 1 + i % 14;
            const Problem p = randomSeriesParallel(edges, rc, rng, i % 5 == 0);
            const Solution bf = solveBruteForce(p, 2'000'000);
            if (bf.status == core::Status::Limit) continue;
            ++checked;
            for (const Options& o : {Options{}, heuristic()}) {
                const Solution s = solve(p, o);
                QVERIFY2(sameCost(s.cost, bf.cost), qPrintable(QString("instance %1: %2 vs brute force %3")
                                                                    .arg(i).arg(s.cost).arg(bf.cost)));
                QVERIFY(sameCost(checkedCost(p, s), bf.cost));
                // Series-parallel: R0/RI/RII alone, so exact in both modes.
                QCOMPARE(s.stats.rn, 0);
                QCOMPARE(s.stats.branchNodes, std::uint64_t{0});
                QVERIFY(s.exact);
                QCOMPARE(s.status, std::isinf(bf.cost) ? core::Status::Infeasible : core::Status::Optimal);
            }
        }
        QVERIFY(checked >= 140);
    }

    void generalGraphsMatchBruteForce_data() {
        QTest::addColumn<double>("density");
        QTest::addColumn<double>("infProbability");
        QTest::newRow("sparse") << 0.35 << 0.0;
        QTest::newRow("dense") << 0.8 << 0.0;
        QTest::newRow("dense forbidden") << 0.7 << 0.15;
    }
    void generalGraphsMatchBruteForce() {
        QFETCH(double, density);
        QFETCH(double, infProbability);
        std::mt19937_64 rng(7);
        RandomCosts rc{1, 4, infProbability, true};
        int needingSearch = 0;
        for (int i = 0; i < 150; ++i) {
            const int n = 2 + i % 9;
            const Problem p = randomGraph(n, density, rc, rng);
            const Solution bf = solveBruteForce(p);
            QCOMPARE(bf.status == core::Status::Limit, false);
            const Solution s = solve(p);
            QVERIFY2(sameCost(s.cost, bf.cost),
                     qPrintable(QString("instance %1: %2 vs brute force %3").arg(i).arg(s.cost).arg(bf.cost)));
            QVERIFY(sameCost(checkedCost(p, s), bf.cost));
            QVERIFY(s.exact);
            QCOMPARE(s.status, std::isinf(bf.cost) ? core::Status::Infeasible : core::Status::Optimal);
            needingSearch += s.stats.branchNodes > 0;
            const Solution h = solve(p, heuristic());
            QVERIFY(h.cost >= bf.cost - 1e-9);
            QVERIFY(sameCost(checkedCost(p, h), h.cost));
            QCOMPARE(h.exact, h.status != core::Status::Heuristic);
            if (h.exact) QVERIFY(sameCost(h.cost, bf.cost));
        }
        if (density > 0.5) QVERIFY(needingSearch > 20);
    }

    void largeReducibleGraphs() {
        std::mt19937_64 rng(1);
        RandomCosts rc{3, 6, 0.0, false};
        for (const Problem& p : {chainProblem(5000, rc, rng), inceptionProblem(5000, rc, rng)}) {
            const Solution s = solve(p);
            QCOMPARE(s.status, core::Status::Optimal);
            QVERIFY(s.exact);
            QCOMPARE(s.stats.rn, 0);
            QCOMPARE(s.stats.branchNodes, std::uint64_t{0});
            QCOMPARE(s.stats.r0 + s.stats.r1 + s.stats.r2, p.nodeCount());
            QVERIFY(sameCost(checkedCost(p, s), s.cost));
        }
    }

    void limitsAndCancel() {
        std::mt19937_64 rng(3);
        const Problem p = randomGraph(60, 0.5, RandomCosts{3, 5, 0.0, false}, rng);
        Options o;
        o.maxBranchNodes = 5;
        Solution s = solve(p, o);
        QCOMPARE(s.status, core::Status::Limit);
        QVERIFY(!s.exact);
        QVERIFY(std::isfinite(s.cost));
        QVERIFY(sameCost(checkedCost(p, s), s.cost));
        QVERIFY(s.message.find("limit") != std::string::npos);

        o = Options{};
        o.timeLimitSeconds = 1e-4;
        s = solve(p, o);
        QCOMPARE(s.status, core::Status::Limit);
        QVERIFY(std::isfinite(s.cost));

        o = Options{};
        int calls = 0;
        double last = -1;
        bool monotone = true;
        o.progress = [&](double f, std::string_view) {
            monotone = monotone && f >= last && f <= 1.0;
            last = f;
            return ++calls < 3;
        };
        s = solve(p, o);
        QCOMPARE(s.status, core::Status::Cancelled);
        QVERIFY(!s.exact);
        QCOMPARE(calls, 3);
        QVERIFY(monotone);
        QVERIFY(sameCost(checkedCost(p, s), s.cost));

        // Invalid options are an outcome, not an exception.
        const Solution noNodes = solve(p, Options{true, 0, 1.0, {}});
        QCOMPARE(noNodes.status, core::Status::InvalidInput);
        QVERIFY(noNodes.labels.empty());
        QVERIFY(QString::fromStdString(noNodes.message).contains("maxBranchNodes"));
        const Solution noTime = solve(p, Options{true, 10, -1.0, {}});
        QCOMPARE(noTime.status, core::Status::InvalidInput);
        QVERIFY(QString::fromStdString(noTime.message).contains("timeLimitSeconds"));

        const Solution bf = solveBruteForce(p, 1000);
        QCOMPARE(bf.status, core::Status::Limit);
        QVERIFY(bf.labels.empty());
        QVERIFY(!bf.message.empty());
    }

    void problemRejectsBadInput() {
        Problem p;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, p.addNode("e", Eigen::VectorXd()));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, p.addNode("nan", vec({0, std::nan("")})));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, p.addNode("neg", vec({-kInf})));
        p.addNode("a", vec({0, 1}));
        p.addNode("b", vec({0, 1, 2}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, p.addEdge(0, 0, agree(1)));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, p.addEdge(0, 2, agree(1)));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, p.addEdge(0, 1, agree(1)));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, p.evaluate({0}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, p.evaluate({0, 3}));
        QCOMPARE(p.nodeCount(), 2);
    }

    void jsonRoundTrip() {
        std::mt19937_64 rng(11);
        const Problem p = randomGraph(7, 0.6, RandomCosts{1, 3, 0.2, false}, rng);
        const json doc = problemToJson(p);
        const Problem q = problemFromJsonText(doc.dump(), "round-trip");
        QCOMPARE(problemToJson(q), doc);
        QCOMPARE(q.nodeCount(), p.nodeCount());
        QCOMPARE(q.edges().size(), p.edges().size());
        const Solution s = solve(q);
        const json out = solutionToJson(s, q);
        for (const char* key : {"status", "cost", "labels", "exact", "names", "message", "stats"}) QVERIFY(out.contains(key));
        QCOMPARE(out["status"].get<std::string>(), std::string(core::statusName(s.status)));
        QCOMPARE(out["labels"].get<std::vector<int>>(), s.labels);
        QCOMPARE(out["exact"].get<bool>(), s.exact);
        if (std::isinf(s.cost)) QCOMPARE(out["cost"].get<std::string>(), std::string("inf"));
        else QCOMPARE(out["cost"].get<double>(), s.cost);

        const Problem named = problemFromJsonText(R"({"nodes": [{"costs": [1, "inf"]}]})", "x");
        QCOMPARE(named.name(0), std::string("n0"));
        QVERIFY(std::isinf(named.nodeCosts(0)(1)));
        const json inf = solutionToJson(solve(problemFromJsonText(R"({"nodes": [{"costs": ["inf"]}]})", "x")), named);
        QCOMPARE(inf["cost"], json("inf"));
        QCOMPARE(inf["status"], json("infeasible"));
    }

    void badInstances_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        const QString two = R"({"name": "a", "costs": [1, 2]}, {"name": "b", "costs": [0, 1, 2]})";
        auto withEdge = [&](const QString& edge) { return "{\"nodes\": [" + two + "], \"edges\": [" + edge + "]}"; };
        QTest::newRow("not json") << "{\"nodes\": [" << "bad.json: not valid JSON";
        QTest::newRow("not an object") << "[1, 2]" << "bad.json: must be an object, got an array";
        QTest::newRow("no nodes") << "{\"edges\": []}" << "bad.json: nodes: is missing";
        QTest::newRow("unknown top key") << "{\"nodes\": [], \"colour\": 1}" << "bad.json: colour: unknown key";
        QTest::newRow("unknown node key") << R"({"nodes": [{"costs": [1], "weight": 2}]})"
                                          << "bad.json: nodes[0].weight: unknown key";
        QTest::newRow("unknown edge key") << withEdge(R"({"from": 0, "to": 1, "costs": [[0,0,0],[0,0,0]], "w": 1})")
                                          << "bad.json: edges[0].w: unknown key";
        QTest::newRow("empty costs") << R"({"nodes": [{"costs": []}]})"
                                     << "bad.json: nodes[0].costs: must have at least 1 element(s), has 0";
        QTest::newRow("negative node cost") << R"({"nodes": [{"costs": [1]}, {"costs": [3, -1]}]})"
                                            << "bad.json: nodes[1].costs[1]: must be at least 0";
        QTest::newRow("nan string") << R"({"nodes": [{"costs": [1, "nan"]}]})"
                                    << "bad.json: nodes[0].costs[1]: must be a non-negative number or \"inf\", got \"nan\"";
        QTest::newRow("NaN literal") << R"({"nodes": [{"costs": [1, NaN]}]})" << "bad.json: not valid JSON";
        QTest::newRow("-inf") << R"({"nodes": [{"costs": ["-inf"]}]})"
                              << "bad.json: nodes[0].costs[0]: must be a non-negative number or \"inf\"";
        QTest::newRow("cost null") << R"({"nodes": [{"costs": [null]}]})"
                                   << "bad.json: nodes[0].costs[0]: must be a non-negative number or \"inf\", got null";
        QTest::newRow("name type") << R"({"nodes": [{"name": 3, "costs": [1]}]})"
                                   << "bad.json: nodes[0].name: must be a string";
        QTest::newRow("edges not array") << "{\"nodes\": [" + two + "], \"edges\": {}}"
                                         << "bad.json: edges: must be an array, got an object";
        QTest::newRow("from missing") << withEdge(R"({"to": 1, "costs": []})") << "bad.json: edges[0].from: is missing";
        QTest::newRow("from out of range")
            << withEdge(R"({"from": 2, "to": 1, "costs": []})")
            << "bad.json: edges[0].from: node index 2 is out of range (the instance has 2 node(s), indices 0..1)";
        QTest::newRow("to negative") << withEdge(R"({"from": 0, "to": -1, "costs": []})")
                                     << "bad.json: edges[0].to: node index -1 is out of range";
        QTest::newRow("index not integer") << withEdge(R"({"from": 0.5, "to": 1, "costs": []})")
                                           << "bad.json: edges[0].from: must be an integer, got 0.5";
        QTest::newRow("self loop") << withEdge(R"({"from": 1, "to": 1, "costs": []})")
                                   << "bad.json: edges[0].to: equals 'from' (1); an edge needs two different nodes";
        QTest::newRow("rows") << withEdge(R"({"from": 0, "to": 1, "costs": [[0, 0, 0]]})")
                              << "bad.json: edges[0].costs: has 1 row(s), but 'from' node 0 ('a') has 2 label(s)";
        QTest::newRow("columns") << withEdge(R"({"from": 0, "to": 1, "costs": [[0, 0, 0], [0, 0]]})")
                                 << "bad.json: edges[0].costs[1]: has 2 column(s), but 'to' node 1 ('b') has 3 label(s)";
        QTest::newRow("row not array") << withEdge(R"({"from": 0, "to": 1, "costs": [[0, 0, 0], 4]})")
                                       << "bad.json: edges[0].costs[1]: must be an array, got an integer";
        QTest::newRow("negative edge cost") << withEdge(R"({"from": 0, "to": 1, "costs": [[0, 0, 0], [0, -2, 0]]})")
                                            << "bad.json: edges[0].costs[1][1]: must be at least 0";
        QTest::newRow("second edge") << withEdge(R"({"from": 0, "to": 1, "costs": [[0, 0, 0], [0, 0, 0]]},
                                                    {"from": 1, "to": 0, "costs": [[0, 0, 0], [0, 0, 0]]})")
                                     << "bad.json: edges[1].costs: has 2 row(s), but 'from' node 1 ('b') has 3 label(s)";
        QTest::newRow("duplicate key") << R"({"nodes": [], "nodes": []})" << "bad.json: nodes: duplicate key";
    }
    void badInstances() {
        QFETCH(QString, text);
        QFETCH(QString, message);
        try {
            problemFromJsonText(text.toStdString(), "bad.json");
            QFAIL("no error");
        } catch (const tessera::core::FormatError& e) {
            QVERIFY2(QString::fromStdString(e.what()).startsWith(message), e.what());
        }
    }

    void instanceFiles_data() {
        QTest::addColumn<QString>("file");
        for (const char* f : {"chain.json", "inception_module.json", "k5.json", "forbidden.json", "infeasible.json"})
            QTest::newRow(f) << QString(f);
    }
    void instanceFiles() {
        QFETCH(QString, file);
        const json expected = tessera::core::parseJsonText(
            tessera::core::readTextFile(dataFile("expected.json").toStdString(), 1 << 20), "expected.json")[file.toStdString()];
        const Problem p = loadProblem(dataFile(file).toStdString());
        const double cost = expected["cost"].is_string() ? kInf : expected["cost"].get<double>();
        const Solution s = solve(p);
        QVERIFY(sameCost(s.cost, cost));
        QVERIFY(s.exact);
        QCOMPARE(std::string(core::statusName(s.status)), expected["status"].get<std::string>());
        QVERIFY(sameCost(solveBruteForce(p).cost, cost));
        QVERIFY(solve(p, heuristic()).cost >= cost);
        if (file == "inception_module.json" || file == "chain.json") QCOMPARE(s.stats.rn, 0);
        if (file == "k5.json") QVERIFY(s.stats.branchNodes > 0);
    }

    void missingFile() {
        QVERIFY_THROWS_EXCEPTION(tessera::core::FormatError, loadProblem(dataFile("no_such.json").toStdString()));
    }
};

QTEST_APPLESS_MAIN(TestPbqp)
#include "tst_pbqp.moc"
