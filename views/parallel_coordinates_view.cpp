#include "views/parallel_coordinates_view.h"

#include <QAction>
#include <QHelpEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <tuple>
#include <utility>

#include "views/line_density.h"

namespace tessera::views {

namespace {

constexpr int kMargin = 6;
constexpr double kPickRadius = 5;      // how far from a polyline a click or hover still finds it
constexpr double kBrushHalfWidth = 7;  // of the brush box, and of the grip area around an axis
constexpr double kDragThreshold = 3;   // vertical pixels before a press on an axis becomes a brush
constexpr int kBatch = 8192;           // lines per drawLines call
// Up to this many segments a group is painted by QPainter, antialiased;
// beyond, QPainter's per-pixel blending takes seconds and the lines are
// counted per pixel instead (LineDensity).
constexpr std::size_t kPainterSegments = 10000;
const QColor kBudget(0xd3, 0x2f, 0x2f);

// Distinct hues for up to eight overlaid explorations (no red: red means a budget).
QColor explorationColor(int index, const QPalette& palette) {
    static constexpr QRgb kColors[] = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0x9467bd, 0x8c564b, 0xe377c2, 0x17becf, 0xbcbd22};
    const QColor c = QColor::fromRgb(kColors[index % std::size(kColors)]);
    return palette.color(QPalette::Base).lightness() < 128 ? c.lighter(140) : c;
}

// Dense bundles of lines stay readable when each line is fainter the more there are.
int lineAlpha(std::size_t count, double reference, int lowest, int highest) {
    const double alpha = 255 * std::sqrt(reference / std::max<double>(1, static_cast<double>(count)));
    return std::clamp(static_cast<int>(alpha), lowest, highest);
}

QString formatValue(double v) {
    const QLocale locale;
    const double a = std::abs(v);
    if (!std::isfinite(v)) return QStringLiteral("n/a");
    // Three significant digits, but never an exponent for values people count (80,330 ALMs).
    if (a >= 100) return locale.toString(v, 'f', 0);
    return locale.toString(v, 'g', 3);
}

double distanceToSegment(QPointF p, QPointF a, QPointF b) {
    const QPointF ab = b - a;
    const double length2 = QPointF::dotProduct(ab, ab);
    const double t = length2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / length2, 0.0, 1.0) : 0.0;
    const QPointF d = p - (a + t * ab);
    return std::hypot(d.x(), d.y());
}

// A value written beside a brush box, on a background so that the lines under it do not hide it.
void drawTag(QPainter& p, const QRectF& rect, const QString& text, const QPalette& palette) {
    QColor background = palette.color(QPalette::Base);
    background.setAlpha(225);
    p.fillRect(rect, background);
    p.setPen(palette.color(QPalette::Text));
    p.drawText(rect, Qt::AlignCenter, text);
}

}  // namespace

ParallelCoordinatesView::ParallelCoordinatesView(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);  // for the resize cursor over axes; nothing heavier runs per move
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    m_clearAction = new QAction(tr("Clear all brushes"), this);
    m_clearAction->setEnabled(false);
    connect(m_clearAction, &QAction::triggered, this, &ParallelCoordinatesView::clearBrushes);
    addAction(m_clearAction);
    setContextMenuPolicy(Qt::ActionsContextMenu);
}

void ParallelCoordinatesView::setExplorations(const ExplorationSet& set) {
    const bool wasFiltered = !m_axes.brushes().isEmpty();
    m_set = set;
    m_axes.setExplorations(set);
    if (m_axes.rowOf(m_selection) < 0) m_selection = {};
    invalidateLines();
    updateGeometry();
    m_clearAction->setEnabled(!m_axes.brushes().isEmpty());
    if (wasFiltered || !m_axes.brushes().isEmpty()) emit filterChanged(mask());
}

bool ParallelCoordinatesView::setBrush(const QString& kpiKey, double low, double high) {
    if (m_axes.axisIndex(kpiKey) < 0 || std::isnan(low) || std::isnan(high)) return false;
    if (m_axes.setBrush(kpiKey, low, high)) filterEdited();
    return true;
}

void ParallelCoordinatesView::clearBrushes() {
    if (m_axes.clearBrushes()) filterEdited();
}

void ParallelCoordinatesView::setSelection(PointRef ref) {
    if (ref == m_selection) return;
    m_selection = ref;
    update();  // the selection is drawn over the cached lines: no re-render
}

void ParallelCoordinatesView::filterEdited() {
    m_clearAction->setEnabled(!m_axes.brushes().isEmpty());
    invalidateLines();
    emit filterChanged(mask());
}

void ParallelCoordinatesView::invalidateLines() {
    m_linesValid = false;
    update();
}

ParallelCoordinatesView::PlotLayout ParallelCoordinatesView::plotLayout() const {
    PlotLayout g;
    g.lineHeight = fontMetrics().height();
    const int axes = std::max(1, m_axes.axisCount());
    g.left = kMargin;
    g.spacing = std::max(1.0, (width() - 2.0 * kMargin) / axes);
    for (int a = 0; a < m_axes.axisCount(); ++a) {
        const ParallelAxis& axis = m_axes.axis(a);
        if (!axis.unit.isEmpty() && !axis.label.endsWith(axis.unit)) g.unitLine = true;
    }
    g.headerTop = kMargin;
    g.top = kMargin + g.lineHeight * (g.unitLine ? 2 : 1) + g.lineHeight + 4;  // header, then the max value
    double below = g.lineHeight + 2;                                           // the min value
    if (m_axes.anyMissing()) below += 6 + g.lineHeight + 1;                    // the n/a mark and its text
    g.bottom = std::max(g.top + 10, height() - kMargin - below);
    g.naY = g.bottom + 2 + g.lineHeight + 6;
    return g;
}

double ParallelCoordinatesView::axisX(int axis) const {
    const PlotLayout g = plotLayout();
    return g.axisX(axis);
}

double ParallelCoordinatesView::valueY(int axis, double value) const { return valueY(plotLayout(), axis, value); }

double ParallelCoordinatesView::valueY(const PlotLayout& g, int axis, double value) const {
    const ParallelAxis& a = m_axes.axis(axis);
    return g.bottom - (value - a.min) / (a.max - a.min) * (g.bottom - g.top);
}

double ParallelCoordinatesView::rowY(const PlotLayout& g, int row, int axis) const {
    const double position = m_axes.position(row, axis);
    return std::isnan(position) ? g.naY : g.bottom - position * (g.bottom - g.top);
}

QPointF ParallelCoordinatesView::vertexPosition(PointRef ref, int axis) const {
    const int row = m_axes.rowOf(ref);
    if (row < 0 || axis < 0 || axis >= m_axes.axisCount()) return {core::kNoValue, core::kNoValue};
    const PlotLayout g = plotLayout();
    return {g.axisX(axis), rowY(g, row, axis)};
}

int ParallelCoordinatesView::brushAxisAt(QPointF pos) const {
    if (m_axes.axisCount() == 0) return -1;
    const PlotLayout g = plotLayout();
    const int axis = std::clamp(static_cast<int>(std::floor((pos.x() - g.left) / g.spacing)), 0, m_axes.axisCount() - 1);
    const double grip = std::min(kBrushHalfWidth + 3, g.spacing / 2);
    if (std::abs(pos.x() - (g.axisX(axis))) > grip) return -1;
    if (pos.y() < g.top - 4 || pos.y() > g.bottom + 4) return -1;
    return axis;
}

int ParallelCoordinatesView::rowAt(QPointF pos) const {
    const int axes = m_axes.axisCount();
    if (axes == 0 || m_axes.rowCount() == 0) return -1;
    const PlotLayout g = plotLayout();
    // Only the segments under the cursor can be near it: at most those on either side of one axis.
    std::vector<int> segments;
    for (int s = 0; s + 1 < axes; ++s)
        if (pos.x() >= g.axisX(s) - kPickRadius && pos.x() <= g.axisX(s + 1) + kPickRadius) segments.push_back(s);
    const bool single = axes == 1;
    if (segments.empty() && !single) return -1;

    // Lines passing the brushes first, then the nearest, then the one drawn on top.
    using Score = std::tuple<int, double, int>;
    Score best{2, kPickRadius, 0};
    int bestRow = -1;
    for (int row = 0; row < m_axes.rowCount(); ++row) {
        double d = std::numeric_limits<double>::infinity();
        if (single) d = std::hypot(pos.x() - g.axisX(0), pos.y() - rowY(g, row, 0));
        for (int s : segments)
            d = std::min(d, distanceToSegment(pos, {g.axisX(s), rowY(g, row, s)}, {g.axisX(s + 1), rowY(g, row, s + 1)}));
        if (d > kPickRadius) continue;
        const core::DesignPoint& point = *views::pointAt(m_set, m_axes.rowRef(row));
        const int layer = !point.feasible ? 0 : point.onFront ? 2 : 1;
        const Score score{m_axes.passes(row) ? 0 : 1, d, -layer};
        if (score <= best) {
            best = score;
            bestRow = row;
        }
    }
    return bestRow;
}

PointRef ParallelCoordinatesView::pointNear(QPointF pos) const {
    const int row = rowAt(pos);
    return row < 0 ? PointRef{} : m_axes.rowRef(row);
}

void ParallelCoordinatesView::renderLines() {
    const qreal dpr = devicePixelRatioF();
    m_lines = QImage(size() * dpr, QImage::Format_ARGB32_Premultiplied);
    m_lines.setDevicePixelRatio(dpr);
    m_lines.fill(Qt::transparent);
    m_linesValid = true;
    const int axes = m_axes.axisCount();
    if (axes == 0 || m_axes.rowCount() == 0) return;

    // Groups in drawing order: filtered out (faint), infeasible, then per
    // exploration its other points, then per exploration its front on top.
    const int explorations = static_cast<int>(m_set.size());
    std::vector<std::vector<int>> groups(static_cast<std::size_t>(2 + 2 * explorations));
    for (int row = 0; row < m_axes.rowCount(); ++row) {
        const PointRef ref = m_axes.rowRef(row);
        const core::DesignPoint& point = *views::pointAt(m_set, ref);
        const int group = !m_axes.passes(row) ? 0
                          : !point.feasible   ? 1
                          : point.onFront     ? 2 + explorations + ref.exploration
                                              : 2 + ref.exploration;
        groups[static_cast<std::size_t>(group)].push_back(row);
    }

    const PlotLayout g = plotLayout();
    const QPalette& pal = palette();
    std::unique_ptr<LineDensity> density;  // made once, for the first group that needs it
    for (std::size_t group = 0; group < groups.size(); ++group) {
        const std::vector<int>& rows = groups[group];
        if (rows.empty()) continue;
        QColor color;
        double width = 1;
        double ceiling = 1;  // of the colour where lines pile up: filtered-out lines stay faint however many
        if (group == 0) {
            color = pal.color(QPalette::Text);
            color.setAlpha(lineAlpha(rows.size(), 20, 8, 45));
            ceiling = 0.3;
        } else if (group == 1) {
            color = pal.color(QPalette::PlaceholderText);
            color.setAlpha(lineAlpha(rows.size(), 200, 25, 170));
        } else {
            const bool front = group >= static_cast<std::size_t>(2 + explorations);
            color = explorationColor(static_cast<int>(group) - 2 - (front ? explorations : 0), pal);
            color.setAlpha(front ? 255 : lineAlpha(rows.size(), 300, 30, 200));
            width = front ? 1.6 : 1;
        }
        const std::size_t segments = rows.size() * static_cast<std::size_t>(axes - 1);
        if (axes > 1 && (segments > kPainterSegments || group == 0)) {  // the faint lines for their ceiling
            if (!density) density = std::make_unique<LineDensity>(m_lines.size());
            density->clear();
            for (int row : rows)
                for (int a = 1; a < axes; ++a)
                    density->addSegment(g.axisX(a - 1) * dpr, rowY(g, row, a - 1) * dpr, g.axisX(a) * dpr, rowY(g, row, a) * dpr);
            density->compositeOnto(m_lines, color, ceiling);
            continue;
        }
        QPainter p(&m_lines);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(color, width));
        if (axes == 1) {
            QVector<QPointF> points;
            for (int row : rows) points.push_back({g.axisX(0), rowY(g, row, 0)});
            p.drawPoints(points);
            continue;
        }
        QVector<QLineF> lines;
        lines.reserve(static_cast<qsizetype>(std::min<std::size_t>(segments, kBatch)));
        for (int row : rows) {
            for (int a = 1; a < axes; ++a)
                lines.push_back(QLineF(g.axisX(a - 1), rowY(g, row, a - 1), g.axisX(a), rowY(g, row, a)));
            if (lines.size() >= kBatch) {
                p.drawLines(lines);
                lines.clear();
            }
        }
        if (!lines.isEmpty()) p.drawLines(lines);
    }
}

void ParallelCoordinatesView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    if (m_axes.axisCount() == 0 || m_axes.rowCount() == 0) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect().adjusted(kMargin, kMargin, -kMargin, -kMargin), Qt::AlignCenter, tr("No design points"));
        return;
    }
    // A new size is seen here rather than in resizeEvent, which hidden widgets also get on every grab().
    if (!m_linesValid || m_lines.size() != size() * devicePixelRatioF()) renderLines();
    p.drawImage(QPointF(0, 0), m_lines);
    const PlotLayout g = plotLayout();
    drawAxes(p, g);
    drawBrushes(p, g);
    drawSelection(p, g);
}

void ParallelCoordinatesView::drawAxes(QPainter& p, const PlotLayout& g) const {
    const QPalette& pal = palette();
    const QFontMetrics fm = fontMetrics();
    const int textWidth = std::max(1, static_cast<int>(g.spacing) - 4);
    for (int a = 0; a < m_axes.axisCount(); ++a) {
        const ParallelAxis& axis = m_axes.axis(a);
        const double x = g.axisX(a);
        const double slot = x - g.spacing / 2 + 2;
        p.setRenderHint(QPainter::Antialiasing, false);
        p.setPen(QPen(pal.color(QPalette::Text), 1));
        p.drawLine(QLineF(x, g.top, x, g.bottom));
        p.drawLine(QLineF(x - 3, g.top, x + 3, g.top));
        p.drawLine(QLineF(x - 3, g.bottom, x + 3, g.bottom));

        QString title = axis.label;
        QString subtitle = g.unitLine && !axis.label.endsWith(axis.unit) ? axis.unit : QString();
        // Crowded resource axes ("fpga ALM", "fpga DSP") would all elide to "fpga…": the
        // resource goes on top and its device on the line below, where such axes have no unit.
        if (const qsizetype space = title.indexOf(QLatin1Char(' '));
            fm.horizontalAdvance(title) > textWidth && g.unitLine && subtitle.isEmpty() && space > 0) {
            subtitle = title.left(space);
            title = title.mid(space + 1);
        }
        p.setPen(pal.color(QPalette::WindowText));
        p.drawText(QRectF(slot, g.headerTop, textWidth, g.lineHeight), Qt::AlignCenter,
                   fm.elidedText(title, Qt::ElideRight, textWidth));
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(QRectF(slot, g.headerTop + g.lineHeight, textWidth, g.lineHeight), Qt::AlignCenter,
                   fm.elidedText(subtitle, Qt::ElideRight, textWidth));
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRectF(slot, g.top - g.lineHeight - 2, textWidth, g.lineHeight), Qt::AlignCenter,
                   fm.elidedText(formatValue(axis.max), Qt::ElideRight, textWidth));
        p.drawText(QRectF(slot, g.bottom + 2, textWidth, g.lineHeight), Qt::AlignCenter,
                   fm.elidedText(formatValue(axis.min), Qt::ElideRight, textWidth));

        p.setRenderHint(QPainter::Antialiasing, true);
        for (double budget : axis.budgets) {
            // A budget beyond the points' range is an arrowhead pointing out of that end of the axis.
            if (budget > axis.max || budget < axis.min) {
                const double tip = budget > axis.max ? g.top : g.bottom;
                const double base = budget > axis.max ? tip + 6 : tip - 6;
                p.setPen(Qt::NoPen);
                p.setBrush(kBudget);
                p.drawPolygon(QPolygonF({QPointF(x + 3, base), QPointF(x + 11, base), QPointF(x + 7, tip)}));
                p.setBrush(Qt::NoBrush);
                continue;
            }
            const double y = valueY(g, a, budget);
            p.setPen(QPen(kBudget, 2));
            p.drawLine(QLineF(x - kBrushHalfWidth - 1, y, x + kBrushHalfWidth + 1, y));
        }
        if (axis.hasMissing) {
            p.setPen(QPen(pal.color(QPalette::PlaceholderText), 1, Qt::DotLine));
            p.drawLine(QLineF(x - 6, g.naY, x + 6, g.naY));
            p.drawText(QRectF(slot, g.naY + 1, textWidth, g.lineHeight), Qt::AlignCenter, tr("n/a"));
        }
    }
}

void ParallelCoordinatesView::drawBrushes(QPainter& p, const PlotLayout& g) const {
    const QPalette& pal = palette();
    const QColor highlight = pal.color(QPalette::Highlight);
    QColor fill = highlight;
    fill.setAlpha(70);
    const QFontMetrics fm = fontMetrics();
    const auto toY = [&](int axis, double value) { return std::clamp(valueY(g, axis, value), g.top, g.bottom); };
    const auto box = [&](double x, double yHigh, double yLow) {
        return QRectF(x - kBrushHalfWidth, yHigh, 2 * kBrushHalfWidth, std::max(2.0, yLow - yHigh));
    };
    p.setRenderHint(QPainter::Antialiasing, false);
    for (const KpiBrush& brush : m_axes.brushes()) {
        const int axis = m_axes.axisIndex(brush.kpiKey);
        const double x = g.axisX(axis);
        const double yHigh = toY(axis, brush.high);
        const double yLow = toY(axis, brush.low);
        p.setPen(QPen(highlight, 1));
        p.setBrush(fill);
        p.drawRect(box(x, yHigh, yLow));
        p.setBrush(Qt::NoBrush);

        // The bounds beside the box, on the left of the last axis; pushed apart when the box is short.
        const QString high = formatValue(brush.high);
        const QString low = formatValue(brush.low);
        const double w = std::max(fm.horizontalAdvance(high), fm.horizontalAdvance(low)) + 6;
        const double tagX = x + kBrushHalfWidth + 2 + w <= width() ? x + kBrushHalfWidth + 2 : x - kBrushHalfWidth - 2 - w;
        const double h = g.lineHeight;
        const double squeeze = std::max(0.0, h - (yLow - yHigh)) / 2;
        drawTag(p, QRectF(tagX, yHigh - h / 2 - squeeze, w, h), high, pal);
        drawTag(p, QRectF(tagX, yLow - h / 2 + squeeze, w, h), low, pal);
    }
    if (m_dragging && m_dragAxis >= 0) {
        const double x = g.axisX(m_dragAxis);
        const double y1 = std::clamp(m_pressPos.y(), g.top, g.bottom);
        const double y2 = std::clamp(m_dragPos.y(), g.top, g.bottom);
        QColor live = highlight;
        live.setAlpha(40);
        p.setPen(QPen(highlight, 1, Qt::DashLine));
        p.setBrush(live);
        p.drawRect(box(x, std::min(y1, y2), std::max(y1, y2)));
        p.setBrush(Qt::NoBrush);
    }
}

void ParallelCoordinatesView::drawSelection(QPainter& p, const PlotLayout& g) const {
    const int row = m_axes.rowOf(m_selection);
    if (row < 0) return;
    QPolygonF line;
    for (int a = 0; a < m_axes.axisCount(); ++a) line << QPointF(g.axisX(a), rowY(g, row, a));
    const QPalette& pal = palette();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setBrush(Qt::NoBrush);
    // Outlined in the text colour: the highlight alone can be the hue of an exploration.
    p.setPen(QPen(pal.color(QPalette::Text), 5.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.drawPolyline(line);
    p.setPen(QPen(pal.color(QPalette::Highlight), 3, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.drawPolyline(line);
    p.setPen(QPen(pal.color(QPalette::Text), 1.5));
    p.setBrush(pal.color(QPalette::Highlight));
    for (const QPointF& vertex : line) p.drawEllipse(vertex, 4, 4);
    p.setBrush(Qt::NoBrush);
}

QString ParallelCoordinatesView::pointToolTip(int row) const {
    const PointRef ref = m_axes.rowRef(row);
    const core::Exploration& exploration = *m_set[ref.exploration];
    const core::DesignPoint& point = exploration.points[static_cast<std::size_t>(ref.point)];
    QString text = QStringLiteral("<b>%1</b>").arg(QString::fromStdString(point.label).toHtmlEscaped());
    const QString name = exploration.name.empty() ? tr("exploration %1").arg(ref.exploration + 1)
                                                  : QString::fromStdString(exploration.name);
    text += QStringLiteral("<br><i>%1</i>").arg(name.toHtmlEscaped());
    if (point.onFront) text += QStringLiteral("<br>") + tr("on the front");
    if (point.baseline) text += QStringLiteral("<br>") + tr("baseline");
    for (const core::DeviceVerdict& v : point.violations)
        text += QStringLiteral("<br><span style='color:%1'>%2</span>")
                    .arg(kBudget.name(), tr("infeasible: %1").arg(QString::fromStdString(v.reason)).toHtmlEscaped());
    if (!point.feasible && point.violations.empty()) text += QStringLiteral("<br>") + tr("infeasible");
    if (!m_axes.passes(row)) text += QStringLiteral("<br>") + tr("outside the brushes");
    text += QStringLiteral("<table>");
    for (int a = 0; a < m_axes.axisCount(); ++a) {
        const ParallelAxis& axis = m_axes.axis(a);
        const double v = m_axes.value(row, a);
        text += QStringLiteral("<tr><td>%1</td><td align=right>%2</td><td>%3</td></tr>")
                    .arg(axis.label.toHtmlEscaped(), formatValue(v), std::isnan(v) ? QString() : axis.unit.toHtmlEscaped());
    }
    return text + QStringLiteral("</table>");
}

QString ParallelCoordinatesView::axisToolTip(int axis) const {
    const ParallelAxis& a = m_axes.axis(axis);
    QString text = QStringLiteral("<b>%1</b>").arg(a.label.toHtmlEscaped());
    if (!a.unit.isEmpty()) text += QStringLiteral(" (%1)").arg(a.unit.toHtmlEscaped());
    text += QStringLiteral("<br>") + tr("range %1 to %2").arg(formatValue(a.min), formatValue(a.max));
    for (double budget : a.budgets)
        text +=
            QStringLiteral("<br><span style='color:%1'>%2</span>").arg(kBudget.name(), tr("budget %1").arg(formatValue(budget)));
    if (a.hasMissing) text += QStringLiteral("<br>") + tr("n/a: points that do not report it");
    if (const KpiBrush* brush = m_axes.brushOn(axis))
        text += QStringLiteral("<br>") +
                tr("brushed %1 to %2; click the axis to clear").arg(formatValue(brush->low), formatValue(brush->high));
    else text += QStringLiteral("<br>") + tr("drag along the axis to filter");
    return text;
}

bool ParallelCoordinatesView::event(QEvent* event) {
    if (event->type() != QEvent::ToolTip) return QWidget::event(event);
    const auto* help = static_cast<QHelpEvent*>(event);
    const QPointF pos = help->pos();
    QString text;
    if (const int row = rowAt(pos); row >= 0) {
        text = pointToolTip(row);
    } else if (m_axes.axisCount() > 0) {
        const PlotLayout g = plotLayout();
        int axis = brushAxisAt(pos);
        if (axis < 0 && pos.y() < g.top)
            axis = std::clamp(static_cast<int>(std::floor((pos.x() - g.left) / g.spacing)), 0, m_axes.axisCount() - 1);
        if (axis >= 0) text = axisToolTip(axis);
    }
    if (text.isEmpty()) {
        QToolTip::hideText();
        event->ignore();
    } else {
        QToolTip::showText(help->globalPos(), text, this);
    }
    return true;
}

void ParallelCoordinatesView::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) return QWidget::mousePressEvent(event);
    m_pressPos = event->position();
    m_dragPos = m_pressPos;
    m_dragAxis = brushAxisAt(m_pressPos);
    m_dragging = false;
}

void ParallelCoordinatesView::mouseMoveEvent(QMouseEvent* event) {
    if (m_dragAxis < 0) {
        if (brushAxisAt(event->position()) >= 0) setCursor(Qt::SizeVerCursor);
        else unsetCursor();
        return;
    }
    m_dragPos = event->position();
    if (std::abs(m_dragPos.y() - m_pressPos.y()) >= kDragThreshold) m_dragging = true;
    if (m_dragging) update();
}

void ParallelCoordinatesView::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) return QWidget::mouseReleaseEvent(event);
    const int axis = std::exchange(m_dragAxis, -1);
    if (std::exchange(m_dragging, false)) {
        const PlotLayout g = plotLayout();
        const auto valueAt = [&](double y) { return m_axes.valueAtPosition(axis, (g.bottom - y) / (g.bottom - g.top)); };
        setBrush(m_axes.axis(axis).key, valueAt(m_pressPos.y()), valueAt(event->position().y()));
        update();  // the live box goes even when the brush did not change
        return;
    }
    if (axis >= 0 && m_axes.brushOn(axis)) {
        if (m_axes.clearBrush(m_axes.axis(axis).key)) filterEdited();
        return;
    }
    if (const int row = rowAt(event->position()); row >= 0) {
        m_selection = m_axes.rowRef(row);
        update();
        emit pointSelected(m_selection);
    }
}

void ParallelCoordinatesView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        invalidateLines();
}

QSize ParallelCoordinatesView::sizeHint() const { return {std::max(400, 90 * m_axes.axisCount()), 300}; }

QSize ParallelCoordinatesView::minimumSizeHint() const { return {200, 150}; }

}  // namespace tessera::views
