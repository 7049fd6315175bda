#include "core/platform/platform.h"

#include <algorithm>
#include <system_error>

#include "embedded.h"

namespace tessera::core {

namespace {

constexpr std::pair<DeviceKind, std::string_view> kDeviceKindNames[] = {
    {DeviceKind::Cpu, "cpu"}, {DeviceKind::Gpu, "gpu"}, {DeviceKind::Fpga, "fpga"}};

constexpr std::pair<FigureBasis, std::string_view> kBasisNames[] = {
    {FigureBasis::Datasheet, "datasheet"},
    {FigureBasis::Derived, "derived"},
    {FigureBasis::Estimate, "estimate"},
    {FigureBasis::Measured, "measured"}};

std::string builtinList() {
    std::string list;
    for (const auto& name : builtinPlatformNames()) list += (list.empty() ? "" : ", ") + name;
    return list;
}

std::optional<std::string_view> builtinText(std::string_view name) {
    for (const auto& [stem, text] : tessera::resources::platformFiles())
        if (stem == name) return text;
    return std::nullopt;
}

}  // namespace

std::string_view deviceKindName(DeviceKind kind) {
    for (const auto& [k, n] : kDeviceKindNames)
        if (k == kind) return n;
    return "cpu";
}

std::optional<DeviceKind> deviceKindFromName(std::string_view name) {
    for (const auto& [k, n] : kDeviceKindNames)
        if (n == name) return k;
    return std::nullopt;
}

std::string_view figureBasisName(FigureBasis basis) {
    for (const auto& [b, n] : kBasisNames)
        if (b == basis) return n;
    return "datasheet";
}

std::optional<FigureBasis> figureBasisFromName(std::string_view name) {
    for (const auto& [b, n] : kBasisNames)
        if (n == name) return b;
    return std::nullopt;
}

bool FpgaResources::empty() const {
    return !alms && !labs && !luts && !registers && !dsps && !multipliers && !m20kBlocks && !m20kKb && !mlabKb &&
           !bram36Blocks && !uramBlocks;
}

std::optional<DynamapOverlay> FpgaOverlay::dynamap() const {
    if (kind != "dynamap") return std::nullopt;
    // The loader checked every parameter's presence and type; the fallbacks
    // only matter for hand-built values.
    auto number = [&](const char* key, double fallback) {
        auto it = parameters.find(key);
        if (it == parameters.end()) return fallback;
        const double* v = std::get_if<double>(&it->second);
        return v ? *v : fallback;
    };
    DynamapOverlay o;
    o.p1 = static_cast<int>(number("p1", o.p1));
    o.p2 = static_cast<int>(number("p2", o.p2));
    o.clockMhz = number("clock_mhz", o.clockMhz);
    o.bandwidthGBs = number("bandwidth_gbs", o.bandwidthGBs);
    o.winogradM = static_cast<int>(number("winograd_m", o.winogradM));
    o.winogradR = static_cast<int>(number("winograd_r", o.winogradR));
    o.dataBits = static_cast<int>(number("data_bits", o.dataBits));
    if (auto it = parameters.find("double_buffering"); it != parameters.end())
        if (const bool* b = std::get_if<bool>(&it->second)) o.doubleBuffering = *b;
    return o;
}

std::optional<DeviceId> Platform::deviceId(std::string_view id) const {
    for (std::size_t i = 0; i < m_devices.size(); ++i)
        if (m_devices[i].id == id) return DeviceId{static_cast<int>(i)};
    return std::nullopt;
}

const Device* Platform::findDevice(std::string_view id) const {
    auto it = std::find_if(m_devices.begin(), m_devices.end(), [&](const Device& d) { return d.id == id; });
    return it == m_devices.end() ? nullptr : &*it;
}

const Device* Platform::findDevice(DeviceKind kind) const {
    auto it = std::find_if(m_devices.begin(), m_devices.end(), [&](const Device& d) { return d.kind == kind; });
    return it == m_devices.end() ? nullptr : &*it;
}

std::vector<DeviceId> Platform::devicesOfKind(DeviceKind kind) const {
    std::vector<DeviceId> ids;
    for (std::size_t i = 0; i < m_devices.size(); ++i)
        if (m_devices[i].kind == kind) ids.push_back(DeviceId{static_cast<int>(i)});
    return ids;
}

const Link* Platform::linkBetween(std::string_view a, std::string_view b) const {
    auto it = std::find_if(m_links.begin(), m_links.end(), [&](const Link& l) { return l.connects(a, b); });
    return it == m_links.end() ? nullptr : &*it;
}

std::vector<std::string> builtinPlatformNames() {
    std::vector<std::string> names;
    for (const auto& [stem, text] : tessera::resources::platformFiles()) names.emplace_back(stem);
    std::sort(names.begin(), names.end());
    return names;
}

bool isBuiltinPlatform(std::string_view name) { return builtinText(name).has_value(); }

Platform loadBuiltinPlatform(std::string_view name) {
    auto text = builtinText(name);
    if (!text) throw FormatError("unknown platform '" + std::string(name) + "' (built-in: " + builtinList() + ")");
    const std::string origin = "builtin:" + std::string(name);
    Platform p = platformFromJsonText(*text, origin);
    // The file stem is the name users type; a mismatch would make
    // `platform show <name>` print a different name than it was asked for.
    if (p.name() != name)
        throw FormatError(origin + ": name: built-in descriptor must be named like its file ('" + std::string(name) +
                          "'), got '" + p.name() + "'");
    return p;
}

Platform openPlatform(const std::string& nameOrPath) {
    if (isBuiltinPlatform(nameOrPath)) return loadBuiltinPlatform(nameOrPath);
    std::error_code ec;
    const std::filesystem::path path(nameOrPath);
    const bool looksLikePath = nameOrPath.find('/') != std::string::npos ||
                               nameOrPath.find('\\') != std::string::npos || path.extension() == ".json";
    if (looksLikePath || std::filesystem::exists(path, ec)) return loadPlatformFile(path);
    throw FormatError("unknown platform '" + nameOrPath + "' (built-in: " + builtinList() + ")");
}

}  // namespace tessera::core
