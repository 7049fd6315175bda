#pragma once
// One dependency in the network graph: the spline Graphviz routed, with an
// arrowhead at the consumer. Highlighted when either end is selected.

#include <QColor>
#include <QGraphicsItem>
#include <QPainterPath>
#include <QPolygonF>

#include "views/graph_layout.h"

namespace tessera::views {

class GraphEdgeItem : public QGraphicsItem {
public:
    enum { Type = UserType + 2 };

    // `fromCenter` / `toCenter` are used when the layout has no spline.
    GraphEdgeItem(const LayoutEdge& edge, QPointF fromCenter, QPointF toCenter);

    int type() const override { return Type; }
    int from() const { return m_from; }
    int to() const { return m_to; }

    void setHighlighted(bool on);
    bool isHighlighted() const { return m_highlighted; }
    // Colour when not highlighted (the view follows its palette).
    void setColour(const QColor& colour);
    QColor colour() const { return m_colour; }

    QRectF boundingRect() const override { return m_bounds; }
    QPainterPath shape() const override { return {}; }  // never picked by the mouse
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    int m_from;
    int m_to;
    QPainterPath m_path;
    QPolygonF m_arrow;
    QRectF m_bounds;
    QColor m_colour{0x70, 0x70, 0x70};
    bool m_highlighted = false;
};

}  // namespace tessera::views
