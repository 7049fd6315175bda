// The workbench window end to end, offscreen: the GUI thread keeps running
// while an exploration runs and its partial results are drawn (an event-loop
// watchdog measures the worst stall and reports it), the selected design
// point reaches every view, the layer editor re-evaluates an edit with the
// strategy's models, undo restores it, and a kept edit is saved as a new
// point with its provenance.

#include <QtTest>

#include <QComboBox>
#include <QPlainTextEdit>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QUndoStack>

#include <cstdio>
#include <ctime>

#include "app/gui/main_window.h"
#include "core/store/exploration_store.h"
#include "views/layer_editor.h"
#include "views/notes_editor.h"
#include "views/layer_table_view.h"
#include "views/network_graph_view.h"
#include "views/pareto_view.h"
#include "views/resource_bars_widget.h"

using tessera::gui::MainWindow;
using tessera::gui::Session;
namespace views = tessera::views;
namespace core = tessera::core;

namespace {

// CPU time the calling thread has used, in nanoseconds.
qint64 threadCpuNs() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<qint64>(t.tv_sec) * 1000000000 + t.tv_nsec;
}

// Measures the longest time the event loop did not turn: a 2 ms timer
// records the gaps between its ticks, in wall time and in the GUI thread's
// own CPU time (the work the GUI thread did in the gap; the rest of a gap is
// the machine giving the cores to other processes).
class StallWatchdog {
public:
    StallWatchdog() {
        m_timer.setInterval(2);
        QObject::connect(&m_timer, &QTimer::timeout, [this]() {
            const qint64 now = m_clock.nsecsElapsed();
            const qint64 cpu = threadCpuNs();
            m_worst = std::max(m_worst, now - m_last);
            m_worstCpu = std::max(m_worstCpu, cpu - m_lastCpu);
            m_last = now;
            m_lastCpu = cpu;
            ++m_ticks;
        });
    }
    void start() {
        m_clock.start();
        m_last = 0;
        m_lastCpu = threadCpuNs();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    double worstMs() const { return static_cast<double>(m_worst) / 1e6; }
    double worstCpuMs() const { return static_cast<double>(m_worstCpu) / 1e6; }
    int ticks() const { return m_ticks; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_worst = 0;
    qint64 m_lastCpu = 0;
    qint64 m_worstCpu = 0;
    int m_ticks = 0;
};

core::OptionValues defaults(const QString& strategy) {
    core::OptionValues v;
    for (const auto& s : Session::strategies())
        if (s.name == strategy)
            for (const auto& o : s.options) v[o.name] = o.defaultValue;
    return v;
}

bool openNetwork(MainWindow& w, const QString& spec) {
    QSignalSpy shown(&w, &MainWindow::networkShown);
    w.openSpec(spec);
    return shown.wait(120000);
}

// Runs an exploration in the window; returns it, or nullptr on failure.
views::ExplorationPtr explore(MainWindow& w, const QString& strategy, const core::OptionValues& options,
                              StallWatchdog* watchdog = nullptr, int* partials = nullptr) {
    QSignalSpy finished(&w.session(), &Session::explorationFinished);
    QSignalSpy partial(&w.session(), &Session::explorationPartial);
    if (watchdog) watchdog->start();
    if (!w.session().runExploration(strategy, options)) return nullptr;
    if (!QTest::qWaitFor([&]() { return !finished.isEmpty(); }, 300000)) return nullptr;
    QTest::qWait(100);  // the finished exploration being drawn counts too
    if (watchdog) watchdog->stop();
    if (partials) *partials = static_cast<int>(partial.size());
    return finished.front().front().value<views::ExplorationPtr>();
}

}  // namespace

class TestWorkbench : public QObject {
    Q_OBJECT
private slots:
    void guiThreadKeepsRunningDuringExplorations_data() {
        QTest::addColumn<QString>("network");
        QTest::addColumn<QString>("platform");
        QTest::addColumn<QString>("strategy");
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("value");
        QTest::newRow("googlenet algosel sweep") << "googlenet" << "alveo_u200_host" << "algosel" << "overlay-sweep" << "true";
        QTest::newRow("inception_v4 partition pareto")
            << "inception_v4" << "jetson_tx2_cyclone10gx" << "partition" << "objective" << "pareto";
    }

    void guiThreadKeepsRunningDuringExplorations() {
        QFETCH(QString, network);
        QFETCH(QString, platform);
        QFETCH(QString, strategy);
        QFETCH(QString, option);
        QFETCH(QString, value);
        QTemporaryDir dir;
        MainWindow w(false);
        w.resize(1024, 700);
        w.show();
        QVERIFY(w.openDatabase(dir.filePath(QStringLiteral("x.sqlite"))));
        QVERIFY(w.session().setPlatform(platform));
        QVERIFY(openNetwork(w, network));
        core::OptionValues options = defaults(strategy);
        if (value == QLatin1String("true")) options[option.toStdString()] = true;
        else options[option.toStdString()] = value.toStdString();
        StallWatchdog watchdog;
        int partials = 0;
        const auto e = explore(w, strategy, options, &watchdog, &partials);
        QVERIFY(e);
        QVERIFY(partials > 0);
        // The figure the issue asks for, reported on every run.
        std::printf("worst GUI-thread stall during %s: %.1f ms wall, %.1f ms of GUI-thread work "
                    "(%d event-loop turns, %d partial updates)\n",
                    QTest::currentDataTag(), watchdog.worstMs(), watchdog.worstCpuMs(), watchdog.ticks(), partials);
        // The loop turned throughout (a run on the GUI thread would give a
        // handful of turns and a stall of the whole run); the 50 ms target is
        // the printed figure, this bound only catches work moved onto the
        // GUI thread on a loaded machine.
        QVERIFY(watchdog.ticks() > 20);
        QVERIFY2(watchdog.worstMs() < 1000, qPrintable(QString::number(watchdog.worstMs())));
        QCOMPARE(w.session().explorations().size(), 1);
    }

    void selectionReachesEveryView() {
        MainWindow w(false);
        w.resize(1440, 900);
        w.show();
        QVERIFY(openNetwork(w, QStringLiteral("resnet18")));
        const auto e = explore(w, QStringLiteral("partition"), [] {
            auto o = defaults(QStringLiteral("partition"));
            o["objective"] = std::string("pareto");
            return o;
        }());
        QVERIFY(e);
        // The Pareto view's click goes through the session to every view.
        int withResources = 0;
        while (e->points[static_cast<std::size_t>(withResources)].resources.empty()) ++withResources;
        const views::PointRef ref{0, withResources};
        emit w.paretoView()->pointSelected(ref);
        QCOMPARE(w.session().selection(), ref);
        QCOMPARE(w.paretoView()->selection(), ref);
        QVERIFY(w.graphView()->hasDesignPoint());
        QVERIFY(w.tableView()->model()->columnCount() > 8);  // the point's columns
        QVERIFY(!w.resourceBars()->bars().empty());
        // The FPGA-only baseline breaks the M20K budget: red, and named.
        for (std::size_t k = 0; k < e->points.size(); ++k)
            if (e->points[k].label == "fpga alone" && !e->points[k].feasible) {
                w.session().selectPoint({0, static_cast<int>(k)});
                QVERIFY2(w.resourceBars()->caption().contains(QStringLiteral("over budget")),
                         qPrintable(w.resourceBars()->caption()));
            }
    }

    void editorReevaluatesUndoesAndKeeps() {
        QTemporaryDir dir;
        MainWindow w(false);
        w.resize(1440, 900);
        w.show();
        QVERIFY(w.openDatabase(dir.filePath(QStringLiteral("x.sqlite"))));
        QVERIFY(w.session().setPlatform(QStringLiteral("alveo_u200_host")));
        QVERIFY(openNetwork(w, QStringLiteral("resnet18")));
        const auto e = explore(w, QStringLiteral("algosel"), defaults(QStringLiteral("algosel")));
        QVERIFY(e);
        w.session().selectPoint({0, 0});  // the PBQP optimum
        // A convolution with more than one admissible algorithm.
        const core::DesignPoint& point = e->points.front();
        int layer = -1;
        for (const auto& d : point.layers)
            if (d.detail.contains("admissible") && d.detail["admissible"].size() > 1) {
                layer = d.layerId;
                break;
            }
        QVERIFY(layer >= 0);
        w.graphView()->selectLayer(layer);
        QCOMPARE(w.layerEditor()->layerId(), layer);
        QComboBox* algorithm = nullptr;
        for (QComboBox* combo : w.layerEditor()->findChildren<QComboBox*>())
            if (combo->findText(QStringLiteral("im2col")) >= 0) algorithm = combo;
        QVERIFY(algorithm);
        const QString before = algorithm->currentText();
        algorithm->setCurrentIndex(algorithm->currentIndex() == 0 ? 1 : 0);
        QCOMPARE(w.layerEditor()->edits().size(), std::size_t{1});
        // Re-evaluated at once by the strategy: the figures show a change.
        const core::DesignPoint evaluated = w.session().evaluateEdits(w.layerEditor()->edits());
        QCOMPARE(evaluated.status, core::Status::Heuristic);
        QVERIFY(evaluated.latencyMs != point.latencyMs);
        QVERIFY(evaluated.latencyMs >= point.latencyMs);  // the optimum is exact
        QVERIFY2(w.layerEditor()->metricsText().contains(QLatin1Char('%')), qPrintable(w.layerEditor()->metricsText()));
        w.layerEditor()->undoStack()->undo();
        QVERIFY(w.layerEditor()->edits().empty());
        QCOMPARE(algorithm->currentText(), before);
        w.layerEditor()->undoStack()->redo();
        QCOMPARE(w.layerEditor()->edits().size(), std::size_t{1});

        // Keep it: a new point with its provenance, saved, the original kept.
        QSignalSpy added(&w.session(), &Session::pointAdded);
        w.session().keepEditedPoint(w.layerEditor()->edits(), false);
        QCOMPARE(added.size(), 1);
        const core::Exploration& shown = *w.session().explorations().front();
        QCOMPARE(shown.points.size(), e->points.size() + 1);
        QCOMPARE(shown.points.back().detail.value("edited_from", -1), 0);
        QCOMPARE(w.session().selection(), (views::PointRef{0, static_cast<int>(e->points.size())}));
        const core::ExplorationStore store(dir.filePath(QStringLiteral("x.sqlite")).toStdString(), true);
        const auto list = store.list();
        QCOMPARE(list.size(), std::size_t{2});
        QCOMPARE(store.load(e->id)->points.size(), e->points.size());  // nothing saved is lost

        const qint64 keptId = w.session().explorations().front()->id;
        w.session().selectPoint({0, 0});
        // Notes on the selected point go to the store with it.
        QVERIFY(w.pointNotes()->hasSubject());
        w.pointNotes()->editor()->setPlainText(QStringLiteral("winograd here is **slower**"));
        w.pointNotes()->flush();
        {
            const core::ExplorationStore store(dir.filePath(QStringLiteral("x.sqlite")).toStdString(), true);
            QCOMPARE(QString::fromStdString(store.load(keptId)->points.front().notes),
                     QStringLiteral("winograd here is **slower**"));
        }
        w.session().selectPoint({0, 1});
        w.session().selectPoint({0, 0});
        QCOMPARE(w.pointNotes()->text(), QStringLiteral("winograd here is **slower**"));

    }
};

QTEST_MAIN(TestWorkbench)
#include "tst_workbench.moc"
