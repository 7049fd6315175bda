// The Partition dock end to end in the main window: a real method-1
// partition of ResNet-18 through the job runner shows one row per unit of
// the solver's own result; selecting a row selects its layer in the graph
// and table; a bad platform is an error in the panel, not a crash; cancel
// and opening another network drop the result.

#include <QDockWidget>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

#include "app/gui/main_window.h"
#include "app/gui/partition_adapter.h"
#include "core/platform/platform.h"
#include "core/zoo/zoo.h"
#include "views/layer_table_view.h"
#include "views/network_graph_view.h"
#include "views/partition_panel.h"
#include "views/partition_table_model.h"

using namespace tessera;

namespace {

constexpr int kTimeoutMs = 300000;

views::PartitionSettings settingsFor(const QString& platform, const QString& method) {
    views::PartitionSettings s;
    s.platform = platform;
    s.method = method;
    return s;
}

bool openAndWait(gui::MainWindow& window, const QString& spec) {
    QSignalSpy shown(&window, &gui::MainWindow::networkShown);
    window.openSpec(spec);
    return shown.wait(120000);
}

}  // namespace

class TestPartitionDock : public QObject {
    Q_OBJECT
private slots:
    void adapterMatchesSolver();
    void resnet18OneRowPerUnit();
    void badPlatformIsAnError();
    void cancelAndReopenDropResults();
};

void TestPartitionDock::adapterMatchesSolver() {
    const core::Network net = core::loadZooNetwork("resnet18");
    const core::Platform platform = core::loadBuiltinPlatform("jetson_tx2_cyclone10gx");
    auto options = gui::partitionOptions(settingsFor(QString(), QStringLiteral("grouped-n")));
    QCOMPARE(int(options.method), int(solver::partition::Method::GroupedFilters));
    options.layer = "layer1.0.conv1";
    const auto partition = solver::partition::partitionNetwork(net, platform, options);
    const views::PartitionResult r = gui::toPartitionResult(partition, platform);
    QCOMPARE(r.rows.size(), qsizetype(partition.units.size()));
    QCOMPARE(r.rows.size(), 1);
    QCOMPARE(r.rows[0].layer, QStringLiteral("layer1.0.conv1"));
    QCOMPARE(r.devices.size(), qsizetype(platform.devices().size()));
    QCOMPARE(r.ok, partition.status == core::Status::Optimal);
    double shares = 0;
    for (const auto& s : r.rows[0].slices) shares += s.share;
    if (r.rows[0].ok) QCOMPARE(shares, double(r.rows[0].units));
    QVERIFY(!r.baselines.isEmpty());
    QCOMPARE(r.baselines.front().name, QStringLiteral("balanced"));
}

void TestPartitionDock::resnet18OneRowPerUnit() {
    gui::MainWindow window(/*interactive=*/false);
    window.show();
    QVERIFY(openAndWait(window, QStringLiteral("resnet18")));
    views::PartitionPanel* panel = window.partitionPanel();
    QVERIFY(panel);
    QCOMPARE(panel->model()->rowCount(), 0);

    QSignalSpy shown(&window, &gui::MainWindow::partitionShown);
    QSignalSpy failed(&window, &gui::MainWindow::partitionFailed);
    window.runPartition(settingsFor(QStringLiteral("jetson_tx2_cyclone10gx"), QStringLiteral("grouped-n")));
    QVERIFY(window.partitionDock()->isVisible());
    QVERIFY(panel->isRunning());
    QVERIFY(shown.wait(kTimeoutMs));
    QCOMPARE(failed.count(), 0);
    QVERIFY(!panel->isRunning());

    // The same partition, headless: one row per unit, in order.
    const core::Platform platform = core::loadBuiltinPlatform("jetson_tx2_cyclone10gx");
    const auto expected = solver::partition::partitionNetwork(
        window.snapshot()->network, platform, gui::partitionOptions(settingsFor({}, QStringLiteral("grouped-n"))));
    QCOMPARE(panel->model()->rowCount(), int(expected.units.size()));
    QVERIFY(panel->model()->rowCount() >= 20);  // ResNet-18: 20 convolutions and one FC layer
    QCOMPARE(panel->model()->columnCount(), int(views::PartitionTableModel::ColumnCount));
    for (int i = 0; i < panel->model()->rowCount(); ++i)
        QCOMPARE(panel->model()->index(i, 0).data().toString(), QString::fromStdString(expected.units[size_t(i)].layers.front()));

    // Selecting a unit selects its layer in the graph and the table.
    const QString layer = QString::fromStdString(expected.units[1].layers.front());
    const int layerIndex = window.snapshot()->network.findLayer(layer.toStdString())->value;
    panel->tableView()->selectRow(1);
    QCOMPARE(window.graphView()->selectedLayer(), layerIndex);
    // And the other way round.
    const QString first = QString::fromStdString(expected.units[0].layers.front());
    window.tableView()->selectLayer(window.snapshot()->network.findLayer(first.toStdString())->value);
    QCOMPARE(panel->tableView()->currentIndex().row(), 0);
}

void TestPartitionDock::badPlatformIsAnError() {
    gui::MainWindow window(false);
    QVERIFY(openAndWait(window, QStringLiteral("resnet18")));
    QSignalSpy failed(&window, &gui::MainWindow::partitionFailed);
    window.runPartition(settingsFor(QStringLiteral("no_such_board"), QStringLiteral("best")));
    QVERIFY(failed.wait(60000));
    QVERIFY2(window.partitionPanel()->message().contains(QStringLiteral("no_such_board")),
             qPrintable(window.partitionPanel()->message()));
    QCOMPARE(window.partitionPanel()->model()->rowCount(), 0);
    QVERIFY(!window.partitionPanel()->isRunning());
}

void TestPartitionDock::cancelAndReopenDropResults() {
    gui::MainWindow window(false);
    QVERIFY(openAndWait(window, QStringLiteral("resnet18")));
    QSignalSpy shown(&window, &gui::MainWindow::partitionShown);
    window.runPartition(settingsFor(QStringLiteral("jetson_tx2_cyclone10gx"), QStringLiteral("best")));
    QVERIFY(window.partitionPanel()->isRunning());
    emit window.partitionPanel()->cancelRequested();
    QVERIFY(!window.partitionPanel()->isRunning());
    QTest::qWait(500);
    QCOMPARE(shown.count(), 0);

    // Opening another network drops the running partition (and any result
    // of the old network already shown).
    window.runPartition(settingsFor(QStringLiteral("jetson_tx2_cyclone10gx"), QStringLiteral("best")));
    QVERIFY(openAndWait(window, QStringLiteral("squeezenet1_0")));
    const qsizetype before = shown.count();
    QVERIFY(!window.partitionPanel()->isRunning());
    QCOMPARE(window.partitionPanel()->model()->rowCount(), 0);
    QTest::qWait(3000);  // longer than the resnet18 partition takes
    QCOMPARE(shown.count(), before);
    QCOMPARE(window.partitionPanel()->model()->rowCount(), 0);
}

QTEST_MAIN(TestPartitionDock)
#include "tst_partition_dock.moc"
