#include "network_snapshot.h"

#include <chrono>

#include "core/ir/network_json.h"
#include "core/json/json_text.h"
#include "core/types.h"
#include "views/op_style.h"

namespace tessera::views {
namespace {

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

std::vector<std::pair<int, int>> layerDependencies(const core::Network& network) {
    std::vector<std::pair<int, int>> deps;
    if (!network.analysed()) return deps;
    for (std::size_t i = 0; i < network.layerCount(); ++i) {
        const core::LayerId id{static_cast<int>(i)};
        for (core::LayerId pred : network.predecessors(id)) deps.emplace_back(pred.value, id.value);
    }
    return deps;
}

NetworkSnapshotPtr buildNetworkSnapshot(core::Network network, const QString& spec,
                                        const SnapshotProgress& progress) {
    auto report = [&](int percent, const QString& message) { return !progress || progress(percent, message); };

    auto snap = std::make_shared<NetworkSnapshot>();
    snap->spec = spec;
    if (!network.analysed()) {
        if (!report(40, QStringLiteral("Analysing %1").arg(spec))) return nullptr;
        const core::AnalysisStatus status = network.analyse();
        if (!status) throw core::FormatError(spec.toStdString() + ": " + status.message);
    }
    snap->network = std::move(network);
    const core::Network& net = snap->network;

    if (!report(50, QStringLiteral("Computing metrics of %1 layers").arg(net.layerCount()))) return nullptr;
    auto start = std::chrono::steady_clock::now();
    snap->metrics = core::networkMetrics(net);
    snap->hash = core::canonicalHash(core::networkToJson(net));
    snap->metricsSeconds = secondsSince(start);

    if (!report(60, QStringLiteral("Measuring %1 node labels").arg(net.layerCount()))) return nullptr;
    start = std::chrono::steady_clock::now();
    GraphLayoutRequest request;
    request.nodes.reserve(net.layerCount());
    for (std::size_t i = 0; i < net.layerCount(); ++i) {
        const QSizeF size = nodeSize(nodeLabel(net, core::LayerId{static_cast<int>(i)}));
        request.nodes.push_back({size.width(), size.height()});
    }
    snap->dependencies = layerDependencies(net);
    request.edges = snap->dependencies;
    snap->labelSeconds = secondsSince(start);

    if (!report(70, QStringLiteral("Laying out the graph (Graphviz dot, %1 nodes)").arg(net.layerCount())))
        return nullptr;
    snap->layout = layoutGraph(request);
    snap->layoutSeconds = snap->layout.seconds;
    if (!report(100, QStringLiteral("Done"))) return nullptr;
    return snap;
}

}  // namespace tessera::views
