#pragma once
// The Tessera main window: pick a network (zoo, .json, .onnx; menu, combo
// box, drag and drop), see it as a Graphviz graph and as a layer table with
// the selection kept in sync, the selected layer's details, totals in the
// status bar and import warnings in a dock.

#include <QMainWindow>
#include <QStringList>

#include "views/network_snapshot.h"
#include "views/partition_data.h"

class QComboBox;
class QDockWidget;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QSplitter;

namespace tessera::views {
class LayerDetailsWidget;
class LayerTableView;
class NetworkGraphView;
class PartitionPanel;
}  // namespace tessera::views

namespace tessera::gui {

class JobRunner;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // interactive = false (screenshots, tests): errors are reported through
    // openFailed only, never in a modal dialog, and settings are not touched.
    explicit MainWindow(bool interactive = true, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens a zoo name or a .json / .onnx path in the background; the
    // current network stays shown (and usable) until the new one is ready.
    void openSpec(const QString& spec);

    const views::NetworkSnapshotPtr& snapshot() const { return m_snapshot; }
    views::NetworkGraphView* graphView() const { return m_graph; }
    views::LayerTableView* tableView() const { return m_table; }
    views::PartitionPanel* partitionPanel() const { return m_partition; }
    QDockWidget* partitionDock() const { return m_partitionDock; }

    // Partitions the open network (method 1) in the background with the
    // panel's settings; the panel shows the result, or the error.
    void runPartition(const views::PartitionSettings& settings);

    static constexpr const char* kDefaultNetwork = "resnet18";

signals:
    // A network was opened and is on screen.
    void networkShown(const QString& spec);
    // Opening failed; `message` names the file (or name) and the problem.
    void openFailed(const QString& spec, const QString& message);
    // A partition result (optimal or not) is in the partition panel.
    void partitionShown();
    // A partition could not run (no network, bad platform); the panel says why.
    void partitionFailed(const QString& message);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    struct Opened {
        views::NetworkSnapshotPtr snapshot;
        QStringList warnings;
    };

    void createActions();
    void createCentralWidgets();
    void createDocks();
    void createStatusBar();
    void showSnapshot(const Opened& opened);
    void showOpenError(const QString& spec, const QString& problem);
    void onLayerSelected(int layerIndex, QObject* origin);
    void onPartitionLayerActivated(const QString& layer);
    void onSearchEdited(const QString& text);
    void onSearchNext();
    void openFileDialog();
    void syncNetworkCombo();
    void updateTitle();
    void showAbout();

    bool m_interactive;
    JobRunner* m_jobs;
    views::NetworkSnapshotPtr m_snapshot;

    views::NetworkGraphView* m_graph = nullptr;
    views::LayerTableView* m_table = nullptr;
    views::LayerDetailsWidget* m_details = nullptr;
    QSplitter* m_mainSplitter = nullptr;
    QSplitter* m_topSplitter = nullptr;
    QComboBox* m_networkCombo = nullptr;
    QLineEdit* m_search = nullptr;
    QLabel* m_searchResult = nullptr;
    QDockWidget* m_warningsDock = nullptr;
    QListWidget* m_warnings = nullptr;
    QDockWidget* m_partitionDock = nullptr;
    views::PartitionPanel* m_partition = nullptr;
    QLabel* m_totals = nullptr;
    QProgressBar* m_progress = nullptr;
    bool m_syncingSelection = false;
};

}  // namespace tessera::gui
