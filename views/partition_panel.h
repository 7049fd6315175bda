#pragma once
// The partition dock: settings (platform, method, objective, schedule) and a
// Run button at the top; the units of the last result in a sortable table
// with each unit's device shares as a stacked bar; the network total against
// the baselines; and, for the selected unit, the per-device numbers and the
// FPGA resource bars. It computes nothing: runRequested asks the app to run
// a partition, setResult shows one.

#include <QWidget>

#include "views/partition_data.h"

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QTableWidget;

namespace tessera::views {

class PartitionTableModel;
class ResourceBarsWidget;

class PartitionPanel : public QWidget {
    Q_OBJECT
public:
    explicit PartitionPanel(QWidget* parent = nullptr);

    // Platform names offered in the combo; `current` selected when present.
    void setPlatforms(const QStringList& names, const QString& current = {});
    PartitionSettings settings() const;
    void setSettings(const PartitionSettings& settings);

    // Shows a result (rows, totals, message); selects nothing.
    void setResult(const PartitionResult& result);
    // Drops the result and shows the empty-state hint (or `message`).
    void clear(const QString& message = {});
    // A run that produced no result (bad platform, exception): the message
    // in red, the table cleared.
    void showError(const QString& message);
    // While running: Run disabled, Cancel and the progress bar shown.
    void setRunning(bool running);
    void setProgress(int percent, const QString& message);
    // The run was cancelled: says so; the previous result, if any, stays.
    void showCancelled();

    // Selects the unit containing `layer` without emitting layerActivated;
    // clears the selection when no unit contains it.
    void selectLayer(const QString& layer);

    const PartitionResult& result() const;
    QTableView* tableView() const { return m_table; }
    PartitionTableModel* model() const { return m_model; }
    QString message() const;
    bool isRunning() const { return m_running; }

    static QString emptyHint();

signals:
    void runRequested(const tessera::views::PartitionSettings& settings);
    void cancelRequested();
    // A unit was selected by the user: its first layer's name.
    void layerActivated(const QString& layer);

private:
    enum class Severity { Info, Warning, Error };
    void createControls();
    void setMessage(const QString& text, Severity severity);
    void showUnit(int row);
    void showTotals();
    void onCurrentRowChanged();

    PartitionTableModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QComboBox* m_platform = nullptr;
    QComboBox* m_method = nullptr;
    QComboBox* m_objective = nullptr;
    QComboBox* m_schedule = nullptr;
    QPushButton* m_run = nullptr;
    QPushButton* m_cancel = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_message = nullptr;
    QLabel* m_legend = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_hint = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_totals = nullptr;
    QLabel* m_unitTitle = nullptr;
    QTableWidget* m_devices = nullptr;
    QLabel* m_resourcesTitle = nullptr;
    ResourceBarsWidget* m_resources = nullptr;
    bool m_running = false;
    bool m_syncing = false;
};

}  // namespace tessera::views
