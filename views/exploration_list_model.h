#pragma once
// The store's explorations as a table, one row per ExplorationSummary, fed
// whole lists (a reset each time). Numeric columns give numbers under
// kSortRole so that a QSortFilterProxyModel sorts them as numbers; the name
// is editable in place (the edit is reported, the store is the session's).

#include <QAbstractTableModel>

#include <vector>

#include "core/store/exploration_store.h"

namespace tessera::views {

class ExplorationListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        NameColumn,
        NetworkColumn,
        PlatformColumn,
        StrategyColumn,
        TagsColumn,         // "alpha, best"
        CreatedColumn,      // local time, "2026-12-02 06:57"
        PointsColumn,
        BestLatencyColumn,  // ms, the least over the feasible points
        BestEnergyColumn,   // mJ
        StatusColumn,       // statusName of the run
        NotesColumn,        // a pencil when the exploration has notes
        ColumnCount
    };
    enum Role {
        // qlonglong / double for numeric columns (+inf for a missing KPI,
        // so that it sorts last), the display text otherwise.
        kSortRole = Qt::UserRole,
        kIdRole,      // qlonglong, the row's exploration id (every column)
        kFilterRole,  // the text a filter matches: the display text, the notes themselves for NotesColumn
    };

    explicit ExplorationListModel(QObject* parent = nullptr);

    void setSummaries(std::vector<core::ExplorationSummary> summaries);
    const std::vector<core::ExplorationSummary>& summaries() const { return m_rows; }
    // The row of exploration `id`, -1 when it is not listed.
    int rowOf(qint64 id) const;
    // Changes a listed exploration's notes or adds a tag, as the session is
    // asked to store them (no-op when `id` is not listed).
    void setNotes(qint64 id, const QString& notes);
    void addTag(qint64 id, const QString& tag);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    // NameColumn only: a new, non-blank name is shown and nameEdited emitted.
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

signals:
    void nameEdited(qint64 id, const QString& name);

private:
    QVariant displayValue(const core::ExplorationSummary& s, int column) const;
    QVariant sortValue(const core::ExplorationSummary& s, int column) const;

    std::vector<core::ExplorationSummary> m_rows;
};

}  // namespace tessera::views
