// The GUI's one job runner: results come back on the runner's thread, errors
// become messages, a newer job in a slot supersedes (and cancels) the older
// one, whose result, partial results and progress are dropped; cancel drops
// results and the work sees it at its next check; progress carries a
// fraction, a message and an estimate of the time left.

#include <QtTest>

#include <QSignalSpy>
#include <QThread>
#include <atomic>
#include <memory>
#include <stdexcept>

#include "app/gui/job_runner.h"

using tessera::gui::JobContext;
using tessera::gui::JobRunner;
using tessera::gui::JobSlot;

class TestJobRunner : public QObject {
    Q_OBJECT
private slots:
    void deliversOnTheRunnersThread() {
        JobRunner runner;
        JobSlot slot;
        QThread* workerThread = nullptr;
        QThread* doneThread = nullptr;
        int result = 0;
        QSignalSpy started(&slot, &JobSlot::started);
        QSignalSpy finished(&slot, &JobSlot::finished);
        const quint64 id = runner.start<int>(
            slot,
            [&](JobContext&) {
                workerThread = QThread::currentThread();
                return 6 * 7;
            },
            [&](int v) {
                doneThread = QThread::currentThread();
                result = v;
            });
        QCOMPARE(started.size(), 1);
        QCOMPARE(started.front().front().toULongLong(), id);
        QTRY_COMPARE(result, 42);
        QVERIFY(workerThread != QThread::currentThread());
        QCOMPARE(doneThread, QThread::currentThread());
        QVERIFY(!slot.isRunning());
        QCOMPARE(finished.size(), 1);
    }

    void exceptionsBecomeMessages() {
        JobRunner runner;
        JobSlot slot;
        QString message;
        bool done = false;
        runner.start<int>(
            slot, [](JobContext&) -> int { throw std::runtime_error("net.json: layers[2].kernel: must be positive"); },
            [&](int) { done = true; }, [&](const QString& m) { message = m; });
        QTRY_COMPARE(message, QStringLiteral("net.json: layers[2].kernel: must be positive"));
        QVERIFY(!done);
    }

    void newerJobSupersedesOlder() {
        JobRunner runner;
        JobSlot slot;
        std::atomic<bool> release{false};
        std::atomic<bool> firstSawCancel{false};
        std::atomic<bool> firstRunning{false};
        QStringList delivered;
        QStringList partials;
        runner.start<QString>(
            slot,
            [&](JobContext& ctx) {
                firstRunning = true;
                while (!release.load()) QThread::msleep(1);
                firstSawCancel = ctx.isCancelled();
                // A superseded job's partial results never arrive.
                ctx.deliver([&]() { partials << QStringLiteral("first"); });
                return QStringLiteral("first");
            },
            [&](QString v) { delivered << v; });
        QTRY_VERIFY(firstRunning.load());  // (a job cancelled before it starts never runs)
        const quint64 second = runner.start<QString>(
            slot, [](JobContext&) { return QStringLiteral("second"); }, [&](QString v) { delivered << v; });
        QCOMPARE(slot.currentJob(), second);
        QTRY_COMPARE(delivered, QStringList{"second"});
        release = true;
        QTRY_VERIFY(firstSawCancel.load());
        QTest::qWait(50);  // the first job's completion must not be delivered
        QCOMPARE(delivered, QStringList{"second"});
        QVERIFY(partials.isEmpty());
    }

    void cancelDropsTheResultAndStopsTheWork() {
        JobRunner runner;
        JobSlot slot;
        std::atomic<bool> stopped{false};
        bool delivered = false;
        QSignalSpy finished(&slot, &JobSlot::finished);
        runner.start<int>(
            slot,
            [&](JobContext& ctx) {
                // A long job that checks its progress callback, as strategies do.
                for (int i = 0; i < 1000000; ++i) {
                    if (!ctx.progress(i / 1e6, QStringLiteral("step"))) {
                        stopped = true;
                        return -1;
                    }
                    QThread::usleep(100);
                }
                return 1;
            },
            [&](int) { delivered = true; });
        QVERIFY(slot.isRunning());
        QTest::qWait(20);
        slot.cancel();
        QVERIFY(!slot.isRunning());
        QCOMPARE(finished.size(), 1);  // at once, not when the worker notices
        QTRY_VERIFY(stopped.load());
        QTest::qWait(50);
        QVERIFY(!delivered);
        QCOMPARE(finished.size(), 1);
    }

    void partialResultsArriveWhileRunning() {
        JobRunner runner;
        JobSlot slot;
        QList<int> partials;
        int result = 0;
        std::atomic<bool> sawAll{false};
        runner.start<int>(
            slot,
            [&](JobContext& ctx) {
                for (int i = 1; i <= 3; ++i) ctx.deliver([&partials, i]() { partials << i; });
                while (!sawAll.load()) QThread::msleep(1);  // the GUI thread got them before the end
                return 4;
            },
            [&](int v) { result = v; });
        QTRY_COMPARE(partials, (QList<int>{1, 2, 3}));
        QCOMPARE(result, 0);
        sawAll = true;
        QTRY_COMPARE(result, 4);
    }

    void progressCarriesFractionMessageAndTimeLeft() {
        JobRunner runner;
        JobSlot slot;
        QSignalSpy spy(&slot, &JobSlot::progress);
        bool done = false;
        runner.start<int>(
            slot,
            [](JobContext& ctx) {
                for (int i = 1; i <= 20; ++i) {
                    ctx.progress(i / 20.0, QStringLiteral("step %1").arg(i));
                    QThread::msleep(60);
                }
                return 0;
            },
            [&](int) { done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QVERIFY(!spy.isEmpty());
        bool sawEstimate = false;
        bool sawMessage = false;
        double last = 0;
        for (const auto& args : spy) {
            const double fraction = args.at(0).toDouble();
            QVERIFY(fraction >= last);  // never backwards
            QVERIFY(fraction <= 1.0);
            last = fraction;
            // (the runner's own first report, at 0, carries no message)
            const QString message = args.at(1).toString();
            QVERIFY2(message.isEmpty() || message.startsWith(QStringLiteral("step")), qPrintable(message));
            sawMessage = sawMessage || !message.isEmpty();
            const double left = args.at(2).toDouble();
            // Time left, once known, is what the elapsed time says: at most
            // the whole job's 1.2 s, with room for a loaded machine.
            if (left >= 0) {
                sawEstimate = true;
                QVERIFY2(left < 60, qPrintable(QString::number(left)));
            }
        }
        QVERIFY(sawEstimate);
        QVERIFY(sawMessage);
    }

    void slotsAreIndependent() {
        JobRunner runner;
        JobSlot a, b;
        int ra = 0, rb = 0;
        runner.start<int>(a, [](JobContext&) { QThread::msleep(30); return 1; }, [&](int v) { ra = v; });
        runner.start<int>(b, [](JobContext&) { return 2; }, [&](int v) { rb = v; });
        QTRY_COMPARE(ra, 1);
        QTRY_COMPARE(rb, 2);
    }

    void slotDestroyedWhileRunningDropsEverything() {
        JobRunner runner;
        auto slot = std::make_unique<JobSlot>();
        std::atomic<bool> cancelled{false};
        std::atomic<bool> running{false};
        bool delivered = false;
        runner.start<int>(
            *slot,
            [&](JobContext& ctx) {
                running = true;
                while (!ctx.isCancelled()) QThread::msleep(1);
                cancelled = true;
                ctx.deliver([&]() { delivered = true; });
                return 1;
            },
            [&](int) { delivered = true; });
        QTRY_VERIFY(running.load());  // (a job cancelled before it starts never runs)
        slot.reset();
        QTRY_VERIFY(cancelled.load());
        QTest::qWait(50);
        QVERIFY(!delivered);
    }
};

QTEST_GUILESS_MAIN(TestJobRunner)
#include "tst_job_runner.moc"
