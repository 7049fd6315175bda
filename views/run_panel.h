#pragma once
// Run an exploration: the network and platform it runs on (zoo, built-in
// descriptors, or files), the strategy, the strategy's options as a form
// built from its schema, Run and Cancel, and the progress of the run with
// its message and an estimate of the time left. The panel asks; the
// session does (it never runs anything itself).

#include <QVector>
#include <QWidget>

#include "core/explore/options.h"
#include "views/strategy_info.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace tessera::views {

class OptionForm;

class RunPanel : public QWidget {
    Q_OBJECT
public:
    explicit RunPanel(QWidget* parent = nullptr);

    void setStrategies(const QVector<StrategyInfo>& strategies);
    // The entries of the network and platform boxes: built-in names; the
    // current spec (a file path) is added when it is not among them.
    void setNetworkChoices(const QStringList& names);
    void setPlatformChoices(const QStringList& names);
    // What the session has open (shown, without emitting requests).
    void setNetwork(const QString& spec);
    void setPlatform(const QString& spec);
    // The network's first input shape ("1x3x224x224"), editable.
    void setInputShape(const QString& shape);

    // Run, as the button does: the options checked against the schema first
    // (runRequested, or the problems shown).
    void requestRun();
    QString strategy() const;
    void setStrategy(const QString& name);
    OptionForm* form() const { return m_form; }

    void setRunning(bool running);
    bool isRunning() const { return m_running; }
    // fraction in [0, 1]; secondsLeft < 0 when unknown.
    void setProgress(double fraction, const QString& message, double secondsLeft);
    // A line under the buttons: the outcome, or what is wrong (error: red).
    void showMessage(const QString& text, bool error = false);
    QString message() const;

signals:
    void networkRequested(const QString& spec);
    void platformRequested(const QString& spec);
    void networkFileRequested();   // "Open file…" in the network box
    void platformFileRequested();  // "Open file…" in the platform box
    void inputShapeRequested(const QString& shape);  // edited input shape
    void runRequested(const QString& strategy, const core::OptionValues& options);
    void cancelRequested();

private:
    void onStrategyChanged();
    void onRun();
    static void showSpec(QComboBox* box, const QString& spec);

    QVector<StrategyInfo> m_strategies;
    QComboBox* m_network;
    QComboBox* m_platform;
    QLineEdit* m_input;
    QComboBox* m_strategy;
    QLabel* m_description;
    OptionForm* m_form;
    QPushButton* m_run;
    QPushButton* m_cancel;
    QPushButton* m_defaults;
    QProgressBar* m_progress;
    QLabel* m_progressText;
    QLabel* m_message;
    bool m_running = false;
};

}  // namespace tessera::views
