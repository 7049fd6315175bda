#include "job_runner.h"

namespace tessera::gui {

JobRunner::JobRunner(QObject* parent) : QObject(parent) {
    // Two workers: one job per channel is current, and a cancelled job may
    // still be finishing an uninterruptible step (a Graphviz layout).
    m_pool.setMaxThreadCount(2);
}

JobRunner::~JobRunner() {
    const auto running = m_current;
    m_current.clear();
    for (const Running& job : running) job.cancel();
    m_pool.waitForDone();
}

void JobRunner::cancel(const QString& channel) {
    const auto it = m_current.find(channel);
    if (it == m_current.end()) return;
    const Running job = it.value();
    m_current.erase(it);
    job.cancel();
    emit finished(channel, job.id);
}

void JobRunner::endJob(const QString& channel, quint64 id) {
    m_current.remove(channel);
    emit finished(channel, id);
}

}  // namespace tessera::gui
