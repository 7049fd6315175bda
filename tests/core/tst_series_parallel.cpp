// Series-parallel recognition and decomposition of plain edge lists
// (decomposeSeriesParallel, core/series_parallel.h): hand-made graphs with
// their expected trees, invalid input, random SP graphs, random DAGs against
// a brute-force reducer, large graphs, and the obstruction witnesses and tree
// validation checked along the way. CNN layer graphs (decomposeNetwork) are
// in tst_series_parallel_network.cpp.

#include <QElapsedTimer>
#include <QtTest>

#include <algorithm>
#include <functional>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "core/series_parallel.h"

using namespace tessera::core;

using EdgeList = std::vector<SpEdge>;
Q_DECLARE_METATYPE(EdgeList)

namespace {

// The canonical tree as text, leaves as e<index>, parallel children sorted so
// the string does not depend on merge order: "S(e0,P(e1,e2),e3)".
std::string treeString(const SpDecomposition& d, int node)
{
    const SpNode& n = d.nodes[static_cast<std::size_t>(node)];
    if (n.kind == SpNodeKind::Edge)
        return "e" + std::to_string(n.edge);
    std::vector<std::string> parts;
    for (int c : n.children)
        parts.push_back(treeString(d, c));
    if (n.kind == SpNodeKind::Parallel)
        std::sort(parts.begin(), parts.end());
    std::string out = n.kind == SpNodeKind::Series ? "S(" : "P(";
    for (std::size_t i = 0; i < parts.size(); ++i)
        out += (i ? "," : "") + parts[i];
    return out + ")";
}

std::string treeString(const SpDecomposition& d)
{
    return d.root < 0 ? std::string() : treeString(d, d.root);
}

// Naive reference: repeated full scans for a parallel pair or a series
// vertex between fixed terminals, O(E^2 V) and obviously faithful to the
// definition.
bool bruteReduces(int n, EdgeList edges, int s, int t)
{
    if (edges.empty())
        return false;
    for (bool changed = true; changed;) {
        changed = false;
        for (std::size_t i = 0; i < edges.size() && !changed; ++i)
            for (std::size_t j = i + 1; j < edges.size() && !changed; ++j)
                if (edges[i] == edges[j]) {
                    edges.erase(edges.begin() + static_cast<std::ptrdiff_t>(j));
                    changed = true;
                }
        for (int v = 0; v < n && !changed; ++v) {
            if (v == s || v == t)
                continue;
            std::vector<std::size_t> in, out;
            for (std::size_t i = 0; i < edges.size(); ++i) {
                if (edges[i].to == v)
                    in.push_back(i);
                if (edges[i].from == v)
                    out.push_back(i);
            }
            if (in.size() == 1 && out.size() == 1) {
                const SpEdge merged{edges[in[0]].from, edges[out[0]].to};
                edges.erase(edges.begin() + static_cast<std::ptrdiff_t>(std::max(in[0], out[0])));
                edges.erase(edges.begin() + static_cast<std::ptrdiff_t>(std::min(in[0], out[0])));
                edges.push_back(merged);
                changed = true;
            }
        }
    }
    return edges.size() == 1 && edges[0] == SpEdge{s, t};
}

// The brute-force verdict for a DAG, with virtual terminals as documented.
bool bruteIsSp(int n, EdgeList edges)
{
    std::vector<int> in(static_cast<std::size_t>(n), 0), out(static_cast<std::size_t>(n), 0);
    for (const SpEdge& e : edges) {
        ++out[static_cast<std::size_t>(e.from)];
        ++in[static_cast<std::size_t>(e.to)];
    }
    std::vector<int> sources, sinks;
    for (int v = 0; v < n; ++v) {
        if (in[static_cast<std::size_t>(v)] == 0)
            sources.push_back(v);
        if (out[static_cast<std::size_t>(v)] == 0)
            sinks.push_back(v);
    }
    if (n == 1)
        return true;
    int total = n;
    const int s = sources.size() > 1 ? total++ : sources.front();
    const int t = sinks.size() > 1 ? total++ : sinks.front();
    if (sources.size() > 1)
        for (int v : sources)
            edges.push_back({s, v});
    if (sinks.size() > 1)
        for (int v : sinks)
            edges.push_back({v, t});
    return bruteReduces(total, edges, s, t);
}

// Random TTSP multigraph with `edgeCount` edges: start from one edge and
// repeatedly subdivide an edge (series) or double it (parallel, and then
// usually subdivide the copy so most graphs have no multi-edge). Vertices
// are relabelled and edges shuffled so the input order carries no hint.
EdgeList randomSpGraph(std::mt19937& rng, int edgeCount, int& vertexCount)
{
    EdgeList edges{{0, 1}};
    int n = 2;
    while (static_cast<int>(edges.size()) < edgeCount) {
        const std::size_t i = std::uniform_int_distribution<std::size_t>(0, edges.size() - 1)(rng);
        const SpEdge e = edges[i];
        const int kind = std::uniform_int_distribution<int>(0, 3)(rng);
        if (kind <= 1) {
            const int x = n++;
            edges[i] = {e.from, x};
            edges.push_back({x, e.to});
        } else if (kind == 2 || static_cast<int>(edges.size()) + 2 > edgeCount) {
            edges.push_back(e);
        } else {
            const int x = n++;
            edges.push_back({e.from, x});
            edges.push_back({x, e.to});
        }
    }
    std::vector<int> label(static_cast<std::size_t>(n));
    for (int v = 0; v < n; ++v)
        label[static_cast<std::size_t>(v)] = v;
    std::shuffle(label.begin(), label.end(), rng);
    for (SpEdge& e : edges)
        e = {label[static_cast<std::size_t>(e.from)], label[static_cast<std::size_t>(e.to)]};
    std::shuffle(edges.begin(), edges.end(), rng);
    vertexCount = n;
    return edges;
}

// Checks that an obstruction is a minimal non-SP subgraph between its
// terminals, with the brute-force reducer.
void checkObstruction(const SpDecomposition& d)
{
    const SpObstruction o = findSpObstruction(d);
    QVERIFY2(o.found, o.message.c_str());
    const int s = o.bridge[0];
    const int t = o.bridge[3];
    EdgeList witness;
    for (int e : o.edges)
        witness.push_back(d.edges[static_cast<std::size_t>(e)]);
    QVERIFY(witness.size() >= 5);
    QVERIFY(!bruteReduces(d.vertexCount, witness, s, t));
    for (std::size_t drop = 0; drop < witness.size(); ++drop) {
        EdgeList rest = witness;
        rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(drop));
        // Keep only what still lies on an s-t path, as the search does.
        for (bool changed = true; changed;) {
            changed = false;
            for (std::size_t i = 0; i < rest.size(); ++i) {
                const int u = rest[i].from;
                const int v = rest[i].to;
                const bool hasIn = u == s || std::any_of(rest.begin(), rest.end(), [&](const SpEdge& x) { return x.to == u; });
                const bool hasOut = v == t || std::any_of(rest.begin(), rest.end(), [&](const SpEdge& x) { return x.from == v; });
                if (!hasIn || !hasOut) {
                    rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(i));
                    changed = true;
                    break;
                }
            }
        }
        QVERIFY2(rest.empty() || bruteReduces(d.vertexCount, rest, s, t), "witness is not minimal");
    }
}

}  // namespace

class TestSeriesParallel : public QObject {
    Q_OBJECT

private slots:
    void handMade_data();
    void handMade();
    void invalidInput_data();
    void invalidInput();
    void obstructionOfBridge();
    void randomSpGraphs();
    void randomDagsAgainstBruteForce();
    void largeGraphs_data();
    void largeGraphs();
    void largeNonSp();
};

void TestSeriesParallel::handMade_data()
{
    QTest::addColumn<int>("vertexCount");
    QTest::addColumn<EdgeList>("edges");
    QTest::addColumn<bool>("seriesParallel");
    QTest::addColumn<bool>("virtualSource");
    QTest::addColumn<bool>("virtualSink");
    QTest::addColumn<int>("forks");
    QTest::addColumn<int>("joins");
    QTest::addColumn<QString>("tree");  // canonical tree, or the leftover vertices when not SP

    QTest::newRow("single vertex") << 1 << EdgeList{} << true << false << false << 0 << 0 << "";
    QTest::newRow("single edge") << 2 << EdgeList{{0, 1}} << true << false << false << 0 << 0 << "e0";
    QTest::newRow("chain") << 4 << EdgeList{{2, 3}, {0, 1}, {1, 2}} << true << false << false << 0 << 0
                           << "S(e1,e2,e0)";
    QTest::newRow("diamond") << 4 << EdgeList{{0, 1}, {0, 2}, {1, 3}, {2, 3}} << true << false << false << 1
                             << 1 << "P(S(e0,e2),S(e1,e3))";
    // 0 -> {1, 2} -> 3 -> {4, 5} -> 6, and the second diamond nested inside a
    // third branch 0 -> 7 -> {8, 9} -> 10 -> 3.
    QTest::newRow("nested diamonds")
        << 11
        << EdgeList{{0, 1}, {0, 2}, {1, 3}, {2, 3}, {3, 4}, {3, 5}, {4, 6}, {5, 6},
                    {0, 7}, {7, 8}, {7, 9}, {8, 10}, {9, 10}, {10, 3}}
        << true << false << false << 3 << 3
        << "S(P(S(e0,e2),S(e1,e3),S(e8,P(S(e10,e12),S(e9,e11)),e13)),P(S(e4,e6),S(e5,e7)))";
    // stem 0 -> conv 1 -> relu 2 -> conv 3 -> add 4 <- 0 (skip), add -> 5.
    QTest::newRow("residual block") << 6 << EdgeList{{0, 1}, {1, 2}, {2, 3}, {3, 4}, {0, 4}, {4, 5}} << true
                                    << false << false << 1 << 1 << "S(P(S(e0,e1,e2,e3),e4),e5)";
    // Inception-V3 module E: input 0 -> {1x1: 1, 1x1 3x3: 2 3 -> split {4 1x3, 5 3x1},
    // pool 6 -> 1x1 7} -> concat 8; the nested fork at 3 joins at the concat.
    QTest::newRow("inception with nested fork")
        << 9
        << EdgeList{{0, 1}, {1, 8}, {0, 2}, {2, 3}, {3, 4}, {3, 5}, {4, 8}, {5, 8}, {0, 6}, {6, 7}, {7, 8}}
        << true << false << false << 2 << 1 << "P(S(e0,e1),S(e2,e3,P(S(e4,e6),S(e5,e7))),S(e8,e9,e10))";
    // Two inputs into one layer, two heads: virtual source 5, virtual sink 6.
    QTest::newRow("multi-source multi-sink")
        << 5 << EdgeList{{0, 2}, {1, 2}, {2, 3}, {2, 4}} << true << true << true << 1 << 1
        << "S(P(S(e4,e0),S(e5,e1)),P(S(e2,e6),S(e3,e7)))";
    QTest::newRow("isolated vertex") << 3 << EdgeList{{0, 1}} << true << true << true << 0 << 0
                                     << "P(S(e1,e0,e3),S(e2,e4))";
    QTest::newRow("parallel multi-edge") << 3 << EdgeList{{0, 1}, {1, 2}, {0, 1}} << true << false << false
                                         << 0 << 0 << "S(P(e0,e2),e1)";
    // The N graph a=0 -> c=2, a -> d=3, b=1 -> d: with the virtual source and
    // sink it is the Wheatstone bridge, rung a -> d.
    QTest::newRow("N graph") << 4 << EdgeList{{0, 2}, {0, 3}, {1, 3}} << false << true << true << 1 << 1
                             << "vertex 0, vertex 3";
    // Wheatstone bridge proper: s=0, a=1, b=2, t=3, rung 1 -> 2.
    QTest::newRow("bridge") << 4 << EdgeList{{0, 1}, {0, 2}, {1, 2}, {1, 3}, {2, 3}} << false << false << false
                            << 2 << 2 << "vertex 1, vertex 2";
}

void TestSeriesParallel::handMade()
{
    QFETCH(int, vertexCount);
    QFETCH(EdgeList, edges);
    QFETCH(bool, seriesParallel);
    QFETCH(bool, virtualSource);
    QFETCH(bool, virtualSink);
    QFETCH(int, forks);
    QFETCH(int, joins);
    QFETCH(QString, tree);

    const SpDecomposition d = decomposeSeriesParallel(vertexCount, edges);
    QCOMPARE(d.seriesParallel, seriesParallel);
    QCOMPARE(d.virtualSource, virtualSource);
    QCOMPARE(d.virtualSink, virtualSink);
    QCOMPARE(d.forkCount(), forks);
    QCOMPARE(d.joinCount(), joins);
    QCOMPARE(d.originalVertexCount, vertexCount);
    QCOMPARE(d.vertexCount, vertexCount + int(virtualSource) + int(virtualSink));
    QCOMPARE(d.originalEdgeCount, int(edges.size()));
    QCOMPARE(seriesParallel, bruteIsSp(vertexCount, edges));
    if (seriesParallel) {
        const auto error = validateSpDecomposition(d);
        QVERIFY2(!error, error ? error->c_str() : "");
        QCOMPARE(QString::fromStdString(treeString(d)), tree);
        QVERIFY(d.residualEdges.empty());
    } else {
        QVERIFY2(d.message.find(tree.toStdString()) != std::string::npos, d.message.c_str());
        QVERIFY(d.nodes.empty());
        QCOMPARE(d.residualVertices.size(), std::size_t(4));
        QCOMPARE(d.residualEdges.size(), std::size_t(5));
        // Every edge, virtual ones included, is in exactly one residual edge.
        std::vector<int> seen(d.edges.size(), 0);
        for (const SpResidualEdge& r : d.residualEdges)
            for (int e : r.edges)
                ++seen[static_cast<std::size_t>(e)];
        QVERIFY(std::all_of(seen.begin(), seen.end(), [](int c) { return c == 1; }));
        checkObstruction(d);
    }
}

void TestSeriesParallel::invalidInput_data()
{
    QTest::addColumn<int>("vertexCount");
    QTest::addColumn<EdgeList>("edges");
    QTest::addColumn<QString>("message");

    QTest::newRow("empty") << 0 << EdgeList{} << "no vertices";
    QTest::newRow("out of range") << 2 << EdgeList{{0, 1}, {1, 2}} << "edge 1 (1 -> 2) has an end outside 0..1";
    QTest::newRow("self-loop") << 2 << EdgeList{{0, 1}, {1, 1}} << "self-loop at vertex 1";
    QTest::newRow("cycle") << 4 << EdgeList{{0, 1}, {1, 2}, {2, 1}, {2, 3}} << "cycle";
}

void TestSeriesParallel::invalidInput()
{
    QFETCH(int, vertexCount);
    QFETCH(EdgeList, edges);
    QFETCH(QString, message);

    const SpDecomposition d = decomposeSeriesParallel(vertexCount, edges);
    QVERIFY(!d.seriesParallel);
    QVERIFY2(d.message.find(message.toStdString()) != std::string::npos, d.message.c_str());
    QVERIFY(d.nodes.empty());
    QVERIFY(d.residualEdges.empty());
    QVERIFY(!findSpObstruction(d).found);
}

void TestSeriesParallel::obstructionOfBridge()
{
    // The N graph inside a longer network: the bridge found names the two
    // inner vertices and six original edges plus the virtual ones it uses.
    const EdgeList edges{{0, 1}, {1, 2}, {2, 4}, {2, 5}, {3, 5}, {4, 6}, {5, 6}, {6, 7}};
    const SpDecomposition d = decomposeSeriesParallel(8, edges);
    QVERIFY(!d.seriesParallel);
    QVERIFY(d.virtualSource);
    QVERIFY(!d.virtualSink);
    const SpObstruction o = findSpObstruction(d);
    QVERIFY2(o.found, o.message.c_str());
    QCOMPARE(o.bridge[0], d.source);
    QCOMPARE(o.bridge[1], 2);
    QCOMPARE(o.bridge[2], 5);
    QCOMPARE(o.bridge[3], 6);
    checkObstruction(d);
    QVERIFY(!findSpObstruction(decomposeSeriesParallel(2, {{0, 1}})).found);
}

void TestSeriesParallel::randomSpGraphs()
{
    std::mt19937 rng(20240611);
    for (int round = 0; round < 500; ++round) {
        int n = 0;
        const int edgeCount = std::uniform_int_distribution<int>(1, round < 400 ? 30 : 400)(rng);
        const EdgeList edges = randomSpGraph(rng, edgeCount, n);
        const SpDecomposition d = decomposeSeriesParallel(n, edges);
        QVERIFY2(d.seriesParallel, ("round " + std::to_string(round) + ": " + d.message).c_str());
        QVERIFY(!d.virtualSource && !d.virtualSink);
        const auto error = validateSpDecomposition(d);
        QVERIFY2(!error, error ? error->c_str() : "");
        QCOMPARE(d.edges.size(), edges.size());
    }
    // Series and parallel compositions of several random SP graphs side by
    // side, sharing nothing: many sources and sinks, still SP.
    for (int round = 0; round < 100; ++round) {
        EdgeList all;
        int total = 0;
        const int parts = std::uniform_int_distribution<int>(2, 5)(rng);
        for (int p = 0; p < parts; ++p) {
            int n = 0;
            for (const SpEdge& e : randomSpGraph(rng, std::uniform_int_distribution<int>(1, 20)(rng), n))
                all.push_back({e.from + total, e.to + total});
            total += n;
        }
        const SpDecomposition d = decomposeSeriesParallel(total, all);
        QVERIFY2(d.seriesParallel, d.message.c_str());
        QVERIFY(d.virtualSource && d.virtualSink);
        const auto error = validateSpDecomposition(d);
        QVERIFY2(!error, error ? error->c_str() : "");
    }
}

void TestSeriesParallel::randomDagsAgainstBruteForce()
{
    std::mt19937 rng(7);
    int spCount = 0;
    int nonSpCount = 0;
    for (int round = 0; round < 3000; ++round) {
        const int n = std::uniform_int_distribution<int>(1, 8)(rng);
        const int m = n == 1 ? 0 : std::uniform_int_distribution<int>(0, 14)(rng);
        std::vector<int> order(static_cast<std::size_t>(n));
        for (int v = 0; v < n; ++v)
            order[static_cast<std::size_t>(v)] = v;
        std::shuffle(order.begin(), order.end(), rng);
        EdgeList edges;
        std::uniform_int_distribution<int> pick(0, n - 1);
        for (int k = 0; k < m; ++k) {
            int a = pick(rng), b = pick(rng);
            if (a == b)
                continue;
            if (a > b)
                std::swap(a, b);
            edges.push_back({order[static_cast<std::size_t>(a)], order[static_cast<std::size_t>(b)]});
        }
        const SpDecomposition d = decomposeSeriesParallel(n, edges);
        const bool expected = bruteIsSp(n, edges);
        QVERIFY2(d.seriesParallel == expected, ("round " + std::to_string(round) + ": " + d.message).c_str());
        if (d.seriesParallel) {
            ++spCount;
            const auto error = validateSpDecomposition(d);
            QVERIFY2(!error, error ? error->c_str() : "");
        } else {
            ++nonSpCount;
            checkObstruction(d);
            if (QTest::currentTestFailed())
                return;
        }
    }
    qInfo("random DAGs: %d series-parallel, %d not", spCount, nonSpCount);
    QVERIFY(spCount > 300);
    QVERIFY(nonSpCount > 300);
}

void TestSeriesParallel::largeGraphs_data()
{
    QTest::addColumn<int>("vertexCount");
    QTest::addColumn<EdgeList>("edges");

    constexpr int kEdges = 100000;
    EdgeList chain, reversed;
    for (int v = 0; v < kEdges; ++v)
        chain.push_back({v, v + 1});
    for (int v = kEdges - 1; v >= 0; --v)
        reversed.push_back({v, v + 1});
    QTest::newRow("chain 1e5") << kEdges + 1 << chain;
    QTest::newRow("chain 1e5 reversed") << kEdges + 1 << reversed;

    // Nested parallels: a_i -> b_i in parallel with a_i -> a_{i+1} ... b_{i+1} -> b_i,
    // depth 33,333 (a_i = 2i, b_i = 2i + 1).
    EdgeList nested;
    const int depth = kEdges / 3;
    for (int i = 0; i < depth; ++i) {
        nested.push_back({2 * i, 2 * i + 1});
        nested.push_back({2 * i, 2 * i + 2});
        nested.push_back({2 * i + 3, 2 * i + 1});
    }
    nested.push_back({2 * depth, 2 * depth + 1});
    QTest::newRow("nested parallels 1e5") << 2 * depth + 2 << nested;

    // Wide: 50,000 two-edge branches between 0 and 1.
    EdgeList wide;
    for (int i = 0; i < kEdges / 2; ++i) {
        wide.push_back({0, 2 + i});
        wide.push_back({2 + i, 1});
    }
    QTest::newRow("wide parallel 1e5") << kEdges / 2 + 2 << wide;

    std::mt19937 rng(99);
    int n = 0;
    const EdgeList random = randomSpGraph(rng, kEdges, n);
    QTest::newRow("random SP 1e5") << n << random;
}

void TestSeriesParallel::largeGraphs()
{
    QFETCH(int, vertexCount);
    QFETCH(EdgeList, edges);

    QElapsedTimer timer;
    timer.start();
    const SpDecomposition d = decomposeSeriesParallel(vertexCount, edges);
    const qint64 ms = timer.elapsed();
    QVERIFY2(d.seriesParallel, d.message.c_str());
    qInfo("%s: %zu edges, %zu tree nodes, %lld ms", QTest::currentDataTag(), edges.size(), d.nodes.size(), ms);
    const auto error = validateSpDecomposition(d);
    QVERIFY2(!error, error ? error->c_str() : "");
}

void TestSeriesParallel::largeNonSp()
{
    // A ladder (two rails with rungs) is a chain of bridges: nothing but the
    // rails' end segments reduces. 1e5 edges.
    const int rungs = 33334;
    EdgeList ladder;
    for (int i = 0; i < rungs; ++i) {
        ladder.push_back({2 * i, 2 * i + 1});  // rung
        if (i + 1 < rungs) {
            ladder.push_back({2 * i, 2 * i + 2});
            ladder.push_back({2 * i + 1, 2 * i + 3});
        }
    }
    QElapsedTimer timer;
    timer.start();
    const SpDecomposition d = decomposeSeriesParallel(2 * rungs, ladder);
    const qint64 ms = timer.elapsed();
    qInfo("ladder: %zu edges, %zu residual edges, %lld ms", ladder.size(), d.residualEdges.size(), ms);
    QVERIFY(!d.seriesParallel);
    QVERIFY(d.residualEdges.size() > 90000);
    QVERIFY2(d.message.find("more)") != std::string::npos, d.message.c_str());  // the list is capped
    const SpObstruction tooBig = findSpObstruction(d);
    QVERIFY(!tooBig.found);
    QVERIFY2(tooBig.message.find("limit") != std::string::npos, tooBig.message.c_str());
}

QTEST_GUILESS_MAIN(TestSeriesParallel)
#include "tst_series_parallel.moc"
