// The exploration commands end to end: explore stores an exploration that
// list, show, rename, tag, export and delete then see, for both strategies;
// strategy options come from the schema (help, errors); the default
// database follows XDG_DATA_HOME; bad ids and bad database files are refused
// with clear messages and nothing on stdout.

#include <QtTest>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <nlohmann/json.hpp>

#include <set>

#include "tests/common/process_run.h"

namespace {

using Run = tessera::test::ProcessRun;
using nlohmann::json;

}  // namespace

class TestExploreCli : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString db() const { return m_dir.filePath("explorations.sqlite"); }

    Run cli(QStringList args, bool withDb = true) const {
        if (withDb) args << "--db" << db();
        return tessera::test::cli(args);
    }

    // Every exploration of a database, without what differs between runs
    // (ids, names, times), in a canonical order.
    static std::multiset<std::string> sweepContents(const QString& file) {
        const Run list = tessera::test::cli({"list", "--db", file, "--json"});
        std::multiset<std::string> out;
        for (const auto& s : json::parse(list.out.toStdString())) {
            const Run show = tessera::test::cli({"show", QString::number(s.at("id").get<int>()), "--db", file, "--json"});
            json e = json::parse(show.out.toStdString());
            for (const char* volatileKey : {"id", "name", "created", "seconds"}) e.erase(volatileKey);
            out.insert(e.dump());
        }
        return out;
    }

    json runJson(const QStringList& args) const {
        const Run r = cli(args);
        if (r.exitCode != 0) qFatal("%s failed: %s", qPrintable(args.join(' ')), qPrintable(r.err));
        return json::parse(r.out.toStdString());
    }

private slots:
    void exploreListShowBothStrategies() {
        const json p = runJson({"explore", "--network", "alexnet", "--platform", "jetson_tx2_cyclone10gx", "--strategy",
                                "partition", "--objective", "energy", "--tag", "paper", "--json"});
        const json a = runJson({"explore", "--network", "resnet18", "--platform", "alveo_u200_host", "--strategy", "algosel",
                                "--json"});
        QVERIFY(p.at("id").get<int>() >= 1);
        QVERIFY(a.at("id").get<int>() > p.at("id").get<int>());
        QCOMPARE(p.at("points").get<int>(), 5);  // optimum, balanced, cpu, gpu, fpga alone
        QCOMPARE(a.at("points").get<int>(), 4);  // mixed and three uniform mappings
        QCOMPARE(p.at("status").get<std::string>(), std::string("optimal"));

        const json list = runJson({"list", "--json"});
        QCOMPARE(list.size(), std::size_t(2));
        QCOMPARE(list[0].at("id"), a.at("id"));  // newest first
        QCOMPARE(list[1].at("strategy").get<std::string>(), std::string("partition"));
        QCOMPARE(list[1].at("network").get<std::string>(), std::string("alexnet"));
        QCOMPARE(list[1].at("tags"), json::array({"paper"}));
        QCOMPARE(runJson({"list", "--strategy", "algosel", "--json"}).size(), std::size_t(1));
        QCOMPARE(runJson({"list", "--tag", "paper", "--json"}).size(), std::size_t(1));
        QCOMPARE(runJson({"list", "--network", "vgg16", "--json"}).size(), std::size_t(0));

        const QString pid = QString::number(p.at("id").get<int>());
        const json shown = runJson({"show", pid, "--json"});
        QCOMPARE(shown.at("format").get<std::string>(), std::string("tessera-exploration"));
        QCOMPARE(shown.at("options").at("objective").get<std::string>(), std::string("energy"));
        QCOMPARE(shown.at("points").size(), std::size_t(5));
        QCOMPARE(shown.at("inputs").at("platform").get<std::string>(), std::string("jetson_tx2_cyclone10gx"));
        const json point = runJson({"show", pid, "--point", "0", "--json"});
        QCOMPARE(point, shown.at("points").at(0));
        QCOMPARE(point.at("label").get<std::string>(), std::string("optimum"));
        QCOMPARE(point.at("layers").size(), std::size_t(8));

        const Run text = cli({"show", pid, "--point", "0"});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("features.0") && text.out.contains("energy"), qPrintable(text.out));

        // rename and tag, then export both ways.
        QCOMPARE(cli({"rename", pid, "AlexNet frugal"}).exitCode, 0);
        QCOMPARE(cli({"tag", pid, "energy"}).exitCode, 0);
        const json renamed = runJson({"list", "--tag", "energy", "--json"});
        QCOMPARE(renamed.size(), std::size_t(1));
        QCOMPARE(renamed[0].at("name").get<std::string>(), std::string("AlexNet frugal"));

        const QString csv = m_dir.filePath("points.csv");
        QCOMPARE(cli({"export", pid, "--points", "0,1", "--format", "csv", "-o", csv}).exitCode, 0);
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
        QVERIFY2(lines[0].startsWith("exploration,point,label,status"), qPrintable(lines[0]));
        QVERIFY(lines[0].contains("share_fpga") && lines[0].contains("method"));
        QCOMPARE(lines.size(), 1 + 8 + 8);  // header, then one row per layer of each of the two points
        QVERIFY(lines[1].contains(",optimum,") && lines[9].contains(",balanced,"));

        const QString out = m_dir.filePath("points.json");
        QCOMPARE(cli({"export", pid, "--points", "1", "--format", "json", "-o", out}).exitCode, 0);
        QFile jf(out);
        QVERIFY(jf.open(QIODevice::ReadOnly));
        const json exported = json::parse(jf.readAll().toStdString());
        QCOMPARE(exported.at("points").size(), std::size_t(1));
        QCOMPARE(exported.at("points")[0], shown.at("points")[1]);

        // Points across explorations, filtered and sorted by the database.
        const json byEnergy = runJson({"points", "--no-baselines", "--feasible", "--sort", "energy", "--json"});
        QVERIFY(!byEnergy.empty());
        for (std::size_t i = 0; i < byEnergy.size(); ++i) {
            QVERIFY(byEnergy[i].at("feasible").get<bool>() && !byEnergy[i].at("baseline").get<bool>());
            if (i > 0 && !byEnergy[i].at("energy_mj").is_null())
                QVERIFY(byEnergy[i - 1].at("energy_mj").get<double>() <= byEnergy[i].at("energy_mj").get<double>());
        }
        const json all = runJson({"points", "--json", "--limit", "1000"});
        QCOMPARE(all.size(), std::size_t(9));  // 5 + 4
        const double cut = all[4].at("latency_ms").get<double>();  // sorted by latency: the 5th fastest
        const json fast = runJson({"points", "--max-latency", QString::number(cut, 'g', 17), "--json"});
        std::size_t expected = 0;
        for (const auto& p : all) expected += p.at("latency_ms").get<double>() <= cut ? 1 : 0;
        QVERIFY(expected >= 5 && expected < all.size());
        QCOMPARE(fast.size(), expected);
        for (const auto& p : fast) QVERIFY(p.at("latency_ms").get<double>() <= cut);
        QCOMPARE(runJson({"points", "--strategy", "algosel", "--json"}).size(), std::size_t(4));

        // delete asks on a terminal; a script must say --yes.
        const Run refused = cli({"delete", pid});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY(refused.err.contains("--yes"));
        QCOMPARE(runJson({"list", "--json"}).size(), std::size_t(2));
        QCOMPARE(cli({"delete", pid, "--yes"}).exitCode, 0);
        QCOMPARE(runJson({"list", "--json"}).size(), std::size_t(1));
        const Run gone = cli({"show", pid});
        QCOMPARE(gone.exitCode, 1);
        QVERIFY2(gone.err.contains("no exploration " + pid), qPrintable(gone.err));
        QVERIFY(gone.out.isEmpty());
    }

    void strategyOptionsFromTheSchema() {
        const Run help = cli({"explore", "--strategy", "partition", "--help"}, false);
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("--pareto-points") && help.out.simplified().contains("latency | energy | pareto"));
        const Run bad = cli({"explore", "--network", "alexnet", "--platform", "jetson_tx2_cyclone10gx", "--strategy",
                             "partition", "--objective", "fast"});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains("--objective: must be one of latency, energy or pareto, got 'fast'"), qPrintable(bad.err));
        QVERIFY(bad.out.isEmpty());
        const Run unknown = cli({"explore", "--network", "alexnet", "--platform", "alveo_u200_host", "--strategy", "hybrid"});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains("unknown strategy 'hybrid'"), qPrintable(unknown.err));
        const Run foreign = cli({"explore", "--network", "alexnet", "--platform", "alveo_u200_host", "--strategy", "algosel",
                                 "--objective", "energy"});
        QCOMPARE(foreign.exitCode, 2);  // partition's option is not algosel's
        QVERIFY2(foreign.err.contains("--objective"), qPrintable(foreign.err));
        const Run noOverlay = cli({"explore", "--network", "alexnet", "--platform", "desktop_ryzen7950x_rtx4090", "--strategy",
                                   "algosel"});
        QCOMPARE(noOverlay.exitCode, 1);  // a set-up the strategy refuses is bad input, not a usage error
        QVERIFY2(noOverlay.err.contains("dynamap"), qPrintable(noOverlay.err));
        QVERIFY(noOverlay.out.isEmpty());
        // A list option's syntax is checked before anything runs or is created.
        const QString fresh = m_dir.filePath("never.sqlite");
        const Run badFix = tessera::test::cli({"explore", "--network", "alexnet", "--platform", "jetson_tx2_cyclone10gx",
                                               "--strategy", "partition", "--fix", "gpu=abc", "--db", fresh});
        QCOMPARE(badFix.exitCode, 2);
        QVERIFY2(badFix.err.contains("--fix: expected NAME=NUMBER"), qPrintable(badFix.err));
        const Run badNet = tessera::test::cli({"explore", "--network", "nosuchnet", "--platform", "jetson_tx2_cyclone10gx",
                                               "--strategy", "partition", "--db", fresh});
        QCOMPARE(badNet.exitCode, 1);
        QVERIFY(!QFile::exists(fresh));
        // A sweep where every combination is refused saves nothing and prints nothing on stdout.
        const Run none = cli({"explore", "--network", "alexnet", "--platform", "desktop_ryzen7950x_rtx4090", "--strategy",
                              "algosel", "--sweep", "p1=32,64"});
        QCOMPARE(none.exitCode, 1);
        QVERIFY(none.out.isEmpty());
        QVERIFY2(none.err.contains("dynamap"), qPrintable(none.err));
        const Run badShard = cli({"explore", "--network", "alexnet", "--platform", "alveo_u200_host", "--strategy", "algosel",
                                  "--shard", "1/2x"});
        QCOMPARE(badShard.exitCode, 2);
        QVERIFY(badShard.err.contains("--shard must be K/N"));
    }

    void defaultDatabaseFollowsXdgDataHome() {
        QTemporaryDir home;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("XDG_DATA_HOME", home.path());
        const Run r = tessera::test::runProcess(QStringLiteral(TESSERA_CLI),
                                                {"explore", "--network", "squeezenet1_0", "--platform", "alveo_u200_host",
                                                 "--strategy", "algosel", "--json"},
                                                env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(QFile::exists(home.filePath("tessera/explorations.sqlite")));
        const Run list = tessera::test::runProcess(QStringLiteral(TESSERA_CLI), {"list", "--json"}, env);
        QCOMPARE(json::parse(list.out.toStdString()).size(), std::size_t(1));
    }

    void shardedSweepMergedEqualsTheWholeSweep() {
        const QStringList sweep = {"explore", "--network", "alexnet,squeezenet1_0", "--platform",
                                   "jetson_tx2_cyclone10gx,alveo_u200_host", "--strategy", "partition",
                                   "--sweep", "objective=latency,energy", "--sweep", "schedule=concurrent,sequential", "--json"};
        const QString whole = m_dir.filePath("whole.sqlite");
        const Run all = tessera::test::cli(QStringList(sweep) << "--db" << whole);
        QVERIFY2(all.exitCode == 0, qPrintable(all.err));
        QCOMPARE(json::parse(all.out.toStdString()).at("explorations").size(), std::size_t(16));
        // Three shards, as three machines (or GNU parallel jobs) would run them, then merged.
        QStringList shards;
        for (int k = 1; k <= 3; ++k) {
            shards << m_dir.filePath(QString("shard%1.sqlite").arg(k));
            const Run r = tessera::test::cli(QStringList(sweep) << "--shard" << QString("%1/3").arg(k) << "--db" << shards.back());
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        }
        const QString merged = m_dir.filePath("merged.sqlite");
        const Run m = tessera::test::cli(QStringList{"merge"} << shards << "-o" << merged << "--json");
        QVERIFY2(m.exitCode == 0, qPrintable(m.err));
        QCOMPARE(json::parse(m.out.toStdString()).at("merged").get<int>(), 16);
        // Merging a shard again adds nothing: its explorations are recognised.
        const Run again = tessera::test::cli({"merge", shards[1], "-o", merged, "--json"});
        QCOMPARE(json::parse(again.out.toStdString()).at("duplicates").get<int>(), 16 / 3);
        QCOMPARE(sweepContents(merged), sweepContents(whole));
    }

    void gnuParallelRunsTheShards() {
        // docs/explorations.md: the shards of a sweep as GNU parallel jobs, then merged.
        const QString dir = m_dir.filePath("gnu");
        QVERIFY(QDir().mkpath(dir));
        const QString cmd = QString("%1 explore --network resnet18,alexnet --platform alveo_u200_host --strategy algosel "
                                    "--sweep p1=32,64 --shard {}/2 --db %2/shard{}.sqlite --json")
                                .arg(TESSERA_CLI, dir);
        const Run p = tessera::test::runProcess("parallel", {"--will-cite", "--halt", "now,fail=1", cmd, ":::", "1", "2"});
        QVERIFY2(p.exitCode == 0, qPrintable(p.err + p.out));
        const QString merged = dir + "/all.sqlite";
        QCOMPARE(tessera::test::cli({"merge", dir + "/shard1.sqlite", dir + "/shard2.sqlite", "-o", merged}).exitCode, 0);
        const QString whole = dir + "/whole.sqlite";
        QCOMPARE(tessera::test::cli({"explore", "--network", "resnet18,alexnet", "--platform", "alveo_u200_host", "--strategy",
                                     "algosel", "--sweep", "p1=32,64", "--db", whole})
                     .exitCode,
                 0);
        QCOMPARE(sweepContents(merged), sweepContents(whole));
    }

    void badIdsAndDatabases() {
        const Run notId = cli({"show", "abc"});
        QCOMPARE(notId.exitCode, 2);
        QVERIFY(notId.err.contains("positive whole number"));
        const QString junk = m_dir.filePath("junk.sqlite");
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not a database, just text that happens to be long enough to look like a file header");
        f.close();
        const Run r = tessera::test::cli({"list", "--db", junk});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(junk) && r.err.contains("not a Tessera exploration database"), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        const Run missing = tessera::test::cli({"show", "1", "--db", m_dir.filePath("missing.sqlite")});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains("missing.sqlite"), qPrintable(missing.err));
    }
};

QTEST_GUILESS_MAIN(TestExploreCli)
#include "tst_explore_cli.moc"
