#pragma once
// The exploration browser: the store's explorations in a filterable,
// sortable table, the notes of the current one, and a search of every
// stored design point by KPI ranges with its results below.
//
// It never touches the store: the session feeds it summaries and points
// (setSummaries, setPoints) and acts on what it asks for (open, rename, tag,
// delete, notes, another database, a KPI search, a refresh). Renames, tags
// and notes are shown at once; a deletion waits for the session, which
// confirms it and feeds the new list. Selection survives new lists.

#include <QList>
#include <QWidget>

#include <vector>

#include "core/store/exploration_store.h"

class QAction;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QCompleter;

namespace tessera::views {

class ExplorationListModel;
class KpiRangeBar;
class NotesEditor;
class PointSummaryModel;

class ExplorationBrowser : public QWidget {
    Q_OBJECT
public:
    enum class Action { Open, Rename, AddTag, Delete, OpenDatabase, Refresh };

    explicit ExplorationBrowser(QWidget* parent = nullptr);

    // The store's explorations (ExplorationStore::list). The selection and
    // the current exploration are kept where they are still listed.
    void setSummaries(std::vector<core::ExplorationSummary> summaries);
    // Shown in the footer; `writable` false disables rename, tag, delete and
    // notes editing (a read-only database).
    void setDatabasePath(const QString& path, bool writable = true);
    QString databasePath() const { return m_databasePath; }
    // The results of the last kpiRangeRequested (ExplorationStore::queryPoints);
    // their tab comes to the front.
    void setPoints(std::vector<core::PointSummary> points);

    // Selected explorations' ids, in the table's (sorted) order.
    QList<qint64> selectedIds() const;
    // Selects the listed explorations among `ids`; the first becomes current.
    void selectIds(const QList<qint64>& ids);
    // The current exploration's id, -1 when none.
    qint64 currentId() const;

    QAction* action(Action which) const;
    QTableView* tableView() const { return m_table; }
    QSortFilterProxyModel* proxyModel() const { return m_proxy; }
    ExplorationListModel* listModel() const { return m_model; }
    QTableView* pointsView() const { return m_pointsTable; }
    PointSummaryModel* pointModel() const { return m_pointModel; }
    QLineEdit* filterEdit() const { return m_filter; }
    QLineEdit* tagEdit() const { return m_tagEdit; }
    NotesEditor* notesEditor() const { return m_notes; }
    KpiRangeBar* kpiBar() const { return m_kpiBar; }
    // The tabs under the table: 0 the notes, 1 the points by KPI range.
    QTabWidget* tabs() const { return m_tabs; }

public slots:
    // Asks for a database file with a file dialog, then emits
    // openDatabaseRequested (nothing when the dialog is cancelled).
    void chooseDatabase();

signals:
    void openRequested(qint64 id);  // once per selected exploration
    void renameRequested(qint64 id, const QString& name);
    void tagRequested(qint64 id, const QString& tag);  // once per selected exploration
    void deleteRequested(const QList<qint64>& ids);    // the session confirms
    void notesEdited(qint64 id, const QString& notes);  // after typing stops, or on leaving the editor
    void openDatabaseRequested(const QString& path);
    // The bounds of the KPI bar (explorations filled when limited to the
    // selection; limit 1000).
    void kpiRangeRequested(const core::PointQuery& query);
    void refreshRequested();
    void openPointRequested(qint64 exploration, qint64 point);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    QWidget* buildTagBar();
    void createActions();
    void openSelected();
    void openPoint(const QModelIndex& index);
    void renameCurrent();
    void showTagBar();
    void applyTag();
    void requestKpiSearch();
    void onCurrentChanged();
    void updateActions();
    void updateFooter();

    ExplorationListModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_table;
    QLineEdit* m_filter;
    QWidget* m_tagBar = nullptr;
    QLineEdit* m_tagEdit = nullptr;
    QCompleter* m_tagCompleter = nullptr;
    NotesEditor* m_notes;
    KpiRangeBar* m_kpiBar;
    PointSummaryModel* m_pointModel;
    QSortFilterProxyModel* m_pointProxy;
    QTableView* m_pointsTable;
    QTabWidget* m_tabs;
    QLabel* m_footer;
    QList<QAction*> m_actions;
    QString m_databasePath;
    bool m_writable = true;
    bool m_columnsSized = false;
    std::size_t m_pointLimit = 1000;
};

}  // namespace tessera::views
