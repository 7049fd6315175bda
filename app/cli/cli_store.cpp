// tessera-cli list / show / rename / tag / delete / export: the explorations
// kept in the database, for every strategy alike.

#include "cli_store.h"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "cli.h"
#include "core/json/json_text.h"
#include "format.h"

namespace tessera::cli {

using nlohmann::json;

core::ExplorationStore openStore(const std::optional<std::string>& db, bool readOnly) {
    return core::ExplorationStore(db ? std::filesystem::path(*db) : core::ExplorationStore::defaultPath(), readOnly);
}

std::string defaultDatabaseText() { return core::ExplorationStore::defaultPath().string(); }

namespace {

std::string kpi(double v, int digits = 4) { return std::isfinite(v) ? fixed(v, digits) : "-"; }

std::string shareText(const std::map<std::string, double>& shares) {
    std::string s;
    for (const auto& [device, share] : shares) s += (s.empty() ? "" : " ") + device + " " + fixed(100 * share, 1) + "%";
    return s.empty() ? "-" : s;
}

std::string choiceText(const core::LayerDecision& l) {
    std::string s;
    for (const auto& [name, value] : l.choice) s += (s.empty() ? "" : ", ") + value;
    return s;
}

std::optional<std::int64_t> parseId(const std::string& text) {
    std::size_t used = 0;
    long long v = 0;
    try {
        v = std::stoll(text, &used);
    } catch (const std::exception&) {
        return std::nullopt;
    }
    if (used != text.size() || v < 1) return std::nullopt;
    return v;
}

// A point index in [0, count), digits only.
std::optional<std::size_t> parseIndex(const std::string& text, std::size_t count) {
    if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    const auto k = static_cast<std::size_t>(std::stoul(text));
    if (k >= count) return std::nullopt;
    return k;
}

// The common start of the commands that take an exploration ID: parsing,
// the ID (exit 2 when malformed) and the store.
struct IdCommand {
    explicit IdCommand(Args parser) : args(std::move(parser)) {}
    Args args;
    std::int64_t id = 0;
    std::vector<std::string> rest;  // positionals after the ID
};

std::optional<int> parseIdCommand(IdCommand& c, const std::string& command, std::size_t extraPositionals,
                                  const std::vector<std::string>& argv, CliStreams io) {
    if (auto rc = parseOrReport(c.args, argv, io)) return rc;
    const auto& pos = c.args.positionals();
    if (pos.size() != 1 + extraPositionals) {
        io.err << "tessera-cli " << command << ": expected " << (extraPositionals ? "ID and one more argument" : "one ID")
               << ", got " << pos.size() << " argument(s) (see --help)\n";
        return kExitUsage;
    }
    const auto id = parseId(pos[0]);
    if (!id) {
        io.err << "tessera-cli " << command << ": the exploration ID must be a positive whole number, got '" << pos[0] << "'\n";
        return kExitUsage;
    }
    c.id = *id;
    c.rest.assign(pos.begin() + 1, pos.end());
    return std::nullopt;
}

int noSuchExploration(const std::string& command, std::int64_t id, const core::ExplorationStore& store, CliStreams io) {
    io.err << "tessera-cli " << command << ": no exploration " << id << " in " << store.path().string()
           << " ('tessera-cli list' shows them)\n";
    return kExitFailure;
}

// Whether there is a database to read: the default one may not exist yet,
// and an empty file is an empty database (list nothing); a file named with
// --db that does not exist is an error the store reports.
bool hasDatabase(const std::filesystem::path& file, bool named) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return named;
    return !(std::filesystem::is_regular_file(file, ec) && std::filesystem::file_size(file, ec) == 0);
}

const Args::Option kDbOption{"db", "FILE", "Exploration database (default: " + defaultDatabaseText() + ")"};

void printExploration(std::ostream& out, const core::Exploration& e) {
    out << "exploration " << e.id << " \"" << e.name << "\"\n"
        << "  strategy   " << e.strategy << " (" << e.inputs.solverVersion << ")\n"
        << "  network    " << e.inputs.network << " (" << e.inputs.networkSpec << ", hash " << e.inputs.networkHash << ")\n"
        << "  platform   " << e.inputs.platform << " (hash " << e.inputs.platformHash << ")\n"
        << "  options   ";
    for (const auto& [name, value] : e.options) out << " " << name << "=" << core::optionValueText(value);
    out << "\n  created    " << e.created << " by Tessera " << e.inputs.toolVersion << ", " << fixed(e.seconds, 2) << " s\n"
        << "  status     " << core::statusName(e.status) << ": " << e.message << "\n";
    if (!e.tags.empty()) {
        out << "  tags      ";
        for (const auto& t : e.tags) out << " " << t;
        out << "\n";
    }
    out << "\n";
    printPointTable(out, e, e.points.size());
}

void printPoint(std::ostream& out, const core::Exploration& e, std::size_t k) {
    const core::DesignPoint& p = e.points[k];
    out << "point " << k << " of exploration " << e.id << ": " << p.label << (p.baseline ? " (baseline)" : "")
        << (p.onFront ? " (on the front)" : "") << "\n"
        << "  status     " << core::statusName(p.status) << (p.message.empty() ? "" : ": " + p.message) << "\n"
        << "  latency    " << kpi(p.latencyMs) << " ms, energy " << kpi(p.energyMj) << " mJ, power " << kpi(p.powerW, 3) << " W\n"
        << "  feasible   " << (p.feasible ? "yes" : "no") << "\n";
    for (const auto& v : p.violations) out << "    " << v.reason << "\n";
    if (!p.resources.empty()) {
        std::vector<std::vector<std::string>> rows;
        for (const auto& r : p.resources)
            rows.push_back({r.device, r.resource, significant(r.used, 8), r.budget > 0 ? withThousands(std::llround(r.budget)) : "-",
                            r.budget > 0 ? fixed(100 * r.used / r.budget, 1) + "%" : "-"});
        out << "\n" << renderTable({"device", "resource", "used", "budget", "use"}, rows, {2, 3, 4});
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto& l : p.layers)
        rows.push_back({std::to_string(l.layerId), l.layer, choiceText(l), shareText(l.shares), kpi(l.latencyMs, 6), kpi(l.energyMj, 6)});
    out << "\n" << renderTable({"id", "layer", "decision", "shares", "latency ms", "energy mJ"}, rows, {0, 4, 5});
}

}  // namespace

int runListCommand(const std::vector<std::string>& argv, CliStreams io) {
    Args args("tessera-cli list [--db FILE] [--network N] [--strategy S] [--tag T] [--json]",
              "List the explorations in the database, newest first.",
              {kDbOption,
               {"network", "N", "Only explorations of this network (its name)"},
               {"strategy", "S", "Only this strategy"},
               {"tag", "T", "Only explorations with this tag"},
               {"json", "", "Print one JSON array"}});
    if (auto rc = parseOrReport(args, argv, io)) return *rc;
    if (!args.positionals().empty()) {
        io.err << "tessera-cli list: unexpected argument '" << args.positionals()[0] << "' (see --help)\n";
        return kExitUsage;
    }
    const std::filesystem::path file = args.value("db") ? std::filesystem::path(*args.value("db")) : core::ExplorationStore::defaultPath();
    std::vector<core::ExplorationSummary> rows;
    if (hasDatabase(file, args.value("db").has_value()))
        rows = core::ExplorationStore(file, true).list({args.value("network").value_or(""), args.value("strategy").value_or(""),
                                                        args.value("tag").value_or("")});
    if (args.flag("json")) {
        json list = json::array();
        for (const auto& s : rows)
            list.push_back({{"id", s.id}, {"name", s.name}, {"network", s.network}, {"platform", s.platform},
                            {"strategy", s.strategy}, {"points", s.points}, {"created", s.created},
                            {"status", core::statusName(s.status)}, {"tags", s.tags}});
        io.out << list.dump(1) << "\n";
        return kExitOk;
    }
    std::vector<std::vector<std::string>> table;
    for (const auto& s : rows) {
        std::string tags;
        for (const auto& t : s.tags) tags += (tags.empty() ? "" : ",") + t;
        table.push_back({std::to_string(s.id), s.name, s.network, s.platform, s.strategy, std::to_string(s.points), s.created,
                         tags});
    }
    io.out << renderTable({"id", "name", "network", "platform", "strategy", "points", "created", "tags"}, table, {0, 5});
    return kExitOk;
}

int runShowCommand(const std::vector<std::string>& argv, CliStreams io) {
    IdCommand c(Args("tessera-cli show ID [--point K] [--db FILE] [--json]",
                     "Show an exploration: its inputs with their hashes, options, status and design points; with\n"
                     "--point K (0-based) one design point with its resources and per-layer decisions.",
                     {kDbOption, {"point", "K", "One design point, by its index (0-based)"}, {"json", "", "Print one JSON document"}}));
    if (auto rc = parseIdCommand(c, "show", 0, argv, io)) return *rc;
    const core::ExplorationStore store = openStore(c.args.value("db"), true);
    const auto e = store.load(c.id);
    if (!e) return noSuchExploration("show", c.id, store, io);
    if (auto k = c.args.value("point")) {
        const auto found = parseIndex(*k, e->points.size());
        if (!found) {
            if (e->points.empty())
                io.err << "tessera-cli show: exploration " << c.id << " has no design points\n";
            else
                io.err << "tessera-cli show: --point must be a point index in 0.." << e->points.size() - 1 << " of exploration "
                       << c.id << ", got '" << *k << "'\n";
            return kExitUsage;
        }
        const std::size_t point = *found;
        if (c.args.flag("json"))
            io.out << core::explorationToJson(*e)["points"][point].dump(1) << "\n";
        else
            printPoint(io.out, *e, point);
        return kExitOk;
    }
    if (c.args.flag("json"))
        io.out << core::explorationToJson(*e).dump(1) << "\n";
    else
        printExploration(io.out, *e);
    return kExitOk;
}

int runRenameCommand(const std::vector<std::string>& argv, CliStreams io) {
    IdCommand c(Args("tessera-cli rename ID NAME [--db FILE]", "Rename an exploration.", {kDbOption}));
    if (auto rc = parseIdCommand(c, "rename", 1, argv, io)) return *rc;
    core::ExplorationStore store = openStore(c.args.value("db"));
    if (!store.rename(c.id, c.rest[0])) return noSuchExploration("rename", c.id, store, io);
    return kExitOk;
}

int runTagCommand(const std::vector<std::string>& argv, CliStreams io) {
    IdCommand c(Args("tessera-cli tag ID TAG [--db FILE]", "Add a tag to an exploration.", {kDbOption}));
    if (auto rc = parseIdCommand(c, "tag", 1, argv, io)) return *rc;
    core::ExplorationStore store = openStore(c.args.value("db"));
    if (!store.addTag(c.id, c.rest[0])) return noSuchExploration("tag", c.id, store, io);
    return kExitOk;
}

int runDeleteCommand(const std::vector<std::string>& argv, CliStreams io) {
    IdCommand c(Args("tessera-cli delete ID [--yes] [--db FILE]",
                     "Delete an exploration and its design points. Asks first on a terminal; --yes for scripts.",
                     {kDbOption, {"yes", "", "Delete without asking"}}));
    if (auto rc = parseIdCommand(c, "delete", 0, argv, io)) return *rc;
    core::ExplorationStore store = openStore(c.args.value("db"));
    const auto e = store.load(c.id);
    if (!e) return noSuchExploration("delete", c.id, store, io);
    if (!c.args.flag("yes")) {
        if (!isatty(STDIN_FILENO)) {
            io.err << "tessera-cli delete: not a terminal, so nothing was deleted; add --yes to delete exploration " << c.id
                   << " without asking\n";
            return kExitUsage;
        }
        io.err << "Delete exploration " << c.id << " \"" << e->name << "\" (" << e->points.size() << " points)? [y/N] ";
        std::string answer;
        std::getline(std::cin, answer);
        if (answer != "y" && answer != "Y" && answer != "yes") {
            io.err << "nothing deleted\n";
            return kExitFailure;
        }
    }
    store.remove(c.id);
    return kExitOk;
}

namespace {

std::string csvField(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string q = "\"";
    for (char ch : s) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return q + "\"";
}

std::string csvNumber(double v) {
    if (!std::isfinite(v)) return "";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

// One row per (point, layer), the point's KPIs repeated: a tidy table for
// spreadsheets and data frames. Decision and share columns are the union
// over the exported points.
std::string toCsv(const core::Exploration& e, const std::vector<std::size_t>& points) {
    std::vector<std::string> choiceKeys;
    std::set<std::string> devices;
    for (std::size_t k : points)
        for (const auto& l : e.points[k].layers) {
            for (const auto& [name, value] : l.choice)
                if (std::find(choiceKeys.begin(), choiceKeys.end(), name) == choiceKeys.end()) choiceKeys.push_back(name);
            for (const auto& [device, share] : l.shares) devices.insert(device);
        }
    std::string out = "exploration,point,label,status,baseline,on_front,feasible,latency_ms,energy_mj,power_w,layer_id,layer";
    for (const auto& key : choiceKeys) out += "," + csvField(key);
    for (const auto& d : devices) out += "," + csvField("share_" + d);
    out += ",layer_latency_ms,layer_energy_mj\n";
    for (std::size_t k : points) {
        const core::DesignPoint& p = e.points[k];
        const std::string head = std::to_string(e.id) + "," + std::to_string(k) + "," + csvField(p.label) + "," +
                                 std::string(core::statusName(p.status)) + "," + (p.baseline ? "1" : "0") + "," +
                                 (p.onFront ? "1" : "0") + "," + (p.feasible ? "1" : "0") + "," + csvNumber(p.latencyMs) + "," +
                                 csvNumber(p.energyMj) + "," + csvNumber(p.powerW);
        if (p.layers.empty()) out += head + ",," + std::string(choiceKeys.size() + devices.size() + 2, ',') + "\n";
        for (const auto& l : p.layers) {
            out += head + "," + std::to_string(l.layerId) + "," + csvField(l.layer);
            for (const auto& key : choiceKeys) out += "," + csvField(l.choiceValue(key));
            for (const auto& d : devices) {
                auto it = l.shares.find(d);
                out += "," + (it == l.shares.end() ? std::string() : csvNumber(it->second));
            }
            out += "," + csvNumber(l.latencyMs) + "," + csvNumber(l.energyMj) + "\n";
        }
    }
    return out;
}

}  // namespace

int runExportCommand(const std::vector<std::string>& argv, CliStreams io) {
    IdCommand c(Args("tessera-cli export ID [--points a,b,...] --format csv|json -o FILE [--db FILE]",
                     "Write an exploration's design points with their KPIs and per-layer decisions: csv (one row per\n"
                     "point and layer) or json (the exploration document with the chosen points).",
                     {kDbOption,
                      {"points", "K1,K2", "Only these points (0-based indices; default all)"},
                      {"format", "FMT", "csv or json (required)"},
                      {"output", "FILE", "The file to write (required)", 'o'}}));
    if (auto rc = parseIdCommand(c, "export", 0, argv, io)) return *rc;
    auto usage = [&](const std::string& message) {
        io.err << "tessera-cli export: " << message << "\n";
        return kExitUsage;
    };
    const auto format = c.args.value("format");
    if (!format || (*format != "csv" && *format != "json")) return usage("--format must be csv or json (see --help)");
    const auto output = c.args.value("output");
    if (!output) return usage("-o FILE is required (see --help)");
    const core::ExplorationStore store = openStore(c.args.value("db"), true);
    const auto e = store.load(c.id);
    if (!e) return noSuchExploration("export", c.id, store, io);
    std::vector<std::size_t> points;
    if (auto list = c.args.value("points")) {
        if (e->points.empty()) return usage("exploration " + std::to_string(c.id) + " has no design points");
        if (splitList(*list).empty()) return usage("--points: give point indices, e.g. --points 0,2");
        std::stringstream in(*list);
        for (std::string item; std::getline(in, item, ',');) {
            const auto k = parseIndex(item, e->points.size());
            if (!k) return usage("--points: '" + item + "' is not a point index in 0.." + std::to_string(e->points.size() - 1));
            points.push_back(*k);
        }
    } else {
        for (std::size_t k = 0; k < e->points.size(); ++k) points.push_back(k);
    }
    if (*format == "csv") {
        core::writeTextFile(*output, toCsv(*e, points));
    } else {
        core::Exploration chosen = *e;
        chosen.points.clear();
        for (std::size_t k : points) chosen.points.push_back(e->points[k]);
        core::writeTextFile(*output, core::explorationToJson(chosen).dump(1) + "\n");
    }
    return kExitOk;
}

int runPointsCommand(const std::vector<std::string>& argv, CliStreams io) {
    Args args("tessera-cli points [--strategy S] [--network N] [--feasible] [--no-baselines] [--max-latency MS] "
              "[--max-energy MJ] [--sort latency|energy] [--limit N] [--db FILE] [--json]",
              "The design points of every stored exploration that pass the filters, sorted by latency then energy\n"
              "(or energy then latency): a query on the database's KPI columns.",
              {kDbOption,
               {"strategy", "S", "Only points of this strategy"},
               {"network", "N", "Only points of this network (its name)"},
               {"feasible", "", "Only feasible points"},
               {"no-baselines", "", "Leave the baselines out"},
               {"max-latency", "MS", "Only points at most this fast (ms)"},
               {"max-energy", "MJ", "Only points using at most this energy (mJ)"},
               {"sort", "KPI", "latency (default: latency, then energy) or energy"},
               {"limit", "N", "At most N points (default 50)"},
               {"json", "", "Print one JSON array"}});
    if (auto rc = parseOrReport(args, argv, io)) return *rc;
    auto usage = [&](const std::string& message) {
        io.err << "tessera-cli points: " << message << "\n";
        return kExitUsage;
    };
    if (!args.positionals().empty()) return usage("unexpected argument '" + args.positionals()[0] + "' (see --help)");
    core::PointQuery q;
    q.strategy = args.value("strategy").value_or("");
    q.network = args.value("network").value_or("");
    q.feasibleOnly = args.flag("feasible");
    q.includeBaselines = !args.flag("no-baselines");
    q.limit = 50;
    for (const auto& [name, target] : {std::pair{"max-latency", &q.maxLatencyMs}, std::pair{"max-energy", &q.maxEnergyMj}})
        if (auto v = args.value(name)) {
            const auto x = parseNumber(*v);
            if (!x || !(*x >= 0)) return usage(std::string("--") + name + " must be a non-negative number, got '" + *v + "'");
            *target = *x;
        }
    if (auto v = args.value("sort")) {
        if (*v == "energy") q.order = core::PointQuery::Order::EnergyThenLatency;
        else if (*v != "latency") return usage("--sort must be latency or energy, got '" + *v + "'");
    }
    if (auto v = args.value("limit")) {
        const auto x = parseNumber(*v);
        if (!x || *x < 1 || *x != std::floor(*x) || *x > 1e9) return usage("--limit must be a whole number in 1..1000000000, got '" + *v + "'");
        q.limit = static_cast<std::size_t>(*x);
    }
    const std::filesystem::path file = args.value("db") ? std::filesystem::path(*args.value("db")) : core::ExplorationStore::defaultPath();
    std::vector<core::PointSummary> rows;
    if (hasDatabase(file, args.value("db").has_value())) rows = core::ExplorationStore(file, true).queryPoints(q);
    if (args.flag("json")) {
        json list = json::array();
        for (const auto& p : rows)
            list.push_back({{"exploration", p.exploration}, {"point", p.index}, {"label", p.label}, {"strategy", p.strategy},
                            {"network", p.network}, {"status", core::statusName(p.status)},
                            {"latency_ms", std::isfinite(p.latencyMs) ? json(p.latencyMs) : json(nullptr)},
                            {"energy_mj", std::isfinite(p.energyMj) ? json(p.energyMj) : json(nullptr)},
                            {"power_w", std::isfinite(p.powerW) ? json(p.powerW) : json(nullptr)}, {"feasible", p.feasible},
                            {"baseline", p.baseline}, {"on_front", p.onFront}});
        io.out << list.dump(1) << "\n";
        return kExitOk;
    }
    std::vector<std::vector<std::string>> table;
    for (const auto& p : rows)
        table.push_back({std::to_string(p.exploration) + ":" + std::to_string(p.index), p.network, p.strategy, p.label,
                         kpi(p.latencyMs), kpi(p.energyMj), kpi(p.powerW, 3), p.feasible ? "yes" : "no",
                         p.baseline ? "baseline" : p.onFront ? "front" : ""});
    io.out << renderTable({"ID:K", "network", "strategy", "label", "latency ms", "energy mJ", "power W", "feasible", ""}, table,
                          {4, 5, 6});
    return kExitOk;
}

namespace {

// What makes two explorations the same run (a copy, e.g. a shard merged
// twice): their inputs' hashes, the strategy, every option value, the tool
// and solver versions, the seed and the time it was made. Runs of the same
// inputs at other times or by other versions are kept.
std::string identity(const core::Exploration& e) {
    json options = json::object();
    for (const auto& [name, value] : e.options) options[name] = core::optionValueText(value);
    return json::array({e.inputs.networkHash, e.inputs.platformHash, e.strategy, options.dump(), e.inputs.toolVersion,
                        e.inputs.solverVersion, std::to_string(e.inputs.seed), e.created})
        .dump();
}

}  // namespace

int runMergeCommand(const std::vector<std::string>& argv, CliStreams io) {
    Args args("tessera-cli merge A.sqlite B.sqlite ... -o OUT.sqlite [--json]",
              "Merge exploration databases (e.g. the shards of a sweep, see docs/explorations.md) into OUT,\n"
              "created when absent: every exploration gets a new id in OUT; a copy of one already there (the\n"
              "same inputs, strategy, options, versions and creation time) is skipped.",
              {{"output", "FILE", "The database to merge into (required)", 'o'}, {"json", "", "Print one JSON document"}});
    if (auto rc = parseOrReport(args, argv, io)) return *rc;
    auto usage = [&](const std::string& message) {
        io.err << "tessera-cli merge: " << message << "\n";
        return kExitUsage;
    };
    const auto output = args.value("output");
    if (!output) return usage("-o OUT.sqlite is required (see --help)");
    if (args.positionals().empty()) return usage("give the databases to merge (see --help)");
    std::error_code ec;
    for (const auto& source : args.positionals())
        if (std::filesystem::exists(*output) && std::filesystem::equivalent(source, *output, ec))
            return usage("'" + source + "' is the output database itself");
    // Open every source first: a bad one stops the merge before anything is written.
    std::vector<core::ExplorationStore> sources;
    for (const auto& source : args.positionals()) sources.emplace_back(source, true);
    core::ExplorationStore target(*output);
    std::set<std::string> present;
    for (const auto& s : target.list())
        if (auto e = target.load(s.id)) present.insert(identity(*e));
    std::size_t merged = 0, duplicates = 0;
    json mapping = json::array();
    for (std::size_t f = 0; f < sources.size(); ++f) {
        auto summaries = sources[f].list();
        std::reverse(summaries.begin(), summaries.end());  // oldest first: ids keep their order
        for (const auto& s : summaries) {
            auto e = sources[f].load(s.id);
            if (!e) continue;
            if (!present.insert(identity(*e)).second) {
                ++duplicates;
                continue;
            }
            const std::int64_t id = target.save(*e);
            mapping.push_back({{"source", args.positionals()[f]}, {"source_id", s.id}, {"id", id}});
            ++merged;
        }
    }
    if (args.flag("json")) {
        io.out << json{{"db", target.path().string()}, {"merged", merged}, {"duplicates", duplicates}, {"explorations", mapping}}.dump(1)
               << "\n";
        return kExitOk;
    }
    io.out << "merged " << merged << " exploration(s) from " << sources.size() << " database(s) into " << target.path().string()
           << (duplicates ? " (" + std::to_string(duplicates) + " already there, skipped)" : "") << "\n";
    return kExitOk;
}

void printPointTable(std::ostream& out, const core::Exploration& e, std::size_t most) {
    // Long fronts: every baseline, and `most` points in all with the other
    // points evenly spaced (first and last kept).
    std::size_t others = 0;
    for (const auto& p : e.points) others += p.baseline ? 0 : 1;
    const std::size_t baselines = e.points.size() - others;
    const std::size_t keep = std::max<std::size_t>(most > baselines ? most - baselines : 0, 2);
    std::set<std::size_t> ordinals;  // which of the other points are shown
    for (std::size_t i = 0; i < std::min(keep, others); ++i)
        ordinals.insert(others <= keep ? i : i * (others - 1) / (keep - 1));
    std::vector<std::size_t> shown;
    for (std::size_t k = 0, ordinal = 0; k < e.points.size(); ++k) {
        if (e.points[k].baseline) {
            shown.push_back(k);
        } else if (ordinals.count(ordinal++)) {
            shown.push_back(k);
        }
    }
    std::vector<std::vector<std::string>> rows;
    for (std::size_t k : shown) {
        const core::DesignPoint& p = e.points[k];
        rows.push_back({std::to_string(k), p.label, std::string(core::statusName(p.status)), kpi(p.latencyMs), kpi(p.energyMj),
                        kpi(p.powerW, 3), p.feasible ? "yes" : "no", p.baseline ? "baseline" : p.onFront ? "front" : ""});
    }
    out << renderTable({"point", "label", "status", "latency ms", "energy mJ", "power W", "feasible", ""}, rows, {0, 3, 4, 5});
    if (shown.size() < e.points.size())
        out << "(" << shown.size() << " of " << e.points.size() << " points shown; 'tessera-cli show " << e.id
            << "' lists them all)\n";
}


}  // namespace tessera::cli
