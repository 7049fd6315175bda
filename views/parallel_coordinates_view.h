#pragma once
// Every KPI of the design points of an exploration set as parallel vertical
// axes, each point a polyline across them: coloured per exploration,
// infeasible points grey, front points on top, the selected point thick.
//
// Dragging vertically on an axis brushes a range on it; several axes can be
// brushed and a point must lie in all their ranges to pass. Points that do
// not pass are drawn faint and the view emits filterChanged with the mask,
// so that the other views hide them. A click on an axis clears its brush,
// "Clear all brushes" (context menu, clearBrushes) clears them all. A click
// near a polyline selects its point; hovering one shows its KPIs.
//
// Built for 100,000 points: the polylines are rendered once into a cached
// image (again only when the data, the size, the brushes or the palette
// change), bundles of more than 10,000 segments are counted per pixel
// (LineDensity) rather than blended line by line, the selection is drawn
// over the image, and picking a line scans the points once per click or
// tooltip, never per mouse move.

#include <QImage>
#include <QWidget>

#include "views/exploration_snapshot.h"
#include "views/parallel_axes.h"

class QAction;

namespace tessera::views {

class ParallelCoordinatesView : public QWidget {
    Q_OBJECT
public:
    explicit ParallelCoordinatesView(QWidget* parent = nullptr);

    // Shows `set`, keeping the brushes whose KPI is still an axis; emits
    // filterChanged when a brush was active before or after.
    void setExplorations(const ExplorationSet& set);
    const ExplorationSet& explorations() const { return m_set; }
    PointRef selection() const { return m_selection; }

    // The brushes, in the order they were made.
    const QVector<KpiBrush>& brushes() const { return m_axes.brushes(); }
    // Brushes [low, high] (in the KPI's unit) on the axis of `kpiKey`,
    // replacing its brush; emits filterChanged when that changes the brush.
    // Returns false, changing nothing, when `kpiKey` is not an axis or a bound is NaN.
    bool setBrush(const QString& kpiKey, double low, double high);
    // Per exploration, per point: whether it passes every brush; empty (all
    // visible) without brushes.
    const PointMask& mask() const { return m_axes.mask(); }

    // The axes as shown, left to right (KPIs no point reports are left out).
    const ParallelAxes& axes() const { return m_axes; }
    // Where the polyline of `ref` crosses axis `axis`, in widget pixels: on
    // the axis, or at the axis' "n/a" mark below it when the point lacks
    // the KPI. (NaN, NaN) when `ref` or `axis` is not shown.
    QPointF vertexPosition(PointRef ref, int axis) const;
    // The x of axis `axis` and the y of value `value` along it, in widget pixels.
    double axisX(int axis) const;
    double valueY(int axis, double value) const;
    // The point whose polyline passes nearest `pos` (within a few pixels,
    // points passing the brushes first), or an invalid ref.
    PointRef pointNear(QPointF pos) const;

    // The context menu's "Clear all brushes".
    QAction* clearBrushesAction() const { return m_clearAction; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

public slots:
    // Highlights `ref` (an invalid ref highlights nothing); emits nothing.
    void setSelection(PointRef ref);
    // Removes every brush; emits filterChanged when there was one.
    void clearBrushes();

signals:
    void filterChanged(const PointMask& mask);
    // The user clicked the polyline of `ref`.
    void pointSelected(PointRef ref);

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool event(QEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    // Where everything goes for the current size and font, in widget pixels.
    struct PlotLayout {
        double left = 0;     // x of the first axis' slot
        double spacing = 1;  // distance between axes
        double headerTop = 0;
        double top = 0;     // y of every axis' max
        double bottom = 0;  // y of every axis' min
        double naY = 0;     // y of the "n/a" mark (only when a point lacks a KPI)
        int lineHeight = 0;
        bool unitLine = false;  // units on a line of their own under the labels
        double axisX(int axis) const { return left + spacing * (axis + 0.5); }
    };
    PlotLayout plotLayout() const;
    double valueY(const PlotLayout& g, int axis, double value) const;
    double rowY(const PlotLayout& g, int row, int axis) const;
    // The axis whose brushing area (the axis' span, a few pixels either side) holds `pos`; -1 when none.
    int brushAxisAt(QPointF pos) const;
    int rowAt(QPointF pos) const;
    QString pointToolTip(int row) const;
    QString axisToolTip(int axis) const;

    // The rendering of every polyline, cached (see the file comment).
    void renderLines();
    void invalidateLines();
    void filterEdited();
    void drawAxes(QPainter& p, const PlotLayout& g) const;
    void drawBrushes(QPainter& p, const PlotLayout& g) const;
    void drawSelection(QPainter& p, const PlotLayout& g) const;

    ExplorationSet m_set;
    ParallelAxes m_axes;
    PointRef m_selection;
    QImage m_lines;
    bool m_linesValid = false;
    QAction* m_clearAction = nullptr;

    // The brush being dragged: its axis (-1 when none), where the press was and where the mouse is.
    int m_dragAxis = -1;
    bool m_dragging = false;
    QPointF m_pressPos;
    QPointF m_dragPos;
};

}  // namespace tessera::views
