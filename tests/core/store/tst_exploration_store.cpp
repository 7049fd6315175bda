// The exploration store: explorations reopen exactly as saved; list, rename,
// tag and remove; files that are not Tessera databases, newer schemas and
// read-only stores are refused with a message and left unchanged; schema 1
// migrates. Across processes (concurrent saves, kills, another user):
// tst_exploration_store_processes.cpp.

#include <QtTest>

#include <cmath>

#include <sqlite3.h>

#include "tests/core/store/store_test_support.h"

using namespace tessera::core;
using namespace tessera::test;
using nlohmann::json;

namespace {

// Schema version 1, as store_schema.cpp keeps it (the predecessor of 2: no
// power_w column, no point_violations table).
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

}  // namespace

class TestExplorationStore : public QObject {
    Q_OBJECT
private slots:
    void roundTrip() {
        QTemporaryDir dir;
        const QString path = dir.filePath("store.sqlite");
        const Exploration original = makeExploration("Inception-v4 \"β\" sweep", 6, 7);
        ExplorationStore store(path.toStdString());
        QCOMPARE(QString::fromStdString(store.path().string()), path);
        const std::int64_t id = store.save(original);
        QVERIFY(id > 0);
        const auto loaded = store.load(id);
        QVERIFY(loaded.has_value());
        QCOMPARE(dump(*loaded), dumpAs(original, id));
        QVERIFY(!store.load(id + 100).has_value());

        // A few fields directly: what JSON alone would not show.
        QCOMPARE(loaded->id, id);
        QCOMPARE(loaded->tags, (std::vector<std::string>{"zeta", "alpha"}));  // save's order
        QCOMPARE(loaded->inputs.seed, std::uint64_t{0xfedcba9876543210ULL});
        QVERIFY(std::isnan(loaded->points[2].latencyMs));
        QVERIFY(std::isnan(loaded->points[1].energyMj));
        QVERIFY(std::isnan(loaded->points[1].powerW));
        QVERIFY(std::isnan(loaded->points[0].layers[5].energyMj));
        QCOMPARE(loaded->points[3].latencyMs, original.points[3].latencyMs);
        QCOMPARE(loaded->points[0].layers[2].shares.at("gpu"), 0.1);
        QVERIFY(loaded->points[0].baseline && !loaded->points[1].baseline);
        QVERIFY(loaded->points[1].onFront && !loaded->points[0].onFront);
        QCOMPARE(loaded->points[3].violations.size(), std::size_t{2});
        QCOMPARE(loaded->points[0].layers[1].choiceValue("cut"), std::string("channels"));
        QCOMPARE(loaded->points[0].layers[0].choice[0].first,
                 std::string("method"));  // order kept
        QCOMPARE(loaded->points[0].detail, original.points[0].detail);
        QVERIFY(loaded->points[1].detail.is_null());
        const OptionValues& o = loaded->options;
        QCOMPARE(o.size(), original.options.size());
        QVERIFY(std::holds_alternative<double>(o.at("scale")));  // 2.0 stays a number, not an integer
        QVERIFY(std::holds_alternative<double>(o.at("ratio")) && std::get<double>(o.at("ratio")) == 0.1);
        QVERIFY(std::get<double>(o.at("tiny")) == 1e-300);
        QVERIFY(std::get<double>(o.at("third")) == 1.0 / 3);
        QVERIFY(std::signbit(std::get<double>(o.at("negative_zero"))));
        QVERIFY(std::holds_alternative<std::int64_t>(o.at("points")) && std::get<std::int64_t>(o.at("points")) == -21);
        QVERIFY(std::holds_alternative<bool>(o.at("exact")) && std::get<bool>(o.at("exact")));
        QCOMPARE(std::get<std::string>(o.at("objective")), std::string("pareto"));

        // Inputs are stored once; the same hash with another name is kept apart.
        Exploration renamed = original;
        renamed.inputs.network = "alexnet-2";
        const std::int64_t second = store.save(original), third = store.save(renamed);
        QVERIFY(second > id && third > second);
        RawDb raw(path);
        QCOMPARE(raw.count("SELECT count(*) FROM networks"), qint64{2});
        QCOMPARE(raw.count("SELECT count(*) FROM platforms"), qint64{1});
        QCOMPARE(raw.count("SELECT count(*) FROM layer_decisions"), qint64{3 * 6 * 7});
        QCOMPARE(raw.count("SELECT count(*) FROM points WHERE latency_ms IS NULL"), qint64{3});
        QCOMPARE(dump(*store.load(third)), dumpAs(renamed, third));
    }

    void saveTiming() {
        // 50 points x 500 layers (an Inception-V4-sized exploration); the
        // figure goes to docs/explorations.md, nothing is asserted on time.
        QTemporaryDir dir;
        ExplorationStore store(dir.filePath("timing.sqlite").toStdString());
        const Exploration big = makeExploration("big", 50, 500);
        QElapsedTimer t;
        t.start();
        const std::int64_t id = store.save(big);
        const qint64 saveMs = t.elapsed();
        t.restart();
        const auto loaded = store.load(id);
        const qint64 loadMs = t.elapsed();
        qDebug("50 points x 500 layers: save %lld ms, load %lld ms", saveMs, loadMs);
        QVERIFY(loaded.has_value());
        QCOMPARE(dump(*loaded), dumpAs(big, id));
    }

    void listFilters() {
        QTemporaryDir dir;
        ExplorationStore store(dir.filePath("list.sqlite").toStdString());
        const std::int64_t a = store.save(makeExploration("a", 2, 1, "alexnet", "partition"));
        const std::int64_t b = store.save(makeExploration("b", 3, 1, "vgg16", "algosel"));
        Exploration third = makeExploration("c", 4, 1, "alexnet", "algosel");
        third.tags = {"best"};
        third.status = Status::Cancelled;
        const std::int64_t c = store.save(third);
        const auto ids = [](const std::vector<ExplorationSummary>& list) {
            std::vector<std::int64_t> out;
            for (const auto& s : list) out.push_back(s.id);
            return out;
        };
        const auto all = store.list();
        QCOMPARE(ids(all), (std::vector<std::int64_t>{c, b, a}));  // newest first
        QCOMPARE(all[0].name, std::string("c"));
        QCOMPARE(all[0].network, std::string("alexnet"));
        QCOMPARE(all[0].platform, std::string("stratix-v \"β\""));
        QCOMPARE(all[0].strategy, std::string("algosel"));
        QCOMPARE(all[0].points, std::int64_t{4});
        QCOMPARE(all[1].points, std::int64_t{3});
        QCOMPARE(all[0].created, std::string("2026-12-02T05:57:37Z"));
        QVERIFY(all[0].status == Status::Cancelled);
        QVERIFY(all[1].status == Status::Heuristic);
        QCOMPARE(all[1].tags, (std::vector<std::string>{"alpha", "zeta"}));  // sorted
        QCOMPARE(ids(store.list({"alexnet", "", ""})), (std::vector<std::int64_t>{c, a}));
        QCOMPARE(ids(store.list({"vgg16.json", "", ""})), (std::vector<std::int64_t>{b}));  // the spec as given
        QCOMPARE(ids(store.list({"", "algosel", ""})), (std::vector<std::int64_t>{c, b}));
        QCOMPARE(ids(store.list({"", "", "alpha"})), (std::vector<std::int64_t>{b, a}));
        QCOMPARE(ids(store.list({"alexnet", "algosel", "best"})), (std::vector<std::int64_t>{c}));
        QCOMPARE(ids(store.list({"alexnet", "partition", "best"})), (std::vector<std::int64_t>{}));
        QCOMPARE(ids(store.list({"resnet", "", ""})), (std::vector<std::int64_t>{}));
    }

    void renameTagRemove() {
        QTemporaryDir dir;
        const QString path = dir.filePath("edit.sqlite");
        ExplorationStore store(path.toStdString());
        const Exploration kept = makeExploration("kept", 4, 5);
        const std::int64_t keep = store.save(kept);
        const std::int64_t id = store.save(makeExploration("old name", 8, 9, "vgg16"));

        QVERIFY(store.rename(id, "new name"));
        QVERIFY(!store.rename(id + 10, "x"));
        QCOMPARE(store.load(id)->name, std::string("new name"));
        QVERIFY(store.addTag(id, "best"));
        QVERIFY(store.addTag(id, "best"));  // already there: kept once
        QVERIFY(store.addTag(id, "aaa"));
        QVERIFY(!store.addTag(id + 10, "best"));
        QCOMPARE(store.list({"", "", "best"}).size(), std::size_t{1});
        QCOMPARE(store.list()[0].tags, (std::vector<std::string>{"aaa", "alpha", "best", "zeta"}));
        QCOMPARE(store.load(id)->tags, (std::vector<std::string>{"zeta", "alpha", "best", "aaa"}));  // in order added

        RawDb raw(path);
        const auto rows = [&](const char* table, const char* key) {
            return raw.count(std::string("SELECT count(*) FROM ") + table + " WHERE " + key);
        };
        const std::string points = "point_id IN (SELECT id FROM points WHERE exploration_id = " + std::to_string(id) + ")";
        QCOMPARE(rows("layer_decisions", points.c_str()), qint64{8 * 9});
        QCOMPARE(rows("point_violations", points.c_str()), qint64{2 * 2});
        QVERIFY(store.remove(id));
        QVERIFY(!store.remove(id));
        QVERIFY(!store.load(id).has_value());
        QCOMPARE(store.list().size(), std::size_t{1});
        // The cascade: nothing of it is left, the other exploration is whole.
        const std::string of = "exploration_id = " + std::to_string(id);
        QCOMPARE(rows("points", of.c_str()), qint64{0});
        QCOMPARE(rows("options", of.c_str()), qint64{0});
        QCOMPARE(rows("tags", of.c_str()), qint64{0});
        QCOMPARE(raw.count("SELECT count(*) FROM layer_decisions"), qint64{4 * 5});
        QCOMPARE(raw.count("SELECT count(*) FROM point_resources"), qint64{4 * 2});
        QCOMPARE(raw.count("SELECT count(*) FROM point_violations"), qint64{2});
        QCOMPARE(raw.count("SELECT count(*) FROM networks"), qint64{1});  // vgg16 went with it
        QCOMPARE(dump(*store.load(keep)), dumpAs(kept, keep));
        // Ids are not reused.
        QVERIFY(store.save(kept) > id);
    }

    void reopen() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("reopen.sqlite").toStdString();
        const Exploration e = makeExploration("e", 3, 3);
        std::int64_t id = 0;
        {
            ExplorationStore first(path);
            id = first.save(e);
            ExplorationStore second(path);  // while the first is open
            QCOMPARE(dump(*second.load(id)), dumpAs(e, id));
            const std::int64_t other = second.save(e);
            QCOMPARE(first.list().size(), std::size_t{2});
            QVERIFY(first.remove(other));
            QCOMPARE(second.list().size(), std::size_t{1});
        }
        ExplorationStore again(path);
        QCOMPARE(dump(*again.load(id)), dumpAs(e, id));
        ExplorationStore moved = std::move(again);
        QCOMPARE(moved.list().size(), std::size_t{1});
    }

    void newAndEmptyFiles() {
        QTemporaryDir dir;
        const QString nested = dir.filePath("a/b/new.sqlite");
        {
            ExplorationStore store(nested.toStdString());
            QVERIFY(store.save(makeExploration("x", 1, 1)) > 0);
        }
        QVERIFY(QFile::exists(nested));
        const QString empty = dir.filePath("empty.sqlite");
        QVERIFY(QFile(empty).open(QIODevice::WriteOnly));
        {
            ExplorationStore store(empty.toStdString());
            const Exploration y = makeExploration("y", 2, 2);
            const std::int64_t id = store.save(y);
            QCOMPARE(dump(*store.load(id)), dumpAs(y, id));
        }
        RawDb raw(empty);
        QCOMPARE(raw.value("PRAGMA application_id"), QString("1414743378"));
        QCOMPARE(raw.value("PRAGMA user_version"), QString("2"));
        QCOMPARE(raw.value("PRAGMA journal_mode"), QString("wal"));
        QCOMPARE(raw.value("PRAGMA integrity_check"), QString("ok"));
    }

    void refusedFiles_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<bool>("readOnly");
        for (const bool readOnly : {false, true}) {
            const char* mode = readOnly ? " (read-only)" : "";
            QTest::addRow("not sqlite%s", mode) << "text"
                                                << "is not a Tessera exploration database" << readOnly;
            QTest::addRow("other application%s", mode) << "other"
                                                       << "is not a Tessera exploration database (an SQLite database of "
                                                          "another application)"
                                                       << readOnly;
            QTest::addRow("other application id%s", mode) << "otherid"
                                                          << "is not a Tessera exploration database (SQLite application id "
                                                             "0x12345678)"
                                                          << readOnly;
            QTest::addRow("newer schema%s", mode) << "newer"
                                                  << "was written by a newer Tessera (schema 99; this build reads up "
                                                     "to 2)"
                                                  << readOnly;
            QTest::addRow("corrupt%s", mode) << "corrupt"
                                             << "database disk image is malformed" << readOnly;
        }
    }

    void refusedFiles() {
        QFETCH(QString, kind);
        QFETCH(QString, expected);
        QFETCH(bool, readOnly);
        QTemporaryDir dir;
        const QString path = dir.filePath("refused.sqlite");
        if (kind == "text") {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray("name,latency\nalexnet,12.5\n").repeated(100));
        } else if (kind == "other" || kind == "otherid") {
            RawDb raw(path);
            QCOMPARE(raw.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes "
                              "VALUES ('keep me');"),
                     QString());
            if (kind == "otherid") QCOMPARE(raw.exec("PRAGMA application_id = 305419896"), QString());
        } else {
            {
                ExplorationStore store(path.toStdString());
                store.save(makeExploration("x", 30, 30));
            }
            if (kind == "newer") {
                RawDb raw(path);
                QCOMPARE(raw.exec("PRAGMA user_version = 99"), QString());
            } else {
                // Overwrite the tables' pages, keep the header.
                QFile f(path);
                QVERIFY(f.open(QIODevice::ReadWrite));
                QVERIFY(f.size() > 16384);
                f.seek(4096);
                f.write(QByteArray(8192, '\x5a'));
            }
        }
        const QByteArray before = bytes(path);
        const QString error = errorOf([&] {
            ExplorationStore store(path.toStdString(), readOnly);
            store.list();
            store.load(1);
        });
        QVERIFY2(error.startsWith(path + ": "), qPrintable("message does not name the file: " + error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY2(bytes(path) == before, "the refused file changed");
    }

    void badValuesWriteNothing() {
        QTemporaryDir dir;
        ExplorationStore store(dir.filePath("bad.sqlite").toStdString());
        Exploration e = makeExploration("bad", 3, 4);
        e.points[2].layers[1].choice[1].second = "\xff\xfe";
        QString error = errorOf([&] { store.save(e); });
        QVERIFY2(error.endsWith(": save: points[2].layers[1].choice: not valid UTF-8"), qPrintable(error));
        e = makeExploration("deep", 3, 4);
        json deep = 1;
        for (int i = 0; i < 80; ++i) deep = json::array({deep});
        e.points[1].detail = deep;
        error = errorOf([&] { store.save(e); });
        QVERIFY2(error.endsWith(": save: points[1].detail: is nested deeper than 64 levels"), qPrintable(error));
        QCOMPARE(store.list().size(), std::size_t{0});  // rolled back, nothing half-written
        RawDb raw(dir.filePath("bad.sqlite"));
        QCOMPARE(raw.count("SELECT count(*) FROM points"), qint64{0});
    }

    void readOnlyStore() {
        QTemporaryDir dir;
        const QString path = dir.filePath("ro.sqlite");
        const Exploration e = makeExploration("e", 3, 3);
        ExplorationStore writer(path.toStdString());
        const std::int64_t id = writer.save(e);
        ExplorationStore reader(path.toStdString(), true);
        QCOMPARE(dump(*reader.load(id)), dumpAs(e, id));
        const std::int64_t later = writer.save(e);  // seen by a reader that is open
        QCOMPARE(reader.list().size(), std::size_t{2});
        QVERIFY(reader.load(later).has_value());
        const QStringList errors = {errorOf([&] { reader.save(e); }), errorOf([&] { reader.rename(id, "x"); }),
                                    errorOf([&] { reader.addTag(id, "x"); }), errorOf([&] { reader.remove(id); })};
        const QStringList operations = {"save", "rename", "tag", "remove"};
        for (int i = 0; i < errors.size(); ++i)
            QCOMPARE(errors[i], path + ": " + operations[i] + ": the database is read-only (opened read-only)");
        QCOMPARE(writer.list().size(), std::size_t{2});

        const QString missing = dir.filePath("missing.sqlite");
        QCOMPARE(errorOf([&] { ExplorationStore s(missing.toStdString(), true); }), missing + ": does not exist");
        QVERIFY(!QFile::exists(missing));
    }

    void migrationFromVersion1() {
        QTemporaryDir dir;
        const QString path = dir.filePath("v1.sqlite");
        {
            RawDb raw(path);
            QCOMPARE(raw.exec(kSchemaV1), QString());
            QCOMPARE(raw.exec(R"sql(
INSERT INTO networks VALUES (1, 'abc', 'alexnet', '{"name":"alexnet"}');
INSERT INTO platforms VALUES (1, 'def', 'stratix-v', '{"name":"stratix-v"}');
INSERT INTO explorations VALUES (1, 'old', '2025-01-02T03:04:05Z', 'partition', 'optimal', '', 2.5, 1, 'alexnet',
                                 1, '0.0.9', 'partition 1', 7);
INSERT INTO options VALUES (1, 'objective', 'text', 'pareto'), (1, 'points', 'integer', '21');
INSERT INTO tags VALUES (1, 'v1', 0);
INSERT INTO points VALUES (10, 1, 0, 'optimum', 'optimal', '', 0, 1, 2.0, 5.0, 1, NULL),
                          (11, 1, 1, 'no energy', 'optimal', '', 1, 0, 4.0, NULL, 0, '{"k":1}');
INSERT INTO point_resources VALUES (10, 0, 'fpga', 'alms', 'ALM', 100, 80330);
INSERT INTO layer_decisions VALUES (10, 0, 0, 'conv1', '[["device","fpga"]]', '{"fpga":1}', 2.0, 5.0, NULL);
)sql"),
                     QString());
        }
        const QString read = errorOf([&] { ExplorationStore s(path.toStdString(), true); });
        QCOMPARE(read, path + ": has schema version 1 and needs migrating to 2, "
                              "which a read-only database (opened "
                              "read-only) cannot be");
        ExplorationStore store(path.toStdString());
        RawDb raw(path);
        QCOMPARE(raw.value("PRAGMA user_version"), QString("2"));
        QCOMPARE(raw.count("SELECT count(*) FROM point_violations"), qint64{0});
        const auto old = store.load(1);
        QVERIFY(old.has_value());
        QCOMPARE(old->name, std::string("old"));
        QCOMPARE(old->points.size(), std::size_t{2});
        QCOMPARE(old->points[0].powerW, 2.5);  // 5 mJ / 2 ms
        QVERIFY(std::isnan(old->points[1].powerW));
        QVERIFY(!old->points[1].feasible && old->points[1].violations.empty());
        QCOMPARE(old->points[1].detail, json({{"k", 1}}));
        QCOMPARE(old->points[0].layers.size(), std::size_t{1});
        QCOMPARE(old->points[0].layers[0].choiceValue("device"), std::string("fpga"));
        QCOMPARE(old->points[0].resources[0].budget, 80330.0);
        QCOMPARE(std::get<std::int64_t>(old->options.at("points")), std::int64_t{21});
        QCOMPARE(old->inputs.seed, std::uint64_t{7});
        // The migrated file takes everything of version 2.
        const Exploration e = makeExploration("new", 4, 3);
        const std::int64_t id = store.save(e);
        QCOMPARE(id, std::int64_t{2});
        QCOMPARE(dump(*store.load(id)), dumpAs(e, id));
        QCOMPARE(raw.value("PRAGMA foreign_key_check"), QString());
        QCOMPARE(raw.value("PRAGMA integrity_check"), QString("ok"));
    }

    void defaultPath() {
        const QByteArray xdg = qgetenv("XDG_DATA_HOME"), home = qgetenv("HOME");
        qputenv("XDG_DATA_HOME", "/data/xdg");
        qputenv("HOME", "/home/someone");
        QCOMPARE(ExplorationStore::defaultPath().string(), std::string("/data/xdg/tessera/explorations.sqlite"));
        qputenv("XDG_DATA_HOME",
                "relative/xdg");  // not absolute: ignored, as the XDG spec says
        QCOMPARE(ExplorationStore::defaultPath().string(), std::string("/home/someone/.local/share/tessera/explorations.sqlite"));
        qunsetenv("XDG_DATA_HOME");
        QCOMPARE(ExplorationStore::defaultPath().string(), std::string("/home/someone/.local/share/tessera/explorations.sqlite"));
        xdg.isNull() ? qunsetenv("XDG_DATA_HOME") : qputenv("XDG_DATA_HOME", xdg);
        home.isNull() ? qunsetenv("HOME") : qputenv("HOME", home);
    }
};

QTEST_GUILESS_MAIN(TestExplorationStore)
#include "tst_exploration_store.moc"
