// The main window's desktop conventions: menus with standard shortcuts, the
// tool bar, the status bar, file dialogs, recent networks and databases,
// window and dock layout kept in QSettings, drag and drop, About, and
// errors shown in dialogs that say what to do.

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoStack>
#include <QUrl>

#include <sqlite3.h>

#include "app/gui/main_window.h"
#include "core/zoo/zoo.h"
#include "views/exploration_browser.h"
#include "views/layer_editor.h"
#include "views/network_graph_view.h"
#include "views/pareto_view.h"
#include "views/option_form.h"
#include "views/run_panel.h"

namespace tessera::gui {

namespace {

constexpr int kMaxRecent = 8;

QSettings settings() { return QSettings(QStringLiteral("Tessera"), QStringLiteral("Tessera")); }

enum class DroppedKind { None, Network, Database };

DroppedKind droppedKind(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("json") || suffix == QLatin1String("onnx")) return DroppedKind::Network;
    if (suffix == QLatin1String("sqlite") || suffix == QLatin1String("db") || suffix == QLatin1String("sqlite3"))
        return DroppedKind::Database;
    return DroppedKind::None;
}

}  // namespace

void MainWindow::createActions() {
    // File
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open Network…"), this, &MainWindow::openNetworkDialog);
    open->setShortcut(QKeySequence::Open);
    open->setToolTip(tr("Open a network file (.json or .onnx)"));
    QMenu* zoo = file->addMenu(tr("Open &Zoo Network"));
    for (const std::string& name : core::zooNames()) {
        const QString spec = QString::fromStdString(name);
        zoo->addAction(spec, this, [this, spec]() { openSpec(spec); });
    }
    m_recentNetworks = file->addMenu(tr("&Recent Networks"));
    file->addAction(tr("Open &Platform…"), this, &MainWindow::openPlatformDialog)
        ->setToolTip(tr("Use a platform descriptor file (.json) for the next explorations"));
    file->addSeparator();
    QAction* openDb = file->addAction(tr("Open &Database…"), this, &MainWindow::openDatabaseDialog);
    openDb->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_recentDatabases = file->addMenu(tr("Recent &Databases"));
    file->addSeparator();
    QAction* exportPlot = file->addAction(tr("&Export Pareto Plot…"), this, &MainWindow::exportParetoDialog);
    exportPlot->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    file->addSeparator();
    file->addAction(tr("&Quit"), this, &QWidget::close)->setShortcut(QKeySequence::Quit);

    // Edit: the layer editor's undo stack, and copy of the focused table.
    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_editor->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_editor->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    QAction* find = edit->addAction(tr("&Find Layer…"));
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this]() {
        m_search->setFocus();
        m_search->selectAll();
    });

    // View
    m_viewMenu = menuBar()->addMenu(tr("&View"));
    QAction* zoomIn = m_viewMenu->addAction(tr("Zoom &In"), m_graph, &views::NetworkGraphView::zoomIn);
    zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    QAction* zoomOut = m_viewMenu->addAction(tr("Zoom &Out"), m_graph, &views::NetworkGraphView::zoomOut);
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    QAction* fit = m_viewMenu->addAction(tr("&Fit Graph to View"), m_graph, &views::NetworkGraphView::fitToView);
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    QAction* top = m_viewMenu->addAction(tr("Readable &Size, Top"), m_graph, &views::NetworkGraphView::showTop);
    top->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    QAction* collapse = m_viewMenu->addAction(tr("&Collapse Repeated Blocks"));
    collapse->setCheckable(true);
    collapse->setToolTip(tr("Show repeated blocks (layers sharing a name prefix) as one box; double-click a box to open it"));
    connect(collapse, &QAction::toggled, m_graph, &views::NetworkGraphView::setCollapsed);
    connect(&m_session, &Session::networkChanged, collapse, [this, collapse]() {
        const QSignalBlocker block(collapse);
        collapse->setChecked(m_graph->isCollapsed());
    });
    m_viewMenu->addSeparator();
    for (QDockWidget* d : m_docks) m_viewMenu->addAction(d->toggleViewAction());
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(tr("&Reset Layout"), this, &MainWindow::applyDefaultLayout);

    // Explore
    QMenu* explore = menuBar()->addMenu(tr("E&xplore"));
    QAction* run = explore->addAction(tr("&Run"), this, [this]() {
        dock(QStringLiteral("exploreDock"))->show();
        dock(QStringLiteral("exploreDock"))->raise();
        if (!m_run->isRunning()) m_run->requestRun();
    });
    run->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    QAction* cancel = explore->addAction(tr("&Cancel"), &m_session, &Session::cancelExploration);
    cancel->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    explore->addSeparator();
    QMenu* strategies = explore->addMenu(tr("&Strategy"));
    for (const views::StrategyInfo& s : Session::strategies()) {
        QAction* a = strategies->addAction(s.name, this, [this, name = s.name]() {
            m_run->setStrategy(name);
            dock(QStringLiteral("exploreDock"))->show();
            dock(QStringLiteral("exploreDock"))->raise();
        });
        a->setToolTip(s.description);
    }
    explore->addSeparator();
    QAction* overlay = explore->addAction(tr("&Add Selected Explorations to the Plot"), this, [this]() {
        const QList<qint64> ids = m_browser->selectedIds();
        if (ids.isEmpty()) {
            showError(tr("Nothing to add"), tr("Select explorations in the Explorations dock first."));
            return;
        }
        m_session.overlayExplorations(ids);
    });
    overlay->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    overlay->setToolTip(tr("Overlay the explorations selected in the browser on those on show (fronts, hypervolumes)"));
    explore->addAction(tr("Close &Explorations"), &m_session, &Session::closeExplorations);

    // Help
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Tessera"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);

    // Tool bar: open, zoom, search.
    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    open->setIconText(tr("Open"));
    run->setIconText(tr("Run"));
    cancel->setIconText(tr("Cancel"));
    zoomOut->setIconText(tr("Zoom −"));
    zoomIn->setIconText(tr("Zoom +"));
    fit->setIconText(tr("Fit"));
    bar->addAction(open);
    bar->addAction(run);
    bar->addAction(cancel);
    bar->addSeparator();
    bar->addAction(zoomOut);
    bar->addAction(zoomIn);
    bar->addAction(fit);
    bar->addSeparator();
    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("layerSearch"));
    m_search->setPlaceholderText(tr("Find layer (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(240);
    m_search->setMinimumWidth(140);
    m_search->setToolTip(tr("Highlights layers whose name contains the text; Enter selects the next match"));
    connect(m_search, &QLineEdit::textEdited, this, &MainWindow::onSearchEdited);
    connect(m_search, &QLineEdit::returnPressed, this, &MainWindow::onSearchNext);
    bar->addWidget(m_search);
    m_searchResult = new QLabel;
    m_searchResult->setObjectName(QStringLiteral("searchResult"));
    m_searchResult->setContentsMargins(6, 0, 0, 0);
    bar->addWidget(m_searchResult);
    rebuildRecentMenus();
}

void MainWindow::createStatusBar() {
    m_pointLabel = new QLabel;
    m_pointLabel->setObjectName(QStringLiteral("pointSummary"));
    m_pointLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_pointLabel, 1);
    m_progress = new QProgressBar;
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(160);
    m_progress->setTextVisible(false);
    m_progress->hide();
    statusBar()->addPermanentWidget(m_progress);
    m_totals = new QLabel;
    m_totals->setObjectName(QStringLiteral("totals"));
    m_totals->setContentsMargins(8, 0, 8, 0);
    statusBar()->addPermanentWidget(m_totals);
    JobSlot& opening = m_session.networkJob();
    connect(&opening, &JobSlot::started, m_progress, &QWidget::show);
    connect(&opening, &JobSlot::finished, m_progress, &QWidget::hide);
    connect(&opening, &JobSlot::progress, this, [this](double fraction, const QString& message) {
        m_progress->setValue(static_cast<int>(fraction * 1000));
        statusBar()->showMessage(message);
    });
}

void MainWindow::openNetworkDialog() {
    QString dir = m_interactive ? settings().value(QStringLiteral("lastOpenDir")).toString() : QString();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Network"), dir,
        tr("Networks (*.json *.onnx);;Tessera JSON (*.json);;ONNX models (*.onnx);;All files (*)"));
    if (path.isEmpty()) {
        if (m_session.network()) m_run->setNetwork(m_session.network()->spec);
        return;
    }
    if (m_interactive) settings().setValue(QStringLiteral("lastOpenDir"), QFileInfo(path).absolutePath());
    openSpec(path);
}

void MainWindow::openPlatformDialog() {
    QString dir = m_interactive ? settings().value(QStringLiteral("lastPlatformDir")).toString() : QString();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Platform Descriptor"), dir,
                                                      tr("Platform descriptors (*.json);;All files (*)"));
    if (path.isEmpty()) {
        m_run->setPlatform(m_session.platformSpec());
        return;
    }
    if (m_interactive) settings().setValue(QStringLiteral("lastPlatformDir"), QFileInfo(path).absolutePath());
    choosePlatform(path);
}

void MainWindow::choosePlatform(const QString& spec) {
    QString error;
    if (!m_session.setPlatform(spec, &error)) {
        m_run->setPlatform(m_session.platformSpec());
        showError(tr("Could not use the platform"),
                  error + tr("\n\n%1 stays the platform.").arg(QFileInfo(m_session.platformSpec()).fileName()));
        return;
    }
    statusBar()->showMessage(tr("Platform: %1").arg(QString::fromStdString(m_session.platform()->name())), 5000);
}

void MainWindow::exportParetoDialog() {
    QString dir = m_interactive ? settings().value(QStringLiteral("lastExportDir")).toString() : QString();
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Pareto Plot"), dir,
                                                      tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
    if (path.isEmpty()) return;
    if (m_interactive) settings().setValue(QStringLiteral("lastExportDir"), QFileInfo(path).absolutePath());
    if (!m_pareto->exportTo(path))
        showError(tr("Could not export the plot"),
                  tr("%1: could not be written. Use a .png, .svg or .pdf name in a folder you can write to.").arg(path));
    else
        statusBar()->showMessage(tr("Plot saved to %1").arg(path), 8000);
}

void MainWindow::openDatabaseDialog() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Open or Create Exploration Database"), m_session.storePath(),
        tr("Exploration databases (*.sqlite *.db);;All files (*)"), nullptr, QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty()) openDatabase(path);
}

bool MainWindow::openDatabase(const QString& path) {
    QString error;
    if (!m_session.openStore(path, &error)) {
        QString details = error;
        if (!m_session.storePath().isEmpty()) details += tr("\n\n%1 stays open.").arg(m_session.storePath());
        showError(tr("Could not open the database"), details);
        return false;
    }
    statusBar()->showMessage(tr("Database: %1%2").arg(path, m_session.storeWritable() ? QString() : tr(" (read-only)")), 8000);
    return true;
}

void MainWindow::confirmDelete(const QList<qint64>& ids) {
    if (ids.isEmpty()) return;
    if (m_interactive) {
        const auto answer = QMessageBox::question(
            this, tr("Delete explorations"),
            tr("Delete %n exploration(s) and all their design points from %1?\nThis cannot be undone.", nullptr,
               static_cast<int>(ids.size()))
                .arg(m_session.storePath()),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes) return;
    }
    QString error;
    if (!m_session.removeExplorations(ids, &error)) showError(tr("Could not delete"), error);
}

void MainWindow::addRecent(const QString& key, const QString& path) {
    if (!m_interactive || path.isEmpty() || core::isZooName(path.toStdString())) return;
    QSettings s = settings();
    QStringList list = s.value(key).toStringList();
    list.removeAll(path);
    list.prepend(path);
    while (list.size() > kMaxRecent) list.removeLast();
    s.setValue(key, list);
    rebuildRecentMenus();
}

void MainWindow::rebuildRecentMenus() {
    const auto fill = [this](QMenu* menu, const QString& key, auto open) {
        menu->clear();
        const QStringList list = m_interactive ? settings().value(key).toStringList() : QStringList();
        for (const QString& path : list) menu->addAction(QFileInfo(path).fileName(), this, [this, open, path]() { (this->*open)(path); })->setToolTip(path);
        menu->setEnabled(!list.isEmpty());
        menu->setToolTipsVisible(true);
    };
    fill(m_recentNetworks, QStringLiteral("recentNetworks"), &MainWindow::openSpec);
    fill(m_recentDatabases, QStringLiteral("recentDatabases"), &MainWindow::openDatabase);
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

void MainWindow::showAbout() {
    const QString db = m_session.storePath().isEmpty() ? tr("none open") : m_session.storePath();
    QMessageBox::about(this, tr("About Tessera"),
                       tr("<b>Tessera %1</b><p>Design-space exploration of CNN inference on heterogeneous "
                          "CPU / GPU / FPGA platforms.</p>"
                          "<p>Qt %2 · SQLite %3</p>"
                          "<p>Exploration database: %4</p>"
                          "<p>Graph: wheel or Ctrl +/− to zoom, drag to pan, Ctrl+0 to fit, Ctrl+F to find a layer. "
                          "Drop a network (.json, .onnx) or a database (.sqlite) on the window to open it.</p>")
                           .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion()),
                                QString::fromLatin1(sqlite3_libversion()), db.toHtmlEscaped()));
}

void MainWindow::showError(const QString& title, const QString& message) {
    statusBar()->showMessage(title, 10000);
    emit errorShown(title, message);
    if (!m_interactive) return;
    // Window-modal and non-blocking: no nested event loop.
    auto* box = new QMessageBox(QMessageBox::Warning, title, title + QLatin1Char('.'), QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("errorBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(message);
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    box->setStyleSheet(QStringLiteral("QLabel { min-width: 420px; }"));
    box->open();
}

void MainWindow::restoreSettings() {
    QSettings s = settings();
    restoreGeometry(s.value(QStringLiteral("mainWindow/geometry")).toByteArray());
    // A layout saved by another version (other docks) is not restored.
    if (s.value(QStringLiteral("mainWindow/layoutVersion")).toInt() == 2) {
        restoreState(s.value(QStringLiteral("mainWindow/state")).toByteArray(), 2);
        m_mainSplitter->restoreState(s.value(QStringLiteral("mainWindow/mainSplitter")).toByteArray());
        m_topSplitter->restoreState(s.value(QStringLiteral("mainWindow/topSplitter")).toByteArray());
    } else {
        applyDefaultLayout();
    }
}

void MainWindow::saveSettings() {
    QSettings s = settings();
    s.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    s.setValue(QStringLiteral("mainWindow/state"), saveState(2));
    s.setValue(QStringLiteral("mainWindow/layoutVersion"), 2);
    s.setValue(QStringLiteral("mainWindow/mainSplitter"), m_mainSplitter->saveState());
    s.setValue(QStringLiteral("mainWindow/topSplitter"), m_topSplitter->saveState());
    if (const auto& n = m_session.network()) s.setValue(QStringLiteral("lastNetwork"), n->spec);
    s.setValue(QStringLiteral("lastPlatform"), m_session.platformSpec());
    s.setValue(QStringLiteral("lastStrategy"), m_run->strategy());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (m_interactive) saveSettings();
    m_session.cancelExploration();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    const QMimeData* mime = event->mimeData();
    if (!mime->hasUrls()) return;
    for (const QUrl& url : mime->urls())
        if (url.isLocalFile() && droppedKind(url.toLocalFile()) != DroppedKind::None) {
            event->acceptProposedAction();
            return;
        }
}

void MainWindow::dropEvent(QDropEvent* event) {
    for (const QUrl& url : event->mimeData()->urls()) {
        if (!url.isLocalFile()) continue;
        const QString path = url.toLocalFile();
        switch (droppedKind(path)) {
        case DroppedKind::Network: event->acceptProposedAction(); openSpec(path); return;
        case DroppedKind::Database: event->acceptProposedAction(); openDatabase(path); return;
        case DroppedKind::None: break;
        }
    }
}

}  // namespace tessera::gui
