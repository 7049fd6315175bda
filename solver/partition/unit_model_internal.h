#pragma once
// Internal to solver/partition: a unit of work (one layer cut one way, or a
// chain of layers fused over row tiles) and its per-device cost posynomials
// for a given set of active devices.

#include <memory>
#include <string>
#include <vector>

#include "core/ir/metrics.h"
#include "core/cost/device_cost_model.h"
#include "partition.h"

namespace tessera::solver::partition::detail {

// One operator of a unit, first to last. Compute ops are convolutions (or a
// fully-connected layer as a 1x1 convolution); the others (pooling, ...) only
// change how many rows a tile needs.
struct ChainOp {
    core::LayerId layer;
    std::string name;
    bool compute = false;
    core::ConvView conv;             // compute ops
    std::int64_t kernelH = 1, strideH = 1;
};

struct UnitSpec {
    Method method = Method::GroupedChannels;
    std::vector<ChainOp> ops;        // a single compute op unless fused
    long long units = 0;             // channels, filters (or groups) or output rows
    std::string cut;                 // "channels", "filters", "groups", "rows"
    std::string variable;            // variable prefix: "c", "n", "g", "rows"
    std::vector<std::string> layerNames() const;  // compute layers
};

// What the solver knows about the platform for one run.
struct Context {
    const core::Platform* platform = nullptr;
    PartitionOptions options;
    std::vector<int> enabled;              // device indices that may take a share
    int home = 0;                          // device index
    std::vector<const core::Link*> linkToHome;  // per device (nullptr for home / unreachable)
    std::vector<core::DeviceCostModel> models;  // per device
    std::vector<std::vector<core::ResourceBudget>> budgets;  // per device, options.budgets applied
    std::string deviceId(int d) const { return platform->devices()[static_cast<std::size_t>(d)].id; }
};

struct DeviceTerms {
    int device = 0;
    std::string variable;            // e.g. "c_gpu"
    core::Posynomial latencyMs;      // compute + local memory
    core::Posynomial transferMs;     // to and from home (empty for home)
    core::Posynomial energyMj;       // including transfer energy
    core::SliceCost cost;
};

struct ResourceTerm {
    int device = 0;
    std::string name;                // "<device>.<resource>", the GP constraint name
    std::string resource, unit;
    double budget = 0;
    core::Posynomial used;
};

struct UnitModel {
    std::vector<DeviceTerms> devices;   // the active set, in order
    core::Posynomial reductionMs;       // grouped-c on several devices: summing partial sums at home
    core::Posynomial reductionMj;
    std::vector<ResourceTerm> resources;
};

// Per active device, the posynomials in its variable `<variable>_<device id>`.
UnitModel buildUnitModel(const UnitSpec& spec, const Context& ctx, const std::vector<int>& active);

// KPIs at a point (a value per variable of the model's devices).
Evaluation evaluate(const UnitModel& model, const Context& ctx, const core::Point& x);

// KPIs of whole-unit shares per device index (devices with 0 are idle).
Evaluation evaluateShares(const UnitSpec& spec, const Context& ctx, const std::vector<double>& sharesByDevice);

// Latency for the latency and Pareto objectives, energy for the energy objective.
double objectiveValue(const Evaluation& e, Objective objective);
// The key of the feasible evaluation with the lowest objective value; empty when none is feasible.
std::string bestFeasible(const std::map<std::string, Evaluation>& evaluations, Objective objective);
// The points no other point beats in both latency and energy, by increasing latency.
std::vector<ParetoPoint> nonDominated(std::vector<ParetoPoint> points);

}  // namespace tessera::solver::partition::detail
