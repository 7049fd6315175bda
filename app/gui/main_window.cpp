#include "main_window.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QUrl>

#include <algorithm>
#include <utility>

#include "app/gui/job_runner.h"
#include "app/gui/partition_adapter.h"
#include "core/platform/platform.h"
#include "core/zoo/zoo.h"
#include "views/layer_details_widget.h"
#include "views/layer_table_view.h"
#include "views/network_graph_view.h"
#include "views/partition_panel.h"

namespace tessera::gui {
namespace {

const QString kOpenChannel = QStringLiteral("open network");
const QString kPartitionChannel = QStringLiteral("partition");
constexpr const char* kDefaultPlatform = "jetson_tx2_cyclone10gx";
constexpr int kFileEntryRole = Qt::UserRole + 1;  // combo entry standing for a file

bool isNetworkFile(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("json") || suffix == QLatin1String("onnx");
}

// How a spec is named to the user: zoo names as they are, files by name.
QString displayName(const QString& spec) {
    if (core::isZooName(spec.toStdString())) return spec;
    return QFileInfo(spec).fileName();
}

// A count with an SI prefix: "1.81 G", "350.37 K", "160 " (callers add the unit).
QString scaled(double value) {
    for (const auto& [factor, prefix] : {std::pair{1e9, "G"}, std::pair{1e6, "M"}, std::pair{1e3, "K"}})
        if (value >= factor) return QStringLiteral("%1 %2").arg(value / factor, 0, 'f', 2).arg(QLatin1String(prefix));
    return QStringLiteral("%1 ").arg(value, 0, 'f', 0);
}

QSettings settings() { return QSettings(QStringLiteral("Tessera"), QStringLiteral("Tessera")); }

}  // namespace

MainWindow::MainWindow(bool interactive, QWidget* parent)
    : QMainWindow(parent), m_interactive(interactive), m_jobs(new JobRunner(this)) {
    setObjectName(QStringLiteral("MainWindow"));
    setAcceptDrops(true);
    setWindowTitle(QStringLiteral("Tessera"));
    createCentralWidgets();
    createActions();
    createDocks();
    createStatusBar();

    connect(m_jobs, &JobRunner::progress, this, [this](const QString& channel, int percent, const QString& message) {
        if (channel == kPartitionChannel) m_partition->setProgress(percent, message);
        if (channel != kOpenChannel) return;
        m_progress->setValue(percent);
        statusBar()->showMessage(message);
    });
    connect(m_jobs, &JobRunner::started, this, [this](const QString& channel) {
        if (channel == kPartitionChannel) m_partition->setRunning(true);
        if (channel != kOpenChannel) return;
        m_progress->setValue(0);
        m_progress->show();
    });
    connect(m_jobs, &JobRunner::finished, this, [this](const QString& channel) {
        if (channel == kOpenChannel && !m_jobs->isRunning(kOpenChannel)) m_progress->hide();
        if (channel == kPartitionChannel && !m_jobs->isRunning(kPartitionChannel)) m_partition->setRunning(false);
    });

    resize(1440, 900);
    if (m_interactive) {
        QSettings s = settings();
        restoreGeometry(s.value(QStringLiteral("mainWindow/geometry")).toByteArray());
        restoreState(s.value(QStringLiteral("mainWindow/state")).toByteArray());
        m_mainSplitter->restoreState(s.value(QStringLiteral("mainWindow/mainSplitter")).toByteArray());
        m_topSplitter->restoreState(s.value(QStringLiteral("mainWindow/topSplitter")).toByteArray());
    }
    m_warningsDock->hide();  // shown when an import has something to say
}

MainWindow::~MainWindow() {
    // Jobs report to this window: stop them before its members go.
    delete m_jobs;
    m_jobs = nullptr;
}

void MainWindow::createCentralWidgets() {
    m_graph = new views::NetworkGraphView(this);
    m_graph->setObjectName(QStringLiteral("graphView"));
    m_table = new views::LayerTableView(this);
    m_table->setObjectName(QStringLiteral("layerTable"));
    m_details = new views::LayerDetailsWidget(this);
    m_details->setObjectName(QStringLiteral("layerDetails"));

    m_topSplitter = new QSplitter(Qt::Horizontal);
    m_topSplitter->setObjectName(QStringLiteral("topSplitter"));
    m_topSplitter->addWidget(m_graph);
    m_topSplitter->addWidget(m_details);
    m_topSplitter->setStretchFactor(0, 3);
    m_topSplitter->setStretchFactor(1, 1);
    m_topSplitter->setSizes({1040, 400});
    m_topSplitter->setChildrenCollapsible(false);

    m_mainSplitter = new QSplitter(Qt::Vertical);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    m_mainSplitter->addWidget(m_topSplitter);
    m_mainSplitter->addWidget(m_table);
    m_mainSplitter->setStretchFactor(0, 3);
    m_mainSplitter->setStretchFactor(1, 2);
    m_mainSplitter->setSizes({520, 300});
    m_mainSplitter->setChildrenCollapsible(false);
    setCentralWidget(m_mainSplitter);

    // Both views emit layerSelected only on a change; the guard stops the
    // echo of the view being updated from coming back.
    connect(m_graph, &views::NetworkGraphView::layerSelected, this,
            [this](int layer) { onLayerSelected(layer, m_graph); });
    connect(m_table, &views::LayerTableView::layerSelected, this,
            [this](int layer) { onLayerSelected(layer, m_table); });
}

void MainWindow::createActions() {
    // File
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    QAction* openAction = fileMenu->addAction(tr("&Open…"), this, &MainWindow::openFileDialog);
    openAction->setShortcut(QKeySequence::Open);
    openAction->setToolTip(tr("Open a network file (.json or .onnx)"));
    QMenu* zooMenu = fileMenu->addMenu(tr("Open &Zoo Network"));
    for (const std::string& name : core::zooNames()) {
        const QString spec = QString::fromStdString(name);
        zooMenu->addAction(spec, this, [this, spec]() { openSpec(spec); });
    }
    fileMenu->addSeparator();
    QAction* quitAction = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quitAction->setShortcut(QKeySequence::Quit);

    // View
    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    QAction* zoomIn = viewMenu->addAction(tr("Zoom &In"), m_graph, &views::NetworkGraphView::zoomIn);
    zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    QAction* zoomOut = viewMenu->addAction(tr("Zoom &Out"), m_graph, &views::NetworkGraphView::zoomOut);
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    QAction* fit = viewMenu->addAction(tr("&Fit Graph to View"), m_graph, &views::NetworkGraphView::fitToView);
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    QAction* top = viewMenu->addAction(tr("Readable &Size, Top"), m_graph, &views::NetworkGraphView::showTop);
    top->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    viewMenu->addSeparator();
    QAction* find = viewMenu->addAction(tr("&Find Layer…"));
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this]() {
        m_search->setFocus();
        m_search->selectAll();
    });
    QAction* legend = viewMenu->addAction(tr("Op &Legend"));
    legend->setCheckable(true);
    legend->setChecked(true);
    connect(legend, &QAction::toggled, m_graph, &views::NetworkGraphView::setLegendVisible);

    // Help
    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About Tessera"), this, &MainWindow::showAbout);

    // Tool bar: network picker, open, zoom, search.
    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addWidget(new QLabel(tr("Network ")));
    m_networkCombo = new QComboBox;
    m_networkCombo->setObjectName(QStringLiteral("networkCombo"));
    m_networkCombo->setToolTip(tr("Built-in networks (the model zoo)"));
    m_networkCombo->setMinimumContentsLength(18);
    m_networkCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    for (const std::string& name : core::zooNames())
        m_networkCombo->addItem(QString::fromStdString(name), QString::fromStdString(name));
    // activated: user choices only, not our own setCurrentIndex.
    connect(m_networkCombo, &QComboBox::activated, this, [this](int index) {
        const QString spec = m_networkCombo->itemData(index).toString();
        if (!spec.isEmpty() && (!m_snapshot || spec != m_snapshot->spec)) openSpec(spec);
    });
    bar->addWidget(m_networkCombo);
    bar->addAction(openAction);
    bar->addSeparator();
    zoomOut->setIconText(tr("Zoom −"));
    zoomIn->setIconText(tr("Zoom +"));
    fit->setIconText(tr("Fit"));
    top->setIconText(tr("Top"));
    bar->addAction(zoomOut);
    bar->addAction(zoomIn);
    bar->addAction(fit);
    bar->addAction(top);
    bar->addSeparator();
    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("layerSearch"));
    m_search->setPlaceholderText(tr("Find layer by name (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(280);
    m_search->setMinimumWidth(200);
    m_search->setToolTip(tr("Highlights layers whose name contains the text; Enter selects the next match"));
    connect(m_search, &QLineEdit::textEdited, this, &MainWindow::onSearchEdited);
    connect(m_search, &QLineEdit::returnPressed, this, &MainWindow::onSearchNext);
    bar->addWidget(m_search);
    m_searchResult = new QLabel;
    m_searchResult->setObjectName(QStringLiteral("searchResult"));
    m_searchResult->setMinimumWidth(110);
    m_searchResult->setContentsMargins(6, 0, 0, 0);
    bar->addWidget(m_searchResult);
}

void MainWindow::createDocks() {
    m_warningsDock = new QDockWidget(tr("Import warnings"), this);
    m_warningsDock->setObjectName(QStringLiteral("warningsDock"));
    m_warnings = new QListWidget(m_warningsDock);
    m_warnings->setObjectName(QStringLiteral("warningsList"));
    m_warnings->setWordWrap(true);
    m_warnings->setStyleSheet(QStringLiteral("QListWidget { background: #fff8e1; }"));
    m_warningsDock->setWidget(m_warnings);
    addDockWidget(Qt::BottomDockWidgetArea, m_warningsDock);
    QMenu* viewMenu = nullptr;
    for (QAction* a : menuBar()->actions())
        if (a->menu() && a->text() == tr("&View")) viewMenu = a->menu();
    if (viewMenu) viewMenu->addAction(m_warningsDock->toggleViewAction());

    m_partitionDock = new QDockWidget(tr("Partition"), this);
    m_partitionDock->setObjectName(QStringLiteral("partitionDock"));
    m_partition = new views::PartitionPanel(m_partitionDock);
    QStringList platforms;
    for (const std::string& name : core::builtinPlatformNames()) platforms << QString::fromStdString(name);
    m_partition->setPlatforms(platforms, QString::fromLatin1(kDefaultPlatform));
    m_partitionDock->setWidget(m_partition);
    addDockWidget(Qt::BottomDockWidgetArea, m_partitionDock);
    m_partitionDock->hide();  // View > Partition
    QAction* toggle = m_partitionDock->toggleViewAction();
    toggle->setText(tr("&Partition (GP, method 1)"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    if (viewMenu) viewMenu->addAction(toggle);
    connect(m_partition, &views::PartitionPanel::runRequested, this, &MainWindow::runPartition);
    connect(m_partition, &views::PartitionPanel::cancelRequested, this, [this]() {
        m_jobs->cancel(kPartitionChannel);
        m_partition->showCancelled();
    });
    connect(m_partition, &views::PartitionPanel::layerActivated, this, &MainWindow::onPartitionLayerActivated);
}

void MainWindow::runPartition(const views::PartitionSettings& settings) {
    if (!m_snapshot) {
        m_partition->showError(tr("Open a network first."));
        emit partitionFailed(m_partition->message());
        return;
    }
    if (!m_partitionDock->isVisible()) m_partitionDock->show();
    const views::NetworkSnapshotPtr snapshot = m_snapshot;
    const std::string platformName = settings.platform.toStdString();
    solver::partition::PartitionOptions options = partitionOptions(settings);
    std::function<views::PartitionResult(JobContext&)> work = [snapshot, platformName, options](JobContext& job) mutable {
        job.progress(0, QStringLiteral("Loading platform %1").arg(QString::fromStdString(platformName)));
        const core::Platform platform = core::openPlatform(platformName);  // FormatError: the failure message
        // Per-layer solves are most of the work; fused groups (method best /
        // fused) follow them, so the bar stops short of the end until then.
        options.progress = [&job](double fraction, std::string_view message) {
            QString text = QString::fromUtf8(message.data(), static_cast<qsizetype>(message.size()));
            if (!text.isEmpty()) text[0] = text[0].toUpper();
            return job.progress(static_cast<int>(100 * fraction), text);
        };
        const solver::partition::NetworkPartition partition =
            solver::partition::partitionNetwork(snapshot->network, platform, options);
        return toPartitionResult(partition, platform);
    };
    m_jobs->start<views::PartitionResult>(
        kPartitionChannel, std::move(work),
        [this, snapshot](views::PartitionResult result) {
            if (snapshot != m_snapshot) return;  // another network was opened meanwhile
            m_partition->setResult(result);
            statusBar()->showMessage(tr("Partition: %1").arg(m_partition->message()), 10000);
            emit partitionShown();
        },
        [this](const QString& message) {
            m_partition->showError(tr("Partition failed: %1").arg(message));
            emit partitionFailed(message);
        });
}

void MainWindow::onPartitionLayerActivated(const QString& layer) {
    if (!m_snapshot) return;
    const auto id = m_snapshot->network.findLayer(layer.toStdString());
    if (id) onLayerSelected(id->value, m_partition);
}

void MainWindow::createStatusBar() {
    m_progress = new QProgressBar;
    m_progress->setRange(0, 100);
    m_progress->setMaximumWidth(180);
    m_progress->setTextVisible(false);
    m_progress->hide();
    statusBar()->addPermanentWidget(m_progress);
    m_totals = new QLabel;
    m_totals->setObjectName(QStringLiteral("totals"));
    m_totals->setContentsMargins(8, 0, 8, 0);
    statusBar()->addPermanentWidget(m_totals);
}

void MainWindow::openSpec(const QString& spec) {
    statusBar()->showMessage(tr("Opening %1…").arg(displayName(spec)));
    const std::string specUtf8 = spec.toStdString();
    std::function<Opened(JobContext&)> work = [spec, specUtf8](JobContext& job) {
        Opened opened;
        job.progress(5, QStringLiteral("Reading %1").arg(displayName(spec)));
        core::OpenedNetwork network = core::openNetworkWithWarnings(specUtf8);
        for (const std::string& w : network.warnings) opened.warnings << QString::fromStdString(w);
        if (!job.progress(30, QStringLiteral("Read %1 layers").arg(network.network.layerCount()))) return opened;
        opened.snapshot = views::buildNetworkSnapshot(std::move(network.network), spec,
                                                      [&job](int percent, const QString& message) {
                                                          return job.progress(percent, message);
                                                      });
        return opened;
    };
    m_jobs->start<Opened>(
        kOpenChannel, std::move(work),
        [this](Opened opened) {
            if (opened.snapshot) showSnapshot(opened);
        },
        [this, spec](const QString& message) { showOpenError(spec, message); });
}

void MainWindow::showSnapshot(const Opened& opened) {
    m_snapshot = opened.snapshot;
    m_syncingSelection = true;
    m_graph->setSnapshot(m_snapshot);
    m_table->setSnapshot(m_snapshot);
    m_details->setSnapshot(m_snapshot);
    m_syncingSelection = false;
    m_search->clear();
    m_searchResult->clear();
    // A partition of the previous network means nothing for this one.
    m_jobs->cancel(kPartitionChannel);
    m_partition->clear();

    const core::NetworkMetrics& m = m_snapshot->metrics;
    // "1.81 GMACs" but "11.69 M params", as the papers write them.
    m_totals->setText(tr("%1 layers  ·  %2MACs  ·  %3 params")
                          .arg(m_snapshot->network.layerCount())
                          .arg(scaled(static_cast<double>(m.macs)), scaled(static_cast<double>(m.params)).trimmed()));

    m_warnings->clear();
    m_warnings->addItems(opened.warnings);
    m_warningsDock->setVisible(!opened.warnings.isEmpty());
    if (!opened.warnings.isEmpty()) {
        const int rows = std::min<int>(static_cast<int>(opened.warnings.size()), 5);
        resizeDocks({m_warningsDock}, {rows * (fontMetrics().height() + 4) + 36}, Qt::Vertical);
    }
    QString message = tr("Opened %1 in %2 ms (layout %3 ms)")
                          .arg(displayName(m_snapshot->spec))
                          .arg(qRound((m_snapshot->metricsSeconds + m_snapshot->labelSeconds + m_snapshot->layoutSeconds) * 1e3))
                          .arg(qRound(m_snapshot->layoutSeconds * 1e3));
    if (!opened.warnings.isEmpty()) message += tr(" with %n import warning(s)", nullptr, int(opened.warnings.size()));
    if (!m_snapshot->layout.ok())
        message += tr("; graph layout failed (%1), showing a simple column")
                       .arg(QString::fromStdString(m_snapshot->layout.error));
    statusBar()->showMessage(message, 10000);
    syncNetworkCombo();
    updateTitle();
    emit networkShown(m_snapshot->spec);
}

void MainWindow::showOpenError(const QString& spec, const QString& problem) {
    // Core's messages name the file already; make sure every one does.
    const QString message = problem.contains(spec) ? problem : QStringLiteral("%1: %2").arg(spec, problem);
    syncNetworkCombo();
    statusBar()->showMessage(tr("Could not open %1").arg(displayName(spec)), 10000);
    if (m_interactive) {
        // Window-modal and non-blocking: no nested event loop.
        auto* box = new QMessageBox(QMessageBox::Critical, tr("Could not open network"),
                                    tr("Could not open %1.").arg(displayName(spec)), QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("openErrorBox"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        QString details = message;
        if (m_snapshot) details += tr("\n\n%1 stays open.").arg(displayName(m_snapshot->spec));
        box->setInformativeText(details);
        box->setTextInteractionFlags(Qt::TextSelectableByMouse);
        box->setStyleSheet(QStringLiteral("QLabel { min-width: 420px; }"));  // long paths wrap less
        box->open();
    }
    emit openFailed(spec, message);
}

void MainWindow::onLayerSelected(int layerIndex, QObject* origin) {
    if (m_syncingSelection) return;
    m_syncingSelection = true;
    if (origin != m_graph) m_graph->selectLayer(layerIndex);
    if (origin != m_table) m_table->selectLayer(layerIndex);
    if (origin != m_partition && m_snapshot && layerIndex >= 0 &&
        static_cast<std::size_t>(layerIndex) < m_snapshot->network.layerCount())
        m_partition->selectLayer(QString::fromStdString(m_snapshot->network.layer(core::LayerId{layerIndex}).name));
    m_details->showLayer(layerIndex);
    m_syncingSelection = false;
}

void MainWindow::onSearchEdited(const QString& text) {
    const int matches = m_graph->setSearchText(text);
    if (text.trimmed().isEmpty()) {
        m_searchResult->clear();
        return;
    }
    m_searchResult->setText(matches == 0 ? tr("no match") : tr("%n match(es)", nullptr, matches));
    if (matches > 0) m_graph->nextMatch();  // select and centre the best match
}

void MainWindow::onSearchNext() {
    const int total = static_cast<int>(m_graph->searchMatches().size());
    if (total == 0) {
        onSearchEdited(m_search->text());
        return;
    }
    const int layer = m_graph->nextMatch();
    const auto& matches = m_graph->searchMatches();
    const auto pos = std::find(matches.begin(), matches.end(), layer) - matches.begin();
    m_searchResult->setText(tr("%1 of %2").arg(pos + 1).arg(total));
}

void MainWindow::openFileDialog() {
    QString dir;
    if (m_interactive) dir = settings().value(QStringLiteral("lastOpenDir")).toString();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Network"), dir,
                                                      tr("Networks (*.json *.onnx);;Tessera JSON (*.json);;"
                                                         "ONNX models (*.onnx);;All files (*)"));
    if (path.isEmpty()) return;
    if (m_interactive) settings().setValue(QStringLiteral("lastOpenDir"), QFileInfo(path).absolutePath());
    openSpec(path);
}

void MainWindow::syncNetworkCombo() {
    // Zoo entries first, then (after a separator) the open file, if any.
    for (int i = m_networkCombo->count() - 1; i >= 0; --i) {
        if (m_networkCombo->itemData(i, kFileEntryRole).toBool() || m_networkCombo->itemText(i).isEmpty())
            m_networkCombo->removeItem(i);
    }
    if (!m_snapshot) return;
    const QString spec = m_snapshot->spec;
    int index = m_networkCombo->findData(spec);
    if (index < 0) {
        m_networkCombo->insertSeparator(m_networkCombo->count());
        m_networkCombo->addItem(displayName(spec), spec);
        index = m_networkCombo->count() - 1;
        m_networkCombo->setItemData(index, true, kFileEntryRole);
        m_networkCombo->setItemData(index, spec, Qt::ToolTipRole);
    }
    m_networkCombo->setCurrentIndex(index);
}

void MainWindow::updateTitle() {
    if (!m_snapshot) {
        setWindowTitle(QStringLiteral("Tessera"));
        return;
    }
    QString name = QString::fromStdString(m_snapshot->network.name);
    if (name.isEmpty()) name = displayName(m_snapshot->spec);
    const QString shown = displayName(m_snapshot->spec);
    if (QFileInfo(shown).completeBaseName() == name) name = shown;  // "model.onnx", not "model (model.onnx)"
    else if (shown != name) name += QStringLiteral(" (%1)").arg(shown);
    setWindowTitle(QStringLiteral("%1 — Tessera").arg(name));
    setWindowFilePath(core::isZooName(m_snapshot->spec.toStdString()) ? QString() : m_snapshot->spec);
}

void MainWindow::showAbout() {
    QMessageBox::about(this, tr("About Tessera"),
                       tr("<b>Tessera %1</b><p>Design-space exploration of CNN inference on heterogeneous "
                          "CPU / GPU / FPGA platforms.</p><p>Graph: wheel or Ctrl +/− to zoom, drag to pan, "
                          "Ctrl+0 to fit, Ctrl+F to find a layer. Open networks from the zoo, as Tessera JSON "
                          "or ONNX (File ▸ Open, or drop a file on the window).</p>")
                           .arg(QApplication::applicationVersion()));
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (m_interactive) {
        QSettings s = settings();
        s.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
        s.setValue(QStringLiteral("mainWindow/state"), saveState());
        s.setValue(QStringLiteral("mainWindow/mainSplitter"), m_mainSplitter->saveState());
        s.setValue(QStringLiteral("mainWindow/topSplitter"), m_topSplitter->saveState());
    }
    m_jobs->cancel(kOpenChannel);
    m_jobs->cancel(kPartitionChannel);
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    const QMimeData* mime = event->mimeData();
    if (!mime->hasUrls()) return;
    for (const QUrl& url : mime->urls()) {
        if (url.isLocalFile() && isNetworkFile(url.toLocalFile())) {
            event->acceptProposedAction();
            return;
        }
    }
}

void MainWindow::dropEvent(QDropEvent* event) {
    for (const QUrl& url : event->mimeData()->urls()) {
        if (url.isLocalFile() && isNetworkFile(url.toLocalFile())) {
            event->acceptProposedAction();
            openSpec(url.toLocalFile());
            return;
        }
    }
}

}  // namespace tessera::gui
