// LayerTableModel: one row per layer, numbers sorted as numbers, the known
// figures of ResNet-18's first convolution; LayerTableView selection.

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QtTest>

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

QTEST_MAIN(TestLayerTableModel)
#include "tst_layer_table_model.moc"
