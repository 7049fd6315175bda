#pragma once
// Runs one of Tessera's executables for end-to-end tests: exit code, exit
// status (a crash is a CrashExit), stdout and stderr, with a time limit.

#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

namespace tessera::test {

struct ProcessRun {
    int exitCode = -1;
    QProcess::ExitStatus status = QProcess::CrashExit;
    bool timedOut = false;
    QString out, err;
};

inline ProcessRun runProcess(const QString& program, const QStringList& args,
                             const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment(),
                             int timeoutMs = 120000) {
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    ProcessRun r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.timedOut = true;
        r.err = "timed out";
        return r;
    }
    r.exitCode = p.exitCode();
    r.status = p.exitStatus();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

// tessera-cli with these arguments.
inline ProcessRun cli(const QStringList& args) { return runProcess(QStringLiteral(TESSERA_CLI), args); }

}  // namespace tessera::test
