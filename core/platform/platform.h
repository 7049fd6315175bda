#pragma once
// Platform descriptors: the devices (CPU, GPU, FPGA) of a heterogeneous
// platform and the links between them. Every number is a Figure that names
// its public source (datasheet and section, or a derivation), so results can
// be traced back to where their inputs came from.
//
// A Platform is parsed once from JSON ("format": "tessera-platform",
// "schema_version": 1; see docs/platform-format.md), validated completely,
// and is immutable afterwards. Built-in descriptors live in platforms/*.json
// and are embedded into the program.

#include <compare>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/platform/figure.h"
#include "core/cost/flydel.h"
#include "core/types.h"

namespace tessera::core {

inline constexpr int kPlatformSchemaVersion = 1;
inline constexpr std::uintmax_t kMaxPlatformFileBytes = 4u << 20;  // 4 MiB
inline constexpr std::size_t kMaxPlatformDevices = 64;
inline constexpr std::size_t kMaxPlatformLinks = 1024;
inline constexpr std::size_t kMaxPlatformStringBytes = 4096;  // any one string field

enum class DeviceKind { Cpu, Gpu, Fpga };
std::string_view deviceKindName(DeviceKind kind);  // "cpu", "gpu", "fpga"
std::optional<DeviceKind> deviceKindFromName(std::string_view name);

// Peak arithmetic throughput per precision, in GOPS (1e9 operations per
// second; a multiply-accumulate counts as two operations). Absent where the
// device has no native support or no meaningful figure.
struct PeakThroughput {
    std::optional<Figure> fp32Gops;
    std::optional<Figure> fp16Gops;
    std::optional<Figure> int8Gops;
    bool empty() const { return !fp32Gops && !fp16Gops && !int8Gops; }
    friend bool operator==(const PeakThroughput&, const PeakThroughput&) = default;
};

// FPGA resource budgets. General enough for Intel (ALM/LAB/M20K/MLAB) and
// AMD-Xilinx (LUT/BRAM36/URAM) parts; an FPGA device must give `dsps` and at
// least one logic measure (`alms` or `luts`). All counts are whole numbers.
struct FpgaResources {
    std::optional<Figure> alms;          // adaptive logic modules (Intel), unit "ALM"
    std::optional<Figure> labs;          // logic array blocks, 10 ALMs each (Intel), unit "LAB"
    std::optional<Figure> luts;          // 6-input look-up tables (Xilinx), unit "LUT"
    std::optional<Figure> registers;     // flip-flops, unit "register"
    std::optional<Figure> dsps;          // DSP blocks (Intel) or DSP slices (Xilinx), unit "DSP"
    std::optional<Figure> multipliers;   // 18x19 multipliers (Intel: 2 per DSP block), unit "multiplier"
    std::optional<Figure> m20kBlocks;    // 20 Kb RAM blocks (Intel), unit "block"
    std::optional<Figure> m20kKb;        // total M20K capacity, unit "Kb"
    std::optional<Figure> mlabKb;        // total MLAB (LUT RAM) capacity (Intel), unit "Kb"
    std::optional<Figure> bram36Blocks;  // 36 Kb block RAMs (Xilinx), unit "block"
    std::optional<Figure> uramBlocks;    // 288 Kb UltraRAMs (Xilinx), unit "block"
    bool empty() const;
    friend bool operator==(const FpgaResources&, const FpgaResources&) = default;
};

// The typed view of a DYNAMAP systolic-array overlay (Meng et al., FPGA 2021).
struct DynamapOverlay {
    int p1 = 92;                 // PE array rows
    int p2 = 64;                 // PE array columns
    double clockMhz = 200.0;     // overlay clock
    double bandwidthGBs = 64.0;  // off-chip bandwidth available to the overlay
    int winogradM = 2;           // Winograd F(m x m, r x r) output tile
    int winogradR = 3;           // Winograd filter size
    bool doubleBuffering = true;
    int dataBits = 8;            // bits per data element
    friend bool operator==(const DynamapOverlay&, const DynamapOverlay&) = default;
};

using OverlayParameter = std::variant<bool, double, std::string>;

// An accelerator overlay configured on an FPGA: free-form parameters with one
// source. For kind "dynamap" the parameters are checked on load against
// DynamapOverlay's fields (snake_case: p1, p2, clock_mhz, bandwidth_gbs,
// winograd_m, winograd_r, double_buffering, data_bits).
struct FpgaOverlay {
    std::string kind;    // e.g. "dynamap"
    std::string source;  // where the parameters come from
    std::string note;
    std::map<std::string, OverlayParameter> parameters;
    // The typed parameters when kind == "dynamap", nullopt otherwise.
    std::optional<DynamapOverlay> dynamap() const;
    friend bool operator==(const FpgaOverlay&, const FpgaOverlay&) = default;
};

// One compute device. Power model: an idle device draws staticPowerW; at full
// utilisation it draws staticPowerW + dynamicPowerW.
struct Device {
    std::string id;    // unique within the platform: letters, digits, '_' and '-'
    std::string name;  // human name, e.g. "NVIDIA Jetson TX2 GPU (256-core Pascal)"
    DeviceKind kind = DeviceKind::Cpu;
    std::string note;
    Figure clockMhz;             // CPU/GPU: maximum clock; FPGA: design (fabric) clock. "MHz"
    PeakThroughput peak;         // required (at least one precision) for CPU and GPU
    Figure memoryBandwidthGBs;   // off-chip memory bandwidth, 1e9 B/s. "GB/s"
    std::optional<Figure> memoryGiB;      // off-chip memory capacity. "GiB"
    Figure staticPowerW;         // idle power. "W"
    Figure dynamicPowerW;        // maximum power above idle. "W"
    std::optional<Figure> cores;          // CPU cores or GPU CUDA/shader cores. "core"
    std::optional<Figure> computeUnits;   // e.g. GPU streaming multiprocessors; any count unit
    FpgaResources fpga;                   // FPGA devices only
    std::optional<FpgaOverlay> overlay;   // FPGA devices only
    // Method 1's cost models: fitted flydels replacing the analytic default
    // per KPI ("cost_models"), and overrides of the analytic model's named
    // constants ("cost_constants", keys from costConstantSpecs()).
    DeviceCostModels costModels;
    std::map<std::string, Figure> costConstants;

    double fullLoadPowerW() const { return staticPowerW.value + dynamicPowerW.value; }
    friend bool operator==(const Device&, const Device&) = default;
};

// A full-duplex connection between two devices; bandwidth is per direction.
struct Link {
    std::string id;    // unique within the platform
    std::string name;  // e.g. "PCIe Gen2 x4"
    std::string from;  // device id
    std::string to;    // device id
    std::string note;
    Figure bandwidthGBs;     // payload bandwidth per direction, 1e9 B/s. "GB/s"
    Figure latencyUs;        // fixed cost of one transfer. "us"
    Figure energyPjPerByte;  // energy per byte moved. "pJ/B"

    bool connects(std::string_view a, std::string_view b) const {
        return (from == a && to == b) || (from == b && to == a);
    }
    // latency + bytes / bandwidth, in microseconds.
    double transferUs(double bytes) const { return latencyUs.value + bytes / (bandwidthGBs.value * 1e3); }
    // bytes x energy per byte, in microjoules.
    double transferEnergyUj(double bytes) const { return bytes * energyPjPerByte.value * 1e-6; }
    friend bool operator==(const Link&, const Link&) = default;
};

// Strong index of a device inside one Platform (its position in devices()).
struct DeviceId {
    int value = -1;
    constexpr bool valid() const { return value >= 0; }
    friend constexpr bool operator==(DeviceId, DeviceId) = default;
    friend constexpr auto operator<=>(DeviceId, DeviceId) = default;
};

class PlatformJsonReader;

// A validated platform descriptor. Obtain one from platformFromJson,
// loadPlatformFile, loadBuiltinPlatform or openPlatform; a default-constructed
// Platform is empty (no devices).
class Platform {
public:
    Platform() = default;

    const std::string& name() const { return m_name; }  // identifier: [a-z0-9_]+
    const std::string& displayName() const { return m_displayName; }
    const std::string& description() const { return m_description; }
    int schemaVersion() const { return m_schemaVersion; }
    const std::vector<Device>& devices() const { return m_devices; }
    const std::vector<Link>& links() const { return m_links; }

    std::optional<DeviceId> deviceId(std::string_view id) const;
    // Precondition: id is a valid index of this platform.
    const Device& device(DeviceId id) const { return m_devices.at(static_cast<std::size_t>(id.value)); }
    const Device* findDevice(std::string_view id) const;  // nullptr when absent
    const Device* findDevice(DeviceKind kind) const;      // first device of that kind
    std::vector<DeviceId> devicesOfKind(DeviceKind kind) const;
    // The link joining two devices (by id, either direction), nullptr when none.
    const Link* linkBetween(std::string_view a, std::string_view b) const;

    // FNV-1a 64-bit hash of the canonical JSON (platformToJson(*this).dump()),
    // 16 lowercase hex digits; recorded by design points for reproducibility.
    const std::string& hash() const { return m_hash; }

    friend bool operator==(const Platform&, const Platform&) = default;

private:
    friend class PlatformJsonReader;
    std::string m_name;
    std::string m_displayName;
    std::string m_description;
    int m_schemaVersion = kPlatformSchemaVersion;
    std::vector<Device> m_devices;
    std::vector<Link> m_links;
    std::string m_hash;
};

// Parses and validates a descriptor. Throws FormatError
// "<origin>: <json path>: <what is wrong>", e.g.
// "board.json: devices[2].alms.value: must be positive, got -5".
Platform platformFromJson(const nlohmann::json& doc, std::string_view origin);
// Same from JSON text; also rejects text that is not JSON (with the byte
// position) and duplicate keys in an object.
Platform platformFromJsonText(std::string_view text, std::string_view origin);
// Reads a descriptor file (at most kMaxPlatformFileBytes); errors name the file.
Platform loadPlatformFile(const std::filesystem::path& path);

// The canonical JSON of a platform: sorted keys, every figure with unit,
// source and basis. platformFromJson(platformToJson(p), ...) == p.
nlohmann::json platformToJson(const Platform& platform);

// Built-in descriptors (platforms/*.json, embedded), by file stem, sorted.
std::vector<std::string> builtinPlatformNames();
bool isBuiltinPlatform(std::string_view name);
// Throws FormatError "unknown platform 'x' (built-in: a, b, c)".
Platform loadBuiltinPlatform(std::string_view name);
// A built-in name or a path to a .json descriptor.
Platform openPlatform(const std::string& nameOrPath);

}  // namespace tessera::core
