#include "graph_edge_item.h"

#include <QLineF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <cmath>

namespace tessera::views {
namespace {

const QColor kEdgeHighlight(0x25, 0x63, 0xeb);  // reads on light and dark canvases
constexpr double kArrowLength = 8;
constexpr double kArrowHalfWidth = 3.5;

QPolygonF arrowHead(QPointF base, QPointF tip) {
    QLineF line(tip, base);
    if (line.length() < 1e-6) return {};
    const QPointF unit = (base - tip) / line.length();
    const QPointF normal(-unit.y(), unit.x());
    return QPolygonF({tip, base + normal * kArrowHalfWidth, base - normal * kArrowHalfWidth});
}

}  // namespace

GraphEdgeItem::GraphEdgeItem(const LayoutEdge& edge, QPointF fromCenter, QPointF toCenter)
    : m_from(edge.from), m_to(edge.to) {
    setFlag(ItemIsSelectable, false);
    setAcceptedMouseButtons(Qt::NoButton);
    setZValue(-1);  // under the nodes

    const auto& pts = edge.points;
    if (pts.size() >= 4) {
        m_path.moveTo(pts[0].x, pts[0].y);
        for (std::size_t i = 1; i + 2 < pts.size(); i += 3)
            m_path.cubicTo(pts[i].x, pts[i].y, pts[i + 1].x, pts[i + 1].y, pts[i + 2].x, pts[i + 2].y);
        if (edge.hasArrow) {
            m_arrow = arrowHead(QPointF(pts.back().x, pts.back().y), QPointF(edge.arrowTip.x, edge.arrowTip.y));
        } else {
            // No separate arrow: put one on the last segment's end.
            const QPointF end(pts.back().x, pts.back().y);
            const QPointF before = m_path.pointAtPercent(0.97);
            QLineF dir(before, end);
            if (dir.length() > 1e-6) {
                dir.setLength(kArrowLength);
                m_arrow = arrowHead(end - (dir.p2() - dir.p1()), end);
            }
        }
    } else {
        // Fallback layout (Graphviz failed): straight line centre to centre.
        m_path.moveTo(fromCenter);
        m_path.lineTo(toCenter);
        QLineF dir(fromCenter, toCenter);
        if (dir.length() > kArrowLength) {
            const QPointF tip = dir.pointAt(0.5);
            dir.setLength(kArrowLength);
            m_arrow = arrowHead(tip - (dir.p2() - dir.p1()), tip);
        }
    }
    m_bounds = m_path.controlPointRect().united(m_arrow.boundingRect()).adjusted(-2, -2, 2, 2);
}

void GraphEdgeItem::setHighlighted(bool on) {
    if (on == m_highlighted) return;
    m_highlighted = on;
    setZValue(on ? -0.5 : -1);
    update();
}

void GraphEdgeItem::setColour(const QColor& colour) {
    if (colour == m_colour) return;
    m_colour = colour;
    update();
}

void GraphEdgeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    // The view sets DontSavePainterState: set every state used here.
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const QColor color = m_highlighted ? kEdgeHighlight : m_colour;
    painter->setRenderHint(QPainter::Antialiasing, lod >= 0.3);
    QPen pen(color, m_highlighted ? 2.0 : 1.0);
    pen.setCosmetic(lod < 1.0);  // stays one pixel wide when zoomed out
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(m_path);
    if (!m_arrow.isEmpty() && lod >= 0.2) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawPolygon(m_arrow);
    }
}

}  // namespace tessera::views
