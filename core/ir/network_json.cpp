#include "core/ir/network_json.h"

#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/json/json_reader.h"

namespace tessera::core {

using nlohmann::json;

namespace {

// Which attribute keys each op accepts (beyond name, op, inputs, outputs).
const std::map<OpKind, std::set<std::string, std::less<>>>& allowedAttributes() {
    static const std::map<OpKind, std::set<std::string, std::less<>>> table = {
        {OpKind::Conv, {"out_channels", "kernel", "stride", "padding", "dilation", "groups", "bias"}},
        {OpKind::FullyConnected, {"out_features", "bias"}},
        {OpKind::MatMul, {}},
        {OpKind::MaxPool, {"kernel", "stride", "padding", "dilation", "ceil_mode"}},
        {OpKind::AvgPool, {"kernel", "stride", "padding", "ceil_mode", "count_include_pad"}},
        {OpKind::GlobalAvgPool, {}},
        {OpKind::GlobalMaxPool, {}},
        {OpKind::AdaptiveAvgPool, {"output_size"}},
        {OpKind::BatchNorm, {"eps"}},
        {OpKind::Activation, {"alpha", "min", "max"}},
        {OpKind::Add, {}},
        {OpKind::Sub, {}},
        {OpKind::Mul, {}},
        {OpKind::Div, {}},
        {OpKind::Concat, {"axis"}},
        {OpKind::Split, {"axis", "sizes"}},
        {OpKind::Slice, {"axis", "start", "end", "step"}},
        {OpKind::Reshape, {"shape"}},
        {OpKind::Flatten, {"axis"}},
        {OpKind::Transpose, {"perm"}},
        {OpKind::ChannelShuffle, {"groups"}},
        {OpKind::Softmax, {"axis"}},
        {OpKind::LRN, {"size", "alpha", "beta", "k"}},
        {OpKind::Pad, {"pads"}},
        {OpKind::Dropout, {"p"}},
        {OpKind::Identity, {}},
    };
    return table;
}

std::array<std::int64_t, 2> readPair(const JsonReader& r, const json& v, const std::string& key) {
    if (v.is_number()) {
        const auto x = r.integer(v, key);
        return {x, x};
    }
    auto values = r.integers(v, key, 2, 2);
    return {values[0], values[1]};
}

std::array<std::int64_t, 4> readPadding(const JsonReader& r, const json& v, const std::string& key) {
    if (v.is_number()) {
        const auto x = r.integer(v, key);
        return {x, x, x, x};
    }
    auto values = r.integers(v, key, 2, 4);
    if (values.size() == 2) return {values[0], values[1], values[0], values[1]};
    if (values.size() != 4) r.fail(key, "must have 1, 2 or 4 values (top, left, bottom, right)");
    return {values[0], values[1], values[2], values[3]};
}

Layer readLayer(const JsonReader& r, const json& j) {
    r.expectObject(j, "");
    Layer l;
    l.name = r.string(r.required(j, "name"), "name");
    const std::string opText = r.string(r.required(j, "op"), "op");
    auto parsed = parseOpName(opText);
    if (!parsed) r.fail("op", "unknown operator '" + opText + "'");
    l.op = parsed->op;
    l.attrs.activation = parsed->activation;
    for (const auto& t : r.array(r.required(j, "inputs"), "inputs", 1, 4096)) l.inputs.push_back(r.string(t, "inputs[]"));
    if (j.contains("outputs"))
        for (const auto& t : r.array(j["outputs"], "outputs", 1, 4096)) l.outputs.push_back(r.string(t, "outputs[]"));

    const auto& allowed = allowedAttributes().at(l.op);
    for (const auto& [key, v] : j.items()) {
        if (key == "name" || key == "op" || key == "inputs" || key == "outputs") continue;
        if (!allowed.count(key)) r.fail(key, "is not an attribute of '" + opText + "'");
        auto& a = l.attrs;
        if (key == "out_channels" || key == "out_features") a.outChannels = r.integer(v, key, 1);
        else if (key == "kernel") a.kernel = readPair(r, v, key);
        else if (key == "stride") a.stride = readPair(r, v, key);
        else if (key == "dilation") a.dilation = readPair(r, v, key);
        else if (key == "padding") a.padding = readPadding(r, v, key);
        else if (key == "groups") a.groups = r.integer(v, key, 1);
        else if (key == "bias") a.bias = r.boolean(v, key);
        else if (key == "ceil_mode") a.ceilMode = r.boolean(v, key);
        else if (key == "count_include_pad") a.countIncludePad = r.boolean(v, key);
        else if (key == "output_size") a.outputSize = readPair(r, v, key);
        else if (key == "axis") a.axis = r.integer(v, key, -static_cast<std::int64_t>(kMaxRank));
        else if (key == "sizes") a.sizes = r.integers(v, key, 1, 4096);
        else if (key == "start") a.start = r.integer(v, key, -kMaxDimension);
        else if (key == "end") a.end = r.integer(v, key, -kMaxDimension - 1, std::numeric_limits<std::int64_t>::max());
        else if (key == "step") a.step = r.integer(v, key, -kMaxDimension);
        else if (key == "shape") a.shape = r.integers(v, key, 1, kMaxRank, -1);
        else if (key == "perm") a.perm = r.integers(v, key, 1, kMaxRank, -static_cast<std::int64_t>(kMaxRank));
        else if (key == "pads") a.pads = r.integers(v, key, 2, 2 * kMaxRank, 0);
        else if (key == "size") a.size = r.integer(v, key, 1);
        else if (key == "alpha") {
            if (l.op == OpKind::LRN) a.alpha = r.number(v, key);
            else a.negativeSlope = r.number(v, key);
        }
        else if (key == "beta") a.beta = r.number(v, key);
        else if (key == "k") a.k = r.number(v, key);
        else if (key == "min") a.clipMin = r.number(v, key);
        else if (key == "max") a.clipMax = r.number(v, key);
        else if (key == "eps") a.epsilon = r.number(v, key, 0.0);
        else if (key == "p") r.number(v, key, 0.0, 1.0);  // dropout rate: irrelevant at inference, validated
    }
    // Defaults that depend on other attributes.
    if ((l.op == OpKind::MaxPool || l.op == OpKind::AvgPool) && !j.contains("stride")) l.attrs.stride = l.attrs.kernel;
    if (l.op == OpKind::FullyConnected && !j.contains("bias")) l.attrs.bias = true;
    if (l.op == OpKind::Softmax && !j.contains("axis")) l.attrs.axis = -1;
    if (l.op == OpKind::Activation && l.attrs.activation == ActivationFn::Elu && !j.contains("alpha")) l.attrs.negativeSlope = 1.0;
    if (l.op == OpKind::Conv && !j.contains("out_channels")) r.fail("out_channels", "is required for 'conv'");
    if (l.op == OpKind::Conv && !j.contains("kernel")) r.fail("kernel", "is required for 'conv'");
    if (l.op == OpKind::FullyConnected && !j.contains("out_features")) r.fail("out_features", "is required for 'linear'");
    if ((l.op == OpKind::MaxPool || l.op == OpKind::AvgPool) && !j.contains("kernel")) r.fail("kernel", "is required for '" + opText + "'");
    if (l.op == OpKind::Reshape && !j.contains("shape")) r.fail("shape", "is required for 'reshape'");
    if (l.op == OpKind::Transpose && !j.contains("perm")) r.fail("perm", "is required for 'transpose'");
    if (l.op == OpKind::ChannelShuffle && !j.contains("groups")) r.fail("groups", "is required for 'channel_shuffle'");
    if (l.op == OpKind::Pad && !j.contains("pads")) r.fail("pads", "is required for 'pad'");
    if (l.op == OpKind::AdaptiveAvgPool && !j.contains("output_size")) r.fail("output_size", "is required for 'adaptive_avgpool'");
    if (l.op == OpKind::Slice && !j.contains("end")) r.fail("end", "is required for 'slice'");
    if (l.op == OpKind::Split && !j.contains("outputs")) r.fail("outputs", "is required for 'split'");
    return l;
}

json pairJson(const std::array<std::int64_t, 2>& p) { return json::array({p[0], p[1]}); }

json layerToJson(const Layer& l) {
    json j;
    j["name"] = l.name;
    j["op"] = opName(l);
    j["inputs"] = l.inputs;
    if (!(l.outputs.size() == 1 && l.outputs[0] == l.name)) j["outputs"] = l.outputs;
    const auto& a = l.attrs;
    const LayerAttrs d;
    switch (l.op) {
    case OpKind::Conv:
        j["out_channels"] = a.outChannels;
        j["kernel"] = pairJson(a.kernel);
        if (a.stride != d.stride) j["stride"] = pairJson(a.stride);
        if (a.padding != d.padding) j["padding"] = json::array({a.padding[0], a.padding[1], a.padding[2], a.padding[3]});
        if (a.dilation != d.dilation) j["dilation"] = pairJson(a.dilation);
        if (a.groups != 1) j["groups"] = a.groups;
        j["bias"] = a.bias;
        break;
    case OpKind::FullyConnected:
        j["out_features"] = a.outChannels;
        j["bias"] = a.bias;
        break;
    case OpKind::MaxPool:
    case OpKind::AvgPool:
        j["kernel"] = pairJson(a.kernel);
        j["stride"] = pairJson(a.stride);
        if (a.padding != d.padding) j["padding"] = json::array({a.padding[0], a.padding[1], a.padding[2], a.padding[3]});
        if (l.op == OpKind::MaxPool && a.dilation != d.dilation) j["dilation"] = pairJson(a.dilation);
        if (a.ceilMode) j["ceil_mode"] = true;
        if (l.op == OpKind::AvgPool && a.countIncludePad) j["count_include_pad"] = true;
        break;
    case OpKind::AdaptiveAvgPool: j["output_size"] = pairJson(a.outputSize); break;
    case OpKind::BatchNorm:
        if (a.epsilon != d.epsilon) j["eps"] = a.epsilon;
        break;
    case OpKind::Activation:
        if (a.activation == ActivationFn::LeakyRelu || a.activation == ActivationFn::Elu) j["alpha"] = a.negativeSlope;
        if (a.activation == ActivationFn::Clip) {
            j["min"] = a.clipMin;
            j["max"] = a.clipMax;
        }
        break;
    case OpKind::Concat:
    case OpKind::Flatten:
    case OpKind::Softmax: j["axis"] = a.axis; break;
    case OpKind::Split:
        j["axis"] = a.axis;
        if (!a.sizes.empty()) j["sizes"] = a.sizes;
        break;
    case OpKind::Slice:
        j["axis"] = a.axis;
        j["start"] = a.start;
        j["end"] = a.end;
        if (a.step != 1) j["step"] = a.step;
        break;
    case OpKind::Reshape: j["shape"] = a.shape; break;
    case OpKind::Transpose: j["perm"] = a.perm; break;
    case OpKind::ChannelShuffle: j["groups"] = a.groups; break;
    case OpKind::LRN:
        j["size"] = a.size;
        j["alpha"] = a.alpha;
        j["beta"] = a.beta;
        j["k"] = a.k;
        break;
    case OpKind::Pad: j["pads"] = a.pads; break;
    default: break;
    }
    return j;
}

}  // namespace

Network networkFromJson(const json& doc, std::string_view origin) {
    JsonReader root(std::string(origin), "");
    root.expectObject(doc, "");
    static const std::set<std::string, std::less<>> topKeys = {"format", "schema_version", "name", "description",
                                                                "source", "inputs", "layers", "outputs"};
    for (const auto& [key, v] : doc.items())
        if (!topKeys.count(key)) root.fail(key, "is not a field of a Tessera network file");
    if (doc.contains("format") && root.string(doc["format"], "format") != "tessera-network")
        root.fail("format", "must be \"tessera-network\"");
    const auto version = root.integer(root.required(doc, "schema_version"), "schema_version");
    if (version != kNetworkSchemaVersion)
        root.fail("schema_version", "is " + std::to_string(version) + "; this Tessera reads version " + std::to_string(kNetworkSchemaVersion));

    Network net;
    net.name = doc.contains("name") ? root.string(doc["name"], "name") : std::string(origin);
    if (doc.contains("description")) net.description = root.string(doc["description"], "description");
    if (doc.contains("source")) net.source = root.string(doc["source"], "source");

    const auto& inputs = root.array(root.required(doc, "inputs"), "inputs", 1, 64);
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        JsonReader r = root.child("inputs[" + std::to_string(i) + "]");
        r.expectObject(inputs[i], "");
        for (const auto& [key, v] : inputs[i].items())
            if (key != "name" && key != "shape") r.fail(key, "is not a field of a network input");
        auto shape = r.integers(r.required(inputs[i], "shape"), "shape", 1, kMaxRank, 1, kMaxDimension);
        net.addInput(r.string(r.required(inputs[i], "name"), "name"), shape);
    }
    const auto& layers = root.array(root.required(doc, "layers"), "layers", 1, kMaxLayers);
    for (std::size_t i = 0; i < layers.size(); ++i) {
        std::string where = "layers[" + std::to_string(i) + "]";
        if (layers[i].is_object() && layers[i].contains("name") && layers[i]["name"].is_string())
            where += " ('" + layers[i]["name"].get<std::string>() + "')";
        net.addLayer(readLayer(root.child(where), layers[i]));
    }
    if (doc.contains("outputs")) {
        std::vector<std::string> outs;
        for (const auto& t : root.array(doc["outputs"], "outputs", 1, 4096)) outs.push_back(root.string(t, "outputs[]"));
        net.setOutputs(outs);
    }
    if (auto status = net.analyse(); !status) throw FormatError(std::string(origin) + ": " + status.message);
    return net;
}

Network networkFromJsonText(std::string_view text, std::string_view origin) {
    return networkFromJson(parseJsonText(text, origin), origin);
}

Network loadNetworkFile(const std::filesystem::path& path) {
    return networkFromJsonText(readTextFile(path, kMaxNetworkFileBytes), path.string());
}

json networkToJson(const Network& net) {
    json doc;
    doc["format"] = "tessera-network";
    doc["schema_version"] = kNetworkSchemaVersion;
    doc["name"] = net.name;
    if (!net.description.empty()) doc["description"] = net.description;
    if (!net.source.empty()) doc["source"] = net.source;
    doc["inputs"] = json::array();
    for (const auto& in : net.inputs()) doc["inputs"].push_back({{"name", in.name}, {"shape", in.shape}});
    doc["layers"] = json::array();
    for (const auto& l : net.layers()) doc["layers"].push_back(layerToJson(l));
    if (!net.outputs().empty()) doc["outputs"] = net.outputs();
    return doc;
}

void saveNetworkFile(const Network& net, const std::filesystem::path& path) {
    writeTextFile(path, networkToJson(net).dump(1) + "\n");
}

}  // namespace tessera::core
