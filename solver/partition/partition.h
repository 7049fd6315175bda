#pragma once
// Method 1 of methods.md (Carballo-Hernandez, Pelcat, Berry, JSPS 2023):
// split each layer's work across the devices of a platform by geometric
// programming. A layer is cut along input channels (grouped-c), filters
// (grouped-n) or output rows (tiling), or a chain of layers is run fused over
// row tiles; each cut is a GGP whose only non-GP part is the conservation
// equality sum_d x_d = X, relaxed by the method's penalty loop (optionally
// re-condensed around the last solution) into a sequence of GPs. Every
// subset of the enabled devices is solved (a device's fixed costs are only
// paid when it takes a share), the split is rounded to whole units, and the
// rounded point is re-evaluated and compared with the baselines (balanced
// split, each device alone) under the same models.

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/ir/network.h"
#include "core/outcome.h"
#include "core/platform/platform.h"
#include "solver/gp/gp_diagnosis.h"
#include "solver/gp/gp_solver.h"

namespace tessera::solver::partition {

enum class Method { GroupedChannels, GroupedFilters, Tiling, Fused, Best };
enum class Objective { Latency, Energy, Pareto };
enum class Schedule { Sequential, Concurrent };
enum class Relaxation { Penalty, Recondense, SequentialGp };

std::string_view methodName(Method m);        // "grouped-c", "grouped-n", "tiling", "fused", "best"
std::string_view objectiveName(Objective o);  // "latency", "energy", "pareto"
std::string_view scheduleName(Schedule s);    // "sequential", "concurrent"
std::string_view relaxationName(Relaxation r);  // "penalty", "recondense", "sgp"
std::optional<Method> methodFromName(std::string_view name);
std::optional<Objective> objectiveFromName(std::string_view name);
std::optional<Schedule> scheduleFromName(std::string_view name);
std::optional<Relaxation> relaxationFromName(std::string_view name);

struct PartitionOptions {
    Method method = Method::Best;
    Objective objective = Objective::Latency;
    // Sequential: devices run one after the other (sum of latencies, the
    // paper's setting); concurrent: they run in parallel (max of latencies).
    Schedule schedule = Schedule::Concurrent;
    Relaxation relaxation = Relaxation::SequentialGp;
    int bytesPerElement = 1;      // activations and weights: 1 (int8), 2 (fp16) or 4 (fp32)
    int partialSumBytes = 4;      // grouped-c partial sums (int32 / fp32)
    std::string homeDevice;       // where inputs live and outputs return; default: the first CPU
    std::set<std::string> disabledDevices;
    std::map<std::string, double> fixedShares;  // device id -> fraction of the cut in [0, 1]
    std::map<std::string, double> budgets;      // "<device>.<resource>" -> budget replacing the descriptor's
    std::string layer;            // only the layer of this name (empty: every Conv / FullyConnected layer)
    int maxFusedDepth = 4;        // most compute layers in one fused group (2..16)
    int paretoPoints = 9;         // epsilon-constraint points per layer (3..101)
    double penaltyStart = 10, penaltyStep = 10, satisfaction = 0.99;
    int maxGpsPerSolve = 60;      // GPs per penalty loop
    int threads = 0;              // layers solved at once; 0: every core
    // Called after each layer ("partitioned conv3 (4 of 20)"; the per-layer
    // solves fill the fraction up to 0.95) and before each fused chain
    // ("fusing from conv3"); return false to stop (status Cancelled).
    core::ProgressCallback progress;

    // Empty when valid; otherwise one line per problem, naming the option.
    std::string validate(const core::Platform& platform) const;
};

// One device's part of a unit at a point (continuous or rounded).
struct DeviceSlice {
    std::string device;
    double share = 0;        // units of the cut (channels, filters or rows)
    double latencyMs = 0;    // compute + local memory
    double transferMs = 0;   // to and from the home device
    double energyMj = 0;     // compute + memory + transfers
};

struct ResourceUse {
    std::string device, resource, unit;  // e.g. "fpga", "m20k_blocks", "block"
    double used = 0;             // at the rounded point
    double usedContinuous = 0;   // at the GP's point
    double budget = 0;
    double sensitivity = 0;      // GP dual: d log(objective) / d log(budget), >= 0
    bool active = false;         // binding at the GP optimum
};

struct Evaluation {
    double latencyMs = 0;
    double energyMj = 0;
    bool feasible = true;
    std::string reason;          // why not feasible, e.g. "fpga M20K 112% of 587"
    std::vector<DeviceSlice> slices;
    std::vector<ResourceUse> resources;
};

struct ParetoPoint {
    double latencyMs = 0, energyMj = 0;
    std::map<std::string, double> shares;  // rounded units per device
    std::vector<ResourceUse> resources;    // at this rounded point (FPGA devices)
};

// One layer, or one group of fused layers.
struct UnitResult {
    std::vector<std::string> layers;     // names; several for a fused group
    Method method = Method::GroupedChannels;
    std::string cut;                     // "channels", "filters" or "rows"
    long long units = 0;                 // C, N or output rows to share out
    core::Status status = core::Status::NumericalFailure;
    std::string message;
    Evaluation continuous;               // the GP's split (shares may sum to slightly less than units)
    Evaluation rounded;                  // whole units summing to `units`; the reported result
    double conservation = 1;             // sum of continuous shares / units
    std::vector<std::string> activeConstraints;
    std::map<std::string, double> sensitivities;  // constraint name -> GP dual, largest first in reports
    std::map<std::string, Evaluation> baselines;  // "balanced" and each enabled device id
    std::string bestBaseline;            // key of the best feasible baseline
    std::vector<ParetoPoint> pareto;     // Objective::Pareto: non-dominated rounded points
    std::vector<std::string> offeredMethods;       // methods this layer allows
    std::optional<gp::InfeasibilityDiagnosis> diagnosis;  // status Infeasible
    int gpSolves = 0;
    double seconds = 0;
};

struct NetworkPartition {
    std::string network, platform, networkHash, platformHash;
    PartitionOptions options;
    core::Status status = core::Status::Optimal;  // Infeasible if any unit is; Cancelled if stopped
    std::string message;
    std::vector<UnitResult> units;
    double latencyMs = 0, energyMj = 0;           // sums over units (rounded points)
    std::map<std::string, Evaluation> baselines;  // sums of the units' baselines
    std::string bestBaseline;                     // key of the best feasible summed baseline
    std::vector<ParetoPoint> pareto;              // network front (Objective::Pareto)
    int gpSolves = 0;                             // every GP solved, for the methods and groups that lost too
    double seconds = 0;
};

// Partition every Conv / FullyConnected layer (or options.layer) of `net`.
NetworkPartition partitionNetwork(const core::Network& net, const core::Platform& platform,
                                  const PartitionOptions& options);

// The JSON report (see docs/partition.md).
nlohmann::json partitionToJson(const NetworkPartition& result);

}  // namespace tessera::solver::partition
