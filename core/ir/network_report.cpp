#include "core/ir/network_report.h"

#include <charconv>

#include <nlohmann/json.hpp>

namespace tessera::core {

using nlohmann::json;

namespace {
bool hasWindow(OpKind op) { return op == OpKind::Conv || op == OpKind::MaxPool || op == OpKind::AvgPool; }
}  // namespace

json networkReportJson(const Network& net, const NetworkMetrics& metrics, const std::vector<std::string>& warnings) {
    json doc;
    doc["name"] = net.name;
    if (!net.description.empty()) doc["description"] = net.description;
    if (!net.source.empty()) doc["source"] = net.source;
    doc["inputs"] = json::array();
    for (const auto& in : net.inputs()) doc["inputs"].push_back({{"name", in.name}, {"shape", in.shape}});
    doc["outputs"] = json::array();
    for (const auto& t : net.outputs()) doc["outputs"].push_back({{"name", t}, {"shape", net.tensorShape(t)}});
    json layers = json::array();
    std::int64_t convLayers = 0, fcLayers = 0;
    for (std::size_t i = 0; i < net.layerCount(); ++i) {
        const LayerId id{static_cast<int>(i)};
        const Layer& l = net.layer(id);
        const LayerMetrics& m = metrics.layers[i];
        json j;
        j["index"] = i;
        j["name"] = l.name;
        j["op"] = opName(l);
        j["inputs"] = l.inputs;
        j["input_shapes"] = net.inputShapes(id);
        const auto outs = net.outputShapes(id);
        j["output_shape"] = outs.front();
        if (outs.size() > 1) j["output_shapes"] = outs;
        if (hasWindow(l.op)) {
            j["kernel"] = {l.attrs.kernel[0], l.attrs.kernel[1]};
            j["stride"] = {l.attrs.stride[0], l.attrs.stride[1]};
            j["padding"] = {l.attrs.padding[0], l.attrs.padding[1], l.attrs.padding[2], l.attrs.padding[3]};
        } else {
            j["kernel"] = nullptr;
            j["stride"] = nullptr;
        }
        j["groups"] = l.op == OpKind::Conv ? l.attrs.groups : 1;
        j["macs"] = m.macs;
        j["params"] = m.params;
        j["activation_bytes"] = m.outputBytes;
        j["arithmetic_intensity"] = m.arithmeticIntensity;
        if (l.op == OpKind::Conv) ++convLayers;
        if (l.op == OpKind::FullyConnected) ++fcLayers;
        layers.push_back(std::move(j));
    }
    doc["layers"] = std::move(layers);
    doc["totals"] = {{"macs", metrics.macs},
                     {"params", metrics.params},
                     {"layers", net.layerCount()},
                     {"conv_layers", convLayers},
                     {"linear_layers", fcLayers},
                     {"activation_bytes", metrics.activationBytes},
                     {"weight_bytes", metrics.weightBytes},
                     {"peak_tensor_bytes", metrics.peakTensorBytes},
                     {"arithmetic_intensity", metrics.arithmeticIntensity}};
    doc["warnings"] = warnings;
    return doc;
}

std::optional<Shape> parseShape(std::string_view text) {
    Shape shape;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t end = text.find('x', pos);
        if (end == std::string_view::npos) end = text.size();
        std::int64_t v = 0;
        const char* first = text.data() + pos;
        const char* last = text.data() + end;
        auto [ptr, ec] = std::from_chars(first, last, v);
        if (ec != std::errc() || ptr != last || v <= 0 || v > kMaxDimension) return std::nullopt;
        shape.push_back(v);
        if (shape.size() > kMaxRank) return std::nullopt;
        pos = end + 1;
    }
    if (shape.empty()) return std::nullopt;
    return shape;
}

}  // namespace tessera::core
