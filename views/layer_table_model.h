#pragma once
// The layers of a network as a table: one row per layer (row = LayerId),
// fed whole snapshots. Numbers are displayed with thousands separators and
// sorted by value through kSortRole.
//
// With a design point, the point's columns follow the network's: one per
// distinct choice name over the point's layers, in order of appearance
// ("method", "cut", "group" / "algorithm", "dataflow" / "device"), then the
// shares ("cpu 30% gpu 70%"), latency (ms) and energy (mJ) when any layer
// has them. Layers the point does not decide show blanks there.

#include <QAbstractTableModel>

#include <optional>
#include <vector>

#include "core/explore/exploration.h"
#include "views/network_snapshot.h"

namespace tessera::views {

class LayerTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        IndexColumn,      // "#", the LayerId
        NameColumn,
        OpColumn,         // JSON op name ("conv", "relu", ...)
        InputShapeColumn, // input shapes, "; "-separated
        OutputShapeColumn,
        KernelColumn,     // conv / pooling kernel "3×3"
        StrideColumn,
        GroupsColumn,     // conv groups
        MacsColumn,
        ParamsColumn,
        IntensityColumn,  // FLOPs per byte
        ColumnCount
    };
    enum Role {
        kSortRole = Qt::UserRole + 1,  // qlonglong / double for numbers, QString otherwise
        kLayerIndexRole,               // int, the row's LayerId
    };

    explicit LayerTableModel(QObject* parent = nullptr);

    void setSnapshot(NetworkSnapshotPtr snapshot);
    const NetworkSnapshotPtr& snapshot() const { return m_snapshot; }

    // Adds the point's columns (the model keeps a copy of its decisions);
    // nullptr removes them. Resets the model.
    void setDesignPoint(const core::DesignPoint* point);
    bool hasDesignPoint() const { return m_hasPoint; }
    // Columns from ColumnCount on are the point's.
    int pointColumnCount() const { return static_cast<int>(m_pointColumns.size()); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Display helpers, shared with the details pane: grouped digits in the
    // default QLocale ("1,234,567"), FLOPs/byte with two decimals.
    static QString formatCount(qint64 value);
    static QString formatIntensity(double flopsPerByte);

private:
    struct PointColumn {
        enum Kind { Choice, Shares, Latency, Energy } kind;
        std::string choice;  // the choice's name for Choice columns
    };

    QVariant displayValue(int row, int column) const;
    QVariant sortValue(int row, int column) const;
    QVariant pointValue(int row, const PointColumn& column, bool forSorting) const;
    const PointColumn* pointColumn(int column) const;
    bool isNumeric(int column) const;
    void rebuildPointRows();

    NetworkSnapshotPtr m_snapshot;
    bool m_hasPoint = false;
    std::vector<core::LayerDecision> m_decisions;  // the point's, as given
    std::vector<int> m_decisionOfRow;              // index into m_decisions, -1 where none
    std::vector<PointColumn> m_pointColumns;
    // Shape strings per row, built once per snapshot (shapes are vectors).
    QStringList m_inputShapes;
    QStringList m_outputShapes;
};

}  // namespace tessera::views
