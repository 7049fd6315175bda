// The exploration store: explorations reopen exactly as saved; list (with
// each exploration's best KPIs), point queries, rename, tag, notes and
// remove; files that are not Tessera databases, newer schemas and read-only
// stores are refused with a message and left unchanged. Migrations from
// older schemas: tst_exploration_store_migrations.cpp. Across processes
// (concurrent saves, kills, another user): tst_exploration_store_processes.cpp.

#include <QtTest>

#include <cmath>

#include <sqlite3.h>

#include "tests/core/store/store_test_support.h"

using namespace tessera::core;
using namespace tessera::test;
using nlohmann::json;

namespace {

// (exploration, index) of each point, in the order given.
std::vector<std::pair<std::int64_t, std::int64_t>> keys(const std::vector<PointSummary>& points) {
    std::vector<std::pair<std::int64_t, std::int64_t>> out;
    for (const auto& p : points) out.emplace_back(p.exploration, p.index);
    return out;
}

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
        QCOMPARE(loaded->notes, original.notes);
        QCOMPARE(loaded->points[4].notes, std::string("point 4: **knee**\nsecond line"));
        QVERIFY(loaded->points[0].notes.empty());
        QVERIFY(loaded->points[0].layers[0].resources.empty());
        QCOMPARE(loaded->points[5].layers[3].resources.size(), std::size_t{2});
        QCOMPARE(loaded->points[5].layers[3].resources[0].used, 100.5 * 3 + 5);
        QCOMPARE(loaded->points[5].layers[3].resources[1].used, 1e-300);
        QCOMPARE(loaded->points[1].layers[2].resources[0].unit, std::string("block \"M20K\""));  // read as JSON
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
        QCOMPARE(raw.count("SELECT count(*) FROM layer_decisions WHERE resources IS NULL"), qint64{3 * 6 * 3});
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
        Exploration none = makeExploration("none feasible", 2, 1);
        for (DesignPoint& p : none.points) p.feasible = false;
        none.tags = {"z", "B", "a", "b,c", "\"q\""};
        const std::int64_t d = store.save(none);
        const std::int64_t empty = store.save(makeExploration("empty", 0, 0));
        const auto ids = [](const std::vector<ExplorationSummary>& list) {
            std::vector<std::int64_t> out;
            for (const auto& s : list) out.push_back(s.id);
            return out;
        };
        const auto all = store.list();
        QCOMPARE(ids(all), (std::vector<std::int64_t>{empty, d, c, b, a}));  // newest first
        // The best feasible KPIs: the fastest and the least energy, each of
        // its own point; none when no point is feasible or there are none.
        QCOMPARE(all[4].bestLatencyMs, 10.0);
        QCOMPARE(all[4].bestEnergyMj, 5.5);
        QCOMPARE(all[2].bestLatencyMs, 10.0);  // c: point 3 (11.11 ms) is infeasible
        QVERIFY(std::isnan(all[1].bestLatencyMs) && std::isnan(all[1].bestEnergyMj));
        QVERIFY(std::isnan(all[0].bestLatencyMs) && std::isnan(all[0].bestEnergyMj));
        QCOMPARE(all[0].points, std::int64_t{0});
        QCOMPARE(all[1].tags, (std::vector<std::string>{"\"q\"", "B", "a", "b,c", "z"}));  // byte order, whatever they hold
        QCOMPARE(all[4].notes, makeExploration("a", 2, 1).notes);
        const auto rest = std::vector<ExplorationSummary>(all.begin() + 2, all.end());
        QCOMPARE(ids(rest), (std::vector<std::int64_t>{c, b, a}));
        QCOMPARE(rest[0].name, std::string("c"));
        QCOMPARE(rest[0].network, std::string("alexnet"));
        QCOMPARE(rest[0].platform, std::string("stratix-v \"β\""));
        QCOMPARE(rest[0].strategy, std::string("algosel"));
        QCOMPARE(rest[0].points, std::int64_t{4});
        QCOMPARE(rest[1].points, std::int64_t{3});
        QCOMPARE(rest[0].created, std::string("2026-12-02T05:57:37Z"));
        QVERIFY(rest[0].status == Status::Cancelled);
        QVERIFY(rest[1].status == Status::Heuristic);
        QCOMPARE(rest[1].tags, (std::vector<std::string>{"alpha", "zeta"}));  // sorted
        QCOMPARE(ids(store.list({"alexnet", "", ""})), (std::vector<std::int64_t>{empty, d, c, a}));
        QCOMPARE(ids(store.list({"vgg16.json", "", ""})), (std::vector<std::int64_t>{b}));  // the spec as given
        QCOMPARE(ids(store.list({"", "algosel", ""})), (std::vector<std::int64_t>{c, b}));
        QCOMPARE(ids(store.list({"", "", "alpha"})), (std::vector<std::int64_t>{empty, b, a}));
        QCOMPARE(ids(store.list({"alexnet", "algosel", "best"})), (std::vector<std::int64_t>{c}));
        QCOMPARE(ids(store.list({"alexnet", "partition", "best"})), (std::vector<std::int64_t>{}));
        QCOMPARE(ids(store.list({"resnet", "", ""})), (std::vector<std::int64_t>{}));
    }

    void queryPoints() {
        // makeExploration's points: latency 10 + 0.37 i (none at i = 2),
        // energy 5.5 + i / 3 (none at i = 1), power their ratio; point 0
        // is a baseline, every fourth infeasible.
        QTemporaryDir dir;
        ExplorationStore store(dir.filePath("points.sqlite").toStdString());
        const std::int64_t a = store.save(makeExploration("a", 6, 1, "alexnet", "partition"));
        const std::int64_t b = store.save(makeExploration("b", 4, 1, "vgg16", "algosel"));
        using Keys = std::vector<std::pair<std::int64_t, std::int64_t>>;

        const auto all = store.queryPoints({});
        QCOMPARE(all.size(), std::size_t{10});
        QCOMPARE(keys(all), (Keys{{a, 0}, {b, 0}, {a, 1}, {b, 1}, {a, 3}, {b, 3}, {a, 4}, {a, 5}, {a, 2}, {b, 2}}));
        QCOMPARE(all[0].name, std::string("a"));
        QCOMPARE(all[1].name, std::string("b"));
        QCOMPARE(all[1].network, std::string("vgg16"));
        QCOMPARE(all[1].strategy, std::string("algosel"));
        QCOMPARE(all[4].label, std::string("front 3 of 6"));
        QVERIFY(all[0].baseline && !all[4].feasible && all[4].status == Status::Infeasible && all[2].onFront);
        QCOMPARE(all[4].powerW, 6.5 / (10 + 3 * 0.37));

        PointQuery q;
        q.minLatencyMs = 10.5;
        q.maxLatencyMs = 11.5;
        QCOMPARE(keys(store.queryPoints(q)), (Keys{{a, 3}, {b, 3}, {a, 4}}));
        q = {};
        q.minEnergyMj = 6.2;
        q.maxEnergyMj = 7;
        QCOMPARE(keys(store.queryPoints(q)), (Keys{{a, 3}, {b, 3}, {a, 4}}));
        q.order = PointQuery::Order::EnergyThenLatency;
        q.maxEnergyMj = 6.5;  // inclusive
        QCOMPARE(keys(store.queryPoints(q)), (Keys{{a, 3}, {b, 3}}));
        q = {};
        q.minPowerW = 0.58;
        q.maxPowerW = 0.6;
        QCOMPARE(keys(store.queryPoints(q)), (Keys{{a, 3}, {b, 3}, {a, 4}}));
        q = {};
        q.maxPowerW = 100;  // a finite bound: points without power fail it
        QCOMPARE(keys(store.queryPoints(q)), (Keys{{a, 0}, {b, 0}, {a, 3}, {b, 3}, {a, 4}, {a, 5}}));

        q = {};
        q.explorations = {b};
        QCOMPARE(keys(store.queryPoints(q)), (Keys{{b, 0}, {b, 1}, {b, 3}, {b, 2}}));
        q.explorations = {a, b};
        q.feasibleOnly = true;
        q.includeBaselines = false;
        QCOMPARE(keys(store.queryPoints(q)), (Keys{{a, 1}, {b, 1}, {a, 4}, {a, 5}, {a, 2}, {b, 2}}));
        q.explorations = {b + 100};
        QVERIFY(store.queryPoints(q).empty());

        // The filters that were there before these.
        q = {};
        q.strategy = "algosel";
        QCOMPARE(store.queryPoints(q).size(), std::size_t{4});
        q = {};
        q.network = "alexnet";
        q.maxLatencyMs = 10.37;
        QCOMPARE(keys(store.queryPoints(q)), (Keys{{a, 0}, {a, 1}}));
        q = {};
        q.limit = 3;
        q.order = PointQuery::Order::EnergyThenLatency;
        QCOMPARE(keys(store.queryPoints(q)), (Keys{{a, 0}, {b, 0}, {a, 2}}));
    }

    void notes() {
        QTemporaryDir dir;
        ExplorationStore store(dir.filePath("notes.sqlite").toStdString());
        const std::int64_t id = store.save(makeExploration("n", 3, 2));
        const std::int64_t other = store.save(makeExploration("other", 3, 2));
        const std::string markdown = "## Keep\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n`M20K` **binding** — β";
        QVERIFY(store.setNotes(id, markdown));
        QVERIFY(store.setPointNotes(id, 2, "point two"));
        QVERIFY(store.setPointNotes(id, 1, ""));  // cleared
        QVERIFY(!store.setNotes(other + 1, "x"));
        QVERIFY(!store.setPointNotes(id, 3, "x"));   // no point 3
        QVERIFY(!store.setPointNotes(id, -1, "x"));
        QVERIFY(!store.setPointNotes(other + 1, 0, "x"));
        const auto loaded = store.load(id);
        QCOMPARE(loaded->notes, markdown);
        QCOMPARE(loaded->points[2].notes, std::string("point two"));
        QVERIFY(loaded->points[1].notes.empty());
        QCOMPARE(loaded->points[0].notes, std::string());
        // Nothing else changed, here or in the other exploration.
        Exploration expected = makeExploration("n", 3, 2);
        expected.notes = markdown;
        expected.points[2].notes = "point two";
        expected.points[1].notes.clear();
        QCOMPARE(dump(*loaded), dumpAs(expected, id));
        QCOMPARE(dump(*store.load(other)), dumpAs(makeExploration("other", 3, 2), other));
        QCOMPARE(store.list()[1].notes, markdown);
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
        QCOMPARE(raw.value("PRAGMA user_version"), QString("3"));
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
                                                     "to 3)"
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
        e = makeExploration("bad", 3, 4);
        e.points[1].layers[3].resources[0].device = "\xc0\xaf";
        error = errorOf([&] { store.save(e); });
        QVERIFY2(error.endsWith(": save: points[1].layers[3].resources: not valid UTF-8"), qPrintable(error));
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
        const QStringList errors = {errorOf([&] { reader.save(e); }),         errorOf([&] { reader.rename(id, "x"); }),
                                    errorOf([&] { reader.addTag(id, "x"); }),  errorOf([&] { reader.setNotes(id, "x"); }),
                                    errorOf([&] { reader.setPointNotes(id, 0, "x"); }), errorOf([&] { reader.remove(id); })};
        const QStringList operations = {"save", "rename", "tag", "notes", "point notes", "remove"};
        for (int i = 0; i < errors.size(); ++i)
            QCOMPARE(errors[i], path + ": " + operations[i] + ": the database is read-only (opened read-only)");
        QCOMPARE(writer.list().size(), std::size_t{2});
        QVERIFY(writer.load(id)->notes == e.notes);

        const QString missing = dir.filePath("missing.sqlite");
        QCOMPARE(errorOf([&] { ExplorationStore s(missing.toStdString(), true); }), missing + ": does not exist");
        QVERIFY(!QFile::exists(missing));
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
