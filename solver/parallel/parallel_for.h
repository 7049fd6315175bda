#pragma once
// Independent work items on every core, reported on the calling thread: the
// strategies' one way to use the machine (per-layer solves, sweeps). Plain
// std::thread; no thread pool survives the call.

#include <cstddef>
#include <functional>
#include <vector>

namespace tessera::solver::parallel {

// The number of threads `requested` means: 0 is every core the machine has.
int threadCount(int requested);

// Runs work(i) for every i in [0, count) on up to `threads` threads (0: every
// core), handing items out in index order. After each item completes, the
// calling thread runs onDone(i), in completion order, never concurrently;
// when it returns false no further item is started (those running finish).
// When work or onDone throws, no further item is started, the running ones
// finish and the first exception is rethrown on the calling thread.
// Returns which items completed.
std::vector<bool> parallelFor(std::size_t count, int threads, const std::function<void(std::size_t)>& work,
                              const std::function<bool(std::size_t)>& onDone);

}  // namespace tessera::solver::parallel
