// Explorations through the strategy interface: option schemas parse and
// validate with precise messages; both strategies on every zoo network give
// design points that agree with the strategy's own result and survive the
// exploration JSON round trip unchanged; partition's network front is the
// exact combination of its per-layer fronts (against brute force).

#include <QtTest>

#include <QTemporaryDir>

#include <cmath>
#include <set>

#include "core/ir/metrics.h"
#include "core/platform/platform.h"
#include "core/store/exploration_store.h"
#include "core/zoo/zoo.h"
#include "solver/algosel/algosel.h"
#include "solver/explore/strategy.h"
#include "solver/pareto/pareto.h"
#include "solver/partition/partition.h"
#include "solver/partition/partition_strategy.h"

using namespace tessera;
namespace explore = tessera::solver::explore;

namespace {

const explore::Strategy& strategy(const char* name) {
    const explore::Strategy* s = explore::findStrategy(name);
    if (!s) qFatal("strategy %s is not registered", name);
    return *s;
}

core::OptionValues parsed(const char* name, const std::vector<std::pair<std::string, std::string>>& given) {
    const auto p = explore::parseOptions(strategy(name).options(), given);
    if (!p.error.empty()) qFatal("unexpected option error: %s", p.error.c_str());
    return p.values;
}

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

}  // namespace

class TestExplore : public QObject {
    Q_OBJECT
private slots:
    void registryListsBothStrategies() {
        std::set<std::string> names;
        for (const auto* s : explore::strategies()) {
            names.insert(std::string(s->name()));
            QVERIFY(!s->description().empty());
            QVERIFY(!s->version().empty());
            // Every default passes the schema's own checks.
            core::OptionValues defaults;
            for (const auto& spec : s->options()) defaults[spec.name] = spec.defaultValue;
            QVERIFY2(explore::validateOptions(s->options(), defaults).empty(), s->name().data());
        }
        QCOMPARE(names, (std::set<std::string>{"partition", "algosel"}));
        QVERIFY(explore::findStrategy("nope") == nullptr);
    }

    void optionErrors_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown") << "speed" << "9" << "--speed: unknown option";
        QTest::newRow("choice") << "objective" << "fast" << "--objective: must be one of latency, energy or pareto, got 'fast'";
        QTest::newRow("not an integer") << "fused-depth" << "3.5" << "--fused-depth: must be an integer in [2, 16], got '3.5'";
        QTest::newRow("out of range") << "pareto-points" << "200" << "--pareto-points: must be an integer in [3, 101], got 200";
        QTest::newRow("empty integer") << "pareto-points" << "" << "--pareto-points: must be an integer";
    }
    void optionErrors() {
        QFETCH(QString, name);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        const auto p = explore::parseOptions(strategy("partition").options(), {{name.toStdString(), value.toStdString()}});
        QVERIFY2(contains(p.error, expected.toStdString()), p.error.c_str());
    }

    void optionsParseToTypedValues() {
        const auto v = parsed("partition", {{"objective", "pareto"}, {"fused-depth", "6"}});
        QCOMPARE(std::get<std::string>(v.at("objective")), std::string("pareto"));
        QCOMPARE(std::get<std::int64_t>(v.at("fused-depth")), std::int64_t{6});
        QCOMPARE(std::get<std::string>(v.at("method")), std::string("best"));  // default
        const auto b = parsed("algosel", {{"overlay-sweep", "true"}});
        QCOMPARE(std::get<bool>(b.at("overlay-sweep")), true);
        QVERIFY(contains(explore::parseOptions(strategy("algosel").options(), {{"overlay-sweep", "maybe"}}).error,
                         "--overlay-sweep: must be true or false, got 'maybe'"));
        // Typed values are checked the same way.
        core::OptionValues typed = v;
        typed["fused-depth"] = 3.0;  // a double where an integer is due
        QVERIFY(contains(explore::validateOptions(strategy("partition").options(), typed), "--fused-depth: must be an integer"));
        typed.erase("fused-depth");
        QVERIFY(contains(explore::validateOptions(strategy("partition").options(), typed), "--fused-depth: missing"));
    }

    void invalidOptionsAreAnOutcome() {
        const core::Network net = core::loadZooNetwork("alexnet");
        const core::Platform tx2 = core::loadBuiltinPlatform("jetson_tx2_cyclone10gx");
        core::OptionValues v = parsed("partition", {});
        v["objective"] = std::string("fast");
        const core::Exploration e = explore::explore(strategy("partition"), net, "alexnet", tx2, v);
        QCOMPARE(e.status, core::Status::InvalidInput);
        QVERIFY(e.points.empty());
        QVERIFY2(contains(e.message, "--objective"), e.message.c_str());
        // A problem only the strategy can see (a device the platform lacks).
        const core::Exploration d = explore::explore(strategy("partition"), net, "alexnet", tx2,
                                                     parsed("partition", {{"disable", "tpu"}}));
        QCOMPARE(d.status, core::Status::InvalidInput);
        QVERIFY2(contains(d.message, "'tpu'"), d.message.c_str());
        // algosel on a platform without an overlay.
        const core::Exploration a = explore::explore(strategy("algosel"), net, "alexnet",
                                                     core::loadBuiltinPlatform("desktop_ryzen7950x_rtx4090"),
                                                     parsed("algosel", {}));
        QCOMPARE(a.status, core::Status::InvalidInput);
        QVERIFY2(contains(a.message, "dynamap"), a.message.c_str());
    }

    void everyZooNetworkBothStrategies_data() {
        QTest::addColumn<QString>("network");
        for (const auto& n : core::zooNames()) QTest::newRow(n.c_str()) << QString::fromStdString(n);
    }
    void everyZooNetworkBothStrategies() {
        QFETCH(QString, network);
        const core::Network net = core::loadZooNetwork(network.toStdString());
        const std::size_t convs = core::convViews(net).size();
        const core::Platform tx2 = core::loadBuiltinPlatform("jetson_tx2_cyclone10gx");
        const core::Platform alveo = core::loadBuiltinPlatform("alveo_u200_host");

        // Partition: the optimum is the strategy's own result, every
        // convolution has a decision whose shares add up to 1.
        const core::Exploration p = explore::explore(strategy("partition"), net, network.toStdString(), tx2,
                                                     parsed("partition", {}));
        QCOMPARE(p.status, core::Status::Optimal);
        solver::partition::PartitionOptions o;
        const auto direct = solver::partition::partitionNetwork(net, tx2, o);
        QCOMPARE(p.points.front().label, std::string("optimum"));
        QCOMPARE(p.points.front().latencyMs, direct.latencyMs);
        QCOMPARE(p.points.front().energyMj, direct.energyMj);
        QCOMPARE(p.points.front().layers.size(), convs);
        for (const auto& l : p.points.front().layers) {
            QVERIFY(l.layerId >= 0 && net.layer(core::LayerId{l.layerId}).name == l.layer);
            double sum = 0;
            for (const auto& [d, s] : l.shares) sum += s;
            QVERIFY2(std::abs(sum - 1) < 1e-9, l.layer.c_str());
            QVERIFY(!l.choiceValue("method").empty());
        }
        QCOMPARE(p.points.size(), 1 + direct.baselines.size());  // optimum + balanced + each device alone
        QVERIFY(p.points.front().onFront || !p.points.front().feasible);
        for (std::size_t i = 1; i < p.points.size(); ++i) QVERIFY(p.points[i].baseline && !p.points[i].onFront);
        QCOMPARE(p.inputs.networkHash.size(), std::size_t(16));
        QCOMPARE(p.inputs.platformHash, tx2.hash());
        QVERIFY(core::optionValueText(p.options.at("objective")) == "latency");

        // Algosel: the mixed mapping is the strategy's own, with three baselines.
        const core::Exploration a = explore::explore(strategy("algosel"), net, network.toStdString(), alveo,
                                                     parsed("algosel", {}));
        QCOMPARE(a.status, core::Status::Optimal);
        const auto overlay = *solver::algosel::platformOverlay(alveo).overlay;
        const auto r = solver::algosel::selectAlgorithms(net, overlay);
        QCOMPARE(a.points.size(), std::size_t(4));
        QCOMPARE(a.points[0].latencyMs, r.mixed.totalMs);
        QCOMPARE(a.points[0].layers.size(), convs);
        QVERIFY(std::isnan(a.points[0].energyMj));
        QVERIFY(a.points[0].onFront);
        for (std::size_t i = 1; i < 4; ++i) QVERIFY(a.points[i].latencyMs >= a.points[0].latencyMs - 1e-12);

        // Both survive the JSON round trip and the store round trip unchanged.
        QTemporaryDir dir;
        core::ExplorationStore store(dir.filePath("round.sqlite").toStdString());
        for (const core::Exploration* e : {&p, &a}) {
            const nlohmann::json j = core::explorationToJson(*e);
            const core::Exploration back = core::explorationFromJson(nlohmann::json::parse(j.dump()), "round trip");
            QCOMPARE(core::explorationToJson(back).dump(), j.dump());
            core::Exploration saved = *e;
            saved.id = store.save(*e);
            const auto reopened = store.load(saved.id);
            QVERIFY(reopened);
            QCOMPARE(core::explorationToJson(*reopened).dump(), core::explorationToJson(saved).dump());
        }
    }

    void partitionFrontIsTheExactCombination() {
        // AlexNet, 3 points per layer: brute force over every combination of
        // per-layer front points gives the network front.
        const core::Network net = core::loadZooNetwork("alexnet");
        const core::Platform tx2 = core::loadBuiltinPlatform("jetson_tx2_cyclone10gx");
        const core::Exploration e = explore::explore(strategy("partition"), net, "alexnet", tx2,
                                                     parsed("partition", {{"objective", "pareto"}, {"pareto-points", "3"}, {"method", "grouped-n"}}));
        QCOMPARE(e.status, core::Status::Optimal);
        solver::partition::PartitionOptions o;
        o.objective = solver::partition::Objective::Pareto;
        o.paretoPoints = 3;
        o.method = solver::partition::Method::GroupedFilters;
        const auto direct = solver::partition::partitionNetwork(net, tx2, o);
        std::vector<solver::pareto::Objectives> all{{0, 0}};
        for (const auto& u : direct.units) {
            std::vector<solver::pareto::Objectives> next;
            for (const auto& a : all)
                for (const auto& q : u.pareto) next.push_back({a.first + q.latencyMs, a.second + q.energyMj});
            all = std::move(next);
        }
        std::vector<std::pair<double, double>> expected;
        for (std::size_t i : solver::pareto::nonDominated(all, 1e-9)) expected.emplace_back(all[i].first, all[i].second);
        std::vector<std::pair<double, double>> got;
        std::size_t withResources = 0;
        for (const auto& p : e.points)
            if (!p.baseline) {
                QVERIFY(p.onFront);
                QCOMPARE(p.layers.size(), direct.units.size());
                // The FPGA's resources at the point (none when no layer uses it), within their budgets.
                withResources += p.resources.empty() ? 0 : 1;
                for (const auto& r : p.resources) QVERIFY(r.device == "fpga" && r.used <= r.budget && r.budget > 0);
                double lat = 0, energy = 0;
                for (const auto& l : p.layers) {
                    lat += l.latencyMs;
                    energy += l.energyMj;
                }
                QVERIFY(std::abs(lat - p.latencyMs) <= 1e-9 * p.latencyMs);  // per-layer choices add up
                QVERIFY(std::abs(energy - p.energyMj) <= 1e-9 * p.energyMj);
                got.emplace_back(p.latencyMs, p.energyMj);
            }
        QVERIFY(withResources > got.size() / 2);
        // The exact front has 405 points; 200 evenly spaced along it are kept,
        // its two ends included, and the message gives the full count.
        QCOMPARE(expected.size(), std::size_t(405));
        QCOMPARE(got.size(), std::size_t(200));
        QVERIFY2(e.message.find("has 405 points, 200 evenly spaced") != std::string::npos, e.message.c_str());
        auto same = [](std::pair<double, double> a, std::pair<double, double> b) {
            return std::abs(a.first - b.first) <= 1e-9 * b.first && std::abs(a.second - b.second) <= 1e-9 * b.second;
        };
        QVERIFY(same(got.front(), expected.front()) && same(got.back(), expected.back()));
        std::size_t at = 0;  // every kept point is a point of the exact front, in order
        for (const auto& g : got) {
            while (at < expected.size() && !same(g, expected[at])) ++at;
            QVERIFY2(at < expected.size(), "a network point is not on the exact front");
        }
    }

    void algoselSweepAddsOneOverlayPerPoint() {
        const core::Network net = core::loadZooNetwork("resnet18");
        const core::Platform alveo = core::loadBuiltinPlatform("alveo_u200_host");
        const core::Exploration e = explore::explore(strategy("algosel"), net, "resnet18", alveo,
                                                     parsed("algosel", {{"overlay-sweep", "true"}}));
        QVERIFY(e.points.size() > 4);
        std::size_t frontOfDsps = 0;
        for (std::size_t i = 4; i < e.points.size(); ++i) {
            const auto& p = e.points[i];
            QVERIFY(p.feasible);
            QCOMPARE(p.resources.size(), std::size_t(1));
            QVERIFY(p.resources[0].used <= p.resources[0].budget);
            QVERIFY(!p.layers.empty());
            frontOfDsps += p.detail.at("dsp_front").get<bool>() ? 1 : 0;
        }
        QVERIFY(frontOfDsps >= 2);
    }
};

QTEST_APPLESS_MAIN(TestExplore)
#include "tst_explore.moc"
