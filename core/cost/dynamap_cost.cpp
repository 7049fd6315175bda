#include "core/cost/dynamap_cost.h"

#include <algorithm>
#include <cmath>

#include "core/ir/metrics.h"
#include "core/ir/network.h"

namespace tessera::core::dynamap {

namespace {

double ceilDiv(double x, double y) { return std::ceil(x / y); }

}  // namespace

std::string_view algorithmName(Algorithm a) {
    switch (a) {
    case Algorithm::Im2col: return "im2col";
    case Algorithm::Kn2row: return "kn2row";
    case Algorithm::Winograd: return "winograd";
    }
    return "?";
}

std::optional<Algorithm> algorithmFromName(std::string_view name) {
    for (Algorithm a : kAllAlgorithms)
        if (algorithmName(a) == name) return a;
    return std::nullopt;
}

std::string_view dataflowName(Dataflow d) { return d == Dataflow::OutputStationary ? "OS" : "WS"; }

double cyclesPerMs(const DynamapOverlay& o) { return o.clockMhz * 1e3; }

double elementsPerMs(const DynamapOverlay& o) {
    const double bytesPerElement = std::max(1, o.dataBits) / 8.0;
    return o.bandwidthGBs * 1e6 / bytesPerElement;
}

int transferFactor(const DynamapOverlay& o) {
    const double demand = static_cast<double>(o.p1 + o.p2) * cyclesPerMs(o);
    return o.doubleBuffering && demand <= elementsPerMs(o) ? 1 : 2;
}

bool isAdmissible(const ConvView& g, Algorithm a) {
    switch (a) {
    case Algorithm::Im2col: return true;
    case Algorithm::Kn2row: return !(g.kh == 1 && g.kw == 1);
    case Algorithm::Winograd:
        return g.kh == g.kw && g.kh >= 3 && g.strideH == 1 && g.strideW == 1 && g.dilationH == 1 &&
               g.dilationW == 1;
    }
    return false;
}

std::vector<Algorithm> admissibleAlgorithms(const ConvView& g) {
    std::vector<Algorithm> out;
    for (Algorithm a : kAllAlgorithms)
        if (isAdmissible(g, a)) out.push_back(a);
    return out;
}

AlgorithmCost layerCost(const ConvView& g, Algorithm alg, const DynamapOverlay& o) {
    // A grouped convolution runs as `groups` independent convolutions of
    // cin/groups -> cout/groups channels, one after the other on the array.
    const double groups = static_cast<double>(g.groups);
    const double f = cyclesPerMs(o);
    const double bw = elementsPerMs(o);
    const double p1 = o.p1, p2 = o.p2;
    const double a = static_cast<double>(g.outputPixels());
    const double cinG = static_cast<double>(g.c) / groups;
    const double c = static_cast<double>(g.n) / groups;
    const double kArea = static_cast<double>(g.kh * g.kw);
    const double b = kArea * cinG;

    AlgorithmCost cost;
    cost.algorithm = alg;
    switch (alg) {
    case Algorithm::Im2col: {
        const double transfer = (a * b + b * c) / bw;
        cost.outputStationaryMs = ceilDiv(a, p1) * ceilDiv(c, p2) * b / f + transfer;
        cost.weightStationaryMs = ceilDiv(b, p1) * ceilDiv(c, p2) * a / f + transfer;
        break;
    }
    case Algorithm::Kn2row:
        cost.outputStationaryMs = ceilDiv(a, p1) * ceilDiv(c, p2) * cinG * kArea / f;
        cost.weightStationaryMs = ceilDiv(cinG, p1) * ceilDiv(c, p2) * a * kArea / f;
        break;
    case Algorithm::Winograd: {
        const double m = o.winogradM, r = o.winogradR;
        const double tile = (m + r - 1) * (m + r - 1);
        const double kr = static_cast<double>(g.kh) / r;  // real-valued, not rounded
        const double kr2 = kr * kr;
        const double tiles = a / (m * m);
        const double overhead = kr2 * tile * std::max(m, r);
        cost.outputStationaryMs = (ceilDiv(tiles, p1) * ceilDiv(c, p2) * cinG * tile * kr2 + overhead) / f;
        cost.weightStationaryMs = (ceilDiv(cinG, p1) * tiles * ceilDiv(c, p2) * tile * kr2 + overhead) / f;
        break;
    }
    }
    cost.outputStationaryMs *= groups;
    cost.weightStationaryMs *= groups;
    return cost;
}

double transitionCost(const ConvView& next, std::int64_t channels, Algorithm nextAlgorithm,
                      std::optional<Algorithm> previous, const DynamapOverlay& o) {
    const double bw = elementsPerMs(o);
    const double pixels = static_cast<double>(next.outputPixels());
    const double ch = static_cast<double>(channels);
    double ms = 0;
    switch (nextAlgorithm) {
    case Algorithm::Im2col: ms = pixels * static_cast<double>(next.kh * next.kw) * ch / bw; break;
    case Algorithm::Kn2row: ms = pixels * ch / bw; break;
    case Algorithm::Winograd: {
        const double m = o.winogradM, r = o.winogradR;
        const double expand = ((m + r - 1) / m) * ((m + r - 1) / m);
        if (previous == Algorithm::Winograd)
            ms = pixels * expand * ch / (m * m * bw);
        else
            ms = pixels * expand * (ch + m * m) / bw;
        break;
    }
    }
    return ms * transferFactor(o);
}

double dspsPerPe(int dataBits) {
    if (dataBits <= 8) return 0.5;
    return std::ceil(dataBits / 27.0) * std::ceil(dataBits / 18.0);
}

std::int64_t overlayDsps(int p1, int p2, int dataBits) {
    return static_cast<std::int64_t>(std::ceil(static_cast<double>(p1) * p2 * dspsPerPe(dataBits)));
}

}  // namespace tessera::core::dynamap
