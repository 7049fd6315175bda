#pragma once
// Copying table rows the way spreadsheets paste them: the selected rows as
// tab-separated text, a header line first, columns in the order the view
// shows them (hidden ones left out). Qt's views copy only the current cell.

#include <QString>

class QAbstractItemView;
class QTableView;

namespace tessera::views {

// Models may give this role a plain text for copying (full-precision
// numbers, "" for a missing value; a header's title in words where it shows
// a symbol); DisplayRole is used where they do not.
inline constexpr int kCopyRole = Qt::UserRole + 100;

// The selected rows of `view` (in the view's row order) as text: a header
// line, then one line per row, fields separated by tabs; tabs and line
// breaks inside a field become spaces. Empty when nothing is selected.
QString selectedRowsText(const QTableView& view);

// Makes Ctrl+C (QKeySequence::Copy) on `view` put selectedRowsText on the
// clipboard, even where a window-wide Copy shortcut exists.
void installRowCopy(QTableView* view);

}  // namespace tessera::views
