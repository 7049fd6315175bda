#pragma once
// Draws very many thin translucent lines of one colour fast: the lines are
// first counted per pixel, then each pixel is composited once as if its n
// lines had been painted over one another (alpha 1 - (1 - a)^n). QPainter
// blends every pixel of every line, which for the hundreds of thousands of
// segments of 100,000 parallel-coordinates polylines takes seconds; counting
// takes a small fraction of that and looks the same as unantialiased lines.

#include <QColor>
#include <QImage>
#include <QSize>

#include <cstdint>
#include <vector>

namespace tessera::views {

class LineDensity {
public:
    // Counts over `size` pixels (device pixels: scale coordinates before adding).
    explicit LineDensity(QSize size);

    void clear();
    // A one-pixel line from (x0, y0) to (x1, y1), in pixels, covering the
    // columns from x0 up to (not including) x1's, so that polylines do not
    // count their shared vertices twice. Parts outside the size are dropped.
    void addSegment(double x0, double y0, double x1, double y1);
    // Paints the counted lines over `image` (of the same size, ARGB32
    // premultiplied) in `color`, whose alpha is that of one line; however
    // many lines cross a pixel, it gets at most `ceiling` (0 to 1) of the colour.
    void compositeOnto(QImage& image, const QColor& color, double ceiling = 1) const;

private:
    int m_width;
    int m_height;
    std::vector<std::uint32_t> m_counts;  // column-major: a line's run down one column is contiguous
};

}  // namespace tessera::views
