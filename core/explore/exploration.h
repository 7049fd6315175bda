#pragma once
// Explorations and design points: the one shape every strategy's results
// take (GP partitioning, DYNAMAP algorithm selection, and the strategies to
// come), so that the store, the views, the comparison and the reports never
// need a case per strategy.
//
// An exploration is one run of a strategy on a network and a platform with
// given options; it records its inputs with their hashes (so it can be
// reproduced and recognised) and holds design points. A design point is a
// whole-network answer: its KPIs, feasibility with a reason per device, and
// per layer (keyed by layer id) the decision taken and the layer's latency
// and energy. A strategy may attach detail of its own (JSON) at the point
// and at each layer; everything else is typed.
//
// Units are in the names: milliseconds, millijoules, watts. A KPI a strategy
// does not model (energy for DYNAMAP) is NaN, written as null in JSON.

#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/outcome.h"

namespace tessera::core {

inline constexpr double kNoValue = std::numeric_limits<double>::quiet_NaN();

// A strategy option's value, typed by the strategy's option schema.
using OptionValue = std::variant<bool, std::int64_t, double, std::string>;
// The options of a run by name (every option of the schema, defaults included).
using OptionValues = std::map<std::string, OptionValue>;
// "true", "12", "0.5", "best": how the CLI takes and shows a value.
std::string optionValueText(const OptionValue& value);

// What an exploration ran on.
struct ExplorationInputs {
    std::string network;                // the network's name
    std::string networkSpec;            // as the user gave it: a zoo name or a file path
    nlohmann::json networkDocument;     // the network as opened, in Tessera's network JSON
    std::string networkHash;            // canonicalHash(networkDocument)
    std::string platform;               // the descriptor's name
    nlohmann::json platformDocument;    // the descriptor as read (platformToJson)
    std::string platformHash;           // canonicalHash(platformDocument)
    std::string toolVersion;            // Tessera's version ("0.1.0")
    std::string solverVersion;          // the strategy's model and solver version ("partition 1")
    std::uint64_t seed = 0;             // for strategies with randomness; 0 otherwise
};

// One resource of one device at a design point.
struct ResourceUse {
    std::string device;    // device id ("fpga")
    std::string resource;  // "alms", "m20k_blocks", "dsps", "luts", ...
    std::string unit;      // "ALM", "block", "DSP", ...
    double used = 0;
    double budget = 0;     // the descriptor's (or the options') budget; 0 when none
};

// Why a design point breaks a device's budget: "fpga ALM 112% of 80,330".
struct DeviceVerdict {
    std::string device;
    std::string reason;
};

// What a strategy decided for one layer, and what it costs there.
struct LayerDecision {
    int layerId = -1;       // the layer's id (index) in the exploration's network
    std::string layer;      // its name
    // The decision as ordered (name, value) pairs, e.g. {"method", "grouped-c"},
    // {"cut", "channels"}, or {"algorithm", "winograd"}, {"dataflow", "OS"},
    // or {"device", "fpga"}: views show them as columns without knowing the strategy.
    std::vector<std::pair<std::string, std::string>> choice;
    // Device id -> share of the layer's work in [0, 1]; empty when the layer is not split.
    std::map<std::string, double> shares;
    double latencyMs = kNoValue;  // this layer's part of the point's latency
    double energyMj = kNoValue;
    // What this layer alone needs of each device resource. The point's
    // resources are authoritative: they are the sum of these where layers
    // occupy hardware of their own (direct hardware mapping), and their
    // largest where layers take turns on one engine (partition, DYNAMAP's
    // overlay). Empty when the strategy does not break resources down.
    std::vector<ResourceUse> resources;
    nlohmann::json detail;        // strategy-specific; null when none

    // The value of choice `name`, or "" when absent.
    std::string choiceValue(std::string_view name) const;
};

struct DesignPoint {
    std::string label;            // "optimum", "front 3 of 9", "balanced", "all winograd", "92 x 64"
    Status status = Status::Optimal;
    std::string message;
    bool baseline = false;        // a reference the strategy compares with (balanced split, one device, one algorithm)
    bool onFront = false;         // non-dominated (latency, energy) among the exploration's feasible non-baseline points
    double latencyMs = kNoValue;
    double energyMj = kNoValue;
    double powerW = kNoValue;     // average power: energyMj / latencyMs
    std::vector<ResourceUse> resources;
    bool feasible = true;
    std::vector<DeviceVerdict> violations;  // one per device over a budget; empty when feasible
    std::vector<LayerDecision> layers;      // in the network's layer order
    std::string notes;            // the user's (plain or Markdown text); empty when none
    nlohmann::json detail;        // strategy-specific; null when none
};

struct Exploration {
    std::int64_t id = 0;          // the store's id; 0 until saved
    std::string name;
    std::vector<std::string> tags;
    std::string created;          // UTC, ISO 8601: "2026-12-02T05:57:37Z"
    std::string strategy;         // registry name: "partition", "algosel"
    OptionValues options;
    ExplorationInputs inputs;
    Status status = Status::Optimal;  // of the run as a whole
    std::string message;
    double seconds = 0;           // wall time of the run
    std::vector<DesignPoint> points;
    std::string notes;            // the user's (plain or Markdown text); empty when none
};

// The current time as Exploration::created wants it.
std::string utcNow();
// Tessera's version, from the CMake project (ExplorationInputs::toolVersion).
std::string_view toolVersion();

// The exploration JSON (docs/explorations.md). explorationFromJson reads it
// back equal; it is strict and throws FormatError "<origin>: <path>: <problem>".
nlohmann::json explorationToJson(const Exploration& exploration);
Exploration explorationFromJson(const nlohmann::json& doc, std::string_view origin);

}  // namespace tessera::core
