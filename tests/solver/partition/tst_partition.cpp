// Method 1 (GP layer partitioning): optima checked against hand formulas on a
// platform whose costs are pure compute, the penalty loop's conservation,
// the rounded points against the baselines on real networks, infeasible
// budgets with their diagnosis, fixed / disabled devices, the energy and
// Pareto objectives, fitted flydel models and the options' validation.

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <string>

#include <nlohmann/json.hpp>

#include "core/ir/metrics.h"
#include "core/ir/network.h"
#include "core/platform/platform.h"
#include "core/zoo/zoo.h"
#include "solver/partition/partition.h"

using namespace tessera;
using namespace tessera::solver::partition;
using nlohmann::json;

namespace {

json figure(double value, const char* unit) { return {{"value", value}, {"unit", unit}, {"source", "test"}}; }

// Throughputs (GOPS at efficiency 1) of the hand-checkable platform.
constexpr double kPeakCpu = 100, kPeakGpu = 300, kPeakGpu2 = 600;

// cpu (home), gpu, gpu2: no launch overhead, memory so fast that only the
// MACs count, links with no latency or energy and `linkGBs` of bandwidth.
core::Platform handPlatform(double linkGBs = 1e9, const json& gpuCostModels = json()) {
    auto device = [](const char* id, const char* kind, double peak) {
        json d = {{"id", id},
                  {"name", id},
                  {"kind", kind},
                  {"clock_mhz", figure(1000, "MHz")},
                  {"peak_gops", {{"fp32", figure(peak, "GOPS")}}},
                  {"memory_bandwidth_gbs", figure(1e9, "GB/s")},
                  {"static_power_w", figure(1, "W")},
                  {"dynamic_power_w", figure(2, "W")},
                  {"cost_constants",
                   {{"compute_efficiency", figure(1, "1")},
                    {"memory_efficiency", figure(1, "1")},
                    {"launch_overhead_us", figure(0, "us")},
                    {"dram_energy_pj_per_byte", figure(0, "pJ/B")}}}};
        return d;
    };
    json gpu = device("gpu", "gpu", kPeakGpu);
    if (!gpuCostModels.is_null()) gpu["cost_models"] = gpuCostModels;
    auto link = [&](const char* id, const char* from, const char* to) {
        return json{{"id", id},
                    {"name", id},
                    {"from", from},
                    {"to", to},
                    {"bandwidth_gbs", figure(linkGBs, "GB/s")},
                    {"latency_us", figure(0, "us")},
                    {"energy_pj_per_byte", figure(0, "pJ/B")}};
    };
    const json p = {{"format", "tessera-platform"},
                    {"schema_version", 1},
                    {"name", "hand"},
                    {"display_name", "hand-checkable"},
                    {"devices", {device("cpu", "cpu", kPeakCpu), gpu, device("gpu2", "gpu", kPeakGpu2)}},
                    {"links", {link("cpu_gpu", "cpu", "gpu"), link("cpu_gpu2", "cpu", "gpu2"), link("gpu_gpu2", "gpu", "gpu2")}}};
    return core::platformFromJsonText(p.dump(), "hand.json");
}

// One convolution: input 1 x c x hw x hw, n filters of k x k.
core::Network oneConv(std::int64_t c, std::int64_t hw, std::int64_t n, std::int64_t k, std::int64_t stride, std::int64_t pad) {
    core::Network net;
    net.name = "one_conv";
    net.addInput("x", {1, c, hw, hw});
    core::Layer l;
    l.name = "conv";
    l.op = core::OpKind::Conv;
    l.inputs = {"x"};
    l.attrs.outChannels = n;
    l.attrs.kernel = {k, k};
    l.attrs.stride = {stride, stride};
    l.attrs.padding = {pad, pad, pad, pad};
    net.addLayer(l);
    const auto s = net.analyse();
    if (!s.ok) qFatal("%s", s.message.c_str());
    return net;
}

struct Conv {
    std::int64_t c, h, w, n, k, p, q;
};
Conv viewOf(const core::Network& net) {
    const auto v = core::convViews(net).front();
    return {v.c, v.h, v.w, v.n, v.k, v.p, v.q};
}

double throughput(const std::string& d) { return d == "cpu" ? kPeakCpu : d == "gpu" ? kPeakGpu : kPeakGpu2; }

bool near(double got, double want, double rel) { return std::abs(got - want) <= rel * std::max(std::abs(want), 1e-300); }
#define QVERIFY_NEAR(got, want, rel)                                                                             \
    QVERIFY2(near((got), (want), (rel)), qPrintable(QString("%1 = %2, expected %3").arg(#got).arg((got), 0, 'g', 12) \
                                                         .arg((want), 0, 'g', 12)))

const UnitResult& onlyUnit(const NetworkPartition& r) {
    if (r.units.size() != 1) qFatal("expected one unit, got %zu (%s)", r.units.size(), r.message.c_str());
    return r.units.front();
}

double shareOf(const Evaluation& e, const std::string& device) {
    for (const auto& s : e.slices)
        if (s.device == device) return s.share;
    return 0;
}

const DeviceSlice* sliceOf(const Evaluation& e, const std::string& device) {
    for (const auto& s : e.slices)
        if (s.device == device) return &s;
    return nullptr;
}

const core::Platform& tx2() {
    static const core::Platform p = core::loadBuiltinPlatform("jetson_tx2_cyclone10gx");
    return p;
}
const core::Network& zoo(const std::string& name) {
    static std::map<std::string, core::Network> cache;
    auto it = cache.find(name);
    if (it == cache.end()) it = cache.emplace(name, core::loadZooNetwork(name)).first;
    return it->second;
}

}  // namespace

class TestPartition : public QObject {
    Q_OBJECT
private slots:
    // Concurrent, filters: device d takes N_d filters in time 2 * PQ * C * k^2 * N_d / T_d, so
    // the optimum has N_d proportional to T_d and latency = work / sum T.
    void groupedFiltersConcurrentOptimum() {
        const auto net = oneConv(64, 56, 64, 3, 1, 1);
        const Conv v = viewOf(net);
        PartitionOptions o;
        o.method = Method::GroupedFilters;
        const auto r = partitionNetwork(net, handPlatform(), o);
        QCOMPARE(r.status, core::Status::Optimal);
        const UnitResult& u = onlyUnit(r);
        QCOMPARE(u.method, Method::GroupedFilters);
        QCOMPARE(u.units, v.n);
        const double sumT = kPeakCpu + kPeakGpu + kPeakGpu2;
        const double msPerFilter = 2.0 * double(v.p * v.q * v.c * v.k * v.k) / 1e6;  // ms x GOPS
        for (const char* d : {"cpu", "gpu", "gpu2"})
            QVERIFY_NEAR(shareOf(u.continuous, d), double(v.n) * throughput(d) / sumT, 1e-3);
        QVERIFY_NEAR(u.continuous.latencyMs, msPerFilter * double(v.n) / sumT, 1e-3);
        // The rounded point is the max over devices of the same formula at whole shares.
        double slowest = 0, total = 0;
        for (const auto& s : u.rounded.slices) {
            QCOMPARE(s.share, std::round(s.share));
            slowest = std::max(slowest, msPerFilter * s.share / throughput(s.device));
            total += s.share;
        }
        QCOMPARE(total, double(v.n));
        QVERIFY_NEAR(u.rounded.latencyMs, slowest, 1e-6);
        // No integer split does better than the best rounding of the proportional one.
        QVERIFY(u.rounded.latencyMs <= u.baselines.at("balanced").latencyMs);
    }

    // Sequential: latency = sum_d work_d / T_d is linear in the shares, so all goes to the fastest device.
    void sequentialPutsAllOnFastest_data() {
        QTest::addColumn<int>("method");
        QTest::newRow("grouped-c") << int(Method::GroupedChannels);
        QTest::newRow("grouped-n") << int(Method::GroupedFilters);
        QTest::newRow("tiling") << int(Method::Tiling);
    }
    void sequentialPutsAllOnFastest() {
        QFETCH(int, method);
        const auto net = oneConv(64, 56, 64, 3, 1, 1);
        const Conv v = viewOf(net);
        PartitionOptions o;
        o.method = static_cast<Method>(method);
        o.schedule = Schedule::Sequential;
        const auto r = partitionNetwork(net, handPlatform(), o);
        QCOMPARE(r.status, core::Status::Optimal);
        const UnitResult& u = onlyUnit(r);
        QCOMPARE(u.rounded.slices.size(), std::size_t(1));
        QCOMPARE(u.rounded.slices.front().device, std::string("gpu2"));
        QCOMPARE(u.rounded.slices.front().share, double(u.units));
        const double work = 2.0 * double(v.p * v.q * v.c * v.n * v.k * v.k) / 1e6;
        QVERIFY_NEAR(u.rounded.latencyMs, work / kPeakGpu2, 1e-6);
    }

    // Tiling: a tile of r output rows reads stride * r + (k - stride) input rows (the halo),
    // seen in the bytes it moves over a 1 GB/s link: input rows x W x C plus r x Q x N out.
    void tilingHalo_data() {
        QTest::addColumn<int>("k");
        QTest::addColumn<int>("stride");
        QTest::addColumn<int>("pad");
        QTest::newRow("k3 s1") << 3 << 1 << 1;
        QTest::newRow("k5 s1") << 5 << 1 << 2;
        QTest::newRow("k3 s2") << 3 << 2 << 1;
    }
    void tilingHalo() {
        QFETCH(int, k);
        QFETCH(int, stride);
        QFETCH(int, pad);
        const auto net = oneConv(32, 40, 32, k, stride, pad);
        const Conv v = viewOf(net);
        PartitionOptions o;
        o.method = Method::Tiling;
        o.fixedShares = {{"gpu", 0.25}};
        const double linkGBs = 1;
        const auto r = partitionNetwork(net, handPlatform(linkGBs), o);
        QCOMPARE(r.status, core::Status::Optimal);
        const UnitResult& u = onlyUnit(r);
        QCOMPARE(u.cut, std::string("rows"));
        QCOMPARE(u.units, v.p);
        const DeviceSlice* gpu = sliceOf(u.rounded, "gpu");
        QVERIFY(gpu);
        const double rows = std::round(0.25 * double(v.p));
        QCOMPARE(gpu->share, rows);
        const double rowsIn = stride * rows + (k - stride);
        const double bytes = rowsIn * double(v.w * v.c) + rows * double(v.q * v.n);  // int8
        QVERIFY_NEAR(gpu->transferMs, bytes / (linkGBs * 1e6), 1e-9);
    }

    // Channels: the partial sums of m devices are added at home, (m - 1) x PQN additions
    // on the cpu, after the slowest device: latency = max_d work_d / T_d + PQN (m - 1) / T_cpu.
    void groupedChannelsAddsReduction() {
        const auto net = oneConv(64, 56, 64, 3, 1, 1);
        const Conv v = viewOf(net);
        PartitionOptions o;
        o.method = Method::GroupedChannels;
        const auto r = partitionNetwork(net, handPlatform(), o);
        QCOMPARE(r.status, core::Status::Optimal);
        const UnitResult& u = onlyUnit(r);
        QCOMPARE(u.cut, std::string("channels"));
        const double msPerChannel = 2.0 * double(v.p * v.q * v.n * v.k * v.k) / 1e6;
        const double outputs = double(v.p * v.q * v.n);
        double slowest = 0;
        for (const auto& s : u.rounded.slices) slowest = std::max(slowest, msPerChannel * s.share / throughput(s.device));
        const auto m = double(u.rounded.slices.size());
        QVERIFY2(m >= 2, "expected a split: the reduction is small next to the compute");
        const double reduction = outputs * (m - 1) / (kPeakCpu * 1e6);
        QVERIFY_NEAR(u.rounded.latencyMs, slowest + reduction, 1e-6);
        // The same split along filters (no reduction) is faster by exactly that much at the continuous optimum.
        const double noReduction = msPerChannel * double(v.c) / (kPeakCpu + kPeakGpu + kPeakGpu2);
        QVERIFY(u.continuous.latencyMs > noReduction * (1 + 1e-4));
        QVERIFY_NEAR(u.continuous.latencyMs, noReduction + reduction, 1e-3);
    }

    // methods.md: W raised by 10 until sum C_d / C >= 0.99; re-condensing reaches at least as good a point.
    void penaltyLoop_data() {
        QTest::addColumn<QString>("network");
        QTest::addColumn<QString>("layer");
        QTest::addColumn<int>("method");
        for (const char* l : {"features.3", "features.6", "features.10"})
            for (Method m : {Method::GroupedChannels, Method::GroupedFilters})
                QTest::newRow(qPrintable(QString("alexnet %1 %2").arg(l).arg(methodName(m).data())))
                    << "alexnet" << l << int(m);
        for (const char* l : {"features.2", "features.14", "features.28"})
            QTest::newRow(qPrintable(QString("vgg16 %1").arg(l))) << "vgg16" << l << int(Method::GroupedChannels);
    }
    void penaltyLoop() {
        QFETCH(QString, network);
        QFETCH(QString, layer);
        QFETCH(int, method);
        PartitionOptions o;
        o.method = static_cast<Method>(method);
        o.layer = layer.toStdString();
        o.relaxation = Relaxation::Penalty;
        const auto penalty = partitionNetwork(zoo(network.toStdString()), tx2(), o);
        o.relaxation = Relaxation::Recondense;
        const auto recondense = partitionNetwork(zoo(network.toStdString()), tx2(), o);
        QCOMPARE(penalty.status, core::Status::Optimal);
        QCOMPARE(recondense.status, core::Status::Optimal);
        const UnitResult& p = onlyUnit(penalty);
        const UnitResult& q = onlyUnit(recondense);
        QVERIFY2(p.conservation >= 0.99 && p.conservation <= 1 + 1e-6, qPrintable(QString::number(p.conservation)));
        QVERIFY2(q.conservation >= 0.99 && q.conservation <= 1 + 1e-6, qPrintable(QString::number(q.conservation)));
        QVERIFY2(q.rounded.latencyMs <= p.rounded.latencyMs * (1 + 1e-6),
                 qPrintable(QString("recondense %1 ms, penalty %2 ms").arg(q.rounded.latencyMs).arg(p.rounded.latencyMs)));
    }

    // Every layer, every method: whole shares summing to the cut, within budgets, and never
    // worse than the balanced split or the best device alone (both are points of the same models).
    void roundedPoints_data() {
        QTest::addColumn<QString>("network");
        QTest::addColumn<int>("method");
        // Best is the per-layer minimum over the others: checked on AlexNet only, to keep the suite fast.
        for (const char* n : {"alexnet", "resnet18"})
            for (Method m : {Method::GroupedChannels, Method::GroupedFilters, Method::Tiling, Method::Fused, Method::Best})
                if (m != Method::Best || std::string(n) == "alexnet")
                    QTest::newRow(qPrintable(QString("%1 %2").arg(n).arg(methodName(m).data()))) << n << int(m);
    }
    void roundedPoints() {
        QFETCH(QString, network);
        QFETCH(int, method);
        PartitionOptions o;
        o.method = static_cast<Method>(method);
        const auto r = partitionNetwork(zoo(network.toStdString()), tx2(), o);
        QCOMPARE(r.status, core::Status::Optimal);
        QVERIFY(!r.units.empty());
        double sumLatency = 0;
        for (const auto& u : r.units) {
            const QString where = QString::fromStdString(u.layers.front()) + " (" + methodName(u.method).data() + ")";
            QVERIFY2(u.status == core::Status::Optimal, qPrintable(where + ": " + QString::fromStdString(u.message)));
            double total = 0;
            for (const auto& s : u.rounded.slices) {
                QVERIFY2(s.share == std::round(s.share) && s.share >= 0, qPrintable(where));
                total += s.share;
            }
            QVERIFY2(total == double(u.units), qPrintable(where + QString(": shares sum to %1 of %2").arg(total).arg(u.units)));
            QVERIFY2(u.rounded.feasible, qPrintable(where + ": " + QString::fromStdString(u.rounded.reason)));
            for (const auto& res : u.rounded.resources)
                QVERIFY2(res.used <= res.budget * (1 + 1e-9),
                         qPrintable(where + QString(": %1.%2 %3 > %4")
                                                .arg(res.device.c_str(), res.resource.c_str())
                                                .arg(res.used)
                                                .arg(res.budget)));
            const auto bal = u.baselines.find("balanced");
            if (bal != u.baselines.end() && bal->second.feasible)
                QVERIFY2(u.rounded.latencyMs <= bal->second.latencyMs * (1 + 1e-9),
                         qPrintable(where + QString(": %1 ms > balanced %2 ms").arg(u.rounded.latencyMs).arg(bal->second.latencyMs)));
            for (const char* d : {"cpu", "gpu", "fpga"}) {
                const auto it = u.baselines.find(d);
                QVERIFY2(it != u.baselines.end(), qPrintable(where + ": no baseline " + d));
                if (it->second.feasible)
                    QVERIFY2(u.rounded.latencyMs <= it->second.latencyMs * (1 + 1e-9),
                             qPrintable(where + QString(": %1 ms > %2 alone %3 ms").arg(u.rounded.latencyMs).arg(d).arg(it->second.latencyMs)));
            }
            sumLatency += u.rounded.latencyMs;
        }
        QVERIFY_NEAR(r.latencyMs, sumLatency, 1e-12);
    }

    // Only the FPGA, with 50 M20K blocks, cannot hold a VGG16 conv5 layer.
    void infeasibleBudget() {
        PartitionOptions o;
        o.layer = "features.28";
        o.method = Method::GroupedFilters;
        o.disabledDevices = {"cpu", "gpu"};
        o.budgets["fpga.m20k_blocks"] = 50;
        const auto r = partitionNetwork(zoo("vgg16"), tx2(), o);
        QCOMPARE(r.status, core::Status::Infeasible);
        QVERIFY2(r.message.find("features.28") != std::string::npos, r.message.c_str());
        const UnitResult& u = onlyUnit(r);
        QCOMPARE(u.status, core::Status::Infeasible);
        QVERIFY(u.diagnosis.has_value());
        QCOMPARE(u.diagnosis->status, core::Status::Optimal);
        const bool named = std::any_of(u.diagnosis->relaxed.begin(), u.diagnosis->relaxed.end(),
                                       [](const auto& c) { return c.name == "fpga.m20k_blocks"; });
        QVERIFY2(named, u.diagnosis->toString().c_str());
        QVERIFY2(!u.baselines.at("fpga").feasible, "the fpga alone must be over budget");
    }

    void fixedAndDisabledHonoured_data() {
        QTest::addColumn<int>("method");
        QTest::addColumn<double>("fraction");
        QTest::newRow("grouped-c 0.5") << int(Method::GroupedChannels) << 0.5;
        QTest::newRow("grouped-n 0.3") << int(Method::GroupedFilters) << 0.3;
        QTest::newRow("tiling 0.7") << int(Method::Tiling) << 0.7;
        QTest::newRow("best 0.1") << int(Method::Best) << 0.1;
    }
    void fixedAndDisabledHonoured() {
        QFETCH(int, method);
        QFETCH(double, fraction);
        PartitionOptions o;
        o.method = static_cast<Method>(method);
        o.layer = "features.3";
        o.fixedShares = {{"cpu", fraction}};
        o.disabledDevices = {"fpga"};
        const auto r = partitionNetwork(zoo("alexnet"), tx2(), o);
        QCOMPARE(r.status, core::Status::Optimal);
        const UnitResult& u = onlyUnit(r);
        QCOMPARE(shareOf(u.rounded, "cpu"), std::round(fraction * double(u.units)));
        QVERIFY(!sliceOf(u.rounded, "fpga"));
        QVERIFY(!sliceOf(u.continuous, "fpga"));
        QVERIFY(!u.baselines.count("fpga"));
        QCOMPARE(shareOf(u.rounded, "cpu") + shareOf(u.rounded, "gpu"), double(u.units));
    }

    void energyObjective_data() {
        QTest::addColumn<QString>("layer");
        for (const char* l : {"features.0", "features.3", "features.8"}) QTest::newRow(l) << l;
    }
    void energyObjective() {
        QFETCH(QString, layer);
        PartitionOptions o;
        o.layer = layer.toStdString();
        o.method = Method::GroupedFilters;
        const auto fast = partitionNetwork(zoo("alexnet"), tx2(), o);
        o.objective = Objective::Energy;
        const auto frugal = partitionNetwork(zoo("alexnet"), tx2(), o);
        o.objective = Objective::Pareto;
        const auto front = partitionNetwork(zoo("alexnet"), tx2(), o);
        for (const auto* r : {&fast, &frugal, &front}) QCOMPARE(r->status, core::Status::Optimal);
        const UnitResult& f = onlyUnit(fast);
        const UnitResult& e = onlyUnit(frugal);
        const UnitResult& p = onlyUnit(front);
        QVERIFY2(e.rounded.energyMj <= f.rounded.energyMj * (1 + 1e-9),
                 qPrintable(QString("energy objective %1 mJ > latency objective %2 mJ").arg(e.rounded.energyMj).arg(f.rounded.energyMj)));
        QVERIFY(e.rounded.latencyMs >= f.rounded.latencyMs * (1 - 1e-9));
        QVERIFY(!p.pareto.empty());
        for (std::size_t i = 0; i < p.pareto.size(); ++i) {
            const auto& a = p.pareto[i];
            for (std::size_t j = 0; j < p.pareto.size(); ++j) {
                if (i == j) continue;
                const auto& b = p.pareto[j];
                const bool dominates = b.latencyMs <= a.latencyMs && b.energyMj <= a.energyMj &&
                                       (b.latencyMs < a.latencyMs || b.energyMj < a.energyMj);
                QVERIFY2(!dominates, qPrintable(QString("point %1 dominated by %2").arg(i).arg(j)));
            }
            double total = 0;
            for (const auto& [d, s] : a.shares) total += s;
            QCOMPARE(total, double(p.units));
        }
        // The ends: nothing faster than the latency optimum, nothing more frugal than the energy optimum.
        const auto minL = std::min_element(p.pareto.begin(), p.pareto.end(),
                                           [](const auto& a, const auto& b) { return a.latencyMs < b.latencyMs; });
        const auto minE = std::min_element(p.pareto.begin(), p.pareto.end(),
                                           [](const auto& a, const auto& b) { return a.energyMj < b.energyMj; });
        QVERIFY(minL->latencyMs >= f.rounded.latencyMs * (1 - 1e-9));
        QVERIFY(minE->energyMj >= e.rounded.energyMj * (1 - 1e-9));
        QVERIFY_NEAR(minE->energyMj, e.rounded.energyMj, 1e-6);
    }

    // A fitted latency model on the gpu replaces the analytic one: the slice's latency is the
    // model at (HW, C, k, N_gpu).
    void fittedLatencyModel() {
        const json models = {{"latency_ms",
                              {{"form", "product"},
                               {"scale", 2e-3},
                               {"factors", {{"n", {0.5, 1.0}}, {"k", {0, 0, 1}}}},
                               {"unit", "ms"},
                               {"source", "test"}}}};
        const auto platform = handPlatform(1e9, models);
        const auto net = oneConv(64, 56, 64, 3, 1, 1);
        const Conv v = viewOf(net);
        const auto& model = *platform.findDevice("gpu")->costModels.latencyMs;
        PartitionOptions o;
        o.method = Method::GroupedFilters;
        o.fixedShares = {{"gpu", 0.25}};
        const auto r = partitionNetwork(net, platform, o);
        QCOMPARE(r.status, core::Status::Optimal);
        const UnitResult& u = onlyUnit(r);
        const DeviceSlice* gpu = sliceOf(u.rounded, "gpu");
        QVERIFY(gpu);
        QCOMPARE(gpu->share, 16.0);
        const double expected = model.evaluate(double(std::max(v.h, v.w)), double(v.c), double(v.k), gpu->share);
        QVERIFY_NEAR(gpu->latencyMs, expected, 1e-12);
        QVERIFY_NEAR(expected, 2e-3 * (0.5 + 16) * 9, 1e-12);
        // The analytic model would give a different figure.
        const double analytic = 2.0 * double(v.p * v.q * v.c * v.k * v.k) * gpu->share / 1e6 / kPeakGpu;
        QVERIFY(std::abs(gpu->latencyMs - analytic) > 0.1 * analytic);
        // The other devices still follow the analytic model.
        QVERIFY(u.rounded.slices.size() >= 2);
        for (const auto& s : u.rounded.slices)
            if (s.device != "gpu")
                QVERIFY_NEAR(s.latencyMs, 2.0 * double(v.p * v.q * v.c * v.k * v.k) * s.share / 1e6 / throughput(s.device), 1e-6);
    }

    void progressAndCancel() {
        // Progress comes after each layer with a rising fraction and the layer
        // named; returning false stops with the layers done so far.
        PartitionOptions o;
        o.method = Method::GroupedFilters;
        std::vector<double> fractions;
        std::vector<std::string> messages;
        o.progress = [&](double fraction, std::string_view message) {
            fractions.push_back(fraction);
            messages.emplace_back(message);
            return fractions.size() < 3;
        };
        o.threads = 1;  // one layer at a time: the stop is exact
        const auto r = partitionNetwork(zoo("alexnet"), tx2(), o);
        QCOMPARE(r.status, core::Status::Cancelled);
        QCOMPARE(fractions.size(), std::size_t(3));
        QCOMPARE(r.units.size(), std::size_t(3));
        QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
        QVERIFY(fractions.front() > 0 && fractions.back() < 1);
        QVERIFY2(messages[0] == "partitioned features.0 (1 of 8)", messages[0].c_str());
        QVERIFY2(r.message.find("3 of 8") != std::string::npos, r.message.c_str());
        // On every core, the layers finished before the stop are kept, in network order.
        fractions.clear();
        o.threads = 0;
        const auto p = partitionNetwork(zoo("alexnet"), tx2(), o);
        // (On a loaded machine the workers may finish every layer before the
        // third report stops them: then nothing was cut short.)
        QVERIFY(p.units.size() >= 3);
        QCOMPARE(p.status, p.units.size() < 8 ? core::Status::Cancelled : core::Status::Optimal);
        for (std::size_t i = 1; i < p.units.size(); ++i)  // network order
            QVERIFY(*zoo("alexnet").findLayer(p.units[i - 1].layers.front()) < *zoo("alexnet").findLayer(p.units[i].layers.front()));
    }

    void layersAlikeAreSolvedOnce() {
        // ResNet-50 repeats its bottleneck geometries: solved once each, the
        // same figures for every layer alike, whatever the thread count.
        PartitionOptions o;
        o.method = Method::GroupedFilters;
        o.threads = 1;
        const auto one = partitionNetwork(zoo("resnet50"), tx2(), o);
        o.threads = 4;
        const auto many = partitionNetwork(zoo("resnet50"), tx2(), o);
        QCOMPARE(one.units.size(), many.units.size());
        QCOMPARE(one.latencyMs, many.latencyMs);
        QCOMPARE(one.energyMj, many.energyMj);
        QCOMPARE(one.gpSolves, many.gpSolves);
        // layer2.1 and layer2.2 are the same bottleneck: the same split.
        auto unit = [&](const std::string& name) {
            for (const auto& u : many.units)
                if (u.layers.front() == name) return u;
            qFatal("no unit %s", name.c_str());
        };
        const auto a = unit("layer2.1.conv2"), b = unit("layer2.2.conv2");
        QCOMPARE(a.rounded.latencyMs, b.rounded.latencyMs);
        QCOMPARE(a.rounded.slices.size(), b.rounded.slices.size());
        for (std::size_t i = 0; i < a.rounded.slices.size(); ++i) QCOMPARE(a.rounded.slices[i].share, b.rounded.slices[i].share);
        // Fewer GPs than one solve per layer would need.
        const auto single = partitionNetwork(zoo("resnet50"), tx2(), [] {
            PartitionOptions s;
            s.method = Method::GroupedFilters;
            s.layer = "layer2.1.conv2";
            return s;
        }());
        QVERIFY(many.gpSolves < single.gpSolves * static_cast<int>(many.units.size()) / 2);
    }

    void optionsValidation_data() {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("expected");
        QTest::newRow("fix unknown") << "fix" << "fixed share: device 'tpu' is not on platform jetson_tx2_cyclone10gx";
        QTest::newRow("disable unknown") << "disable" << "disabled device 'tpu' is not on platform";
        QTest::newRow("budget unknown device") << "budget-device" << "budget 'tpu.m20k_blocks'";
        QTest::newRow("budget unknown resource") << "budget-resource" << "budget 'gpu.alms': device 'gpu' has no budget 'alms'";
        QTest::newRow("fixed sum") << "fixed-sum" << "fixed shares add up to 1.2";
        QTest::newRow("precision") << "precision" << "precision: bytes per element must be 1 (int8), 2 (fp16) or 4 (fp32), got 3";
        QTest::newRow("fix out of range") << "fix-range" << "fixed share of 'gpu' must be in [0, 1]";
        QTest::newRow("all disabled") << "all-disabled" << "every device of jetson_tx2_cyclone10gx is disabled";
    }
    void optionsValidation() {
        QFETCH(QString, what);
        QFETCH(QString, expected);
        PartitionOptions o;
        if (what == "fix") o.fixedShares = {{"tpu", 0.5}};
        else if (what == "disable") o.disabledDevices = {"tpu"};
        else if (what == "budget-device") o.budgets = {{"tpu.m20k_blocks", 10}};
        else if (what == "budget-resource") o.budgets = {{"gpu.alms", 10}};
        else if (what == "fixed-sum") o.fixedShares = {{"cpu", 0.7}, {"gpu", 0.5}};
        else if (what == "precision") o.bytesPerElement = 3;
        else if (what == "fix-range") o.fixedShares = {{"gpu", 1.5}};
        else if (what == "all-disabled") o.disabledDevices = {"cpu", "gpu", "fpga"};
        const std::string e = o.validate(tx2());
        QVERIFY2(e.find(expected.toStdString()) != std::string::npos, e.c_str());
        o.layer = "features.3";
        const auto r = partitionNetwork(zoo("alexnet"), tx2(), o);
        QCOMPARE(r.status, core::Status::InvalidInput);
        QVERIFY(r.units.empty());
        QVERIFY2(r.message.find(expected.toStdString()) != std::string::npos, r.message.c_str());
        QVERIFY(PartitionOptions().validate(tx2()).empty());
    }
};

QTEST_APPLESS_MAIN(TestPartition)
#include "tst_partition.moc"
