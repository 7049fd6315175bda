#include "core/ir/metrics.h"

#include <algorithm>

namespace tessera::core {

LayerMetrics layerMetrics(const Network& net, LayerId id, int bytesPerElement) {
    const Layer& l = net.layer(id);
    const auto ins = net.inputShapes(id);
    const auto outs = net.outputShapes(id);
    LayerMetrics m;
    const std::int64_t outElements = shapeElements(outs.front());
    switch (l.op) {
    case OpKind::Conv: {
        const std::int64_t cin = ins[0][1];
        const std::int64_t perOutput = (cin / l.attrs.groups) * l.attrs.kernel[0] * l.attrs.kernel[1];
        m.macs = outElements * perOutput;
        m.params = l.attrs.outChannels * perOutput + (l.attrs.bias ? l.attrs.outChannels : 0);
        break;
    }
    case OpKind::FullyConnected: {
        const std::int64_t inFeatures = ins[0].back();
        m.macs = outElements * inFeatures;
        m.params = inFeatures * l.attrs.outChannels + (l.attrs.bias ? l.attrs.outChannels : 0);
        break;
    }
    case OpKind::MatMul: {
        const std::int64_t inner = ins[0].back();
        m.macs = outElements * inner;
        break;
    }
    case OpKind::BatchNorm: m.params = 2 * ins[0][1]; break;
    default: break;
    }
    for (const auto& s : ins) m.inputBytes += shapeElements(s) * bytesPerElement;
    for (const auto& s : outs) m.outputBytes += shapeElements(s) * bytesPerElement;
    m.weightBytes = m.params * bytesPerElement;
    const std::int64_t moved = m.inputBytes + m.outputBytes + m.weightBytes;
    m.arithmeticIntensity = moved > 0 ? 2.0 * static_cast<double>(m.macs) / static_cast<double>(moved) : 0.0;
    return m;
}

NetworkMetrics networkMetrics(const Network& net, int bytesPerElement) {
    NetworkMetrics total;
    total.layers.reserve(net.layerCount());
    std::int64_t inputBytes = 0;
    for (const auto& in : net.inputs()) {
        inputBytes += shapeElements(in.shape) * bytesPerElement;
        total.peakTensorBytes = std::max(total.peakTensorBytes, shapeElements(in.shape) * bytesPerElement);
    }
    for (std::size_t i = 0; i < net.layerCount(); ++i) {
        const LayerId id{static_cast<int>(i)};
        LayerMetrics m = layerMetrics(net, id, bytesPerElement);
        total.macs += m.macs;
        total.params += m.params;
        total.activationBytes += m.outputBytes;
        total.weightBytes += m.weightBytes;
        for (const auto& s : net.outputShapes(id))
            total.peakTensorBytes = std::max(total.peakTensorBytes, shapeElements(s) * bytesPerElement);
        total.layers.push_back(m);
    }
    const std::int64_t moved = total.activationBytes + total.weightBytes + inputBytes;
    total.arithmeticIntensity = moved > 0 ? 2.0 * static_cast<double>(total.macs) / static_cast<double>(moved) : 0.0;
    return total;
}

std::optional<ConvView> convView(const Network& net, LayerId id) {
    const Layer& l = net.layer(id);
    if (l.op != OpKind::Conv && l.op != OpKind::FullyConnected) return std::nullopt;
    const Shape in = net.inputShapes(id)[0];
    const Shape out = net.outputShapes(id)[0];
    ConvView v;
    v.layer = id;
    if (l.op == OpKind::Conv) {
        v.c = in[1];
        v.h = in[2];
        v.w = in[3];
        v.kh = l.attrs.kernel[0];
        v.kw = l.attrs.kernel[1];
        v.n = l.attrs.outChannels;
        v.strideH = l.attrs.stride[0];
        v.strideW = l.attrs.stride[1];
        v.dilationH = l.attrs.dilation[0];
        v.dilationW = l.attrs.dilation[1];
        v.groups = l.attrs.groups;
        v.p = out[2];
        v.q = out[3];
        v.depthwise = v.groups > 1 && v.groups == v.c && v.groups == v.n;
    } else {
        v.c = in.back();
        v.h = v.w = 1;
        v.n = l.attrs.outChannels;
        v.p = v.q = 1;
        v.fullyConnected = true;
    }
    for (std::size_t i = 0; i + (v.fullyConnected ? 1 : 3) < out.size(); ++i) v.batch *= out[i];
    v.hw = std::max(v.h, v.w);
    v.k = std::max(v.kh, v.kw);
    v.macs = layerMetrics(net, id).macs;
    return v;
}

std::vector<ConvView> convViews(const Network& net) {
    std::vector<ConvView> views;
    for (std::size_t i = 0; i < net.layerCount(); ++i)
        if (auto v = convView(net, LayerId{static_cast<int>(i)})) views.push_back(*v);
    return views;
}

}  // namespace tessera::core
