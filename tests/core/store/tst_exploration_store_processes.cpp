// The exploration store across processes (POSIX: fork, kill, setuid): two
// processes save into one file at once; a process killed at random moments
// of a large save leaves the file consistent, with every committed
// exploration whole; a file its user cannot write is read, never written.

#include <QtTest>

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <functional>
#include <random>
#include <set>

#include "tests/core/store/store_test_support.h"

using namespace tessera::core;
using namespace tessera::test;

namespace {

// Runs `check` (which returns "" or what failed) as a user who cannot write
// the files: in this process, or, when the test runs as root (who writes any
// file whatever its mode), in a child process running as nobody.
// "skip" when privileges cannot be dropped.
QString runUnprivileged(const std::function<QString()>& check) {
    if (geteuid() != 0) return check();
    int fds[2];
    if (pipe(fds) != 0) return "pipe failed";
    const pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        QString result = "skip";
        if (setgid(65534) == 0 && setuid(65534) == 0) {
            try {
                result = check();
            } catch (const std::exception& e) {
                result = QString("exception: ") + e.what();
            }
            if (result.isEmpty()) result = "ok";
        }
        const QByteArray text = result.toUtf8();
        [[maybe_unused]] const ssize_t n = write(fds[1], text.constData(), text.size());
        _exit(0);
    }
    close(fds[1]);
    QByteArray text;
    char buf[4096];
    for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;) text.append(buf, n);
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    if (text.isEmpty()) return "the unprivileged child died";
    return text == "ok" ? QString() : QString::fromUtf8(text);
}

}  // namespace

class TestExplorationStoreProcesses : public QObject {
    Q_OBJECT
private slots:
    void readOnlyFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath("chmod.sqlite");
        const Exploration e = makeExploration("e", 3, 3);
        std::int64_t id = 0;
        {
            ExplorationStore store(path.toStdString());
            id = store.save(e);
        }
        const QString expected = dumpAs(e, id);
        QCOMPARE(chmod(path.toUtf8().constData(), 0444), 0);
        QCOMPARE(chmod(dir.path().toUtf8().constData(), 0755),
                 0);  // readable by nobody, writable by its owner only
        const QByteArray before = bytes(path);
        const QString failed = runUnprivileged([&]() -> QString {
            ExplorationStore store(path.toStdString());
            if (dump(*store.load(id)) != expected) return "load differs";
            if (store.list().size() != 1) return "list differs";
            const QString error = errorOf([&] { store.save(e); });
            if (error != path + ": save: the database is read-only (the file is not writable)") return "save: " + error;
            if (QFile::exists(path + "-wal") || QFile::exists(path + "-shm")) return "left -wal or -shm files";
            return {};
        });
        if (failed == "skip") QSKIP("running as root and cannot drop privileges");
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        QVERIFY(bytes(path) == before);
        QVERIFY(!QFile::exists(path + "-wal") && !QFile::exists(path + "-shm"));
    }

    void twoProcessesSaveAtOnce() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("shared.sqlite").toStdString();  // created by the children, racing
        int gate[2];
        QCOMPARE(pipe(gate), 0);
        std::vector<pid_t> children;
        for (const char* who : {"A", "B"}) {
            const pid_t pid = fork();
            QVERIFY(pid >= 0);
            if (pid == 0) {
                close(gate[1]);
                char c;
                [[maybe_unused]] const ssize_t n = read(gate[0], &c, 1);  // released together at EOF
                try {
                    ExplorationStore store(path);
                    for (int i = 0; i < 20; ++i) store.save(makeExploration(std::string(who) + std::to_string(i), 5, 40));
                    _exit(0);
                } catch (const std::exception& e) {
                    std::fprintf(stderr, "child %s: %s\n", who, e.what());
                    _exit(1);
                }
            }
            children.push_back(pid);
        }
        close(gate[0]);
        close(gate[1]);
        for (const pid_t pid : children) {
            int status = 0;
            QCOMPARE(waitpid(pid, &status, 0), pid);
            QVERIFY2(WIFEXITED(status) && WEXITSTATUS(status) == 0, "a saving child failed");
        }
        ExplorationStore store(path);
        const auto all = store.list();
        QCOMPARE(all.size(), std::size_t{40});
        std::set<std::int64_t> ids;
        for (const auto& s : all) {
            ids.insert(s.id);
            const auto e = store.load(s.id);
            QVERIFY(e.has_value());
            QCOMPARE(dump(*e), dumpAs(makeExploration(s.name, 5, 40), s.id));
        }
        QCOMPARE(ids.size(), std::size_t{40});
    }

    void killedDuringSave() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("crash.sqlite").toStdString();
        const Exploration before = makeExploration("before", 3, 4);
        const Exploration big = makeExploration("big", 200, 300);
        std::int64_t beforeId = 0;
        qint64 saveMs = 0;
        {
            ExplorationStore store(path);
            beforeId = store.save(before);
            QElapsedTimer t;
            t.start();
            store.save(big);
            saveMs = t.elapsed();
            qDebug("200 points x 300 layers: save %lld ms", saveMs);
        }
        std::mt19937 rng(20261202);
        std::size_t committed = 1;  // big ones
        for (int round = 0; round < 8; ++round) {
            int progress[2];
            QCOMPARE(pipe(progress), 0);
            const pid_t pid = fork();
            QVERIFY(pid >= 0);
            if (pid == 0) {
                close(progress[0]);
                try {
                    ExplorationStore store(path);
                    for (;;) {
                        const char c = 's';
                        if (write(progress[1], &c, 1) != 1) _exit(2);  // "starting a save"
                        store.save(big);
                    }
                } catch (const std::exception& e) {
                    std::fprintf(stderr, "child: %s\n", e.what());
                    _exit(1);
                }
            }
            close(progress[1]);
            // Kill it at a random moment of its first, second or third save
            // (the rows, the commit, the checkpoint) or up to 50 ms after.
            const int saves = 1 + static_cast<int>(rng() % 3);
            for (int k = 0; k < saves; ++k) {
                char c;
                QVERIFY2(read(progress[0], &c, 1) == 1, "the saving child died");
            }
            usleep(static_cast<useconds_t>(rng() % static_cast<unsigned>(saveMs + 51)) * 1000);
            kill(pid, SIGKILL);
            int status = 0;
            QCOMPARE(waitpid(pid, &status, 0), pid);
            close(progress[0]);
            QVERIFY2(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "the child ended before it was killed");

            ExplorationStore store(path);
            std::size_t bigs = 0;
            for (const auto& s : store.list()) {
                if (s.name != "big") continue;
                ++bigs;
                QCOMPARE(s.points, std::int64_t{200});
            }
            QVERIFY2(bigs >= committed + saves - 1, "a committed save is missing");
            committed = bigs;
        }
        ExplorationStore store(path);
        QCOMPARE(dump(*store.load(beforeId)), dumpAs(before, beforeId));
        std::vector<std::int64_t> bigIds;
        for (const auto& s : store.list()) {
            if (s.id == beforeId) continue;
            bigIds.push_back(s.id);
            const auto e = store.load(s.id);  // every one loads, whole
            QVERIFY(e.has_value());
            QCOMPARE(e->points.size(), std::size_t{200});
            for (const DesignPoint& p : e->points) QCOMPARE(p.layers.size(), std::size_t{300});
        }
        const std::size_t bigs = bigIds.size();
        QCOMPARE(bigs, committed);
        const QString bigDump = dump(big);  // the first and the last exactly (all of them take seconds)
        QCOMPARE(dumpAs(*store.load(bigIds.front()), 0), bigDump);
        QCOMPARE(dumpAs(*store.load(bigIds.back()), 0), bigDump);
        RawDb raw(QString::fromStdString(path));
        QCOMPARE(raw.value("PRAGMA integrity_check"), QString("ok"));
        QCOMPARE(raw.value("PRAGMA foreign_key_check"), QString());
        // Nothing of an interrupted save is left.
        QCOMPARE(raw.count("SELECT count(*) FROM layer_decisions"), qint64(bigs * 200 * 300 + 3 * 4));
        QCOMPARE(raw.count("SELECT count(*) FROM points"), qint64(bigs * 200 + 3));
        qDebug("%zu large explorations committed across 8 kills", bigs);
    }
};

QTEST_GUILESS_MAIN(TestExplorationStoreProcesses)
#include "tst_exploration_store_processes.moc"
