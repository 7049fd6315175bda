#include "layer_table_model.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

#include "views/decision_text.h"
#include "views/op_style.h"

namespace tessera::views {
namespace {

using core::OpKind;

bool hasKernel(OpKind op) { return op == OpKind::Conv || op == OpKind::MaxPool || op == OpKind::AvgPool; }

QString pairText(const std::array<std::int64_t, 2>& p) {
    return QString::number(p[0]) + QChar(0x00D7) + QString::number(p[1]);
}

QVariant numberOrNothing(double value) { return std::isnan(value) ? QVariant() : QVariant(value); }

}  // namespace

bool LayerTableModel::isNumeric(int column) const {
    switch (column) {
    case IndexColumn:
    case GroupsColumn:
    case MacsColumn:
    case ParamsColumn:
    case IntensityColumn: return true;
    default: break;
    }
    const PointColumn* pc = pointColumn(column);
    return pc && (pc->kind == PointColumn::Latency || pc->kind == PointColumn::Energy);
}

const LayerTableModel::PointColumn* LayerTableModel::pointColumn(int column) const {
    const int k = column - ColumnCount;
    return k >= 0 && k < pointColumnCount() ? &m_pointColumns[static_cast<std::size_t>(k)] : nullptr;
}

void LayerTableModel::setDesignPoint(const core::DesignPoint* point) {
    beginResetModel();
    m_hasPoint = point != nullptr;
    m_decisions = point ? point->layers : std::vector<core::LayerDecision>{};
    m_pointColumns.clear();
    bool shares = false;
    bool latency = false;
    bool energy = false;
    for (const core::LayerDecision& d : m_decisions) {
        for (const auto& [name, value] : d.choice)
            if (std::none_of(m_pointColumns.begin(), m_pointColumns.end(),
                             [&name](const PointColumn& c) { return c.choice == name; }))
                m_pointColumns.push_back({PointColumn::Choice, name});
        shares = shares || !d.shares.empty();
        latency = latency || !std::isnan(d.latencyMs);
        energy = energy || !std::isnan(d.energyMj);
    }
    if (shares) m_pointColumns.push_back({PointColumn::Shares, {}});
    if (latency) m_pointColumns.push_back({PointColumn::Latency, {}});
    if (energy) m_pointColumns.push_back({PointColumn::Energy, {}});
    rebuildPointRows();
    endResetModel();
}

void LayerTableModel::rebuildPointRows() {
    m_decisionOfRow.assign(m_snapshot ? m_snapshot->network.layerCount() : 0, -1);
    for (std::size_t i = 0; i < m_decisions.size(); ++i) {
        const int id = m_decisions[i].layerId;
        if (id >= 0 && static_cast<std::size_t>(id) < m_decisionOfRow.size())
            m_decisionOfRow[static_cast<std::size_t>(id)] = static_cast<int>(i);
    }
}

QVariant LayerTableModel::pointValue(int row, const PointColumn& column, bool forSorting) const {
    const int k = static_cast<std::size_t>(row) < m_decisionOfRow.size() ? m_decisionOfRow[static_cast<std::size_t>(row)] : -1;
    if (k < 0) return forSorting ? QVariant() : QVariant(QString());
    const core::LayerDecision& d = m_decisions[static_cast<std::size_t>(k)];
    switch (column.kind) {
    case PointColumn::Choice: return QString::fromStdString(d.choiceValue(column.choice));
    case PointColumn::Shares: return sharesText(d);
    case PointColumn::Latency: return forSorting ? numberOrNothing(d.latencyMs) : QVariant(figureText(d.latencyMs));
    case PointColumn::Energy: return forSorting ? numberOrNothing(d.energyMj) : QVariant(figureText(d.energyMj));
    }
    return {};
}

LayerTableModel::LayerTableModel(QObject* parent) : QAbstractTableModel(parent) {}

QString LayerTableModel::formatCount(qint64 value) {
    QLocale locale;
    locale.setNumberOptions(locale.numberOptions() & ~QLocale::OmitGroupSeparator);
    return locale.toString(value);
}

QString LayerTableModel::formatIntensity(double flopsPerByte) {
    QLocale locale;
    locale.setNumberOptions(locale.numberOptions() & ~QLocale::OmitGroupSeparator);
    return locale.toString(flopsPerByte, 'f', 2);
}

void LayerTableModel::setSnapshot(NetworkSnapshotPtr snapshot) {
    beginResetModel();
    m_snapshot = std::move(snapshot);
    rebuildPointRows();
    m_inputShapes.clear();
    m_outputShapes.clear();
    if (m_snapshot) {
        const core::Network& net = m_snapshot->network;
        for (std::size_t i = 0; i < net.layerCount(); ++i) {
            const core::LayerId id{static_cast<int>(i)};
            QStringList in, out;
            for (const auto& s : net.inputShapes(id)) in << formatShape(s);
            for (const auto& s : net.outputShapes(id)) out << formatShape(s);
            m_inputShapes << in.join(QStringLiteral("; "));
            m_outputShapes << out.join(QStringLiteral("; "));
        }
    }
    endResetModel();
}

int LayerTableModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || !m_snapshot) return 0;
    return static_cast<int>(m_snapshot->network.layerCount());
}

int LayerTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount + pointColumnCount();
}

QVariant LayerTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const int row = index.row();
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole: return displayValue(row, column);
    case kSortRole: return sortValue(row, column);
    case kLayerIndexRole: return row;
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment((isNumeric(column) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    case Qt::ToolTipRole:
        if (column == NameColumn || column == InputShapeColumn || column == OutputShapeColumn || pointColumn(column))
            return displayValue(row, column);
        return {};
    default: return {};
    }
}

QVariant LayerTableModel::displayValue(int row, int column) const {
    if (const PointColumn* pc = pointColumn(column)) return pointValue(row, *pc, false);
    const core::LayerId id{row};
    const core::Layer& layer = m_snapshot->network.layer(id);
    const auto metricsRow = static_cast<std::size_t>(row);
    const bool hasMetrics = metricsRow < m_snapshot->metrics.layers.size();
    switch (column) {
    case IndexColumn: return QString::number(row);
    case NameColumn: return QString::fromStdString(layer.name);
    case OpColumn: return QString::fromStdString(core::opName(layer));
    case InputShapeColumn: return m_inputShapes.value(row);
    case OutputShapeColumn: return m_outputShapes.value(row);
    case KernelColumn: return hasKernel(layer.op) ? pairText(layer.attrs.kernel) : QString();
    case StrideColumn: return hasKernel(layer.op) ? pairText(layer.attrs.stride) : QString();
    case GroupsColumn: return layer.op == OpKind::Conv ? QString::number(layer.attrs.groups) : QString();
    case MacsColumn: return hasMetrics ? formatCount(m_snapshot->metrics.layers[metricsRow].macs) : QString();
    case ParamsColumn: return hasMetrics ? formatCount(m_snapshot->metrics.layers[metricsRow].params) : QString();
    case IntensityColumn: {
        if (!hasMetrics) return QString();
        const auto& m = m_snapshot->metrics.layers[metricsRow];
        return m.macs > 0 ? formatIntensity(m.arithmeticIntensity) : QString();
    }
    default: return {};
    }
}

QVariant LayerTableModel::sortValue(int row, int column) const {
    if (const PointColumn* pc = pointColumn(column)) return pointValue(row, *pc, true);
    const core::Layer& layer = m_snapshot->network.layer(core::LayerId{row});
    const auto metricsRow = static_cast<std::size_t>(row);
    const bool hasMetrics = metricsRow < m_snapshot->metrics.layers.size();
    switch (column) {
    case IndexColumn: return qlonglong(row);
    case GroupsColumn: return qlonglong(layer.op == OpKind::Conv ? layer.attrs.groups : 0);
    case MacsColumn: return qlonglong(hasMetrics ? m_snapshot->metrics.layers[metricsRow].macs : 0);
    case ParamsColumn: return qlonglong(hasMetrics ? m_snapshot->metrics.layers[metricsRow].params : 0);
    case IntensityColumn: return hasMetrics ? m_snapshot->metrics.layers[metricsRow].arithmeticIntensity : 0.0;
    case KernelColumn: return qlonglong(hasKernel(layer.op) ? layer.attrs.kernel[0] * layer.attrs.kernel[1] : 0);
    case StrideColumn: return qlonglong(hasKernel(layer.op) ? layer.attrs.stride[0] * layer.attrs.stride[1] : 0);
    default: return displayValue(row, column);
    }
}

QVariant LayerTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) return {};
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::Alignment((isNumeric(section) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    const PointColumn* pc = pointColumn(section);
    if (role == Qt::ToolTipRole && pc) {
        switch (pc->kind) {
        case PointColumn::Choice:
            return tr("The design point's choice \"%1\" for each layer").arg(QString::fromStdString(pc->choice));
        case PointColumn::Shares: return tr("Each device's share of the layer's work");
        case PointColumn::Latency: return tr("The layer's part of the point's latency");
        case PointColumn::Energy: return tr("The layer's part of the point's energy");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case MacsColumn: return tr("Multiply-accumulates (conv, linear, matmul)");
        case ParamsColumn: return tr("Weights and biases");
        case IntensityColumn: return tr("Arithmetic intensity: FLOPs (2 × MACs) per byte moved (fp32)");
        default: return {};
        }
    }
    if (role != Qt::DisplayRole) return {};
    if (pc) {
        switch (pc->kind) {
        case PointColumn::Choice: return QString::fromStdString(pc->choice);
        case PointColumn::Shares: return tr("shares");
        case PointColumn::Latency: return tr("latency ms");
        case PointColumn::Energy: return tr("energy mJ");
        }
    }
    switch (section) {
    case IndexColumn: return tr("#");
    case NameColumn: return tr("Name");
    case OpColumn: return tr("Op");
    case InputShapeColumn: return tr("Input shape");
    case OutputShapeColumn: return tr("Output shape");
    case KernelColumn: return tr("Kernel");
    case StrideColumn: return tr("Stride");
    case GroupsColumn: return tr("Groups");
    case MacsColumn: return tr("MACs");
    case ParamsColumn: return tr("Params");
    case IntensityColumn: return tr("FLOP/B");
    default: return {};
    }
}

}  // namespace tessera::views
