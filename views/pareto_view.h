#pragma once
// The Pareto view: the design points of one or several explorations in two
// KPIs (latency against energy unless the user picks others), each
// exploration's non-dominated front as a step line with its hypervolume in
// the legend and its knee marked, baselines marked and labelled, infeasible
// points greyed, the selected point ringed. Hover tells a point's figures,
// a click selects it, Ctrl-click and Ctrl-drag pick several (for a
// comparison), Shift-drag zooms to a box, dragging pans, the wheel zooms.
// A warning names the networks and platforms when the explorations shown
// did not run on the same ones.
//
// Fed immutable explorations (views/exploration_snapshot.h); keeps no copy
// of them beyond the shared pointers. Fluid with 100,000 points: one graph
// per kind of point, a buffered layer for the marks that follow the mouse,
// and an index sorted by x for the nearest-point search.

#include <QString>
#include <QVector>
#include <QWidget>

#include "views/exploration_snapshot.h"
#include "views/pareto_scene.h"

class QCheckBox;
class QComboBox;
class QCPGraph;
class QCPItemText;
class QCPLayer;
class QCustomPlot;
class QLabel;
class QMouseEvent;
class QToolButton;

namespace tessera::views {

class ParetoView : public QWidget {
    Q_OBJECT
public:
    explicit ParetoView(QWidget* parent = nullptr);
    ~ParetoView() override;

    void setExplorations(const ExplorationSet& explorations);
    // The highlighted point; does not emit pointSelected. An invalid ref clears it.
    void setSelection(PointRef ref);
    // Points the mask hides are left out of the plot, the fronts, hover and click.
    void setFilter(const PointMask& mask);
    // The KPIs (core::Kpi::key) on the x and y axes. A KPI no point reports
    // falls back to the first one some point reports (latency vs a resource
    // for DYNAMAP, which models no energy); the request is kept and honoured
    // once explorations report it. Does not emit kpisChanged.
    void setKpis(const QString& x, const QString& y);
    void setLogScale(bool logX, bool logY);

    QString xKpi() const { return m_scene.xKey; }
    QString yKpi() const { return m_scene.yKey; }
    PointRef selection() const { return m_selection; }
    QVector<PointRef> multiSelection() const { return m_multiSelection; }
    // What is drawn, for tests and reports.
    const ParetoScene& scene() const { return m_scene; }
    QCustomPlot* plot() const { return m_plot; }

    // Writes the plot to `fileName` as PNG, SVG or PDF (by its suffix), at
    // `width` x `height` pixels (0: the widget's size). False when the
    // suffix is none of those or the file cannot be written.
    bool exportTo(const QString& fileName, int width = 0, int height = 0);

public slots:
    // Rescales both axes to the shown points.
    void resetView();

signals:
    void pointSelected(tessera::views::PointRef ref);
    // The multi-selection after a Ctrl-click or a Ctrl-drag box.
    void pointsSelected(const QVector<tessera::views::PointRef>& refs);
    // The KPIs shown changed by the user's choice or a fallback (not by setKpis).
    void kpisChanged(const QString& x, const QString& y);

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void buildToolbar();
    void styleFromPalette();
    // The scene and every graph, from the explorations, mask, KPIs and axes;
    // the axes fit the points again when `resetAxes`.
    void rebuild(bool resetAxes);
    void fillKpiBoxes();
    void applyKpis(const QString& x, const QString& y, bool userChoice);
    void updateMarks();  // selection, multi-selection and hover rings: the buffered layer only
    void placeMarks();   // the rings' data, without a replot
    void queueReplot();  // a full replot at the next event loop turn
    // A point's coordinates when it is drawn (visible, both KPIs, positive on a log axis).
    bool shownAt(PointRef ref, double* x, double* y) const;
    QString kpiUnit(const QString& key) const;
    void arrangeLegend();
    void declutterLabels();
    void exportInteractively();

    void onMousePress(QMouseEvent* event);
    void onMouseMove(QMouseEvent* event);
    void onMouseRelease(QMouseEvent* event);
    void onBoxSelected(const QRect& rect, QMouseEvent* event);
    PointRef pointNear(QPoint pos) const;
    QColor explorationColor(int exploration) const;

    ExplorationSet m_explorations;
    PointMask m_mask;
    QVector<core::Kpi> m_kpis;     // those some point reports
    QString m_wantedX, m_wantedY;  // what setKpis or the user asked for
    ParetoScene m_scene;
    ParetoPointIndex m_index;
    PointRef m_selection;
    PointRef m_hover;
    QVector<PointRef> m_multiSelection;
    QPoint m_pressPos;
    // The legend entries of the explorations and of the infeasible points,
    // their names elided to the plot's width when it is laid out.
    struct LegendEntry {
        QCPGraph* graph;
        QString title;   // elided when long
        QString suffix;  // the hypervolume, kept whole
    };
    QVector<LegendEntry> m_legendEntries;
    // The knee and baseline labels with their offsets from their points, in pixels.
    struct Label {
        QCPItemText* item;
        QPoint offset;
    };
    QVector<Label> m_labels;
    bool m_legendPending = true;  // choose the legend's corner at the next layout
    QSize m_legendArea;
    bool m_updatingBoxes = false;
    bool m_replotQueued = false;  // a full replot is queued: the marks need no replot of their own

    QComboBox* m_xBox = nullptr;
    QComboBox* m_yBox = nullptr;
    QCheckBox* m_logX = nullptr;
    QCheckBox* m_logY = nullptr;
    QToolButton* m_reset = nullptr;
    QToolButton* m_export = nullptr;
    QLabel* m_warning = nullptr;
    QLabel* m_footnote = nullptr;
    QCustomPlot* m_plot = nullptr;
    QCPLayer* m_marksLayer = nullptr;
    QCPGraph* m_selectionGraph = nullptr;
    QCPGraph* m_multiGraph = nullptr;
    QCPGraph* m_hoverGraph = nullptr;
};

}  // namespace tessera::views
