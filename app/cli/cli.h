#pragma once
// The tessera-cli command framework: each command is a function taking its
// arguments (after the command words) and the output streams, returning the
// process exit code. Errors go to `err` and return non-zero; never exit().

#include <functional>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tessera::cli {

enum ExitCode : int { kExitOk = 0, kExitFailure = 1, kExitUsage = 2 };

struct CliStreams {
    std::ostream& out;
    std::ostream& err;
};

// A small option parser: `--name value`, `--name=value`, boolean `--flag`,
// and positionals. Unknown options are errors naming the option.
class Args {
public:
    struct Option {
        std::string name;      // without dashes
        std::string valueName; // empty for a boolean flag
        std::string help;
        char shortName = 0;    // e.g. 'o' for -o; 0 for none
    };
    Args(std::string usage, std::string summary, std::vector<Option> options);

    // Parses; on failure returns false and sets error(). `--help` sets helpRequested().
    bool parse(const std::vector<std::string>& argv);
    const std::string& error() const { return m_error; }
    bool helpRequested() const { return m_help; }
    std::string helpText() const;

    bool flag(const std::string& name) const;
    // The option's value; the last one when it was given several times.
    std::optional<std::string> value(const std::string& name) const;
    // Every value of a repeatable option, in the order given.
    std::vector<std::string> values(const std::string& name) const;
    const std::vector<std::string>& positionals() const { return m_positionals; }

private:
    std::string m_usage, m_summary;
    std::vector<Option> m_options;
    std::map<std::string, std::vector<std::string>> m_values;
    std::vector<std::string> m_positionals;
    std::string m_error;
    bool m_help = false;
};

// Parses argv with `args`; prints help (exit 0) or the error (exit 2) itself.
// Returns nullopt when the command should go on.
std::optional<int> parseOrReport(Args& args, const std::vector<std::string>& argv, CliStreams io);

using CommandFn = std::function<int(const std::vector<std::string>& argv, CliStreams io)>;

// One subcommand of a command group (e.g. "show" of "network").
struct Subcommand {
    std::string name;
    std::string summary;
    CommandFn run;
};

// Runs `argv[0]` among `subcommands` of `command` with the rest of argv:
// prints the group's usage for --help (exit 0) or on a missing / unknown
// subcommand (exit 2), and turns a core::FormatError escaping the
// subcommand into "tessera-cli <command> <sub>: <message>" (exit 1).
int dispatchSubcommand(const std::string& command, const std::vector<Subcommand>& subcommands,
                       const std::vector<std::string>& argv, CliStreams io);

int runNetworkCommand(const std::vector<std::string>& argv, CliStreams io);
int runPlatformCommand(const std::vector<std::string>& argv, CliStreams io);
int runGpCommand(const std::vector<std::string>& argv, CliStreams io);
int runAlgoselCommand(const std::vector<std::string>& argv, CliStreams io);
int runPbqpCommand(const std::vector<std::string>& argv, CliStreams io);
int runPartitionCommand(const std::vector<std::string>& argv, CliStreams io);
// Explorations (cli_explore.cpp, cli_store.cpp).
int runExploreCommand(const std::vector<std::string>& argv, CliStreams io);
int runListCommand(const std::vector<std::string>& argv, CliStreams io);
int runShowCommand(const std::vector<std::string>& argv, CliStreams io);
int runRenameCommand(const std::vector<std::string>& argv, CliStreams io);
int runTagCommand(const std::vector<std::string>& argv, CliStreams io);
int runDeleteCommand(const std::vector<std::string>& argv, CliStreams io);
int runExportCommand(const std::vector<std::string>& argv, CliStreams io);
int runMergeCommand(const std::vector<std::string>& argv, CliStreams io);
int runPointsCommand(const std::vector<std::string>& argv, CliStreams io);

}  // namespace tessera::cli
