#include "cli.h"
#include "core/types.h"

#include <algorithm>
#include <ostream>
#include <sstream>

namespace tessera::cli {

Args::Args(std::string usage, std::string summary, std::vector<Option> options)
    : m_usage(std::move(usage)), m_summary(std::move(summary)), m_options(std::move(options)) {}

bool Args::parse(const std::vector<std::string>& argv) {
    for (std::size_t i = 0; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a == "--help" || a == "-h") {
            m_help = true;
            return true;
        }
        std::string longForm = a;
        if (a.size() == 2 && a[0] == '-' && a[1] != '-') {
            auto it = std::find_if(m_options.begin(), m_options.end(), [&](const Option& o) { return o.shortName == a[1]; });
            if (it == m_options.end()) {
                m_error = "unknown option '" + a + "'";
                return false;
            }
            longForm = "--" + it->name;
        }
        if (longForm.size() > 2 && longForm.rfind("--", 0) == 0) {
            std::string name = longForm.substr(2);
            std::optional<std::string> inlineValue;
            if (auto eq = name.find('='); eq != std::string::npos) {
                inlineValue = name.substr(eq + 1);
                name = name.substr(0, eq);
            }
            auto it = std::find_if(m_options.begin(), m_options.end(),
                                   [&](const Option& o) { return o.name == name; });
            if (it == m_options.end()) {
                m_error = "unknown option '--" + name + "'";
                return false;
            }
            if (it->valueName.empty()) {
                if (inlineValue) {
                    m_error = "option '--" + name + "' takes no value";
                    return false;
                }
                m_values[name].push_back("1");
            } else if (inlineValue) {
                m_values[name].push_back(*inlineValue);
            } else if (i + 1 < argv.size()) {
                m_values[name].push_back(argv[++i]);
            } else {
                m_error = "option '--" + name + "' needs a value (" + it->valueName + ")";
                return false;
            }
        } else {
            m_positionals.push_back(a);
        }
    }
    return true;
}

std::string Args::helpText() const {
    std::ostringstream s;
    s << "Usage: " << m_usage << "\n\n" << m_summary << "\n";
    if (!m_options.empty()) {
        s << "\nOptions:\n";
        for (const auto& o : m_options) {
            std::string left = std::string(o.shortName ? std::string("  -") + o.shortName + ", " : "  ") + "--" + o.name + (o.valueName.empty() ? "" : " <" + o.valueName + ">");
            s << left << std::string(left.size() < 28 ? 28 - left.size() : 1, ' ');
            // Long help wraps at about 110 columns, continued under itself.
            std::istringstream words(o.help);
            std::size_t column = std::max<std::size_t>(left.size(), 28) + (left.size() < 28 ? 0 : 1);
            bool first = true;
            for (std::string word; words >> word; first = false) {
                if (!first && column + 1 + word.size() > 110) {
                    s << "\n" << std::string(28, ' ');
                    column = 28;
                } else if (!first) {
                    s << ' ';
                    ++column;
                }
                s << word;
                column += word.size();
            }
            s << "\n";
        }
    }
    s << "  --help                    Show this help\n";
    return s.str();
}

bool Args::flag(const std::string& name) const { return m_values.count(name) > 0; }

std::optional<std::string> Args::value(const std::string& name) const {
    auto it = m_values.find(name);
    if (it == m_values.end()) return std::nullopt;
    return it->second.back();
}

std::vector<std::string> Args::values(const std::string& name) const {
    auto it = m_values.find(name);
    return it == m_values.end() ? std::vector<std::string>{} : it->second;
}

std::optional<int> parseOrReport(Args& args, const std::vector<std::string>& argv, CliStreams io) {
    if (!args.parse(argv)) {
        io.err << "tessera-cli: " << args.error() << "\n(see --help)\n";
        return kExitUsage;
    }
    if (args.helpRequested()) {
        io.out << args.helpText();
        return kExitOk;
    }
    return std::nullopt;
}

int dispatchSubcommand(const std::string& command, const std::vector<Subcommand>& subcommands,
                       const std::vector<std::string>& argv, CliStreams io) {
    std::string names;
    for (const auto& sub : subcommands) names += (names.empty() ? "" : "|") + sub.name;
    std::string usage = "Usage: tessera-cli " + command + " <" + names + "> [options]\n\n";
    for (const auto& sub : subcommands)
        usage += "  " + sub.name + std::string(sub.name.size() < 10 ? 10 - sub.name.size() : 1, ' ') + sub.summary + "\n";
    usage += "\nRun 'tessera-cli " + command + " <subcommand> --help' for its options.\n";
    if (argv.empty()) {
        io.err << usage;
        return kExitUsage;
    }
    if (argv[0] == "--help" || argv[0] == "-h" || argv[0] == "help") {
        io.out << usage;
        return kExitOk;
    }
    const std::vector<std::string> rest(argv.begin() + 1, argv.end());
    for (const auto& sub : subcommands) {
        if (sub.name != argv[0]) continue;
        try {
            return sub.run(rest, io);
        } catch (const core::FormatError& e) {
            io.err << "tessera-cli " << command << " " << sub.name << ": " << e.what() << "\n";
            return kExitFailure;
        }
    }
    io.err << "tessera-cli " << command << ": unknown subcommand '" << argv[0] << "'\n\n" << usage;
    return kExitUsage;
}

}  // namespace tessera::cli
