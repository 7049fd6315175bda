#pragma once
// One layer in the network graph: a coloured box with name, op and output
// shape. Cheap to paint: text only when it would be readable (level of
// detail), plain rectangles when zoomed far out.

#include <QGraphicsItem>
#include <QStaticText>

#include "views/op_style.h"

namespace tessera::views {

class GraphNodeItem : public QGraphicsItem {
public:
    enum { Type = UserType + 1 };

    GraphNodeItem(int layerIndex, const NodeLabel& label, OpFamily family, const QRectF& box);

    int type() const override { return Type; }
    int layerIndex() const { return m_layerIndex; }
    const NodeLabel& label() const { return m_label; }
    QRectF box() const { return m_box; }

    // Search hit: drawn with a thick accent outline.
    void setHighlighted(bool on);
    bool isHighlighted() const { return m_highlighted; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    // Below this view scale nodes are drawn without text.
    static constexpr double kTextMinScale = 0.42;
    // Below this view scale nodes are drawn as flat rectangles (no outline).
    static constexpr double kOutlineMinScale = 0.15;

private:
    void prepareText();

    int m_layerIndex;
    NodeLabel m_label;
    QColor m_fill;
    QColor m_border;
    QRectF m_box;
    bool m_highlighted = false;
    bool m_textPrepared = false;
    QStaticText m_nameText, m_opText, m_shapeText;
};

}  // namespace tessera::views
