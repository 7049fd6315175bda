#include "graph_node_item.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace tessera::views {
namespace {

const QColor kSelectedOutline(0x1d, 0x4e, 0xd8);
const QColor kHighlightOutline(0xff, 0x7a, 0x00);
constexpr double kOutlineMargin = 3;  // room for the thickest outline

}  // namespace

GraphNodeItem::GraphNodeItem(int layerIndex, const NodeLabel& label, OpFamily family, const QRectF& box)
    : m_layerIndex(layerIndex), m_label(label), m_fill(opFamilyFill(family)), m_border(opFamilyBorder(family)),
      m_box(box) {
    setFlag(ItemIsSelectable);
    setAcceptHoverEvents(false);
    setToolTip(QStringLiteral("<b>%1</b><br>%2<br>%3")
                   .arg(m_label.name.toHtmlEscaped(), m_label.op.toHtmlEscaped(), m_label.shape.toHtmlEscaped()));
}

void GraphNodeItem::setHighlighted(bool on) {
    if (on == m_highlighted) return;
    m_highlighted = on;
    update();
}

QRectF GraphNodeItem::boundingRect() const {
    return m_box.adjusted(-kOutlineMargin, -kOutlineMargin, kOutlineMargin, kOutlineMargin);
}

QPainterPath GraphNodeItem::shape() const {
    QPainterPath path;
    path.addRect(m_box);
    return path;
}

void GraphNodeItem::prepareText() {
    // Elide once, lazily: most nodes of a big network are never drawn with text.
    const QFont nameFont = nodeNameFont();
    const QFont detailFont = nodeDetailFont();
    const double width = m_box.width() - 2 * kNodePadding;
    const QFontMetricsF nameMetrics(nameFont);
    const QFontMetricsF detailMetrics(detailFont);
    m_nameText.setText(nameMetrics.elidedText(m_label.name, Qt::ElideMiddle, width));
    m_opText.setText(detailMetrics.elidedText(m_label.op, Qt::ElideRight, width));
    m_shapeText.setText(detailMetrics.elidedText(m_label.shape, Qt::ElideRight, width));
    for (QStaticText* t : {&m_nameText, &m_opText, &m_shapeText}) {
        t->setTextFormat(Qt::PlainText);
        t->setPerformanceHint(QStaticText::AggressiveCaching);
    }
    m_nameText.prepare(QTransform(), nameFont);
    m_opText.prepare(QTransform(), detailFont);
    m_shapeText.prepare(QTransform(), detailFont);
    m_textPrepared = true;
}

void GraphNodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    // The view sets DontSavePainterState: set every state used here.
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const bool selected = option->state & QStyle::State_Selected;
    const QColor fill = selected ? m_fill.darker(112) : m_fill;

    if (lod < kOutlineMinScale) {
        painter->setRenderHint(QPainter::Antialiasing, false);
        QColor flat = fill;
        if (selected) flat = kSelectedOutline;
        else if (m_highlighted) flat = kHighlightOutline;
        painter->fillRect(m_box, flat);
        return;
    }

    painter->setRenderHint(QPainter::Antialiasing, lod >= kTextMinScale);
    QPen pen(m_border, 1.0);
    if (selected) pen = QPen(kSelectedOutline, 2.5);
    else if (m_highlighted) pen = QPen(kHighlightOutline, 3.0);
    pen.setJoinStyle(Qt::MiterJoin);
    painter->setPen(pen);
    painter->setBrush(fill);
    painter->drawRoundedRect(m_box, 4, 4);

    if (lod < kTextMinScale) return;
    if (!m_textPrepared) prepareText();
    const double x = m_box.left() + kNodePadding;
    const double nameHeight = QFontMetricsF(nodeNameFont()).height();
    const double detailHeight = QFontMetricsF(nodeDetailFont()).height();
    double y = m_box.top() + kNodePadding / 2;
    painter->setPen(Qt::black);
    painter->setFont(nodeNameFont());
    painter->drawStaticText(QPointF(x, y), m_nameText);
    y += nameHeight;
    painter->setFont(nodeDetailFont());
    painter->setPen(QColor(0x20, 0x20, 0x20));
    painter->drawStaticText(QPointF(x, y), m_opText);
    y += detailHeight;
    painter->setPen(QColor(0x40, 0x40, 0x40));
    painter->drawStaticText(QPointF(x, y), m_shapeText);
}

}  // namespace tessera::views
