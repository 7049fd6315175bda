#include "layer_details_widget.h"

#include <QHeaderView>
#include <QStringList>
#include <QStyledItemDelegate>

#include <algorithm>
#include <cmath>

#include "views/decision_text.h"
#include "views/layer_table_model.h"
#include "views/op_style.h"
#include "views/point_colouring.h"

namespace tessera::views {
namespace {

using core::OpKind;

QString pairText(const std::array<std::int64_t, 2>& p) {
    return QString::number(p[0]) + QChar(0x00D7) + QString::number(p[1]);
}

QString listText(const std::vector<std::int64_t>& values) {
    QStringList parts;
    for (auto v : values) parts << QString::number(v);
    return QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
}

// Short enough for a narrow pane; addRow's tooltip gives the exact count.
QString bytesText(std::int64_t bytes) {
    const double b = static_cast<double>(bytes);
    if (b >= 1024.0 * 1024.0 * 1024.0) return QStringLiteral("%1 GiB").arg(b / (1024.0 * 1024.0 * 1024.0), 0, 'f', 2);
    if (b >= 1024.0 * 1024.0) return QStringLiteral("%1 MiB").arg(b / (1024.0 * 1024.0), 0, 'f', 2);
    if (b >= 1024.0) return QStringLiteral("%1 KiB").arg(b / 1024.0, 0, 'f', 1);
    return QStringLiteral("%1 B").arg(bytes);
}

QString exactBytes(std::int64_t bytes) { return LayerTableModel::formatCount(bytes) + QStringLiteral(" bytes"); }

QString yesNo(bool b) { return b ? QStringLiteral("yes") : QStringLiteral("no"); }

// QTreeView sizes rows without looking at column widths, so wrapped keys
// and values would be cut to one line: this delegate measures them at their
// column's width.
class WrappingDelegate : public QStyledItemDelegate {
public:
    explicit WrappingDelegate(QTreeView* view) : QStyledItemDelegate(view), m_view(view) {}

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const int margin = m_view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_view) + 1;
        const bool spanned = index.column() == 0 && m_view->isFirstColumnSpanned(index.row(), index.parent());
        int width = (spanned ? m_view->viewport()->width() : m_view->header()->sectionSize(index.column())) - 2 * margin;
        if (index.column() == 0) {
            // Keys are indented by their depth (and the root's branch).
            int depth = m_view->rootIsDecorated() ? 1 : 0;
            for (QModelIndex p = index.parent(); p.isValid(); p = p.parent()) ++depth;
            width -= depth * m_view->indentation();
        }
        if (width <= 0 || opt.text.isEmpty()) return size;
        const QRect text = opt.fontMetrics.boundingRect(QRect(0, 0, width, 1 << 20), Qt::TextWordWrap, opt.text);
        size.setHeight(std::max(size.height(), text.height() + 4));
        return size;
    }

private:
    QTreeView* m_view;
};

}  // namespace

LayerDetailsWidget::LayerDetailsWidget(QWidget* parent) : QTreeWidget(parent) {
    setColumnCount(2);
    setHeaderLabels({tr("Property"), tr("Value")});
    setRootIsDecorated(true);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setSelectionMode(QAbstractItemView::NoSelection);
    // Long values (tensor names, fused groups) wrap in a narrow dock
    // instead of being cut; rows then differ in height.
    setUniformRowHeights(false);
    setWordWrap(true);
    setTextElideMode(Qt::ElideMiddle);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setItemDelegate(new WrappingDelegate(this));
    header()->setStretchLastSection(true);
    header()->setSectionResizeMode(0, QHeaderView::Interactive);
    // Narrower values take more lines: rows are measured again.
    connect(header(), &QHeaderView::sectionResized, this, [this] { scheduleDelayedItemsLayout(); });
}

void LayerDetailsWidget::setSnapshot(NetworkSnapshotPtr snapshot) {
    m_snapshot = std::move(snapshot);
    showLayer(-1);
}

void LayerDetailsWidget::setDesignPoint(const core::DesignPoint* point) {
    if (point) m_point = *point;
    else m_point.reset();
    showLayer(m_layer);
}

void LayerDetailsWidget::resizeEvent(QResizeEvent* event) {
    QTreeWidget::resizeEvent(event);
    // Keys keep their share of the new width; wrapped rows take new heights.
    fitKeyColumn();
}

void LayerDetailsWidget::addPointSummary() {
    if (!m_point) return;
    const core::DesignPoint& p = *m_point;
    auto* point = addSection(tr("Design point"));
    addRow(point, tr("Point"), QString::fromStdString(p.label));
    addRow(point, tr("Latency"), figureText(p.latencyMs) + tr(" ms"));
    if (!std::isnan(p.energyMj)) addRow(point, tr("Energy"), figureText(p.energyMj) + tr(" mJ"));
    if (!std::isnan(p.powerW)) addRow(point, tr("Power"), figureText(p.powerW) + tr(" W"));
    addRow(point, tr("Feasible"), yesNo(p.feasible));
    for (const core::DeviceVerdict& v : p.violations)
        addRow(point, QString::fromStdString(v.device), QString::fromStdString(v.reason));
    for (const core::ResourceUse& use : p.resources) {
        QString value = countText(use.used);
        if (use.budget > 0) value += QStringLiteral(" / %1 (%2)").arg(countText(use.budget), percentText(use.used / use.budget));
        addRow(point, resourceLabel(use), value);
    }
    addRow(point, tr("Decided layers"), QString::number(p.layers.size()));
}

void LayerDetailsWidget::addDecision(int layerIndex) {
    if (!m_point || !m_snapshot) return;
    const auto decisions = decisionsByLayer(*m_point, m_snapshot->network.layerCount());
    auto* section = addSection(tr("Decision (%1)").arg(QString::fromStdString(m_point->label)));
    const core::LayerDecision* d = decisions[static_cast<std::size_t>(layerIndex)];
    if (!d) {
        addRow(section, tr("(none)"), tr("the point decides nothing for this layer"));
        return;
    }
    for (const auto& [name, value] : d->choice) addRow(section, QString::fromStdString(name), QString::fromStdString(value));
    for (const auto& [device, share] : d->shares)
        addRow(section, tr("share %1").arg(QString::fromStdString(device)), percentText(share));
    if (!std::isnan(d->latencyMs)) addRow(section, tr("Latency"), figureText(d->latencyMs) + tr(" ms"));
    if (!std::isnan(d->energyMj)) addRow(section, tr("Energy"), figureText(d->energyMj) + tr(" mJ"));
    for (const core::ResourceUse& use : d->resources) {
        QString value = countText(use.used);
        if (use.budget > 0) value += tr(" (%1 of the budget)").arg(percentText(use.used / use.budget));
        addRow(section, resourceLabel(use), value);
    }
}

QTreeWidgetItem* LayerDetailsWidget::addSection(const QString& title) {
    auto* item = new QTreeWidgetItem(this, {title});
    QFont f = item->font(0);
    f.setBold(true);
    item->setFont(0, f);
    item->setFirstColumnSpanned(true);
    item->setExpanded(true);
    return item;
}

void LayerDetailsWidget::addRow(QTreeWidgetItem* section, const QString& key, const QString& value,
                                const QString& toolTip) {
    auto* item = new QTreeWidgetItem(section, {key, value});
    item->setToolTip(0, key);
    item->setToolTip(1, toolTip.isEmpty() ? value : toolTip);
}

void LayerDetailsWidget::addBytesRow(QTreeWidgetItem* section, const QString& key, std::int64_t bytes) {
    addRow(section, key, bytesText(bytes), exactBytes(bytes));
}

void LayerDetailsWidget::fitKeyColumn() {
    // Keys fit, but never take more than ~45% of the pane from the values
    // (longer keys wrap).
    resizeColumnToContents(0);
    const int cap = std::max(110, viewport()->width() * 9 / 20);
    if (columnWidth(0) > cap) setColumnWidth(0, cap);
}

void LayerDetailsWidget::showNetworkSummary() {
    if (!m_snapshot) return;
    const core::Network& net = m_snapshot->network;
    const core::NetworkMetrics& m = m_snapshot->metrics;
    auto* info = addSection(tr("Network"));
    addRow(info, tr("Name"), QString::fromStdString(net.name));
    if (!net.description.empty()) addRow(info, tr("Description"), QString::fromStdString(net.description));
    if (!net.source.empty()) addRow(info, tr("Source"), QString::fromStdString(net.source));
    addRow(info, tr("Opened from"), m_snapshot->spec);
    addRow(info, tr("Layers"), LayerTableModel::formatCount(static_cast<qint64>(net.layerCount())));
    for (const auto& in : net.inputs())
        addRow(info, tr("Input"), QStringLiteral("%1   %2").arg(formatShape(in.shape), QString::fromStdString(in.name)));
    for (const auto& out : net.outputs()) {
        const QString shape = net.hasTensor(out) ? formatShape(net.tensorShape(out)) : QString();
        addRow(info, tr("Output"), QStringLiteral("%1   %2").arg(shape, QString::fromStdString(out)));
    }
    auto* metrics = addSection(tr("Metrics (fp32)"));
    addRow(metrics, tr("MACs"), LayerTableModel::formatCount(m.macs));
    addRow(metrics, tr("Parameters"), LayerTableModel::formatCount(m.params));
    addBytesRow(metrics, tr("Activations written"), m.activationBytes);
    addBytesRow(metrics, tr("Weights"), m.weightBytes);
    addBytesRow(metrics, tr("Largest tensor"), m.peakTensorBytes);
    addRow(metrics, tr("Arithmetic intensity"), LayerTableModel::formatIntensity(m.arithmeticIntensity) + tr(" FLOP/B"));
    auto* timing = addSection(tr("Preparation"));
    addRow(timing, tr("Metrics"), tr("%1 ms").arg(m_snapshot->metricsSeconds * 1e3, 0, 'f', 1));
    addRow(timing, tr("Graph layout (dot)"), tr("%1 ms").arg(m_snapshot->layoutSeconds * 1e3, 0, 'f', 1));
    if (!m_snapshot->layout.ok()) addRow(timing, tr("Layout problem"), QString::fromStdString(m_snapshot->layout.error));
}

void LayerDetailsWidget::showLayer(int layerIndex) {
    setUpdatesEnabled(false);
    clear();
    if (!m_snapshot || layerIndex < 0 || static_cast<std::size_t>(layerIndex) >= m_snapshot->network.layerCount()) {
        m_layer = -1;
        addPointSummary();
        showNetworkSummary();
        fitKeyColumn();
        setUpdatesEnabled(true);
        return;
    }
    m_layer = layerIndex;
    const core::Network& net = m_snapshot->network;
    const core::LayerId id{layerIndex};
    const core::Layer& layer = net.layer(id);
    const auto& a = layer.attrs;

    auto* info = addSection(tr("Layer"));
    addRow(info, tr("Name"), QString::fromStdString(layer.name));
    addRow(info, tr("Index"), QString::number(layerIndex));
    addRow(info, tr("Op"), QString::fromStdString(core::opName(layer)));
    addRow(info, tr("Family"), opFamilyName(opFamily(layer.op)));

    auto* tensors = addSection(tr("Tensors"));
    const auto inShapes = net.inputShapes(id);
    // Tensor names can be long (ONNX paths): they go with the value, so the
    // key column stays narrow.
    auto tensorRow = [&](const QString& key, const std::string& tensor, const std::vector<core::Shape>& shapes,
                         std::size_t i) {
        const QString name = QString::fromStdString(tensor);
        const QString shape = i < shapes.size() ? formatShape(shapes[i]) : QString();
        addRow(tensors, key, QStringLiteral("%1   %2").arg(shape, name), QStringLiteral("%1: %2").arg(name, shape));
    };
    for (std::size_t i = 0; i < layer.inputs.size(); ++i)
        tensorRow(layer.inputs.size() > 1 ? tr("Input %1").arg(i) : tr("Input"), layer.inputs[i], inShapes, i);
    const auto outShapes = net.outputShapes(id);
    for (std::size_t i = 0; i < layer.outputs.size(); ++i)
        tensorRow(layer.outputs.size() > 1 ? tr("Output %1").arg(i) : tr("Output"), layer.outputs[i], outShapes, i);

    auto* attrs = addSection(tr("Attributes"));
    switch (layer.op) {
    case OpKind::Conv:
        addRow(attrs, tr("Out channels"), QString::number(a.outChannels));
        addRow(attrs, tr("Kernel"), pairText(a.kernel));
        addRow(attrs, tr("Stride"), pairText(a.stride));
        addRow(attrs, tr("Padding (t, l, b, r)"),
               QStringLiteral("%1, %2, %3, %4").arg(a.padding[0]).arg(a.padding[1]).arg(a.padding[2]).arg(a.padding[3]));
        addRow(attrs, tr("Dilation"), pairText(a.dilation));
        addRow(attrs, tr("Groups"), QString::number(a.groups));
        addRow(attrs, tr("Bias"), yesNo(a.bias));
        break;
    case OpKind::FullyConnected:
        addRow(attrs, tr("Out features"), QString::number(a.outChannels));
        addRow(attrs, tr("Bias"), yesNo(a.bias));
        break;
    case OpKind::MaxPool:
    case OpKind::AvgPool:
        addRow(attrs, tr("Kernel"), pairText(a.kernel));
        addRow(attrs, tr("Stride"), pairText(a.stride));
        addRow(attrs, tr("Padding (t, l, b, r)"),
               QStringLiteral("%1, %2, %3, %4").arg(a.padding[0]).arg(a.padding[1]).arg(a.padding[2]).arg(a.padding[3]));
        addRow(attrs, tr("Ceil mode"), yesNo(a.ceilMode));
        if (layer.op == OpKind::AvgPool) addRow(attrs, tr("Count padding"), yesNo(a.countIncludePad));
        break;
    case OpKind::AdaptiveAvgPool: addRow(attrs, tr("Output size"), pairText(a.outputSize)); break;
    case OpKind::BatchNorm: addRow(attrs, tr("Epsilon"), QString::number(a.epsilon)); break;
    case OpKind::Activation:
        if (a.activation == core::ActivationFn::LeakyRelu || a.activation == core::ActivationFn::Elu)
            addRow(attrs, tr("Alpha"), QString::number(a.negativeSlope));
        if (a.activation == core::ActivationFn::Clip) {
            addRow(attrs, tr("Min"), QString::number(a.clipMin));
            addRow(attrs, tr("Max"), QString::number(a.clipMax));
        }
        break;
    case OpKind::Concat:
    case OpKind::Softmax:
    case OpKind::Flatten: addRow(attrs, tr("Axis"), QString::number(a.axis)); break;
    case OpKind::Split:
        addRow(attrs, tr("Axis"), QString::number(a.axis));
        addRow(attrs, tr("Sizes"), listText(a.sizes));
        break;
    case OpKind::Slice:
        addRow(attrs, tr("Axis"), QString::number(a.axis));
        addRow(attrs, tr("Start, end, step"), QStringLiteral("%1, %2, %3").arg(a.start).arg(a.end).arg(a.step));
        break;
    case OpKind::Reshape: addRow(attrs, tr("Shape"), listText(a.shape)); break;
    case OpKind::Transpose: addRow(attrs, tr("Permutation"), listText(a.perm)); break;
    case OpKind::Pad: addRow(attrs, tr("Pads"), listText(a.pads)); break;
    case OpKind::ChannelShuffle: addRow(attrs, tr("Groups"), QString::number(a.groups)); break;
    case OpKind::LRN:
        addRow(attrs, tr("Size"), QString::number(a.size));
        addRow(attrs, tr("Alpha, beta, k"), QStringLiteral("%1, %2, %3").arg(a.alpha).arg(a.beta).arg(a.k));
        break;
    default: break;
    }
    if (attrs->childCount() == 0) addRow(attrs, tr("(none)"), QString());

    const auto row = static_cast<std::size_t>(layerIndex);
    if (row < m_snapshot->metrics.layers.size()) {
        const core::LayerMetrics& m = m_snapshot->metrics.layers[row];
        auto* metrics = addSection(tr("Metrics (fp32)"));
        addRow(metrics, tr("MACs"), LayerTableModel::formatCount(m.macs));
        addRow(metrics, tr("Parameters"), LayerTableModel::formatCount(m.params));
        addBytesRow(metrics, tr("Input bytes"), m.inputBytes);
        addBytesRow(metrics, tr("Output bytes"), m.outputBytes);
        addBytesRow(metrics, tr("Weight bytes"), m.weightBytes);
        addRow(metrics, tr("Arithmetic intensity"),
               m.macs > 0 ? LayerTableModel::formatIntensity(m.arithmeticIntensity) + tr(" FLOP/B") : tr("-"));
        if (m_snapshot->metrics.macs > 0 && m.macs > 0)
            addRow(metrics, tr("Share of network MACs"),
                   QStringLiteral("%1 %").arg(100.0 * static_cast<double>(m.macs) / static_cast<double>(m_snapshot->metrics.macs), 0, 'f', 2));
    }

    addDecision(layerIndex);

    auto* links = addSection(tr("Connections"));
    for (core::LayerId p : net.predecessors(id))
        addRow(links, tr("from"), QString::fromStdString(net.layer(p).name));
    for (core::LayerId s : net.successors(id)) addRow(links, tr("to"), QString::fromStdString(net.layer(s).name));
    if (links->childCount() == 0) addRow(links, tr("(none)"), QString());
    fitKeyColumn();
    setUpdatesEnabled(true);
}

}  // namespace tessera::views
