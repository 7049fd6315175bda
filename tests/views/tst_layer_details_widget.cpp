// LayerDetailsWidget: a design point's decision under the layer's metrics,
// the point's summary with no layer selected, and values that wrap instead
// of being cut in a narrow dock.

#include <QHeaderView>
#include <QTreeWidgetItemIterator>
#include <QtTest>

#include "core/zoo/zoo.h"
#include "views/layer_details_widget.h"
#include "views/network_snapshot.h"

using namespace tessera;
using views::LayerDetailsWidget;

namespace {

QTreeWidgetItem* findRow(const QTreeWidget& tree, const QString& key) {
    for (QTreeWidgetItemIterator it(const_cast<QTreeWidget*>(&tree)); *it; ++it)
        if ((*it)->text(0) == key) return *it;
    return nullptr;
}

QStringList sections(const QTreeWidget& tree) {
    QStringList out;
    for (int i = 0; i < tree.topLevelItemCount(); ++i) out << tree.topLevelItem(i)->text(0);
    return out;
}

core::DesignPoint fusedPoint(const core::Network& net) {
    core::DesignPoint p;
    p.label = "front 2 of 5";
    p.latencyMs = 4.2;
    p.energyMj = 30;
    p.resources = {{"fpga", "m20k_blocks", "block", 300, 587}};
    core::LayerDecision d;
    d.layerId = net.findLayer("layer1.0.conv1")->value;
    d.layer = "layer1.0.conv1";
    d.choice = {{"method", "fused"}, {"cut", "rows"}, {"group", "layer1.0.conv1 .. layer1.0.conv2 (a long fused unit name)"}};
    d.shares = {{"fpga", 0.25}, {"gpu", 0.75}};
    d.latencyMs = 0.58;
    d.energyMj = 10.7;
    d.resources = {{"fpga", "m20k_blocks", "block", 176, 587}};
    p.layers = {d};
    return p;
}

}  // namespace

class TestLayerDetailsWidget : public QObject {
    Q_OBJECT
private slots:
    void decisionUnderTheMetrics();
    void narrowPaneWraps();
};

void TestLayerDetailsWidget::decisionUnderTheMetrics() {
    const auto snap = views::buildNetworkSnapshot(core::loadZooNetwork("resnet18"), QStringLiteral("resnet18"));
    const int layer = snap->network.findLayer("layer1.0.conv1")->value;
    LayerDetailsWidget details;
    details.setSnapshot(snap);
    details.showLayer(layer);
    QVERIFY(!sections(details).join(',').contains(QStringLiteral("Decision")));
    {
        const core::DesignPoint point = fusedPoint(snap->network);
        details.setDesignPoint(&point);
    }  // the widget keeps a copy
    QCOMPARE(details.shownLayer(), layer);
    const QStringList titles = sections(details);
    const int metrics = titles.indexOf(QStringLiteral("Metrics (fp32)"));
    const int decision = titles.indexOf(QStringLiteral("Decision (front 2 of 5)"));
    QVERIFY(metrics >= 0);
    QCOMPARE(decision, metrics + 1);
    QCOMPARE(findRow(details, QStringLiteral("method"))->text(1), QStringLiteral("fused"));
    QCOMPARE(findRow(details, QStringLiteral("share gpu"))->text(1), QStringLiteral("75%"));
    QCOMPARE(findRow(details, QStringLiteral("Latency"))->text(1), QStringLiteral("0.580 ms"));
    QCOMPARE(findRow(details, QStringLiteral("Energy"))->text(1), QStringLiteral("10.7 mJ"));
    QCOMPARE(findRow(details, QStringLiteral("fpga M20K"))->text(1), QStringLiteral("176 (30% of the budget)"));
    // A layer the point leaves alone says so.
    details.showLayer(0);
    QVERIFY(findRow(details, QStringLiteral("(none)")));
    // The summary leads with the point.
    details.showLayer(-1);
    QCOMPARE(sections(details).front(), QStringLiteral("Design point"));
    QCOMPARE(findRow(details, QStringLiteral("fpga M20K"))->text(1), QStringLiteral("300 / 587 (51%)"));
    details.setDesignPoint(nullptr);
    QVERIFY(!sections(details).contains(QStringLiteral("Design point")));
}

void TestLayerDetailsWidget::narrowPaneWraps() {
    const auto snap = views::buildNetworkSnapshot(core::loadZooNetwork("resnet18"), QStringLiteral("resnet18"));
    LayerDetailsWidget details;
    const core::DesignPoint point = fusedPoint(snap->network);
    details.setSnapshot(snap);
    details.setDesignPoint(&point);
    details.resize(300, 600);
    details.show();
    QVERIFY(QTest::qWaitForWindowExposed(&details));
    details.showLayer(snap->network.findLayer("layer1.0.conv1")->value);
    QCoreApplication::processEvents();
    // Both columns fit the pane: nothing runs off to the right.
    QVERIFY(details.columnWidth(0) + details.columnWidth(1) <= details.viewport()->width() + 1);
    QVERIFY(details.columnWidth(0) <= details.viewport()->width() / 2);
    // The long value takes more than one line rather than being cut.
    QTreeWidgetItem* group = findRow(details, QStringLiteral("group"));
    QVERIFY(group);
    const int line = details.fontMetrics().height();
    QVERIFY2(details.visualItemRect(group).height() >= 2 * line,
             qPrintable(QString::number(details.visualItemRect(group).height())));
}

QTEST_MAIN(TestLayerDetailsWidget)
#include "tst_layer_details_widget.moc"
