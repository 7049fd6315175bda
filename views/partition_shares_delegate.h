#pragma once
// Draws a unit's shares as one horizontal bar split into device-coloured
// segments (PartitionTableModel::kSharesRole); the numbers are in the tooltip.

#include <QStyledItemDelegate>

namespace tessera::views {

class PartitionSharesDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

}  // namespace tessera::views
