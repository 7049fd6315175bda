#pragma once
// The one way long work leaves the GUI thread.
//
// A job runs in a JobSlot: one line of work with its own signals (opening a
// network, running an exploration, saving). Starting a job in a slot
// cancels the job running there; a cancelled or superseded job's result,
// partial results and progress are dropped, never delivered. Work runs
// through QtConcurrent with a QPromise on the runner's own thread pool;
// results come back to the GUI thread through a QFutureWatcher (queued), so
// the callbacks run on the thread that owns the runner. Exceptions never
// cross threads: the work's std::exception becomes the failure callback's
// message. Progress is throttled by Qt (at most 25 updates a second), so a
// chatty job cannot flood the GUI thread.

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QPromise>
#include <QString>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>
#include <functional>
#include <optional>
#include <utility>

namespace tessera::gui {

// What a job sees of its runner: report progress, hand partial results to
// the GUI thread, and check for cancellation.
class JobContext {
public:
    virtual ~JobContext() = default;
    // fraction in [0, 1]; returns false when the job was cancelled and
    // should stop at once (its result will be dropped anyway).
    virtual bool progress(double fraction, const QString& message) = 0;
    virtual bool isCancelled() const = 0;
    // Runs `onGuiThread` on the runner's thread, soon, unless the job has
    // been cancelled or superseded by then (partial results).
    virtual void deliver(std::function<void()> onGuiThread) = 0;
};

// One line of work. Its signals describe only its current job.
class JobSlot : public QObject {
    Q_OBJECT
public:
    explicit JobSlot(QObject* parent = nullptr) : QObject(parent) {}
    ~JobSlot() override { cancel(); }

    bool isRunning() const { return m_job != 0; }
    // Id of the running job, 0 when none.
    quint64 currentJob() const { return m_job; }
    // Cancels the running job, if any: its result is dropped, finished() is
    // emitted now.
    void cancel();

signals:
    void started(quint64 job);
    // fraction in [0, 1]; secondsLeft estimated from the time so far, or
    // negative while there is too little to go on.
    void progress(double fraction, const QString& message, double secondsLeft);
    // The job ended: done, failed or cancelled.
    void finished(quint64 job);

private:
    friend class JobRunner;
    void begin(quint64 job, std::function<void()> cancel);
    void end(quint64 job);
    void report(quint64 job, double fraction, const QString& message);

    quint64 m_job = 0;
    std::function<void()> m_cancel;
    QElapsedTimer m_clock;
};

class JobRunner : public QObject {
    Q_OBJECT
public:
    explicit JobRunner(QObject* parent = nullptr);
    // Cancels every job and waits for the workers: a job must not outlive
    // the callbacks' owners. Jobs stop at their next progress check.
    ~JobRunner() override;

    // Runs work(context) in a worker thread; on the runner's thread, calls
    // done(result) or failed(message) unless the job was cancelled or
    // superseded by a later start() in the same slot. Returns the job id.
    template <typename T>
    quint64 start(JobSlot& slot, std::function<T(JobContext&)> work, std::function<void(T)> done,
                  std::function<void(const QString&)> failed = {});

private:
    template <typename T>
    struct Outcome {
        std::optional<T> value;
        QString error;
    };

    static constexpr int kProgressScale = 10000;

    template <typename T>
    class PromiseContext final : public JobContext {
    public:
        PromiseContext(QPromise<Outcome<T>>& promise, JobRunner* runner, QPointer<JobSlot> slot, quint64 job)
            : m_promise(promise), m_runner(runner), m_slot(std::move(slot)), m_job(job) {}
        bool progress(double fraction, const QString& message) override {
            if (m_promise.isCanceled()) return false;
            const double f = fraction < 0 ? 0 : fraction > 1 ? 1 : fraction;
            m_promise.setProgressValueAndText(static_cast<int>(f * kProgressScale), message);
            return !m_promise.isCanceled();
        }
        bool isCancelled() const override { return m_promise.isCanceled(); }
        void deliver(std::function<void()> onGuiThread) override {
            if (m_promise.isCanceled()) return;
            QMetaObject::invokeMethod(
                m_runner,
                [slot = m_slot, job = m_job, fn = std::move(onGuiThread)]() {
                    if (slot && slot->currentJob() == job) fn();
                },
                Qt::QueuedConnection);
        }

    private:
        QPromise<Outcome<T>>& m_promise;
        JobRunner* m_runner;
        QPointer<JobSlot> m_slot;
        quint64 m_job;
    };

    QThreadPool m_pool;
    quint64 m_nextId = 1;
};

template <typename T>
quint64 JobRunner::start(JobSlot& slot, std::function<T(JobContext&)> work, std::function<void(T)> done,
                         std::function<void(const QString&)> failed) {
    slot.cancel();
    const quint64 id = m_nextId++;
    QPointer<JobSlot> target(&slot);

    auto* watcher = new QFutureWatcher<Outcome<T>>(this);
    connect(watcher, &QFutureWatcherBase::progressValueChanged, this, [target, id, watcher](int value) {
        if (target) target->report(id, static_cast<double>(value) / kProgressScale, watcher->progressText());
    });
    connect(watcher, &QFutureWatcherBase::finished, this, [target, id, watcher, done, failed]() {
        watcher->deleteLater();
        if (!target || target->currentJob() != id) return;  // superseded or cancelled: drop
        target->end(id);
        QFuture<Outcome<T>> future = watcher->future();
        if (future.isCanceled() || future.resultCount() == 0) return;
        // Moved out, not copied: a result can be a large exploration, and
        // neither copying it nor freeing the future's copy belongs on this thread.
        Outcome<T> outcome = future.takeResult();
        if (outcome.value) {
            if (done) done(std::move(*outcome.value));
        } else if (!outcome.error.isEmpty()) {
            if (failed) failed(outcome.error);
        }
    });

    QFuture<Outcome<T>> future =
        QtConcurrent::run(&m_pool, [this, target, id, work = std::move(work)](QPromise<Outcome<T>>& promise) {
            promise.setProgressRange(0, kProgressScale);
            PromiseContext<T> context(promise, this, target, id);
            Outcome<T> outcome;
            try {
                outcome.value.emplace(work(context));
            } catch (const std::exception& e) {
                outcome.error = QString::fromUtf8(e.what());
            } catch (...) {
                outcome.error = QStringLiteral("unexpected error in a background job");
            }
            if (!promise.isCanceled()) promise.addResult(std::move(outcome));
        });
    slot.begin(id, [future]() mutable { future.cancel(); });
    watcher->setFuture(future);
    return id;
}

}  // namespace tessera::gui
