#include "graph_node_item.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>

namespace tessera::views {
namespace {

const QColor kSelectedOutline(0x1d, 0x4e, 0xd8);
const QColor kHighlightOutline(0xff, 0x7a, 0x00);
const QColor kBlockFill(0xc6, 0xd0, 0xdc);
const QColor kBadgeFill(0x26, 0x26, 0x26, 230);
constexpr double kOutlineMargin = 3;  // room for the thickest outline
constexpr double kStackOffset = 4;    // the box drawn behind a block, as a stack of cards
constexpr double kBadgeOverlap = 3;   // the badge's top sits this far inside the box
constexpr double kBadgeInset = 4;     // from the box's right edge
constexpr double kCornerRadius = 4;

QFont badgeFont() {
    QFont f = nodeDetailFont();
    f.setPixelSize(10);
    return f;
}

constexpr double kSwatch = 7;
constexpr double kShareGap = 5;

// Whole percents: the badge is small; the tooltip has the decimals.
QString badgePercent(double fraction) {
    const double percent = 100 * fraction;
    return percent > 0 && percent < 0.5 ? QStringLiteral("<1%") : QString::number(std::lround(percent)) + QLatin1Char('%');
}

QString labelToolTip(const NodeLabel& label) {
    return QStringLiteral("<b>%1</b><br>%2<br>%3")
        .arg(label.name.toHtmlEscaped(), label.op.toHtmlEscaped(), label.shape.toHtmlEscaped());
}

}  // namespace

GraphNodeItem::GraphNodeItem(int layerIndex, const NodeLabel& label, OpFamily family, const QRectF& box)
    : m_layers{layerIndex},
      m_family(family),
      m_label(label),
      m_fill{{opFamilyFill(family), 1}},
      m_border(opFamilyBorder(family)),
      m_box(box) {
    setFlag(ItemIsSelectable);
    setAcceptHoverEvents(false);
    setToolTip(labelToolTip(m_label));
}

GraphNodeItem::GraphNodeItem(int block, std::vector<int> layers, const NodeLabel& label, const QRectF& box)
    : m_layers(std::move(layers)),
      m_block(block),
      m_label(label),
      m_fill{{kBlockFill, 1}},
      m_border(kBlockFill.darker(165)),
      m_box(box) {
    if (m_layers.empty()) m_layers.push_back(-1);
    setFlag(ItemIsSelectable);
    setAcceptHoverEvents(false);
    setToolTip(labelToolTip(m_label) + QStringLiteral("<br><i>double-click to expand</i>"));
}

void GraphNodeItem::setFill(std::vector<FillBand> bands, const QColor& border, const QColor& text) {
    if (bands.empty()) bands.push_back({isBlock() ? kBlockFill : opFamilyFill(m_family), 1});
    m_fill = std::move(bands);
    m_border = border;
    m_text = text;
    update();
}

void GraphNodeItem::setBadge(const QString& text, std::vector<BadgeShare> shares) {
    prepareGeometryChange();
    m_badge = text;
    m_badgeShares = std::move(shares);
    m_badgeShareTexts.clear();
    for (const BadgeShare& share : m_badgeShares) m_badgeShareTexts << badgePercent(share.fraction);
    m_badgeRect = computeBadgeRect();
    m_textPrepared = false;
    update();
}

QString GraphNodeItem::badge() const {
    QStringList parts;
    if (!m_badge.isEmpty()) parts << m_badge;
    QStringList shares;
    for (qsizetype i = 0; i < m_badgeShareTexts.size(); ++i)
        shares << m_badgeShares[static_cast<std::size_t>(i)].name + QLatin1Char(' ') + m_badgeShareTexts[i];
    if (!shares.isEmpty()) parts << shares.join(QLatin1Char(' '));
    return parts.join(QStringLiteral("  "));
}

void GraphNodeItem::setHighlighted(bool on) {
    if (on == m_highlighted) return;
    m_highlighted = on;
    update();
}

void GraphNodeItem::setGroupHighlighted(bool on) {
    if (on == m_groupHighlighted) return;
    m_groupHighlighted = on;
    update();
}

QRectF GraphNodeItem::computeBadgeRect() const {
    if (m_badge.isEmpty() && m_badgeShares.empty()) return {};
    const QFontMetricsF fm(badgeFont());
    double width = m_badge.isEmpty() ? 0 : fm.horizontalAdvance(m_badge);
    double sharesWidth = 0;
    for (const QString& text : m_badgeShareTexts) sharesWidth += kSwatch + 2 + fm.horizontalAdvance(text) + kShareGap;
    width = std::min(std::max(width, sharesWidth - kShareGap) + 8, m_box.width() - kBadgeInset);
    const int lines = (m_badge.isEmpty() ? 0 : 1) + (m_badgeShares.empty() ? 0 : 1);
    return QRectF(m_box.right() - kBadgeInset - width, m_box.bottom() - kBadgeOverlap, width, lines * fm.height() + 2);
}

QRectF GraphNodeItem::boundingRect() const {
    const double stack = isBlock() ? kStackOffset : 0;
    QRectF bounds = m_box.adjusted(-kOutlineMargin, -kOutlineMargin, kOutlineMargin + stack, kOutlineMargin + stack);
    if (!m_badgeRect.isNull()) bounds = bounds.united(m_badgeRect);
    return bounds;
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
    if (isBlock()) {
        // One line: the name, then the layer count in what is left.
        const double left = width - nameMetrics.horizontalAdvance(m_nameText.text());
        m_opText.setText(detailMetrics.elidedText(QStringLiteral(" · ") + m_label.op, Qt::ElideRight, std::max(0.0, left)));
    } else {
        m_opText.setText(detailMetrics.elidedText(m_label.op, Qt::ElideRight, width));
    }
    m_shapeText.setText(detailMetrics.elidedText(m_label.shape, Qt::ElideRight, width));
    m_badgeText.setText(QFontMetricsF(badgeFont()).elidedText(m_badge, Qt::ElideRight, m_badgeRect.width() - 6));
    for (QStaticText* t : {&m_nameText, &m_opText, &m_shapeText, &m_badgeText}) {
        t->setTextFormat(Qt::PlainText);
        t->setPerformanceHint(QStaticText::AggressiveCaching);
    }
    m_nameText.prepare(QTransform(), nameFont);
    m_opText.prepare(QTransform(), detailFont);
    m_shapeText.prepare(QTransform(), detailFont);
    m_badgeText.prepare(QTransform(), badgeFont());
    m_textPrepared = true;
}

void GraphNodeItem::paintBands(QPainter* painter, bool selected) const {
    auto colour = [selected](const FillBand& band) { return selected ? band.colour.darker(112) : band.colour; };
    painter->setPen(Qt::NoPen);
    if (m_fill.size() == 1) {
        painter->setBrush(colour(m_fill.front()));
        painter->drawRoundedRect(m_box, kCornerRadius, kCornerRadius);
        return;
    }
    QPainterPath outline;
    outline.addRoundedRect(m_box, kCornerRadius, kCornerRadius);
    double total = 0;
    for (const FillBand& band : m_fill) total += std::max(0.0, band.fraction);
    double x = m_box.left();
    for (std::size_t i = 0; i < m_fill.size(); ++i) {
        const double w = total > 0 ? m_box.width() * std::max(0.0, m_fill[i].fraction) / total : 0;
        // The last band ends exactly on the edge whatever the rounding.
        const double right = i + 1 == m_fill.size() ? m_box.right() : x + w;
        QPainterPath band;
        band.addRect(QRectF(x, m_box.top(), right - x, m_box.height()));
        painter->setBrush(colour(m_fill[i]));
        painter->drawPath(outline.intersected(band));
        x = right;
    }
}

void GraphNodeItem::paintBadge(QPainter* painter) {
    const QRectF& rect = m_badgeRect;
    const QFontMetricsF fm(badgeFont());
    const double radius = std::min(rect.height() / 2, 7.0);
    painter->setPen(Qt::NoPen);
    painter->setBrush(kBadgeFill);
    painter->drawRoundedRect(rect, radius, radius);
    painter->setPen(Qt::white);
    painter->setFont(badgeFont());
    double y = rect.top() + 1;
    if (!m_badge.isEmpty()) {
        painter->drawStaticText(QPointF(rect.left() + 4, y), m_badgeText);
        y += fm.height();
    }
    // Shares: a swatch of the device's colour, then its percentage; what
    // does not fit the box's width is left out rather than overflowing.
    double x = rect.left() + 4;
    for (qsizetype i = 0; i < m_badgeShareTexts.size(); ++i) {
        const double width = kSwatch + 2 + fm.horizontalAdvance(m_badgeShareTexts[i]);
        if (x + width > rect.right() - 2) break;
        painter->setPen(QPen(Qt::white, 0.8));
        painter->setBrush(m_badgeShares[static_cast<std::size_t>(i)].colour);
        painter->drawRect(QRectF(x, y + (fm.height() - kSwatch) / 2, kSwatch, kSwatch));
        painter->setPen(Qt::white);
        painter->drawText(QPointF(x + kSwatch + 2, y + fm.ascent()), m_badgeShareTexts[i]);
        x += width + kShareGap;
    }
}

void GraphNodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    // The view sets DontSavePainterState: set every state used here.
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const bool selected = option->state & QStyle::State_Selected;

    if (lod < kOutlineMinScale) {
        painter->setRenderHint(QPainter::Antialiasing, false);
        if (selected || m_highlighted || m_groupHighlighted) {
            painter->fillRect(m_box, m_highlighted && !selected ? kHighlightOutline : kSelectedOutline);
        } else {
            double x = m_box.left();
            double total = 0;
            for (const FillBand& band : m_fill) total += std::max(0.0, band.fraction);
            for (const FillBand& band : m_fill) {
                const double w = total > 0 ? m_box.width() * std::max(0.0, band.fraction) / total : 0;
                painter->fillRect(QRectF(x, m_box.top(), w, m_box.height()), band.colour);
                x += w;
            }
        }
        return;
    }

    painter->setRenderHint(QPainter::Antialiasing, lod >= kTextMinScale);
    if (isBlock()) {
        painter->setPen(QPen(m_border, 1.0));
        painter->setBrush(m_fill.front().colour.darker(115));
        painter->drawRoundedRect(m_box.translated(kStackOffset, kStackOffset), kCornerRadius, kCornerRadius);
    }
    paintBands(painter, selected);
    QPen pen(m_border, 1.0);
    if (selected) pen = QPen(kSelectedOutline, 2.5);
    else if (m_highlighted) pen = QPen(kHighlightOutline, 3.0);
    else if (m_groupHighlighted) pen = QPen(kSelectedOutline, 2.0, Qt::DashLine);
    pen.setJoinStyle(Qt::MiterJoin);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(m_box, kCornerRadius, kCornerRadius);

    if (lod < kTextMinScale) return;
    if (!m_textPrepared) prepareText();
    const double x = m_box.left() + kNodePadding;
    const double nameHeight = QFontMetricsF(nodeNameFont()).height();
    const double detailHeight = QFontMetricsF(nodeDetailFont()).height();
    double y = m_box.top() + kNodePadding / 2;
    painter->setPen(m_text);
    painter->setFont(nodeNameFont());
    painter->drawStaticText(QPointF(x, y), m_nameText);
    if (isBlock()) {
        QColor detail = m_text;
        detail.setAlphaF(0.85f);
        painter->setPen(detail);
        painter->setFont(nodeDetailFont());
        // Baselines level: the detail font is a pixel smaller.
        const double baseline = QFontMetricsF(nodeNameFont()).ascent() - QFontMetricsF(nodeDetailFont()).ascent();
        painter->drawStaticText(QPointF(x + m_nameText.size().width(), y + baseline), m_opText);
        if (!m_badgeRect.isNull()) paintBadge(painter);
        return;
    }
    y += nameHeight;
    painter->setFont(nodeDetailFont());
    QColor detail = m_text;
    detail.setAlphaF(0.85f);
    painter->setPen(detail);
    painter->drawStaticText(QPointF(x, y), m_opText);
    y += detailHeight;
    detail.setAlphaF(0.72f);
    painter->setPen(detail);
    painter->drawStaticText(QPointF(x, y), m_shapeText);
    if (!m_badgeRect.isNull()) paintBadge(painter);
}

}  // namespace tessera::views
