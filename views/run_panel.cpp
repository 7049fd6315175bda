#include "views/run_panel.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include <cmath>

#include "views/option_form.h"

namespace tessera::views {

namespace {

constexpr int kSpecRole = Qt::UserRole + 1;   // the spec an entry stands for
constexpr int kFileEntryRole = Qt::UserRole + 2;  // the "Open file…" entry

// "about 3 min 10 s left", "about 40 s left".
QString timeLeft(double seconds) {
    if (seconds < 0) return QObject::tr("estimating time left…");
    const int s = static_cast<int>(std::lround(seconds));
    if (s >= 120) return QObject::tr("about %1 min left").arg((s + 30) / 60);
    if (s >= 60) return QObject::tr("about %1 min %2 s left").arg(s / 60).arg(s % 60);
    return QObject::tr("about %1 s left").arg(std::max(1, s));
}

QComboBox* specBox(const QString& fileEntry) {
    auto* box = new QComboBox;
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(12);
    box->addItem(fileEntry);
    box->setItemData(0, true, kFileEntryRole);
    return box;
}

void setChoices(QComboBox* box, const QStringList& names) {
    const QSignalBlocker block(box);
    const QString file = box->itemText(box->count() - 1);
    box->clear();
    for (const QString& n : names) {
        box->addItem(n);
        box->setItemData(box->count() - 1, n, kSpecRole);
    }
    box->insertSeparator(box->count());
    box->addItem(file);
    box->setItemData(box->count() - 1, true, kFileEntryRole);
}

}  // namespace

RunPanel::RunPanel(QWidget* parent) : QWidget(parent) {
    m_network = specBox(tr("Open file…"));
    m_network->setObjectName(QStringLiteral("runNetwork"));
    m_network->setToolTip(tr("The network to explore: a zoo network, or a .json / .onnx file"));
    m_platform = specBox(tr("Open file…"));
    m_platform->setObjectName(QStringLiteral("runPlatform"));
    m_platform->setToolTip(tr("The platform: a built-in descriptor, or a platform .json file"));
    m_input = new QLineEdit;
    m_input->setObjectName(QStringLiteral("runInput"));
    m_input->setToolTip(tr("The network's input shape (NxCxHxW); edit it and press Enter to re-analyse the network "
                           "at another size (as the CLI's --input)"));
    m_strategy = new QComboBox;
    m_strategy->setObjectName(QStringLiteral("runStrategy"));
    m_description = new QLabel;
    m_description->setWordWrap(true);
    m_description->setObjectName(QStringLiteral("strategyDescription"));
    m_description->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont small = m_description->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_description->setFont(small);

    m_form = new OptionForm;
    m_form->setObjectName(QStringLiteral("optionForm"));
    auto* scroll = new QScrollArea;
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    m_run = new QPushButton(tr("&Run"));
    m_run->setObjectName(QStringLiteral("runButton"));
    m_run->setDefault(true);
    m_run->setToolTip(tr("Run the strategy on the network and platform (Ctrl+R)"));
    m_cancel = new QPushButton(tr("Cancel"));
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setEnabled(false);
    m_defaults = new QPushButton(tr("Defaults"));
    m_defaults->setToolTip(tr("Set every option back to its default"));
    m_progress = new QProgressBar;
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(10);
    m_progress->hide();
    m_progressText = new QLabel;
    m_progressText->setObjectName(QStringLiteral("progressText"));
    m_progressText->setWordWrap(true);
    m_progressText->hide();
    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("runMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* inputs = new QFormLayout;
    inputs->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    inputs->addRow(tr("&Network:"), m_network);
    inputs->addRow(tr("&Input:"), m_input);
    inputs->addRow(tr("&Platform:"), m_platform);
    inputs->addRow(tr("&Strategy:"), m_strategy);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_run);
    buttons->addWidget(m_cancel);
    buttons->addStretch();
    buttons->addWidget(m_defaults);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(inputs);
    layout->addWidget(m_description);
    layout->addWidget(scroll, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_progress);
    layout->addWidget(m_progressText);
    layout->addWidget(m_message);

    connect(m_strategy, &QComboBox::currentIndexChanged, this, &RunPanel::onStrategyChanged);
    connect(m_run, &QPushButton::clicked, this, &RunPanel::onRun);
    connect(m_cancel, &QPushButton::clicked, this, &RunPanel::cancelRequested);
    connect(m_defaults, &QPushButton::clicked, m_form, &OptionForm::resetToDefaults);
    connect(m_form, &OptionForm::valuesChanged, this, [this]() {
        const QString problems = m_form->problems();
        m_run->setEnabled(!m_running && problems.isEmpty());
        if (!problems.isEmpty()) showMessage(problems, true);
    });
    auto pick = [this](QComboBox* box, auto request, auto fileRequest) {
        connect(box, &QComboBox::activated, this, [this, box, request, fileRequest](int index) {
            if (box->itemData(index, kFileEntryRole).toBool()) {
                emit(this->*fileRequest)();
                return;
            }
            emit(this->*request)(box->itemData(index, kSpecRole).toString());
        });
    };
    connect(m_input, &QLineEdit::returnPressed, this, [this]() { emit inputShapeRequested(m_input->text().trimmed()); });
    pick(m_network, &RunPanel::networkRequested, &RunPanel::networkFileRequested);
    pick(m_platform, &RunPanel::platformRequested, &RunPanel::platformFileRequested);
}

void RunPanel::setStrategies(const QVector<StrategyInfo>& strategies) {
    m_strategies = strategies;
    const QSignalBlocker block(m_strategy);
    m_strategy->clear();
    for (const StrategyInfo& s : m_strategies) m_strategy->addItem(s.name);
    onStrategyChanged();
}

void RunPanel::setNetworkChoices(const QStringList& names) { setChoices(m_network, names); }
void RunPanel::setPlatformChoices(const QStringList& names) { setChoices(m_platform, names); }

void RunPanel::showSpec(QComboBox* box, const QString& spec) {
    const QSignalBlocker block(box);
    int index = box->findData(spec, kSpecRole);
    if (index < 0) {
        // A file: listed by name, the path in the tooltip.
        box->insertItem(0, QFileInfo(spec).fileName().isEmpty() ? spec : QFileInfo(spec).fileName());
        box->setItemData(0, spec, kSpecRole);
        box->setItemData(0, spec, Qt::ToolTipRole);
        index = 0;
    }
    box->setCurrentIndex(index);
}

void RunPanel::setNetwork(const QString& spec) { showSpec(m_network, spec); }
void RunPanel::setPlatform(const QString& spec) { showSpec(m_platform, spec); }
void RunPanel::setInputShape(const QString& shape) { m_input->setText(shape); }

QString RunPanel::strategy() const { return m_strategy->currentText(); }

void RunPanel::setStrategy(const QString& name) {
    const int index = m_strategy->findText(name);
    if (index >= 0) m_strategy->setCurrentIndex(index);
}

void RunPanel::onStrategyChanged() {
    const int index = m_strategy->currentIndex();
    if (index < 0 || index >= m_strategies.size()) {
        m_form->setSchema({});
        m_description->clear();
        return;
    }
    m_description->setText(m_strategies[index].description);
    m_form->setSchema(m_strategies[index].options);
    showMessage({});
}

void RunPanel::requestRun() {
    // A spin box being typed in has not committed its text yet.
    if (auto* spin = qobject_cast<QAbstractSpinBox*>(QApplication::focusWidget())) spin->interpretText();
    onRun();
}

void RunPanel::onRun() {
    const QString problems = m_form->problems();
    if (!problems.isEmpty()) {
        showMessage(problems, true);
        return;
    }
    emit runRequested(strategy(), m_form->values());
}

void RunPanel::setRunning(bool running) {
    m_running = running;
    m_run->setEnabled(!running && m_form->problems().isEmpty());
    m_cancel->setEnabled(running);
    m_progress->setVisible(running);
    m_progressText->setVisible(running);
    if (running) {
        m_progress->setValue(0);
        m_progressText->setText(tr("Starting…"));
        showMessage({});
    }
}

void RunPanel::setProgress(double fraction, const QString& message, double secondsLeft) {
    m_progress->setValue(static_cast<int>(std::lround(std::clamp(fraction, 0.0, 1.0) * 1000)));
    m_progressText->setText(QStringLiteral("%1 — %2").arg(message.isEmpty() ? tr("Running") : message, timeLeft(secondsLeft)));
}

void RunPanel::showMessage(const QString& text, bool error) {
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QString());
    m_message->setVisible(!text.isEmpty());
}

QString RunPanel::message() const { return m_message->text(); }

}  // namespace tessera::views
