#pragma once
// The selected layer's attributes, tensors, metrics and neighbours as a
// property tree; the network summary when no layer is selected.

#include <QTreeWidget>

#include <cstdint>

#include "views/network_snapshot.h"

namespace tessera::views {

class LayerDetailsWidget : public QTreeWidget {
    Q_OBJECT
public:
    explicit LayerDetailsWidget(QWidget* parent = nullptr);

    void setSnapshot(NetworkSnapshotPtr snapshot);

public slots:
    // -1 (or an index out of range) shows the network summary.
    void showLayer(int layerIndex);

private:
    void showNetworkSummary();
    QTreeWidgetItem* addSection(const QString& title);
    void addRow(QTreeWidgetItem* section, const QString& key, const QString& value, const QString& toolTip = {});
    void addBytesRow(QTreeWidgetItem* section, const QString& key, std::int64_t bytes);
    void fitKeyColumn();

    NetworkSnapshotPtr m_snapshot;
};

}  // namespace tessera::views
