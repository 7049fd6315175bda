// Editing design points through the strategy interface (strategy.h:
// editable, evaluate, reoptimise), for both strategies on zoo networks:
// no edits and edits that restate a decision reproduce a point's totals;
// a DYNAMAP algorithm change costs what an independent sum over core/cost's
// per-layer costs says; a partition layer given to one device costs what
// that device's "alone" baseline says; re-optimising without locks gives the
// optimum back, and with a worse lock no better and the lock kept; invalid
// edits are InvalidInput results naming the layer and the field.

#include <QtTest>

#include <cmath>
#include <map>

#include "core/cost/dynamap_cost.h"
#include "core/ir/metrics.h"
#include "core/ir/network_json.h"
#include "core/platform/platform.h"
#include "core/zoo/zoo.h"
#include "solver/algosel/algosel.h"
#include "solver/explore/strategy.h"

using namespace tessera;
namespace explore = tessera::solver::explore;
namespace dynamap = tessera::core::dynamap;

namespace {

const explore::Strategy& strategy(const std::string& name) {
    const explore::Strategy* s = explore::findStrategy(name);
    if (!s) qFatal("strategy %s is not registered", name.c_str());
    return *s;
}

// One exploration with the network and platform it ran on.
struct Run {
    core::Network network;
    core::Platform platform;
    core::Exploration exploration;
    const explore::Strategy* strategy = nullptr;
};

const Run& run(const std::string& strategyName, const std::string& network) {
    static std::map<std::pair<std::string, std::string>, Run> runs;
    auto it = runs.find({strategyName, network});
    if (it != runs.end()) return it->second;
    Run r;
    r.strategy = &strategy(strategyName);
    r.network = core::loadZooNetwork(network);
    r.platform = core::loadBuiltinPlatform(strategyName == "partition" ? "jetson_tx2_cyclone10gx" : "alveo_u200_host");
    core::OptionValues options;
    for (const auto& spec : r.strategy->options()) options[spec.name] = spec.defaultValue;
    r.exploration = explore::explore(*r.strategy, r.network, network, r.platform, options);
    if (r.exploration.status != core::Status::Optimal)
        qFatal("%s on %s: %s", strategyName.c_str(), network.c_str(), r.exploration.message.c_str());
    return runs.emplace(std::make_pair(strategyName, network), std::move(r)).first->second;
}

core::DesignPoint evaluate(const Run& r, std::size_t point, const std::vector<core::LayerEdit>& edits) {
    return r.strategy->evaluate(r.network, r.platform, r.exploration, point, edits);
}

std::size_t pointLabelled(const core::Exploration& e, const std::string& label) {
    for (std::size_t i = 0; i < e.points.size(); ++i)
        if (e.points[i].label == label) return i;
    qFatal("no point '%s'", label.c_str());
}

bool close(double a, double b, double relative = 1e-12) {
    return std::abs(a - b) <= relative * std::max(std::abs(a), std::abs(b));
}
bool same(double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); }

// DYNAMAP's latency of a chain network (every convolution fed by the one
// before, through pooling, activations and reshapes only) under an
// assignment, summed directly from core/cost.
double chainLatency(const core::Network& net, const core::DynamapOverlay& o,
                    const std::vector<std::pair<dynamap::Algorithm, dynamap::Dataflow>>& assignment) {
    const std::vector<core::ConvView> convs = core::convViews(net);
    double total = 0;
    for (std::size_t i = 0; i < convs.size(); ++i) {
        const auto [a, d] = assignment[i];
        const dynamap::AlgorithmCost c = dynamap::layerCost(convs[i], a, o);
        total += d == dynamap::Dataflow::OutputStationary ? c.outputStationaryMs : c.weightStationaryMs;
        total += dynamap::transitionCost(convs[i], convs[i].c, a, i == 0 ? std::nullopt : std::optional(assignment[i - 1].first),
                                         o);
    }
    return total;
}

std::pair<dynamap::Algorithm, dynamap::Dataflow> decisionOf(const core::LayerDecision& l) {
    return {*dynamap::algorithmFromName(l.choiceValue("algorithm")),
            l.choiceValue("dataflow") == "OS" ? dynamap::Dataflow::OutputStationary : dynamap::Dataflow::WeightStationary};
}

}  // namespace

class TestEdit : public QObject {
    Q_OBJECT
private slots:
    void noEditsReproduceEveryPoint_data() {
        QTest::addColumn<QString>("strategy");
        QTest::addColumn<QString>("network");
        for (const char* n : {"resnet18", "googlenet", "inception_v4", "vgg16"}) {
            QTest::newRow(("partition " + std::string(n)).c_str()) << "partition" << n;
            QTest::newRow(("algosel " + std::string(n)).c_str()) << "algosel" << n;
        }
    }
    void noEditsReproduceEveryPoint() {
        QFETCH(QString, strategy);
        QFETCH(QString, network);
        const Run& r = run(strategy.toStdString(), network.toStdString());
        for (std::size_t i = 0; i < r.exploration.points.size(); ++i) {
            const core::DesignPoint& base = r.exploration.points[i];
            const core::DesignPoint p = evaluate(r, i, {});
            QCOMPARE(p.status, core::Status::Heuristic);
            QCOMPARE(p.label, "edited from " + base.label);
            QVERIFY(!p.baseline && !p.onFront);
            QVERIFY2(same(p.latencyMs, base.latencyMs), base.label.c_str());
            QVERIFY2(same(p.energyMj, base.energyMj), base.label.c_str());
            QVERIFY(same(p.powerW, base.powerW));
            QCOMPARE(p.feasible, base.feasible);
            QCOMPARE(p.violations.size(), base.violations.size());
            QCOMPARE(p.resources.size(), base.resources.size());
            for (std::size_t k = 0; k < p.resources.size(); ++k) QVERIFY(p.resources[k].used == base.resources[k].used);
            QCOMPARE(p.layers.size(), base.layers.size());
            QCOMPARE(p.detail.at("edited_from").get<std::size_t>(), i);
            QVERIFY(p.detail.at("edits").empty());
        }
    }

    void restatingEveryDecisionReproducesTheTotals_data() { noEditsReproduceEveryPoint_data(); }
    void restatingEveryDecisionReproducesTheTotals() {
        // Every layer edited to the decision it has: each unit (partition) or
        // convolution with its transitions (DYNAMAP) is costed again by the
        // models, and the figures come out as the optimiser's.
        QFETCH(QString, strategy);
        QFETCH(QString, network);
        const Run& r = run(strategy.toStdString(), network.toStdString());
        const core::DesignPoint& base = r.exploration.points.front();
        std::vector<core::LayerEdit> edits;
        for (const auto& l : base.layers) {
            core::LayerEdit e;
            e.layerId = l.layerId;
            for (const auto& c : r.strategy->editable(r.network, r.platform, r.exploration.options, l)) {
                if (c.kind == core::EditableChoice::Kind::Shares) e.shares = l.shares;
                else e.choice.emplace_back(c.name, l.choiceValue(c.name));
            }
            edits.push_back(std::move(e));
        }
        const core::DesignPoint p = evaluate(r, 0, edits);
        QVERIFY2(p.status == core::Status::Heuristic, p.message.c_str());
        QVERIFY2(close(p.latencyMs, base.latencyMs),
                 (std::to_string(p.latencyMs) + " vs " + std::to_string(base.latencyMs)).c_str());
        QVERIFY(same(p.energyMj, base.energyMj) || close(p.energyMj, base.energyMj));
        for (std::size_t k = 0; k < p.layers.size(); ++k) {
            QCOMPARE(p.layers[k].choice, base.layers[k].choice);
            QVERIFY2(close(p.layers[k].latencyMs, base.layers[k].latencyMs) || p.layers[k].latencyMs == 0,
                     p.layers[k].layer.c_str());
        }
        QCOMPARE(p.resources.size(), base.resources.size());
        for (std::size_t k = 0; k < p.resources.size(); ++k) QVERIFY(close(p.resources[k].used, base.resources[k].used));
    }

    void algoselAlgorithmChangeCostsItsComputeAndTransitions_data() {
        QTest::addColumn<QString>("network");
        QTest::newRow("vgg16") << "vgg16";
        QTest::newRow("alexnet") << "alexnet";
    }
    void algoselAlgorithmChangeCostsItsComputeAndTransitions() {
        QFETCH(QString, network);
        const Run& r = run("algosel", network.toStdString());
        const core::DesignPoint& mixed = r.exploration.points.front();
        const core::DynamapOverlay o = *solver::algosel::platformOverlay(r.platform).overlay;
        // The network is a chain: the independent sum agrees with the point.
        std::vector<std::pair<dynamap::Algorithm, dynamap::Dataflow>> assignment;
        for (const auto& l : mixed.layers) assignment.push_back(decisionOf(l));
        QVERIFY(close(chainLatency(r.network, o, assignment), mixed.latencyMs, 1e-9));

        // Every layer with another admissible algorithm: change it alone.
        int changed = 0;
        for (std::size_t i = 0; i < mixed.layers.size(); ++i) {
            const core::LayerDecision& l = mixed.layers[i];
            const auto choices = r.strategy->editable(r.network, r.platform, r.exploration.options, l);
            QCOMPARE(choices.front().name, std::string("algorithm"));
            for (const std::string& a : choices.front().values) {
                if (a == l.choiceValue("algorithm")) continue;
                const core::DesignPoint p = evaluate(r, 0, {{l.layerId, {{"algorithm", a}}, {}, false}});
                QVERIFY2(p.status == core::Status::Heuristic, p.message.c_str());
                auto edited = assignment;
                edited[i].first = *dynamap::algorithmFromName(a);
                const auto cost = dynamap::layerCost(*core::convView(r.network, core::LayerId{l.layerId}), edited[i].first, o);
                edited[i].second = cost.bestDataflow();  // no dataflow given: the better one
                QCOMPARE(p.layers[i].choiceValue("algorithm"), a);
                QCOMPARE(p.layers[i].choiceValue("dataflow"), std::string(dynamap::dataflowName(edited[i].second)));
                // The change in total is this layer's compute difference plus
                // the transitions into it and into the next layer.
                const double expected = chainLatency(r.network, o, edited);
                QVERIFY2(close(p.latencyMs, expected, 1e-9),
                         (std::to_string(p.latencyMs) + " vs " + std::to_string(expected)).c_str());
                QVERIFY(close(p.latencyMs - mixed.latencyMs, expected - chainLatency(r.network, o, assignment), 1e-6));
                // Only the edited layer and the one it feeds change.
                for (std::size_t k = 0; k < p.layers.size(); ++k)
                    if (k != i && k != i + 1) QVERIFY(p.layers[k].latencyMs == mixed.layers[k].latencyMs);
                QVERIFY(p.latencyMs >= mixed.latencyMs - 1e-12);  // the mixed mapping is optimal
                ++changed;
            }
        }
        QVERIFY(changed > 0);
    }

    void partitionOneDeviceGivesItsAloneBaseline_data() {
        QTest::addColumn<QString>("network");
        QTest::newRow("resnet18") << "resnet18";
        QTest::newRow("googlenet") << "googlenet";
    }
    void partitionOneDeviceGivesItsAloneBaseline() {
        QFETCH(QString, network);
        const Run& r = run("partition", network.toStdString());
        const core::DesignPoint& optimum = r.exploration.points.front();
        bool fusedSeen = false, singleSeen = false;
        for (const auto& device : {"cpu", "gpu", "fpga"}) {
            const core::DesignPoint& alone = r.exploration.points[pointLabelled(r.exploration, std::string(device) + " alone")];
            for (std::size_t i = 0; i < optimum.layers.size(); i += 7) {
                const core::LayerDecision& l = optimum.layers[i];
                const bool fused = !l.choiceValue("group").empty();
                fusedSeen = fusedSeen || fused;
                singleSeen = singleSeen || !fused;
                const core::DesignPoint p = evaluate(r, 0, {{l.layerId, {}, {{device, 1.0}}, false}});
                QVERIFY2(p.status == core::Status::Heuristic, p.message.c_str());
                // The unit's figures sit on its first layer (a fused group's too).
                std::size_t first = i;
                while (fused && first > 0 && optimum.layers[first - 1].choiceValue("group") == l.choiceValue("group")) --first;
                QVERIFY2(p.layers[first].latencyMs == alone.layers[first].latencyMs, l.layer.c_str());
                QVERIFY(p.layers[first].energyMj == alone.layers[first].energyMj);
                QCOMPARE(p.layers[i].shares, (std::map<std::string, double>{{device, 1.0}}));
                QCOMPARE(p.layers[i].choice, l.choice);
                QVERIFY(close(p.latencyMs, optimum.latencyMs - optimum.layers[first].latencyMs + alone.layers[first].latencyMs,
                              1e-9));
                const bool over = std::any_of(p.layers[first].resources.begin(), p.layers[first].resources.end(),
                                              [](const core::ResourceUse& u) { return u.used > u.budget; });
                QCOMPARE(p.feasible, optimum.feasible && !over);
            }
        }
        QVERIFY(singleSeen);
        if (network == "googlenet") QVERIFY(fusedSeen);
    }

    void partitionMethodChangeRecutsTheLayer() {
        const Run& r = run("partition", "resnet18");
        const core::DesignPoint& optimum = r.exploration.points.front();
        for (const auto& l : optimum.layers) {
            const auto choices = r.strategy->editable(r.network, r.platform, r.exploration.options, l);
            QCOMPARE(choices.size(), std::size_t(2));
            QCOMPARE(choices[1].kind, core::EditableChoice::Kind::Shares);
            QCOMPARE(choices[1].values, (std::vector<std::string>{"cpu", "gpu", "fpga"}));
            for (const std::string& m : choices[0].values) {
                if (m == l.choiceValue("method") || m == "fused") continue;
                const core::DesignPoint p = evaluate(r, 0, {{l.layerId, {{"method", m}}, {}, false}});
                QVERIFY2(p.status == core::Status::Heuristic, p.message.c_str());
                const auto it = std::find_if(p.layers.begin(), p.layers.end(),
                                             [&](const auto& x) { return x.layerId == l.layerId; });
                QCOMPARE(it->choiceValue("method"), m);
                QCOMPARE(it->choiceValue("cut"), std::string(m == "grouped-c" ? "channels"
                                                             : m == "tiling"  ? "rows"
                                                                              : it->choiceValue("cut")));
                QVERIFY(it->latencyMs > 0);
                double sum = 0;
                for (const auto& [d, s] : it->shares) sum += s;
                QVERIFY(std::abs(sum - 1) < 1e-12);
                // A layer of a fused group leaves it: the group is split.
                if (!l.choiceValue("group").empty()) QVERIFY(it->choiceValue("group").empty());
                return;
            }
        }
        QFAIL("no layer with another method");
    }

    void reoptimiseWithoutLocksGivesTheOptimum_data() {
        QTest::addColumn<QString>("strategy");
        QTest::addColumn<QString>("network");
        for (const char* n : {"resnet18", "googlenet"}) {
            QTest::newRow(("partition " + std::string(n)).c_str()) << "partition" << n;
            QTest::newRow(("algosel " + std::string(n)).c_str()) << "algosel" << n;
        }
    }
    void reoptimiseWithoutLocksGivesTheOptimum() {
        QFETCH(QString, strategy);
        QFETCH(QString, network);
        const Run& r = run(strategy.toStdString(), network.toStdString());
        const core::DesignPoint& optimum = r.exploration.points.front();
        // From the optimum and from a baseline, with an unlocked edit that is dropped.
        for (std::size_t from : {std::size_t(0), std::size_t(1)}) {
            const auto& l = r.exploration.points[from].layers[2];
            const auto choices = r.strategy->editable(r.network, r.platform, r.exploration.options, l);
            const core::LayerEdit unlocked{l.layerId, {{choices[0].name, choices[0].values.back()}}, {}, false};
            const core::DesignPoint p = r.strategy->reoptimise(r.network, r.platform, r.exploration, from, {unlocked});
            QVERIFY2(p.status == core::Status::Optimal, p.message.c_str());
            QCOMPARE(p.label, "re-optimised from " + r.exploration.points[from].label);
            QVERIFY(p.latencyMs == optimum.latencyMs);
            QVERIFY(same(p.energyMj, optimum.energyMj));
            QVERIFY(p.detail.at("reoptimised").get<bool>());
            QCOMPARE(p.detail.at("edited_from").get<std::size_t>(), from);
        }
    }

    void reoptimiseKeepsAWorseLock_data() { reoptimiseWithoutLocksGivesTheOptimum_data(); }
    void reoptimiseKeepsAWorseLock() {
        QFETCH(QString, strategy);
        QFETCH(QString, network);
        const Run& r = run(strategy.toStdString(), network.toStdString());
        const core::DesignPoint& optimum = r.exploration.points.front();
        const bool partition = strategy == "partition";
        // A layer locked to another decision than the optimum's.
        for (const auto& l : optimum.layers) {
            core::LayerEdit lock{l.layerId, {}, {}, true};
            if (partition) {
                lock.shares = {{"cpu", 1.0}};
            } else {
                const auto algorithms = r.strategy->editable(r.network, r.platform, r.exploration.options, l).front().values;
                if (algorithms.size() < 2) continue;
                lock.choice = {
                    {"algorithm", algorithms.front() == l.choiceValue("algorithm") ? algorithms.back() : algorithms.front()}};
            }
            const core::DesignPoint edited = evaluate(r, 0, {lock});
            const core::DesignPoint p = r.strategy->reoptimise(r.network, r.platform, r.exploration, 0, {lock});
            QVERIFY2(p.status == core::Status::Optimal || p.status == core::Status::Heuristic, p.message.c_str());
            QVERIFY(p.latencyMs >= optimum.latencyMs - 1e-12);
            QVERIFY(p.latencyMs <= edited.latencyMs + 1e-12);  // re-optimising the rest never loses
            const auto kept = std::find_if(p.layers.begin(), p.layers.end(),
                                           [&](const auto& x) { return x.layerId == l.layerId; });
            const auto want = std::find_if(edited.layers.begin(), edited.layers.end(),
                                           [&](const auto& x) { return x.layerId == l.layerId; });
            QCOMPARE(kept->choice, want->choice);
            QCOMPARE(kept->shares, want->shares);
            const auto edits = p.detail.at("edits");
            QCOMPARE(edits.size(), std::size_t(1));
            QVERIFY(edits[0].at("locked").get<bool>());
            return;
        }
        QFAIL("no layer to lock");
    }

    void invalidEditsAreResults_data() {
        QTest::addColumn<QString>("strategy");
        QTest::addColumn<int>("layer");  // index into the optimum's layers; -1: an unknown id
        QTest::addColumn<QString>("choice");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("shares");  // "dev=x,dev=y"
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown layer") << "partition" << -1 << ""
                                       << ""
                                       << ""
                                       << "layer id 99999: no such layer";
        QTest::newRow("method not allowed") << "partition" << 0 << "method"
                                            << "grouped-x"
                                            << ""
                                            << "method: 'grouped-x' is not allowed here (allowed:";
        QTest::newRow("cut not editable") << "partition" << 0 << "cut"
                                          << "rows"
                                          << ""
                                          << "cut: cannot be changed here";
        QTest::newRow("shares not 1") << "partition" << 0 << ""
                                      << ""
                                      << "cpu=0.5,gpu=0.4"
                                      << "shares: add up to 0.9, not 1";
        QTest::newRow("negative share") << "partition" << 0 << ""
                                        << ""
                                        << "cpu=-0.25,gpu=1.25"
                                        << "shares: cpu is negative (-0.25)";
        QTest::newRow("unknown device") << "partition" << 0 << ""
                                        << ""
                                        << "tpu=1"
                                        << "shares: device 'tpu' cannot take a share";
        QTest::newRow("algorithm not admissible") << "algosel" << 0 << "algorithm"
                                                  << "fft"
                                                  << ""
                                                  << "algorithm: 'fft' is not allowed here";
        QTest::newRow("dataflow unknown") << "algosel" << 0 << "dataflow"
                                          << "XS"
                                          << ""
                                          << "dataflow: 'XS' is not allowed here (allowed: OS, WS)";
        QTest::newRow("no shares in DYNAMAP") << "algosel" << 0 << ""
                                              << ""
                                              << "fpga=1"
                                              << "shares: this layer is not split across devices";
    }
    void invalidEditsAreResults() {
        QFETCH(QString, strategy);
        QFETCH(int, layer);
        QFETCH(QString, choice);
        QFETCH(QString, value);
        QFETCH(QString, shares);
        QFETCH(QString, expected);
        const Run& r = run(strategy.toStdString(), "resnet18");
        const core::DesignPoint& optimum = r.exploration.points.front();
        core::LayerEdit e;
        e.layerId = layer < 0 ? 99999 : optimum.layers[static_cast<std::size_t>(layer)].layerId;
        if (!choice.isEmpty()) e.choice = {{choice.toStdString(), value.toStdString()}};
        for (const QString& s : shares.split(',', Qt::SkipEmptyParts))
            e.shares[s.section('=', 0, 0).toStdString()] = s.section('=', 1).toDouble();
        const core::DesignPoint p = evaluate(r, 0, {e});
        QCOMPARE(p.status, core::Status::InvalidInput);
        QVERIFY2(p.message.find(expected.toStdString()) != std::string::npos, p.message.c_str());
        if (layer >= 0)
            QVERIFY2(p.message.find("layer " + optimum.layers[static_cast<std::size_t>(layer)].layer + ": ") == 0,
                     p.message.c_str());
        QVERIFY(p.layers.empty() && std::isnan(p.latencyMs));
        // Re-optimising with the same edit says the same.
        e.locked = true;
        const core::DesignPoint q = r.strategy->reoptimise(r.network, r.platform, r.exploration, 0, {e});
        QCOMPARE(q.status, core::Status::InvalidInput);
        QCOMPARE(q.message, p.message);
    }

    void invalidSetUpsAreResults() {
        const Run& r = run("algosel", "resnet18");
        const Run& other = run("partition", "resnet18");
        const int id = r.exploration.points.front().layers.front().layerId;
        QVERIFY(evaluate(r, 99, {}).message.find("point 99: no such point") != std::string::npos);
        QVERIFY(evaluate(r, 0, {{id, {}, {}, false}, {id, {}, {}, false}}).message.find("edited twice") != std::string::npos);
        const core::DesignPoint wrong = r.strategy->evaluate(r.network, r.platform, other.exploration, 0, {});
        QVERIFY2(wrong.message.find("ran strategy 'partition', not 'algosel'") != std::string::npos, wrong.message.c_str());
        const core::Network vgg = core::loadZooNetwork("vgg16");
        const core::DesignPoint net = r.strategy->evaluate(vgg, r.platform, r.exploration, 0, {});
        QCOMPARE(net.status, core::Status::InvalidInput);
        QVERIFY2(net.message.find("the network is not the exploration's") != std::string::npos, net.message.c_str());
    }

    void theExplorationsOwnInputsServe() {
        // What a session has: the network and platform documents stored with the exploration.
        for (const char* s : {"partition", "algosel"}) {
            const Run& r = run(s, "googlenet");
            const core::Network net = core::networkFromJson(r.exploration.inputs.networkDocument, "stored");
            const core::Platform platform = core::platformFromJson(r.exploration.inputs.platformDocument, "stored");
            const auto& l = r.exploration.points.front().layers[3];
            const auto choices = r.strategy->editable(net, platform, r.exploration.options, l);
            QCOMPARE(choices, r.strategy->editable(r.network, r.platform, r.exploration.options, l));
            const core::LayerEdit e{l.layerId, {{choices[0].name, choices[0].values.front()}}, {}, false};
            const core::DesignPoint stored = r.strategy->evaluate(net, platform, r.exploration, 0, {e});
            QVERIFY2(stored.status == core::Status::Heuristic, stored.message.c_str());
            QVERIFY(stored.latencyMs == evaluate(r, 0, {e}).latencyMs);
        }
    }

    void partitionOptimumCarriesSensitivities() {
        // The FPGA's M20K budget binds on VGG-16's classifier.3 at the
        // optimum: its decision carries d log latency / d log budget (< 0).
        const Run& r = run("partition", "vgg16");
        int carried = 0;
        for (const auto& l : r.exploration.points.front().layers) {
            if (!l.detail.contains("sensitivities")) continue;
            ++carried;
            QCOMPARE(l.detail.at("sensitivity_of").get<std::string>(), std::string("latency_ms"));
            for (const auto& [key, value] : l.detail.at("sensitivities").items()) {
                QVERIFY2(key.rfind("fpga.", 0) == 0, key.c_str());
                QVERIFY(value.get<double>() < 0);
            }
        }
        QVERIFY(carried > 0);
        for (std::size_t i = 1; i < r.exploration.points.size(); ++i)  // baselines: not the GP's split
            for (const auto& l : r.exploration.points[i].layers) QVERIFY(!l.detail.contains("sensitivities"));
    }
};

QTEST_APPLESS_MAIN(TestEdit)
#include "tst_edit.moc"
