// tessera: the desktop workbench.
//
//   tessera [file|zoo-name] [--platform P] [--explore STRATEGY] [--db FILE]
//           [--exploration ID [--point K]] [--size WxH] [--screenshot out.png]
//
// --screenshot opens what was asked, waits until it is on screen (the
// network's graph; the exploration run or opened, with its selected point),
// saves a picture of the main window and exits: 0 when saved, 1 when the
// network, platform, database or exploration could not be opened or the
// exploration failed (message on stderr), 2 for bad arguments, 3 when the
// picture could not be written or nothing happened in time.

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QFont>
#include <QImage>
#include <QPixmap>
#include <QSettings>
#include <QTimer>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "app/gui/main_window.h"
#include "core/platform/platform.h"
#include "core/store/exploration_store.h"
#include "core/zoo/zoo.h"
#include "views/option_form.h"
#include "views/run_panel.h"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitOpenFailed = 1;
constexpr int kExitUsage = 2;
constexpr int kExitScreenshotFailed = 3;
constexpr int kExitNoDisplay = 4;
constexpr int kScreenshotTimeoutMs = 300000;

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

void printUsage(std::FILE* out) {
    std::string strategies;
    for (const auto& s : tessera::gui::Session::strategies()) strategies += (strategies.empty() ? "" : ", ") + s.name.toStdString();
    std::fprintf(out,
                 "Usage: tessera [file|zoo-name] [options]\n"
                 "\n"
                 "Design-space exploration of CNN inference: the desktop workbench.\n"
                 "\n"
                 "Arguments:\n"
                 "  file|zoo-name          network to open: a .json or .onnx file, or a zoo name\n"
                 "                         (default: the last one, else resnet18). Zoo: %s\n"
                 "\n"
                 "Options:\n"
                 "  --platform P           platform: a built-in descriptor or a platform .json file\n"
                 "                         (built-in: %s)\n"
                 "  --explore STRATEGY     run STRATEGY with its default options once the network is\n"
                 "                         open (strategies: %s)\n"
                 "  --db FILE              exploration database to open (default: %s;\n"
                 "                         with --screenshot, none unless given)\n"
                 "  --exploration ID       open stored exploration ID of --db (its network and platform)\n"
                 "  --point K              select its design point K (0-based; default: the first on the front)\n"
                 "  --size WxH             window size (default 1440x900)\n"
                 "  --screenshot out.png   save a picture of the window once everything asked is on\n"
                 "                         screen, and exit (0 saved, 1 something could not be opened,\n"
                 "                         2 bad arguments, 3 the picture could not be saved)\n"
                 "  -h, --help             show this help and exit\n"
                 "  --version              show the version and exit\n"
                 "\n"
                 "Qt options such as -platform offscreen are accepted too.\n"
                 "Without a display, run it under Xvfb (xvfb-run -a tessera ...) or use tessera-cli.\n",
                 joined(tessera::core::zooNames()).c_str(), joined(tessera::core::builtinPlatformNames()).c_str(),
                 strategies.c_str(), tessera::core::ExplorationStore::defaultPath().string().c_str());
}

bool envSet(const char* name) {
    const char* value = std::getenv(name);
    return value && *value;
}

// Qt aborts with a cryptic message when it finds no display; say what to do.
bool haveDisplay(int argc, char** argv) {
    if (envSet("QT_QPA_PLATFORM") || envSet("DISPLAY") || envSet("WAYLAND_DISPLAY")) return true;
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "-platform") == 0) return true;
    return false;
}

// Qt takes both -platform and --platform as its windowing plugin; Tessera's
// --platform is the hardware platform, so it is taken out before Qt sees it
// (Qt's single-dash -platform offscreen still works).
std::vector<char*> withoutPlatform(int argc, char** argv, QString& platform, QString& error) {
    std::vector<char*> rest;
    for (int i = 0; i < argc; ++i) {
        if (i > 0 && std::strcmp(argv[i], "--platform") == 0) {
            if (i + 1 >= argc || argv[i + 1][0] == '\0') error = QStringLiteral("--platform needs a value");
            else platform = QString::fromLocal8Bit(argv[++i]);
        } else if (i > 0 && std::strncmp(argv[i], "--platform=", 11) == 0) {
            platform = QString::fromLocal8Bit(argv[i] + 11);
            if (platform.isEmpty()) error = QStringLiteral("--platform needs a value");
        } else {
            rest.push_back(argv[i]);
        }
    }
    rest.push_back(nullptr);
    return rest;
}

struct Options {
    QString spec, platform, strategy, db, screenshot;
    qint64 exploration = -1;
    int point = -1;
    QSize size{1440, 900};
};

// Parses what Qt left of the arguments; returns an error message or empty.
QString parseArguments(const QStringList& args, Options& o) {
    const QStringList valued = {QStringLiteral("--explore"), QStringLiteral("--db"),
                                QStringLiteral("--exploration"), QStringLiteral("--point"), QStringLiteral("--size"),
                                QStringLiteral("--screenshot")};
    for (qsizetype i = 1; i < args.size(); ++i) {
        QString arg = args[i];
        QString value;
        bool hasValue = false;
        if (const qsizetype eq = arg.indexOf(QLatin1Char('=')); arg.startsWith(QLatin1String("--")) && eq > 0) {
            value = arg.mid(eq + 1);
            arg = arg.left(eq);
            hasValue = true;
        }
        if (valued.contains(arg)) {
            if (!hasValue) {
                if (i + 1 >= args.size()) return QStringLiteral("%1 needs a value").arg(arg);
                value = args[++i];
            }
            if (value.isEmpty()) return QStringLiteral("%1 needs a value").arg(arg);
            bool ok = true;
            if (arg == QLatin1String("--explore")) o.strategy = value;
            else if (arg == QLatin1String("--db")) o.db = value;
            else if (arg == QLatin1String("--screenshot")) o.screenshot = value;
            else if (arg == QLatin1String("--exploration")) o.exploration = value.toLongLong(&ok);
            else if (arg == QLatin1String("--point")) o.point = value.toInt(&ok);
            else if (arg == QLatin1String("--size")) {
                const QStringList wh = value.split(QLatin1Char('x'));
                bool okW = false, okH = false;
                if (wh.size() == 2) o.size = QSize(wh[0].toInt(&okW), wh[1].toInt(&okH));
                ok = okW && okH && o.size.width() >= 640 && o.size.height() >= 480 && o.size.width() <= 7680 &&
                     o.size.height() <= 4320;
                if (!ok) return QStringLiteral("--size: expected WIDTHxHEIGHT between 640x480 and 7680x4320, got '%1'").arg(value);
            }
            if (!ok || (arg == QLatin1String("--exploration") && o.exploration < 1) ||
                (arg == QLatin1String("--point") && o.point < 0))
                return QStringLiteral("%1: expected a %2, got '%3'")
                    .arg(arg, arg == QLatin1String("--point") ? QStringLiteral("point index (0 or more)")
                                                               : QStringLiteral("positive exploration id"),
                         value);
        } else if (arg.startsWith(QLatin1Char('-')) && arg.size() > 1) {
            return QStringLiteral("unknown option '%1'").arg(args[i]);
        } else if (o.spec.isEmpty()) {
            o.spec = arg;
        } else {
            return QStringLiteral("more than one network given ('%1' and '%2')").arg(o.spec, arg);
        }
    }
    if (o.exploration > 0 && o.db.isEmpty()) return QStringLiteral("--exploration needs --db FILE");
    if (o.point >= 0 && o.exploration < 0) return QStringLiteral("--point needs --exploration ID");
    if (o.exploration > 0 && !o.strategy.isEmpty()) return QStringLiteral("--exploration and --explore cannot be combined");
    if (!o.strategy.isEmpty()) {
        bool known = false;
        for (const auto& s : tessera::gui::Session::strategies()) known = known || s.name == o.strategy;
        if (!known) return QStringLiteral("--explore: no strategy named '%1'").arg(o.strategy);
    }
    return {};
}

void fail(const char* what, const QString& message) {
    std::fprintf(stderr, "tessera: %s: %s\n", what, qPrintable(message));
    QCoreApplication::exit(kExitOpenFailed);
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

    QString hardwarePlatform;
    QString platformError;
    std::vector<char*> qtArgv = withoutPlatform(argc, argv, hardwarePlatform, platformError);
    int qtArgc = static_cast<int>(qtArgv.size()) - 1;
    QApplication app(qtArgc, qtArgv.data());
    QApplication::setApplicationName(QStringLiteral("Tessera"));
    QApplication::setOrganizationName(QStringLiteral("Tessera"));
    QApplication::setApplicationVersion(QStringLiteral(TESSERA_VERSION));
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSize(10);
    QApplication::setFont(font);

    Options options;
    options.platform = hardwarePlatform;
    const QString error = platformError.isEmpty() ? parseArguments(QApplication::arguments(), options) : platformError;
    if (!error.isEmpty()) {
        std::fprintf(stderr, "tessera: %s\n\n", qPrintable(error));
        printUsage(stderr);
        return kExitUsage;
    }
    const bool screenshot = !options.screenshot.isEmpty();
    tessera::gui::MainWindow window(/*interactive=*/!screenshot);
    tessera::gui::Session& session = window.session();
    const QSettings settings(QStringLiteral("Tessera"), QStringLiteral("Tessera"));

    // A relative path the user typed means the file; a bare name a zoo name.
    QString spec = options.spec;
    if (spec.isEmpty() && !screenshot) spec = settings.value(QStringLiteral("lastNetwork")).toString();
    if (spec.isEmpty() || (!screenshot && options.spec.isEmpty() && !tessera::core::isZooName(spec.toStdString()) &&
                           !QFileInfo::exists(spec)))
        spec = QString::fromLatin1(tessera::gui::Session::kDefaultNetwork);
    if (!tessera::core::isZooName(spec.toStdString()) && QFileInfo::exists(spec)) spec = QFileInfo(spec).absoluteFilePath();

    QString platform = options.platform;
    if (platform.isEmpty() && !screenshot) platform = settings.value(QStringLiteral("lastPlatform")).toString();
    if (!platform.isEmpty()) {
        QString problem;
        if (!session.setPlatform(platform, &problem)) {
            if (!options.platform.isEmpty()) {
                std::fprintf(stderr, "tessera: could not use the platform: %s\n", qPrintable(problem));
                return kExitOpenFailed;
            }  // a remembered platform that went away: keep the default
        }
    }
    QString db = options.db;
    if (db.isEmpty() && !screenshot) db = QString::fromStdString(tessera::core::ExplorationStore::defaultPath().string());
    if (!db.isEmpty() && !window.openDatabase(db) && !options.db.isEmpty()) {
        std::fprintf(stderr, "tessera: could not open the database %s\n", qPrintable(db));
        if (screenshot) return kExitOpenFailed;
    }
    if (!screenshot) {
        const QString last = settings.value(QStringLiteral("lastStrategy")).toString();
        if (!last.isEmpty()) window.runPanel()->setStrategy(last);
    }
    if (!options.strategy.isEmpty()) window.runPanel()->setStrategy(options.strategy);

    if (screenshot) {
        window.resize(options.size);
        window.applyDefaultLayout();
        const QString out = options.screenshot;
        auto grab = [&window, out]() {
            // Let layouts, the graph's first view and pending paints settle.
            QTimer::singleShot(400, &window, [&window, out]() {
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
        QObject::connect(&window, &tessera::gui::MainWindow::openFailed, &app,
                         [](const QString&, const QString& message) { fail("could not open the network", message); });
        QObject::connect(&session, &tessera::gui::Session::storeFailed, &app,
                         [](const QString& message) { fail("exploration database", message); });
        QObject::connect(&session, &tessera::gui::Session::explorationFailed, &app,
                         [](const QString& message) { fail("the exploration failed", message); });
        if (options.exploration > 0) {
            const int point = options.point;
            QObject::connect(
                &session, &tessera::gui::Session::explorationsChanged, &app,
                [point, grab](const tessera::views::ExplorationSet& shown) {
                    const auto& e = *shown.front();
                    if (point >= 0 && static_cast<std::size_t>(point) >= e.points.size()) {
                        fail("--point", QStringLiteral("exploration %1 has %2 design points (0 to %3), not %4")
                                            .arg(e.id)
                                            .arg(e.points.size())
                                            .arg(static_cast<qlonglong>(e.points.size()) - 1)
                                            .arg(point));
                        return;
                    }
                    grab();
                },
                Qt::SingleShotConnection);
        } else if (!options.strategy.isEmpty()) {
            QObject::connect(&session, &tessera::gui::Session::explorationFinished, &app, grab, Qt::SingleShotConnection);
        } else {
            QObject::connect(&window, &tessera::gui::MainWindow::networkShown, &app, grab, Qt::SingleShotConnection);
        }
        QTimer::singleShot(kScreenshotTimeoutMs, &app, []() {
            std::fprintf(stderr, "tessera: gave up waiting for the window to be ready\n");
            QCoreApplication::exit(kExitScreenshotFailed);
        });
    }

    if (!options.strategy.isEmpty()) {
        QObject::connect(&window, &tessera::gui::MainWindow::networkShown, &window, [&window]() {
            window.session().runExploration(window.runPanel()->strategy(), window.runPanel()->form()->values());
        }, Qt::SingleShotConnection);
    }

    window.show();
    if (options.exploration > 0)
        session.openExploration(options.exploration, false, options.point);
    else
        window.openSpec(spec);
    return app.exec();
}
