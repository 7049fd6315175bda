#include "job_runner.h"

namespace tessera::gui {

namespace {
// Too early to extrapolate: below this much done or this much time spent,
// the time left is unknown.
constexpr double kMinFractionForEstimate = 0.02;
constexpr qint64 kMinMillisecondsForEstimate = 500;
}  // namespace

void JobSlot::cancel() {
    if (m_job == 0) return;
    const quint64 job = m_job;
    const auto stop = std::move(m_cancel);
    m_job = 0;
    m_cancel = {};
    if (stop) stop();
    emit finished(job);
}

void JobSlot::begin(quint64 job, std::function<void()> cancel) {
    m_job = job;
    m_cancel = std::move(cancel);
    m_clock.start();
    emit started(job);
}

void JobSlot::end(quint64 job) {
    if (m_job != job) return;
    m_job = 0;
    m_cancel = {};
    emit finished(job);
}

void JobSlot::report(quint64 job, double fraction, const QString& message) {
    if (m_job != job) return;
    const qint64 elapsed = m_clock.elapsed();
    double left = -1;
    if (fraction >= kMinFractionForEstimate && elapsed >= kMinMillisecondsForEstimate)
        left = static_cast<double>(elapsed) / 1000.0 * (1.0 - fraction) / fraction;
    emit progress(fraction, message, left);
}

JobRunner::JobRunner(QObject* parent) : QObject(parent) {
    // A few workers: a network opening, an exploration and a save may run at
    // once, and a cancelled job may still be finishing an uninterruptible
    // step (a Graphviz layout). Explorations use their own threads.
    m_pool.setMaxThreadCount(4);
}

JobRunner::~JobRunner() {
    // The slots' cancel functions hold the futures; cancelling through them
    // would emit signals into a window being destroyed, so cancel the pool's
    // work by waiting: every job checks its promise at its next progress.
    m_pool.clear();
    for (QObject* child : children())
        if (auto* watcher = qobject_cast<QFutureWatcherBase*>(child)) watcher->cancel();
    m_pool.waitForDone();
}

}  // namespace tessera::gui
