#include "views/resource_bars_widget.h"

#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace tessera::views {

namespace {
constexpr int kMargin = 4;
constexpr int kGap = 8;
const QColor kOk(0x5b, 0x8d, 0xd6);
const QColor kOver(0xd3, 0x2f, 0x2f);
}  // namespace

ResourceBarsWidget::ResourceBarsWidget(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Minimum);
}

void ResourceBarsWidget::setResources(const QVector<ResourceBar>& resources) {
    m_resources = resources;
    updateGeometry();
    update();
}

int ResourceBarsWidget::rowHeight() const { return fontMetrics().height() + 8; }

int ResourceBarsWidget::labelWidth() const {
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics fm(bold);
    int w = 0;
    for (const ResourceBar& r : m_resources) w = std::max(w, fm.horizontalAdvance(r.device + QLatin1Char('.') + r.resource));
    return w;
}

QString ResourceBarsWidget::valueText(const ResourceBar& bar) const {
    const QLocale locale;
    return QStringLiteral("%1 / %2 %3 (%4%)")
        .arg(locale.toString(std::round(bar.used), 'f', 0), locale.toString(bar.budget, 'f', 0), bar.unit)
        .arg(100 * bar.fraction(), 0, 'f', 0);
}

int ResourceBarsWidget::valueWidth() const {
    int w = 0;
    for (const ResourceBar& r : m_resources) w = std::max(w, fontMetrics().horizontalAdvance(valueText(r)));
    return w;
}

QSize ResourceBarsWidget::sizeHint() const {
    const int rows = std::max<int>(1, static_cast<int>(m_resources.size()));
    return {labelWidth() + valueWidth() + 160 + 2 * kGap + 2 * kMargin, rows * rowHeight() + 2 * kMargin};
}

QSize ResourceBarsWidget::minimumSizeHint() const {
    const int rows = std::max<int>(1, static_cast<int>(m_resources.size()));
    return {labelWidth() + valueWidth() + 60 + 2 * kGap + 2 * kMargin, rows * rowHeight() + 2 * kMargin};
}

void ResourceBarsWidget::paintEvent(QPaintEvent*) {
    QPainter p(this);
    if (m_resources.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect().adjusted(kMargin, kMargin, -kMargin, -kMargin), Qt::AlignLeft | Qt::AlignTop,
                   tr("No FPGA resources in this unit"));
        return;
    }
    const int labelW = labelWidth();
    const int valueW = valueWidth();
    const int barLeft = kMargin + labelW + kGap;
    const int barW = std::max(20, width() - barLeft - kGap - valueW - kMargin);
    const int h = rowHeight();
    QFont normal = font();
    QFont bold = font();
    bold.setBold(true);
    for (int i = 0; i < m_resources.size(); ++i) {
        const ResourceBar& r = m_resources[i];
        const int top = kMargin + i * h;
        const QRect label(kMargin, top, labelW, h);
        p.setFont(r.active ? bold : normal);
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(label, Qt::AlignLeft | Qt::AlignVCenter, r.device + QLatin1Char('.') + r.resource);

        const QRect track(barLeft, top + 4, barW, h - 8);
        p.fillRect(track, palette().color(QPalette::AlternateBase).darker(104));
        const double f = r.fraction();
        const bool over = f > 1.0 + 1e-9;
        const int fill = static_cast<int>(std::round(std::min(f, 1.0) * track.width()));
        p.fillRect(QRect(track.left(), track.top(), fill, track.height()), over ? kOver : kOk);
        p.setPen(QPen(r.active ? palette().color(QPalette::WindowText) : palette().color(QPalette::Mid), r.active ? 2 : 1));
        p.setBrush(Qt::NoBrush);
        p.drawRect(track.adjusted(0, 0, -1, -1));

        p.setFont(r.active ? bold : normal);
        p.setPen(over ? kOver : palette().color(QPalette::WindowText));
        p.drawText(QRect(track.right() + kGap, top, valueW + kMargin, h), Qt::AlignLeft | Qt::AlignVCenter, valueText(r));
    }
}

bool ResourceBarsWidget::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int row = (help->pos().y() - kMargin) / rowHeight();
        if (row >= 0 && row < m_resources.size()) {
            const ResourceBar& r = m_resources[row];
            QToolTip::showText(help->globalPos(),
                               tr("%1.%2: %3\nsensitivity %4 (d log objective / d log budget)%5")
                                   .arg(r.device, r.resource, valueText(r))
                                   .arg(r.sensitivity, 0, 'f', 4)
                                   .arg(r.active ? tr("\nactive: the budget binds at the optimum") : QString()),
                               this);
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QWidget::event(event);
}

}  // namespace tessera::views
