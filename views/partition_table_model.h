#pragma once
// The units (layers or fused groups) of a partition as a table, fed whole
// results. Numbers sort by value through kSortRole; the shares column also
// gives the delegate each device's colour and fraction through kSharesRole.

#include <QAbstractTableModel>

#include "views/partition_data.h"

namespace tessera::views {

class PartitionTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        LayerColumn,
        MethodColumn,
        SharesColumn,       // stacked bar, one segment per device
        LatencyColumn,      // ms, rounded point
        EnergyColumn,       // mJ
        GainLatencyColumn,  // % better than the balanced split
        GainEnergyColumn,
        LimitedByColumn,    // largest sensitivity, or the status when not optimal
        ColumnCount
    };
    enum Role {
        kSortRole = Qt::UserRole + 1,  // double for numbers, QString otherwise
        kSharesRole,                   // QVariantList of QVariantList{QColor, double fraction, QString device}
        kRowRole,                      // int, index into result().rows
    };

    explicit PartitionTableModel(QObject* parent = nullptr);

    void setResult(const PartitionResult& result);
    void clear();
    const PartitionResult& result() const { return m_result; }
    // The row of the unit containing `layer`, -1 when none.
    int rowOfLayer(const QString& layer) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "+12.3%", "−4.0%" or "–" for NaN.
    static QString formatGain(double percent);
    // Three significant decimals below 10, fewer above ("0.123", "12.35", "123.5").
    static QString formatNumber(double value);

private:
    QString sharesToolTip(const PartitionRow& row) const;
    QColor deviceColor(const QString& device) const;

    PartitionResult m_result;
};

}  // namespace tessera::views
