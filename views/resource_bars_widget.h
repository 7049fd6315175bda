#pragma once
// The device resources of one design point as horizontal bars, one per
// resource the point reports (ALM, LAB, M20K, DSP on Intel parts; LUT,
// BRAM36, DSP on AMD ones; whatever a strategy gives), each used against its
// budget with the limit drawn as a line; the part past the limit and the
// figures of a bar over budget are red. A caption names the binding resource
// (the highest use of its budget).
//
// How the layers make up a bar comes from the data, not the strategy:
// - stacked, one segment per layer, when the layers' demands
//   (LayerDecision::resources) add up to the point's use (within 1%): each
//   layer owns hardware of its own;
// - otherwise the layers take turns on one engine and the point's use is
//   their largest demand: the bar shows the use, a tick marks each layer's
//   demand and the tooltip names the layer that sets the maximum;
// - a plain bar when no layer reports the resource.
// Hovering a segment or tick names the layer, its amount and its share of
// the budget. A highlighted layer (the one selected elsewhere) is drawn in
// an accent colour.

#include <QString>
#include <QWidget>

#include <vector>

#include "core/explore/exploration.h"

namespace tessera::views {

class ResourceBarsWidget : public QWidget {
    Q_OBJECT
public:
    enum class BarMode {
        Total,    // no per-layer breakdown
        Stacked,  // layers' demands add up to the use
        Maximum,  // the use is the largest layer's demand
    };
    struct Segment {
        int layerId = -1;
        QString layer;
        double amount = 0;
    };
    struct Bar {
        QString device;  // "fpga"
        QString name;    // "M20K"
        QString unit;    // "block"
        double used = 0;
        double budget = 0;  // 0: none
        BarMode mode = BarMode::Total;
        std::vector<Segment> segments;  // per layer, in the point's layer order
        int maxSegment = -1;            // Maximum: the segment with the largest demand
        // used / budget; 0 without a budget.
        double fraction() const { return budget > 0 ? used / budget : 0; }
        bool overBudget() const { return budget > 0 && used > budget * (1 + 1e-9); }
    };

    explicit ResourceBarsWidget(QWidget* parent = nullptr);

    // Shows the point's resources (the widget keeps what it draws; the
    // point may go); nullptr shows none. `highlightedLayer`: a layer id.
    void setDesignPoint(const core::DesignPoint* point, int highlightedLayer = -1);
    void setHighlightedLayer(int layerId);
    int highlightedLayer() const { return m_highlighted; }

    const std::vector<Bar>& bars() const { return m_bars; }
    // The bar's fill: red when it is over budget.
    QColor barColour(int bar) const;
    // The bar with the highest use of its budget; -1 when no bar has a budget.
    int bindingBar() const { return m_binding; }
    // "binding: fpga M20K 97%"; empty without a binding bar.
    QString caption() const;
    // Where bar `bar`'s track is drawn (for tests and hovering).
    QRect trackRect(int bar) const;
    // What hovering at `pos` shows; empty over nothing.
    QString toolTipAt(const QPoint& pos) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;

    static constexpr double kStackTolerance = 0.01;  // relative: sum of demands vs the point's use

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;

private:
    bool narrowAt(int width) const;
    int rowHeightAt(int width) const;
    int rowHeight() const;
    int captionHeight() const;
    int labelWidth() const;
    int valueWidth() const;
    QString labelText(const Bar& bar) const;
    QString valueText(const Bar& bar) const;
    QString amountText(const Bar& bar, double amount) const;
    double scaleMax(const Bar& bar) const;
    void paintBar(QPainter& painter, const Bar& bar, const QRect& track) const;

    std::vector<Bar> m_bars;
    int m_binding = -1;
    int m_highlighted = -1;
    bool m_hasPoint = false;
};

}  // namespace tessera::views
