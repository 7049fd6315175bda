// LayerTableModel: one row per layer, numbers sorted as numbers, the known
// figures of ResNet-18's first convolution, a design point's columns;
// LayerTableView selection and copying rows.

#include <QAbstractItemModelTester>
#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QtTest>

#include <cmath>

#include "core/zoo/zoo.h"
#include "views/layer_table_model.h"
#include "views/layer_table_view.h"
#include "views/network_snapshot.h"

using namespace tessera;
using views::LayerTableModel;

namespace {

views::NetworkSnapshotPtr snapshotOf(const char* zooName) {
    return views::buildNetworkSnapshot(core::loadZooNetwork(zooName), QString::fromLatin1(zooName));
}

int rowOf(const LayerTableModel& model, const QString& name) {
    for (int r = 0; r < model.rowCount(); ++r)
        if (model.index(r, LayerTableModel::NameColumn).data().toString() == name) return r;
    return -1;
}

// Two decided layers: conv1 split between devices, fc with an algorithm.
core::DesignPoint pointOn(const core::Network& net) {
    core::DesignPoint p;
    core::LayerDecision conv1;
    conv1.layerId = net.findLayer("conv1")->value;
    conv1.layer = "conv1";
    conv1.choice = {{"method", "tiling"}, {"cut", "rows"}};
    conv1.shares = {{"cpu", 0.3}, {"gpu", 0.7}};
    conv1.latencyMs = 0.5;
    conv1.energyMj = 2.5;
    core::LayerDecision fc;
    fc.layerId = net.findLayer("fc")->value;
    fc.layer = "fc";
    fc.choice = {{"method", "tiling"}, {"algorithm", "gemm"}};
    fc.latencyMs = 0.05;
    p.layers = {conv1, fc};
    return p;
}

int columnNamed(const QAbstractItemModel& model, const QString& header) {
    for (int c = 0; c < model.columnCount(); ++c)
        if (model.headerData(c, Qt::Horizontal).toString() == header) return c;
    return -1;
}

}  // namespace

class TestLayerTableModel : public QObject {
    Q_OBJECT
private slots:
    void rowCountIsLayerCount_data();
    void rowCountIsLayerCount();
    void knownLayerOfResnet18();
    void sortsMacsNumerically();
    void emptyAndReset();
    void tableViewSelection();
    void pointColumns();
    void pointColumnsSortNumerically();
    void copiesRowsWithHeader();
};

void TestLayerTableModel::rowCountIsLayerCount_data() {
    QTest::addColumn<QString>("network");
    for (const char* name : {"resnet18", "mobilenet_v2", "inception_v4"}) QTest::newRow(name) << QString::fromLatin1(name);
}

void TestLayerTableModel::rowCountIsLayerCount() {
    QFETCH(QString, network);
    const auto snap = snapshotOf(network.toLatin1().constData());
    LayerTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSnapshot(snap);
    QCOMPARE(model.rowCount(), static_cast<int>(snap->network.layerCount()));
    QCOMPARE(model.columnCount(), int(LayerTableModel::ColumnCount));
    // Row i is layer i.
    for (int r = 0; r < model.rowCount(); ++r) {
        QCOMPARE(model.index(r, 0).data(LayerTableModel::kLayerIndexRole).toInt(), r);
        QCOMPARE(model.index(r, LayerTableModel::NameColumn).data().toString(),
                 QString::fromStdString(snap->network.layer(core::LayerId{r}).name));
    }
}

void TestLayerTableModel::knownLayerOfResnet18() {
    LayerTableModel model;
    model.setSnapshot(snapshotOf("resnet18"));
    const int row = rowOf(model, QStringLiteral("conv1"));
    QVERIFY(row >= 0);
    auto cell = [&](int column, int role = Qt::DisplayRole) { return model.index(row, column).data(role); };
    const QChar times(0x00D7);
    QCOMPARE(cell(LayerTableModel::OpColumn).toString(), QStringLiteral("conv"));
    QCOMPARE(cell(LayerTableModel::InputShapeColumn).toString(), QStringList({"1", "3", "224", "224"}).join(times));
    QCOMPARE(cell(LayerTableModel::OutputShapeColumn).toString(), QStringList({"1", "64", "112", "112"}).join(times));
    QCOMPARE(cell(LayerTableModel::KernelColumn).toString(), QStringLiteral("7") + times + QStringLiteral("7"));
    QCOMPARE(cell(LayerTableModel::StrideColumn).toString(), QStringLiteral("2") + times + QStringLiteral("2"));
    QCOMPARE(cell(LayerTableModel::GroupsColumn).toString(), QStringLiteral("1"));
    // 64 filters x 112 x 112 outputs x 3 channels x 7 x 7 taps; 64 x 3 x 7 x 7 weights, no bias.
    QCOMPARE(cell(LayerTableModel::MacsColumn, LayerTableModel::kSortRole).toLongLong(), 118013952LL);
    QCOMPARE(cell(LayerTableModel::ParamsColumn, LayerTableModel::kSortRole).toLongLong(), 9408LL);
    QCOMPARE(cell(LayerTableModel::MacsColumn).toString(), LayerTableModel::formatCount(118013952));
    QCOMPARE(cell(LayerTableModel::ParamsColumn).toString(), LayerTableModel::formatCount(9408));
    QCOMPARE(model.headerData(LayerTableModel::MacsColumn, Qt::Horizontal).toString(), QStringLiteral("MACs"));
    // A layer without kernel shows blanks, not zeros.
    const int relu = rowOf(model, QStringLiteral("relu"));
    QVERIFY(relu >= 0);
    QVERIFY(model.index(relu, LayerTableModel::KernelColumn).data().toString().isEmpty());
}

void TestLayerTableModel::sortsMacsNumerically() {
    LayerTableModel model;
    model.setSnapshot(snapshotOf("resnet18"));
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(LayerTableModel::kSortRole);
    for (Qt::SortOrder order : {Qt::DescendingOrder, Qt::AscendingOrder}) {
        proxy.sort(LayerTableModel::MacsColumn, order);
        qlonglong previous = order == Qt::DescendingOrder ? std::numeric_limits<qlonglong>::max() : -1;
        for (int r = 0; r < proxy.rowCount(); ++r) {
            const qlonglong macs = proxy.index(r, LayerTableModel::MacsColumn).data(LayerTableModel::kSortRole).toLongLong();
            if (order == Qt::DescendingOrder) QVERIFY2(macs <= previous, qPrintable(QString::number(r)));
            else QVERIFY2(macs >= previous, qPrintable(QString::number(r)));
            previous = macs;
        }
    }
    // Sorted as text, "115,605,504" would come before "118,013,952" but after
    // "1,..."-style small numbers; numerically conv1 (118 M) is not the top:
    // the top is a 3x3 convolution of the later stages (115.6 M each) or conv1.
    proxy.sort(LayerTableModel::MacsColumn, Qt::DescendingOrder);
    const qlonglong top = proxy.index(0, LayerTableModel::MacsColumn).data(LayerTableModel::kSortRole).toLongLong();
    qlonglong max = 0;
    for (const auto& m : model.snapshot()->metrics.layers) max = std::max<qlonglong>(max, m.macs);
    QCOMPARE(top, max);
    // The last rows hold zero-MAC layers (batchnorm, relu, ...).
    QCOMPARE(proxy.index(proxy.rowCount() - 1, LayerTableModel::MacsColumn).data(LayerTableModel::kSortRole).toLongLong(), 0LL);
}

void TestLayerTableModel::emptyAndReset() {
    LayerTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setSnapshot(snapshotOf("alexnet"));
    QCOMPARE(reset.count(), 1);
    QVERIFY(model.rowCount() > 0);
    model.setSnapshot(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

void TestLayerTableModel::tableViewSelection() {
    views::LayerTableView view;
    view.setSnapshot(snapshotOf("resnet18"));
    QSignalSpy spy(&view, &views::LayerTableView::layerSelected);
    view.selectLayer(5);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.takeFirst().at(0).toInt(), 5);
    QCOMPARE(view.selectedLayer(), 5);
    view.selectLayer(5);  // already selected: no signal
    QCOMPARE(spy.count(), 0);

    // Sorted differently, the selected row still maps to the layer.
    view.sortByColumn(LayerTableModel::MacsColumn, Qt::DescendingOrder);
    view.selectLayer(7);
    QCOMPARE(spy.count(), 1);
    const QModelIndexList rows = view.selectionModel()->selectedRows();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.front().data(LayerTableModel::kLayerIndexRole).toInt(), 7);
    spy.clear();

    // A user click (selection model change) emits the layer.
    const QModelIndex source = view.layerModel()->index(9, 0);
    view.selectionModel()->setCurrentIndex(view.proxyModel()->mapFromSource(source),
                                           QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.takeFirst().at(0).toInt(), 9);

    view.selectLayer(-1);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.takeFirst().at(0).toInt(), -1);
    QVERIFY(view.selectionModel()->selectedRows().isEmpty());
}

void TestLayerTableModel::pointColumns() {
    const auto snap = snapshotOf("resnet18");
    LayerTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSnapshot(snap);
    QCOMPARE(model.columnCount(), int(LayerTableModel::ColumnCount));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    {
        const core::DesignPoint point = pointOn(snap->network);
        model.setDesignPoint(&point);
    }  // the model keeps its own copy
    QCOMPARE(reset.count(), 1);
    // One column per distinct choice name in order of appearance, then shares, latency, energy.
    QStringList headers;
    for (int c = LayerTableModel::ColumnCount; c < model.columnCount(); ++c)
        headers << model.headerData(c, Qt::Horizontal).toString();
    QCOMPARE(headers, QStringList({"method", "cut", "algorithm", "shares", "latency ms", "energy mJ"}));
    const int conv1 = rowOf(model, QStringLiteral("conv1"));
    const int fc = rowOf(model, QStringLiteral("fc"));
    const int relu = rowOf(model, QStringLiteral("relu"));
    auto cell = [&](int row, const char* header, int role = Qt::DisplayRole) {
        return model.index(row, columnNamed(model, QString::fromLatin1(header))).data(role);
    };
    QCOMPARE(cell(conv1, "method").toString(), QStringLiteral("tiling"));
    QCOMPARE(cell(conv1, "cut").toString(), QStringLiteral("rows"));
    QCOMPARE(cell(conv1, "algorithm").toString(), QString());
    QCOMPARE(cell(conv1, "shares").toString(), QStringLiteral("cpu 30% gpu 70%"));
    QCOMPARE(cell(conv1, "latency ms").toString(), QStringLiteral("0.500"));
    QCOMPARE(cell(conv1, "energy mJ", LayerTableModel::kSortRole).toDouble(), 2.5);
    QCOMPARE(cell(fc, "algorithm").toString(), QStringLiteral("gemm"));
    QCOMPARE(cell(fc, "energy mJ").toString(), QStringLiteral("-"));
    // A layer the point does not decide is blank and sorts as nothing.
    QCOMPARE(cell(relu, "method").toString(), QString());
    QVERIFY(!cell(relu, "latency ms", LayerTableModel::kSortRole).isValid());
    // Numbers right-aligned, like the network's.
    QCOMPARE(cell(conv1, "latency ms", Qt::TextAlignmentRole).value<Qt::Alignment>() & Qt::AlignRight, Qt::AlignRight);

    // A snapshot change keeps the point's columns (the decisions go by layer id).
    model.setSnapshot(snap);
    QCOMPARE(model.columnCount(), int(LayerTableModel::ColumnCount) + 6);
    QCOMPARE(cell(conv1, "method").toString(), QStringLiteral("tiling"));
    model.setDesignPoint(nullptr);
    QCOMPARE(model.columnCount(), int(LayerTableModel::ColumnCount));
    // A point without shares or energy has no such columns.
    core::DesignPoint dynamap;
    core::LayerDecision d;
    d.layerId = conv1;
    d.choice = {{"algorithm", "winograd"}, {"dataflow", "OS"}};
    d.latencyMs = 0.1;
    dynamap.layers = {d};
    model.setDesignPoint(&dynamap);
    headers.clear();
    for (int c = LayerTableModel::ColumnCount; c < model.columnCount(); ++c)
        headers << model.headerData(c, Qt::Horizontal).toString();
    QCOMPARE(headers, QStringList({"algorithm", "dataflow", "latency ms"}));
}

void TestLayerTableModel::pointColumnsSortNumerically() {
    const auto snap = snapshotOf("resnet18");
    LayerTableModel model;
    model.setSnapshot(snap);
    core::DesignPoint point;
    // Latencies whose text order differs from their numeric order.
    const double latencies[] = {9.5, 10.25, 0.75, 100.0};
    for (int i = 0; i < 4; ++i) {
        core::LayerDecision d;
        d.layerId = i * 3;
        d.choice = {{"device", "gpu"}};
        d.latencyMs = latencies[i];
        point.layers.push_back(d);
    }
    model.setDesignPoint(&point);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(LayerTableModel::kSortRole);
    proxy.sort(columnNamed(model, QStringLiteral("latency ms")), Qt::AscendingOrder);
    QCOMPARE(proxy.index(0, LayerTableModel::IndexColumn).data().toString(), QStringLiteral("6"));   // 0.75
    QCOMPARE(proxy.index(1, LayerTableModel::IndexColumn).data().toString(), QStringLiteral("0"));   // 9.5
    QCOMPARE(proxy.index(2, LayerTableModel::IndexColumn).data().toString(), QStringLiteral("3"));   // 10.25
    QCOMPARE(proxy.index(3, LayerTableModel::IndexColumn).data().toString(), QStringLiteral("9"));   // 100
}

void TestLayerTableModel::copiesRowsWithHeader() {
    const auto snap = snapshotOf("resnet18");
    // In a window whose Edit > Copy has Ctrl+C too, as the main window's does.
    QWidget window;
    QAction windowCopy(&window);
    windowCopy.setShortcut(QKeySequence::Copy);
    window.addAction(&windowCopy);
    QSignalSpy windowCopied(&windowCopy, &QAction::triggered);
    views::LayerTableView view(&window);
    view.resize(900, 400);
    view.setSnapshot(snap);
    const core::DesignPoint point = pointOn(snap->network);
    view.setDesignPoint(&point);
    window.resize(900, 400);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    view.setFocus();
    QSignalSpy spy(&view, &views::LayerTableView::layerSelected);
    view.selectLayer(2);
    QCOMPARE(spy.count(), 1);

    QTest::keyClick(&view, Qt::Key_A, Qt::ControlModifier);
    QCOMPARE(view.selectionModel()->selectedRows().size(), static_cast<int>(snap->network.layerCount()));
    QCOMPARE(spy.count(), 1);  // the current layer did not change
    QGuiApplication::clipboard()->clear();
    QTest::keyClick(&view, Qt::Key_C, Qt::ControlModifier);
    const QString text = QGuiApplication::clipboard()->text();
    QCOMPARE(windowCopied.count(), 0);
    const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1 + static_cast<int>(snap->network.layerCount()));
    const QStringList header = lines.front().split(QLatin1Char('\t'));
    QCOMPARE(header.size(), view.model()->columnCount());
    QCOMPARE(header.front(), QStringLiteral("#"));
    QVERIFY(header.contains(QStringLiteral("latency ms")));
    // Rows in display order, every cell, the point's columns included.
    const QStringList first = lines[1].split(QLatin1Char('\t'));
    QCOMPARE(first.size(), header.size());
    QCOMPARE(first[LayerTableModel::NameColumn], QStringLiteral("conv1"));
    QCOMPARE(first[header.indexOf(QStringLiteral("shares"))], QStringLiteral("cpu 30% gpu 70%"));

    // Sorted and partly selected: the selected rows in the order shown.
    view.sortByColumn(LayerTableModel::MacsColumn, Qt::DescendingOrder);
    view.selectionModel()->select(QItemSelection(view.model()->index(0, 0), view.model()->index(1, 0)),
                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const QStringList two = view.selectedRowsText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(two.size(), 3);
    QCOMPARE(two[1].split(QLatin1Char('\t'))[0], view.model()->index(0, 0).data().toString());
    QCOMPARE(two[2].split(QLatin1Char('\t'))[0], view.model()->index(1, 0).data().toString());
    // The context menu offers the same copy.
    QVERIFY(view.contextMenuPolicy() == Qt::ActionsContextMenu);
    QAction* copy = view.actions().value(0);
    QVERIFY(copy);
    QGuiApplication::clipboard()->clear();
    copy->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts).size(), 3);
}

QTEST_MAIN(TestLayerTableModel)
#include "tst_layer_table_model.moc"
