#pragma once
// Design points of many explorations as a table, one row per
// core::PointSummary (what ExplorationStore::queryPoints reports), fed whole
// lists. Numeric columns give numbers under kSortRole; infeasible points are
// shown in the palette's disabled text colour.

#include <QAbstractTableModel>

#include <vector>

#include "core/store/exploration_store.h"

namespace tessera::views {

class PointSummaryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        ExplorationColumn,  // "3 · resnet18 sweep": its id and name
        PointColumn,        // the point's index K in its exploration
        LabelColumn,
        StrategyColumn,
        NetworkColumn,
        StatusColumn,
        LatencyColumn,  // ms
        EnergyColumn,   // mJ
        PowerColumn,    // W
        FeasibleColumn, // "yes" / "no"
        FrontColumn,    // "front", "baseline" or empty
        ColumnCount
    };
    enum Role {
        kSortRole = Qt::UserRole,  // qlonglong / double for numeric columns (+inf for a missing KPI), text otherwise
        kExplorationIdRole,        // qlonglong (every column)
        kPointIndexRole,           // qlonglong (every column)
    };

    explicit PointSummaryModel(QObject* parent = nullptr);

    void setPoints(std::vector<core::PointSummary> points);
    const std::vector<core::PointSummary>& points() const { return m_rows; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant displayValue(const core::PointSummary& p, int column) const;

    std::vector<core::PointSummary> m_rows;
};

}  // namespace tessera::views
