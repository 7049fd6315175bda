#pragma once
// How a design point colours the layers of its network, for any strategy:
// each decided layer falls in one category, read from the generic
// LayerDecision fields only -
//   1. the dominant device when the layer's work is shared out (the split is
//      kept, so a view can draw one band per device);
//   2. else the value of a choice named "device" (a hybrid mapping);
//   3. else the choice values joined, "winograd / OS" (the choice named
//      "group", which only says which fused unit a layer belongs to, left out);
//   4. else "not decided".
// Layers the point has no decision for (pooling, activations) get no
// category and stay neutral. Categories keep their colour from point to
// point: a category's colour comes from a hash of its name into a palette
// of mid-lightness colours that black text reads on and that stand out on
// light and dark backgrounds alike; two categories of one point never share
// a colour.

#include <QColor>
#include <QString>

#include <vector>

#include "core/explore/exploration.h"

namespace tessera::views {

// One device's part of a split layer (or one category's part of a block).
struct ShareBand {
    QString name;         // device id or category
    double fraction = 0;  // in (0, 1]
    friend bool operator==(const ShareBand&, const ShareBand&) = default;
};

struct LayerColour {
    QString category;               // empty when the point has no decision for the layer
    std::vector<ShareBand> shares;  // the split, in the point's (device name) order; empty when not split
    bool decided() const { return !category.isEmpty(); }
};

struct CategoryEntry {
    QString category;
    QColor colour;
    int layers = 0;  // layers of this category (0 for a device seen only as a minority share)
};

struct PointColouring {
    std::vector<LayerColour> layers;    // by layer index, one per network layer
    std::vector<CategoryEntry> legend;  // most layers first, then by name; "not decided" last

    // The category's colour in this point; neutralColour() when unknown.
    QColor colourOf(const QString& category) const;
    // How a set of layers (a collapsed block) divides among categories:
    // each decided layer counts once (a split layer by its shares), in
    // legend order; empty when none of them is decided.
    std::vector<ShareBand> bandsOf(const std::vector<int>& layerIndices) const;
};

// The category of "not decided" layers.
QString notDecidedCategory();
// Fill of layers a point leaves undecided when drawn over a light background.
QColor neutralColour();
// The category of one decision (rules 1-4 above).
QString decisionCategory(const core::LayerDecision& decision);
// The colour-blind-safe palette the categories draw from (for tests and legends).
const std::vector<QColor>& categoryPalette();

// The point's decision for each layer index of a network of `layerCount`
// layers (nullptr where it has none). Decisions whose id is out of range are
// dropped; a later decision for the same id replaces an earlier one.
std::vector<const core::LayerDecision*> decisionsByLayer(const core::DesignPoint& point, std::size_t layerCount);

PointColouring colourPoint(const core::DesignPoint& point, std::size_t layerCount);

}  // namespace tessera::views
