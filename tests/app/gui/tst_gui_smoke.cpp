// The GUI executable end to end: --screenshot renders a real picture of the
// window for good input, and bad input exits 1 with a message naming the
// file instead of crashing; --help and the no-display case say what to do.

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QtTest>

#include "tests/common/process_run.h"

namespace {

using Run = tessera::test::ProcessRun;

Run runGui(const QStringList& args, const QProcessEnvironment& env, int timeoutMs = 240000) {
    return tessera::test::runProcess(QStringLiteral(TESSERA_GUI), args, env, timeoutMs);
}

bool crashed(const Run& run) { return run.timedOut || run.status != QProcess::NormalExit; }

QProcessEnvironment offscreen() {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    return env;
}

quint32 bigEndian32(const QByteArray& bytes, int at) {
    quint32 v = 0;
    for (int i = 0; i < 4; ++i) v = (v << 8) | static_cast<quint8>(bytes[at + i]);
    return v;
}

}  // namespace

class TestGuiSmoke : public QObject {
    Q_OBJECT
private slots:
    void screenshotOfNetwork_data();
    void screenshotOfNetwork();
    void brokenInputExitsWithMessage_data();
    void brokenInputExitsWithMessage();
    void storedExplorationScreenshot();
    void help();
    void usageErrors();
    void noDisplayExplains();
};

void TestGuiSmoke::screenshotOfNetwork_data() {
    QTest::addColumn<QString>("network");
    QTest::newRow("resnet18") << QStringLiteral("resnet18");
    QTest::newRow("inception_v4") << QStringLiteral("inception_v4");
    QTest::newRow("json file") << QStringLiteral(TESSERA_SOURCE_DIR "/resources/zoo/squeezenet1_0.json");
}

void TestGuiSmoke::screenshotOfNetwork() {
    QFETCH(QString, network);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString png = dir.filePath(QStringLiteral("shot.png"));
    const Run run = runGui({network, QStringLiteral("--screenshot"), png}, offscreen());
    QVERIFY2(!crashed(run), qPrintable(run.err));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.out.contains(QStringLiteral("screenshot saved")));

    QFile file(png);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    // A PNG (signature, then IHDR with width and height) of a real window:
    // a blank or near-blank picture compresses to a few kilobytes.
    QVERIFY(bytes.startsWith(QByteArray("\x89PNG\r\n\x1a\n", 8)));
    QVERIFY(bytes.size() > 24);
    QCOMPARE(bytes.mid(12, 4), QByteArray("IHDR"));
    QVERIFY(bigEndian32(bytes, 16) >= 800);
    QVERIFY(bigEndian32(bytes, 20) >= 600);
    QVERIFY2(bytes.size() > 40 * 1024, qPrintable(QString::number(bytes.size())));
}

void TestGuiSmoke::brokenInputExitsWithMessage_data() {
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("named");  // what the message must contain
    QTest::newRow("truncated json") << QStringLiteral(TESSERA_TEST_DATA "/networks_bad/truncated.json")
                                    << QStringLiteral("truncated.json");
    QTest::newRow("cycle") << QStringLiteral(TESSERA_TEST_DATA "/networks_bad/cycle.json") << QStringLiteral("cycle.json");
    QTest::newRow("missing file") << QStringLiteral("/nonexistent/dir/model.onnx") << QStringLiteral("model.onnx");
    QTest::newRow("unknown zoo name") << QStringLiteral("resnet1000") << QStringLiteral("resnet1000");
}

void TestGuiSmoke::brokenInputExitsWithMessage() {
    QFETCH(QString, spec);
    QFETCH(QString, named);
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("shot.png"));
    const Run run = runGui({spec, QStringLiteral("--screenshot"), png}, offscreen());
    QVERIFY2(!crashed(run), qPrintable(run.err));
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("could not open")), qPrintable(run.err));
    QVERIFY2(run.err.contains(named), qPrintable(run.err));
    QVERIFY(!QFile::exists(png));
}

// tessera --db F --exploration ID [--point K] --screenshot: a stored
// exploration from the CLI opens with its own network; a missing
// exploration or point is a clear error, not a picture of something else.
void TestGuiSmoke::storedExplorationScreenshot() {
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("x.sqlite"));
    const Run cli = tessera::test::runProcess(
        QStringLiteral(TESSERA_CLI),
        {QStringLiteral("explore"), QStringLiteral("--network"), QStringLiteral("squeezenet1_0"), QStringLiteral("--platform"),
         QStringLiteral("alveo_u200_host"), QStringLiteral("--strategy"), QStringLiteral("algosel"), QStringLiteral("--db"), db},
        offscreen(), 240000);
    QVERIFY2(cli.exitCode == 0, qPrintable(cli.err));
    const QString png = dir.filePath(QStringLiteral("shot.png"));
    Run run = runGui({QStringLiteral("--db"), db, QStringLiteral("--exploration"), QStringLiteral("1"), QStringLiteral("--point"),
                      QStringLiteral("1"), QStringLiteral("--size"), QStringLiteral("1024x700"), QStringLiteral("--screenshot"), png},
                     offscreen());
    QVERIFY2(!crashed(run) && run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.out.contains(QStringLiteral("(1024x700)")));
    QVERIFY(QFileInfo(png).size() > 40 * 1024);

    run = runGui({QStringLiteral("--db"), db, QStringLiteral("--exploration"), QStringLiteral("99"), QStringLiteral("--screenshot"), png},
                 offscreen());
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("99")), qPrintable(run.err));
    run = runGui({QStringLiteral("--db"), db, QStringLiteral("--exploration"), QStringLiteral("1"), QStringLiteral("--point"),
                  QStringLiteral("9999"), QStringLiteral("--screenshot"), png},
                 offscreen());
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("9999")), qPrintable(run.err));
    run = runGui({QStringLiteral("--exploration"), QStringLiteral("1"), QStringLiteral("--screenshot"), png}, offscreen());
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QStringLiteral("--db")), qPrintable(run.err));

    // --platform is the hardware platform (Qt's own is -platform); --explore runs first.
    QFile::remove(png);
    run = runGui({QStringLiteral("squeezenet1_0"), QStringLiteral("--platform"), QStringLiteral("alveo_u200_host"),
                  QStringLiteral("--explore"), QStringLiteral("algosel"), QStringLiteral("--screenshot"), png},
                 offscreen());
    QVERIFY2(!crashed(run) && run.exitCode == 0, qPrintable(run.err));
    QVERIFY(QFile::exists(png));
    run = runGui({QStringLiteral("squeezenet1_0"), QStringLiteral("--platform"), QStringLiteral("no_such_board"),
                  QStringLiteral("--screenshot"), png},
                 offscreen());
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("no_such_board")), qPrintable(run.err));
    run = runGui({QStringLiteral("--explore"), QStringLiteral("no_such_strategy"), QStringLiteral("--screenshot"), png},
                 offscreen());
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QStringLiteral("no_such_strategy")), qPrintable(run.err));
}

void TestGuiSmoke::help() {
    const Run run = runGui({QStringLiteral("--help")}, offscreen());
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains(QStringLiteral("Usage: tessera")));
    QVERIFY(run.out.contains(QStringLiteral("--screenshot")));
    QVERIFY(run.out.contains(QStringLiteral("resnet18")));
}

void TestGuiSmoke::usageErrors() {
    Run run = runGui({QStringLiteral("--no-such-option")}, offscreen());
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains(QStringLiteral("--no-such-option")));
    run = runGui({QStringLiteral("resnet18"), QStringLiteral("vgg16")}, offscreen());
    QCOMPARE(run.exitCode, 2);
    run = runGui({QStringLiteral("--screenshot")}, offscreen());
    QCOMPARE(run.exitCode, 2);
}

void TestGuiSmoke::noDisplayExplains() {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"}) env.remove(QString::fromLatin1(name));
    const Run run = runGui({}, env, 30000);
    QVERIFY2(!crashed(run), qPrintable(run.err));
    QVERIFY(run.exitCode != 0);
    QVERIFY2(run.err.contains(QStringLiteral("xvfb-run")), qPrintable(run.err));
    QVERIFY(run.err.contains(QStringLiteral("tessera-cli")));
}

QTEST_GUILESS_MAIN(TestGuiSmoke)
#include "tst_gui_smoke.moc"
