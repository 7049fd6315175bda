// LineDensity: which pixels a segment counts (half-open columns, steep
// segments connected, clipping), and compositing counts as overlapping
// translucent lines with a ceiling.

#include <QtTest>

#include "views/line_density.h"

using tessera::views::LineDensity;

namespace {

// The pixels `density` paints opaque black over a transparent image.
QImage painted(const LineDensity& density, QSize size, double ceiling = 1) {
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    density.compositeOnto(image, QColor(0, 0, 0, 255), ceiling);
    return image;
}

}  // namespace

class TestLineDensity : public QObject {
    Q_OBJECT
private slots:
    void aHorizontalSegmentCoversItsColumnsHalfOpen() {
        LineDensity density({10, 5});
        density.addSegment(2, 3, 6, 3);
        const QImage image = painted(density, {10, 5});
        for (int x = 0; x < 10; ++x)
            for (int y = 0; y < 5; ++y) QCOMPARE(qAlpha(image.pixel(x, y)), (y == 3 && x >= 2 && x < 6) ? 255 : 0);
    }

    void aSteepSegmentStaysConnected() {
        LineDensity density({4, 20});
        density.addSegment(0, 0, 3, 18);
        const QImage image = painted(density, {4, 20});
        // Every row from 0 to 18 is reached in some column, and each column's rows are contiguous.
        for (int y = 0; y <= 18; ++y) {
            bool reached = false;
            for (int x = 0; x < 3; ++x) reached = reached || qAlpha(image.pixel(x, y)) > 0;
            QVERIFY2(reached, qPrintable(QString::number(y)));
        }
        for (int x = 0; x < 3; ++x) {
            int runs = 0;
            for (int y = 0; y < 20; ++y)
                if (qAlpha(image.pixel(x, y)) > 0 && (y == 0 || qAlpha(image.pixel(x, y - 1)) == 0)) ++runs;
            QCOMPARE(runs, 1);
        }
        QCOMPARE(qAlpha(image.pixel(3, 18)), 0);  // the end column belongs to the next segment
    }

    void partsOutsideAreDropped() {
        LineDensity density({5, 5});
        density.addSegment(-10, 2, 20, 2);
        density.addSegment(0, -30, 4, -20);
        density.addSegment(1, std::nan(""), 3, 1);
        const QImage image = painted(density, {5, 5});
        for (int x = 0; x < 5; ++x)
            for (int y = 0; y < 5; ++y) QCOMPARE(qAlpha(image.pixel(x, y)), y == 2 ? 255 : 0);
    }

    void overlappingLinesCompositeAsTranslucentLayers() {
        LineDensity density({3, 1});
        density.addSegment(0, 0, 1, 0);                                 // one line on column 0
        for (int i = 0; i < 2; ++i) density.addSegment(1, 0, 2, 0);     // two on column 1
        for (int i = 0; i < 1000; ++i) density.addSegment(2, 0, 3, 0);  // a thousand on column 2
        QImage image(3, 1, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        density.compositeOnto(image, QColor(0, 0, 0, 128));
        // White under n layers of 50% black: 255 * 0.5^n (within rounding).
        QVERIFY(std::abs(qRed(image.pixel(0, 0)) - 127) <= 1);
        QVERIFY(std::abs(qRed(image.pixel(1, 0)) - 64) <= 1);
        QCOMPARE(qRed(image.pixel(2, 0)), 0);
        QCOMPARE(qAlpha(image.pixel(2, 0)), 255);

        // A ceiling caps the piled-up lines.
        const QImage capped = painted(density, {3, 1}, 0.3);
        QVERIFY(std::abs(qAlpha(capped.pixel(2, 0)) - 77) <= 1);
        QVERIFY(qAlpha(capped.pixel(0, 0)) <= qAlpha(capped.pixel(2, 0)));

        density.clear();
        QCOMPARE(qAlpha(painted(density, {3, 1}).pixel(2, 0)), 0);
    }
};

QTEST_MAIN(TestLineDensity)
#include "tst_line_density.moc"
