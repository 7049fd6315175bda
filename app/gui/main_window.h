#pragma once
// The Tessera workbench window. It owns no state of its own: the Session
// holds the network, the platform, the store and the explorations on show;
// the window lays out the views (graph, layer table, Pareto front, parallel
// coordinates, resource bars, layer editor, exploration browser, run panel),
// feeds them the session's snapshots and hands their requests to the
// session. Nothing here knows a strategy.

#include <QMainWindow>
#include <QStringList>

#include "app/gui/session.h"

class QDockWidget;
class QLabel;
class QLineEdit;
class QListWidget;
class QMenu;
class QProgressBar;
class QSplitter;

namespace tessera::views {
class ExplorationBrowser;
class LayerDetailsWidget;
class LayerEditor;
class LayerTableView;
class NotesEditor;
class NetworkGraphView;
class ParallelCoordinatesView;
class ParetoView;
class ResourceBarsWidget;
class RunPanel;
}  // namespace tessera::views

namespace tessera::gui {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // interactive = false (screenshots, tests): errors are reported through
    // signals and the status bar only, never in a modal dialog, and
    // settings are neither read nor written.
    explicit MainWindow(bool interactive = true, QWidget* parent = nullptr);
    ~MainWindow() override;

    Session& session() { return m_session; }
    // Opens a zoo name or a .json / .onnx path in the background; the
    // current network stays shown (and usable) until the new one is ready.
    void openSpec(const QString& spec);
    // Opens (or creates) an exploration database; false with a dialog (or
    // the failure signal) when it cannot be opened.
    bool openDatabase(const QString& path);

    views::NetworkGraphView* graphView() const { return m_graph; }
    views::LayerTableView* tableView() const { return m_table; }
    views::RunPanel* runPanel() const { return m_run; }
    views::ParetoView* paretoView() const { return m_pareto; }
    views::ParallelCoordinatesView* parallelView() const { return m_parallel; }
    views::ResourceBarsWidget* resourceBars() const { return m_bars; }
    views::LayerEditor* layerEditor() const { return m_editor; }
    views::ExplorationBrowser* browser() const { return m_browser; }
    views::NotesEditor* pointNotes() const { return m_pointNotes; }
    QDockWidget* dock(const QString& objectName) const;

    // Lays the docks out for the window's size (small screens stack them).
    void applyDefaultLayout();

signals:
    void networkShown(const QString& spec);
    void openFailed(const QString& spec, const QString& message);
    // A message for the user that would be a dialog in an interactive window.
    void errorShown(const QString& title, const QString& message);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    // main_window.cpp: the views and the session's signals.
    void createCentralWidgets();
    void createDocks();
    void connectSession();
    void showNetwork(const views::NetworkSnapshotPtr& network);
    void showSelection();
    void onLayerSelected(int layerIndex, QObject* origin);
    void updateTitle();
    // main_window_actions.cpp: menus, tool bar, settings, files, dialogs.
    void createActions();
    void createStatusBar();
    void openNetworkDialog();
    void openPlatformDialog();
    void openDatabaseDialog();
    void exportParetoDialog();
    void confirmDelete(const QList<qint64>& ids);
    void choosePlatform(const QString& spec);
    void addRecent(const QString& key, const QString& path);
    void rebuildRecentMenus();
    void onSearchEdited(const QString& text);
    void onSearchNext();
    void showAbout();
    void showError(const QString& title, const QString& message);
    void restoreSettings();
    void saveSettings();

    bool m_interactive;
    Session m_session;

    views::NetworkGraphView* m_graph = nullptr;
    views::LayerTableView* m_table = nullptr;
    views::LayerDetailsWidget* m_details = nullptr;
    views::RunPanel* m_run = nullptr;
    views::ParetoView* m_pareto = nullptr;
    views::ParallelCoordinatesView* m_parallel = nullptr;
    views::ResourceBarsWidget* m_bars = nullptr;
    views::LayerEditor* m_editor = nullptr;
    views::ExplorationBrowser* m_browser = nullptr;
    views::NotesEditor* m_pointNotes = nullptr;
    QSplitter* m_mainSplitter = nullptr;
    QSplitter* m_topSplitter = nullptr;
    QListWidget* m_warnings = nullptr;
    QLineEdit* m_search = nullptr;
    QLabel* m_searchResult = nullptr;
    QLabel* m_totals = nullptr;
    QLabel* m_pointLabel = nullptr;
    QProgressBar* m_progress = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_recentNetworks = nullptr;
    QMenu* m_recentDatabases = nullptr;
    QList<QDockWidget*> m_docks;
    int m_selectedLayer = -1;
    bool m_syncingSelection = false;
};

}  // namespace tessera::gui
