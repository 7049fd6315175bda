#pragma once
// Editing a design point layer by layer (docs/explorations.md, "Editing a
// point"): what a strategy lets the user change for one layer, and the
// user's changes. Plain data in core/ so that the views build the editor
// and keep its undo history without the solver; the strategies
// (solver/explore/strategy.h: editable, evaluate, reoptimise) say what is
// editable and cost the edits with their own models.

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace tessera::core {

// One thing the user may change for a layer.
struct EditableChoice {
    enum class Kind {
        Choice,  // one value among `values`: a combo box
        Shares,  // a split of the layer's work over the devices in `values`
    };
    Kind kind = Kind::Choice;
    // Choice: the name of a LayerDecision::choice pair ("method",
    // "algorithm", "dataflow"); Shares: "shares".
    std::string name;
    // Choice: the values allowed for this layer, in the strategy's order;
    // Shares: the devices that may take a share.
    std::vector<std::string> values;
    std::string help;  // one line, for a tooltip
    friend bool operator==(const EditableChoice&, const EditableChoice&) = default;
};

// The user's change to one layer of a design point.
struct LayerEdit {
    int layerId = -1;  // LayerDecision::layerId
    // The choices set, as (name, value); a choice not listed keeps the
    // point's value, or what the strategy derives from the others (the
    // partition's cut follows its method; DYNAMAP takes the better dataflow
    // of a new algorithm unless the dataflow is given too).
    std::vector<std::pair<std::string, std::string>> choice;
    // Device id -> fraction of the layer's work, summing to 1; empty keeps
    // the point's shares.
    std::map<std::string, double> shares;
    // Re-optimisation keeps this layer at the decision it has in the edited point.
    bool locked = false;

    // The value of choice `name`, or "" when the edit does not set it.
    std::string choiceValue(std::string_view name) const;
    friend bool operator==(const LayerEdit&, const LayerEdit&) = default;
};

// How far from 1 the shares of an edit may add up (rounding of sliders).
inline constexpr double kShareTolerance = 1e-6;

// Why `edit` does not suit the layer `layerName` that it names, given what
// the strategy lets the user change there; empty when it does. Every
// message names the layer and the field: "layer conv1: algorithm: 'winograd'
// is not allowed here (allowed: im2col, kn2row)", "layer conv1: shares: add
// up to 0.9, not 1", "layer conv1: shares: gpu is negative (-0.1)".
std::string editProblem(const LayerEdit& edit, std::string_view layerName, const std::vector<EditableChoice>& editable);

// [{"layer_id": 3, "choice": [["method", "tiling"]], "shares": {"gpu": 1}, "locked": false}, ...]:
// how an edited point records its edits (DesignPoint::detail["edits"]).
nlohmann::json editsToJson(const std::vector<LayerEdit>& edits);

}  // namespace tessera::core
