// ParallelCoordinatesView fed a hand-made set of two explorations (one with
// energy, power and ALMs, one with only latency and DSPs): the axes, brushes
// set in code and by dragging on an axis, their intersection, the mask and
// the filterChanged payload, clearing, points without a KPI, picking a
// polyline, tooltips, brushes kept or dropped when the set changes, many
// points (drawn by counting), and painting under light and dark palettes
// at a small size.
//
// Set TESSERA_VIEW_SHOTS to a folder to keep the rendered images there.

#include <QAction>
#include <QSignalSpy>
#include <QToolTip>
#include <QtTest>

#include <cmath>

#include "views/parallel_coordinates_view.h"

using namespace tessera;
using views::ParallelCoordinatesView;
using views::PointMask;
using views::PointRef;

namespace {

core::DesignPoint point(const char* label, double latency, double energy, std::vector<core::ResourceUse> resources) {
    core::DesignPoint p;
    p.label = label;
    p.latencyMs = latency;
    p.energyMj = energy;
    p.powerW = std::isnan(energy) ? core::kNoValue : energy / latency;
    p.resources = std::move(resources);
    return p;
}

core::ResourceUse alms(double used) { return {"fpga", "alms", "ALM", used, 1000}; }
core::ResourceUse dsps(double used) { return {"fpga", "dsps", "DSP", used, 100}; }

// Exploration 0: latencies 1, 2, 3, 4 ms with energy, power and ALMs (budget 1000, the third over it).
// Exploration 1: latencies 1.5, 2.5, 5 ms with DSPs only (no energy, no power, no ALMs).
views::ExplorationSet twoExplorations() {
    auto partition = std::make_shared<core::Exploration>();
    partition->name = "partition";
    partition->points = {point("a0", 1, 10, {alms(100)}), point("a1", 2, 5, {alms(200)}), point("a2", 3, 8, {alms(1200)}),
                         point("a3", 4, 4, {alms(300)})};
    partition->points[0].onFront = partition->points[1].onFront = true;
    partition->points[2].feasible = false;
    partition->points[2].violations = {{"fpga", "fpga ALM 120% of 1,000"}};
    partition->points[3].baseline = true;
    auto algosel = std::make_shared<core::Exploration>();
    algosel->name = "algosel";
    algosel->points = {point("b0", 1.5, core::kNoValue, {dsps(50)}), point("b1", 2.5, core::kNoValue, {dsps(80)}),
                       point("b2", 5, core::kNoValue, {dsps(20)})};
    return {partition, algosel};
}

PointMask maskOf(std::vector<bool> first, std::vector<bool> second) { return {std::move(first), std::move(second)}; }

QPoint pixel(QPointF p) { return p.toPoint(); }

}  // namespace

class TestParallelCoordinatesView : public QObject {
    Q_OBJECT
private slots:
    void init() {
        m_view = std::make_unique<ParallelCoordinatesView>();
        m_view->resize(600, 320);
        m_view->setExplorations(twoExplorations());
    }
    void cleanup() { m_view.reset(); }

    void axesAreTheReportedKpis() {
        const views::ParallelAxes& axes = m_view->axes();
        QStringList keys;
        for (int a = 0; a < axes.axisCount(); ++a) keys << axes.axis(a).key;
        QCOMPARE(keys, (QStringList{"latency_ms", "energy_mj", "power_w", "fpga.alms", "fpga.dsps"}));
        QCOMPARE(axes.axis(0).min, 1.0);
        QCOMPARE(axes.axis(0).max, 5.0);
        QCOMPARE(axes.axis(3).budgets, QVector<double>{1000});
        QVERIFY(!axes.axis(0).hasMissing);
        QVERIFY(axes.axis(1).hasMissing);

        // A KPI that no point reports gets no axis.
        auto latencyOnly = std::make_shared<core::Exploration>();
        latencyOnly->points = {point("x", 1, core::kNoValue, {}), point("y", 2, core::kNoValue, {})};
        m_view->setExplorations({latencyOnly});
        QCOMPARE(m_view->axes().axisCount(), 1);
        QCOMPARE(m_view->axes().axis(0).key, QStringLiteral("latency_ms"));
    }

    void brushOnLatencyFiltersThePointsInRange() {
        QSignalSpy spy(m_view.get(), &ParallelCoordinatesView::filterChanged);
        QVERIFY(m_view->setBrush("latency_ms", 1.5, 3));
        const PointMask expected = maskOf({false, true, true, false}, {true, true, false});
        QCOMPARE(m_view->mask(), expected);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).value<PointMask>(), expected);
        QCOMPARE(m_view->brushes().size(), 1);
        QCOMPARE(m_view->brushes().at(0), (views::KpiBrush{"latency_ms", 1.5, 3}));
        QVERIFY(m_view->clearBrushesAction()->isEnabled());

        // Reversed bounds are the same brush; setting it again changes nothing and says nothing.
        QVERIFY(m_view->setBrush("latency_ms", 3, 1.5));
        QCOMPARE(spy.size(), 1);
        QVERIFY(!m_view->setBrush("no_such_kpi", 0, 1));
        QVERIFY(!m_view->setBrush("latency_ms", core::kNoValue, 1));
        QCOMPARE(spy.size(), 1);
    }

    void twoBrushesIntersect() {
        QVERIFY(m_view->setBrush("latency_ms", 1.5, 3));
        QVERIFY(m_view->setBrush("fpga.alms", 0, 250));
        // Only a1 is in both; exploration 1's points have no ALMs, so they are outside the ALM brush.
        QCOMPARE(m_view->mask(), maskOf({false, true, false, false}, {false, false, false}));
        QCOMPARE(m_view->brushes().size(), 2);
        // Replacing one brush keeps the other.
        QVERIFY(m_view->setBrush("latency_ms", 0, 10));
        QCOMPARE(m_view->mask(), maskOf({true, true, false, false}, {false, false, false}));
    }

    void clearingRestoresEverything() {
        QVERIFY(m_view->setBrush("latency_ms", 1.5, 3));
        QVERIFY(m_view->setBrush("fpga.dsps", 60, 100));
        QSignalSpy spy(m_view.get(), &ParallelCoordinatesView::filterChanged);
        m_view->clearBrushes();
        QVERIFY(m_view->brushes().isEmpty());
        QCOMPARE(spy.size(), 1);
        for (const PointMask& mask : {m_view->mask(), spy.at(0).at(0).value<PointMask>()})
            for (int e = 0; e < 2; ++e)
                for (int p = 0; p < 4; ++p) QVERIFY(views::isVisible(mask, {e, p}));
        QVERIFY(!m_view->clearBrushesAction()->isEnabled());
        m_view->clearBrushes();
        QCOMPARE(spy.size(), 1);  // nothing to clear: no signal

        // The context menu's action does the same.
        QVERIFY(m_view->setBrush("latency_ms", 1.5, 3));
        QVERIFY(m_view->actions().contains(m_view->clearBrushesAction()));
        m_view->clearBrushesAction()->trigger();
        QVERIFY(m_view->brushes().isEmpty());
        QVERIFY(m_view->mask().isEmpty());
    }

    void draggingOnAnAxisBrushesTheRange() {
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        QSignalSpy spy(m_view.get(), &ParallelCoordinatesView::filterChanged);
        // The latency axis runs from 1 ms (a0) to 5 ms (b2): any pixel maps linearly between them.
        const QPointF bottom = m_view->vertexPosition({0, 0}, 0);
        const QPointF top = m_view->vertexPosition({1, 2}, 0);
        QVERIFY(bottom.y() > top.y() + 100);
        const auto latencyAt = [&](int y) { return 1 + (y - bottom.y()) * (5 - 1) / (top.y() - bottom.y()); };
        // From just above a3 (4 ms) down to just below a1 (2 ms).
        const int x = pixel(top).x();
        const int from = static_cast<int>(std::floor(m_view->vertexPosition({0, 3}, 0).y())) - 2;
        const int to = static_cast<int>(std::ceil(m_view->vertexPosition({0, 1}, 0).y())) + 2;
        QTest::mousePress(m_view.get(), Qt::LeftButton, {}, {x, from});
        QTest::mouseMove(m_view.get(), {x, (from + to) / 2});
        QTest::mouseMove(m_view.get(), {x, to});
        QCOMPARE(spy.size(), 0);  // the brush applies on release
        QTest::mouseRelease(m_view.get(), Qt::LeftButton, {}, {x, to});

        QCOMPARE(m_view->brushes().size(), 1);
        const views::KpiBrush brush = m_view->brushes().at(0);
        QCOMPARE(brush.kpiKey, QStringLiteral("latency_ms"));
        QVERIFY2(std::abs(brush.low - latencyAt(to)) < 1e-9, qPrintable(QString::number(brush.low)));
        QVERIFY2(std::abs(brush.high - latencyAt(from)) < 1e-9, qPrintable(QString::number(brush.high)));
        const PointMask expected = maskOf({false, true, true, true}, {false, true, false});
        QCOMPARE(m_view->mask(), expected);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).value<PointMask>(), expected);

        // Dragging past the end of an axis takes the end: the extreme point is in.
        QTest::mousePress(m_view.get(), Qt::LeftButton, {}, {x, pixel(top).y() - 3});
        QTest::mouseMove(m_view.get(), {x, pixel(top).y() + 30});
        QTest::mouseRelease(m_view.get(), Qt::LeftButton, {}, {x, pixel(top).y() + 30});
        QCOMPARE(m_view->brushes().at(0).high, 5.0);
        QVERIFY(views::isVisible(m_view->mask(), {1, 2}));

        // A click on a brushed axis, without dragging, clears its brush.
        QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, {x, (from + to) / 2});
        QVERIFY(m_view->brushes().isEmpty());
        QCOMPARE(spy.size(), 3);
        QVERIFY(spy.at(2).at(0).value<PointMask>().isEmpty());
    }

    void clickingAPolylineSelectsItsPoint() {
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        QSignalSpy spy(m_view.get(), &ParallelCoordinatesView::pointSelected);
        // b1's vertex on the DSP axis (an unbrushed axis: the click picks a line).
        QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, pixel(m_view->vertexPosition({1, 1}, 4)));
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).value<PointRef>(), (PointRef{1, 1}));
        QCOMPARE(m_view->selection(), (PointRef{1, 1}));

        // Halfway along a0's segment from latency (lowest) to energy (highest).
        const QPointF middle = (m_view->vertexPosition({0, 0}, 0) + m_view->vertexPosition({0, 0}, 1)) / 2;
        QCOMPARE(m_view->pointNear(middle), (PointRef{0, 0}));
        QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, pixel(middle));
        QCOMPARE(spy.size(), 2);
        QCOMPARE(m_view->selection(), (PointRef{0, 0}));

        // Far from every line: nothing.
        QVERIFY(!m_view->pointNear({2, 2}).valid());
        QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, {2, 2});
        QCOMPARE(spy.size(), 2);

        // Selecting from outside highlights without echoing.
        m_view->setSelection({0, 2});
        QCOMPARE(m_view->selection(), (PointRef{0, 2}));
        QCOMPARE(spy.size(), 2);
    }

    void hoveringShowsThePointsKpis() {
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        const QPoint vertex = pixel(m_view->vertexPosition({0, 2}, 3));  // a2 on the ALM axis, over its budget
        QHelpEvent help(QEvent::ToolTip, vertex, m_view->mapToGlobal(vertex));
        QApplication::sendEvent(m_view.get(), &help);
        const QString text = QToolTip::text();
        for (const QString& part :
             {QStringLiteral("a2"), QStringLiteral("partition"), QStringLiteral("infeasible: fpga ALM 120% of 1,000"),
              QStringLiteral("Latency"), QLocale().toString(1200.0, 'f', 0)})
            QVERIFY2(text.contains(part), qPrintable(text));
        // Over an axis' header: the KPI, its range and its budget.
        const QPoint header(static_cast<int>(m_view->axisX(3)), 8);
        QHelpEvent overHeader(QEvent::ToolTip, header, m_view->mapToGlobal(header));
        QApplication::sendEvent(m_view.get(), &overHeader);
        QVERIFY2(QToolTip::text().contains(QLatin1String("fpga ALM")) && QToolTip::text().contains(QLatin1String("budget")),
                 qPrintable(QToolTip::text()));
    }

    void missingKpisAreOutsideEveryBrush() {
        // Exploration 1 has no energy: its vertices sit at the n/a mark below the axis.
        const double axisBottom = m_view->valueY(1, m_view->axes().axis(1).min);
        const QPointF missing = m_view->vertexPosition({1, 0}, 1);
        QVERIFY(missing.y() > axisBottom);
        QCOMPARE(missing.x(), m_view->axisX(1));
        QVERIFY(m_view->setBrush("energy_mj", -1e9, 1e9));
        QCOMPARE(m_view->mask(), maskOf({true, true, true, true}, {false, false, false}));
        // Painting and picking at the n/a mark work.
        QVERIFY(!m_view->grab().isNull());
        QVERIFY(m_view->pointNear(missing).valid());
        QVERIFY(std::isnan(m_view->vertexPosition({1, 7}, 0).x()));
    }

    void aNewSetDropsBrushesOfKpisItLacks() {
        QVERIFY(m_view->setBrush("latency_ms", 1.5, 3));
        QVERIFY(m_view->setBrush("fpga.dsps", 60, 100));
        QSignalSpy spy(m_view.get(), &ParallelCoordinatesView::filterChanged);
        m_view->setExplorations({twoExplorations().at(0)});  // no DSPs any more
        QCOMPARE(m_view->brushes(), (QVector<views::KpiBrush>{{"latency_ms", 1.5, 3}}));
        const PointMask expected{{false, true, true, false}};
        QCOMPARE(m_view->mask(), expected);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).value<PointMask>(), expected);

        // An unfiltered view stays silent when the data changes.
        m_view->clearBrushes();
        spy.clear();
        m_view->setExplorations(twoExplorations());
        QCOMPARE(spy.size(), 0);
        m_view->setExplorations({});
        QVERIFY(!m_view->grab().isNull());  // the empty state paints
    }

    void manyPointsAreDrawnAndPicked() {
        // Thousands of copies of two polylines: more segments than QPainter is given, so they are counted per pixel.
        auto many = std::make_shared<core::Exploration>();
        for (int i = 0; i < 6000; ++i) many->points.push_back(point(i % 2 ? "high" : "low", 1 + i % 2, 10 + i % 2, {}));
        m_view->setExplorations({many});
        QVERIFY(m_view->setBrush("latency_ms", 0, 1.5));  // the "high" copies are filtered out: faint
        const QPointF low = (m_view->vertexPosition({0, 0}, 0) + m_view->vertexPosition({0, 0}, 1)) / 2;
        const QPointF high = (m_view->vertexPosition({0, 1}, 0) + m_view->vertexPosition({0, 1}, 1)) / 2;
        const QImage image = m_view->grab().toImage();
        const QColor shown = image.pixelColor(pixel(low));
        const QColor faint = image.pixelColor(pixel(high));
        QVERIFY2(shown.hsvSaturation() > 150, qPrintable(shown.name()));
        // However many filtered-out lines pile up, they stay faint.
        QVERIFY2(faint != m_view->palette().color(QPalette::Base) && faint.lightness() > 150, qPrintable(faint.name()));
        QCOMPARE(m_view->pointNear(low).point % 2, 0);
        QCOMPARE(m_view->pointNear(high).point % 2, 1);
    }

    void paintsSmallUnderLightAndDarkPalettes_data() {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }
    void paintsSmallUnderLightAndDarkPalettes() {
        QFETCH(bool, dark);
        QPalette palette = m_view->palette();
        if (dark) {
            palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
            palette.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
            palette.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
            palette.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
            palette.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
            palette.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
        }
        m_view->setPalette(palette);
        m_view->resize(400, 250);
        QVERIFY(m_view->setBrush("latency_ms", 1.5, 3.2));
        m_view->setSelection({0, 1});
        const QImage image = m_view->grab().toImage();
        if (const QByteArray dir = qgetenv("TESSERA_VIEW_SHOTS"); !dir.isEmpty())
            image.save(QStringLiteral("%1/pc_%2.png").arg(QString::fromLocal8Bit(dir), dark ? "dark" : "light"));

        // The canvas is the palette's, and every axis is drawn in its text colour inside the widget.
        QCOMPARE(image.pixelColor(1, 1), palette.color(QPalette::Base));
        const int axes = m_view->axes().axisCount();
        QVERIFY(m_view->axisX(axes - 1) < 400);
        const QPointF a0 = m_view->vertexPosition({0, 0}, 0);
        QVERIFY(a0.y() < 250);
        // The selection is drawn on top at its vertices.
        const QPointF selected = m_view->vertexPosition({0, 1}, 3);
        QCOMPARE(image.pixelColor(pixel(selected)), palette.color(QPalette::Highlight));
    }

private:
    std::unique_ptr<ParallelCoordinatesView> m_view;
};

QTEST_MAIN(TestParallelCoordinatesView)
#include "tst_parallel_coordinates_view.moc"
