#pragma once
// The exploration store: one SQLite file (through SQLite's C API) holding
// explorations, their inputs and their design points in a normalised schema,
// with every point's KPIs in columns so that filtering and sorting many
// points is a query. Reopening an exploration gives back exactly what was
// saved. Schema, migrations and concurrency: docs/explorations.md.
//
// Opening or using a store is an I/O edge: problems (not a Tessera database,
// a newer schema, a read-only, locked or corrupt file) throw FormatError
// "<file>: <what is wrong>", and change nothing in the file.

#include <cstdint>
#include <filesystem>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/explore/exploration.h"
#include "core/types.h"

namespace tessera::core {

// What `list` reports of an exploration.
struct ExplorationSummary {
    std::int64_t id = 0;
    std::string name;
    std::string network;
    std::string platform;
    std::string strategy;
    std::int64_t points = 0;
    std::string created;
    Status status = Status::Optimal;
    std::vector<std::string> tags;  // sorted
    // The least latency and energy over the feasible points (baselines
    // included); NaN when no feasible point has the KPI.
    double bestLatencyMs = kNoValue, bestEnergyMj = kNoValue;
    std::string notes;              // the exploration's own (not its points')
};

// Which explorations `list` reports; empty fields match everything.
struct ExplorationFilter {
    std::string network;
    std::string strategy;
    std::string tag;
};

// Which design points queryPoints returns, across every exploration. The
// KPI bounds are inclusive; a point without the KPI (NaN) never passes a
// finite bound of it, and infinite bounds filter nothing.
struct PointQuery {
    std::string strategy;          // empty: any
    std::string network;           // the network's name; empty: any
    std::vector<std::int64_t> explorations;  // only these explorations' points; empty: any
    bool feasibleOnly = false;
    bool includeBaselines = true;
    double minLatencyMs = -std::numeric_limits<double>::infinity(), maxLatencyMs = std::numeric_limits<double>::infinity();
    double minEnergyMj = -std::numeric_limits<double>::infinity(), maxEnergyMj = std::numeric_limits<double>::infinity();
    double minPowerW = -std::numeric_limits<double>::infinity(), maxPowerW = std::numeric_limits<double>::infinity();
    enum class Order { LatencyThenEnergy, EnergyThenLatency };
    Order order = Order::LatencyThenEnergy;  // points without the first KPI last
    std::size_t limit = 1000;      // at most this many rows
};

// One design point as queryPoints reports it (the KPIs; load() for the rest).
struct PointSummary {
    std::int64_t exploration = 0;  // its exploration's id
    std::int64_t index = 0;        // its index K in that exploration
    std::string name;              // its exploration's name
    std::string label;
    std::string strategy;
    std::string network;
    Status status = Status::Optimal;
    double latencyMs = kNoValue, energyMj = kNoValue, powerW = kNoValue;
    bool feasible = true, baseline = false, onFront = false;
};

class ExplorationStore {
public:
    // The schema version this build writes (PRAGMA user_version).
    static constexpr int kSchemaVersion = 3;

    // $XDG_DATA_HOME/tessera/explorations.sqlite, else
    // ~/.local/share/tessera/explorations.sqlite.
    static std::filesystem::path defaultPath();

    // Opens the database at `file`, creating it (and its folder) when absent
    // and migrating an older schema in one transaction. With readOnly, a
    // missing file is an error and nothing is ever written.
    explicit ExplorationStore(const std::filesystem::path& file, bool readOnly = false);
    ~ExplorationStore();
    ExplorationStore(ExplorationStore&&) noexcept;
    ExplorationStore& operator=(ExplorationStore&&) noexcept;
    ExplorationStore(const ExplorationStore&) = delete;
    ExplorationStore& operator=(const ExplorationStore&) = delete;

    const std::filesystem::path& path() const;
    // false when the store was opened read-only or the file cannot be
    // written (save, rename, addTag, setNotes, setPointNotes and remove
    // would throw).
    bool writable() const;

    // Saves `exploration` as a new one (its id is ignored) in one
    // transaction and returns the new id. Another process may save into the
    // same file at the same time (WAL, busy timeout).
    std::int64_t save(const Exploration& exploration);
    // The exploration as saved, id included; nullopt when there is none.
    std::optional<Exploration> load(std::int64_t id) const;
    // Summaries, newest first, read in one query whatever their number.
    std::vector<ExplorationSummary> list(const ExplorationFilter& filter = {}) const;
    // false when there is no exploration `id`.
    bool rename(std::int64_t id, const std::string& name);
    bool addTag(std::int64_t id, const std::string& tag);
    // Replace the user's notes (plain or Markdown text; empty clears them)
    // of exploration `exploration`, or of its point with index
    // `pointIndex`; false when there is no such exploration or point.
    bool setNotes(std::int64_t exploration, const std::string& text);
    bool setPointNotes(std::int64_t exploration, std::int64_t pointIndex, const std::string& text);
    // Design points of every exploration, filtered and sorted by the
    // database (indexed KPI columns), not by reading explorations.
    std::vector<PointSummary> queryPoints(const PointQuery& query) const;
    bool remove(std::int64_t id);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace tessera::core
