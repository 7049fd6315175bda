#pragma once
// Method 1's cost models: latency, energy and (FPGA) resources of one
// device's slice of a layer, as posynomials of the slice variables, and the
// cost of moving data over the platform's links.
//
// Analytic default (roofline-style, a sum of positive terms, so a posynomial):
//   latency_ms = launches * launch_overhead
//              + 2 * MACs / (compute_efficiency * peak_GOPS)
//              + bytes moved / (memory_efficiency * memory bandwidth)
//   energy_mJ  = static_W * latency + dynamic_W * compute time
//              + dram_energy_pj_per_byte * bytes moved
//   FPGA (a weight-stationary streaming engine: the slice's weights and k-1
//   line buffers live on chip, the MAC array uses a fixed share of the DSPs):
//   M20K = base + (weight bits + line-buffer bits) / (bits per block * packing)
//   ALM  = base + per-channel * C_d + per-filter * N_d;  LAB = ALM / (10 * packing)
//   DSP  = dsp_fraction * DSP budget (a constant: checked, not optimised)
//   (AMD-Xilinx parts: LUT = luts_per_alm * ALM; BRAM36 as M20K with 36 Kb blocks)
// Every constant is named (costConstantSpecs) and a descriptor may override it;
// a descriptor may also replace a KPI's model by a fitted flydel (flydel.h).

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/platform/platform.h"
#include "core/cost/posynomial.h"

namespace tessera::core {

// The named constants of the analytic model, with the defaults per device kind.
struct AnalyticCostConstants {
    double computeEfficiency = 0.5;   // fraction of peak throughput reached on convolutions
    double memoryEfficiency = 0.7;    // fraction of peak memory bandwidth reached
    double launchOverheadUs = 20;     // fixed cost of one slice: kernel launch, fork/join, DMA set-up
    double dramEnergyPjPerByte = 40;  // off-chip memory access energy
    // FPGA engine.
    double almBase = 12000;           // shell: PCIe DMA, control, requantisation
    double almPerChannel = 6;         // per input-channel lane: line-buffer addressing
    double almPerFilter = 24;         // per output channel: 32-bit accumulator and output lane
    double almsPerLab = 10;           // ALMs in one LAB (Intel)
    double labPacking = 0.85;         // fraction of a LAB's ALMs a fitter fills
    double m20kBase = 40;             // shell buffers (DMA FIFOs, descriptors)
    double m20kBits = 20480;          // bits in one M20K block
    double m20kPacking = 0.8;         // usable fraction of a block's bits (width/depth fit)
    double dspFraction = 0.9;         // share of the DSP budget the MAC array uses
    // AMD-Xilinx parts (LUT / BRAM36 budgets instead of ALM / M20K).
    double lutsPerAlm = 2;            // 6-input LUTs doing the work of one ALM
    double bram36Bits = 36864;        // bits in one BRAM36 block
};

struct CostConstantSpec {
    std::string_view key;    // snake_case name in descriptors ("compute_efficiency")
    std::string_view unit;   // "1", "us", "pJ/B", "ALM", "block", "bit"
    double AnalyticCostConstants::*member;
    double min, max;         // accepted range (inclusive)
    bool fpgaOnly;
    std::string_view meaning;
};
const std::vector<CostConstantSpec>& costConstantSpecs();

// The defaults for a kind with a descriptor's overrides applied.
AnalyticCostConstants defaultCostConstants(DeviceKind kind);
AnalyticCostConstants costConstants(const Device& device);

// The (HW, C, k, N) features of one layer's slice (for fitted models) and the
// quantities the analytic model needs, as posynomials of the slice variables.
struct LayerSliceWork {
    std::array<Posynomial, 4> features;  // hw, c, k, n (flydel.h order)
    Posynomial macs;
    Posynomial weightBits;               // weights held on chip (FPGA engine)
    Posynomial lineBufferBits;           // (kh - 1) input rows of the slice (FPGA engine)
    Posynomial channelLanes;             // input channels the slice reads
    Posynomial filterLanes;              // output channels the slice writes
};

// One device's slice: the layers it computes (several for fused layers) and
// the bytes it moves through its own memory.
struct SliceWork {
    std::vector<LayerSliceWork> layers;
    Posynomial memoryBytes;              // activations and weights read + results written
    int launches = 1;
};

// A device's KPIs for a slice. Resources are empty for CPUs and GPUs; a
// resource without a model on this device (e.g. LABs on a Xilinx part) is empty.
struct SliceCost {
    Posynomial latencyMs;
    Posynomial energyMj;
    Posynomial alms, labs, m20kBlocks, dsps;
    Posynomial luts, bram36Blocks;       // AMD-Xilinx parts
};

// Which resource budgets an FPGA device has and their values.
struct ResourceBudget {
    std::string_view key;    // "alms", "labs", "m20k_blocks", "dsps", "luts", "bram36_blocks"
    std::string_view unit;   // "ALM", "LAB", "block", "DSP"
    double budget = 0;
    Posynomial SliceCost::*member;
};
std::vector<ResourceBudget> resourceBudgets(const Device& device);

// Peak throughput (GOPS) used for a precision: int8 (1 byte), fp16 (2) or fp32
// (4), falling back to the next wider precision the device lists.
double peakGopsFor(const Device& device, int bytesPerElement);

class DeviceCostModel {
public:
    DeviceCostModel(const Device& device, int bytesPerElement);
    const Device& device() const { return *m_device; }
    const AnalyticCostConstants& constants() const { return m_constants; }
    SliceCost cost(const SliceWork& work) const;

private:
    const Device* m_device;
    AnalyticCostConstants m_constants;
    double m_peakGops;
    double m_bandwidthGBs;
};

// Moving `bytes` over a link: latency + bytes / bandwidth (ms), bytes x
// energy per byte (mJ). `transfers` fixed latencies are paid.
Posynomial linkTransferMs(const Link& link, const Posynomial& bytes, int transfers);
Posynomial linkTransferMj(const Link& link, const Posynomial& bytes);

}  // namespace tessera::core
