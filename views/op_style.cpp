#include "op_style.h"

#include <QFontMetricsF>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace tessera::views {

using core::OpKind;

OpFamily opFamily(OpKind op) {
    switch (op) {
    case OpKind::Conv: return OpFamily::Conv;
    case OpKind::FullyConnected:
    case OpKind::MatMul: return OpFamily::FullyConnected;
    case OpKind::MaxPool:
    case OpKind::AvgPool:
    case OpKind::GlobalAvgPool:
    case OpKind::GlobalMaxPool:
    case OpKind::AdaptiveAvgPool: return OpFamily::Pool;
    case OpKind::BatchNorm:
    case OpKind::LRN: return OpFamily::Norm;
    case OpKind::Activation:
    case OpKind::Softmax: return OpFamily::Activation;
    case OpKind::Add:
    case OpKind::Sub:
    case OpKind::Mul:
    case OpKind::Div:
    case OpKind::Concat: return OpFamily::Merge;
    case OpKind::Split:
    case OpKind::Slice:
    case OpKind::Reshape:
    case OpKind::Flatten:
    case OpKind::Transpose:
    case OpKind::ChannelShuffle:
    case OpKind::Pad:
    case OpKind::Dropout:
    case OpKind::Identity: return OpFamily::Shape;
    }
    return OpFamily::Shape;
}

QString opFamilyName(OpFamily family) {
    switch (family) {
    case OpFamily::Conv: return QStringLiteral("Convolution");
    case OpFamily::FullyConnected: return QStringLiteral("Fully connected / matmul");
    case OpFamily::Pool: return QStringLiteral("Pooling");
    case OpFamily::Norm: return QStringLiteral("Normalisation");
    case OpFamily::Activation: return QStringLiteral("Activation");
    case OpFamily::Merge: return QStringLiteral("Element-wise / concat");
    case OpFamily::Shape: return QStringLiteral("Shape / other");
    }
    return {};
}

QColor opFamilyFill(OpFamily family) {
    // Pastel fills so black text stays readable on every family.
    switch (family) {
    case OpFamily::Conv: return QColor(0x9c, 0xc3, 0xef);
    case OpFamily::FullyConnected: return QColor(0xcd, 0xb0, 0xe8);
    case OpFamily::Pool: return QColor(0xa6, 0xdc, 0xa9);
    case OpFamily::Norm: return QColor(0xf4, 0xdf, 0x8e);
    case OpFamily::Activation: return QColor(0xf7, 0xc0, 0x98);
    case OpFamily::Merge: return QColor(0xee, 0xaa, 0xc0);
    case OpFamily::Shape: return QColor(0xd8, 0xd8, 0xd8);
    }
    return Qt::lightGray;
}

QColor opFamilyBorder(OpFamily family) { return opFamilyFill(family).darker(165); }

QString formatShape(const core::Shape& shape) {
    QStringList parts;
    parts.reserve(static_cast<qsizetype>(shape.size()));
    for (auto d : shape) parts << QString::number(d);
    return parts.join(QChar(0x00D7));
}

namespace {

QString pair(const std::array<std::int64_t, 2>& p) {
    return QString::number(p[0]) + QChar(0x00D7) + QString::number(p[1]);
}

QString strideSuffix(const std::array<std::int64_t, 2>& s) {
    if (s[0] == 1 && s[1] == 1) return {};
    return s[0] == s[1] ? QStringLiteral(" /%1").arg(s[0]) : QStringLiteral(" /%1,%2").arg(s[0]).arg(s[1]);
}

}  // namespace

NodeLabel nodeLabel(const core::Network& net, core::LayerId id) {
    const core::Layer& layer = net.layer(id);
    NodeLabel label;
    label.name = QString::fromStdString(layer.name);
    QString op = QString::fromStdString(core::opName(layer));
    const auto& a = layer.attrs;
    switch (layer.op) {
    case OpKind::Conv:
        op += QLatin1Char(' ') + pair(a.kernel) + strideSuffix(a.stride);
        if (a.groups > 1) op += QStringLiteral(" g%1").arg(a.groups);
        break;
    case OpKind::MaxPool:
    case OpKind::AvgPool: op += QLatin1Char(' ') + pair(a.kernel) + strideSuffix(a.stride); break;
    case OpKind::FullyConnected: op += QLatin1Char(' ') + QString::number(a.outChannels); break;
    default: break;
    }
    label.op = op;
    if (net.analysed()) {
        const auto shapes = net.outputShapes(id);
        if (!shapes.empty()) {
            label.shape = formatShape(shapes.front());
            if (shapes.size() > 1) label.shape += QStringLiteral(" (+%1)").arg(shapes.size() - 1);
        }
    }
    return label;
}

QFont nodeNameFont() {
    // Pixel sizes: scene units are layout points, so the boxes Graphviz
    // places fit the text whatever the screen DPI.
    QFont f;
    f.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("Noto Sans"), QStringLiteral("Liberation Sans")});
    f.setStyleHint(QFont::SansSerif);
    f.setPixelSize(12);
    f.setBold(true);
    return f;
}

QFont nodeDetailFont() {
    QFont f = nodeNameFont();
    f.setBold(false);
    f.setPixelSize(11);
    return f;
}

QSizeF nodeSize(const NodeLabel& label) {
    const QFontMetricsF nameMetrics(nodeNameFont());
    const QFontMetricsF detailMetrics(nodeDetailFont());
    const double textWidth = std::max({nameMetrics.horizontalAdvance(label.name),
                                       detailMetrics.horizontalAdvance(label.op),
                                       detailMetrics.horizontalAdvance(label.shape)});
    const double width = std::clamp(textWidth + 2 * kNodePadding, kMinNodeWidth, kMaxNodeWidth);
    const double height = nameMetrics.height() + 2 * detailMetrics.height() + kNodePadding;
    return {std::ceil(width), std::ceil(height)};
}

}  // namespace tessera::views
