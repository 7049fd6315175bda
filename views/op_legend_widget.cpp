#include "op_legend_widget.h"

#include <QEvent>
#include <QFontMetrics>
#include <QPainter>

#include <algorithm>

#include "views/op_style.h"

namespace tessera::views {
namespace {

constexpr int kMargin = 6;
constexpr int kSwatch = 10;
constexpr int kGap = 5;

QFont legendFont() {
    QFont f = nodeDetailFont();
    f.setPixelSize(11);
    return f;
}

QFont titleFont() {
    QFont f = legendFont();
    f.setBold(true);
    return f;
}

}  // namespace

OpLegendWidget::OpLegendWidget(QWidget* parent) : QWidget(parent) {
    setAttribute(Qt::WA_TransparentForMouseEvents);
    showOpFamilies();
}

void OpLegendWidget::showOpFamilies() {
    QVector<Entry> entries;
    for (int i = 0; i < kOpFamilyCount; ++i) {
        const auto family = static_cast<OpFamily>(i);
        entries.push_back({opFamilyName(family), opFamilyFill(family), opFamilyBorder(family)});
    }
    setEntries(entries);
}

void OpLegendWidget::setEntries(const QVector<Entry>& entries, const QString& title) {
    m_entries = entries;
    m_title = title;
    resize(sizeHint());
    update();
}

int OpLegendWidget::lineHeight() const { return std::max(QFontMetrics(legendFont()).height(), kSwatch) + 2; }

QSize OpLegendWidget::sizeHint() const {
    const QFontMetrics fm(legendFont());
    int textWidth = m_title.isEmpty() ? 0 : QFontMetrics(titleFont()).horizontalAdvance(m_title) - kSwatch - kGap;
    for (const Entry& e : m_entries) textWidth = std::max(textWidth, fm.horizontalAdvance(e.text));
    const int lines = static_cast<int>(m_entries.size()) + (m_title.isEmpty() ? 0 : 1);
    return {2 * kMargin + kSwatch + kGap + textWidth, 2 * kMargin + lines * lineHeight()};
}

void OpLegendWidget::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    QColor frame = palette().color(QPalette::Text);
    frame.setAlpha(70);
    QColor background = palette().color(QPalette::Base);
    background.setAlpha(230);
    p.setPen(frame);
    p.setBrush(background);
    p.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
    const int line = lineHeight();
    int top = kMargin;
    p.setPen(palette().color(QPalette::Text));
    if (!m_title.isEmpty()) {
        p.setFont(titleFont());
        p.drawText(QRect(kMargin, top, width() - kMargin, line), Qt::AlignVCenter | Qt::AlignLeft, m_title);
        top += line;
    }
    p.setFont(legendFont());
    for (const Entry& e : m_entries) {
        const QRect swatch(kMargin, top + (line - kSwatch) / 2, kSwatch, kSwatch);
        p.setPen(e.border);
        p.setBrush(e.fill);
        p.drawRect(swatch);
        p.setPen(palette().color(QPalette::Text));
        p.drawText(QRect(kMargin + kSwatch + kGap, top, width(), line), Qt::AlignVCenter | Qt::AlignLeft, e.text);
        top += line;
    }
}

void OpLegendWidget::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) update();
}

}  // namespace tessera::views
