#pragma once
// The one way long work leaves the GUI thread.
//
// A job belongs to a channel (e.g. "open network"). Starting a job on a
// channel cancels the job running there; a cancelled or superseded job's
// result is dropped, never delivered. Work runs through QtConcurrent with a
// QPromise on the runner's own thread pool; results come back to the GUI
// thread through a QFutureWatcher (queued), so the callbacks run on the
// thread that owns the runner. Exceptions never cross threads: the work's
// std::exception becomes the failure callback's message.

#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QPromise>
#include <QString>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <utility>

namespace tessera::gui {

// What a job sees of its runner: report progress and check for cancellation.
class JobContext {
public:
    virtual ~JobContext() = default;
    // percent in [0, 100]; returns false when the job was cancelled and
    // should stop at once (its result will be dropped anyway).
    virtual bool progress(int percent, const QString& message) = 0;
    virtual bool isCancelled() const = 0;
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
    // superseded by a later start() on the same channel. Returns the job id.
    template <typename T>
    quint64 start(const QString& channel, std::function<T(JobContext&)> work, std::function<void(T)> done,
                  std::function<void(const QString&)> failed = {});

    // Cancels the channel's job, if any; its result will be dropped.
    void cancel(const QString& channel);
    bool isRunning(const QString& channel) const { return m_current.contains(channel); }
    // Id of the channel's running job, 0 when none.
    quint64 currentJob(const QString& channel) const { return m_current.value(channel).id; }

signals:
    // Progress of the channel's current job (stale jobs' progress is dropped).
    void progress(const QString& channel, int percent, const QString& message);
    // A job started on the channel / the channel's current job ended (done,
    // failed or cancelled without a successor).
    void started(const QString& channel, quint64 jobId);
    void finished(const QString& channel, quint64 jobId);

private:
    template <typename T>
    struct Outcome {
        std::optional<T> value;
        QString error;
    };

    template <typename T>
    class PromiseContext final : public JobContext {
    public:
        explicit PromiseContext(QPromise<Outcome<T>>& promise) : m_promise(promise) {}
        bool progress(int percent, const QString& message) override {
            if (m_promise.isCanceled()) return false;
            m_promise.setProgressValueAndText(percent, message);
            return !m_promise.isCanceled();
        }
        bool isCancelled() const override { return m_promise.isCanceled(); }

    private:
        QPromise<Outcome<T>>& m_promise;
    };

    struct Running {
        quint64 id = 0;
        std::function<void()> cancel;
    };

    bool isCurrent(const QString& channel, quint64 id) const { return m_current.value(channel).id == id; }
    void endJob(const QString& channel, quint64 id);

    QThreadPool m_pool;
    QHash<QString, Running> m_current;
    quint64 m_nextId = 1;
};

template <typename T>
quint64 JobRunner::start(const QString& channel, std::function<T(JobContext&)> work, std::function<void(T)> done,
                         std::function<void(const QString&)> failed) {
    cancel(channel);
    const quint64 id = m_nextId++;

    auto* watcher = new QFutureWatcher<Outcome<T>>(this);
    connect(watcher, &QFutureWatcherBase::progressValueChanged, this, [this, channel, id, watcher](int percent) {
        if (isCurrent(channel, id)) emit progress(channel, percent, watcher->progressText());
    });
    connect(watcher, &QFutureWatcherBase::finished, this, [this, channel, id, watcher, done, failed]() {
        watcher->deleteLater();
        if (!isCurrent(channel, id)) return;  // superseded or cancelled: drop
        endJob(channel, id);
        const QFuture<Outcome<T>> future = watcher->future();
        if (future.isCanceled() || future.resultCount() == 0) return;
        Outcome<T> outcome = future.result();
        if (outcome.value) {
            if (done) done(std::move(*outcome.value));
        } else if (!outcome.error.isEmpty()) {
            if (failed) failed(outcome.error);
        }
    });

    QFuture<Outcome<T>> future = QtConcurrent::run(&m_pool, [work = std::move(work)](QPromise<Outcome<T>>& promise) {
        PromiseContext<T> context(promise);
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
    m_current.insert(channel, Running{id, [future]() mutable { future.cancel(); }});
    watcher->setFuture(future);
    emit started(channel, id);
    return id;
}

}  // namespace tessera::gui
