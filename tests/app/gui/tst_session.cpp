// The workbench session without widgets: opening networks and platforms
// (and failing clearly), running explorations through the job runner with
// progress, partial results, saving and cancel, stale results dropped, and
// stored explorations bringing their own network and platform back.

#include <QtTest>

#include <QSignalSpy>
#include <QTemporaryDir>

#include "app/gui/session.h"
#include "core/store/exploration_store.h"

using tessera::gui::JobSlot;
using tessera::gui::Session;
namespace views = tessera::views;
namespace core = tessera::core;

namespace {

// Waits for the network to be shown; fails the test on an error.
bool openAndWait(Session& session, const QString& spec) {
    QSignalSpy shown(&session, &Session::networkChanged);
    QSignalSpy failed(&session, &Session::networkFailed);
    session.openNetwork(spec);
    return QTest::qWaitFor([&]() { return !shown.isEmpty() || !failed.isEmpty(); }, 120000) && !shown.isEmpty();
}

core::OptionValues defaults(const QString& strategy) {
    for (const auto& s : Session::strategies())
        if (s.name == strategy) {
            core::OptionValues v;
            for (const auto& o : s.options) v[o.name] = o.defaultValue;
            return v;
        }
    return {};
}

}  // namespace

class TestSession : public QObject {
    Q_OBJECT
private slots:
    void opensNetworksAndSaysWhyNot() {
        Session session;
        QVERIFY(openAndWait(session, QStringLiteral("squeezenet1_0")));
        QCOMPARE(session.network()->spec, QStringLiteral("squeezenet1_0"));
        QSignalSpy failed(&session, &Session::networkFailed);
        session.openNetwork(QStringLiteral(TESSERA_TEST_DATA "/networks_bad/truncated.json"));
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 60000);
        QVERIFY2(failed.front().at(1).toString().contains(QStringLiteral("truncated.json")),
                 qPrintable(failed.front().at(1).toString()));
        QCOMPARE(session.network()->spec, QStringLiteral("squeezenet1_0"));  // the old one stays
    }

    void platformsFromNamesAndFiles() {
        Session session;
        QCOMPARE(session.platformSpec(), QString::fromLatin1(Session::kDefaultPlatform));
        QSignalSpy changed(&session, &Session::platformChanged);
        QVERIFY(session.setPlatform(QStringLiteral("alveo_u200_host")));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(QString::fromStdString(session.platform()->name()), QStringLiteral("alveo_u200_host"));
        QString error;
        const QString bad = QStringLiteral(TESSERA_TEST_DATA "/platforms_bad/not_json.json");
        QVERIFY(!session.setPlatform(bad, &error));
        QVERIFY2(error.contains(QStringLiteral("not_json.json")), qPrintable(error));
        QCOMPARE(session.platformSpec(), QStringLiteral("alveo_u200_host"));  // unchanged
        QCOMPARE(changed.size(), 1);
    }

    void runsSavesAndShowsAnExploration() {
        QTemporaryDir dir;
        Session session;
        QVERIFY(session.openStore(dir.filePath(QStringLiteral("x.sqlite"))));
        QVERIFY(session.setPlatform(QStringLiteral("alveo_u200_host")));
        QVERIFY(openAndWait(session, QStringLiteral("resnet18")));
        QSignalSpy progress(&session.explorationJob(), &JobSlot::progress);
        QSignalSpy partial(&session, &Session::explorationPartial);
        QSignalSpy finished(&session, &Session::explorationFinished);
        QSignalSpy listed(&session, &Session::explorationsListed);
        QSignalSpy selected(&session, &Session::selectionChanged);
        core::OptionValues options = defaults(QStringLiteral("algosel"));
        options["overlay-sweep"] = true;
        QVERIFY(session.runExploration(QStringLiteral("algosel"), options));
        QVERIFY(session.isExploring());
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 240000);
        const auto e = finished.front().front().value<views::ExplorationPtr>();
        QVERIFY(e->id > 0);
        QVERIFY(e->points.size() > 4);
        QVERIFY(!progress.isEmpty());
        // Partial results came before the end, each a prefix of the final points.
        QVERIFY(!partial.isEmpty());
        const auto first = partial.front().front().value<views::ExplorationPtr>();
        QVERIFY(!first->points.empty() && first->points.size() <= e->points.size());
        QCOMPARE(first->points.front().label, e->points.front().label);
        // Saved: listed and loadable, equal to what is shown.
        QVERIFY(!listed.isEmpty());
        const auto summaries = listed.back().front().value<std::vector<core::ExplorationSummary>>();
        QCOMPARE(summaries.size(), std::size_t{1});
        QCOMPARE(summaries.front().id, e->id);
        const core::ExplorationStore store(dir.filePath(QStringLiteral("x.sqlite")).toStdString(), true);
        QCOMPARE(store.load(e->id)->points.size(), e->points.size());
        // Shown and a point on its front selected.
        QCOMPARE(session.explorations().size(), 1);
        QVERIFY(session.selectedPoint());
        QVERIFY(session.selectedPoint()->onFront);
        QVERIFY(!selected.isEmpty());
    }

    void cancelStopsAndSavesNothing() {
        QTemporaryDir dir;
        Session session;
        QVERIFY(session.openStore(dir.filePath(QStringLiteral("x.sqlite"))));
        QVERIFY(openAndWait(session, QStringLiteral("inception_v4")));
        QSignalSpy progress(&session.explorationJob(), &JobSlot::progress);
        QSignalSpy ended(&session.explorationJob(), &JobSlot::finished);
        QSignalSpy finished(&session, &Session::explorationFinished);
        core::OptionValues options = defaults(QStringLiteral("partition"));
        options["objective"] = std::string("pareto");
        QVERIFY(session.runExploration(QStringLiteral("partition"), options));
        QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty(), 60000);
        session.cancelExploration();
        QCOMPARE(ended.size(), 1);
        QVERIFY(!session.isExploring());
        QTest::qWait(500);
        QVERIFY(finished.isEmpty());
        QTRY_VERIFY(session.network());
        const core::ExplorationStore store(dir.filePath(QStringLiteral("x.sqlite")).toStdString(), true);
        QVERIFY(store.list().empty());
    }

    void aNewerRunDropsTheOlder() {
        Session session;
        QVERIFY(session.setPlatform(QStringLiteral("alveo_u200_host")));
        QVERIFY(openAndWait(session, QStringLiteral("resnet18")));
        QSignalSpy finished(&session, &Session::explorationFinished);
        core::OptionValues slow = defaults(QStringLiteral("algosel"));
        slow["overlay-sweep"] = true;
        QVERIFY(session.runExploration(QStringLiteral("algosel"), slow));
        QVERIFY(session.runExploration(QStringLiteral("algosel"), defaults(QStringLiteral("algosel"))));
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 240000);
        QTest::qWait(300);
        QCOMPARE(finished.size(), 1);
        const auto e = finished.front().front().value<views::ExplorationPtr>();
        QCOMPARE(std::get<bool>(e->options.at("overlay-sweep")), false);  // the second run's
    }

    void invalidOptionsFailWithTheOptionNamed() {
        Session session;
        QVERIFY(openAndWait(session, QStringLiteral("resnet18")));
        QSignalSpy failed(&session, &Session::explorationFailed);
        core::OptionValues options = defaults(QStringLiteral("partition"));
        options["budget"] = std::string("fpga.nonsense");
        QVERIFY(session.runExploration(QStringLiteral("partition"), options));
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 60000);
        QVERIFY2(failed.front().front().toString().contains(QStringLiteral("--budget")),
                 qPrintable(failed.front().front().toString()));
        QVERIFY(!session.runExploration(QStringLiteral("no-such-strategy"), {}));
    }

    void aStoredExplorationBringsItsInputsBack() {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("x.sqlite"));
        qint64 id = 0;
        {
            Session session;
            QVERIFY(session.openStore(file));
            QVERIFY(session.setPlatform(QStringLiteral("alveo_u200_host")));
            QVERIFY(openAndWait(session, QStringLiteral("squeezenet1_0")));
            QSignalSpy finished(&session, &Session::explorationFinished);
            QVERIFY(session.runExploration(QStringLiteral("algosel"), defaults(QStringLiteral("algosel"))));
            QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 240000);
            id = finished.front().front().value<views::ExplorationPtr>()->id;
        }
        Session session;  // on resnet18 and the default platform
        QVERIFY(openAndWait(session, QStringLiteral("resnet18")));
        QVERIFY(session.openStore(file));
        QSignalSpy network(&session, &Session::networkChanged);
        QSignalSpy shown(&session, &Session::explorationsChanged);
        session.openExploration(id, false, 2);
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 60000);
        QCOMPARE(network.size(), 1);
        QCOMPARE(QString::fromStdString(session.network()->network.name), QStringLiteral("squeezenet1_0"));
        QCOMPARE(QString::fromStdString(session.platform()->name()), QStringLiteral("alveo_u200_host"));
        QCOMPARE(session.selection(), (views::PointRef{0, 2}));
        // Overlaying: an exploration of the same network joins, the selection stays.
        session.overlayExplorations({id});
        QTRY_COMPARE_WITH_TIMEOUT(session.explorations().size(), 2, 30000);
        QCOMPARE(session.selection(), (views::PointRef{0, 2}));
        // A missing exploration is a clear failure, nothing changes.
        QSignalSpy failed(&session, &Session::storeFailed);
        session.openExploration(id + 100);
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 30000);
        QVERIFY2(failed.front().front().toString().contains(QString::number(id + 100)),
                 qPrintable(failed.front().front().toString()));
        QCOMPARE(session.explorations().size(), 2);  // unchanged
    }

    void anotherNetworkOrClosingClearsTheSelection() {
        Session session;
        QVERIFY(session.setPlatform(QStringLiteral("alveo_u200_host")));
        QVERIFY(openAndWait(session, QStringLiteral("resnet18")));
        QSignalSpy finished(&session, &Session::explorationFinished);
        QVERIFY(session.runExploration(QStringLiteral("algosel"), defaults(QStringLiteral("algosel"))));
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 240000);
        QVERIFY(session.selectedPoint());
        // Closing announces that nothing is selected any more.
        QSignalSpy selected(&session, &Session::selectionChanged);
        session.closeExplorations();
        QCOMPARE(selected.size(), 1);
        QVERIFY(!selected.front().front().value<views::PointRef>().valid());
        // Explorations of another network leave when it opens.
        QVERIFY(session.runExploration(QStringLiteral("algosel"), defaults(QStringLiteral("algosel"))));
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 2, 240000);
        QCOMPARE(session.explorations().size(), 1);
        QVERIFY(openAndWait(session, QStringLiteral("squeezenet1_0")));
        QVERIFY(session.explorations().isEmpty());
        QVERIFY(!session.selectedPoint());
    }

    void aForeignDatabaseIsRefused() {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("notes.txt"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("these are not explorations\n");
        f.close();
        Session session;
        QString error;
        QVERIFY(!session.openStore(file, &error));
        QVERIFY2(error.contains(QStringLiteral("notes.txt")), qPrintable(error));
        QVERIFY(session.storePath().isEmpty());
        QFile check(file);
        QVERIFY(check.open(QIODevice::ReadOnly));
        QCOMPARE(check.readAll(), QByteArray("these are not explorations\n"));  // untouched
    }
};

QTEST_MAIN(TestSession)
#include "tst_session.moc"
