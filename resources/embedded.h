#pragma once
// Files embedded at build time (see resources/CMakeLists.txt): (stem, contents)
// pairs sorted by stem.
#include <string_view>
#include <utility>
#include <vector>

namespace tessera::resources {
const std::vector<std::pair<std::string_view, std::string_view>>& zooFiles();
const std::vector<std::pair<std::string_view, std::string_view>>& platformFiles();
}  // namespace tessera::resources
