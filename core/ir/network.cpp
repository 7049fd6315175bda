#include "core/ir/network.h"

#include <algorithm>
#include <queue>
#include <set>

#include "core/ir/shape_inference.h"

namespace tessera::core {

namespace {

AnalysisStatus failure(std::string message) { return {false, std::move(message)}; }

std::string describe(const Layer& l) { return "layer '" + l.name + "' (" + opName(l) + ")"; }

std::string checkInputShape(const Shape& shape) {
    if (shape.empty()) return "has an empty shape";
    if (shape.size() > kMaxRank) return "has rank " + std::to_string(shape.size()) + ", more than " + std::to_string(kMaxRank);
    std::int64_t elements = 1;
    for (auto d : shape) {
        if (d <= 0) return "has a non-positive dimension in " + shapeToString(shape);
        if (d > kMaxDimension) return "has dimension " + std::to_string(d) + ", more than the limit " + std::to_string(kMaxDimension);
        if (elements > kMaxTensorElements / d) return "shape " + shapeToString(shape) + " is too large";
        elements *= d;
    }
    return {};
}

}  // namespace

void Network::addInput(std::string tensorName, Shape shape) {
    m_inputs.push_back({std::move(tensorName), std::move(shape)});
    m_analysed = false;
}

LayerId Network::addLayer(Layer layer) {
    if (layer.outputs.empty()) layer.outputs.push_back(layer.name);
    m_layers.push_back(std::move(layer));
    m_analysed = false;
    return LayerId{static_cast<int>(m_layers.size() - 1)};
}

bool Network::setInputShape(std::string_view tensorName, Shape shape) {
    for (auto& in : m_inputs) {
        if (in.name == tensorName) {
            in.shape = std::move(shape);
            m_analysed = false;
            return true;
        }
    }
    return false;
}

std::optional<LayerId> Network::findLayer(std::string_view layerName) const {
    for (std::size_t i = 0; i < m_layers.size(); ++i)
        if (m_layers[i].name == layerName) return LayerId{static_cast<int>(i)};
    return std::nullopt;
}

AnalysisStatus Network::analyse() {
    m_analysed = false;
    m_tensors.clear();
    if (m_inputs.empty()) return failure("the network has no inputs");
    if (m_layers.empty()) return failure("the network has no layers");
    if (m_layers.size() > kMaxLayers) return failure("the network has more than " + std::to_string(kMaxLayers) + " layers");

    std::map<std::string, std::optional<std::size_t>, std::less<>> producerOf;  // nullopt = network input
    for (const auto& in : m_inputs) {
        if (in.name.empty()) return failure("a network input has an empty name");
        if (auto e = checkInputShape(in.shape); !e.empty()) return failure("input '" + in.name + "' " + e);
        if (!producerOf.emplace(in.name, std::nullopt).second) return failure("input '" + in.name + "' is declared twice");
    }
    std::set<std::string, std::less<>> layerNames;
    for (std::size_t i = 0; i < m_layers.size(); ++i) {
        const Layer& l = m_layers[i];
        if (l.name.empty()) return failure("layer #" + std::to_string(i) + " has an empty name");
        if (!layerNames.insert(l.name).second) return failure("layer name '" + l.name + "' is used twice");
        if (l.inputs.empty()) return failure(describe(l) + " has no inputs");
        for (const auto& t : l.outputs) {
            if (t.empty()) return failure(describe(l) + " has an output with an empty name");
            auto [it, inserted] = producerOf.emplace(t, i);
            if (!inserted) {
                const std::string other = it->second ? "layer '" + m_layers[*it->second].name + "'" : std::string("a network input");
                return failure("tensor '" + t + "' is written by both " + other + " and " + describe(l));
            }
        }
    }

    // Kahn's algorithm, taking ready layers in file order so the result is stable.
    const std::size_t n = m_layers.size();
    std::vector<int> pending(n, 0);
    std::vector<std::vector<std::size_t>> dependants(n);
    for (std::size_t i = 0; i < n; ++i) {
        for (const auto& t : m_layers[i].inputs) {
            auto it = producerOf.find(t);
            if (it == producerOf.end()) return failure(describe(m_layers[i]) + " reads unknown tensor '" + t + "'");
            if (it->second) {
                if (*it->second == i) return failure(describe(m_layers[i]) + " reads its own output '" + t + "'");
                ++pending[i];
                dependants[*it->second].push_back(i);
            }
        }
    }
    std::priority_queue<std::size_t, std::vector<std::size_t>, std::greater<>> ready;
    for (std::size_t i = 0; i < n; ++i)
        if (pending[i] == 0) ready.push(i);
    std::vector<std::size_t> order;
    order.reserve(n);
    while (!ready.empty()) {
        const std::size_t i = ready.top();
        ready.pop();
        order.push_back(i);
        for (auto d : dependants[i])
            if (--pending[d] == 0) ready.push(d);
    }
    if (order.size() != n) {
        std::string names;
        int listed = 0;
        for (std::size_t i = 0; i < n && listed < 5; ++i) {
            if (pending[i] > 0) {
                names += (listed++ ? ", '" : "'") + m_layers[i].name + "'";
            }
        }
        return failure("the graph has a cycle through layers " + names);
    }
    std::vector<Layer> sorted;
    sorted.reserve(n);
    for (auto i : order) sorted.push_back(std::move(m_layers[i]));
    m_layers = std::move(sorted);

    for (const auto& in : m_inputs) m_tensors[in.name].shape = in.shape;
    for (std::size_t i = 0; i < n; ++i) {
        const Layer& l = m_layers[i];
        const LayerId id{static_cast<int>(i)};
        std::vector<Shape> ins;
        for (const auto& t : l.inputs) {
            TensorRecord& rec = m_tensors[t];
            ins.push_back(rec.shape);
            if (std::find(rec.consumers.begin(), rec.consumers.end(), id) == rec.consumers.end()) rec.consumers.push_back(id);
        }
        ShapeResult r = inferLayerShapes(l, ins);
        if (!r.ok()) {
            std::string inShapes;
            for (const auto& s : ins) inShapes += (inShapes.empty() ? "" : ", ") + shapeToString(s);
            return failure(describe(l) + " with input " + inShapes + ": " + r.error);
        }
        if (r.outputs.size() != l.outputs.size())
            return failure(describe(l) + " produces " + std::to_string(r.outputs.size()) + " tensors but names " + std::to_string(l.outputs.size()));
        for (std::size_t o = 0; o < l.outputs.size(); ++o) {
            TensorRecord& rec = m_tensors[l.outputs[o]];
            rec.shape = r.outputs[o];
            rec.producer = id;
        }
    }

    if (m_outputs.empty()) {
        for (const auto& l : m_layers)
            for (const auto& t : l.outputs)
                if (m_tensors[t].consumers.empty()) m_outputs.push_back(t);
    } else {
        for (const auto& t : m_outputs)
            if (!m_tensors.count(t)) return failure("network output '" + t + "' is not a tensor of the network");
    }
    m_analysed = true;
    return {};
}

const Network::TensorRecord& Network::tensor(std::string_view tensorName) const {
    auto it = m_tensors.find(tensorName);
    if (it == m_tensors.end()) throw std::out_of_range("unknown tensor '" + std::string(tensorName) + "'");
    return it->second;
}

bool Network::hasTensor(std::string_view tensorName) const { return m_tensors.find(tensorName) != m_tensors.end(); }

const Shape& Network::tensorShape(std::string_view tensorName) const { return tensor(tensorName).shape; }

std::vector<Shape> Network::inputShapes(LayerId id) const {
    std::vector<Shape> shapes;
    for (const auto& t : layer(id).inputs) shapes.push_back(tensorShape(t));
    return shapes;
}

std::vector<Shape> Network::outputShapes(LayerId id) const {
    std::vector<Shape> shapes;
    for (const auto& t : layer(id).outputs) shapes.push_back(tensorShape(t));
    return shapes;
}

std::optional<LayerId> Network::producer(std::string_view tensorName) const { return tensor(tensorName).producer; }

const std::vector<LayerId>& Network::consumers(std::string_view tensorName) const { return tensor(tensorName).consumers; }

std::vector<LayerId> Network::predecessors(LayerId id) const {
    std::vector<LayerId> out;
    for (const auto& t : layer(id).inputs)
        if (auto p = producer(t)) out.push_back(*p);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::vector<LayerId> Network::successors(LayerId id) const {
    std::vector<LayerId> out;
    for (const auto& t : layer(id).outputs)
        for (auto c : consumers(t)) out.push_back(c);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace tessera::core
