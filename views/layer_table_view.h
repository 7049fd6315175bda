#pragma once
// The layer table widget: LayerTableModel behind a QSortFilterProxyModel
// that sorts by the model's numeric sort role. Rows are selected as a whole;
// the layer reported is the current row's. Ctrl+C (and the context menu's
// Copy) copies the selected rows as tab-separated text under a header line,
// ready for a spreadsheet; Ctrl+A selects every row.

#include <QTableView>

#include "core/explore/exploration.h"
#include "views/network_snapshot.h"

class QSortFilterProxyModel;

namespace tessera::views {

class LayerTableModel;

class LayerTableView : public QTableView {
    Q_OBJECT
public:
    explicit LayerTableView(QWidget* parent = nullptr);

    void setSnapshot(NetworkSnapshotPtr snapshot);
    // Adds (or, with nullptr, removes) the point's columns; see LayerTableModel.
    void setDesignPoint(const core::DesignPoint* point);
    LayerTableModel* layerModel() const { return m_model; }
    QSortFilterProxyModel* proxyModel() const { return m_proxy; }

    // Selected layer, -1 when none.
    int selectedLayer() const { return m_selected; }

    // The selected rows in display order as tab-separated text, the visible
    // column headers first; empty when nothing is selected.
    QString selectedRowsText() const;

public slots:
    // Selects the layer's row and scrolls to it; emits layerSelected once
    // when the selection changes. -1 clears.
    void selectLayer(int layerIndex);
    // Puts selectedRowsText() on the clipboard.
    void copySelectedRows();

signals:
    void layerSelected(int layerIndex);

private:
    void onCurrentRowChanged();
    void fitColumns();

    LayerTableModel* m_model;
    QSortFilterProxyModel* m_proxy;
    int m_selected = -1;
    bool m_syncing = false;
};

}  // namespace tessera::views
