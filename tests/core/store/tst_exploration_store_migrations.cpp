// The exploration store's schema migrations: files of versions 1 and 2, made
// here with raw SQL (the DDL as store_schema.cpp keeps it), open migrated to
// the current version with their rows intact, and then take everything a new
// file takes; a read-only store refuses to migrate; a migration that fails
// half-way leaves the old version whole.

#include <QtTest>

#include <cmath>

#include "tests/core/store/store_test_support.h"

using namespace tessera::core;
using namespace tessera::test;
using nlohmann::json;

namespace {

// Schema version 1 (no power_w column, no point_violations table).
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE networks (id INTEGER PRIMARY KEY, hash TEXT NOT NULL, name TEXT NOT NULL, document TEXT NOT NULL);
CREATE INDEX networks_by_hash ON networks(hash);
CREATE TABLE platforms (id INTEGER PRIMARY KEY, hash TEXT NOT NULL, name TEXT NOT NULL, document TEXT NOT NULL);
CREATE INDEX platforms_by_hash ON platforms(hash);
CREATE TABLE explorations (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, created TEXT NOT NULL,
    strategy TEXT NOT NULL, status TEXT NOT NULL, message TEXT NOT NULL, seconds REAL,
    network_id INTEGER NOT NULL REFERENCES networks(id), network_spec TEXT NOT NULL,
    platform_id INTEGER NOT NULL REFERENCES platforms(id), tool_version TEXT NOT NULL,
    solver_version TEXT NOT NULL, seed INTEGER NOT NULL);
CREATE INDEX explorations_by_network ON explorations(network_id);
CREATE INDEX explorations_by_platform ON explorations(platform_id);
CREATE INDEX explorations_by_strategy ON explorations(strategy);
CREATE TABLE options (exploration_id INTEGER NOT NULL REFERENCES explorations(id) ON DELETE CASCADE,
    name TEXT NOT NULL, type TEXT NOT NULL CHECK (type IN ('boolean', 'integer', 'number', 'text')),
    value TEXT NOT NULL, PRIMARY KEY (exploration_id, name)) WITHOUT ROWID;
CREATE TABLE tags (exploration_id INTEGER NOT NULL REFERENCES explorations(id) ON DELETE CASCADE,
    tag TEXT NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (exploration_id, tag)) WITHOUT ROWID;
CREATE INDEX tags_by_tag ON tags(tag);
CREATE TABLE points (id INTEGER PRIMARY KEY,
    exploration_id INTEGER NOT NULL REFERENCES explorations(id) ON DELETE CASCADE, idx INTEGER NOT NULL,
    label TEXT NOT NULL, status TEXT NOT NULL, message TEXT NOT NULL,
    baseline INTEGER NOT NULL CHECK (baseline IN (0, 1)), on_front INTEGER NOT NULL CHECK (on_front IN (0, 1)),
    latency_ms REAL, energy_mj REAL, feasible INTEGER NOT NULL CHECK (feasible IN (0, 1)), detail TEXT,
    UNIQUE (exploration_id, idx));
CREATE INDEX points_by_latency ON points(latency_ms);
CREATE INDEX points_by_energy ON points(energy_mj);
CREATE TABLE point_resources (point_id INTEGER NOT NULL REFERENCES points(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, device TEXT NOT NULL, resource TEXT NOT NULL, unit TEXT NOT NULL, used REAL, budget REAL,
    PRIMARY KEY (point_id, seq)) WITHOUT ROWID;
CREATE TABLE layer_decisions (point_id INTEGER NOT NULL REFERENCES points(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, layer_id INTEGER NOT NULL, layer TEXT NOT NULL, choice TEXT NOT NULL,
    shares TEXT NOT NULL, latency_ms REAL, energy_mj REAL, detail TEXT,
    PRIMARY KEY (point_id, seq)) WITHOUT ROWID;
PRAGMA application_id = 1414743378;
PRAGMA user_version = 1;
)sql";

// Schema version 2 (no notes, no per-layer resources).
constexpr const char* kSchemaV2 = R"sql(
CREATE TABLE networks (id INTEGER PRIMARY KEY, hash TEXT NOT NULL, name TEXT NOT NULL, document TEXT NOT NULL);
CREATE INDEX networks_by_hash ON networks(hash);
CREATE TABLE platforms (id INTEGER PRIMARY KEY, hash TEXT NOT NULL, name TEXT NOT NULL, document TEXT NOT NULL);
CREATE INDEX platforms_by_hash ON platforms(hash);
CREATE TABLE explorations (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, created TEXT NOT NULL,
    strategy TEXT NOT NULL, status TEXT NOT NULL, message TEXT NOT NULL, seconds REAL,
    network_id INTEGER NOT NULL REFERENCES networks(id), network_spec TEXT NOT NULL,
    platform_id INTEGER NOT NULL REFERENCES platforms(id), tool_version TEXT NOT NULL,
    solver_version TEXT NOT NULL, seed INTEGER NOT NULL);
CREATE INDEX explorations_by_network ON explorations(network_id);
CREATE INDEX explorations_by_platform ON explorations(platform_id);
CREATE INDEX explorations_by_strategy ON explorations(strategy);
CREATE TABLE options (exploration_id INTEGER NOT NULL REFERENCES explorations(id) ON DELETE CASCADE,
    name TEXT NOT NULL, type TEXT NOT NULL CHECK (type IN ('boolean', 'integer', 'number', 'text')),
    value TEXT NOT NULL, PRIMARY KEY (exploration_id, name)) WITHOUT ROWID;
CREATE TABLE tags (exploration_id INTEGER NOT NULL REFERENCES explorations(id) ON DELETE CASCADE,
    tag TEXT NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (exploration_id, tag)) WITHOUT ROWID;
CREATE INDEX tags_by_tag ON tags(tag);
CREATE TABLE points (id INTEGER PRIMARY KEY,
    exploration_id INTEGER NOT NULL REFERENCES explorations(id) ON DELETE CASCADE, idx INTEGER NOT NULL,
    label TEXT NOT NULL, status TEXT NOT NULL, message TEXT NOT NULL,
    baseline INTEGER NOT NULL CHECK (baseline IN (0, 1)), on_front INTEGER NOT NULL CHECK (on_front IN (0, 1)),
    latency_ms REAL, energy_mj REAL, power_w REAL, feasible INTEGER NOT NULL CHECK (feasible IN (0, 1)),
    detail TEXT, UNIQUE (exploration_id, idx));
CREATE INDEX points_by_latency ON points(latency_ms);
CREATE INDEX points_by_energy ON points(energy_mj);
CREATE TABLE point_resources (point_id INTEGER NOT NULL REFERENCES points(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, device TEXT NOT NULL, resource TEXT NOT NULL, unit TEXT NOT NULL, used REAL, budget REAL,
    PRIMARY KEY (point_id, seq)) WITHOUT ROWID;
CREATE TABLE point_violations (point_id INTEGER NOT NULL REFERENCES points(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, device TEXT NOT NULL, reason TEXT NOT NULL, PRIMARY KEY (point_id, seq)) WITHOUT ROWID;
CREATE TABLE layer_decisions (point_id INTEGER NOT NULL REFERENCES points(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, layer_id INTEGER NOT NULL, layer TEXT NOT NULL, choice TEXT NOT NULL,
    shares TEXT NOT NULL, latency_ms REAL, energy_mj REAL, detail TEXT,
    PRIMARY KEY (point_id, seq)) WITHOUT ROWID;
PRAGMA application_id = 1414743378;
PRAGMA user_version = 2;
)sql";

// The rows both old versions can hold (points without power_w), as
// INSERTs that name their columns.
constexpr const char* kOldRows = R"sql(
INSERT INTO networks VALUES (1, 'abc', 'alexnet', '{"name":"alexnet"}');
INSERT INTO platforms VALUES (1, 'def', 'stratix-v', '{"name":"stratix-v"}');
INSERT INTO explorations VALUES (1, 'old', '2025-01-02T03:04:05Z', 'partition', 'optimal', '', 2.5, 1, 'alexnet',
                                 1, '0.0.9', 'partition 1', 7);
INSERT INTO options VALUES (1, 'objective', 'text', 'pareto'), (1, 'points', 'integer', '21');
INSERT INTO tags VALUES (1, 'old', 0);
INSERT INTO points (id, exploration_id, idx, label, status, message, baseline, on_front, latency_ms, energy_mj,
                    feasible, detail)
    VALUES (10, 1, 0, 'optimum', 'optimal', '', 0, 1, 2.0, 5.0, 1, NULL),
           (11, 1, 1, 'no energy', 'optimal', '', 1, 0, 4.0, NULL, 0, '{"k":1}');
INSERT INTO point_resources VALUES (10, 0, 'fpga', 'alms', 'ALM', 100, 80330);
INSERT INTO layer_decisions VALUES (10, 0, 0, 'conv1', '[["device","fpga"]]', '{"fpga":1}', 2.0, 5.0, NULL);
)sql";

// The columns of `table` in the file, comma-separated.
QString columns(RawDb& raw, const std::string& table) {
    return raw.value("SELECT group_concat(name) FROM pragma_table_info('" + table + "')");
}

}  // namespace

class TestExplorationStoreMigrations : public QObject {
    Q_OBJECT
private slots:
    void migrates_data() {
        QTest::addColumn<int>("version");
        QTest::newRow("1 -> 2 -> 3") << 1;
        QTest::newRow("2 -> 3") << 2;
    }

    void migrates() {
        QFETCH(int, version);
        QTemporaryDir dir;
        const QString path = dir.filePath("old.sqlite");
        {
            RawDb raw(path);
            QCOMPARE(raw.exec(version == 1 ? kSchemaV1 : kSchemaV2), QString());
            QCOMPARE(raw.exec(kOldRows), QString());
            if (version == 2) {
                QCOMPARE(raw.exec("UPDATE points SET power_w = 2.5 WHERE id = 10"), QString());
                QCOMPARE(raw.exec("INSERT INTO point_violations VALUES (11, 0, 'fpga', 'fpga ALM 112% of 80,330')"), QString());
            }
        }
        const QString read = errorOf([&] { ExplorationStore s(path.toStdString(), true); });
        QCOMPARE(read, path + QString(": has schema version %1 and needs migrating to 3, which a read-only database (opened "
                                      "read-only) cannot be")
                                  .arg(version));

        ExplorationStore store(path.toStdString());
        RawDb raw(path);
        QCOMPARE(raw.value("PRAGMA user_version"), QString("3"));
        QVERIFY(columns(raw, "explorations").endsWith(",notes"));
        QVERIFY(columns(raw, "points").contains(",notes"));
        QVERIFY(columns(raw, "points").contains(",power_w"));
        QVERIFY(columns(raw, "layer_decisions").endsWith(",resources"));
        QCOMPARE(raw.count("SELECT count(*) FROM sqlite_master WHERE name = 'points_by_power'"), qint64{1});

        const auto old = store.load(1);
        QVERIFY(old.has_value());
        QCOMPARE(old->name, std::string("old"));
        QCOMPARE(old->notes, std::string());
        QCOMPARE(old->points.size(), std::size_t{2});
        QCOMPARE(old->points[0].powerW, 2.5);  // 5 mJ / 2 ms (computed by 1 -> 2, or stored in 2)
        QVERIFY(std::isnan(old->points[1].powerW));
        QCOMPARE(old->points[1].violations.size(), std::size_t(version == 2 ? 1 : 0));
        QCOMPARE(old->points[1].detail, json({{"k", 1}}));
        QCOMPARE(old->points[0].notes, std::string());
        QCOMPARE(old->points[0].layers.size(), std::size_t{1});
        QCOMPARE(old->points[0].layers[0].choiceValue("device"), std::string("fpga"));
        QVERIFY(old->points[0].layers[0].resources.empty());
        QCOMPARE(old->points[0].resources[0].budget, 80330.0);
        QCOMPARE(std::get<std::int64_t>(old->options.at("points")), std::int64_t{21});
        QCOMPARE(old->inputs.seed, std::uint64_t{7});
        const auto summaries = store.list();
        QCOMPARE(summaries.size(), std::size_t{1});
        QCOMPARE(summaries[0].bestLatencyMs, 2.0);  // the infeasible 4 ms point does not count
        QCOMPARE(summaries[0].bestEnergyMj, 5.0);

        // Old rows take notes; the file takes everything of version 3.
        QVERIFY(store.setNotes(1, "migrated"));
        QVERIFY(store.setPointNotes(1, 1, "still infeasible"));
        QCOMPARE(store.load(1)->notes, std::string("migrated"));
        QCOMPARE(store.load(1)->points[1].notes, std::string("still infeasible"));
        const Exploration e = makeExploration("new", 4, 3);
        const std::int64_t id = store.save(e);
        QCOMPARE(id, std::int64_t{2});
        QCOMPARE(dump(*store.load(id)), dumpAs(e, id));
        QCOMPARE(raw.value("PRAGMA foreign_key_check"), QString());
        QCOMPARE(raw.value("PRAGMA integrity_check"), QString("ok"));
    }

    void failedMigrationKeepsTheOldVersion() {
        // A version 2 file that already has the index 2 -> 3 creates last:
        // the migration fails after its ALTER TABLEs, which must be undone.
        QTemporaryDir dir;
        const QString path = dir.filePath("v2.sqlite");
        {
            RawDb raw(path);
            QCOMPARE(raw.exec(kSchemaV2), QString());
            QCOMPARE(raw.exec(kOldRows), QString());
            QCOMPARE(raw.exec("CREATE INDEX points_by_power ON points(power_w)"), QString());
        }
        const QString error = errorOf([&] { ExplorationStore s(path.toStdString()); });
        QVERIFY2(error.startsWith(path + ": open: ") && error.contains("points_by_power"), qPrintable(error));
        RawDb raw(path);
        QCOMPARE(raw.value("PRAGMA user_version"), QString("2"));
        QVERIFY(!columns(raw, "explorations").contains("notes"));
        QVERIFY(!columns(raw, "points").contains("notes"));
        QVERIFY(!columns(raw, "layer_decisions").contains("resources"));
        QCOMPARE(raw.count("SELECT count(*) FROM points"), qint64{2});
    }
};

QTEST_GUILESS_MAIN(TestExplorationStoreMigrations)
#include "tst_exploration_store_migrations.moc"
