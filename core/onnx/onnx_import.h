#pragma once
// Import of ONNX models (.onnx, opsets 7 and later; exports of opsets 11-17
// tested) into the network IR. See docs/onnx-import.md for the operators
// understood, how constants and shape subgraphs are folded, and the limits.

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/ir/network.h"

namespace tessera::core {

// Largest file importOnnxFile / importOnnxBytes accept (protobuf's own limit).
inline constexpr std::uintmax_t kMaxOnnxFileBytes = (2ull << 30) - 1;

struct OnnxImportResult {
    // The imported network, analysed (Network::analyse() succeeded). When
    // `complete` is false it holds what could still be built: every layer
    // whose inputs were available.
    Network network;
    // One line per thing the user should know: an unsupported node (named,
    // with its operator), nodes dropped downstream of it, a symbolic batch
    // dimension set to 1, a shape on which Tessera and ONNX disagree, ...
    std::vector<std::string> warnings;
    // True when every node of the model became part of the network.
    bool complete = true;
    // The model's default-domain (ai.onnx) opset.
    int opsetVersion = 0;
    // producer_name and producer_version of the model ("pytorch 2.1.0"); may be empty.
    std::string producer;
};

// Reads and imports an ONNX file. Throws FormatError, naming the file and the
// problem, for an unreadable, unparsable or malformed model (no graph, no
// opset, no input, a cycle, a node reading an undefined tensor, a dimension
// beyond kMaxDimension, ...). Unsupported operators do not throw: they are
// reported in `warnings` with complete = false.
OnnxImportResult importOnnxFile(const std::filesystem::path& path);

// The same from the bytes of a model; `origin` names it in messages and
// becomes the network's name (its file stem when it looks like a path).
OnnxImportResult importOnnxBytes(std::string_view bytes, std::string_view origin);

}  // namespace tessera::core
