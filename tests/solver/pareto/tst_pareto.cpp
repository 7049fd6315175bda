// The project's one non-dominated filter against a brute-force definition of
// dominance on random point sets (with many ties), plus its tolerance and
// ordering rules.

#include <QtTest>

#include <random>
#include <set>

#include "solver/pareto/pareto.h"

using tessera::solver::pareto::nonDominated;
using tessera::solver::pareto::Objectives;

namespace {

bool dominates(const Objectives& a, const Objectives& b) {
    return a.first <= b.first && a.second <= b.second && (a.first < b.first || a.second < b.second);
}

}  // namespace

class TestPareto : public QObject {
    Q_OBJECT
private slots:
    void matchesBruteForceDominance() {
        std::mt19937_64 rng(7);
        std::uniform_int_distribution<int> coord(0, 12);  // small grid: many ties
        for (int round = 0; round < 300; ++round) {
            std::vector<Objectives> pts(static_cast<std::size_t>(1 + round % 40));
            for (auto& p : pts) p = {static_cast<double>(coord(rng)), static_cast<double>(coord(rng))};
            const std::vector<std::size_t> front = nonDominated(pts);
            // Exactly one representative per distinct non-dominated point.
            std::set<std::pair<double, double>> expected;
            for (const auto& p : pts) {
                bool dominated = false;
                for (const auto& q : pts) dominated = dominated || dominates(q, p);
                if (!dominated) expected.insert({p.first, p.second});
            }
            std::set<std::pair<double, double>> got;
            for (std::size_t i : front) got.insert({pts[i].first, pts[i].second});
            QCOMPARE(got, expected);
            QCOMPARE(front.size(), expected.size());
            // Ordered by the first objective, the second strictly falling.
            for (std::size_t k = 1; k < front.size(); ++k) {
                QVERIFY(pts[front[k - 1]].first < pts[front[k]].first);
                QVERIFY(pts[front[k - 1]].second > pts[front[k]].second);
            }
        }
    }

    void keepsTheFirstOfEqualPoints() {
        const std::vector<Objectives> pts{{2, 5}, {1, 9}, {2, 5}, {1, 9}, {3, 1}};
        QCOMPARE(nonDominated(pts), (std::vector<std::size_t>{1, 0, 4}));
    }

    void toleranceDropsNearDuplicates() {
        const std::vector<Objectives> pts{{1, 10}, {2, 10 * (1 - 1e-12)}, {3, 9}};
        QCOMPARE(nonDominated(pts), (std::vector<std::size_t>{0, 1, 2}));
        QCOMPARE(nonDominated(pts, 1e-9), (std::vector<std::size_t>{0, 2}));
    }

    void nanNeverJoins() {
        const std::vector<Objectives> pts{{1, std::nan("")}, {2, 3}, {std::nan(""), 1}};
        QCOMPARE(nonDominated(pts), (std::vector<std::size_t>{1}));
        QVERIFY(nonDominated({}).empty());
    }
};

QTEST_APPLESS_MAIN(TestPareto)
#include "tst_pareto.moc"
