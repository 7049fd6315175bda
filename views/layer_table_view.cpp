#include "layer_table_view.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QSortFilterProxyModel>

#include <algorithm>

#include "views/layer_table_model.h"
#include "views/table_row_copy.h"

namespace tessera::views {

LayerTableView::LayerTableView(QWidget* parent)
    : QTableView(parent), m_model(new LayerTableModel(this)), m_proxy(new QSortFilterProxyModel(this)) {
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(LayerTableModel::kSortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    setModel(m_proxy);
    setSortingEnabled(true);
    sortByColumn(LayerTableModel::IndexColumn, Qt::AscendingOrder);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setTextElideMode(Qt::ElideMiddle);
    verticalHeader()->setVisible(false);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);  // no per-row measuring on big networks
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setStretchLastSection(false);
    connect(selectionModel(), &QItemSelectionModel::selectionChanged, this, &LayerTableView::onCurrentRowChanged);

    // Ctrl+C copies rows, not the current cell, even under a window's
    // Edit > Copy; Ctrl+A is QTableView's own. The menu's actions carry no
    // shortcut of their own, which would clash with the window's.
    installRowCopy(this);
    auto* copy = new QAction(tr("&Copy rows"), this);
    connect(copy, &QAction::triggered, this, &LayerTableView::copySelectedRows);
    auto* all = new QAction(tr("Select &all"), this);
    connect(all, &QAction::triggered, this, &QAbstractItemView::selectAll);
    addActions({copy, all});
    setContextMenuPolicy(Qt::ActionsContextMenu);
}

void LayerTableView::setSnapshot(NetworkSnapshotPtr snapshot) {
    const bool hadSelection = m_selected >= 0;
    m_syncing = true;
    m_model->setSnapshot(std::move(snapshot));
    m_syncing = false;
    m_selected = -1;
    fitColumns();
    if (hadSelection) emit layerSelected(-1);
}

void LayerTableView::setDesignPoint(const core::DesignPoint* point) {
    // The model's reset drops the selection; the rows are the same layers,
    // so the selected one is selected again, without a signal.
    m_syncing = true;
    m_model->setDesignPoint(point);
    fitColumns();
    const QModelIndex source = m_selected >= 0 ? m_model->index(m_selected, 0) : QModelIndex();
    const QModelIndex proxy = m_proxy->mapFromSource(source);
    if (proxy.isValid())
        selectionModel()->setCurrentIndex(proxy, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_syncing = false;
}

void LayerTableView::fitColumns() {
    // Size columns once per network or point (not ResizeToContents, which
    // measures on every layout), looking at the first hundred rows (enough for the widths, and cheap).
    horizontalHeader()->setResizeContentsPrecision(100);
    resizeColumnsToContents();
    // Long names, the input shapes of wide concats and fused groups would
    // push the numbers out of sight; the tooltips show them in full.
    setColumnWidth(LayerTableModel::NameColumn, std::min(columnWidth(LayerTableModel::NameColumn), 260));
    setColumnWidth(LayerTableModel::InputShapeColumn, std::min(columnWidth(LayerTableModel::InputShapeColumn), 220));
    setColumnWidth(LayerTableModel::OutputShapeColumn, std::min(columnWidth(LayerTableModel::OutputShapeColumn), 180));
    for (int c = LayerTableModel::ColumnCount; c < m_model->columnCount(); ++c) setColumnWidth(c, std::min(columnWidth(c), 220));
}

QString LayerTableView::selectedRowsText() const { return views::selectedRowsText(*this); }

void LayerTableView::copySelectedRows() {
    const QString text = selectedRowsText();
    if (!text.isEmpty()) QGuiApplication::clipboard()->setText(text);
}

void LayerTableView::selectLayer(int layerIndex) {
    const QModelIndex source =
        layerIndex >= 0 && layerIndex < m_model->rowCount() ? m_model->index(layerIndex, 0) : QModelIndex();
    if (!source.isValid()) layerIndex = -1;
    const QModelIndex proxy = m_proxy->mapFromSource(source);
    if (layerIndex != m_selected) {
        m_syncing = true;
        if (proxy.isValid())
            selectionModel()->setCurrentIndex(proxy, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        else
            selectionModel()->clearSelection();
        m_syncing = false;
        m_selected = layerIndex;
        emit layerSelected(m_selected);
    }
    if (proxy.isValid()) scrollTo(proxy, QAbstractItemView::EnsureVisible);
}

void LayerTableView::onCurrentRowChanged() {
    if (m_syncing) return;
    // With several rows selected (Ctrl+A, shift-click) the current row is the layer.
    const QModelIndexList rows = selectionModel()->selectedRows();
    int index = -1;
    const QModelIndex current = currentIndex();
    if (current.isValid() && selectionModel()->isRowSelected(current.row(), QModelIndex()))
        index = m_proxy->mapToSource(current).row();
    else if (!rows.isEmpty()) index = m_proxy->mapToSource(rows.front()).row();
    if (index == m_selected) return;
    m_selected = index;
    emit layerSelected(m_selected);
}

}  // namespace tessera::views
