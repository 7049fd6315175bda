#include "core/zoo/zoo.h"

#include <algorithm>

#include "embedded.h"
#include "core/ir/network_json.h"
#include "core/onnx/onnx_import.h"

namespace tessera::core {

std::vector<std::string> zooNames() {
    std::vector<std::string> names;
    for (const auto& [stem, text] : resources::zooFiles()) names.emplace_back(stem);
    return names;
}

bool isZooName(std::string_view name) {
    const auto& files = resources::zooFiles();
    return std::any_of(files.begin(), files.end(), [&](const auto& f) { return f.first == name; });
}

Network loadZooNetwork(std::string_view name) {
    for (const auto& [stem, text] : resources::zooFiles())
        if (stem == name) return networkFromJsonText(text, "zoo:" + std::string(name));
    std::string known;
    for (const auto& n : zooNames()) known += (known.empty() ? "" : ", ") + n;
    throw FormatError("unknown network '" + std::string(name) + "' (not a file, and the zoo has: " + known + ")");
}

Network openNetwork(const std::string& spec) { return openNetworkWithWarnings(spec).network; }

OpenedNetwork openNetworkWithWarnings(const std::string& spec) {
    if (isZooName(spec)) return {loadZooNetwork(spec), {}};
    const std::filesystem::path path(spec);
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        if (ext.empty()) return {loadZooNetwork(spec), {}};  // reports the zoo names
        throw FormatError(spec + ": no such file");
    }
    if (ext == ".onnx") {
        OnnxImportResult imported = importOnnxFile(path);
        return {std::move(imported.network), std::move(imported.warnings)};
    }
    if (ext == ".json") return {loadNetworkFile(path), {}};
    throw FormatError(spec + ": unknown file type '" + ext + "' (expected .json or .onnx)");
}

}  // namespace tessera::core
