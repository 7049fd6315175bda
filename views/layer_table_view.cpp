#include "layer_table_view.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QSortFilterProxyModel>

#include <algorithm>

#include "views/layer_table_model.h"

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
    setSelectionMode(QAbstractItemView::SingleSelection);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setTextElideMode(Qt::ElideMiddle);
    verticalHeader()->setVisible(false);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);  // no per-row measuring on big networks
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setStretchLastSection(false);
    connect(selectionModel(), &QItemSelectionModel::selectionChanged, this, &LayerTableView::onCurrentRowChanged);
}

void LayerTableView::setSnapshot(NetworkSnapshotPtr snapshot) {
    const bool hadSelection = m_selected >= 0;
    m_syncing = true;
    m_model->setSnapshot(std::move(snapshot));
    m_syncing = false;
    m_selected = -1;
    // Size columns once per network (not ResizeToContents, which measures
    // on every layout), looking at a few hundred rows at most.
    horizontalHeader()->setResizeContentsPrecision(400);
    resizeColumnsToContents();
    // Long names and the input shapes of wide concats would push the
    // numbers out of sight; the tooltips show them in full.
    setColumnWidth(LayerTableModel::NameColumn, std::min(columnWidth(LayerTableModel::NameColumn), 260));
    setColumnWidth(LayerTableModel::InputShapeColumn, std::min(columnWidth(LayerTableModel::InputShapeColumn), 220));
    setColumnWidth(LayerTableModel::OutputShapeColumn, std::min(columnWidth(LayerTableModel::OutputShapeColumn), 180));
    if (hadSelection) emit layerSelected(-1);
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
    const QModelIndexList rows = selectionModel()->selectedRows();
    int index = -1;
    if (!rows.isEmpty()) index = m_proxy->mapToSource(rows.front()).row();
    if (index == m_selected) return;
    m_selected = index;
    emit layerSelected(m_selected);
}

}  // namespace tessera::views
