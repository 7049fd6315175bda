#include "solver/parallel/parallel_for.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

namespace tessera::solver::parallel {

int threadCount(int requested) {
    if (requested > 0) return requested;
    return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

std::vector<bool> parallelFor(std::size_t count, int threads, const std::function<void(std::size_t)>& work,
                              const std::function<bool(std::size_t)>& onDone) {
    std::vector<bool> completed(count, false);
    if (count == 0) return completed;
    const std::size_t workers = std::min<std::size_t>(count, static_cast<std::size_t>(threadCount(threads)));
    std::atomic<std::size_t> next{0};
    std::atomic<bool> stop{false};
    std::mutex mutex;
    std::condition_variable finished;
    std::deque<std::size_t> done;  // completed, not yet reported
    std::exception_ptr failure;    // the first exception of a work item or a report
    auto fail = [&](std::exception_ptr e) {
        {
            std::lock_guard lock(mutex);
            if (!failure) failure = std::move(e);
        }
        stop = true;
        finished.notify_one();
    };
    auto loop = [&] {
        for (;;) {
            if (stop.load()) return;
            const std::size_t i = next.fetch_add(1);
            if (i >= count) return;
            try {
                work(i);
            } catch (...) {
                fail(std::current_exception());
                return;
            }
            {
                std::lock_guard lock(mutex);
                done.push_back(i);
            }
            finished.notify_one();
        }
    };
    if (workers == 1) {
        // No thread needed: work and report in turn.
        for (std::size_t i = 0; i < count && !stop.load(); ++i) {
            work(i);
            completed[i] = true;
            if (!onDone(i)) stop = true;
        }
        return completed;  // exceptions propagate as they are: no thread to join
    }
    // The workers compute; the calling thread only reports (it sleeps meanwhile).
    std::vector<std::thread> pool;
    for (std::size_t t = 0; t < workers; ++t) pool.emplace_back(loop);
    std::size_t reported = 0;
    for (;;) {
        std::unique_lock lock(mutex);
        finished.wait(lock, [&] {
            return !done.empty() || (stop.load() && reported == std::min(count, next.load())) || failure;
        });
        if (failure) {
            // A worker or a report threw: stop, let the workers finish, rethrow here.
            stop = true;
            lock.unlock();
            for (auto& t : pool) t.join();
            std::rethrow_exception(failure);
        }
        while (!done.empty()) {
            const std::size_t i = done.front();
            done.pop_front();
            lock.unlock();
            completed[i] = true;
            ++reported;
            try {
                if (!stop.load() && !onDone(i)) stop = true;
            } catch (...) {
                fail(std::current_exception());
            }
            lock.lock();
        }
        if (reported == count || (stop.load() && reported == std::min(count, next.load()))) break;
    }
    for (auto& t : pool) t.join();
    if (failure) std::rethrow_exception(failure);
    // Items that finished after the last report (stopped runs) are kept.
    for (std::size_t i : done) completed[i] = true;
    return completed;
}

}  // namespace tessera::solver::parallel
