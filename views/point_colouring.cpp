#include "views/point_colouring.h"

#include <QStringList>

#include <algorithm>
#include <cstdint>
#include <map>

namespace tessera::views {
namespace {

constexpr double kShareEpsilon = 1e-9;

// FNV-1a of the UTF-8 name: the same index on every machine and every run,
// unlike qHash, whose value may depend on the CPU.
std::size_t paletteSlot(const QString& category) {
    std::uint32_t hash = 2166136261u;
    for (const char byte : category.toUtf8()) {
        hash ^= static_cast<unsigned char>(byte);
        hash *= 16777619u;
    }
    return hash % categoryPalette().size();
}

}  // namespace

const std::vector<QColor>& categoryPalette() {
    // Tableau 10 without its grey (kept for "not decided"): every colour has
    // a contrast of at least 4.5:1 with black text and shows on a dark canvas.
    // The order puts the common device names (cpu, gpu, fpga) on orange,
    // green and teal.
    static const std::vector<QColor> palette = {
        QColor(0x4e, 0x79, 0xa7),  // blue
        QColor(0xf2, 0x8e, 0x2b),  // orange
        QColor(0x59, 0xa1, 0x4f),  // green
        QColor(0xe1, 0x57, 0x59),  // red
        QColor(0xff, 0x9d, 0xa7),  // pink
        QColor(0xed, 0xc9, 0x48),  // yellow
        QColor(0xb0, 0x7a, 0xa1),  // purple
        QColor(0x76, 0xb7, 0xb2),  // teal
        QColor(0x9c, 0x75, 0x5f),  // brown
    };
    return palette;
}

QString notDecidedCategory() { return QStringLiteral("not decided"); }

QColor neutralColour() { return QColor(0xe4, 0xe4, 0xe4); }

QString decisionCategory(const core::LayerDecision& decision) {
    const std::pair<const std::string, double>* dominant = nullptr;
    for (const auto& entry : decision.shares)
        if (entry.second > kShareEpsilon && (!dominant || entry.second > dominant->second)) dominant = &entry;
    if (dominant) return QString::fromStdString(dominant->first);
    const std::string device = decision.choiceValue("device");
    if (!device.empty()) return QString::fromStdString(device);
    QStringList values;
    for (const auto& [name, value] : decision.choice)
        if (name != "group" && !value.empty()) values << QString::fromStdString(value);
    return values.isEmpty() ? notDecidedCategory() : values.join(QStringLiteral(" / "));
}

std::vector<const core::LayerDecision*> decisionsByLayer(const core::DesignPoint& point, std::size_t layerCount) {
    std::vector<const core::LayerDecision*> out(layerCount, nullptr);
    for (const core::LayerDecision& d : point.layers)
        if (d.layerId >= 0 && static_cast<std::size_t>(d.layerId) < layerCount) out[static_cast<std::size_t>(d.layerId)] = &d;
    return out;
}

PointColouring colourPoint(const core::DesignPoint& point, std::size_t layerCount) {
    PointColouring out;
    out.layers.resize(layerCount);
    std::map<QString, int> layersOf;  // category -> layers; devices of minority shares with 0
    const auto decisions = decisionsByLayer(point, layerCount);
    for (std::size_t i = 0; i < layerCount; ++i) {
        const core::LayerDecision* d = decisions[i];
        if (!d) continue;
        LayerColour& colour = out.layers[i];
        colour.category = decisionCategory(*d);
        ++layersOf[colour.category];
        double total = 0;
        for (const auto& [device, share] : d->shares) total += std::max(0.0, share);
        if (total <= kShareEpsilon) continue;
        for (const auto& [device, share] : d->shares)
            if (share > kShareEpsilon) {
                colour.shares.push_back({QString::fromStdString(device), share / total});
                layersOf.try_emplace(colour.shares.back().name, 0);
            }
    }

    // Colours in name order, so that a given set of categories always gets
    // the same colours; a taken slot moves a category to the next free one.
    std::vector<bool> taken(categoryPalette().size(), false);
    std::size_t assigned = 0;
    for (const auto& [category, layers] : layersOf) {
        QColor colour = QColor(0xa0, 0xa0, 0xa0);
        if (category != notDecidedCategory()) {
            std::size_t slot = paletteSlot(category);
            if (assigned < taken.size()) {
                while (taken[slot]) slot = (slot + 1) % taken.size();
                taken[slot] = true;
                ++assigned;
            }
            colour = categoryPalette()[slot];
        }
        out.legend.push_back({category, colour, layers});
    }
    std::stable_sort(out.legend.begin(), out.legend.end(), [](const CategoryEntry& a, const CategoryEntry& b) {
        const bool aLast = a.category == notDecidedCategory();
        const bool bLast = b.category == notDecidedCategory();
        if (aLast != bLast) return bLast;
        return a.layers > b.layers;
    });
    return out;
}

QColor PointColouring::colourOf(const QString& category) const {
    for (const CategoryEntry& e : legend)
        if (e.category == category) return e.colour;
    return neutralColour();
}

std::vector<ShareBand> PointColouring::bandsOf(const std::vector<int>& layerIndices) const {
    std::map<QString, double> weight;
    double total = 0;
    for (int i : layerIndices) {
        if (i < 0 || static_cast<std::size_t>(i) >= layers.size() || !layers[static_cast<std::size_t>(i)].decided()) continue;
        const LayerColour& c = layers[static_cast<std::size_t>(i)];
        if (c.shares.empty()) weight[c.category] += 1;
        for (const ShareBand& band : c.shares) weight[band.name] += band.fraction;
        total += 1;
    }
    std::vector<ShareBand> out;
    if (total <= 0) return out;
    for (const CategoryEntry& e : legend) {
        const auto it = weight.find(e.category);
        if (it != weight.end() && it->second > kShareEpsilon) out.push_back({e.category, it->second / total});
    }
    return out;
}

}  // namespace tessera::views
