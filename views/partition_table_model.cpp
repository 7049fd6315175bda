#include "views/partition_table_model.h"

#include <QBrush>
#include <QFont>

#include <cmath>

namespace tessera::views {

PartitionTableModel::PartitionTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void PartitionTableModel::setResult(const PartitionResult& result) {
    beginResetModel();
    m_result = result;
    endResetModel();
}

void PartitionTableModel::clear() { setResult(PartitionResult{}); }

int PartitionTableModel::rowOfLayer(const QString& layer) const {
    for (int i = 0; i < m_result.rows.size(); ++i)
        if (m_result.rows[i].layers.contains(layer)) return i;
    return -1;
}

int PartitionTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_result.rows.size());
}

int PartitionTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString PartitionTableModel::formatGain(double percent) {
    if (!std::isfinite(percent)) return QStringLiteral("–");
    const QString digits = QString::number(std::abs(percent), 'f', 1);
    if (digits == QLatin1String("0.0")) return QStringLiteral("0.0%");
    return (percent > 0 ? QStringLiteral("+") : QStringLiteral("−")) + digits + QLatin1Char('%');
}

QString PartitionTableModel::formatNumber(double value) {
    if (!std::isfinite(value)) return QStringLiteral("–");
    const double a = std::abs(value);
    const int decimals = a >= 100 ? 1 : a >= 10 ? 2 : 3;
    return QString::number(value, 'f', decimals);
}

QColor PartitionTableModel::deviceColor(const QString& device) const {
    for (int i = 0; i < m_result.devices.size(); ++i)
        if (m_result.devices[i].id == device) return partitionDeviceColor(m_result.devices[i].kind, i);
    return partitionDeviceColor(QString(), static_cast<int>(m_result.devices.size()));
}

QString PartitionTableModel::sharesToolTip(const PartitionRow& row) const {
    QString tip = QStringLiteral("<b>%1</b> — %2, %3 %4<table cellspacing=4>")
                      .arg(row.layer.toHtmlEscaped(), row.method)
                      .arg(row.units)
                      .arg(row.cut);
    tip += QStringLiteral("<tr><th></th><th align=left>device</th><th align=right>share</th><th align=right>%</th>"
                          "<th align=right>compute ms</th><th align=right>transfer ms</th><th align=right>energy mJ</th></tr>");
    for (const PartitionSlice& s : row.slices) {
        const double pct = row.units > 0 ? 100.0 * s.share / static_cast<double>(row.units) : 0;
        tip += QStringLiteral("<tr><td style='background:%1'>&nbsp;&nbsp;</td><td>%2</td><td align=right>%3</td>"
                              "<td align=right>%4</td><td align=right>%5</td><td align=right>%6</td><td align=right>%7</td></tr>")
                   .arg(deviceColor(s.device).name(), s.device.toHtmlEscaped())
                   .arg(s.share, 0, 'f', 0)
                   .arg(pct, 0, 'f', 1)
                   .arg(formatNumber(s.latencyMs), formatNumber(s.transferMs), formatNumber(s.energyMj));
    }
    tip += QStringLiteral("</table>");
    return tip;
}

QVariant PartitionTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_result.rows.size()) return {};
    const PartitionRow& row = m_result.rows[index.row()];
    const int column = index.column();
    if (role == kRowRole) return index.row();

    if (role == kSharesRole && column == SharesColumn) {
        QVariantList shares;
        if (!row.ok || row.units <= 0) return shares;
        for (const PartitionSlice& s : row.slices)
            shares << QVariant(QVariantList{deviceColor(s.device), s.share / static_cast<double>(row.units), s.device});
        return shares;
    }

    if (role == Qt::DisplayRole || role == kSortRole) {
        const bool sort = role == kSortRole;
        switch (column) {
        case LayerColumn: return row.layer;
        case MethodColumn: return row.method;
        case SharesColumn: {
            if (!row.ok) return sort ? QVariant(-1.0) : QVariant(QStringLiteral("–"));
            if (sort) {  // by the first device's fraction
                return row.slices.isEmpty() || row.units <= 0 ? 0.0 : row.slices.front().share / double(row.units);
            }
            return {};  // drawn by the delegate
        }
        case LatencyColumn:
            if (sort) return row.ok ? row.latencyMs : std::numeric_limits<double>::infinity();
            return row.ok ? formatNumber(row.latencyMs) : QStringLiteral("–");
        case EnergyColumn:
            if (sort) return row.ok ? row.energyMj : std::numeric_limits<double>::infinity();
            return row.ok ? formatNumber(row.energyMj) : QStringLiteral("–");
        case GainLatencyColumn:
            if (sort) return std::isfinite(row.gainLatencyPct) ? row.gainLatencyPct : -1e300;
            return formatGain(row.gainLatencyPct);
        case GainEnergyColumn:
            if (sort) return std::isfinite(row.gainEnergyPct) ? row.gainEnergyPct : -1e300;
            return formatGain(row.gainEnergyPct);
        case LimitedByColumn: return row.ok ? (row.limitedBy.isEmpty() ? QStringLiteral("–") : row.limitedBy) : row.status;
        default: return {};
        }
    }
    if (role == Qt::TextAlignmentRole) {
        if (column >= LatencyColumn && column <= GainEnergyColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    }
    if (role == Qt::ForegroundRole) {
        if (!row.ok && column == LimitedByColumn) return QBrush(QColor(0xc6, 0x28, 0x28));
        if (column == GainLatencyColumn || column == GainEnergyColumn) {
            const double g = column == GainLatencyColumn ? row.gainLatencyPct : row.gainEnergyPct;
            if (std::isfinite(g) && g >= 0.05) return QBrush(QColor(0x2e, 0x7d, 0x32));
            if (std::isfinite(g) && g <= -0.05) return QBrush(QColor(0xc6, 0x28, 0x28));
        }
        return {};
    }
    if (role == Qt::ToolTipRole) {
        switch (column) {
        case LayerColumn:
            return row.layers.size() > 1 ? QStringLiteral("Fused group of %1 layers:\n%2").arg(row.layers.size()).arg(row.layers.join(QLatin1Char('\n')))
                                         : row.layer;
        case SharesColumn: return row.ok ? sharesToolTip(row) : row.message;
        case GainLatencyColumn:
        case GainEnergyColumn: return tr("Better than the balanced split by this much (positive: faster / less energy)");
        case LimitedByColumn:
            return row.ok ? tr("The constraint the objective is most sensitive to (GP dual)") + QStringLiteral("\n") + row.message
                          : row.message;
        default: return row.ok ? QVariant() : QVariant(row.message);
        }
    }
    return {};
}

QVariant PartitionTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case LayerColumn: return tr("Layer");
        case MethodColumn: return tr("Method");
        case SharesColumn: return tr("Shares");
        case LatencyColumn: return tr("Latency ms");
        case EnergyColumn: return tr("Energy mJ");
        case GainLatencyColumn: return tr("Lat. gain");
        case GainEnergyColumn: return tr("En. gain");
        case LimitedByColumn: return tr("Limited by");
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case SharesColumn: return tr("Share of the cut per device (hover a bar for the numbers)");
        case GainLatencyColumn: return tr("Latency gain over the balanced split (same models)");
        case GainEnergyColumn: return tr("Energy gain over the balanced split (same models)");
        case LimitedByColumn: return tr("Constraint with the largest sensitivity");
        default: return {};
        }
    }
    if (role == Qt::TextAlignmentRole && section >= LatencyColumn && section <= GainEnergyColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

}  // namespace tessera::views
