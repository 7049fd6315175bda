// PartitionPanel and its model fed a hand-made result: one row per unit,
// the columns and their texts, shares as fractions for the bar delegate,
// numeric sorting, selection emitting layerActivated (and selectLayer not),
// FPGA resource bars of the selected unit, errors and the empty state.

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QtTest>

#include "views/partition_panel.h"
#include "views/partition_table_model.h"
#include "views/resource_bars_widget.h"

using namespace tessera;
using views::PartitionTableModel;

namespace {

views::PartitionResult fakeResult() {
    views::PartitionResult r;
    r.network = QStringLiteral("tiny");
    r.platform = QStringLiteral("Test board");
    r.devices = {{QStringLiteral("cpu"), QStringLiteral("A CPU"), QStringLiteral("cpu")},
                 {QStringLiteral("gpu"), QStringLiteral("A GPU"), QStringLiteral("gpu")},
                 {QStringLiteral("fpga"), QStringLiteral("An FPGA"), QStringLiteral("fpga")}};
    r.status = QStringLiteral("infeasible");
    r.message = QStringLiteral("1 of 3 units infeasible");
    r.ok = false;
    r.latencyMs = 3.5;
    r.energyMj = 12;
    r.baselines = {{QStringLiteral("balanced"), 5.0, 15.0, true, {}},
                   {QStringLiteral("cpu"), 9.0, 30.0, true, {}},
                   {QStringLiteral("fpga"), 4.0, 8.0, false, QStringLiteral("fpga M20K 112% of 587")}};

    views::PartitionRow a;
    a.layer = QStringLiteral("conv1");
    a.layers = {a.layer};
    a.method = QStringLiteral("grouped-n");
    a.cut = QStringLiteral("filters");
    a.units = 64;
    a.slices = {{QStringLiteral("cpu"), 16, 1.0, 0.1, 2.0}, {QStringLiteral("gpu"), 32, 1.1, 0.2, 3.0},
                {QStringLiteral("fpga"), 16, 0.9, 0.3, 1.0}};
    a.latencyMs = 1.2;
    a.energyMj = 6;
    a.gainLatencyPct = 20;
    a.gainEnergyPct = -5;
    a.limitedBy = QStringLiteral("fpga.m20k_blocks (0.31)");
    a.status = QStringLiteral("optimal");
    a.ok = true;
    a.resources = {{QStringLiteral("fpga"), QStringLiteral("alms"), QStringLiteral("ALM"), 50000, 80330, 0, false},
                   {QStringLiteral("fpga"), QStringLiteral("m20k_blocks"), QStringLiteral("block"), 600, 587, 0.31, true}};

    views::PartitionRow b = a;
    b.layer = QStringLiteral("conv2 … conv3");
    b.layers = {QStringLiteral("conv2"), QStringLiteral("conv3")};
    b.method = QStringLiteral("fused");
    b.cut = QStringLiteral("rows");
    b.units = 10;
    b.slices = {{QStringLiteral("cpu"), 10, 2.3, 0, 6.0}};
    b.latencyMs = 2.3;
    b.gainLatencyPct = 0;
    b.resources.clear();

    views::PartitionRow c;
    c.layer = QStringLiteral("fc");
    c.layers = {c.layer};
    c.method = QStringLiteral("grouped-c");
    c.status = QStringLiteral("infeasible");
    c.message = QStringLiteral("fpga ALM 112% of 80,330");
    c.ok = false;
    r.rows = {a, b, c};
    return r;
}

QString cell(const QAbstractItemModel& m, int row, int column) { return m.index(row, column).data().toString(); }

}  // namespace

class TestPartitionPanel : public QObject {
    Q_OBJECT
private slots:
    void modelRowsAndColumns();
    void sharesAreFractions();
    void sortsNumerically();
    void emptyState();
    void selectionEmitsFirstLayer();
    void selectLayerIsQuiet();
    void resourceBarsOfSelectedUnit();
    void errorsAndRunControls();
};

void TestPartitionPanel::modelRowsAndColumns() {
    PartitionTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setResult(fakeResult());
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(PartitionTableModel::ColumnCount));
    QCOMPARE(model.headerData(PartitionTableModel::LatencyColumn, Qt::Horizontal).toString(), QStringLiteral("Latency ms"));
    QCOMPARE(cell(model, 0, PartitionTableModel::LayerColumn), QStringLiteral("conv1"));
    QCOMPARE(cell(model, 0, PartitionTableModel::MethodColumn), QStringLiteral("grouped-n"));
    QCOMPARE(cell(model, 0, PartitionTableModel::LatencyColumn), QStringLiteral("1.200"));
    QCOMPARE(cell(model, 0, PartitionTableModel::GainLatencyColumn), QStringLiteral("+20.0%"));
    QCOMPARE(cell(model, 0, PartitionTableModel::GainEnergyColumn), QStringLiteral("−5.0%"));
    QCOMPARE(cell(model, 0, PartitionTableModel::LimitedByColumn), QStringLiteral("fpga.m20k_blocks (0.31)"));
    QCOMPARE(cell(model, 1, PartitionTableModel::LayerColumn), QStringLiteral("conv2 … conv3"));
    QVERIFY(model.index(1, PartitionTableModel::LayerColumn).data(Qt::ToolTipRole).toString().contains(QStringLiteral("conv3")));
    // Not optimal: no numbers, the status where the limit would be.
    QCOMPARE(cell(model, 2, PartitionTableModel::LatencyColumn), QStringLiteral("–"));
    QCOMPARE(cell(model, 2, PartitionTableModel::LimitedByColumn), QStringLiteral("infeasible"));
    QCOMPARE(model.rowOfLayer(QStringLiteral("conv3")), 1);
    QCOMPARE(model.rowOfLayer(QStringLiteral("nope")), -1);
    const QString tip = model.index(0, PartitionTableModel::SharesColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("gpu")) && tip.contains(QStringLiteral("50.0")), qPrintable(tip));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestPartitionPanel::sharesAreFractions() {
    PartitionTableModel model;
    model.setResult(fakeResult());
    const QVariantList shares = model.index(0, PartitionTableModel::SharesColumn).data(PartitionTableModel::kSharesRole).toList();
    QCOMPARE(shares.size(), 3);
    double sum = 0;
    for (const QVariant& s : shares) sum += s.toList().at(1).toDouble();
    QCOMPARE(sum, 1.0);
    QCOMPARE(shares.at(1).toList().at(2).toString(), QStringLiteral("gpu"));
    QCOMPARE(shares.at(1).toList().at(0).value<QColor>(), views::partitionDeviceColor(QStringLiteral("gpu"), 1));
    QVERIFY(model.index(2, PartitionTableModel::SharesColumn).data(PartitionTableModel::kSharesRole).toList().isEmpty());
}

void TestPartitionPanel::sortsNumerically() {
    views::PartitionPanel panel;
    views::PartitionResult r = fakeResult();
    r.rows[0].latencyMs = 10.5;  // "10.50" sorts before "2.300" as text
    panel.setResult(r);
    QTableView* table = panel.tableView();
    QCOMPARE(table->model()->rowCount(), 3);
    QCOMPARE(cell(*table->model(), 0, PartitionTableModel::LayerColumn), QStringLiteral("conv1"));  // network order
    table->sortByColumn(PartitionTableModel::LatencyColumn, Qt::AscendingOrder);
    QCOMPARE(cell(*table->model(), 0, PartitionTableModel::LayerColumn), QStringLiteral("conv2 … conv3"));
    QCOMPARE(cell(*table->model(), 1, PartitionTableModel::LayerColumn), QStringLiteral("conv1"));
    QCOMPARE(cell(*table->model(), 2, PartitionTableModel::LayerColumn), QStringLiteral("fc"));  // no number: last
}

void TestPartitionPanel::emptyState() {
    views::PartitionPanel panel;
    panel.resize(900, 400);
    panel.show();
    auto* hint = panel.findChild<QLabel*>(QStringLiteral("partitionHint"));
    QVERIFY(hint);
    QVERIFY(hint->isVisible());
    QVERIFY(hint->text().contains(QStringLiteral("Pick a platform and press Run")));
    QVERIFY(!panel.tableView()->isVisible());
    panel.setResult(fakeResult());
    QVERIFY(panel.tableView()->isVisible());
    QVERIFY(!hint->isVisible());
    panel.clear();
    QCOMPARE(panel.model()->rowCount(), 0);
    QVERIFY(hint->isVisible());
}

void TestPartitionPanel::selectionEmitsFirstLayer() {
    views::PartitionPanel panel;
    panel.setResult(fakeResult());
    QSignalSpy spy(&panel, &views::PartitionPanel::layerActivated);
    panel.tableView()->selectRow(1);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("conv2"));
}

void TestPartitionPanel::selectLayerIsQuiet() {
    views::PartitionPanel panel;
    panel.setResult(fakeResult());
    QSignalSpy spy(&panel, &views::PartitionPanel::layerActivated);
    panel.selectLayer(QStringLiteral("conv3"));
    QCOMPARE(spy.count(), 0);
    QCOMPARE(panel.tableView()->currentIndex().row(), 1);
    panel.selectLayer(QStringLiteral("relu_not_partitioned"));
    QVERIFY(!panel.tableView()->selectionModel()->hasSelection());
}

void TestPartitionPanel::resourceBarsOfSelectedUnit() {
    views::PartitionPanel panel;
    panel.resize(1200, 450);
    panel.show();
    panel.setResult(fakeResult());
    auto* bars = panel.findChild<views::ResourceBarsWidget*>(QStringLiteral("partitionResources"));
    auto* devices = panel.findChild<QTableWidget*>(QStringLiteral("partitionDevices"));
    QVERIFY(bars && devices);
    QVERIFY(bars->resources().isEmpty());
    panel.tableView()->selectRow(0);
    QCOMPARE(bars->resources().size(), 2);
    QVERIFY(bars->resources().at(1).fraction() > 1.0);  // drawn red
    QVERIFY(bars->resources().at(1).active);            // drawn bold
    QCOMPARE(devices->rowCount(), 3);
    QCOMPARE(devices->item(1, 0)->text(), QStringLiteral("gpu"));
    QCOMPARE(devices->item(1, 1)->text(), QStringLiteral("32 (50.0%)"));
    QVERIFY(!bars->grab().isNull());
    auto* totals = panel.findChild<QLabel*>(QStringLiteral("partitionTotals"));
    QVERIFY(totals->text().contains(QStringLiteral("balanced")));
    QVERIFY(totals->text().contains(QStringLiteral("+30.0%")));  // 3.5 ms vs 5 ms balanced
    QVERIFY(totals->text().contains(QStringLiteral("fpga M20K 112% of 587")));
}

void TestPartitionPanel::errorsAndRunControls() {
    views::PartitionPanel panel;
    panel.setPlatforms({QStringLiteral("a_board"), QStringLiteral("b_board")}, QStringLiteral("b_board"));
    QSignalSpy run(&panel, &views::PartitionPanel::runRequested);
    auto* button = panel.findChild<QPushButton*>(QStringLiteral("partitionRun"));
    QVERIFY(button);
    button->click();
    QCOMPARE(run.count(), 1);
    const auto settings = run.at(0).at(0).value<views::PartitionSettings>();
    QCOMPARE(settings.platform, QStringLiteral("b_board"));
    QCOMPARE(settings.method, QStringLiteral("best"));

    panel.setRunning(true);
    QVERIFY(!button->isEnabled());
    QSignalSpy cancel(&panel, &views::PartitionPanel::cancelRequested);
    panel.findChild<QPushButton*>(QStringLiteral("partitionCancel"))->click();
    QCOMPARE(cancel.count(), 1);
    panel.showCancelled();
    QVERIFY(button->isEnabled());

    panel.setResult(fakeResult());
    QVERIFY(panel.message().contains(QStringLiteral("1 of 3 units infeasible")));
    panel.showError(QStringLiteral("unknown platform 'x'"));
    QCOMPARE(panel.model()->rowCount(), 0);
    QVERIFY(panel.message().contains(QStringLiteral("unknown platform 'x'")));
}

QTEST_MAIN(TestPartitionPanel)
#include "tst_partition_panel.moc"
