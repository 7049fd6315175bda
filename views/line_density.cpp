#include "views/line_density.h"

#include <algorithm>
#include <cmath>

namespace tessera::views {

LineDensity::LineDensity(QSize size)
    : m_width(std::max(0, size.width())),
      m_height(std::max(0, size.height())),
      m_counts(static_cast<std::size_t>(m_width) * static_cast<std::size_t>(m_height), 0) {}

void LineDensity::clear() { std::fill(m_counts.begin(), m_counts.end(), 0); }

void LineDensity::addSegment(double x0, double y0, double x1, double y1) {
    if (x1 < x0) {
        std::swap(x0, x1);
        std::swap(y0, y1);
    }
    const int first = std::max(0, static_cast<int>(std::lround(x0)));
    const int end = static_cast<int>(std::lround(x1));
    const int last = std::min(m_width, end);  // excluded
    if (first >= last || !std::isfinite(y0) || !std::isfinite(y1)) return;
    const double yLow = std::max(0.0, std::min(y0, y1));
    const double yHigh = std::min(m_height - 1.0, std::max(y0, y1));
    if (yLow > yHigh) return;
    const double slope = (y1 - y0) / (x1 - x0);
    // The rows the line crosses within each column, from its left edge to its
    // right edge, so that steep lines stay connected; rows are contiguous. The
    // last column reaches down (or up) to the end point, where the next segment
    // of the polyline starts.
    double left = y0 + (first - 0.5 - x0) * slope;
    std::uint32_t* column = m_counts.data() + static_cast<std::size_t>(first) * m_height;
    for (int x = first; x < last; ++x, column += m_height) {
        const double right = x + 1 == end ? y1 : left + slope;
        const double a = std::clamp(left, yLow, yHigh);
        const double b = std::clamp(right, yLow, yHigh);
        const auto top = static_cast<int>(std::min(a, b) + 0.5);
        const auto bottom = static_cast<int>(std::max(a, b) + 0.5);
        for (int row = top; row <= bottom; ++row) ++column[row];
        left = right;
    }
}

void LineDensity::compositeOnto(QImage& image, const QColor& color, double ceiling) const {
    if (image.width() != m_width || image.height() != m_height || image.format() != QImage::Format_ARGB32_Premultiplied) return;
    // The alpha of n overlapping lines, up to where it no longer changes (in 8 bits).
    const double alpha = std::clamp(static_cast<double>(color.alphaF()), 1.0 / 255, 1.0);
    const double top = 255 * std::clamp(ceiling, 0.0, 1.0);
    const auto full = static_cast<std::uint32_t>(std::lround(top));
    std::vector<std::uint32_t> coverage{0};  // 0..255 per count
    for (double transparency = 1 - alpha; coverage.back() < full; transparency *= 1 - alpha)
        coverage.push_back(static_cast<std::uint32_t>(std::lround(top * (1 - transparency))));
    const auto r = static_cast<std::uint32_t>(color.red());
    const auto g = static_cast<std::uint32_t>(color.green());
    const auto b = static_cast<std::uint32_t>(color.blue());
    uchar* bits = image.bits();
    const qsizetype stride = image.bytesPerLine();
    for (int x = 0; x < m_width; ++x) {
        const std::uint32_t* counts = m_counts.data() + static_cast<std::size_t>(x) * m_height;
        for (int y = 0; y < m_height; ++y) {
            if (counts[y] == 0) continue;
            const std::uint32_t a = coverage[std::min<std::size_t>(counts[y], coverage.size() - 1)];
            QRgb& pixel = reinterpret_cast<QRgb*>(bits + y * stride)[x];
            const std::uint32_t keep = 255 - a;
            // Source over, premultiplied: out = src * a + dst * (1 - a).
            pixel = qRgba(static_cast<int>((r * a + qRed(pixel) * keep) / 255),
                          static_cast<int>((g * a + qGreen(pixel) * keep) / 255),
                          static_cast<int>((b * a + qBlue(pixel) * keep) / 255),
                          static_cast<int>(a + qAlpha(pixel) * keep / 255));
        }
    }
}

}  // namespace tessera::views
