#include "views/table_row_copy.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QTableView>

#include <algorithm>

namespace tessera::views {
namespace {

QString field(QString text) {
    for (QChar& c : text)
        if (c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r')) c = QLatin1Char(' ');
    return text;
}

// Copies on Ctrl+C. It accepts the shortcut override first, so that the
// key reaches the view rather than a window's Edit > Copy action.
class RowCopyFilter : public QObject {
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        const bool isKey = event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress;
        if (!isKey || !static_cast<QKeyEvent*>(event)->matches(QKeySequence::Copy)) return false;
        // (An open cell editor has the focus: its keys never come here.)
        auto* view = static_cast<QTableView*>(watched);
        event->accept();
        if (event->type() == QEvent::KeyPress) {
            if (const QString text = selectedRowsText(*view); !text.isEmpty()) QGuiApplication::clipboard()->setText(text);
        }
        return true;
    }
};

}  // namespace

QString selectedRowsText(const QTableView& view) {
    const QAbstractItemModel* model = view.model();
    if (!model || !view.selectionModel()) return {};
    QList<int> rows;
    for (const QModelIndex& index : view.selectionModel()->selectedRows()) rows << index.row();
    if (rows.isEmpty()) return {};
    std::sort(rows.begin(), rows.end());

    const QHeaderView* header = view.horizontalHeader();
    QList<int> columns;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical)) columns << logical;
    }
    QStringList lines;
    QStringList fields;
    for (const int c : columns) {
        const QVariant copy = model->headerData(c, Qt::Horizontal, kCopyRole);
        fields << field((copy.isValid() ? copy : model->headerData(c, Qt::Horizontal)).toString());
    }
    lines << fields.join(QLatin1Char('\t'));
    for (const int r : rows) {
        fields.clear();
        for (const int c : columns) {
            const QModelIndex index = model->index(r, c);
            const QVariant copy = index.data(kCopyRole);
            fields << field(copy.isValid() ? copy.toString() : index.data(Qt::DisplayRole).toString());
        }
        lines << fields.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

void installRowCopy(QTableView* view) { view->installEventFilter(new RowCopyFilter(view)); }

}  // namespace tessera::views
