// The run panel and its option form: fields generated from a strategy's
// schema alone (types, units, ranges, tooltips), values typed as the schema
// says, Run refused with the problem while the options are invalid, and the
// network and platform boxes asking for the spec of the entry picked.

#include <QtTest>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>

#include "views/option_form.h"
#include "views/run_panel.h"

using tessera::views::OptionForm;
using tessera::views::RunPanel;
using tessera::views::StrategyInfo;
namespace core = tessera::core;

namespace {

core::OptionSchema schema() {
    return {
        {"objective", core::OptionType::Choice, std::string("latency"), {"latency", "energy", "pareto"}, 0, 0, "",
         "What to minimise"},
        {"points", core::OptionType::Integer, std::int64_t{9}, {}, 3, 101, "points", "Points on the front"},
        {"slack", core::OptionType::Number, 0.25, {}, 0, 1, "", "Share of slack"},
        {"sweep", core::OptionType::Boolean, false, {}, 0, 0, "", "Sweep the array"},
        {"budget", core::OptionType::Text, std::string(), {}, 0, 0, "", "Budgets (fpga.dsps=100)"},
    };
}

}  // namespace

class TestRunPanel : public QObject {
    Q_OBJECT
private slots:
    void formFollowsTheSchema() {
        OptionForm form;
        form.setSchema(schema());
        auto* objective = qobject_cast<QComboBox*>(form.field(QStringLiteral("objective")));
        auto* points = qobject_cast<QSpinBox*>(form.field(QStringLiteral("points")));
        auto* slack = qobject_cast<QDoubleSpinBox*>(form.field(QStringLiteral("slack")));
        QVERIFY(objective && points && slack);
        QVERIFY(qobject_cast<QCheckBox*>(form.field(QStringLiteral("sweep"))));
        QVERIFY(qobject_cast<QLineEdit*>(form.field(QStringLiteral("budget"))));
        QCOMPARE(objective->count(), 3);
        QCOMPARE(points->minimum(), 3);
        QCOMPARE(points->maximum(), 101);
        QCOMPARE(points->suffix(), QStringLiteral(" points"));
        QVERIFY(points->toolTip().contains(QStringLiteral("Points on the front")));
        QVERIFY(points->toolTip().contains(QStringLiteral("--points")));
        // Defaults, typed as the schema says, valid.
        core::OptionValues v = form.values();
        QCOMPARE(std::get<std::string>(v.at("objective")), std::string("latency"));
        QCOMPARE(std::get<std::int64_t>(v.at("points")), std::int64_t{9});
        QCOMPARE(std::get<double>(v.at("slack")), 0.25);
        QCOMPARE(std::get<bool>(v.at("sweep")), false);
        QVERIFY(form.problems().isEmpty());
        // Values set back, and reset.
        form.setValues({{"objective", std::string("pareto")}, {"points", std::int64_t{21}}});
        QCOMPARE(objective->currentText(), QStringLiteral("pareto"));
        QCOMPARE(points->value(), 21);
        form.resetToDefaults();
        QCOMPARE(points->value(), 9);
    }

    void pickingEntriesAsksForTheirSpec() {
        RunPanel panel;
        panel.setNetworkChoices({QStringLiteral("resnet18"), QStringLiteral("vgg16")});
        panel.setPlatformChoices({QStringLiteral("alveo_u200_host"), QStringLiteral("jetson_tx2_cyclone10gx")});
        QSignalSpy platform(&panel, &RunPanel::platformRequested);
        QSignalSpy file(&panel, &RunPanel::platformFileRequested);
        auto* box = panel.findChild<QComboBox*>(QStringLiteral("runPlatform"));
        QVERIFY(box);
        emit box->activated(0);
        QCOMPARE(platform.size(), 1);
        QCOMPARE(platform.front().front().toString(), QStringLiteral("alveo_u200_host"));
        emit box->activated(box->count() - 1);  // "Open file…"
        QCOMPARE(file.size(), 1);
        // Showing the same spec twice adds nothing; a file is added once, by name.
        const int entries = box->count();
        panel.setPlatform(QStringLiteral("jetson_tx2_cyclone10gx"));
        panel.setPlatform(QStringLiteral("jetson_tx2_cyclone10gx"));
        QCOMPARE(box->count(), entries);
        QCOMPARE(box->currentText(), QStringLiteral("jetson_tx2_cyclone10gx"));
        panel.setPlatform(QStringLiteral("/data/boards/my_board.json"));
        panel.setPlatform(QStringLiteral("/data/boards/my_board.json"));
        QCOMPARE(box->count(), entries + 1);
        QCOMPARE(box->currentText(), QStringLiteral("my_board.json"));
        emit box->activated(box->currentIndex());
        QCOMPARE(platform.back().front().toString(), QStringLiteral("/data/boards/my_board.json"));
    }

    void runSendsTheStrategyAndTypedOptions() {
        RunPanel panel;
        panel.setStrategies({StrategyInfo{QStringLiteral("demo"), QStringLiteral("A demo strategy."), schema()}});
        QCOMPARE(panel.strategy(), QStringLiteral("demo"));
        QSignalSpy run(&panel, &RunPanel::runRequested);
        qobject_cast<QSpinBox*>(panel.form()->field(QStringLiteral("points")))->setValue(33);
        panel.requestRun();
        QCOMPARE(run.size(), 1);
        QCOMPARE(run.front().at(0).toString(), QStringLiteral("demo"));
        const auto options = run.front().at(1).value<core::OptionValues>();
        QCOMPARE(std::get<std::int64_t>(options.at("points")), std::int64_t{33});
        panel.setRunning(true);
        QVERIFY(!panel.findChild<QPushButton*>(QStringLiteral("runButton"))->isEnabled());
        QVERIFY(panel.findChild<QPushButton*>(QStringLiteral("cancelButton"))->isEnabled());
        panel.setProgress(0.5, QStringLiteral("Layer 3 of 6"), 42);
        QVERIFY(panel.findChild<QLabel*>(QStringLiteral("progressText"))->text().contains(QStringLiteral("42 s left")));
    }
};

QTEST_MAIN(TestRunPanel)
#include "tst_run_panel.moc"
