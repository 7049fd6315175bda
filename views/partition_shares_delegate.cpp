#include "views/partition_shares_delegate.h"

#include <QApplication>
#include <QPainter>

#include <algorithm>
#include <cmath>

#include "views/partition_table_model.h"

namespace tessera::views {

void PartitionSharesDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const {
    const QVariantList shares = index.data(PartitionTableModel::kSharesRole).toList();
    if (shares.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // Background and selection as the style draws them, without text.
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QRectF bar = QRectF(option.rect).adjusted(4, 4, -4, -4);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setPen(Qt::NoPen);
    double x = bar.left();
    const QFontMetrics fm(option.font);
    for (const QVariant& v : shares) {
        const QVariantList s = v.toList();
        if (s.size() < 3) continue;
        const QColor color = s[0].value<QColor>();
        const double fraction = s[1].toDouble();
        if (!(fraction > 0)) continue;
        const double w = std::round(bar.width() * fraction + x) - std::round(x);
        const QRectF seg(std::round(x), bar.top(), w, bar.height());
        painter->fillRect(seg, color);
        // The percentage inside the segment when it fits.
        const QString label = QStringLiteral("%1%").arg(qRound(100 * fraction));
        if (fm.horizontalAdvance(label) + 4 <= seg.width() && bar.height() >= fm.height() - 2) {
            painter->setPen(Qt::white);
            painter->drawText(seg, Qt::AlignCenter, label);
            painter->setPen(Qt::NoPen);
        }
        x += bar.width() * fraction;
    }
    painter->setPen(QPen(option.palette.color(QPalette::Mid), 1));
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(bar.adjusted(0, 0, -1, -1));
    painter->restore();
}

QSize PartitionSharesDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(std::max(size.width(), 160));
    return size;
}

}  // namespace tessera::views
