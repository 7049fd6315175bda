#pragma once
// Shared by the exploration store's tests: a hand-made exploration with
// everything the model has, its JSON for comparisons, file bytes, the
// FormatError of a call, and direct SQL on a database file.

#include <QtTest>

#include <cmath>
#include <functional>

#include <sqlite3.h>

#include "core/json/json_text.h"
#include "core/store/exploration_store.h"
#include "core/types.h"

namespace tessera::test {

using namespace tessera::core;
using nlohmann::json;

// A hand-made exploration with everything the model has: NaN KPIs, baseline
// and front flags, resources, violations, layers with ordered choices,
// shares, resources and detail, options of all four types, a seed above
// INT64_MAX, Markdown notes on the exploration and on some points.
inline Exploration makeExploration(const std::string& name, int pointCount, int layerCount,
                                   const std::string& network = "alexnet", const std::string& strategy = "partition") {
    Exploration e;
    e.name = name;
    e.tags = {"zeta", "alpha"};
    e.created = "2026-12-02T05:57:37Z";
    e.strategy = strategy;
    e.options = {{"objective", std::string("pareto")},
                 {"points", std::int64_t{-21}},
                 {"exact", true},
                 {"ratio", 0.1},
                 {"tiny", 1e-300},
                 {"scale", 2.0},
                 {"negative_zero", -0.0},
                 {"third", 1.0 / 3},
                 {"off", false}};
    ExplorationInputs& in = e.inputs;
    in.network = network;
    in.networkSpec = network + ".json";
    in.networkDocument = {{"format", "tessera-network"}, {"name", network}, {"layers", {{{"name", "c"}, {"k", 3}}}}};
    in.networkHash = canonicalHash(in.networkDocument);
    in.platform = "stratix-v \"β\"";
    in.platformDocument = {{"format", "tessera-platform"}, {"devices", {"cpu", "fpga"}}, {"clock_mhz", 200.5}};
    in.platformHash = canonicalHash(in.platformDocument);
    in.toolVersion = "0.1.0";
    in.solverVersion = strategy + " 1";
    in.seed = 0xfedcba9876543210ULL;
    e.status = Status::Heuristic;
    e.message = "2 of 3 layers optimal\nsecond line";
    e.seconds = 1.25;
    e.notes = "# Why\n\n- keeps *M20K* under 80%\n- \"β\" run, tab\there";
    for (int i = 0; i < pointCount; ++i) {
        DesignPoint p;
        p.label = "front " + std::to_string(i) + " of " + std::to_string(pointCount);
        p.status = i % 4 == 3 ? Status::Infeasible : Status::Optimal;
        p.message = i % 4 == 3 ? "over budget" : "";
        p.baseline = i == 0;
        p.onFront = i % 2 == 1;
        p.latencyMs = i == 2 ? kNoValue : 10 + i * 0.37;
        p.energyMj = i == 1 ? kNoValue : 5.5 + i / 3.0;
        p.powerW = p.energyMj / p.latencyMs;
        p.resources = {{"fpga", "alms", "ALM", 1000.0 + i, 80330}, {"fpga", "dsps", "DSP", 0.1 * i, 0}};
        p.feasible = i % 4 != 3;
        if (!p.feasible) p.violations = {{"fpga", "fpga ALM 112% of 80,330"}, {"gpu", "gpu memory 3 GB of 2"}};
        if (i % 2 == 0) p.detail = {{"iterations", i}, {"note", "x"}, {"nested", {{"a", {1, 2.5, nullptr}}}}};
        if (i % 3 == 1) p.notes = "point " + std::to_string(i) + ": **knee**\nsecond line";
        for (int j = 0; j < layerCount; ++j) {
            LayerDecision l;
            l.layerId = j;
            l.layer = "conv" + std::to_string(j);
            l.choice = {{"method", "grouped-c"}, {"cut", j % 2 ? "channels" : "rows \"q\" \\ \n"}, {"device", "fpga"}};
            if (j % 2 == 0) l.shares = {{"cpu", 0.25}, {"fpga", 0.75}, {"gpu", 0.1}};
            l.latencyMs = 0.1 * j + 0.01 * i;
            l.energyMj = j % 5 == 0 ? kNoValue : 0.3 * j;
            if (j % 3 == 0) l.detail = {{"tile", {j, i}}, {"ok", true}};
            // Plain strings (read by the fast path) and an escaped one (read as JSON).
            if (j % 2 == 1) l.resources = {{"fpga", "alms", "ALM", 100.5 * j + i, 80330}, {"fpga", "dsps", "DSP", 1e-300, 0}};
            if (j == 2) l.resources = {{"fpga", "m20k_blocks", "block \"M20K\"", 3.0 + i, 2713}};
            p.layers.push_back(std::move(l));
        }
        e.points.push_back(std::move(p));
    }
    return e;
}

inline QString dump(const Exploration& e) { return QString::fromStdString(explorationToJson(e).dump()); }

// `e` as the store gives it back under `id`.
inline QString dumpAs(Exploration e, std::int64_t id) {
    e.id = id;
    return dump(e);
}

inline QByteArray bytes(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
}

// The FormatError message of `f`, or "" when it throws none.
inline QString errorOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const FormatError& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

// Direct SQL on a database file, without the store.
class RawDb {
public:
    explicit RawDb(const QString& path) { sqlite3_open(path.toUtf8().constData(), &m_db); }
    ~RawDb() { sqlite3_close(m_db); }
    // "" on success, else SQLite's message.
    QString exec(const std::string& sql) {
        char* error = nullptr;
        if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &error) == SQLITE_OK) return {};
        const QString message = QString::fromUtf8(error ? error : "error");
        sqlite3_free(error);
        return message.isEmpty() ? QString("error") : message;
    }
    // The first column of the first row as text ("" when none).
    QString value(const std::string& sql) {
        sqlite3_stmt* s = nullptr;
        QString out;
        if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) return "<" + QString(sqlite3_errmsg(m_db)) + ">";
        if (sqlite3_step(s) == SQLITE_ROW) out = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
        sqlite3_finalize(s);
        return out;
    }
    qint64 count(const std::string& sql) { return value(sql).toLongLong(); }

private:
    sqlite3* m_db = nullptr;
};

}  // namespace tessera::test
