#pragma once
// The selected layer's attributes, tensors, metrics and neighbours as a
// property tree; the network summary when no layer is selected. With a
// design point, the layer's decision (choices, shares, latency, energy,
// resources) follows the metrics, and the summary gains the point's figures.
// Values wrap rather than clip, so the pane reads in a ~300 px dock.

#include <QTreeWidget>

#include <cstdint>
#include <optional>

#include "core/explore/exploration.h"
#include "views/network_snapshot.h"

namespace tessera::views {

class LayerDetailsWidget : public QTreeWidget {
    Q_OBJECT
public:
    explicit LayerDetailsWidget(QWidget* parent = nullptr);

    void setSnapshot(NetworkSnapshotPtr snapshot);
    // The point whose decisions are shown (the widget keeps a copy); nullptr: none.
    void setDesignPoint(const core::DesignPoint* point);
    // The layer shown, -1 for the summary.
    int shownLayer() const { return m_layer; }

public slots:
    // -1 (or an index out of range) shows the network summary.
    void showLayer(int layerIndex);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void showNetworkSummary();
    void addPointSummary();
    void addDecision(int layerIndex);
    QTreeWidgetItem* addSection(const QString& title);
    void addRow(QTreeWidgetItem* section, const QString& key, const QString& value, const QString& toolTip = {});
    void addBytesRow(QTreeWidgetItem* section, const QString& key, std::int64_t bytes);
    void fitKeyColumn();

    NetworkSnapshotPtr m_snapshot;
    std::optional<core::DesignPoint> m_point;
    int m_layer = -1;
};

}  // namespace tessera::views
