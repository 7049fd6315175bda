#pragma once
// The layer table widget: LayerTableModel behind a QSortFilterProxyModel
// that sorts by the model's numeric sort role, one selected row at a time.

#include <QTableView>

#include "views/network_snapshot.h"

class QSortFilterProxyModel;

namespace tessera::views {

class LayerTableModel;

class LayerTableView : public QTableView {
    Q_OBJECT
public:
    explicit LayerTableView(QWidget* parent = nullptr);

    void setSnapshot(NetworkSnapshotPtr snapshot);
    LayerTableModel* layerModel() const { return m_model; }
    QSortFilterProxyModel* proxyModel() const { return m_proxy; }

    // Selected layer, -1 when none.
    int selectedLayer() const { return m_selected; }

public slots:
    // Selects the layer's row and scrolls to it; emits layerSelected once
    // when the selection changes. -1 clears.
    void selectLayer(int layerIndex);

signals:
    void layerSelected(int layerIndex);

private:
    void onCurrentRowChanged();

    LayerTableModel* m_model;
    QSortFilterProxyModel* m_proxy;
    int m_selected = -1;
    bool m_syncing = false;
};

}  // namespace tessera::views
