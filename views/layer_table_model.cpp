#include "layer_table_model.h"

#include <QLocale>

#include "views/op_style.h"

namespace tessera::views {
namespace {

using core::OpKind;

bool hasKernel(OpKind op) { return op == OpKind::Conv || op == OpKind::MaxPool || op == OpKind::AvgPool; }

QString pairText(const std::array<std::int64_t, 2>& p) {
    return QString::number(p[0]) + QChar(0x00D7) + QString::number(p[1]);
}

bool isNumeric(int column) {
    switch (column) {
    case LayerTableModel::IndexColumn:
    case LayerTableModel::GroupsColumn:
    case LayerTableModel::MacsColumn:
    case LayerTableModel::ParamsColumn:
    case LayerTableModel::IntensityColumn: return true;
    default: return false;
    }
}

}  // namespace

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

int LayerTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

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
        if (column == NameColumn || column == InputShapeColumn || column == OutputShapeColumn)
            return displayValue(row, column);
        return {};
    default: return {};
    }
}

QVariant LayerTableModel::displayValue(int row, int column) const {
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
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case MacsColumn: return tr("Multiply-accumulates (conv, linear, matmul)");
        case ParamsColumn: return tr("Weights and biases");
        case IntensityColumn: return tr("Arithmetic intensity: FLOPs (2 × MACs) per byte moved (fp32)");
        default: return {};
        }
    }
    if (role != Qt::DisplayRole) return {};
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
