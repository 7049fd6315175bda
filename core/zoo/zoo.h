#pragma once
// The built-in model zoo (embedded network files, torchvision names) and the
// one entry point that opens a network by zoo name or file path.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/ir/network.h"

namespace tessera::core {

std::vector<std::string> zooNames();
bool isZooName(std::string_view name);
// Throws FormatError for an unknown name.
Network loadZooNetwork(std::string_view name);

// A network opened by openNetworkWithWarnings: the network, plus what the
// user should know about it (e.g. ONNX operators that could not be imported,
// in which case the network holds the part that could).
struct OpenedNetwork {
    Network network;
    std::vector<std::string> warnings;
};

// A zoo name, a .json network file or a .onnx model; throws FormatError with
// a message naming the file or name and the problem.
OpenedNetwork openNetworkWithWarnings(const std::string& spec);
// The same, for callers that only want the network.
Network openNetwork(const std::string& spec);

}  // namespace tessera::core
