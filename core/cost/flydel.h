#pragma once
// Fitted performance models in the flydel form (method 2 of methods.md):
// per layer feature x = (HW, C, k, N) a one-dimensional polynomial with
// non-negative coefficients, combined by a product (latency, energy, FPGA
// resources) or a sum (power). Such a model is a posynomial of the features,
// so method 1's GPs use it directly. A platform descriptor may give one per
// KPI of a device; it then replaces the analytic default (device_cost_model.h).

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/platform/figure.h"
#include "core/cost/posynomial.h"

namespace tessera::core {

// The four features, in this order everywhere.
enum class FlydelFeature { HW = 0, C = 1, K = 2, N = 3 };
inline constexpr std::array<std::string_view, 4> kFlydelFeatureNames = {"hw", "c", "k", "n"};
inline constexpr std::size_t kMaxFlydelDegree = 3;  // linear, quadratic or cubic factors

struct FlydelModel {
    enum class Form { Product, Sum };
    Form form = Form::Product;
    // Product: scale * prod_f poly_f(x_f);  Sum: scale * sum_f poly_f(x_f).
    double scale = 1.0;
    // poly_f coefficients a0, a1, ... (a_i multiplies x^i), all >= 0, at most
    // kMaxFlydelDegree + 1 of them. Product form: an empty list is the factor 1;
    // sum form: an empty list adds nothing.
    std::array<std::vector<double>, 4> factors;
    std::string unit;    // the KPI's unit, fixed per KPI ("ms", "mJ", "ALM", ...)
    std::string source;  // how it was fitted (data set, tool, date)
    FigureBasis basis = FigureBasis::Measured;
    std::string note;

    // Value at a feature point.
    double evaluate(double hw, double c, double k, double n) const;
    // The model with each feature replaced by a posynomial (of slice variables).
    Posynomial toPosynomial(const std::array<Posynomial, 4>& features) const;
    friend bool operator==(const FlydelModel&, const FlydelModel&) = default;
};

// Fitted replacements for a device's KPI models; absent = analytic default.
struct DeviceCostModels {
    std::optional<FlydelModel> latencyMs;   // unit "ms": one layer slice, compute and local memory
    std::optional<FlydelModel> energyMj;    // unit "mJ"
    std::optional<FlydelModel> alms;        // unit "ALM" (FPGA only)
    std::optional<FlydelModel> labs;        // unit "LAB" (FPGA only)
    std::optional<FlydelModel> m20kBlocks;  // unit "block" (FPGA only)
    std::optional<FlydelModel> dsps;        // unit "DSP" (FPGA only)
    bool empty() const { return !latencyMs && !energyMj && !alms && !labs && !m20kBlocks && !dsps; }
    friend bool operator==(const DeviceCostModels&, const DeviceCostModels&) = default;
};

}  // namespace tessera::core
