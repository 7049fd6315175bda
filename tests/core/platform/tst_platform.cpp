// Platform descriptors: the built-in descriptors load and carry the published
// figures methods.md relies on; every malformed descriptor gives a FormatError
// naming the file, the JSON path and the problem; descriptors round-trip.

#include <QtTest>

#include <filesystem>
#include <set>

#include <nlohmann/json.hpp>

#include "core/cost/flydel.h"
#include "core/platform/platform.h"

using namespace tessera::core;

namespace {

QString dataFile(const QString& name) { return QStringLiteral(TESSERA_TEST_DATA "/platforms_bad/") + name; }

// Every figure of a descriptor, with its JSON path, for provenance checks.
void collectFigures(const nlohmann::json& v, const std::string& path, std::vector<std::pair<std::string, nlohmann::json>>& out) {
    if (v.is_object()) {
        if (v.contains("value") && v.contains("unit")) {
            out.emplace_back(path, v);
            return;
        }
        for (auto it = v.begin(); it != v.end(); ++it) collectFigures(it.value(), path + "." + it.key(), out);
    } else if (v.is_array()) {
        for (std::size_t i = 0; i < v.size(); ++i) collectFigures(v[i], path + "[" + std::to_string(i) + "]", out);
    }
}

}  // namespace

class TestPlatform : public QObject {
    Q_OBJECT
private slots:
    void builtinNames() {
        const auto names = builtinPlatformNames();
        QVERIFY(std::is_sorted(names.begin(), names.end()));
        for (const char* required : {"jetson_tx2_cyclone10gx", "alveo_u200_host"})
            QVERIFY2(isBuiltinPlatform(required), required);
        QVERIFY(names.size() >= 3);
        QVERIFY(!isBuiltinPlatform("no_such_platform"));
    }

    void builtinDescriptorsAreValidAndSourced() {
        for (const auto& name : builtinPlatformNames()) {
            const Platform p = loadBuiltinPlatform(name);
            QCOMPARE(p.name(), name);
            QVERIFY(!p.devices().empty());
            QVERIFY(!p.displayName().empty());
            QCOMPARE(p.hash().size(), std::size_t(16));
            // Every figure names a public source (or says it is an estimate and why).
            std::vector<std::pair<std::string, nlohmann::json>> figures;
            collectFigures(platformToJson(p), "", figures);
            QVERIFY(figures.size() >= 10);
            for (const auto& [path, f] : figures) {
                const std::string where = name + path;
                QVERIFY2(f.value("source", std::string()).size() >= 3, where.c_str());
                QVERIFY2(f.contains("basis"), where.c_str());
                if (f["basis"] == "estimate" || f["basis"] == "derived")
                    QVERIFY2(!f.value("note", std::string()).empty(), (where + ": an estimate or derivation must explain itself").c_str());
            }
            // Every pair of devices that must exchange data is linked.
            for (std::size_t i = 0; i < p.devices().size(); ++i)
                for (std::size_t j = i + 1; j < p.devices().size(); ++j)
                    QVERIFY2(p.linkBetween(p.devices()[i].id, p.devices()[j].id) != nullptr,
                             (name + ": no link between " + p.devices()[i].id + " and " + p.devices()[j].id).c_str());
        }
    }

    void jetsonCyclonePublishedFigures() {
        // methods.md, method 1 / platforms: Cyclone 10 GX 10CX220 budgets.
        const Platform p = loadBuiltinPlatform("jetson_tx2_cyclone10gx");
        QVERIFY(p.findDevice(DeviceKind::Cpu));
        QVERIFY(p.findDevice(DeviceKind::Gpu));
        const Device* fpga = p.findDevice(DeviceKind::Fpga);
        QVERIFY(fpga);
        QCOMPARE(fpga->fpga.alms->value, 80330.0);
        QCOMPARE(fpga->fpga.labs->value, 8033.0);
        QCOMPARE(fpga->fpga.m20kBlocks->value, 587.0);
        QCOMPARE(fpga->fpga.dsps->value, 192.0);
        QCOMPARE(fpga->fpga.multipliers->value, 384.0);
        QCOMPARE(fpga->fpga.alms->unit, std::string("ALM"));
        // PCIe Gen2 x4: 4 lanes x 5 GT/s x 8b/10b = 2 GB/s per direction.
        const Link* pcie = p.linkBetween(fpga->id, p.findDevice(DeviceKind::Gpu)->id);
        QVERIFY(pcie);
        QCOMPARE(pcie->bandwidthGBs.value, 2.0);
        QCOMPARE(pcie->bandwidthGBs.unit, std::string("GB/s"));
        // transferUs = latency + bytes / bandwidth.
        QCOMPARE(pcie->transferUs(2e6), pcie->latencyUs.value + 1000.0);
        // The TX2 GPU: 256 CUDA cores on 2 SMs.
        const Device* gpu = p.findDevice(DeviceKind::Gpu);
        QCOMPARE(gpu->cores->value, 256.0);
        QCOMPARE(gpu->computeUnits->value, 2.0);
        QVERIFY(gpu->peak.fp32Gops.has_value());
        QVERIFY(gpu->fullLoadPowerW() > gpu->staticPowerW.value);
    }

    void alveoOverlayDefaults() {
        // methods.md, method 4: P1 = 92, P2 = 64, 200 MHz, 64 GB/s, double buffering, F(2,3).
        const Platform p = loadBuiltinPlatform("alveo_u200_host");
        const Device* fpga = p.findDevice(DeviceKind::Fpga);
        QVERIFY(fpga && fpga->overlay);
        const auto overlay = fpga->overlay->dynamap();
        QVERIFY(overlay.has_value());
        QCOMPARE(overlay->p1, 92);
        QCOMPARE(overlay->p2, 64);
        QCOMPARE(overlay->clockMhz, 200.0);
        QCOMPARE(overlay->bandwidthGBs, 64.0);
        QCOMPARE(overlay->winogradM, 2);
        QCOMPARE(overlay->winogradR, 3);
        QVERIFY(overlay->doubleBuffering);
        QVERIFY(fpga->fpga.dsps->value >= 6000);  // about 6,840 DSP slices
        QVERIFY(fpga->fpga.luts.has_value());
        QVERIFY(p.findDevice(DeviceKind::Cpu));
    }

    void roundTrip() {
        for (const auto& name : builtinPlatformNames()) {
            const Platform p = loadBuiltinPlatform(name);
            const nlohmann::json j = platformToJson(p);
            const Platform back = platformFromJson(j, "roundtrip");
            QVERIFY2(back == p, name.c_str());
            QCOMPARE(back.hash(), p.hash());
            QCOMPARE(platformToJson(back).dump(), j.dump());
            const Platform fromText = platformFromJsonText(j.dump(2), "text");
            QVERIFY(fromText == p);
        }
    }

    // Method 1's per-device cost constants and fitted cost models load into
    // the Device, round-trip exactly and are part of the hash.
    void costConstantsAndModels() {
        const Platform base = loadBuiltinPlatform("jetson_tx2_cyclone10gx");
        nlohmann::json j = platformToJson(base);
        auto& devices = j["devices"];
        std::size_t gpu = 0, fpga = 0;
        for (std::size_t i = 0; i < devices.size(); ++i) {
            if (devices[i]["kind"] == "gpu") gpu = i;
            if (devices[i]["kind"] == "fpga") fpga = i;
        }
        const auto fig = [](double value, const char* unit) {
            return nlohmann::json{{"value", value}, {"unit", unit}, {"source", "test fixture"}, {"basis", "estimate"},
                                  {"note", "why"}};
        };
        devices[gpu]["cost_constants"] = {{"compute_efficiency", fig(0.65, "1")}, {"launch_overhead_us", fig(0, "us")}};
        devices[fpga]["cost_constants"] = {{"alm_base", fig(9000, "ALM")}, {"m20k_packing", fig(0.75, "1")}};
        // Defaults: form product, basis measured.
        devices[gpu]["cost_models"] = {
            {"latency_ms", {{"scale", 2.5e-7}, {"factors", {{"hw", {0, 1}}, {"c", {0.1, 1}}, {"n", {1}}}},
                            {"unit", "ms"}, {"source", "fitted on TX2, 2026-11"}}}};
        devices[fpga]["cost_models"] = {
            {"energy_mj", {{"form", "product"}, {"scale", 1e-6}, {"factors", {{"k", {0, 0, 1}}}}, {"unit", "mJ"},
                           {"source", "fit"}, {"basis", "estimate"}, {"note", "k^2"}}},
            {"alms", {{"form", "sum"}, {"scale", 1}, {"factors", {{"c", {12000, 6}}, {"n", {0, 24, 0, 0.001}}}},
                      {"unit", "ALM"}, {"source", "Quartus fit reports"}}},
            {"m20k_blocks", {{"scale", 3}, {"unit", "block"}, {"source", "constant"}}}};
        const Platform p = platformFromJson(j, "cost");

        const Device& g = p.devices()[gpu];
        QCOMPARE(g.costConstants.size(), std::size_t(2));
        QCOMPARE(g.costConstants.at("compute_efficiency").value, 0.65);
        QCOMPARE(g.costConstants.at("compute_efficiency").unit, std::string("1"));
        QCOMPARE(g.costConstants.at("launch_overhead_us").value, 0.0);
        QVERIFY(g.costModels.latencyMs.has_value());
        QVERIFY(!g.costModels.energyMj && !g.costModels.alms);
        const FlydelModel& lat = *g.costModels.latencyMs;
        QVERIFY(lat.form == FlydelModel::Form::Product);
        QVERIFY(lat.basis == FigureBasis::Measured);
        QCOMPARE(lat.scale, 2.5e-7);
        QCOMPARE(lat.factors[0], (std::vector<double>{0, 1}));
        QCOMPARE(lat.factors[1], (std::vector<double>{0.1, 1}));
        QVERIFY(lat.factors[2].empty());
        QCOMPARE(lat.factors[3], (std::vector<double>{1}));
        QCOMPARE(lat.unit, std::string("ms"));
        QCOMPARE(lat.source, std::string("fitted on TX2, 2026-11"));

        const Device& f = p.devices()[fpga];
        QCOMPARE(f.costConstants.at("alm_base").value, 9000.0);
        QCOMPARE(f.costConstants.at("m20k_packing").basis, FigureBasis::Estimate);
        QVERIFY(f.costModels.alms && f.costModels.energyMj && f.costModels.m20kBlocks);
        QVERIFY(!f.costModels.latencyMs && !f.costModels.labs && !f.costModels.dsps);
        QVERIFY(f.costModels.alms->form == FlydelModel::Form::Sum);
        QCOMPARE(f.costModels.alms->factors[3], (std::vector<double>{0, 24, 0, 0.001}));
        QCOMPARE(f.costModels.energyMj->basis, FigureBasis::Estimate);
        QCOMPARE(f.costModels.energyMj->note, std::string("k^2"));
        QCOMPARE(f.costModels.m20kBlocks->scale, 3.0);  // product with no factors: a constant

        const nlohmann::json out = platformToJson(p);
        const Platform back = platformFromJson(out, "roundtrip");
        QVERIFY(back == p);
        QCOMPARE(back.hash(), p.hash());
        QCOMPARE(platformToJson(back).dump(), out.dump());
        QVERIFY(platformFromJsonText(out.dump(2), "text") == p);
        QVERIFY(p.hash() != base.hash());
        // The built-in descriptor without the keys still writes none of them.
        QVERIFY(!platformToJson(base)["devices"][gpu].contains("cost_models"));
        QVERIFY(!platformToJson(base)["devices"][gpu].contains("cost_constants"));
    }

    void hashChangesWithContent() {
        const Platform p = loadBuiltinPlatform("jetson_tx2_cyclone10gx");
        nlohmann::json j = platformToJson(p);
        j["devices"][0]["clock_mhz"]["value"] = 1999;
        const Platform q = platformFromJson(j, "edited");
        QVERIFY(q.hash() != p.hash());
        QVERIFY(!(q == p));
    }

    void openByNameOrPath() {
        const Platform byName = openPlatform("alveo_u200_host");
        const Platform byPath = openPlatform(TESSERA_SOURCE_DIR "/platforms/alveo_u200_host.json");
        QVERIFY(byName == byPath);
        try {
            openPlatform("tx2");
            QFAIL("an unknown platform name must throw");
        } catch (const FormatError& e) {
            const std::string m = e.what();
            QVERIFY2(m.find("tx2") != std::string::npos, m.c_str());
            QVERIFY2(m.find("jetson_tx2_cyclone10gx") != std::string::npos, m.c_str());  // lists the built-ins
        }
    }

    void malformed_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        const std::pair<const char*, const char*> cases[] = {
            {"not_json.json", "not valid JSON (at byte"},
            {"empty.json", "not valid JSON"},
            {"trailing_garbage.json", "not valid JSON"},
            {"deep_nesting.json", "nested deeper than 64 levels"},
            {"duplicate_key.json", "devices[2].alms: duplicate key"},
            {"nonfinite_value.json", "devices[0].clock_mhz.value: number overflow"},
            {"root_array.json", "expected an object, got an array"},
            {"wrong_format.json", "format: expected \"tessera-platform\", got \"tessera-network\""},
            {"schema_version_2.json", "schema_version: unsupported schema_version 2"},
            {"schema_version_string.json", "schema_version: expected an integer, got a string"},
            {"missing_name.json", "name: missing"},
            {"bad_name.json", "name: must be 1-64 characters"},
            {"unknown_top_key.json", "devcies: unknown key"},
            {"no_devices.json", "devices: a platform needs at least one device"},
            {"devices_not_array.json", "devices: expected an array, got an object"},
            {"device_unknown_kind.json", "devices[0].kind: expected cpu, gpu or fpga, got \"dsp\""},
            {"device_missing_id.json", "devices[1].id: missing"},
            {"device_bad_id.json", "devices[1].id: must be 1-64 characters"},
            {"duplicate_device_id.json", "devices[2].id: duplicate device id 'gpu'"},
            {"device_unknown_key.json", "devices[0].clock_ghz: unknown key"},
            {"clock_missing.json", "devices[0].clock_mhz: missing"},
            {"static_power_negative.json", "devices[0].static_power_w.value: must not be negative, got -1"},
            {"gpu_no_peak.json", "devices[1].peak_gops: missing"},
            {"peak_empty.json", "devices[1].peak_gops: give at least one of"},
            {"peak_unknown_precision.json", "devices[1].peak_gops.fp64: unknown key"},
            {"cpu_with_alms.json", "devices[0].alms: only an fpga device"},
            {"overlay_on_gpu.json", "devices[1].overlay: only an fpga device"},
            {"alms_negative.json", "devices[2].alms.value: must be positive, got -5"},
            {"alms_zero.json", "devices[2].alms.value: must be positive, got 0"},
            {"alms_string.json", "devices[2].alms.value: expected a number, got a string"},
            {"alms_fraction.json", "devices[2].alms.value: must be a whole number"},
            {"alms_wrong_unit.json", "devices[2].alms.unit: expected \"ALM\", got \"ALMs\""},
            {"alms_missing_source.json", "devices[2].alms.source: missing"},
            {"alms_empty_source.json", "devices[2].alms.source: must not be empty"},
            {"alms_not_object.json", "devices[2].alms: expected an object, got a number"},
            {"figure_unknown_key.json", "devices[2].alms.vaule: unknown key"},
            {"figure_bad_basis.json", "devices[2].alms.basis: expected datasheet, derived, estimate or measured"},
            {"fpga_no_resources.json", "devices[2]: an fpga device needs resource budgets"},
            {"fpga_no_dsps.json", "devices[2].dsps: missing"},
            {"fpga_no_logic.json", "devices[2].alms: missing"},
            {"overlay_missing_p1.json", "devices[2].overlay.parameters.p1: missing"},
            {"overlay_p1_fraction.json", "devices[2].overlay.parameters.p1: must be a whole number"},
            {"overlay_unknown_param.json", "devices[2].overlay.parameters.p3: unknown dynamap parameter"},
            {"overlay_double_buffering_number.json", "double_buffering: expected a boolean, got a number"},
            {"overlay_param_array.json", "devices[2].overlay.parameters.p2: expected a number, boolean or string"},
            {"cost_constant_unknown.json",
             "devices[1].cost_constants.compute_eff: unknown cost constant (valid: compute_efficiency, "},
            {"cost_constant_wrong_unit.json",
             "devices[1].cost_constants.launch_overhead_us.unit: expected \"us\", got \"ms\""},
            {"cost_constant_out_of_range.json",
             "devices[1].cost_constants.compute_efficiency.value: must be within [0.01, 1], got 1.5"},
            {"cost_constant_fpga_only_on_gpu.json",
             "devices[1].cost_constants.alm_base: only an fpga device may have this (device kind is gpu)"},
            {"cost_model_negative_coefficient.json",
             "devices[2].cost_models.latency_ms.factors.c[1]: must be >= 0, got -3"},
            {"cost_model_degree_4.json",
             "devices[2].cost_models.latency_ms.factors.hw: at most 4 coefficients (up to degree 3), got 5"},
            {"cost_model_bad_form.json", "devices[2].cost_models.latency_ms.form: expected product or sum, got \"prod\""},
            {"cost_model_resource_on_cpu.json",
             "devices[0].cost_models.alms: only an fpga device may have this (device kind is cpu)"},
            {"cost_model_empty_source.json", "devices[2].cost_models.latency_ms.source: must not be empty"},
            {"cost_model_unknown_key.json", "devices[2].cost_models.latency_ms.offset: unknown key"},
            {"link_unknown_device.json", "links[0].to: unknown device 'dsp'"},
            {"link_self.json", "links[0].to: a link must join two different devices"},
            {"link_duplicate_id.json", "links[1].id: duplicate link id 'cpu_gpu'"},
            {"link_duplicate_pair.json", "links[1]: a second link between 'gpu' and 'cpu'"},
            {"link_missing_bandwidth.json", "links[0].bandwidth_gbs: missing"},
            {"link_wrong_unit.json", "links[0].bandwidth_gbs.unit: expected \"GB/s\", got \"Gb/s\""},
            {"does_not_exist.json", "no such file"},
        };
        for (const auto& [file, expected] : cases) QTest::newRow(file) << QString(file) << QString(expected);
    }

    void malformed() {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        const std::string path = dataFile(file).toStdString();
        try {
            loadPlatformFile(path);
            QFAIL(qPrintable(file + " loaded without an error"));
        } catch (const FormatError& e) {
            const std::string m = e.what();
            QVERIFY2(m.rfind(path, 0) == 0, ("message must start with the file: " + m).c_str());
            QVERIFY2(m.find(expected.toStdString()) != std::string::npos, m.c_str());
        }
    }

    // Every fixture in the folder is covered by a case above.
    void everyFixtureChecked() {
        std::set<std::string> files;
        for (const auto& e : std::filesystem::directory_iterator(TESSERA_TEST_DATA "/platforms_bad"))
            if (e.path().extension() == ".json") files.insert(e.path().filename().string());
        QCOMPARE(files.size(), std::size_t(61));
    }

    void oversizedFileRefused() {
        const QString path = QDir::temp().filePath("tessera_huge_platform.json");
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            const QByteArray chunk(1 << 20, ' ');
            for (int i = 0; i < 5; ++i) f.write(chunk);
        }
        try {
            loadPlatformFile(path.toStdString());
            QFAIL("an oversized file must be refused");
        } catch (const FormatError& e) {
            QVERIFY2(std::string(e.what()).find("limit") != std::string::npos, e.what());
        }
        QFile::remove(path);
    }
};

QTEST_APPLESS_MAIN(TestPlatform)
#include "tst_platform.moc"
