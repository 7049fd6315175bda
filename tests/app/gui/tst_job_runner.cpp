// The GUI's one job runner: results come back on the runner's thread, errors
// become messages, a newer job on a channel supersedes (and cancels) the
// older one, whose result is dropped, and cancel drops results.

#include <QtTest>

#include <QSignalSpy>
#include <QThread>
#include <atomic>
#include <stdexcept>

#include "app/gui/job_runner.h"

using tessera::gui::JobContext;
using tessera::gui::JobRunner;

class TestJobRunner : public QObject {
    Q_OBJECT
private slots:
    void deliversOnTheRunnersThread() {
        JobRunner runner;
        QThread* workerThread = nullptr;
        QThread* doneThread = nullptr;
        int result = 0;
        runner.start<int>(
            "calc",
            [&](JobContext&) {
                workerThread = QThread::currentThread();
                return 6 * 7;
            },
            [&](int v) {
                doneThread = QThread::currentThread();
                result = v;
            });
        QTRY_COMPARE(result, 42);
        QVERIFY(workerThread != QThread::currentThread());
        QCOMPARE(doneThread, QThread::currentThread());
        QTRY_VERIFY(!runner.isRunning("calc"));
    }

    void exceptionsBecomeMessages() {
        JobRunner runner;
        QString message;
        bool done = false;
        runner.start<int>(
            "bad", [](JobContext&) -> int { throw std::runtime_error("net.json: layers[2].kernel: must be positive"); },
            [&](int) { done = true; }, [&](const QString& m) { message = m; });
        QTRY_COMPARE(message, QStringLiteral("net.json: layers[2].kernel: must be positive"));
        QVERIFY(!done);
    }

    void newerJobSupersedesOlder() {
        JobRunner runner;
        std::atomic<bool> release{false};
        std::atomic<bool> firstSawCancel{false};
        std::atomic<bool> firstRunning{false};
        QStringList delivered;
        runner.start<QString>(
            "open",
            [&](JobContext& ctx) {
                firstRunning = true;
                while (!release.load()) QThread::msleep(1);
                firstSawCancel = ctx.isCancelled();
                return QStringLiteral("first");
            },
            [&](QString v) { delivered << v; });
        QTRY_VERIFY(firstRunning.load());  // (a job cancelled before it starts never runs)
        const quint64 second = runner.start<QString>(
            "open", [](JobContext&) { return QStringLiteral("second"); }, [&](QString v) { delivered << v; });
        QCOMPARE(runner.currentJob("open"), second);
        QTRY_COMPARE(delivered, QStringList{"second"});
        release = true;
        QTRY_VERIFY(firstSawCancel.load());
        QTest::qWait(50);  // the first job's completion must not be delivered
        QCOMPARE(delivered, QStringList{"second"});
    }

    void cancelDropsTheResult() {
        JobRunner runner;
        std::atomic<bool> release{false};
        bool delivered = false;
        QSignalSpy finished(&runner, &JobRunner::finished);
        runner.start<int>(
            "layout",
            [&](JobContext& ctx) {
                while (!release.load() && !ctx.isCancelled()) QThread::msleep(1);
                return 1;
            },
            [&](int) { delivered = true; });
        QVERIFY(runner.isRunning("layout"));
        runner.cancel("layout");
        QVERIFY(!runner.isRunning("layout"));
        release = true;
        QTest::qWait(100);
        QVERIFY(!delivered);
    }

    void progressCarriesMessages() {
        JobRunner runner;
        QSignalSpy spy(&runner, &JobRunner::progress);
        bool done = false;
        runner.start<int>(
            "work",
            [](JobContext& ctx) {
                for (int i = 0; i <= 100; i += 50) {
                    ctx.progress(i, QStringLiteral("step %1").arg(i));
                    QThread::msleep(20);
                }
                return 0;
            },
            [&](int) { done = true; });
        QTRY_VERIFY(done);
        QVERIFY(!spy.isEmpty());
        bool sawMessage = false;
        for (const auto& args : spy) {
            QCOMPARE(args.at(0).toString(), QStringLiteral("work"));
            sawMessage = sawMessage || args.at(2).toString().startsWith("step");
        }
        QVERIFY(sawMessage);
    }

    void channelsAreIndependent() {
        JobRunner runner;
        int a = 0, b = 0;
        runner.start<int>("a", [](JobContext&) { QThread::msleep(30); return 1; }, [&](int v) { a = v; });
        runner.start<int>("b", [](JobContext&) { return 2; }, [&](int v) { b = v; });
        QTRY_COMPARE(a, 1);
        QTRY_COMPARE(b, 2);
    }
};

QTEST_GUILESS_MAIN(TestJobRunner)
#include "tst_job_runner.moc"
