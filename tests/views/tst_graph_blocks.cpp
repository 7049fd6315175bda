// Blocks of repeated layers found from names, the collapsed graph and the
// overview's expansion, on the zoo networks that open collapsed.

#include <QtTest>

#include <set>

#include "core/zoo/zoo.h"
#include "views/graph_blocks.h"
#include "views/network_snapshot.h"

using namespace tessera;

namespace {

core::Network namedChain(const std::vector<std::string>& names) {
    core::Network net;
    net.addInput("x", {1, 4, 8, 8});
    std::string last = "x";
    for (const std::string& name : names) {
        core::Layer l;
        l.name = name;
        l.op = core::OpKind::Activation;
        l.inputs = {last};
        net.addLayer(l);
        last = name;
    }
    return net;
}

std::set<std::string> prefixes(const views::BlockTree& tree) {
    std::set<std::string> out;
    for (const auto& b : tree.blocks) out.insert(b.prefix);
    return out;
}

}  // namespace

class TestGraphBlocks : public QObject {
    Q_OBJECT
private slots:
    void blocksFromNames();
    void collapsedGraphIsSmallerAndAcyclic();
    void inceptionOverview();
};

void TestGraphBlocks::blocksFromNames() {
    const auto net = namedChain({"stem", "features.1.conv.0", "features.1.conv.1", "features.2.conv.0", "features.2.conv.1",
                                 "features.2.add", "/head/fc_1", "/head/fc_2", "out"});
    const views::BlockTree tree = views::findBlocks(net);
    // "features.1" holds nothing but "features.1.conv": one block, the shorter name.
    QCOMPARE(prefixes(tree), (std::set<std::string>{"features", "features.1", "features.2", "features.2.conv", "/head"}));
    for (const auto& b : tree.blocks) {
        if (b.prefix == "features") {
            QCOMPARE(b.first, 1);
            QCOMPARE(b.last, 5);
            QCOMPARE(b.parent, -1);
            QCOMPARE(b.children.size(), std::size_t{2});
        }
        if (b.prefix == "/head") {
            QCOMPARE(b.first, 6);
            QCOMPARE(b.last, 7);  // split at '/' and '_'
        }
        if (b.parent >= 0) {
            const auto& parent = tree.blocks[static_cast<std::size_t>(b.parent)];
            QVERIFY(parent.first <= b.first && b.last <= parent.last);
        }
    }
    // Names without structure give no blocks.
    QVERIFY(views::findBlocks(namedChain({"a", "b", "c"})).empty());
}

void TestGraphBlocks::collapsedGraphIsSmallerAndAcyclic() {
    const auto snap = views::buildNetworkSnapshot(core::loadZooNetwork("googlenet"), QStringLiteral("googlenet"));
    const std::size_t n = snap->network.layerCount();
    const views::BlockTree tree = views::findBlocks(snap->network);
    const std::vector<bool> none(tree.blocks.size(), false);
    const views::DisplayGraph collapsed = views::displayGraph(tree, none, n, snap->dependencies);
    QVERIFY(collapsed.nodes.size() < n / 4);
    QVERIFY(!collapsed.showsEveryLayer());
    // Edges go forward (nodes are in topological order), no duplicates, no self loops.
    std::set<std::pair<int, int>> seen;
    for (const auto& [a, b] : collapsed.edges) {
        QVERIFY(a < b);
        QVERIFY(seen.insert({a, b}).second);
    }
    // Every layer is shown by a node that covers it.
    for (std::size_t l = 0; l < n; ++l) {
        const views::DisplayNode& node = collapsed.nodes[static_cast<std::size_t>(collapsed.nodeOfLayer[l])];
        QVERIFY(node.layer == static_cast<int>(l) ||
                tree.blocks[static_cast<std::size_t>(node.block)].contains(static_cast<int>(l)));
    }
    const views::GraphLayout layout = views::layoutDisplayGraph(snap->network, tree, collapsed);
    QVERIFY2(layout.ok(), layout.error.c_str());
    QCOMPARE(layout.nodes.size(), collapsed.nodes.size());
    // Fully expanded: node i is layer i, the snapshot's own layout applies.
    const views::DisplayGraph all = views::displayGraph(tree, std::vector<bool>(tree.blocks.size(), true), n, snap->dependencies);
    QVERIFY(all.showsEveryLayer());
    QCOMPARE(all.edges, snap->dependencies);
}

void TestGraphBlocks::inceptionOverview() {
    const auto net = [] {
        core::Network n = core::loadZooNetwork("inception_v4");
        (void)n.analyse();
        return n;
    }();
    const views::BlockTree tree = views::findBlocks(net);
    const std::vector<bool> expanded = views::overviewExpansion(tree, net.layerCount());
    const views::DisplayGraph overview = views::displayGraph(tree, expanded, net.layerCount(), {});
    // "features" opened into its stages "features.0" .. "features.21".
    QVERIFY2(overview.nodes.size() >= 6 && overview.nodes.size() <= 40, qPrintable(QString::number(overview.nodes.size())));
    int stages = 0;
    for (const auto& node : overview.nodes)
        if (node.block >= 0 &&
            QString::fromStdString(tree.blocks[static_cast<std::size_t>(node.block)].prefix).startsWith("features."))
            ++stages;
    QVERIFY(stages >= 15);
    const auto block = std::find_if(overview.nodes.begin(), overview.nodes.end(), [](const auto& n) { return n.block >= 0; });
    QVERIFY(block != overview.nodes.end());
    const views::LayerBlock& first = tree.blocks[static_cast<std::size_t>(block->block)];
    const views::NodeLabel label = views::blockLabel(net, first);
    QCOMPARE(label.name, QString::fromStdString(first.prefix));
    QCOMPARE(label.op, QStringLiteral("%1 layers").arg(first.layerCount()));
    QVERIFY(!label.shape.isEmpty());
}

QTEST_MAIN(TestGraphBlocks)
#include "tst_graph_blocks.moc"
