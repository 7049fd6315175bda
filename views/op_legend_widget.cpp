#include "op_legend_widget.h"

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

}  // namespace

OpLegendWidget::OpLegendWidget(QWidget* parent) : QWidget(parent) {
    setAttribute(Qt::WA_TransparentForMouseEvents);
    resize(sizeHint());
}

QSize OpLegendWidget::sizeHint() const {
    const QFontMetrics fm(legendFont());
    int textWidth = 0;
    for (int i = 0; i < kOpFamilyCount; ++i)
        textWidth = std::max(textWidth, fm.horizontalAdvance(opFamilyName(static_cast<OpFamily>(i))));
    const int line = std::max(fm.height(), kSwatch) + 2;
    return {2 * kMargin + kSwatch + kGap + textWidth, 2 * kMargin + kOpFamilyCount * line};
}

void OpLegendWidget::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QColor(0, 0, 0, 60));
    p.setBrush(QColor(255, 255, 255, 225));
    p.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
    p.setFont(legendFont());
    const QFontMetrics fm(legendFont());
    const int line = std::max(fm.height(), kSwatch) + 2;
    for (int i = 0; i < kOpFamilyCount; ++i) {
        const auto family = static_cast<OpFamily>(i);
        const int top = kMargin + i * line;
        const QRect swatch(kMargin, top + (line - kSwatch) / 2, kSwatch, kSwatch);
        p.setPen(opFamilyBorder(family));
        p.setBrush(opFamilyFill(family));
        p.drawRect(swatch);
        p.setPen(QColor(0x20, 0x20, 0x20));  // the box is always light
        p.drawText(QRect(kMargin + kSwatch + kGap, top, width(), line), Qt::AlignVCenter | Qt::AlignLeft,
                   opFamilyName(family));
    }
}

}  // namespace tessera::views
