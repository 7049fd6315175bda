#pragma once
// A small key of the op-family colours, laid over a corner of the graph view.

#include <QWidget>

namespace tessera::views {

class OpLegendWidget : public QWidget {
    Q_OBJECT
public:
    explicit OpLegendWidget(QWidget* parent = nullptr);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
};

}  // namespace tessera::views
