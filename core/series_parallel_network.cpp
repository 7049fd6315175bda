// The layer-graph view of a Network for series-parallel decomposition:
// vertex i is layer LayerId{i}, edges come from Network::successors, and
// messages name layers. The decomposition itself is sp_detail::decompose
// (series_parallel.cpp).

#include <algorithm>
#include <string>
#include <vector>

#include "network.h"
#include "series_parallel.h"
#include "series_parallel_internal.h"

namespace tessera::core {

SpDecomposition decomposeNetwork(const Network& network)
{
    if (!network.analysed()) {
        SpDecomposition d;
        d.message = "network '" + network.name + "' is not analysed";
        return d;
    }
    const int layerCount = static_cast<int>(network.layerCount());
    std::vector<SpEdge> edges;
    for (int v = 0; v < layerCount; ++v)
        for (LayerId next : network.successors(LayerId{v}))
            edges.push_back({v, next.value});
    SpDecomposition d = sp_detail::decompose(layerCount, edges, [&](int v) {
        return "layer " + network.layer(LayerId{v}).name;
    });
    if (layerCount == 0)
        d.message = "network '" + network.name + "' has no layers";
    d.vertexLayer.assign(static_cast<std::size_t>(d.vertexCount), LayerId{});
    for (int v = 0; v < std::min(layerCount, d.vertexCount); ++v)
        d.vertexLayer[static_cast<std::size_t>(v)] = LayerId{v};
    return d;
}

}  // namespace tessera::core
