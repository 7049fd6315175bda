// tessera-cli explore: run any registered strategy on a network and a
// platform and store the exploration. The strategy's options come from its
// schema (solver/explore/strategy.h), so a new strategy needs no code here.

#include <algorithm>
#include <chrono>
#include <map>
#include <cmath>
#include <cstdio>
#include <ostream>
#include <sstream>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "cli.h"
#include "cli_store.h"
#include "core/platform/platform.h"
#include "core/zoo/zoo.h"
#include "format.h"
#include "solver/explore/strategy.h"
#include "solver/parallel/parallel_for.h"

namespace tessera::cli {

namespace {

using nlohmann::json;
namespace explore = solver::explore;

std::string strategyNames() {
    std::string s;
    for (const auto* st : explore::strategies()) s += (s.empty() ? "" : ", ") + std::string(st->name());
    return s;
}

// The --strategy value in argv, before the full parse (its options depend on it).
// The last one, as Args keeps the last value of an option given twice.
std::optional<std::string> strategyArgument(const std::vector<std::string>& argv) {
    std::optional<std::string> found;
    for (std::size_t i = 0; i < argv.size(); ++i) {
        if (argv[i] == "--strategy" && i + 1 < argv.size()) found = argv[i + 1];
        if (argv[i].rfind("--strategy=", 0) == 0) found = argv[i].substr(11);
    }
    return found;
}

// A whole number made of digits only, within [lo, hi].
std::optional<long long> wholeNumber(const std::string& text, long long lo, long long hi) {
    if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    const long long v = std::stoll(text);
    if (v < lo || v > hi) return std::nullopt;
    return v;
}

std::string optionHelp(const explore::OptionSpec& spec) {
    std::string help = spec.help;
    if (spec.type == explore::OptionType::Choice) {
        help += " (";
        for (std::size_t i = 0; i < spec.choices.size(); ++i) help += (i ? " | " : "") + spec.choices[i];
        help += ")";
    }
    if (spec.type == explore::OptionType::Integer || spec.type == explore::OptionType::Number) {
        help += " [" + core::optionValueText(spec.min) + ", " + core::optionValueText(spec.max) + "]";
        if (!spec.unit.empty()) help += " " + spec.unit;
    }
    const std::string def = core::optionValueText(spec.defaultValue);
    if (spec.type != explore::OptionType::Boolean) help += "; default " + (def.empty() ? std::string("none") : def);
    return help;
}

std::string valueName(explore::OptionType type) {
    switch (type) {
    case explore::OptionType::Boolean: return "";
    case explore::OptionType::Integer: return "N";
    case explore::OptionType::Number: return "X";
    case explore::OptionType::Choice: return "CHOICE";
    case explore::OptionType::Text: return "TEXT";
    }
    return "VALUE";
}

// A one-line progress bar on stderr, only on a terminal.
class ProgressLine {
public:
    explicit ProgressLine(bool enabled) : m_enabled(enabled) {}
    ~ProgressLine() { finish(); }
    bool update(double fraction, std::string_view message) {
        if (!m_enabled) return true;
        const int width = 30;
        const int filled = static_cast<int>(std::lround(std::clamp(fraction, 0.0, 1.0) * width));
        std::string text(message.substr(0, 60));
        std::fprintf(stderr, "\r[%s%s] %3d%% %-60s", std::string(static_cast<std::size_t>(filled), '#').c_str(),
                     std::string(static_cast<std::size_t>(width - filled), ' ').c_str(),
                     static_cast<int>(std::lround(100 * std::clamp(fraction, 0.0, 1.0))), text.c_str());
        std::fflush(stderr);
        m_shown = true;
        return true;
    }
    void finish() {
        if (m_shown) std::fprintf(stderr, "\r%s\r", std::string(100, ' ').c_str());
        m_shown = false;
    }

private:
    bool m_enabled;
    bool m_shown = false;
};

// One exploration of a sweep: a network, a platform and the options.
struct Combination {
    std::string network, platform;
    std::vector<std::pair<std::string, std::string>> swept;  // the swept options' values, as given
    core::OptionValues values;
};

// `text` broken into lines of at most `width` characters, at spaces.
std::string wrapped(std::string_view text, std::size_t width) {
    std::string out, line;
    std::istringstream words{std::string(text)};
    for (std::string word; words >> word;) {
        if (!line.empty() && line.size() + 1 + word.size() > width) {
            out += line + "\n";
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
    }
    return out + line;
}

std::string minutes(double seconds) {
    char buf[32];
    const long s = std::lround(seconds);
    std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
    return buf;
}

}  // namespace

int runExploreCommand(const std::vector<std::string>& argv, CliStreams io) {
    std::vector<Args::Option> options = {
        {"network", "N1,N2", "Zoo names, .json networks or .onnx models, comma-separated (required)"},
        {"platform", "P1,P2", "Built-in descriptor names or .json descriptors, comma-separated (required)"},
        {"strategy", "S", "The strategy: " + strategyNames() + " (required)"},
        {"sweep", "NAME=V1,V2", "Sweep a strategy option over these values (repeatable: a grid)"},
        {"shard", "K/N", "Run only the K-th of N deterministic slices of the sweep (1 <= K <= N)"},
        {"jobs", "N", "Explorations run at once in a sweep (default: every core)"},
        {"db", "FILE", "Exploration database (default: " + defaultDatabaseText() + ")"},
        {"name", "TEXT", "Name of the exploration (default: network on platform (strategy))"},
        {"tag", "TAG", "A tag for the exploration (repeatable)"},
        {"json", "", "Print the stored explorations' ids, points and statuses as one JSON document"},
    };
    const std::string usage = "tessera-cli explore --network N --platform P --strategy S [strategy options] [--sweep NAME=V1,V2]... "
                              "[--shard K/N] [--db FILE] [--name X] [--tag T] [--json]";
    std::string summary =
        "Run a strategy on a network and a platform and store the exploration (its design points, KPIs and\n"
        "per-layer decisions) in the database. Comma-separated networks and platforms and --sweep options make\n"
        "a grid; each combination is one exploration, run on every core. Strategies: " + strategyNames() +
        ";\n'explore --strategy S --help' lists S's options.";
    const explore::Strategy* strategy = nullptr;
    if (const auto name = strategyArgument(argv)) {
        strategy = explore::findStrategy(*name);
        if (!strategy) {
            io.err << "tessera-cli explore: --strategy: unknown strategy '" << *name << "' (one of " << strategyNames() << ")\n";
            return kExitUsage;
        }
        summary = wrapped(std::string(strategy->name()) + ": " + std::string(strategy->description()), 100) +
                  "\n\nThe options after --json are the strategy's.";
        for (const auto& spec : strategy->options()) options.push_back({spec.name, valueName(spec.type), optionHelp(spec)});
    }
    Args args(usage, summary, options);
    if (auto rc = parseOrReport(args, argv, io)) return *rc;
    auto usageError = [&](const std::string& message) {
        io.err << "tessera-cli explore: " << message << "\n";
        return kExitUsage;
    };
    if (!args.positionals().empty()) return usageError("unexpected argument '" + args.positionals()[0] + "' (see --help)");
    for (const char* required : {"network", "platform", "strategy"})
        if (!args.value(required)) return usageError(std::string("--") + required + " is required (see --help)");

    // The grid: networks x platforms x every swept option's values.
    std::vector<std::pair<std::string, std::string>> given;
    for (const auto& spec : strategy->options())
        if (auto v = args.value(spec.name)) given.emplace_back(spec.name, spec.type == explore::OptionType::Boolean ? "true" : *v);
    std::vector<std::pair<std::string, std::vector<std::string>>> axes;
    for (const auto& sweep : args.values("sweep")) {
        const auto eq = sweep.find('=');
        const std::string name = sweep.substr(0, eq);
        const auto values = eq == std::string::npos ? std::vector<std::string>{} : splitList(sweep.substr(eq + 1));
        if (eq == std::string::npos || name.empty() || values.empty())
            return usageError("--sweep: expected NAME=V1,V2,..., got '" + sweep + "'");
        if (name == "network" || name == "platform")
            return usageError("--sweep " + name + ": networks and platforms are swept by listing them: --" + name + " A,B");
        for (const auto& [g, value] : given)
            if (g == name) return usageError("--sweep " + name + ": also given as --" + name + "; give one or the other");
        for (const auto& [a, vs] : axes)
            if (a == name) return usageError("--sweep " + name + ": swept twice");
        axes.emplace_back(name, values);
    }
    std::vector<Combination> grid;
    for (const auto& network : splitList(*args.value("network")))
        for (const auto& platform : splitList(*args.value("platform"))) grid.push_back({network, platform, {}, {}});
    if (grid.empty()) return usageError("--network and --platform need at least one name each");
    for (const auto& [name, values] : axes) {
        std::vector<Combination> next;
        for (const auto& c : grid)
            for (const auto& v : values) {
                Combination d = c;
                d.swept.emplace_back(name, v);
                next.push_back(std::move(d));
            }
        grid = std::move(next);
    }
    for (auto& c : grid) {
        auto all = given;
        all.insert(all.end(), c.swept.begin(), c.swept.end());
        explore::ParsedOptions parsed = explore::parseOptions(strategy->options(), all);
        if (parsed.error.empty()) parsed.error = strategy->checkOptions(parsed.values);
        if (!parsed.error.empty()) return usageError(parsed.error);
        c.values = std::move(parsed.values);
    }
    if (auto shard = args.value("shard")) {
        const auto slash = shard->find('/');
        const auto n = slash == std::string::npos ? std::nullopt : wholeNumber(shard->substr(slash + 1), 1, 1'000'000);
        const auto k = n ? wholeNumber(shard->substr(0, slash), 1, *n) : std::nullopt;
        if (!k) return usageError("--shard must be K/N with 1 <= K <= N, got '" + *shard + "'");
        std::vector<Combination> mine;
        for (std::size_t i = 0; i < grid.size(); ++i)
            if (static_cast<long long>(i % static_cast<std::size_t>(*n)) == *k - 1) mine.push_back(std::move(grid[i]));
        grid = std::move(mine);
    }
    int jobs = 0;
    if (auto j = args.value("jobs")) {
        const auto v = wholeNumber(*j, 1, 1024);
        if (!v) return usageError("--jobs must be a whole number in 1..1024, got '" + *j + "'");
        jobs = static_cast<int>(*v);
    }
    if (auto name = args.value("name"); name && name->empty()) return usageError("--name must not be empty");

    // Inputs are opened once each, before anything runs, so a bad one stops
    // the sweep early; the database after them, so a bad input creates none.
    std::map<std::string, core::Network> networks;
    std::map<std::string, core::Platform> platforms;
    for (const auto& c : grid) {
        if (!networks.count(c.network)) {
            core::OpenedNetwork opened = core::openNetworkWithWarnings(c.network);
            for (const auto& w : opened.warnings) io.err << "warning: " << c.network << ": " << w << "\n";
            networks.emplace(c.network, std::move(opened.network));
        }
        if (!platforms.count(c.platform)) platforms.emplace(c.platform, core::openPlatform(c.platform));
    }
    core::ExplorationStore store = openStore(args.value("db"));
    if (!store.writable()) {
        io.err << "tessera-cli explore: " << store.path().string()
               << ": cannot be written (read-only), so nothing was run; choose another with --db\n";
        return kExitFailure;
    }

    const bool sweep = grid.size() != 1 || !axes.empty() || args.value("shard");
    const bool terminal = !args.flag("json") && isatty(STDERR_FILENO);
    // A sweep keeps only what it reports of each exploration once it is saved.
    struct Saved {
        std::int64_t id = 0;  // 0: not saved (invalid for the strategy)
        std::size_t points = 0;
        core::Status status = core::Status::Optimal;
        std::string message;
        double seconds = 0;
    };
    std::vector<core::Exploration> results(grid.size());
    std::vector<Saved> saved(grid.size());
    int invalid = 0;
    auto finish = [&](std::size_t i) {
        core::Exploration& e = results[i];
        saved[i] = {0, e.points.size(), e.status, e.message, e.seconds};
        if (e.status == core::Status::InvalidInput) {
            std::istringstream lines(e.message);
            for (std::string line; std::getline(lines, line);)
                io.err << "tessera-cli explore: " << (sweep ? grid[i].network + " on " + grid[i].platform + ": " : "") << line << "\n";
            ++invalid;
        } else {
            if (auto name = args.value("name")) e.name = *name;
            for (std::size_t a = 0; a < grid[i].swept.size(); ++a)
                e.name += (a == 0 ? " " : ", ") + grid[i].swept[a].first + "=" + grid[i].swept[a].second;
            for (const auto& tag : args.values("tag")) e.tags.push_back(tag);
            e.id = saved[i].id = store.save(e);
        }
        if (sweep) e = core::Exploration{};
    };
    if (!sweep) {
        ProgressLine progress(terminal);
        results[0] = explore::explore(*strategy, networks.at(grid[0].network), grid[0].network, platforms.at(grid[0].platform),
                                      grid[0].values,
                                      {[&progress](double f, std::string_view m) { return progress.update(f, m); }, jobs});
        progress.finish();
        finish(0);
    } else {
        ProgressLine progress(terminal);
        const auto started = std::chrono::steady_clock::now();
        std::size_t done = 0;
        // Saved in grid order, whatever order they finish in: the same sweep
        // gives the same ids.
        std::vector<bool> finished(grid.size(), false);
        std::size_t nextToSave = 0;
        // Fewer combinations than cores: each gets the cores left over.
        const int cores = solver::parallel::threadCount(jobs);
        const int perItem = std::max(1, cores / static_cast<int>(std::min<std::size_t>(grid.size(), static_cast<std::size_t>(cores))));
        solver::parallel::parallelFor(
            grid.size(), jobs,
            [&](std::size_t i) {
                const Combination& c = grid[i];
                results[i] = explore::explore(*strategy, networks.at(c.network), c.network, platforms.at(c.platform), c.values,
                                              {{}, perItem});
            },
            [&](std::size_t i) {
                finished[i] = true;
                for (; nextToSave < grid.size() && finished[nextToSave]; ++nextToSave) finish(nextToSave);
                ++done;
                const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
                const double left = elapsed / static_cast<double>(done) * static_cast<double>(grid.size() - done);
                return progress.update(static_cast<double>(done) / static_cast<double>(grid.size()),
                                       std::to_string(done) + " of " + std::to_string(grid.size()) + " explorations, " +
                                           minutes(elapsed) + " elapsed, ~" + minutes(left) + " left");
            });
        progress.finish();
        // A stopped sweep: save what finished, in order.
        for (std::size_t i = nextToSave; i < grid.size(); ++i)
            if (finished[i]) finish(i);
    }
    // A set-up the strategy refuses (no overlay, an unknown device) is bad input: exit 1.
    if (!sweep && invalid > 0) return kExitFailure;
    const int rc = invalid > 0 ? kExitFailure : kExitOk;

    if (args.flag("json")) {
        if (!sweep) {
            io.out << json{{"id", saved[0].id}, {"points", saved[0].points}, {"status", core::statusName(saved[0].status)},
                           {"db", store.path().string()}}
                          .dump(1)
                   << "\n";
            return rc;
        }
        json list = json::array();
        for (std::size_t i = 0; i < grid.size(); ++i) {
            json swept = json::object();
            for (const auto& [axis, value] : grid[i].swept) swept[axis] = value;
            list.push_back({{"id", saved[i].id ? json(saved[i].id) : json(nullptr)}, {"network", grid[i].network},
                            {"platform", grid[i].platform}, {"sweep", swept}, {"points", saved[i].points},
                            {"status", core::statusName(saved[i].status)}});
        }
        io.out << json{{"db", store.path().string()}, {"explorations", list}}.dump(1) << "\n";
        return rc;
    }
    if (!sweep) {
        const core::Exploration& e = results[0];
        io.out << "exploration " << e.id << " \"" << e.name << "\": " << e.points.size() << " point(s), "
               << core::statusName(e.status) << " (" << e.message << "), " << fixed(e.seconds, 2) << " s\n"
               << "saved in " << store.path().string() << "\n\n";
        printPointTable(io.out, e, 25);
        return rc;
    }
    std::vector<std::vector<std::string>> rows;
    for (std::size_t i = 0; i < grid.size(); ++i) {
        if (saved[i].id == 0) continue;
        std::string swept;
        for (const auto& [axis, value] : grid[i].swept) swept += (swept.empty() ? "" : " ") + axis + "=" + value;
        rows.push_back({std::to_string(saved[i].id), grid[i].network, grid[i].platform, swept.empty() ? "-" : swept,
                        std::to_string(saved[i].points), std::string(core::statusName(saved[i].status)), fixed(saved[i].seconds, 2)});
    }
    if (rows.empty()) return rc;  // nothing saved: the reasons are on stderr
    io.out << rows.size() << " exploration(s) saved in " << store.path().string() << "\n\n"
           << renderTable({"id", "network", "platform", "sweep", "points", "status", "seconds"}, rows, {0, 4, 6});
    return rc;
}

}  // namespace tessera::cli
