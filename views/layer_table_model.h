#pragma once
// The layers of a network as a table: one row per layer (row = LayerId),
// fed whole snapshots. Numbers are displayed with thousands separators and
// sorted by value through kSortRole.

#include <QAbstractTableModel>

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

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Display helpers, shared with the details pane: grouped digits in the
    // default QLocale ("1,234,567"), FLOPs/byte with two decimals.
    static QString formatCount(qint64 value);
    static QString formatIntensity(double flopsPerByte);

private:
    QVariant displayValue(int row, int column) const;
    QVariant sortValue(int row, int column) const;

    NetworkSnapshotPtr m_snapshot;
    // Shape strings per row, built once per snapshot (shapes are vectors).
    QStringList m_inputShapes;
    QStringList m_outputShapes;
};

}  // namespace tessera::views
