// ONNX import, whole-model steps: parsing, structural checks (caps, cycles,
// undefined tensors), classification of graph inputs into data and weights,
// the shapes the file declares, node labels, and the assembly of the Network.
// The walk over the nodes (with constant folding of static subgraphs and
// ONNX's per-node shape inference) is in walk.cpp; the per-node mapping
// to IR layers in ops.cpp and ops_shape.cpp.

#include <algorithm>
#include <deque>
#include <fstream>
#include <functional>
#include <sstream>

#include "core/onnx/importer_internal.h"
#include "core/ir/shape_inference.h"

namespace tessera::core {

namespace onnxio {

namespace {

constexpr int kMaxNodeInputs = 1 << 16;
constexpr std::size_t kMaxListedNames = 8;
constexpr std::size_t kMaxWarnings = 100;

// Input slots that hold weights or shape parameters rather than activations.
bool isWeightSlot(const std::string& op, int slot) {
    if (slot <= 0) return op == "ConstantOfShape";
    static const std::set<std::string, std::less<>> kAnySlot = {
        "Conv", "ConvTranspose", "Gemm", "BatchNormalization", "InstanceNormalization", "LayerNormalization",
        "GroupNormalization", "PRelu", "Reshape", "Expand", "Tile", "Split", "Squeeze", "Unsqueeze", "Slice",
        "Pad", "Clip", "Resize", "Upsample", "ReduceMean", "ReduceSum", "ReduceMax", "ReduceMin", "ReduceProd",
        "TopK", "Gather", "QuantizeLinear", "DequantizeLinear"};
    if (kAnySlot.count(op)) return true;
    if (slot == 1) return op == "MatMul" || op == "Add" || op == "Sub" || op == "Mul" || op == "Div";
    return false;
}

std::string listNames(const std::vector<std::string>& names) {
    std::string s;
    for (std::size_t i = 0; i < names.size() && i < kMaxListedNames; ++i) s += (i ? ", '" : "'") + names[i] + "'";
    if (names.size() > kMaxListedNames) s += " and " + std::to_string(names.size() - kMaxListedNames) + " more";
    return s;
}

}  // namespace

Importer::Importer(onnx::ModelProto& model, std::string origin)
    : m_model(model), m_graph(model.graph()), m_origin(std::move(origin)) {}

void Importer::fail(const std::string& problem) const { throw FormatError(m_origin + ": " + problem); }

void Importer::warn(std::string message) {
    if (m_result.warnings.size() < kMaxWarnings) m_result.warnings.push_back(std::move(message));
    else ++m_suppressedWarnings;
}

OnnxImportResult Importer::run() {
    checkModel();
    sortNodes();
    classifyInputs();
    collectDeclaredShapes();
    nameNodes();
    for (std::size_t index : m_order) importNode(index);
    assemble();
    compareWithDeclared();
    if (m_suppressedWarnings)
        m_result.warnings.push_back(std::to_string(m_suppressedWarnings) + " more warnings like these were left out");
    return std::move(m_result);
}

// ------------------------------------------------------------------ checks

void Importer::checkModel() {
    if (!m_model.has_graph()) fail("the model has no graph (not an ONNX model, or an empty one)");
    bool haveOpset = false;
    for (const auto& o : m_model.opset_import()) {
        if (isDefaultDomain(o.domain())) {
            haveOpset = true;
            m_opset = static_cast<int>(std::clamp<std::int64_t>(o.version(), 0, 1000000));
        }
    }
    if (!haveOpset) fail("the model declares no ai.onnx opset (opset_import is missing)");
    if (m_opset < 1 || m_opset > 1000) fail("the model declares ai.onnx opset " + std::to_string(m_opset) + ", which does not exist");
    m_result.opsetVersion = m_opset;
    m_result.producer = m_model.producer_name();
    if (!m_model.producer_version().empty())
        m_result.producer += (m_result.producer.empty() ? "" : " ") + m_model.producer_version();

    if (m_graph.node_size() == 0) fail("the graph has no nodes");
    if (static_cast<std::size_t>(m_graph.node_size()) > kMaxLayers)
        fail("the graph has " + std::to_string(m_graph.node_size()) + " nodes, more than the limit " + std::to_string(kMaxLayers));
    if (m_graph.input_size() == 0) fail("the graph has no inputs");
    if (m_graph.output_size() == 0) fail("the graph has no outputs");

    for (int n = 0; n < m_graph.node_size(); ++n) {
        const auto& node = m_graph.node(n);
        const std::string who = "node " + std::to_string(n) + (node.name().empty() ? "" : " '" + node.name() + "'") +
                                " (op " + node.op_type() + ")";
        if (node.op_type().empty()) fail(who + " has no operator");
        if (node.input_size() > kMaxNodeInputs || node.output_size() > kMaxNodeInputs)
            fail(who + " has " + std::to_string(std::max(node.input_size(), node.output_size())) + " inputs or outputs, more than " +
                 std::to_string(kMaxNodeInputs));
        if (node.attribute_size() > kMaxAttrListLength) fail(who + " has " + std::to_string(node.attribute_size()) + " attributes");
        for (const auto& a : node.attribute()) {
            const int longest = std::max({a.ints_size(), a.floats_size(), a.strings_size(), a.tensors_size(), a.graphs_size()});
            if (longest > kMaxAttrListLength)
                fail(who + ": attribute '" + a.name() + "' has " + std::to_string(longest) + " values, more than the limit " +
                     std::to_string(kMaxAttrListLength));
            if (a.has_t()) {
                try {
                    tensorDims(a.t());
                } catch (const NodeError& e) {
                    fail(who + ": attribute '" + a.name() + "': " + e.what());
                }
            }
        }
    }
}

void Importer::sortNodes() {
    // Which tensors exist before any node runs, and which node writes each one.
    std::set<std::string, std::less<>> defined;
    for (const auto& t : m_graph.initializer()) {
        if (t.name().empty()) fail("an initializer has no name");
        try {
            tensorDims(t);
        } catch (const NodeError& e) {
            fail(std::string("initializer: ") + e.what());
        }
        defined.insert(t.name());
    }
    for (const auto& in : m_graph.input()) {
        if (in.name().empty()) fail("a graph input has no name");
        defined.insert(in.name());
    }
    std::map<std::string, std::size_t, std::less<>> producer;
    const auto n = static_cast<std::size_t>(m_graph.node_size());
    for (std::size_t i = 0; i < n; ++i) {
        const auto& node = m_graph.node(static_cast<int>(i));
        for (const auto& out : node.output()) {
            if (out.empty()) continue;
            if (defined.count(out))
                fail(describe(node) + " writes tensor '" + out + "', which is also a graph input or initializer");
            if (!producer.emplace(out, i).second)
                fail("tensor '" + out + "' is written by two nodes: " + describe(m_graph.node(static_cast<int>(producer[out]))) +
                     " and " + describe(node));
        }
    }
    // Kahn's algorithm, taking ready nodes in file order.
    std::vector<int> pending(n, 0);
    std::vector<std::vector<std::size_t>> dependants(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto& node = m_graph.node(static_cast<int>(i));
        for (const auto& in : node.input()) {
            if (in.empty()) continue;
            ++m_uses[in];
            if (auto it = producer.find(in); it != producer.end()) {
                ++pending[i];
                dependants[it->second].push_back(i);
            } else if (!defined.count(in)) {
                fail(describe(node) + " reads tensor '" + in + "', which no node, graph input or initializer defines");
            }
        }
    }
    for (const auto& out : m_graph.output()) {
        if (!producer.count(out.name()) && !defined.count(out.name()))
            fail("graph output '" + out.name() + "' is not defined by any node or input");
        ++m_uses[out.name()];
        m_graphOutputs.insert(out.name());
    }
    std::deque<std::size_t> ready;
    for (std::size_t i = 0; i < n; ++i)
        if (pending[i] == 0) ready.push_back(i);
    while (!ready.empty()) {
        const std::size_t i = ready.front();
        ready.pop_front();
        m_order.push_back(i);
        for (auto d : dependants[i])
            if (--pending[d] == 0) ready.push_back(d);
    }
    if (m_order.size() != n) {
        std::vector<std::string> names;
        for (std::size_t i = 0; i < n; ++i)
            if (pending[i] > 0) {
                const auto& node = m_graph.node(static_cast<int>(i));
                names.push_back(node.name().empty() ? node.op_type() + " #" + std::to_string(i) : node.name());
            }
        fail("the graph has a cycle: " + std::to_string(names.size()) + " nodes wait on each other (" + listNames(names) + ")");
    }
}

std::optional<Shape> Importer::declaredShape(const onnx::ValueInfoProto& vi, bool dataInput) {
    const std::string who = "input '" + vi.name() + "'";
    if (!vi.type().has_tensor_type()) {
        if (dataInput) fail(who + " is not a tensor");
        return std::nullopt;
    }
    const auto& tt = vi.type().tensor_type();
    if (!tt.has_shape()) {
        if (dataInput) fail(who + " has no shape");
        return std::nullopt;
    }
    const auto& dims = tt.shape().dim();
    if (dims.size() > static_cast<int>(kMaxRank)) fail(who + " has rank " + std::to_string(dims.size()) + ", more than " + std::to_string(kMaxRank));
    Shape shape;
    bool unknown = false;
    for (int i = 0; i < dims.size(); ++i) {
        const auto& d = dims[i];
        if (d.has_dim_value()) {
            const std::int64_t v = d.dim_value();
            if (v < 0) fail(who + " has a negative dimension " + std::to_string(v) + " at axis " + std::to_string(i));
            if (v > kMaxDimension)
                fail(who + " has dimension " + std::to_string(v) + " at axis " + std::to_string(i) + ", more than the limit " +
                     std::to_string(kMaxDimension));
            if (v == 0 && dataInput) fail(who + " has a zero dimension at axis " + std::to_string(i));
            shape.push_back(v);
            continue;
        }
        const std::string sym = d.has_dim_param() && !d.dim_param().empty() ? "'" + d.dim_param() + "'" : "(unnamed)";
        if (!dataInput) {
            unknown = true;
            shape.push_back(-1);
        } else if (i == 0) {
            warn(who + ": symbolic batch dimension " + sym + " set to 1");
            shape.push_back(1);
        } else {
            fail(who + " has a symbolic dimension " + sym + " at axis " + std::to_string(i) +
                 "; Tessera needs fixed sizes except for the batch");
        }
    }
    if (dataInput && shape.empty()) fail(who + " is a scalar; Tessera needs a tensor input");
    if (unknown) return std::nullopt;
    std::int64_t elements = 1;
    for (auto v : shape) {
        if (v > 0 && elements > kMaxTensorElements / v) fail(who + " shape " + shapeToString(shape) + " is too large");
        elements *= std::max<std::int64_t>(v, 1);
    }
    return shape;
}

void Importer::classifyInputs() {
    std::map<std::string, const onnx::TensorProto*, std::less<>> inits;
    for (const auto& t : m_graph.initializer()) inits[t.name()] = &t;
    for (const auto& [name, t] : inits) {
        TensorState s;
        s.kind = TensorState::Kind::Static;
        s.shape = tensorDims(*t);  // checked in sortNodes
        s.initializer = t;
        m_tensors[name] = std::move(s);
    }
    // Consumers of each tensor, to tell weights fed as graph inputs
    // (export_params=False) from data inputs.
    std::map<std::string, std::vector<std::pair<const onnx::NodeProto*, int>>, std::less<>> consumers;
    for (const auto& node : m_graph.node())
        for (int i = 0; i < node.input_size(); ++i)
            if (!node.input(i).empty()) consumers[node.input(i)].push_back({&node, i});
    std::function<bool(const std::string&, int)> onlyWeightUses = [&](const std::string& name, int depth) {
        if (depth > 8) return false;
        if (m_graphOutputs.count(name)) return false;
        auto it = consumers.find(name);
        if (it == consumers.end()) return true;
        for (const auto& [node, slot] : it->second) {
            if (node->op_type() == "Identity" || node->op_type() == "Cast") {
                if (!onlyWeightUses(node->output(0), depth + 1)) return false;
            } else if (!isWeightSlot(node->op_type(), slot)) {
                return false;
            }
        }
        return true;
    };
    bool first = true;
    for (auto& vi : *m_model.mutable_graph()->mutable_input()) {
        if (inits.count(vi.name())) continue;  // an initializer listed as input
        const bool data = first || !onlyWeightUses(vi.name(), 0);
        first = false;
        if (!data) {
            TensorState s;
            s.kind = TensorState::Kind::Static;
            s.shape = declaredShape(vi, false);
            m_tensors[vi.name()] = std::move(s);
            continue;
        }
        if (m_dataInputShapes.count(vi.name())) fail("input '" + vi.name() + "' is declared twice");
        const Shape shape = *declaredShape(vi, true);
        // Fix symbolic dimensions in the model too, for ONNX's shape inference.
        auto* dims = vi.mutable_type()->mutable_tensor_type()->mutable_shape()->mutable_dim();
        for (int i = 0; i < dims->size(); ++i) (*dims)[i].set_dim_value(shape[static_cast<std::size_t>(i)]);
        m_dataInputs.push_back(vi.name());
        m_dataInputShapes[vi.name()] = shape;
        m_tensorNames.insert(vi.name());
        bindDynamic(vi.name(), vi.name(), shape);
    }
    if (m_dataInputs.empty()) fail("the graph has no data input (every input is a weight)");
}

void Importer::collectDeclaredShapes() {
    // Shapes the file declares (value_info, graph outputs). ONNX's whole-model
    // shape inference is deliberately not run: libonnx 1.12 trusts attribute
    // values (a zero stride divides by zero, a repeated perm entry crashes).
    auto collect = [&](const onnx::ValueInfoProto& vi) {
        if (!vi.type().has_tensor_type() || !vi.type().tensor_type().has_shape()) return;
        const auto& dims = vi.type().tensor_type().shape().dim();
        if (dims.size() > static_cast<int>(kMaxRank)) return;
        std::vector<std::int64_t> shape;
        for (int i = 0; i < dims.size(); ++i) {
            const auto& d = dims[i];
            if (d.has_dim_value() && d.dim_value() > 0 && d.dim_value() <= kMaxDimension) shape.push_back(d.dim_value());
            else if (i == 0 && !d.has_dim_value()) shape.push_back(1);  // a symbolic batch, set to 1 like the inputs
            else shape.push_back(-1);
        }
        m_onnxShapes[vi.name()] = std::move(shape);
    };
    for (const auto& vi : m_graph.value_info()) collect(vi);
    for (const auto& vi : m_graph.output()) collect(vi);
}

void Importer::nameNodes() {
    m_labels.resize(static_cast<std::size_t>(m_graph.node_size()));
    for (std::size_t i : m_order) {
        const auto& node = m_graph.node(static_cast<int>(i));
        m_nodeIndex[&node] = i;
        std::string wanted = node.name();
        while (!wanted.empty() && wanted.front() == '/') wanted.erase(wanted.begin());
        if (wanted.empty()) wanted = node.op_type() + "_" + std::to_string(i);
        m_labels[i] = uniqueLayerName(wanted);
    }
}

// ---------------------------------------------------------------- assembly

void Importer::assemble() {
    for (const auto& blame : m_blameOrder) {
        const auto& list = m_dropped[blame];
        warn(std::to_string(list.size()) + " node(s) that depend on '" + blame + "' were left out: " + listNames(list));
    }
    Network& net = m_result.network;
    std::filesystem::path p(m_origin);
    net.name = p.has_stem() && (m_origin.find('/') != std::string::npos || p.extension() == ".onnx") ? p.stem().string() : m_origin;
    if (net.name.empty()) net.name = "onnx";
    net.source = "ONNX model " + m_origin + " (opset " + std::to_string(m_opset) +
                 (m_result.producer.empty() ? "" : ", " + m_result.producer) + ")";
    if (!m_model.doc_string().empty()) net.description = m_model.doc_string().substr(0, 1000);
    if (m_layers.empty()) {
        fail("no layer could be imported" +
             (m_result.warnings.empty() ? std::string() : ": " + m_result.warnings.front()));
    }
    for (const auto& name : m_dataInputs) net.addInput(name, m_dataInputShapes.at(name));
    for (auto& layer : m_layers) net.addLayer(std::move(layer));
    m_layers.clear();
    std::vector<std::string> outputs;
    for (const auto& vi : m_graph.output()) {
        const TensorState& s = m_tensors.at(vi.name());
        if (s.kind == TensorState::Kind::Dynamic && m_irShapes.count(s.irName) &&
            std::find(outputs.begin(), outputs.end(), s.irName) == outputs.end() &&
            !m_dataInputShapes.count(s.irName))
            outputs.push_back(s.irName);
    }
    net.setOutputs(outputs);
    if (AnalysisStatus st = net.analyse(); !st) fail("the imported network is inconsistent: " + st.message);
}

void Importer::compareWithDeclared() {
    int reported = 0, more = 0;
    for (const auto& [name, s] : m_tensors) {
        if (s.kind != TensorState::Kind::Dynamic || !s.shape) continue;
        const auto known = onnxShape(name);
        if (!known || *known == *s.shape) continue;
        if (reported < 5) {
            warn("tensor '" + name + "': Tessera computes shape " + shapeToString(*s.shape) + " but the file declares " +
                 shapeToString(*known));
            ++reported;
        } else {
            ++more;
        }
    }
    if (more) warn(std::to_string(more) + " more tensors whose declared shapes differ from Tessera's");
}

}  // namespace onnxio

// --------------------------------------------------------------- public API

OnnxImportResult importOnnxBytes(std::string_view bytes, std::string_view origin) {
    const std::string where(origin);
    if (bytes.empty()) throw FormatError(where + ": the file is empty");
    if (bytes.size() > kMaxOnnxFileBytes) throw FormatError(where + ": the file is larger than 2 GiB");
    onnx::ModelProto model;
    if (!model.ParseFromArray(bytes.data(), static_cast<int>(bytes.size())))
        throw FormatError(where + ": not an ONNX model: the protobuf data cannot be parsed (truncated or corrupt file?)");
    try {
        return onnxio::Importer(model, where).run();
    } catch (const FormatError&) {
        throw;
    } catch (const onnxio::NodeError& e) {
        throw FormatError(where + ": " + e.what());
    } catch (const std::bad_alloc&) {
        throw FormatError(where + ": out of memory while importing");
    } catch (const std::exception& e) {
        throw FormatError(where + ": " + e.what());
    }
}

OnnxImportResult importOnnxFile(const std::filesystem::path& path) {
    const std::string where = path.string();
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) throw FormatError(where + ": no such file");
    if (!std::filesystem::is_regular_file(path, ec)) throw FormatError(where + ": not a regular file");
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) throw FormatError(where + ": cannot read the file size: " + ec.message());
    if (size > kMaxOnnxFileBytes) throw FormatError(where + ": the file is larger than 2 GiB");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw FormatError(where + ": cannot open the file");
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    if (static_cast<std::uintmax_t>(in.gcount()) != size) throw FormatError(where + ": cannot read the file");
    return importOnnxBytes(bytes, where);
}

}  // namespace tessera::core
