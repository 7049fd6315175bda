// Pareto view benchmark: explorations of 1,000, 10,000 and 100,000 random
// design points (a latency-energy trade-off with noise, 1 in 10 infeasible,
// three baselines) shown in the view offscreen: the time setExplorations
// takes (KPIs, fronts, knees, hypervolumes, graphs, index), a full replot on
// linear and on log axes, a replot after a filter, a hover (nearest-point
// search and the marks layer); and the front alone, computed by
// core::Front2D against a quadratic dominance filter. Prints a table;
// asserts nothing (style.md 12).
//
// Usage: tessera-bench-pareto-view [--quick]   (--quick: 1,000 and 10,000 points)

#include <QApplication>
#include <QMouseEvent>

#include <qcustomplot.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <random>
#include <vector>

#include "core/explore/front.h"
#include "views/pareto_view.h"

namespace core = tessera::core;
namespace views = tessera::views;

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start) { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); }

// The median of `repeat` runs of `f`, in milliseconds.
template <class F>
double medianMs(int repeat, F f) {
    std::vector<double> times;
    for (int i = 0; i < repeat; ++i) {
        const auto start = Clock::now();
        f();
        times.push_back(msSince(start));
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

views::ExplorationPtr randomExploration(std::size_t count, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> uniform(0, 1);
    auto e = std::make_shared<core::Exploration>();
    e->name = "random " + std::to_string(count);
    e->inputs.network = "synthetic";
    e->inputs.platform = "synthetic";
    e->points.reserve(count + 3);
    for (std::size_t i = 0; i < count; ++i) {
        core::DesignPoint p;
        p.label = "p" + std::to_string(i);
        p.latencyMs = 1 + 99 * uniform(rng);
        p.energyMj = 1000 / p.latencyMs * (1 + 2 * uniform(rng) * uniform(rng));
        p.powerW = p.energyMj / p.latencyMs;
        p.resources.push_back({"fpga", "alms", "ALM", 80000 * uniform(rng), 80330});
        p.resources.push_back({"fpga", "dsps", "DSP", 1500 * uniform(rng), 1518});
        p.feasible = i % 10 != 0;
        if (!p.feasible) p.violations.push_back({"fpga", "fpga ALM 112% of 80,330"});
        e->points.push_back(std::move(p));
    }
    for (const char* label : {"balanced", "cpu alone", "gpu alone"}) {
        core::DesignPoint p;
        p.label = label;
        p.baseline = true;
        p.latencyMs = 1 + 99 * uniform(rng);
        p.energyMj = 2000 / p.latencyMs;
        p.powerW = p.energyMj / p.latencyMs;
        e->points.push_back(std::move(p));
    }
    return e;
}

// The O(n^2) filter the view does not use: a point stays when no other is
// no worse on both (scanning stops at the first that is).
std::size_t quadraticFront(const std::vector<core::FrontPoint>& points) {
    std::size_t kept = 0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        bool dominated = false;
        for (std::size_t j = 0; j < points.size() && !dominated; ++j)
            dominated = j != i && points[j].x <= points[i].x && points[j].y <= points[i].y &&
                        (points[j].x < points[i].x || points[j].y < points[i].y || j < i);
        kept += !dominated;
    }
    return kept;
}

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
    std::vector<std::size_t> sizes = {1000, 10000};
    if (!quick) sizes.push_back(100000);

    const QSize viewSize(900, 560);
    std::printf("Pareto view, %dx%d offscreen, one exploration; medians of 5 runs (3 at 100,000), ms\n\n", viewSize.width(),
                viewSize.height());
    std::printf("%8s %10s %8s %8s %9s %8s %7s %12s %10s %6s\n", "points", "set", "replot", "log", "filtered", "hover", "front",
                "front n^2", "speed-up", "front");
    for (const std::size_t n : sizes) {
        const int repeat = n >= 100000 ? 3 : 5;
        const views::ExplorationSet set = {randomExploration(n, 42)};
        views::ParetoView view;
        view.resize(viewSize);
        view.show();
        QCoreApplication::processEvents();
        QCustomPlot* plot = view.plot();

        const double setMs = medianMs(repeat, [&] { view.setExplorations(set); });
        const double replotMs = medianMs(repeat, [&] { plot->replot(); });
        view.setLogScale(true, true);
        const double logMs = medianMs(repeat, [&] { plot->replot(); });
        view.setLogScale(false, false);

        // Brushing: every other point hidden, the fronts recomputed, replotted.
        views::PointMask mask = {std::vector<bool>(set[0]->points.size(), true)};
        for (std::size_t i = 0; i < mask[0].size(); i += 2) mask[0][i] = false;
        const double filteredMs = medianMs(repeat, [&] {
            view.setFilter(mask);
            plot->replot();
        });
        view.setFilter({});
        plot->replot();

        // Hover: mouse moves across the axis rect, each a nearest-point search
        // and, when the hovered point changes, a replot of the marks layer.
        const QRect area = plot->axisRect()->rect();
        constexpr int kMoves = 200;
        const double hoverMs = medianMs(1,
                                        [&] {
                                            for (int i = 0; i < kMoves; ++i) {
                                                const QPointF pos(area.left() + area.width() * (i + 0.5) / kMoves,
                                                                  area.bottom() - area.height() * (i + 0.5) / kMoves / 2);
                                                QMouseEvent move(QEvent::MouseMove, pos, plot->mapToGlobal(pos), Qt::NoButton,
                                                                 Qt::NoButton, Qt::NoModifier);
                                                QCoreApplication::sendEvent(plot, &move);
                                            }
                                        }) /
                               kMoves;

        std::vector<core::FrontPoint> points;
        for (std::size_t i = 0; i < n; ++i) points.push_back({set[0]->points[i].latencyMs, set[0]->points[i].energyMj, i});
        std::size_t frontSize = 0;
        const double frontMs = medianMs(repeat, [&] {
            core::Front2D front;
            for (const auto& p : points) front.insert(p.x, p.y, p.id);
            frontSize = front.size();
        });
        std::size_t quadraticSize = 0;
        const double quadraticMs = medianMs(1, [&] { quadraticSize = quadraticFront(points); });
        if (quadraticSize != frontSize) std::fprintf(stderr, "fronts differ: %zu vs %zu\n", frontSize, quadraticSize);

        std::printf("%8zu %10.1f %8.1f %8.1f %9.1f %8.2f %7.2f %12.1f %9.0fx %6zu\n", n, setMs, replotMs, logMs, filteredMs,
                    hoverMs, frontMs, quadraticMs, quadraticMs / frontMs, frontSize);
    }
    std::printf("\nset: setExplorations (KPIs, fronts, knee, hypervolume, graphs, index); replot, log: a full replot on\n"
                "linear and log axes; filtered: setFilter hiding every other point plus a replot; hover: one mouse move;\n"
                "front: core::Front2D over every point; front n^2: the quadratic filter (one run).\n");
    return 0;
}
