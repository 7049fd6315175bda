#include "app/gui/main_window.h"

#include <QApplication>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

#include "core/types.h"
#include "core/platform/platform.h"
#include "core/zoo/zoo.h"
#include "views/exploration_browser.h"
#include "views/layer_details_widget.h"
#include "views/layer_editor.h"
#include "views/layer_table_view.h"
#include "views/network_graph_view.h"
#include "views/parallel_coordinates_view.h"
#include "views/notes_editor.h"
#include "views/option_form.h"
#include "views/pareto_view.h"
#include "views/point_summary.h"
#include "views/resource_bars_widget.h"
#include "views/run_panel.h"

namespace tessera::gui {

namespace {

QStringList toQt(const std::vector<std::string>& names) {
    QStringList out;
    for (const auto& n : names) out << QString::fromStdString(n);
    return out;
}

// A dock with an object name (saveState needs one) holding `widget`.
QDockWidget* makeDock(QMainWindow* window, const QString& title, const QString& name, QWidget* widget) {
    auto* dock = new QDockWidget(title, window);
    dock->setObjectName(name);
    dock->setWidget(widget);
    return dock;
}

// A point's notes subject packs its exploration id above its index.
constexpr int kPointBits = 24;

// `widget` in a frameless scroll area: a dock may be narrower than its
// content's minimum, which then scrolls instead of widening the window.
QScrollArea* scrolled(QWidget* widget) {
    auto* area = new QScrollArea;
    area->setWidget(widget);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    return area;
}

}  // namespace

MainWindow::MainWindow(bool interactive, QWidget* parent) : QMainWindow(parent), m_interactive(interactive) {
    setObjectName(QStringLiteral("MainWindow"));
    setAcceptDrops(true);
    setWindowTitle(QStringLiteral("Tessera"));
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks | QMainWindow::AllowNestedDocks);
    createCentralWidgets();
    createDocks();
    createActions();
    createStatusBar();
    connectSession();

    m_run->setStrategies(Session::strategies());
    m_run->setNetworkChoices(toQt(core::zooNames()));
    m_run->setPlatformChoices(toQt(core::builtinPlatformNames()));
    m_run->setPlatform(m_session.platformSpec());
    resize(1440, 900);
    if (m_interactive)
        restoreSettings();  // the saved layout, or the default one
    else
        applyDefaultLayout();
}

MainWindow::~MainWindow() = default;

QDockWidget* MainWindow::dock(const QString& objectName) const {
    for (QDockWidget* d : m_docks)
        if (d->objectName() == objectName) return d;
    return nullptr;
}

void MainWindow::createCentralWidgets() {
    m_graph = new views::NetworkGraphView(this);
    m_graph->setObjectName(QStringLiteral("graphView"));
    m_table = new views::LayerTableView(this);
    m_table->setObjectName(QStringLiteral("layerTable"));
    m_pareto = new views::ParetoView(this);
    m_pareto->setObjectName(QStringLiteral("paretoView"));

    // Graph and Pareto front side by side over the layer table.
    auto* top = m_topSplitter = new QSplitter(Qt::Horizontal);
    top->setObjectName(QStringLiteral("topSplitter"));
    top->addWidget(m_graph);
    top->addWidget(m_pareto);
    top->setStretchFactor(0, 1);
    top->setStretchFactor(1, 1);
    top->setChildrenCollapsible(false);
    m_mainSplitter = new QSplitter(Qt::Vertical);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    m_mainSplitter->addWidget(top);
    m_mainSplitter->addWidget(m_table);
    m_mainSplitter->setStretchFactor(0, 3);
    m_mainSplitter->setStretchFactor(1, 2);
    m_mainSplitter->setChildrenCollapsible(false);
    setCentralWidget(m_mainSplitter);

    // Both views emit layerSelected only on a change; the guard stops the
    // echo of the view being updated from coming back.
    connect(m_graph, &views::NetworkGraphView::layerSelected, this, [this](int layer) { onLayerSelected(layer, m_graph); });
    connect(m_table, &views::LayerTableView::layerSelected, this, [this](int layer) { onLayerSelected(layer, m_table); });
    connect(m_pareto, &views::ParetoView::pointSelected, &m_session, &Session::selectPoint);
}

void MainWindow::createDocks() {
    m_run = new views::RunPanel;
    m_run->setObjectName(QStringLiteral("runPanel"));
    m_browser = new views::ExplorationBrowser;
    m_browser->setObjectName(QStringLiteral("browser"));
    m_details = new views::LayerDetailsWidget;
    m_details->setObjectName(QStringLiteral("layerDetails"));
    m_editor = new views::LayerEditor;
    m_editor->setObjectName(QStringLiteral("layerEditor"));
    m_bars = new views::ResourceBarsWidget;
    m_bars->setObjectName(QStringLiteral("resourceBars"));
    m_parallel = new views::ParallelCoordinatesView;
    m_parallel->setObjectName(QStringLiteral("parallelView"));
    m_warnings = new QListWidget;
    m_warnings->setObjectName(QStringLiteral("warningsList"));
    m_warnings->setWordWrap(true);

    // The layer pane: what the layer is, then what the point decided for it.
    auto* layerPane = new QWidget;
    auto* layerLayout = new QVBoxLayout(layerPane);
    layerLayout->setContentsMargins(0, 0, 0, 0);
    m_pointNotes = new views::NotesEditor;
    m_pointNotes->setObjectName(QStringLiteral("pointNotes"));
    layerLayout->addWidget(m_details, 1);
    layerLayout->addWidget(m_editor, 1);
    layerLayout->addWidget(m_pointNotes);

    m_docks = {makeDock(this, tr("Explore"), QStringLiteral("exploreDock"), m_run),
               makeDock(this, tr("Explorations"), QStringLiteral("browserDock"), scrolled(m_browser)),
               makeDock(this, tr("Layer"), QStringLiteral("layerDock"), layerPane),
               makeDock(this, tr("Resources"), QStringLiteral("resourcesDock"), scrolled(m_bars)),
               makeDock(this, tr("Parallel coordinates"), QStringLiteral("parallelDock"), m_parallel),
               makeDock(this, tr("Import warnings"), QStringLiteral("warningsDock"), m_warnings)};

    connect(m_run, &views::RunPanel::runRequested, &m_session, &Session::runExploration);
    connect(m_run, &views::RunPanel::cancelRequested, &m_session, &Session::cancelExploration);
    connect(m_run, &views::RunPanel::networkRequested, this, &MainWindow::openSpec);
    connect(m_run, &views::RunPanel::platformRequested, this, &MainWindow::choosePlatform);
    connect(m_run, &views::RunPanel::networkFileRequested, this, &MainWindow::openNetworkDialog);
    connect(m_run, &views::RunPanel::platformFileRequested, this, &MainWindow::openPlatformDialog);
    connect(m_run, &views::RunPanel::inputShapeRequested, this, [this](const QString& shape) {
        QString error;
        if (m_session.setInputShape(shape, &error)) return;
        m_run->showMessage(error, true);
        const auto& n = m_session.network();
        m_run->setInputShape(n && !n->network.inputs().empty()
                                 ? QString::fromStdString(core::shapeToString(n->network.inputs().front().shape))
                                 : QString());
    });
    connect(m_parallel, &views::ParallelCoordinatesView::filterChanged, &m_session, &Session::setFilter);
    connect(m_parallel, &views::ParallelCoordinatesView::pointSelected, &m_session, &Session::selectPoint);

    connect(m_browser, &views::ExplorationBrowser::openRequested, this, [this](qint64 id) { m_session.openExploration(id); });
    connect(m_browser, &views::ExplorationBrowser::openPointRequested, this,
            [this](qint64 id, qint64 point) { m_session.openExploration(id, false, static_cast<int>(point)); });
    connect(m_browser, &views::ExplorationBrowser::renameRequested, this, [this](qint64 id, const QString& name) {
        QString error;
        if (!m_session.renameExploration(id, name, &error)) showError(tr("Could not rename the exploration"), error);
    });
    connect(m_browser, &views::ExplorationBrowser::tagRequested, this, [this](qint64 id, const QString& tag) {
        QString error;
        if (!m_session.addTag(id, tag, &error)) showError(tr("Could not tag the exploration"), error);
    });
    connect(m_browser, &views::ExplorationBrowser::notesEdited, this, [this](qint64 id, const QString& notes) {
        QString error;
        if (!m_session.setNotes(id, notes, &error)) showError(tr("Could not save the notes"), error);
    });
    connect(m_browser, &views::ExplorationBrowser::deleteRequested, this, &MainWindow::confirmDelete);
    connect(m_browser, &views::ExplorationBrowser::openDatabaseRequested, this, &MainWindow::openDatabase);
    connect(m_browser, &views::ExplorationBrowser::refreshRequested, &m_session, &Session::refreshExplorations);
    connect(m_browser, &views::ExplorationBrowser::kpiRangeRequested, this, [this](const core::PointQuery& query) {
        QString error;
        auto points = m_session.queryPoints(query, &error);
        if (!error.isEmpty()) showError(tr("Could not search the design points"), error);
        m_browser->setPoints(std::move(points));
    });

    connect(m_pointNotes, &views::NotesEditor::notesEdited, this, [this](qint64 subject, const QString& notes) {
        QString error;
        if (!m_session.setPointNotes(subject >> kPointBits, subject & ((qint64{1} << kPointBits) - 1), notes, &error))
            showError(tr("Could not save the point's notes"), error);
    });
    connect(m_editor, &views::LayerEditor::editsChanged, this,
            [this](const std::vector<core::LayerEdit>& edits) { m_editor->setEvaluated(m_session.evaluateEdits(edits)); });
    connect(m_editor, &views::LayerEditor::saveRequested, this,
            [this](const std::vector<core::LayerEdit>& edits) { m_session.keepEditedPoint(edits, false); });
    connect(m_editor, &views::LayerEditor::reoptimiseRequested, this,
            [this](const std::vector<core::LayerEdit>& edits) { m_session.keepEditedPoint(edits, true); });
}

void MainWindow::applyDefaultLayout() {
    for (QDockWidget* d : m_docks) {
        removeDockWidget(d);
        d->setFloating(false);
    }
    QDockWidget* explore = dock(QStringLiteral("exploreDock"));
    QDockWidget* browser = dock(QStringLiteral("browserDock"));
    QDockWidget* layer = dock(QStringLiteral("layerDock"));
    QDockWidget* resources = dock(QStringLiteral("resourcesDock"));
    QDockWidget* parallel = dock(QStringLiteral("parallelDock"));
    QDockWidget* warnings = dock(QStringLiteral("warningsDock"));
    const bool small = width() < 1300 || height() < 820;
    // Large: run and browse on the left, the layer and its resources on the
    // right. Small: one column of tabbed docks on the right, so that the
    // graph and the front keep a readable size.
    addDockWidget(small ? Qt::RightDockWidgetArea : Qt::LeftDockWidgetArea, explore);
    tabifyDockWidget(explore, browser);
    addDockWidget(Qt::RightDockWidgetArea, layer);
    if (small) tabifyDockWidget(explore, layer);
    tabifyDockWidget(layer, resources);
    addDockWidget(Qt::BottomDockWidgetArea, parallel);
    tabifyDockWidget(parallel, warnings);
    for (QDockWidget* d : m_docks) d->show();
    warnings->hide();
    explore->raise();
    layer->raise();
    if (small) explore->raise();
    // Sizes take once the window has its geometry: after the pending events.
    QTimer::singleShot(0, this, [this, small, explore, layer, parallel]() {
        if (small) {
            resizeDocks({explore}, {310}, Qt::Horizontal);
            resizeDocks({parallel}, {130}, Qt::Vertical);
        } else {
            resizeDocks({explore, layer}, {330, 340}, Qt::Horizontal);
            resizeDocks({parallel}, {200}, Qt::Vertical);
        }
        const int half = m_topSplitter->width() / 2;
        m_topSplitter->setSizes({half, m_topSplitter->width() - half});
        const int h = m_mainSplitter->height();
        m_mainSplitter->setSizes({h * 3 / 5, h - h * 3 / 5});
    });
}

void MainWindow::connectSession() {
    connect(&m_session, &Session::networkChanged, this, &MainWindow::showNetwork);
    connect(&m_session, &Session::networkFailed, this, [this](const QString& spec, const QString& message) {
        if (m_session.network()) m_run->setNetwork(m_session.network()->spec);
        statusBar()->showMessage(tr("Could not open %1").arg(QFileInfo(spec).fileName()), 10000);
        QString details = message;
        if (m_session.network()) details += tr("\n\n%1 stays open.").arg(QFileInfo(m_session.network()->spec).fileName());
        showError(tr("Could not open the network"), details);
        emit openFailed(spec, message);
    });
    connect(&m_session, &Session::platformChanged, this, [this](const QString& spec) {
        m_run->setPlatform(spec);
        updateTitle();
    });
    connect(&m_session, &Session::storeChanged, this, [this](const QString& path) {
        m_browser->setDatabasePath(path, m_session.storeWritable());
        m_pointNotes->setReadOnly(!m_session.storeWritable());
        addRecent(QStringLiteral("recentDatabases"), path);
    });
    connect(&m_session, &Session::explorationsListed, m_browser, &views::ExplorationBrowser::setSummaries);
    connect(&m_session, &Session::storeFailed, this,
            [this](const QString& message) { showError(tr("Exploration database"), message); });

    // The run: progress, partial results, outcome.
    JobSlot& run = m_session.explorationJob();
    connect(&run, &JobSlot::started, this, [this]() { m_run->setRunning(true); });
    connect(&run, &JobSlot::finished, this, [this]() {
        m_run->setRunning(false);
        // Partial points of a run that ended without a result leave the plot.
        m_pareto->setExplorations(m_session.explorations());
    });
    connect(&m_session, &Session::editFailed, this,
            [this](const QString& message) { showError(tr("The edited point was not kept"), message); });
    connect(&run, &JobSlot::progress, m_run, &views::RunPanel::setProgress);
    connect(&m_session, &Session::explorationPartial, this, [this](const views::ExplorationPtr& partial) {
        m_pareto->setExplorations(m_session.explorations() + views::ExplorationSet{partial});
        statusBar()->showMessage(tr("%n design point(s) so far", nullptr, static_cast<int>(partial->points.size())));
    });
    connect(&m_session, &Session::explorationFinished, this, [this](const views::ExplorationPtr& e) {
        QString text = tr("%1: %2, %n point(s) in %3 s", nullptr, static_cast<int>(e->points.size()))
                           .arg(QString::fromStdString(e->name), QString::fromStdString(std::string(core::statusName(e->status))))
                           .arg(e->seconds, 0, 'f', 1);
        if (e->id > 0) text += tr("; saved as exploration %1").arg(e->id);
        m_run->showMessage(text + (e->message.empty() ? QString() : QStringLiteral("\n") + QString::fromStdString(e->message)));
        statusBar()->showMessage(text, 10000);
    });
    connect(&m_session, &Session::explorationFailed, this, [this](const QString& message) {
        m_run->showMessage(message, true);
        statusBar()->showMessage(tr("The exploration did not run; the Explore panel says why"), 10000);
    });

    // What is on show, and what is selected.
    connect(&m_session, &Session::explorationsChanged, this, [this](const views::ExplorationSet& shown) {
        m_pareto->setExplorations(shown);
        m_parallel->setExplorations(shown);
        // Run again what is on show: its strategy and options in the form.
        if (!shown.isEmpty() && !m_run->isRunning()) {
            m_run->setStrategy(QString::fromStdString(shown.back()->strategy));
            m_run->form()->setValues(shown.back()->options);
        }
    });
    connect(&m_session, &Session::filterChanged, m_pareto, &views::ParetoView::setFilter);
    connect(&m_session, &Session::selectionChanged, this, &MainWindow::showSelection);
}

void MainWindow::openSpec(const QString& spec) {
    statusBar()->showMessage(tr("Opening %1…").arg(QFileInfo(spec).fileName()));
    m_session.openNetwork(spec);
}

void MainWindow::showNetwork(const views::NetworkSnapshotPtr& network) {
    m_syncingSelection = true;
    m_graph->setSnapshot(network);
    m_table->setSnapshot(network);
    m_details->setSnapshot(network);
    m_syncingSelection = false;
    m_selectedLayer = -1;
    m_search->clear();
    m_searchResult->clear();
    m_run->setNetwork(network->spec);
    if (!network->network.inputs().empty())
        m_run->setInputShape(QString::fromStdString(core::shapeToString(network->network.inputs().front().shape)));

    const core::NetworkMetrics& m = network->metrics;
    m_totals->setText(tr("%1 layers  ·  %2 GMACs  ·  %3 M params")
                          .arg(network->network.layerCount())
                          .arg(static_cast<double>(m.macs) / 1e9, 0, 'f', 2)
                          .arg(static_cast<double>(m.params) / 1e6, 0, 'f', 2));
    const QStringList& warnings = m_session.networkWarnings();
    m_warnings->clear();
    m_warnings->addItems(warnings);
    dock(QStringLiteral("warningsDock"))->setVisible(!warnings.isEmpty());
    if (!warnings.isEmpty()) dock(QStringLiteral("warningsDock"))->raise();
    QString message = tr("Opened %1 (layout %2 ms)")
                          .arg(QFileInfo(network->spec).fileName())
                          .arg(qRound(network->layoutSeconds * 1e3));
    if (!warnings.isEmpty()) message += tr(" with %n import warning(s)", nullptr, static_cast<int>(warnings.size()));
    if (!network->layout.ok())
        message += tr("; graph layout failed (%1), showing a simple column").arg(QString::fromStdString(network->layout.error));
    statusBar()->showMessage(message, 10000);
    if (!m_session.isExploring()) addRecent(QStringLiteral("recentNetworks"), network->spec);
    updateTitle();
    showSelection();
    emit networkShown(network->spec);
}

void MainWindow::showSelection() {
    const core::DesignPoint* point = m_session.selectedPoint();
    const views::PointRef ref = m_session.selection();
    m_pareto->setSelection(ref);
    m_parallel->setSelection(ref);
    m_graph->setDesignPoint(point);
    m_table->setDesignPoint(point);
    m_details->setDesignPoint(point);
    m_bars->setDesignPoint(point, m_selectedLayer);
    if (point) {
        const core::Exploration& e = *m_session.explorations()[ref.exploration];
        m_pointLabel->setText(views::pointSummary(e, *point));
        // Notes belong to stored points: (exploration id, point) as the subject.
        if (e.id > 0)
            m_pointNotes->setSubject((e.id << kPointBits) | ref.point,
                                     tr("Notes on %1").arg(QString::fromStdString(point->label)), m_session.pointNotes(ref));
        else
            m_pointNotes->clearSubject();
        statusBar()->clearMessage();  // a temporary message would hide the summary
        m_pointLabel->setToolTip(QString::fromStdString(e.name));
    } else {
        m_pointLabel->clear();
        m_pointNotes->clearSubject();
    }
    onLayerSelected(m_selectedLayer, nullptr);
}

void MainWindow::onLayerSelected(int layerIndex, QObject* origin) {
    if (m_syncingSelection) return;
    m_syncingSelection = true;
    m_selectedLayer = layerIndex;
    if (origin != m_graph) m_graph->selectLayer(layerIndex);
    if (origin != m_table) m_table->selectLayer(layerIndex);
    m_details->showLayer(layerIndex);
    m_bars->setDesignPoint(m_session.selectedPoint(), layerIndex);
    m_editor->setContext(m_session.explorations().value(m_session.selection().exploration), m_session.selection().point,
                         layerIndex, m_session.editableChoices(layerIndex));
    m_syncingSelection = false;
}

void MainWindow::updateTitle() {
    QString title = QStringLiteral("Tessera");
    if (const auto& n = m_session.network()) {
        QString name = QString::fromStdString(n->network.name);
        if (name.isEmpty()) name = QFileInfo(n->spec).fileName();
        title = QStringLiteral("%1 on %2 — Tessera").arg(name, QFileInfo(m_session.platformSpec()).fileName());
        setWindowFilePath(core::isZooName(n->spec.toStdString()) ? QString() : n->spec);
    }
    setWindowTitle(title);
}

}  // namespace tessera::gui
