#pragma once
// Output shapes of one layer from its input shapes.

#include <string>
#include <vector>

#include "core/ir/layer.h"

namespace tessera::core {

struct ShapeResult {
    std::vector<Shape> outputs;  // one per layer output
    std::string error;           // empty on success; says what is wrong (no layer name)
    bool ok() const { return error.empty(); }
};

ShapeResult inferLayerShapes(const Layer& layer, const std::vector<Shape>& inputs);

// Numpy-style broadcast of two shapes; empty error on success.
ShapeResult broadcastShapes(const Shape& a, const Shape& b);

}  // namespace tessera::core
