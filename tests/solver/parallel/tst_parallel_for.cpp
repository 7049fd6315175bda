// parallelFor: every item once, reports on the calling thread, stopping, and
// an exception in a work item or a report rethrown on the calling thread
// after the workers are joined (never std::terminate).

#include <QtTest>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

#include "solver/parallel/parallel_for.h"

using tessera::solver::parallel::parallelFor;

class TestParallelFor : public QObject {
    Q_OBJECT
private slots:
    void everyItemOnceReportedOnTheCaller() {
        for (int threads : {1, 2, 4, 8}) {
            std::vector<std::atomic<int>> runs(500);
            std::vector<int> reports(500, 0);
            const auto caller = std::this_thread::get_id();
            bool reportedElsewhere = false;
            const auto completed = parallelFor(
                runs.size(), threads, [&](std::size_t i) { ++runs[i]; },
                [&](std::size_t i) {
                    ++reports[i];
                    reportedElsewhere = reportedElsewhere || std::this_thread::get_id() != caller;
                    return true;
                });
            QVERIFY(!reportedElsewhere);
            for (std::size_t i = 0; i < runs.size(); ++i) {
                QCOMPARE(runs[i].load(), 1);
                QCOMPARE(reports[i], 1);
                QVERIFY(completed[i]);
            }
        }
    }

    void stopsStartingItems() {
        // The first report stops: the items already running finish, no
        // others start (1,000 items of 1 ms leave the caller ample time).
        std::atomic<int> started{0};
        const auto completed = parallelFor(
            1000, 2,
            [&](std::size_t) {
                ++started;
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            },
            [&](std::size_t) { return false; });
        const auto done = std::count(completed.begin(), completed.end(), true);
        QVERIFY(done >= 1 && done < 1000);
        QCOMPARE(started.load(), static_cast<int>(done));
    }

    void workExceptionIsRethrownOnTheCaller() {
        for (int threads : {1, 3}) {
            bool caught = false;
            try {
                parallelFor(
                    100, threads,
                    [](std::size_t i) {
                        if (i == 17) throw std::runtime_error("item 17 failed");
                    },
                    [](std::size_t) { return true; });
            } catch (const std::runtime_error& e) {
                caught = std::string(e.what()) == "item 17 failed";
            }
            QVERIFY(caught);
        }
    }

    void reportExceptionIsRethrownOnTheCaller() {
        bool caught = false;
        try {
            parallelFor(
                50, 4, [](std::size_t) {},
                [](std::size_t i) {
                    if (i == 3) throw std::runtime_error("save failed");
                    return true;
                });
        } catch (const std::runtime_error& e) {
            caught = std::string(e.what()) == "save failed";
        }
        QVERIFY(caught);
    }
};

QTEST_APPLESS_MAIN(TestParallelFor)
#include "tst_parallel_for.moc"
