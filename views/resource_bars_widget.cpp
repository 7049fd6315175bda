#include "views/resource_bars_widget.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

#include "views/decision_text.h"

namespace tessera::views {

namespace {
constexpr int kMargin = 4;
constexpr int kGap = 8;
constexpr int kMinTrack = 120;     // narrower than this, the figures go above the bar
constexpr int kTickHitPixels = 4;  // how close the mouse must be to a tick
const QColor kOk(0x5b, 0x8d, 0xd6);
const QColor kOver(0xd3, 0x2f, 0x2f);
const QColor kAccent(0xf2, 0x8e, 0x2b);

QColor blend(const QColor& a, const QColor& b, double t) {
    return QColor::fromRgbF(static_cast<float>(a.redF() * (1 - t) + b.redF() * t),
                            static_cast<float>(a.greenF() * (1 - t) + b.greenF() * t),
                            static_cast<float>(a.blueF() * (1 - t) + b.blueF() * t));
}

}  // namespace

ResourceBarsWidget::ResourceBarsWidget(QWidget* parent) : QWidget(parent) {
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Minimum);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

void ResourceBarsWidget::setDesignPoint(const core::DesignPoint* point, int highlightedLayer) {
    m_bars.clear();
    m_binding = -1;
    m_hasPoint = point != nullptr;
    m_highlighted = highlightedLayer;
    if (point) {
        for (const core::ResourceUse& use : point->resources) {
            Bar bar{QString::fromStdString(use.device),
                    resourceName(use),
                    QString::fromStdString(use.unit),
                    use.used,
                    use.budget,
                    BarMode::Total,
                    {},
                    -1};
            double sum = 0;
            for (const core::LayerDecision& d : point->layers)
                for (const core::ResourceUse& demand : d.resources)
                    if (demand.device == use.device && demand.resource == use.resource && demand.used > 0) {
                        bar.segments.push_back({d.layerId, QString::fromStdString(d.layer), demand.used});
                        sum += demand.used;
                    }
            if (!bar.segments.empty()) {
                const bool adds = std::abs(sum - use.used) <= kStackTolerance * std::max(std::abs(use.used), 1e-12);
                bar.mode = adds ? BarMode::Stacked : BarMode::Maximum;
                const auto largest = std::max_element(bar.segments.begin(), bar.segments.end(),
                                                      [](const Segment& a, const Segment& b) { return a.amount < b.amount; });
                bar.maxSegment = static_cast<int>(largest - bar.segments.begin());
            }
            m_bars.push_back(std::move(bar));
        }
        for (std::size_t i = 0; i < m_bars.size(); ++i)
            if (m_bars[i].budget > 0 &&
                (m_binding < 0 || m_bars[i].fraction() > m_bars[static_cast<std::size_t>(m_binding)].fraction()))
                m_binding = static_cast<int>(i);
    }
    updateGeometry();
    update();
}

void ResourceBarsWidget::setHighlightedLayer(int layerId) {
    if (layerId == m_highlighted) return;
    m_highlighted = layerId;
    update();
}

QColor ResourceBarsWidget::barColour(int bar) const {
    if (bar < 0 || static_cast<std::size_t>(bar) >= m_bars.size()) return {};
    return m_bars[static_cast<std::size_t>(bar)].overBudget() ? kOver : kOk;
}

QString ResourceBarsWidget::caption() const {
    if (m_binding < 0) return {};
    const Bar& bar = m_bars[static_cast<std::size_t>(m_binding)];
    QString text = tr("binding: %1 %2 %3").arg(bar.device, bar.name, percentText(bar.fraction()));
    if (bar.overBudget()) text += tr(" (over budget)");
    return text;
}

bool ResourceBarsWidget::narrowAt(int w) const {
    return w - (kMargin + labelWidth() + kGap) - kGap - valueWidth() - kMargin < kMinTrack;
}

int ResourceBarsWidget::rowHeightAt(int w) const {
    const int h = fontMetrics().height();
    return narrowAt(w) ? 2 * h + 10 : h + 8;
}

int ResourceBarsWidget::rowHeight() const { return rowHeightAt(width()); }

bool ResourceBarsWidget::hasHeightForWidth() const { return true; }

int ResourceBarsWidget::heightForWidth(int w) const {
    const int rows = std::max<int>(1, static_cast<int>(m_bars.size()));
    return captionHeight() + rows * rowHeightAt(w) + 2 * kMargin;
}

int ResourceBarsWidget::captionHeight() const { return m_binding >= 0 ? fontMetrics().height() + 4 : 0; }

QString ResourceBarsWidget::labelText(const Bar& bar) const { return bar.device + QLatin1Char(' ') + bar.name; }

QString ResourceBarsWidget::valueText(const Bar& bar) const {
    if (bar.budget <= 0) return countText(bar.used);
    return QStringLiteral("%1 / %2 (%3)").arg(countText(bar.used), countText(bar.budget), percentText(bar.fraction()));
}

QString ResourceBarsWidget::amountText(const Bar& bar, double amount) const {
    QString text = countText(amount) + QLatin1Char(' ') + bar.name;
    if (bar.budget > 0) text += tr(" (%1 of the budget)").arg(percentText(amount / bar.budget));
    return text;
}

int ResourceBarsWidget::labelWidth() const {
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics fm(bold);
    int w = 0;
    for (const Bar& bar : m_bars) w = std::max(w, fm.horizontalAdvance(labelText(bar)));
    return w;
}

int ResourceBarsWidget::valueWidth() const {
    int w = 0;
    for (const Bar& bar : m_bars) w = std::max(w, fontMetrics().horizontalAdvance(valueText(bar)));
    return w;
}

QRect ResourceBarsWidget::trackRect(int bar) const {
    const int top = kMargin + captionHeight() + bar * rowHeight();
    const int h = fontMetrics().height();
    const int left = kMargin + labelWidth() + kGap;
    if (!narrowAt(width())) return QRect(left, top + 4, width() - left - kGap - valueWidth() - kMargin, h);
    // Narrow (a side dock): label and figures on a line, the bar under them.
    return QRect(kMargin + 2, top + h + 6, std::max(20, width() - 2 * kMargin - 4), h);
}

double ResourceBarsWidget::scaleMax(const Bar& bar) const {
    double top = std::max(bar.budget, bar.used);
    for (const Segment& s : bar.segments) top = std::max(top, s.amount);
    return top > 0 ? top : 1;
}

QSize ResourceBarsWidget::sizeHint() const {
    const int w = labelWidth() + valueWidth() + 2 * kMinTrack + 2 * kGap + 2 * kMargin;
    return {w, heightForWidth(w)};
}

QSize ResourceBarsWidget::minimumSizeHint() const {
    const int w = labelWidth() + valueWidth() + kGap + 2 * kMargin;
    return {w, heightForWidth(w)};
}

void ResourceBarsWidget::paintBar(QPainter& p, const Bar& bar, const QRect& track) const {
    const double top = scaleMax(bar);
    auto xOf = [&](double v) { return track.left() + track.width() * std::clamp(v / top, 0.0, 1.0); };
    const QColor text = palette().color(QPalette::WindowText);
    p.fillRect(track, blend(palette().color(QPalette::Base), text, 0.08));
    if (bar.mode == BarMode::Stacked) {
        double x = track.left();
        for (std::size_t i = 0; i < bar.segments.size(); ++i) {
            const Segment& s = bar.segments[i];
            const double right = x + track.width() * s.amount / top;
            // Alternating tones keep neighbouring layers apart.
            const QColor fill = s.layerId == m_highlighted ? kAccent : (i % 2 ? kOk.lighter(118) : kOk);
            p.fillRect(QRectF(x, track.top(), right - x, track.height()), fill);
            x = right;
        }
    } else {
        p.fillRect(QRectF(track.left(), track.top(), xOf(bar.used) - track.left(), track.height()), kOk);
    }
    if (bar.overBudget())
        p.fillRect(QRectF(xOf(bar.budget), track.top(), xOf(bar.used) - xOf(bar.budget), track.height()), kOver);
    if (bar.mode == BarMode::Maximum) {
        QColor tick = text;
        tick.setAlpha(150);
        p.setPen(QPen(tick, 1));
        for (const Segment& s : bar.segments)
            if (s.layerId != m_highlighted)
                p.drawLine(QPointF(xOf(s.amount), track.top() + 2), QPointF(xOf(s.amount), track.bottom() - 1));
        for (const Segment& s : bar.segments)
            if (s.layerId == m_highlighted) {
                p.setPen(QPen(kAccent, 3));
                p.drawLine(QPointF(xOf(s.amount), track.top() - 1), QPointF(xOf(s.amount), track.bottom() + 2));
            }
    }
    p.setPen(palette().color(QPalette::Mid));
    p.setBrush(Qt::NoBrush);
    p.drawRect(track.adjusted(0, 0, -1, -1));
    if (bar.budget > 0) {
        p.setPen(QPen(text, 2));
        p.drawLine(QPointF(xOf(bar.budget), track.top() - 3), QPointF(xOf(bar.budget), track.bottom() + 3));
    }
}

void ResourceBarsWidget::paintEvent(QPaintEvent*) {
    QPainter p(this);
    const QColor text = palette().color(QPalette::WindowText);
    if (m_bars.empty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect().adjusted(kMargin, kMargin, -kMargin, -kMargin), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                   m_hasPoint ? tr("This design point reports no device resources") : tr("No design point selected"));
        return;
    }
    QFont bold = font();
    bold.setBold(true);
    if (m_binding >= 0) {
        p.setFont(bold);
        p.setPen(m_bars[static_cast<std::size_t>(m_binding)].overBudget() ? kOver : text);
        p.drawText(QRect(kMargin, kMargin, width() - 2 * kMargin, captionHeight()), Qt::AlignLeft | Qt::AlignVCenter,
                   fontMetrics().elidedText(caption(), Qt::ElideRight, width() - 2 * kMargin));
    }
    const int labelW = labelWidth();
    for (std::size_t i = 0; i < m_bars.size(); ++i) {
        const Bar& bar = m_bars[i];
        const QRect track = trackRect(static_cast<int>(i));
        const bool narrow = narrowAt(width());
        const int top = kMargin + captionHeight() + static_cast<int>(i) * rowHeight();
        const QRect label = narrow ? QRect(kMargin, top, labelW, fontMetrics().height() + 2)
                                   : QRect(kMargin, top, labelW, rowHeight());
        p.setFont(static_cast<int>(i) == m_binding ? bold : font());
        p.setPen(text);
        p.drawText(label, Qt::AlignLeft | Qt::AlignVCenter, labelText(bar));
        paintBar(p, bar, track);
        p.setFont(font());
        p.setPen(bar.overBudget() ? kOver : text);
        const QRect value = narrow ? QRect(label.right() + kGap, top, width() - label.right() - kGap - kMargin, label.height())
                                   : QRect(track.right() + kGap, top, valueWidth() + kMargin, rowHeight());
        p.drawText(value, (narrow ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter, valueText(bar));
    }
}

QString ResourceBarsWidget::toolTipAt(const QPoint& pos) const {
    for (std::size_t i = 0; i < m_bars.size(); ++i) {
        const Bar& bar = m_bars[i];
        const QRect track = trackRect(static_cast<int>(i));
        const int rowTop = kMargin + captionHeight() + static_cast<int>(i) * rowHeight();
        if (pos.y() < rowTop || pos.y() >= rowTop + rowHeight()) continue;
        QString tip = QStringLiteral("<b>%1</b>: %2").arg(labelText(bar).toHtmlEscaped(), valueText(bar).toHtmlEscaped());
        if (bar.budget > 0) tip += tr("<br>budget %1 %2").arg(countText(bar.budget), bar.name.toHtmlEscaped());
        if (bar.overBudget()) tip += tr("<br><b>over budget</b>");
        const double top = scaleMax(bar);
        auto xOf = [&](double v) { return track.left() + track.width() * std::clamp(v / top, 0.0, 1.0); };
        const Segment* hit = nullptr;
        if (track.adjusted(0, -3, 0, 3).contains(pos)) {
            if (bar.mode == BarMode::Stacked) {
                double x = track.left();
                for (const Segment& s : bar.segments) {
                    const double right = x + track.width() * s.amount / top;
                    if (pos.x() >= x && pos.x() < std::max(right, x + 1)) hit = &s;
                    x = right;
                }
            } else if (bar.mode == BarMode::Maximum) {
                double best = kTickHitPixels + 1;
                for (const Segment& s : bar.segments)
                    if (std::abs(xOf(s.amount) - pos.x()) < best) {
                        best = std::abs(xOf(s.amount) - pos.x());
                        hit = &s;
                    }
            }
        }
        if (hit)
            tip +=
                QStringLiteral("<hr><b>%1</b>: %2").arg(hit->layer.toHtmlEscaped(), amountText(bar, hit->amount).toHtmlEscaped());
        if (bar.mode == BarMode::Stacked) tip += tr("<br>the sum of %1 layers' demands").arg(bar.segments.size());
        if (bar.mode == BarMode::Maximum) {
            const Segment& max = bar.segments[static_cast<std::size_t>(bar.maxSegment)];
            tip += tr("<br>layers take turns on one engine: the use is the largest demand, set by <b>%1</b> (%2)")
                       .arg(max.layer.toHtmlEscaped(), countText(max.amount));
        }
        return tip;
    }
    return {};
}

bool ResourceBarsWidget::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString tip = toolTipAt(help->pos());
        if (tip.isEmpty()) QToolTip::hideText();
        else QToolTip::showText(help->globalPos(), tip, this);
        return true;
    }
    return QWidget::event(event);
}

}  // namespace tessera::views
