#pragma once
// How layers look in the views: op families, their colours, the text of a
// graph node and the size of its box. Shared by the graph view, its legend
// and the snapshot builder (which sizes the boxes before the dot layout).

#include <QColor>
#include <QFont>
#include <QSizeF>
#include <QString>

#include "core/ir/network.h"

namespace tessera::views {

enum class OpFamily {
    Conv,            // Conv
    FullyConnected,  // FullyConnected, MatMul
    Pool,            // max / avg / global / adaptive pooling
    Norm,            // BatchNorm, LRN
    Activation,      // Activation, Softmax
    Merge,           // Add, Sub, Mul, Div, Concat
    Shape,           // Split, Slice, Reshape, Flatten, Transpose, ChannelShuffle, Pad, Dropout, Identity
};

inline constexpr int kOpFamilyCount = 7;

OpFamily opFamily(core::OpKind op);
QString opFamilyName(OpFamily family);  // "Convolution", "Pooling", ...
QColor opFamilyFill(OpFamily family);   // box fill
QColor opFamilyBorder(OpFamily family); // box outline, a darker shade of the fill

// The three text lines of a graph node.
struct NodeLabel {
    QString name;   // layer name (may be elided when drawn)
    QString op;     // op name with its kernel / stride, e.g. "conv 3×3 /2"
    QString shape;  // output shape, e.g. "1×64×56×56"
};
NodeLabel nodeLabel(const core::Network& net, core::LayerId id);

// Fonts of the node text; the same in every thread (QFont is reentrant).
QFont nodeNameFont();
QFont nodeDetailFont();

// Box size in scene units (points) that fits the label, within
// [kMinNodeWidth, kMaxNodeWidth]; longer names are elided when drawn.
inline constexpr double kMinNodeWidth = 96;
inline constexpr double kMaxNodeWidth = 210;
inline constexpr double kNodePadding = 6;
QSizeF nodeSize(const NodeLabel& label);

// "1×64×56×56"
QString formatShape(const core::Shape& shape);

}  // namespace tessera::views
