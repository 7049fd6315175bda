// tessera: the desktop GUI.
//
//   tessera [file|zoo-name] [--partition PLATFORM] [--screenshot out.png]
//
// --screenshot opens the network, waits for its graph layout, saves a
// picture of the main window and exits: 0 when saved, 1 when the network
// could not be opened or partitioned (message on stderr), 3 when the picture
// could not be written or nothing happened in time. --partition opens the
// Partition dock and partitions the network on PLATFORM once it is shown
// (before the screenshot, when one is asked for).

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QFont>
#include <QImage>
#include <QPixmap>
#include <QTimer>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include <QDockWidget>
#include <QTableView>

#include "app/gui/main_window.h"
#include "core/platform/platform.h"
#include "core/zoo/zoo.h"
#include "views/partition_panel.h"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitOpenFailed = 1;
constexpr int kExitUsage = 2;
constexpr int kExitScreenshotFailed = 3;
constexpr int kExitNoDisplay = 4;
constexpr int kScreenshotTimeoutMs = 180000;

void printUsage(std::FILE* out) {
    std::string zoo;
    for (const auto& name : tessera::core::zooNames()) zoo += (zoo.empty() ? "" : ", ") + name;
    std::string platforms;
    for (const auto& name : tessera::core::builtinPlatformNames()) platforms += (platforms.empty() ? "" : ", ") + name;
    std::fprintf(out,
                 "Usage: tessera [file|zoo-name] [--partition PLATFORM] [--screenshot out.png]\n"
                 "\n"
                 "Design-space exploration of CNN inference: the desktop GUI.\n"
                 "\n"
                 "Arguments:\n"
                 "  file|zoo-name          network to open: a .json or .onnx file, or a zoo name\n"
                 "                         (default: resnet18). Zoo: %s\n"
                 "\n"
                 "Options:\n"
                 "  --screenshot out.png   open the network, save a picture of the window once\n"
                 "                         the graph is laid out, and exit (0 saved, 1 the network\n"
                 "                         could not be opened, 3 the picture could not be saved)\n"
                 "  --partition PLATFORM   open the Partition dock and partition the network on\n"
                 "                         PLATFORM, a built-in descriptor or a platform .json file\n"
                 "                         (built-in: %s)\n"
                 "  -h, --help             show this help and exit\n"
                 "  --version              show the version and exit\n"
                 "\n"
                 "Qt options such as -platform offscreen are accepted too.\n"
                 "Without a display, run it under Xvfb (xvfb-run -a tessera ...) or use tessera-cli.\n",
                 zoo.c_str(), platforms.c_str());
}

bool envSet(const char* name) {
    const char* value = std::getenv(name);
    return value && *value;
}

// Qt aborts with a cryptic message when it finds no display; say what to do.
bool haveDisplay(int argc, char** argv) {
    if (envSet("QT_QPA_PLATFORM") || envSet("DISPLAY") || envSet("WAYLAND_DISPLAY")) return true;
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "-platform") == 0 || std::strcmp(argv[i], "--platform") == 0) return true;
    return false;
}

struct Options {
    QString spec;
    QString screenshot;
    QString partition;  // platform to partition on, empty: none
};

// Parses what Qt left of the arguments; returns an error message or empty.
QString parseArguments(const QStringList& args, Options& options) {
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString& arg = args[i];
        if (arg == QLatin1String("--screenshot")) {
            if (i + 1 >= args.size()) return QStringLiteral("--screenshot needs an output file name");
            options.screenshot = args[++i];
        } else if (arg.startsWith(QLatin1String("--screenshot="))) {
            options.screenshot = arg.mid(13);
        } else if (arg == QLatin1String("--partition")) {
            if (i + 1 >= args.size()) return QStringLiteral("--partition needs a platform name");
            options.partition = args[++i];
        } else if (arg.startsWith(QLatin1String("--partition="))) {
            options.partition = arg.mid(12);
            if (options.partition.isEmpty()) return QStringLiteral("--partition needs a platform name");
        } else if (arg.startsWith(QLatin1Char('-')) && arg.size() > 1) {
            return QStringLiteral("unknown option '%1'").arg(arg);
        } else if (options.spec.isEmpty()) {
            options.spec = arg;
        } else {
            return QStringLiteral("more than one network given ('%1' and '%2')").arg(options.spec, arg);
        }
    }
    if (options.screenshot.isEmpty() && args.contains(QLatin1String("--screenshot=")))
        return QStringLiteral("--screenshot needs an output file name");
    return {};
}

}  // namespace

int main(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
            printUsage(stdout);
            return kExitOk;
        }
        if (std::strcmp(argv[i], "--version") == 0) {
            std::printf("tessera %s\n", TESSERA_VERSION);
            return kExitOk;
        }
    }
    if (!haveDisplay(argc, argv)) {
        std::fprintf(stderr,
                     "tessera: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set).\n"
                     "The Tessera GUI needs a graphical session. Without one, either:\n"
                     "  - run it under a virtual X server:  xvfb-run -a build/dev/app/tessera [network]\n"
                     "  - or use the headless CLI:          tessera-cli network show resnet18\n"
                     "  - or render offscreen:              QT_QPA_PLATFORM=offscreen tessera --screenshot out.png\n");
        return kExitNoDisplay;
    }

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Tessera"));
    QApplication::setOrganizationName(QStringLiteral("Tessera"));
    QApplication::setApplicationVersion(QStringLiteral(TESSERA_VERSION));
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSize(10);
    QApplication::setFont(font);

    Options options;
    const QString error = parseArguments(QApplication::arguments(), options);
    if (!error.isEmpty()) {
        std::fprintf(stderr, "tessera: %s\n\n", qPrintable(error));
        printUsage(stderr);
        return kExitUsage;
    }
    // A relative path the user typed means the file; a bare name a zoo name.
    QString spec = options.spec.isEmpty() ? QString::fromLatin1(tessera::gui::MainWindow::kDefaultNetwork) : options.spec;
    if (!tessera::core::isZooName(spec.toStdString()) && QFileInfo::exists(spec))
        spec = QFileInfo(spec).absoluteFilePath();

    const bool screenshot = !options.screenshot.isEmpty();
    tessera::gui::MainWindow window(/*interactive=*/!screenshot);

    if (screenshot) {
        const QString out = options.screenshot;
        window.resize(1440, 900);
        QObject::connect(&window, &tessera::gui::MainWindow::openFailed, &app,
                         [](const QString&, const QString& message) {
                             std::fprintf(stderr, "tessera: could not open the network: %s\n", qPrintable(message));
                             QCoreApplication::exit(kExitOpenFailed);
                         });
        auto grab = [&window, out]() {
            // Let layouts, the graph's first view and pending paints settle.
            QTimer::singleShot(300, &window, [&window, out]() {
                const QImage image = window.grab().toImage();
                if (image.isNull() || !image.save(out)) {
                    std::fprintf(stderr, "tessera: could not write the screenshot to %s\n", qPrintable(out));
                    QCoreApplication::exit(kExitScreenshotFailed);
                    return;
                }
                std::fprintf(stdout, "tessera: screenshot saved to %s (%dx%d)\n",
                             qPrintable(QDir::toNativeSeparators(out)), image.width(), image.height());
                QCoreApplication::exit(kExitOk);
            });
        };
        if (options.partition.isEmpty()) {
            QObject::connect(&window, &tessera::gui::MainWindow::networkShown, &app, grab);
        } else {
            QObject::connect(&window, &tessera::gui::MainWindow::partitionShown, &app, [&window, grab]() {
                // Show a unit with FPGA resources, the panel's richest view.
                tessera::views::PartitionPanel* panel = window.partitionPanel();
                const auto& rows = panel->result().rows;
                for (qsizetype i = 0; i < rows.size(); ++i) {
                    if (rows[i].ok && !rows[i].resources.isEmpty()) {
                        panel->tableView()->selectRow(static_cast<int>(i));  // also selects it in the graph
                        break;
                    }
                }
                grab();
            });
            QObject::connect(&window, &tessera::gui::MainWindow::partitionFailed, &app, [](const QString& message) {
                std::fprintf(stderr, "tessera: could not partition the network: %s\n", qPrintable(message));
                QCoreApplication::exit(kExitOpenFailed);
            });
        }
        QTimer::singleShot(kScreenshotTimeoutMs, &app, []() {
            std::fprintf(stderr, "tessera: gave up waiting for the network to open\n");
            QCoreApplication::exit(kExitScreenshotFailed);
        });
    }

    if (!options.partition.isEmpty()) {
        tessera::views::PartitionSettings settings = window.partitionPanel()->settings();
        settings.platform = options.partition;
        QObject::connect(&window, &tessera::gui::MainWindow::networkShown, &window, [&window, settings]() {
            window.partitionDock()->show();
            window.resizeDocks({window.partitionDock()}, {440}, Qt::Vertical);
            window.runPartition(settings);
        }, Qt::SingleShotConnection);
    }

    window.show();
    window.openSpec(spec);
    return app.exec();
}
