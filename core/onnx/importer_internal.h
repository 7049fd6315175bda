#pragma once
// Internal to the ONNX importer: the state of one import. import.cpp
// checks the model, sorts it, classifies its tensors and assembles the
// result; walk.cpp walks the nodes; ops.cpp and ops_shape.cpp
// map each node that reads an activation to IR layers.

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <string>
#include <vector>

#include "core/onnx/onnx_import.h"
#include "core/onnx/proto_access_internal.h"

namespace tessera::core::onnxio {

// An operator the IR cannot express, or a configuration of one it cannot.
class Unsupported : public NodeError {
public:
    using NodeError::NodeError;
};

// What the importer knows about one ONNX value.
struct TensorState {
    enum class Kind {
        Dynamic,      // an activation: IR tensor `irName` of shape `shape`
        Static,       // a weight or constant: `shape` when known, values when small and known
        Unavailable,  // produced by a node that could not be imported (`blame`)
    };
    Kind kind = Kind::Unavailable;
    std::string irName;
    std::optional<Shape> shape;
    std::optional<ConstTensor> value;
    const onnx::TensorProto* initializer = nullptr;  // values read lazily, only when needed
    bool valueRead = false;
    std::string blame;  // label of the node whose failure made this unavailable
};

class Importer {
public:
    Importer(onnx::ModelProto& model, std::string origin);
    OnnxImportResult run();

private:
    // --- import.cpp: whole-model steps
    [[noreturn]] void fail(const std::string& problem) const;
    void checkModel();
    void sortNodes();
    void classifyInputs();
    void collectDeclaredShapes();
    void nameNodes();
    void assemble();
    void compareWithDeclared();
    void warn(std::string message);
    // Shape of a graph input; nullopt for a weight input of unknown shape.
    std::optional<Shape> declaredShape(const onnx::ValueInfoProto& vi, bool dataInput);

    // --- walk.cpp: the walk over the nodes
    void importNode(std::size_t index);
    void foldStaticNode(const onnx::NodeProto& node);
    void handleFailure(std::size_t index, const std::string& message);
    // Output shapes of one node by ONNX's shape inference, run on a model of
    // that node alone with the inputs' known shapes (and small constant
    // values), after checking the attributes that libonnx trusts blindly.
    // Entries are nullopt where ONNX cannot tell.
    std::vector<std::optional<Shape>> inferWithOnnx(const onnx::NodeProto& node);

    // --- ops.cpp: dispatch, and the operators that compute
    void mapNode(const onnx::NodeProto& node);
    void mapConv(const onnx::NodeProto& node);
    void mapPool(const onnx::NodeProto& node, OpKind kind);
    void mapGemm(const onnx::NodeProto& node);
    void mapMatMul(const onnx::NodeProto& node);
    void mapBatchNorm(const onnx::NodeProto& node);
    void mapActivation(const onnx::NodeProto& node);
    // Replaces a node that could not be mapped when the rest of the graph can
    // still be imported: an Identity layer when its output has its input's
    // shape, otherwise an extra network input of the output's (ONNX-inferred)
    // shape. Returns a description of what was done, or nullopt.
    std::optional<std::string> standIn(const onnx::NodeProto& node);

    // --- ops_shape.cpp: element-wise and shape operators
    void mapElementwise(const onnx::NodeProto& node, OpKind kind);
    void mapConcat(const onnx::NodeProto& node);
    void mapSplit(const onnx::NodeProto& node);
    void mapSlice(const onnx::NodeProto& node);
    void mapReshape(const onnx::NodeProto& node);
    void mapSqueeze(const onnx::NodeProto& node, bool unsqueeze);
    void mapFlatten(const onnx::NodeProto& node);
    void mapPad(const onnx::NodeProto& node);
    void mapReduce(const onnx::NodeProto& node);
    void mapGather(const onnx::NodeProto& node);
    void mapShapeOf(const onnx::NodeProto& node);

    // --- helpers (ops.cpp), shared by all the files
    const std::string& label(const onnx::NodeProto& node) const;  // the layer name of a node
    std::string describe(const onnx::NodeProto& node) const;      // "node 'x' (op Conv)"
    TensorState* input(const onnx::NodeProto& node, int i);       // null when absent
    const TensorState& dynamicInput(const onnx::NodeProto& node, int i);
    std::optional<Shape> staticShape(const onnx::NodeProto& node, int i);
    const ConstTensor* valueOf(TensorState& t);
    std::vector<std::int64_t> constInts(const onnx::NodeProto& node, int i, const char* what);
    std::optional<std::vector<std::int64_t>> optionalConstInts(const onnx::NodeProto& node, int i, const char* what);
    bool isUsed(const std::string& onnxName) const;
    void requireUnusedExtraOutputs(const onnx::NodeProto& node, int from);
    std::string uniqueTensorName(const std::string& wanted);
    std::string uniqueLayerName(const std::string& wanted);
    std::string uniqueName(std::set<std::string, std::less<>>& taken, const std::string& wanted);
    // Adds a layer (inputs and outputs are IR tensor names); checks it with
    // the IR's shape inference and throws NodeError if the IR rejects it.
    std::vector<Shape> addLayer(Layer layer);
    // Adds the single layer of a node, writing the node's first output.
    void emit(const onnx::NodeProto& node, Layer layer);
    // Adds a chain of layers for one node: every layer but the last reads
    // the previous layer's output; the last writes the node's first output.
    void emitChain(const onnx::NodeProto& node, std::vector<Layer> chain);
    void bindDynamic(const std::string& onnxName, const std::string& irName, const Shape& shape);
    void bindStatic(const std::string& onnxName, std::optional<Shape> shape, std::optional<ConstTensor> value);
    Layer makeLayer(const onnx::NodeProto& node, OpKind op) const;
    std::optional<Shape> onnxShape(const std::string& onnxName) const;  // fully known shape declared in the file

    onnx::ModelProto& m_model;
    const onnx::GraphProto& m_graph;
    std::string m_origin;
    int m_opset = 0;
    std::vector<std::size_t> m_order;  // node indices, topological
    std::map<std::string, TensorState, std::less<>> m_tensors;
    std::map<std::string, std::vector<std::int64_t>, std::less<>> m_onnxShapes;  // declared (value_info, outputs); -1 = unknown dim
    std::map<std::string, int, std::less<>> m_uses;  // consumers (graph outputs count too)
    std::set<std::string, std::less<>> m_graphOutputs;
    std::vector<std::string> m_dataInputs;
    std::map<std::string, Shape, std::less<>> m_dataInputShapes;
    std::vector<std::string> m_labels;  // per node index
    std::unordered_map<const onnx::NodeProto*, std::size_t> m_nodeIndex;
    std::set<std::string, std::less<>> m_layerNames, m_tensorNames;
    std::map<std::string, int, std::less<>> m_nextSuffix;
    std::vector<Layer> m_layers;
    std::map<std::string, Shape, std::less<>> m_irShapes;
    std::map<std::string, std::vector<std::string>> m_dropped;  // blame label -> dropped node labels
    std::vector<std::string> m_blameOrder;
    std::size_t m_importedNodes = 0;
    std::size_t m_suppressedWarnings = 0;
    OnnxImportResult m_result;
};

}  // namespace tessera::core::onnxio
