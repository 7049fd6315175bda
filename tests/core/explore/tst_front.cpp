// Front2D against a brute-force dominance filter (random sets with ties,
// duplicates and NaN), the hypervolume against hand-computed areas and a
// cell count, the knee on fronts of known shape.

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "core/explore/front.h"

using tessera::core::Front2D;
using tessera::core::FrontPoint;
using tessera::core::hypervolume;
using tessera::core::kneeOf;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The O(n^2) definition: point i of points[0..count) is on the front when
// both values are finite and no other point is no worse on both, except an
// equal point inserted later (of equal points the first stays). In
// increasing x.
std::vector<FrontPoint> bruteForceFront(const std::vector<FrontPoint>& points, std::size_t count) {
    std::vector<FrontPoint> front;
    for (std::size_t i = 0; i < count; ++i) {
        const FrontPoint& p = points[i];
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
        bool dominated = false;
        for (std::size_t j = 0; j < count && !dominated; ++j) {
            const FrontPoint& q = points[j];
            if (j == i || !std::isfinite(q.x) || !std::isfinite(q.y)) continue;
            const bool noWorse = q.x <= p.x && q.y <= p.y;
            const bool equal = q.x == p.x && q.y == p.y;
            dominated = noWorse && (!equal || j < i);
        }
        if (!dominated) front.push_back(p);
    }
    std::sort(front.begin(), front.end(), [](const FrontPoint& a, const FrontPoint& b) { return a.x < b.x; });
    return front;
}

// Random points; `levels` > 0 draws integers in [0, levels) so that ties and
// duplicates are frequent; `nanEvery` > 0 makes every such point's x or y NaN.
std::vector<FrontPoint> randomPoints(unsigned seed, std::size_t n, int levels, std::size_t nanEvery) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> uniform(0, 1);
    std::vector<FrontPoint> points;
    for (std::size_t i = 0; i < n; ++i) {
        double x = levels > 0 ? std::floor(uniform(rng) * levels) : uniform(rng);
        double y = levels > 0 ? std::floor(uniform(rng) * levels) : uniform(rng);
        if (nanEvery > 0 && i % nanEvery == nanEvery - 1) (i % 2 ? x : y) = kNaN;
        points.push_back({x, y, i});
    }
    return points;
}

}  // namespace

class TestFront : public QObject {
    Q_OBJECT
private slots:
    void matchesBruteForce_data();
    void matchesBruteForce();
    void rejectsNonFinite();
    void keepsTheFirstOfEqualPoints();
    void clearEmpties();
    void hypervolumeByHand();
    void hypervolumeCountsCells();
    void kneeOfKnownShapes();
};

void TestFront::matchesBruteForce_data() {
    QTest::addColumn<unsigned>("seed");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("levels");
    QTest::addColumn<int>("nanEvery");
    QTest::newRow("continuous, seed 1") << 1u << 300 << 0 << 0;
    QTest::newRow("continuous, seed 2") << 2u << 300 << 0 << 0;
    QTest::newRow("ties on a 12x12 grid") << 3u << 300 << 12 << 0;
    QTest::newRow("many duplicates on 4x4") << 4u << 200 << 4 << 0;
    QTest::newRow("ties and NaN") << 5u << 300 << 20 << 7;
    QTest::newRow("continuous and NaN") << 6u << 300 << 0 << 3;
}

void TestFront::matchesBruteForce() {
    QFETCH(unsigned, seed);
    QFETCH(int, count);
    QFETCH(int, levels);
    QFETCH(int, nanEvery);
    const auto points = randomPoints(seed, static_cast<std::size_t>(count), levels, static_cast<std::size_t>(nanEvery));
    Front2D front;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const bool entered = front.insert(points[i].x, points[i].y, points[i].id);
        // After every insertion: the front of the prefix, and "entered" says
        // whether the new point is on it.
        const auto expected = bruteForceFront(points, i + 1);
        const bool expectedEntered = std::any_of(expected.begin(), expected.end(),
                                                 [&](const FrontPoint& p) { return p.id == i; });
        QCOMPARE(entered, expectedEntered);
        QCOMPARE(front.points(), expected);
    }
    QVERIFY(front.size() >= 1);
}

void TestFront::rejectsNonFinite() {
    Front2D front;
    QVERIFY(!front.insert(kNaN, 1, 0));
    QVERIFY(!front.insert(1, kNaN, 1));
    QVERIFY(!front.insert(-std::numeric_limits<double>::infinity(), 1, 2));
    QVERIFY(front.empty());
    QVERIFY(front.insert(1, 1, 3));
    QVERIFY(!front.insert(0, kNaN, 4));  // NaN would compare as "not dominated"
    QCOMPARE(front.points(), (std::vector<FrontPoint>{{1, 1, 3}}));
}

void TestFront::keepsTheFirstOfEqualPoints() {
    Front2D front;
    QVERIFY(front.insert(2, 2, 0));
    QVERIFY(!front.insert(2, 2, 1));
    QVERIFY(!front.insert(2, 3, 2));  // same x, worse y
    QVERIFY(!front.insert(3, 2, 3));  // same y, worse x
    QVERIFY(front.insert(2, 1, 4));   // same x, better y: replaces point 0
    QVERIFY(front.insert(1, 5, 5));
    QCOMPARE(front.points(), (std::vector<FrontPoint>{{1, 5, 5}, {2, 1, 4}}));
    QVERIFY(front.insert(0, 0, 6));  // dominates everything
    QCOMPARE(front.points(), (std::vector<FrontPoint>{{0, 0, 6}}));
}

void TestFront::clearEmpties() {
    Front2D front;
    front.insert(1, 2, 0);
    front.insert(2, 1, 1);
    QCOMPARE(front.size(), std::size_t{2});
    front.clear();
    QVERIFY(front.empty());
    QVERIFY(front.insert(5, 5, 2));  // nothing left to dominate it
}

void TestFront::hypervolumeByHand() {
    const std::vector<FrontPoint> front = {{1, 5, 0}, {2, 3, 1}, {4, 1, 2}};
    // Strips from the right: [4,5]x[1,6] = 5, [2,4]x[3,6] = 6, [1,2]x[5,6] = 1.
    QCOMPARE(hypervolume(front, 5, 6), 12.0);
    // Only (2, 3) lies below (3, 4): [2,3]x[3,4].
    QCOMPARE(hypervolume(front, 3, 4), 1.0);
    QCOMPARE(hypervolume(front, 1, 1), 0.0);
    QCOMPARE(hypervolume({}, 5, 6), 0.0);
    QCOMPARE(hypervolume({{0.5, 0.25, 0}}, 1, 1), 0.5 * 0.75);
}

void TestFront::hypervolumeCountsCells() {
    // On integer points the dominated area is the number of unit cells whose
    // lower-left corner some point is no worse than.
    for (unsigned seed = 10; seed < 15; ++seed) {
        const auto points = randomPoints(seed, 60, 20, 0);
        Front2D front;
        for (const auto& p : points) front.insert(p.x, p.y, p.id);
        const int ref = 21;
        int cells = 0;
        for (int cx = 0; cx < ref; ++cx)
            for (int cy = 0; cy < ref; ++cy)
                cells += std::any_of(points.begin(), points.end(), [&](const FrontPoint& p) { return p.x <= cx && p.y <= cy; });
        QCOMPARE(hypervolume(front.points(), ref, ref), static_cast<double>(cells));
    }
}

void TestFront::kneeOfKnownShapes() {
    // Scaled: (0,1) (.1,.4) (.2,.2) (.5,.1) (1,0); depths below x + y = 1:
    // .5, .6, .4: the knee is (2, 2).
    std::vector<FrontPoint> convex = {{0, 10, 0}, {1, 4, 1}, {2, 2, 2}, {5, 1, 3}, {10, 0, 4}};
    QCOMPARE(kneeOf(convex), std::optional<std::size_t>(2));
    // Scaling an axis changes nothing.
    for (auto& p : convex) p.x *= 1000;
    QCOMPARE(kneeOf(convex), std::optional<std::size_t>(2));
    // An L-shaped front bends at its corner.
    QCOMPARE(kneeOf({{0, 10, 0}, {0.1, 0.2, 1}, {0.5, 0.1, 2}, {10, 0, 3}}), std::optional<std::size_t>(1));

    QCOMPARE(kneeOf({{0, 1, 0}, {1, 0, 1}}), std::nullopt);                          // too few points
    QCOMPARE(kneeOf({{0, 2, 0}, {1, 1, 1}, {2, 0, 2}}), std::nullopt);               // straight
    QCOMPARE(kneeOf({{0, 10, 0}, {8, 9, 1}, {9, 6, 2}, {10, 0, 3}}), std::nullopt);  // concave
}

QTEST_MAIN(TestFront)
#include "tst_front.moc"
