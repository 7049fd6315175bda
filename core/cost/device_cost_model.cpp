#include "core/cost/device_cost_model.h"

#include <stdexcept>

namespace tessera::core {

namespace {

using C = AnalyticCostConstants;

}  // namespace

const std::vector<CostConstantSpec>& costConstantSpecs() {
    static const std::vector<CostConstantSpec> specs = {
        {"compute_efficiency", "1", &C::computeEfficiency, 0.01, 1, false,
         "fraction of the peak throughput reached on convolutions"},
        {"memory_efficiency", "1", &C::memoryEfficiency, 0.01, 1, false,
         "fraction of the peak memory bandwidth reached"},
        {"launch_overhead_us", "us", &C::launchOverheadUs, 0, 1e6, false,
         "fixed cost of running one slice (kernel launch, thread fork/join, DMA set-up)"},
        {"dram_energy_pj_per_byte", "pJ/B", &C::dramEnergyPjPerByte, 0, 1e4, false,
         "energy of one byte moved through off-chip memory"},
        {"alm_base", "ALM", &C::almBase, 0, 1e7, true, "ALMs of the shell: PCIe DMA, control, requantisation"},
        {"alm_per_channel", "ALM", &C::almPerChannel, 0, 1e4, true,
         "ALMs per input-channel lane (line-buffer addressing)"},
        {"alm_per_filter", "ALM", &C::almPerFilter, 0, 1e4, true,
         "ALMs per output channel (32-bit accumulator and output lane)"},
        {"alms_per_lab", "ALM", &C::almsPerLab, 1, 100, true, "ALMs in one LAB"},
        {"lab_packing", "1", &C::labPacking, 0.1, 1, true, "fraction of a LAB's ALMs the fitter fills"},
        {"m20k_base", "block", &C::m20kBase, 0, 1e5, true, "M20K blocks of the shell (DMA FIFOs, descriptors)"},
        {"m20k_bits", "bit", &C::m20kBits, 1, 1e7, true, "bits in one M20K block"},
        {"m20k_packing", "1", &C::m20kPacking, 0.1, 1, true, "usable fraction of a block's bits"},
        {"dsp_fraction", "1", &C::dspFraction, 0, 1, true, "share of the DSP budget the MAC array uses"},
        {"luts_per_alm", "LUT", &C::lutsPerAlm, 0.5, 10, true,
         "6-input LUTs doing the work of one ALM (AMD-Xilinx parts: LUT budget)"},
        {"bram36_bits", "bit", &C::bram36Bits, 1, 1e7, true, "bits in one BRAM36 block (AMD-Xilinx parts)"},
    };
    return specs;
}

AnalyticCostConstants defaultCostConstants(DeviceKind kind) {
    AnalyticCostConstants c;
    switch (kind) {
    case DeviceKind::Cpu:
        // Multithreaded direct/im2col convolution on NEON/AVX cores reaches
        // about half of peak; an OpenMP fork/join costs tens of microseconds.
        c.computeEfficiency = 0.5;
        c.memoryEfficiency = 0.7;
        c.launchOverheadUs = 20;
        break;
    case DeviceKind::Gpu:
        // cuDNN implicit-GEMM convolutions reach 60-70% of peak on large
        // layers; a launch plus synchronisation costs tens of microseconds.
        c.computeEfficiency = 0.6;
        c.memoryEfficiency = 0.75;
        c.launchOverheadUs = 50;
        break;
    case DeviceKind::Fpga:
        // A streaming engine keeps its MAC array busy except at tile edges;
        // one DMA descriptor chain per slice.
        c.computeEfficiency = 0.8;
        c.memoryEfficiency = 0.8;
        c.launchOverheadUs = 10;
        break;
    }
    return c;
}

AnalyticCostConstants costConstants(const Device& device) {
    AnalyticCostConstants c = defaultCostConstants(device.kind);
    for (const auto& spec : costConstantSpecs()) {
        auto it = device.costConstants.find(std::string(spec.key));
        if (it != device.costConstants.end()) c.*spec.member = it->second.value;
    }
    return c;
}

double peakGopsFor(const Device& device, int bytesPerElement) {
    const auto& p = device.peak;
    if (bytesPerElement <= 1 && p.int8Gops) return p.int8Gops->value;
    if (bytesPerElement <= 2 && p.fp16Gops) return p.fp16Gops->value;
    if (p.fp32Gops) return p.fp32Gops->value;
    if (p.fp16Gops) return p.fp16Gops->value;
    if (p.int8Gops) return p.int8Gops->value;
    return 0;
}

std::vector<ResourceBudget> resourceBudgets(const Device& device) {
    std::vector<ResourceBudget> out;
    if (device.kind != DeviceKind::Fpga) return out;
    const auto& r = device.fpga;
    if (r.alms) out.push_back({"alms", "ALM", r.alms->value, &SliceCost::alms});
    if (r.labs) out.push_back({"labs", "LAB", r.labs->value, &SliceCost::labs});
    if (r.m20kBlocks) out.push_back({"m20k_blocks", "block", r.m20kBlocks->value, &SliceCost::m20kBlocks});
    if (r.dsps) out.push_back({"dsps", "DSP", r.dsps->value, &SliceCost::dsps});
    if (r.luts) out.push_back({"luts", "LUT", r.luts->value, &SliceCost::luts});
    if (r.bram36Blocks) out.push_back({"bram36_blocks", "block", r.bram36Blocks->value, &SliceCost::bram36Blocks});
    return out;
}

DeviceCostModel::DeviceCostModel(const Device& device, int bytesPerElement)
    : m_device(&device),
      m_constants(costConstants(device)),
      m_peakGops(peakGopsFor(device, bytesPerElement)),
      m_bandwidthGBs(device.memoryBandwidthGBs.value) {
    if (!(m_peakGops > 0) && !device.costModels.latencyMs)
        throw std::invalid_argument("device '" + device.id + "' lists no peak throughput and no fitted latency model");
}

SliceCost DeviceCostModel::cost(const SliceWork& work) const {
    const auto& k = m_constants;
    const auto& fitted = m_device->costModels;
    SliceCost c;
    Posynomial macs;
    for (const auto& l : work.layers) macs += l.macs;
    // ms = 2 * MACs / (GOPS * 1e9) * 1e3; memory ms = bytes / (GB/s * 1e9) * 1e3.
    // A device with a fitted latency model may list no peak: no compute term then.
    const Posynomial computeMs = m_peakGops > 0 ? (2.0 / (k.computeEfficiency * m_peakGops * 1e6)) * macs : Posynomial();
    const Posynomial memoryMs = (1.0 / (k.memoryEfficiency * m_bandwidthGBs * 1e6)) * work.memoryBytes;
    auto perLayer = [&](const FlydelModel& m) {
        Posynomial sum;
        for (const auto& l : work.layers) sum += m.toPosynomial(l.features);
        return sum;
    };

    if (fitted.latencyMs) {
        c.latencyMs = perLayer(*fitted.latencyMs);
    } else {
        c.latencyMs = Posynomial(work.launches * k.launchOverheadUs * 1e-3);
        c.latencyMs += computeMs;
        c.latencyMs += memoryMs;
    }
    if (fitted.energyMj) {
        c.energyMj = perLayer(*fitted.energyMj);
    } else {
        // W x ms = mJ; pJ/B x B x 1e-9 = mJ.
        c.energyMj = m_device->staticPowerW.value * c.latencyMs;
        c.energyMj += m_device->dynamicPowerW.value * computeMs;
        c.energyMj += (k.dramEnergyPjPerByte * 1e-9) * work.memoryBytes;
    }
    if (m_device->kind != DeviceKind::Fpga) return c;

    Posynomial bits, lanesC, lanesN;
    for (const auto& l : work.layers) {
        bits += l.weightBits;
        bits += l.lineBufferBits;
        lanesC += l.channelLanes;
        lanesN += l.filterLanes;
    }
    // Zero constants drop out of a posynomial; a resource left empty has no constraint.
    const Posynomial alms = Posynomial(k.almBase) + k.almPerChannel * lanesC + k.almPerFilter * lanesN;
    c.alms = fitted.alms ? perLayer(*fitted.alms) : alms;
    c.labs = fitted.labs ? perLayer(*fitted.labs) : (1.0 / (k.almsPerLab * k.labPacking)) * c.alms;
    c.m20kBlocks = fitted.m20kBlocks ? perLayer(*fitted.m20kBlocks)
                                     : Posynomial(k.m20kBase) + (1.0 / (k.m20kBits * k.m20kPacking)) * bits;
    c.luts = k.lutsPerAlm * alms;
    c.bram36Blocks = Posynomial(k.m20kBase) + (1.0 / (k.bram36Bits * k.m20kPacking)) * bits;
    const double dspBudget = m_device->fpga.dsps ? m_device->fpga.dsps->value : 0;
    c.dsps = fitted.dsps ? perLayer(*fitted.dsps) : Posynomial(k.dspFraction * dspBudget);
    return c;
}

Posynomial linkTransferMs(const Link& link, const Posynomial& bytes, int transfers) {
    return Posynomial(transfers * link.latencyUs.value * 1e-3) + (1.0 / (link.bandwidthGBs.value * 1e6)) * bytes;
}

Posynomial linkTransferMj(const Link& link, const Posynomial& bytes) {
    return (link.energyPjPerByte.value * 1e-9) * bytes;
}

}  // namespace tessera::core
