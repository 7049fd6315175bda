#pragma once
// One box in the network graph: a layer (name, op, output shape) or a
// collapsed block of layers (prefix, layer count, output shape), filled with
// one colour or with bands side by side (a layer split between devices, a
// block's mix of categories), with an optional badge under its bottom-right
// corner (a design point's latency, and the shares of a split layer on a
// second line, each after a swatch of its device's colour). Cheap to paint: text only
// when it would be readable (level of detail), plain rectangles when zoomed
// far out.

#include <QGraphicsItem>
#include <QStaticText>
#include <QStringList>

#include <vector>

#include "views/op_style.h"

namespace tessera::views {

class GraphNodeItem : public QGraphicsItem {
public:
    enum { Type = UserType + 1 };

    // Part of the fill: bands are drawn left to right, widths in proportion.
    struct FillBand {
        QColor colour;
        double fraction = 1;
    };

    // A layer's box, filled with its op family's colour.
    GraphNodeItem(int layerIndex, const NodeLabel& label, OpFamily family, const QRectF& box);
    // A collapsed block's box (block: its index in the view's BlockTree).
    GraphNodeItem(int block, std::vector<int> layers, const NodeLabel& label, const QRectF& box);

    int type() const override { return Type; }
    // The layer shown; a block's first layer.
    int layerIndex() const { return m_layers.front(); }
    // Every layer the box stands for: one, or a block's.
    const std::vector<int>& layers() const { return m_layers; }
    bool isBlock() const { return m_block >= 0; }
    int block() const { return m_block; }
    OpFamily family() const { return m_family; }
    const NodeLabel& label() const { return m_label; }
    QRectF box() const { return m_box; }

    void setFill(std::vector<FillBand> bands, const QColor& border, const QColor& text);
    const std::vector<FillBand>& fill() const { return m_fill; }
    QColor textColour() const { return m_text; }

    // One share on the badge: a swatch of `colour`, then the percentage.
    struct BadgeShare {
        QString name;  // device; in the tooltip and badge(), not drawn
        QColor colour;
        double fraction = 0;
    };
    // The badge's first line ("0.33 ms") and its shares, largest first;
    // both empty: no badge.
    void setBadge(const QString& text, std::vector<BadgeShare> shares = {});
    // What the badge says: "0.33 ms  gpu 83% fpga 11% cpu 6%".
    QString badge() const;
    const std::vector<BadgeShare>& badgeShares() const { return m_badgeShares; }

    // Search hit: drawn with a thick accent outline.
    void setHighlighted(bool on);
    bool isHighlighted() const { return m_highlighted; }
    // Part of the selected layer's group (a fused unit): drawn with the
    // selection's outline.
    void setGroupHighlighted(bool on);
    bool isGroupHighlighted() const { return m_groupHighlighted; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    // Below this view scale nodes are drawn without text.
    static constexpr double kTextMinScale = 0.42;
    // Below this view scale nodes are drawn as flat rectangles (no outline).
    static constexpr double kOutlineMinScale = 0.15;

private:
    void prepareText();
    void paintBands(QPainter* painter, bool selected) const;
    void paintBadge(QPainter* painter);
    QRectF computeBadgeRect() const;

    std::vector<int> m_layers;
    int m_block = -1;
    OpFamily m_family = OpFamily::Shape;
    NodeLabel m_label;
    std::vector<FillBand> m_fill;
    QColor m_border;
    QColor m_text = Qt::black;
    QRectF m_box;
    QString m_badge;
    std::vector<BadgeShare> m_badgeShares;
    QStringList m_badgeShareTexts;  // "83%" per share
    QRectF m_badgeRect;
    bool m_highlighted = false;
    bool m_groupHighlighted = false;
    bool m_textPrepared = false;
    QStaticText m_nameText, m_opText, m_shapeText, m_badgeText;
};

}  // namespace tessera::views
