#pragma once
// The network IR: a DAG of layers connected by named tensors.
//
// Build a Network by adding inputs and layers, then call analyse(): it
// resolves tensor references, rejects cycles and dangling names, orders the
// layers topologically (LayerId = position in that order) and infers every
// tensor's shape. Metrics, views and strategies read an analysed network.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ir/layer.h"
#include "core/types.h"

namespace tessera::core {

struct NetworkInput {
    std::string name;
    Shape shape;  // NCHW, batch included
};

// Outcome of analyse(): ok, or a message naming the layer/tensor at fault.
struct AnalysisStatus {
    bool ok = true;
    std::string message;
    explicit operator bool() const { return ok; }
};

class Network {
public:
    std::string name;
    std::string description;
    std::string source;  // where the definition comes from (paper, torchvision, file)

    void addInput(std::string tensorName, Shape shape);
    LayerId addLayer(Layer layer);
    void setOutputs(std::vector<std::string> tensorNames) { m_outputs = std::move(tensorNames); m_analysed = false; }
    // Replaces the shape of an existing input (e.g. another resolution); call analyse() again.
    bool setInputShape(std::string_view tensorName, Shape shape);

    const std::vector<NetworkInput>& inputs() const { return m_inputs; }
    const std::vector<Layer>& layers() const { return m_layers; }
    const Layer& layer(LayerId id) const { return m_layers.at(static_cast<std::size_t>(id.value)); }
    std::size_t layerCount() const { return m_layers.size(); }
    // Network outputs; when none were set, analyse() uses the tensors nobody reads.
    const std::vector<std::string>& outputs() const { return m_outputs; }
    std::optional<LayerId> findLayer(std::string_view layerName) const;

    AnalysisStatus analyse();
    bool analysed() const { return m_analysed; }

    // --- valid after a successful analyse() ---
    bool hasTensor(std::string_view tensorName) const;
    const Shape& tensorShape(std::string_view tensorName) const;
    std::vector<Shape> inputShapes(LayerId id) const;
    std::vector<Shape> outputShapes(LayerId id) const;
    // Producing layer of a tensor; nullopt for a network input.
    std::optional<LayerId> producer(std::string_view tensorName) const;
    const std::vector<LayerId>& consumers(std::string_view tensorName) const;
    // Layers feeding / fed by a layer (deduplicated, in topological order).
    std::vector<LayerId> predecessors(LayerId id) const;
    std::vector<LayerId> successors(LayerId id) const;

private:
    struct TensorRecord {
        Shape shape;
        std::optional<LayerId> producer;
        std::vector<LayerId> consumers;
    };
    const TensorRecord& tensor(std::string_view tensorName) const;

    std::vector<NetworkInput> m_inputs;
    std::vector<Layer> m_layers;
    std::vector<std::string> m_outputs;
    std::map<std::string, TensorRecord, std::less<>> m_tensors;
    bool m_analysed = false;
};

}  // namespace tessera::core
