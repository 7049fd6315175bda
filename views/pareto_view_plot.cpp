// The drawing half of ParetoView: styles from the palette, the graphs and
// labels of a scene, the axes, the selection marks and the export. The
// interaction half is in pareto_view.cpp.

#include "views/pareto_view.h"

#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QSvgGenerator>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <tuple>
#include <utility>

namespace tessera::views {

namespace {

constexpr int kMostBaselineLabels = 12;  // per exploration; the others show their label on hover
constexpr int kMarkerRadius = 5;         // pixels, of the larger markers (baselines)
constexpr double kRangeMargin = 0.06;    // of the shown span, around the points after a reset
// Many round markers make every replot slow (each circle is a path); past
// this the clouds are drawn as plain squares, which look alike at 4 pixels.
constexpr int kRoundMarkerLimit = 5000;

// Distinguishable on light and dark backgrounds (Tableau 10).
const QColor kExplorationColors[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e), QColor(0x2c, 0xa0, 0x2c),
                                     QColor(0xd6, 0x27, 0x28), QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b),
                                     QColor(0xe3, 0x77, 0xc2), QColor(0xbc, 0xbd, 0x22), QColor(0x17, 0xbe, 0xcf)};

QColor mix(const QColor& a, const QColor& b, double t) {
    return QColor::fromRgbF(static_cast<float>(a.redF() * (1 - t) + b.redF() * t),
                            static_cast<float>(a.greenF() * (1 - t) + b.greenF() * t),
                            static_cast<float>(a.blueF() * (1 - t) + b.blueF() * t));
}

QSharedPointer<QCPGraphDataContainer> graphData(const QVector<ParetoPoint>& points) {
    QVector<QCPGraphData> data;
    data.reserve(points.size());
    for (const ParetoPoint& p : points) data.append(QCPGraphData(p.x, p.y));
    auto container = QSharedPointer<QCPGraphDataContainer>::create();
    container->set(data);  // sorts by x, as a graph requires
    return container;
}

void fitAxis(QCPAxis* axis, double lo, double hi, bool log) {
    if (log) {
        const double factor = lo < hi ? std::pow(hi / lo, kRangeMargin) : 2.0;
        axis->setRange(lo / factor, hi * factor);
    } else {
        double span = hi - lo;
        if (span <= 0) span = hi != 0 ? std::abs(hi) * 0.2 : 1.0;
        axis->setRange(lo - kRangeMargin * span, hi + kRangeMargin * span);
    }
}

}  // namespace

QColor ParetoView::explorationColor(int exploration) const {
    constexpr int count = static_cast<int>(std::size(kExplorationColors));
    return kExplorationColors[exploration % count];
}

void ParetoView::styleFromPalette() {
    const QPalette pal = palette();
    const QColor base = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);
    const QColor grid = mix(base, text, 0.18);
    m_plot->setBackground(base);
    for (QCPAxis* axis : {m_plot->xAxis, m_plot->yAxis, m_plot->xAxis2, m_plot->yAxis2}) {
        axis->setBasePen(QPen(text, 1));
        axis->setTickPen(QPen(text, 1));
        axis->setSubTickPen(QPen(text, 1));
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
        axis->grid()->setSubGridPen(Qt::NoPen);
        axis->grid()->setZeroLinePen(Qt::NoPen);
    }
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_plot->xAxis->setTickLabelFont(small);
    m_plot->yAxis->setTickLabelFont(small);
    m_plot->legend->setFont(small);
    m_plot->legend->setTextColor(text);
    QColor legendFill = base;
    legendFill.setAlpha(225);
    m_plot->legend->setBrush(legendFill);
    m_plot->legend->setBorderPen(QPen(grid));
    m_plot->legend->setIconSize(18, 12);
    m_plot->legend->setRowSpacing(0);
    m_plot->legend->setMargins(QMargins(4, 2, 4, 2));

    QPalette warning = m_warning->palette();
    const bool dark = base.lightnessF() < 0.5;
    warning.setColor(QPalette::Window, dark ? QColor(0x5c, 0x45, 0x00) : QColor(0xff, 0xf1, 0xc2));
    warning.setColor(QPalette::WindowText, dark ? QColor(0xff, 0xe0, 0x8a) : QColor(0x5c, 0x3c, 0x00));
    m_warning->setPalette(warning);
}

void ParetoView::rebuild(bool resetAxes) {
    m_scene = buildParetoScene(m_explorations, m_mask, m_scene.xKey, m_scene.yKey, m_logX->isChecked(), m_logY->isChecked());
    m_index.build(m_scene);
    m_plot->clearGraphs();  // and their legend entries
    m_plot->clearItems();

    const QPalette pal = palette();
    const QColor base = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);
    const QColor grey = mix(base, text, 0.4);
    QColor labelFill = base;
    labelFill.setAlpha(230);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);

    for (auto [axis, log, key] :
         {std::tuple{m_plot->xAxis, m_scene.logX, m_scene.xKey}, std::tuple{m_plot->yAxis, m_scene.logY, m_scene.yKey}}) {
        axis->setScaleType(log ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
        axis->setTicker(log ? QSharedPointer<QCPAxisTicker>(new QCPAxisTickerLog)
                            : QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
        axis->setLabel(key.isEmpty() ? QString() : kpiTitle(m_kpis, key));
    }

    const bool roundMarkers = m_scene.shownCount <= kRoundMarkerLimit;
    const auto addGraph = [&](const QVector<ParetoPoint>& points, const QCPScatterStyle& style) {
        QCPGraph* graph = m_plot->addGraph();
        graph->setData(graphData(points));
        graph->setLineStyle(QCPGraph::lsNone);
        graph->setScatterStyle(style);
        graph->setAntialiasedScatters(roundMarkers);
        return graph;
    };
    // A label beside a point, offset in pixels so that it does not hide it.
    const auto addLabel = [&](const ParetoPoint& at, const QString& label, Qt::Alignment side, QPoint offset) {
        auto* anchor = new QCPItemTracer(m_plot);
        anchor->setStyle(QCPItemTracer::tsNone);
        anchor->position->setCoords(at.x, at.y);
        auto* item = new QCPItemText(m_plot);
        item->position->setParentAnchor(anchor->position);
        item->position->setCoords(offset.x(), offset.y());
        item->setPositionAlignment(side);
        item->setText(label);
        item->setFont(small);
        item->setColor(text);
        item->setBrush(labelFill);
        item->setPadding(QMargins(2, 0, 2, 0));
        m_labels.push_back({item, offset});
    };
    m_labels.clear();
    m_legendEntries.clear();
    const auto addLegend = [this](QCPGraph* graph, const QString& title, const QString& suffix) {
        m_legendEntries.push_back({graph, title, suffix});
        graph->setName(title + suffix);
        graph->addToLegend();
        // Room below the text: QCustomPlot clips an item to its text's height, underscores included.
        m_plot->legend->itemWithPlottable(graph)->setMargins(QMargins(0, 0, 0, 2));
    };

    // Clouds first, every exploration's, so that no front hides under another cloud.
    bool infeasibleInLegend = false;
    for (int e = 0; e < m_scene.series.size(); ++e) {
        const ParetoSeries& s = m_scene.series[e];
        if (!s.infeasible.isEmpty()) {
            QCPGraph* g = addGraph(s.infeasible, roundMarkers
                                                     ? QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(grey, 1), Qt::NoBrush, 5)
                                                     : QCPScatterStyle(QCPScatterStyle::ssSquare, QPen(grey, 1), Qt::NoBrush, 4));
            if (!std::exchange(infeasibleInLegend, true)) addLegend(g, tr("infeasible"), QString());
        }
        const QColor cloud = mix(explorationColor(e), base, 0.35);
        addGraph(s.feasible, roundMarkers ? QCPScatterStyle(QCPScatterStyle::ssDisc, cloud, 4)
                                          : QCPScatterStyle(QCPScatterStyle::ssSquare, cloud, cloud, 3));
    }
    const QString units = [this] {
        const QString x = kpiUnit(m_scene.xKey), y = kpiUnit(m_scene.yKey);
        return x.isEmpty() || y.isEmpty() ? x + y : x + QStringLiteral("\u00b7") + y;
    }();
    for (int e = 0; e < m_scene.series.size(); ++e) {
        if (!m_explorations[e]) continue;
        const ParetoSeries& s = m_scene.series[e];
        const QColor color = explorationColor(e);
        QCPGraph* front = addGraph(s.front, QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(color, 1.5), QBrush(color), 5));
        front->setLineStyle(QCPGraph::lsStepLeft);
        front->setPen(QPen(color, 2));
        front->setAntialiasedScatters(true);
        const QString title = explorationTitle(m_explorations, e);
        addLegend(front, title,
                  QStringLiteral(" \u00b7 ") + (s.front.isEmpty()
                                                    ? tr("no feasible point")
                                                    : tr("HV %1 %2").arg(formatKpiValue(s.hypervolume), units).trimmed()));
        if (s.knee >= 0) {
            const ParetoPoint& knee = s.front[s.knee];
            QCPGraph* mark = addGraph({knee}, QCPScatterStyle(QCPScatterStyle::ssStar, QPen(text, 2), Qt::NoBrush, 14));
            mark->setName(tr("knee"));  // labelled on the plot: no legend entry
            addLabel(knee, tr("knee"), Qt::AlignRight | Qt::AlignTop, QPoint(-6, 6));
        }
    }
    for (int e = 0; e < m_scene.series.size(); ++e) {
        const ParetoSeries& s = m_scene.series[e];
        if (s.baselines.isEmpty()) continue;
        QVector<ParetoPoint> feasible, infeasible;
        for (const ParetoPoint& b : s.baselines) (pointAt(m_explorations, b.ref)->feasible ? feasible : infeasible).push_back(b);
        const QPen outline(text, 1);
        for (const auto& [points, fill] : {std::pair{&feasible, explorationColor(e)}, std::pair{&infeasible, grey}}) {
            if (points->isEmpty()) continue;
            // Labelled on the plot: no legend entry.
            addGraph(*points, QCPScatterStyle(QCPScatterStyle::ssDiamond, outline, QBrush(fill), 10))
                ->setAntialiasedScatters(true);
        }
        for (int i = 0; i < std::min<int>(s.baselines.size(), kMostBaselineLabels); ++i)
            addLabel(s.baselines[i], QString::fromStdString(pointAt(m_explorations, s.baselines[i].ref)->label),
                     Qt::AlignLeft | Qt::AlignBottom, QPoint(6, -4));
    }

    if (m_scene.shownCount == 0) {
        auto* empty = new QCPItemText(m_plot);
        empty->position->setType(QCPItemPosition::ptAxisRectRatio);
        empty->position->setCoords(0.5, 0.5);
        empty->setColor(text);
        const bool anyPoint = std::any_of(m_explorations.begin(), m_explorations.end(),
                                          [](const ExplorationPtr& e) { return e && !e->points.empty(); });
        empty->setText(!anyPoint ? tr("No design points to show")
                                 : tr("No visible point reports both %1 and %2")
                                       .arg(kpiTitle(m_kpis, m_scene.xKey), kpiTitle(m_kpis, m_scene.yKey)));
        m_footnote->clear();
    } else {
        const QString points = m_scene.shownCount == 1 ? tr("1 point")
                                                       : tr("%1 points").arg(QLocale().toString(m_scene.shownCount));
        m_footnote->setText(tr("%1 shown \u00b7 hypervolume reference (1.1 \u00d7 the largest shown): %2 %3, %4 %5")
                                .arg(points, formatKpiValue(m_scene.referenceX), kpiUnit(m_scene.xKey),
                                     formatKpiValue(m_scene.referenceY), kpiUnit(m_scene.yKey)));
    }
    m_plot->legend->setVisible(m_plot->legend->itemCount() > 0);

    // The rings that follow the selection and the mouse, on their own layer.
    m_plot->setCurrentLayer(m_marksLayer);
    const QColor highlight = pal.color(QPalette::Highlight);
    m_multiGraph = addGraph({}, QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(highlight, 2), Qt::NoBrush, 13));
    m_selectionGraph = addGraph({}, QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(text, 2.5), Qt::NoBrush, 17));
    m_hoverGraph = addGraph({}, QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(grey, 1.5), Qt::NoBrush, 13));
    for (QCPGraph* g : {m_multiGraph, m_selectionGraph, m_hoverGraph}) g->setAntialiasedScatters(true);
    m_plot->setCurrentLayer(QStringLiteral("main"));

    if (resetAxes) resetView();
    placeMarks();
    queueReplot();
}

void ParetoView::resetView() {
    m_legendPending = true;
    if (m_scene.shownCount == 0) {
        m_plot->xAxis->setRange(m_scene.logX ? QCPRange(1, 10) : QCPRange(0, 1));
        m_plot->yAxis->setRange(m_scene.logY ? QCPRange(1, 10) : QCPRange(0, 1));
    } else {
        fitAxis(m_plot->xAxis, m_scene.minX, m_scene.maxX, m_scene.logX);
        fitAxis(m_plot->yAxis, m_scene.minY, m_scene.maxY, m_scene.logY);
    }
    queueReplot();
}

QString ParetoView::kpiUnit(const QString& key) const {
    for (const core::Kpi& k : m_kpis)
        if (QString::fromStdString(k.key) == key) return QString::fromStdString(k.unit);
    return {};
}

// Between QCustomPlot's layout and its drawing: the exploration names are
// elided to the plot's width and, after a reset or a resize, the legend
// moves to the corner of the axis rect where it hides the fewest points.
void ParetoView::arrangeLegend() {
    QCPLegend* legend = m_plot->legend;
    if (!legend->visible()) return;
    QCPLayoutInset* inset = m_plot->axisRect()->insetLayout();
    const QRect area = inset->rect();  // the axis rect less the inset's margins: where the legend may go
    const QFontMetrics metrics(legend->font());
    const int room = std::max(120, area.width() / 2);
    for (const LegendEntry& e : m_legendEntries)
        e.graph->setName(metrics.elidedText(e.title, Qt::ElideRight, std::max(40, room - metrics.horizontalAdvance(e.suffix))) +
                         e.suffix);
    if (area.size() != m_legendArea) m_legendPending = true;
    m_legendArea = area.size();
    if (m_legendPending) {
        m_legendPending = false;
        const QSize size = legend->minimumOuterSizeHint();
        QCPAxis* xAxis = m_plot->xAxis;
        QCPAxis* yAxis = m_plot->yAxis;
        Qt::Alignment best = Qt::AlignTop | Qt::AlignRight;
        qsizetype fewest = -1;
        for (const Qt::Alignment corner : {Qt::AlignTop | Qt::AlignRight, Qt::AlignTop | Qt::AlignLeft,
                                           Qt::AlignBottom | Qt::AlignRight, Qt::AlignBottom | Qt::AlignLeft}) {
            // Grown by a marker's radius: a point half under the legend is hidden too.
            const QRect r = QRect(QPoint(corner & Qt::AlignLeft ? area.left() : area.right() - size.width(),
                                         corner & Qt::AlignTop ? area.top() : area.bottom() - size.height()),
                                  size)
                                .adjusted(-kMarkerRadius, -kMarkerRadius, kMarkerRadius, kMarkerRadius);
            const qsizetype hidden = m_index
                                         .inside(xAxis->pixelToCoord(r.left()), xAxis->pixelToCoord(r.right()),
                                                 yAxis->pixelToCoord(r.top()), yAxis->pixelToCoord(r.bottom()))
                                         .size();
            if (fewest < 0 || hidden < fewest) {
                fewest = hidden;
                best = corner;
            }
        }
        inset->setInsetAlignment(0, best);
    }
    inset->update(QCPLayoutElement::upLayout);  // the names and the corner, in this replot
}

// Between QCustomPlot's layout and its drawing, in pixels: labels that
// would overlap an earlier one (baselines a few pixels apart) move away
// from their point, up for those above it, down for those below, a line
// at a time.
void ParetoView::declutterLabels() {
    QVector<QRectF> placed;
    for (const Label& label : m_labels) {
        const QPointF anchor = label.item->position->parentAnchor()->pixelPosition();
        const QMargins padding = label.item->padding();
        const QSizeF size = QSizeF(QFontMetricsF(label.item->font()).size(0, label.item->text())) +
                            QSizeF(padding.left() + padding.right(), padding.top() + padding.bottom());
        const bool above = label.item->positionAlignment() & Qt::AlignBottom;
        const bool leftOfPoint = label.item->positionAlignment() & Qt::AlignRight;
        QPointF offset = label.offset;
        const auto rectAt = [&](QPointF o) {
            const QPointF corner = anchor + o;
            return QRectF(QPointF(leftOfPoint ? corner.x() - size.width() : corner.x(),
                                  above ? corner.y() - size.height() : corner.y()),
                          size);
        };
        constexpr int kMostShifts = 8;
        for (int shift = 0; shift < kMostShifts; ++shift) {
            const QRectF r = rectAt(offset);
            if (std::none_of(placed.begin(), placed.end(), [&](const QRectF& p) { return p.intersects(r); })) break;
            offset.ry() += above ? -size.height() : size.height();
        }
        label.item->position->setCoords(offset);
        placed.push_back(rectAt(offset));
    }
}

bool ParetoView::shownAt(PointRef ref, double* x, double* y) const {
    const core::DesignPoint* p = pointAt(m_explorations, ref);
    if (!p || !views::isVisible(m_mask, ref)) return false;
    *x = core::kpiValue(*p, m_scene.xKey.toStdString());
    *y = core::kpiValue(*p, m_scene.yKey.toStdString());
    return std::isfinite(*x) && std::isfinite(*y) && (!m_scene.logX || *x > 0) && (!m_scene.logY || *y > 0);
}

void ParetoView::queueReplot() {
    m_replotQueued = true;
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ParetoView::updateMarks() {
    placeMarks();
    // A replot of the layer alone, unless a full one is on its way (the
    // layer's replot would then redraw everything at once, and again after).
    if (!m_replotQueued) m_marksLayer->replot();
}

void ParetoView::placeMarks() {
    if (!m_selectionGraph) return;
    const auto place = [this](QCPGraph* graph, const QVector<PointRef>& refs) {
        QVector<double> xs, ys;
        for (PointRef ref : refs) {
            double x = 0, y = 0;
            if (shownAt(ref, &x, &y)) {
                xs.push_back(x);
                ys.push_back(y);
            }
        }
        graph->setData(xs, ys);
    };
    place(m_selectionGraph, {m_selection});
    place(m_multiGraph, m_multiSelection);
    place(m_hoverGraph, {m_hover});
}

bool ParetoView::exportTo(const QString& fileName, int width, int height) {
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    // A view never shown has no size yet: give the file a readable one.
    const int w = width > 0 ? width : (m_plot->width() >= 200 ? m_plot->width() : 800);
    const int h = height > 0 ? height : (m_plot->height() >= 120 ? m_plot->height() : 500);
    if (suffix == QLatin1String("png")) return m_plot->savePng(fileName, w, h);
    if (suffix == QLatin1String("pdf")) return m_plot->savePdf(fileName, w, h);
    if (suffix != QLatin1String("svg")) return false;
    QSvgGenerator generator;
    generator.setFileName(fileName);
    generator.setSize(QSize(w, h));
    generator.setViewBox(QRect(0, 0, w, h));
    generator.setTitle(tr("Pareto view"));
    QCPPainter painter;
    if (!painter.begin(&generator)) return false;
    m_plot->toPainter(&painter, w, h);
    return painter.end();
}

}  // namespace tessera::views
