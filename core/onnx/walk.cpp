// ONNX import, the walk over the nodes in topological order: a node
// downstream of a failure is dropped and blamed on it, a node with only
// constant inputs is folded (fold.cpp) or at least given a shape, and
// any other node is mapped to IR layers (ops.cpp), a failure becoming a
// warning and, where possible, a stand-in. Also ONNX's shape inference run on
// one node at a time, for shapes the file does not declare.

#include <algorithm>
#include <functional>
#include <set>

#include <onnx/defs/schema.h>
#include <onnx/shape_inference/implementation.h>

#include "core/onnx/importer_internal.h"
#include "core/ir/shape_inference.h"

namespace tessera::core::onnxio {

namespace {

// Attribute values that libonnx's shape inference functions divide by or
// index with without checking.
bool attributesLookSane(const onnx::NodeProto& node) {
    for (const auto& a : node.attribute()) {
        if (a.type() == onnx::AttributeProto::GRAPH || a.type() == onnx::AttributeProto::GRAPHS || a.has_g() || a.graphs_size())
            return false;
        const std::string& n = a.name();
        std::vector<std::int64_t> v(a.ints().begin(), a.ints().end());
        if (a.has_i()) v.push_back(a.i());
        const bool positive = n == "strides" || n == "dilations" || n == "kernel_shape" || n == "group" || n == "blocksize" ||
                              n == "size" || n == "num_outputs";
        const bool nonNegative = n == "pads" || n == "output_padding" || n == "output_shape" || n == "split";
        for (auto x : v) {
            if (positive && (x <= 0 || x > kMaxDimension)) return false;
            if (nonNegative && (x < 0 || x > kMaxDimension)) return false;
            if ((n == "axis" || n == "axes") && (x < -64 || x > 64)) return false;
        }
        if (n == "perm") {
            std::vector<std::int64_t> sorted = v;
            std::sort(sorted.begin(), sorted.end());
            for (std::size_t i = 0; i < sorted.size(); ++i)
                if (sorted[i] != static_cast<std::int64_t>(i)) return false;
        }
    }
    return true;
}

// ONNX's own inference trusts that a node matches its operator's schema and,
// for the convolution family, that the data and weight ranks agree: a node
// that breaks either made it read out of bounds (a ConvTranspose with a rank-1
// weight crashed the process). Such a node gets no inferred shape.
bool safeForOnnxInference(const onnx::NodeProto& node, int opset,
                          const std::function<const std::optional<Shape>*(const std::string&)>& shapeOf) {
    const onnx::OpSchema* schema = onnx::OpSchemaRegistry::Schema(node.op_type(), opset, node.domain());
    if (!schema) return false;
    try {
        schema->Verify(node);
    } catch (const std::exception&) {
        return false;
    }
    int weight = -1;
    if (node.op_type() == "Conv" || node.op_type() == "ConvTranspose" || node.op_type() == "ConvInteger" ||
        node.op_type() == "DeformConv")
        weight = 1;
    else if (node.op_type() == "QLinearConv")
        weight = 3;
    if (weight < 0) return true;
    if (node.input_size() <= weight) return false;
    const std::optional<Shape>* x = shapeOf(node.input(0));
    const std::optional<Shape>* w = shapeOf(node.input(weight));
    return x && w && *x && *w && (*x)->size() >= 3 && (*w)->size() == (*x)->size();
}

}  // namespace

std::vector<std::optional<Shape>> Importer::inferWithOnnx(const onnx::NodeProto& node) {
    std::vector<std::optional<Shape>> result(static_cast<std::size_t>(node.output_size()));
    if (!attributesLookSane(node)) return result;
    const auto shapeOf = [this](const std::string& name) -> const std::optional<Shape>* {
        auto it = m_tensors.find(name);
        return it == m_tensors.end() ? nullptr : &it->second.shape;
    };
    if (!safeForOnnxInference(node, m_opset, shapeOf)) return result;
    onnx::ModelProto mini;
    mini.set_ir_version(m_model.ir_version() > 0 ? m_model.ir_version() : 8);
    for (const auto& o : m_model.opset_import()) *mini.add_opset_import() = o;
    auto* g = mini.mutable_graph();
    g->set_name("node");
    *g->add_node() = node;
    std::set<std::string, std::less<>> seen;
    for (int i = 0; i < node.input_size(); ++i) {
        const std::string& name = node.input(i);
        if (name.empty() || !seen.insert(name).second) continue;
        TensorState& t = m_tensors.at(name);
        const ConstTensor* value = nullptr;
        if (t.kind == TensorState::Kind::Static) {
            try {
                value = valueOf(t);
            } catch (const NodeError&) {
                value = nullptr;
            }
        }
        if (value) {
            auto* init = g->add_initializer();
            init->set_name(name);
            for (auto d : value->shape) init->add_dims(d);
            if (value->isFloat) {
                init->set_data_type(onnx::TensorProto::FLOAT);
                for (double r : value->reals) init->add_float_data(static_cast<float>(r));
            } else {
                init->set_data_type(onnx::TensorProto::INT64);
                for (auto x : value->ints) init->add_int64_data(x);
            }
        }
        auto* vi = g->add_input();
        vi->set_name(name);
        auto* tt = vi->mutable_type()->mutable_tensor_type();
        int elemType = onnx::TensorProto::FLOAT;
        if (value && !value->isFloat) elemType = onnx::TensorProto::INT64;
        else if (t.initializer) elemType = t.initializer->data_type();
        tt->set_elem_type(elemType);
        if (t.shape) {
            auto* shape = tt->mutable_shape();
            for (auto d : *t.shape) shape->add_dim()->set_dim_value(d);
        }
    }
    for (const auto& out : node.output())
        if (!out.empty()) g->add_output()->set_name(out);
    try {
        onnx::ShapeInferenceOptions options(false, 0, false);
        onnx::shape_inference::InferShapes(mini, onnx::OpSchemaRegistry::Instance(), options);
    } catch (const std::exception&) {
        return result;
    }
    auto read = [&](const onnx::ValueInfoProto& vi) {
        for (int o = 0; o < node.output_size(); ++o) {
            if (node.output(o) != vi.name() || !vi.type().has_tensor_type() || !vi.type().tensor_type().has_shape()) continue;
            const auto& dims = vi.type().tensor_type().shape().dim();
            if (dims.size() > static_cast<int>(kMaxRank)) continue;
            Shape s;
            for (const auto& d : dims) {
                if (!d.has_dim_value() || d.dim_value() < 0 || d.dim_value() > kMaxDimension) return;
                s.push_back(d.dim_value());
            }
            result[static_cast<std::size_t>(o)] = s;
        }
    };
    for (const auto& vi : mini.graph().value_info()) read(vi);
    for (const auto& vi : mini.graph().output()) read(vi);
    return result;
}

// ------------------------------------------------------------------- nodes

void Importer::importNode(std::size_t index) {
    const auto& node = m_graph.node(static_cast<int>(index));
    bool anyDynamic = false;
    for (const auto& in : node.input()) {
        if (in.empty()) continue;
        const TensorState& s = m_tensors.at(in);
        if (s.kind == TensorState::Kind::Unavailable) {
            // Downstream of a node that could not be imported.
            auto& list = m_dropped[s.blame];
            if (list.empty()) m_blameOrder.push_back(s.blame);
            list.push_back(m_labels[index]);
            for (const auto& out : node.output()) {
                if (out.empty()) continue;
                TensorState u;
                u.blame = s.blame;
                m_tensors[out] = std::move(u);
            }
            m_result.complete = false;
            return;
        }
        anyDynamic = anyDynamic || s.kind == TensorState::Kind::Dynamic;
    }
    if (!anyDynamic) {
        foldStaticNode(node);
        return;
    }
    try {
        mapNode(node);
        ++m_importedNodes;
    } catch (const NodeError& e) {
        handleFailure(index, e.what());
    }
}

void Importer::foldStaticNode(const onnx::NodeProto& node) {
    const std::string& op = node.op_type();
    std::optional<std::vector<ConstTensor>> folded;
    try {
        if (isDefaultDomain(node.domain()) && (op == "Shape" || op == "Size")) {
            mapShapeOf(node);
            return;
        }
        if (isDefaultDomain(node.domain()) && isFoldableOp(op)) {
            std::vector<const ConstTensor*> values;
            bool all = true;
            for (int i = 0; i < node.input_size(); ++i) {
                if (node.input(i).empty()) {
                    values.push_back(nullptr);
                    continue;
                }
                const ConstTensor* v = valueOf(m_tensors.at(node.input(i)));
                all = all && v;
                values.push_back(v);
            }
            if (all) folded = foldNode(node, values, m_opset);
        }
    } catch (const NodeError&) {
        folded.reset();  // a consumer that needs the values reports the problem
    }
    std::optional<std::vector<std::optional<Shape>>> inferred;
    for (int o = 0; o < node.output_size(); ++o) {
        const std::string& out = node.output(o);
        if (out.empty()) continue;
        if (folded && static_cast<std::size_t>(o) < folded->size()) {
            ConstTensor& v = (*folded)[static_cast<std::size_t>(o)];
            Shape shape = v.shape;
            bindStatic(out, std::move(shape), std::move(v));
            continue;
        }
        std::optional<Shape> shape;
        if (o == 0 && (op == "Identity" || op == "Cast" || op == "CastLike" || op == "Dropout") && node.input_size() > 0 &&
            !node.input(0).empty())
            shape = m_tensors.at(node.input(0)).shape;
        else if (o == 0 && op == "Constant")
            if (const auto* t = attrTensor(node, "value")) shape = tensorDims(*t);
        if (!shape) shape = onnxShape(out);
        if (!shape && isDefaultDomain(node.domain())) {
            if (!inferred) inferred = inferWithOnnx(node);
            shape = (*inferred)[static_cast<std::size_t>(o)];
        }
        bindStatic(out, std::move(shape), std::nullopt);
    }
}

void Importer::handleFailure(std::size_t index, const std::string& message) {
    const auto& node = m_graph.node(static_cast<int>(index));
    m_result.complete = false;
    std::optional<std::string> replaced;
    try {
        replaced = standIn(node);
    } catch (const NodeError&) {
        replaced.reset();
    }
    if (replaced) {
        warn(describe(node) + ": " + message + "; " + *replaced);
        return;
    }
    warn(describe(node) + ": " + message + "; it is left out of the network");
    for (const auto& out : node.output()) {
        if (out.empty()) continue;
        TensorState u;
        u.blame = m_labels[index];
        m_tensors[out] = std::move(u);
    }
}

}  // namespace tessera::core::onnxio
