#pragma once
// The words and numbers of a design point's per-layer decisions, written the
// same way in the graph's badges and tooltips, the layer table, the details
// pane and the resource bars. Nothing here knows a strategy: choices are
// shown as the (name, value) pairs the strategy gave.

#include <QString>

#include "core/explore/exploration.h"

namespace tessera::views {

// "0.329 ms"-style figures: three significant digits down to 0.001, fewer
// decimals as the value grows ("12.3", "123", "1,234"); "-" for NaN.
QString figureText(double value);
// "1,234" (grouped digits, rounded to a whole number).
QString countText(double value);
// "30%" (whole percents; one decimal under 10%, e.g. "6.3%").
QString percentText(double fraction);

// "cpu 30% gpu 70%": each device's share in the point's (device name) order;
// empty when the layer is not split.
QString sharesText(const core::LayerDecision& decision);
// "method tiling, cut rows": every choice pair; empty when there is none.
QString choicesText(const core::LayerDecision& decision);

// A resource's short name: its unit when the unit names it ("ALM", "DSP",
// "LUT"), else the resource id without "_blocks", in capitals ("M20K",
// "BRAM36"), since a unit like "block" says nothing on its own.
QString resourceName(const core::ResourceUse& use);
// "fpga M20K"
QString resourceLabel(const core::ResourceUse& use);

// Rich text of one layer's decision for tooltips: every choice pair, the
// shares, latency, energy and the layer's resource demands.
QString decisionHtml(const core::LayerDecision& decision);

}  // namespace tessera::views
