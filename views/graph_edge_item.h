#pragma once
// One dependency in the network graph: the spline Graphviz routed, with an
// arrowhead at the consumer. Highlighted when either end is selected.

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

    QRectF boundingRect() const override { return m_bounds; }
    QPainterPath shape() const override { return {}; }  // never picked by the mouse
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    int m_from;
    int m_to;
    QPainterPath m_path;
    QPolygonF m_arrow;
    QRectF m_bounds;
    bool m_highlighted = false;
};

}  // namespace tessera::views
