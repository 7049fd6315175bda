#pragma once
// FPGA resources of one unit as horizontal bars: used / budget, red past
// 100%, the name in bold when the constraint is active (binding) at the GP
// optimum; the sensitivity in the tooltip.

#include <QVector>
#include <QWidget>

#include "views/partition_data.h"

namespace tessera::views {

class ResourceBarsWidget : public QWidget {
    Q_OBJECT
public:
    explicit ResourceBarsWidget(QWidget* parent = nullptr);

    void setResources(const QVector<ResourceBar>& resources);
    const QVector<ResourceBar>& resources() const { return m_resources; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;

private:
    int rowHeight() const;
    int labelWidth() const;
    int valueWidth() const;
    QString valueText(const ResourceBar& bar) const;

    QVector<ResourceBar> m_resources;
};

}  // namespace tessera::views
