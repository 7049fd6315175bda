#pragma once
// Small value types shared across core: shapes, strong ids, errors.

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace tessera::core {

// A tensor shape, outermost dimension first (NCHW for feature maps).
using Shape = std::vector<std::int64_t>;

std::string shapeToString(const Shape& shape);   // "1x64x56x56"
std::int64_t shapeElements(const Shape& shape);  // product of dims (1 for rank 0)

// Strong index of a layer inside one Network (its position in Network::layers()).
struct LayerId {
    int value = -1;
    constexpr bool valid() const { return value >= 0; }
    friend constexpr bool operator==(LayerId, LayerId) = default;
    friend constexpr auto operator<=>(LayerId, LayerId) = default;
};

// Error raised at I/O edges (file parsing, import). `what()` names the file,
// the field or node and what is wrong, ready to show to a user.
class FormatError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Hard caps on what a file may ask for, so hostile input cannot make us
// allocate without bound.
inline constexpr std::int64_t kMaxDimension = 1 << 24;        // one tensor dimension
inline constexpr std::int64_t kMaxTensorElements = 1LL << 40; // one tensor
inline constexpr std::size_t kMaxLayers = 100000;             // one network
inline constexpr std::size_t kMaxRank = 8;

}  // namespace tessera::core
