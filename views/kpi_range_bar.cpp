#include "views/kpi_range_bar.h"

#include <QCheckBox>
#include <QDoubleValidator>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>

#include <limits>

namespace tessera::views {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// The field's number; `empty` when it is blank or not a number (the
// validator lets only numbers and blanks through Return and the button).
double valueOf(const QLineEdit* edit, double empty) {
    bool ok = false;
    const double v = QLocale().toDouble(edit->text().trimmed(), &ok);
    return ok ? v : empty;
}

struct Kpi {
    const char* label;
    const char* tip;
};

}  // namespace

KpiRangeBar::KpiRangeBar(QWidget* parent)
    : QWidget(parent),
      m_feasibleOnly(new QCheckBox(tr("Feasible only"), this)),
      m_selectedOnly(new QCheckBox(tr("Selected explorations only"), this)),
      m_message(new QLabel(this)) {
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(6);
    const Kpi kpis[] = {{QT_TR_NOOP("Latency (ms)"), QT_TR_NOOP("latency")},
                        {QT_TR_NOOP("Energy (mJ)"), QT_TR_NOOP("energy")},
                        {QT_TR_NOOP("Power (W)"), QT_TR_NOOP("average power")}};
    auto* validator = new QDoubleValidator(0, 1e15, 9, this);
    validator->setNotation(QDoubleValidator::StandardNotation);
    int column = 0;
    for (int k = 0; k < 3; ++k) {
        grid->addWidget(new QLabel(tr(kpis[k].label), this), 0, column++);
        for (int end = 0; end < 2; ++end) {
            auto* edit = new QLineEdit(this);
            edit->setPlaceholderText(end == 0 ? tr("min") : tr("max"));
            edit->setToolTip((end == 0 ? tr("Least %1; empty: no bound") : tr("Most %1; empty: no bound")).arg(tr(kpis[k].tip)));
            edit->setValidator(validator);
            edit->setClearButtonEnabled(true);
            edit->setMaximumWidth(edit->fontMetrics().horizontalAdvance(QStringLiteral("0000.000")) + 36);
            connect(edit, &QLineEdit::returnPressed, this, &KpiRangeBar::requestSearch);
            m_fields[2 * k + end] = edit;
            grid->addWidget(edit, 0, column++);
        }
        grid->setColumnMinimumWidth(column++, 6);
    }
    grid->setColumnStretch(column, 1);

    auto* find = new QPushButton(tr("Find points"), this);
    find->setToolTip(tr("List the stored design points within these bounds"));
    connect(find, &QPushButton::clicked, this, &KpiRangeBar::requestSearch);
    auto* clearButton = new QPushButton(tr("Clear"), this);
    connect(clearButton, &QPushButton::clicked, this, &KpiRangeBar::clear);
    auto* row = new QHBoxLayout;
    row->addWidget(m_feasibleOnly);
    row->addWidget(m_selectedOnly);
    row->addWidget(m_message, 1);
    row->addWidget(find);
    row->addWidget(clearButton);
    grid->addLayout(row, 1, 0, 1, column + 1);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setMinimumWidth(1);
}

core::PointQuery KpiRangeBar::query() const {
    core::PointQuery q;
    q.minLatencyMs = valueOf(m_fields[MinLatency], -kInfinity);
    q.maxLatencyMs = valueOf(m_fields[MaxLatency], kInfinity);
    q.minEnergyMj = valueOf(m_fields[MinEnergy], -kInfinity);
    q.maxEnergyMj = valueOf(m_fields[MaxEnergy], kInfinity);
    q.minPowerW = valueOf(m_fields[MinPower], -kInfinity);
    q.maxPowerW = valueOf(m_fields[MaxPower], kInfinity);
    q.feasibleOnly = m_feasibleOnly->isChecked();
    return q;
}

bool KpiRangeBar::selectedOnly() const { return m_selectedOnly->isChecked(); }

QString KpiRangeBar::problem() const {
    for (int f = 0; f < FieldCount; ++f) {
        const QString t = m_fields[f]->text().trimmed();
        bool ok = t.isEmpty();
        if (!ok) QLocale().toDouble(t, &ok);
        if (!ok) return tr("'%1' is not a number").arg(t);
    }
    const core::PointQuery q = query();
    if (q.minLatencyMs > q.maxLatencyMs) return tr("The least latency is above the most");
    if (q.minEnergyMj > q.maxEnergyMj) return tr("The least energy is above the most");
    if (q.minPowerW > q.maxPowerW) return tr("The least power is above the most");
    return {};
}

void KpiRangeBar::setResultText(const QString& text) { m_message->setText(text); }

void KpiRangeBar::requestSearch() {
    const QString wrong = problem();
    m_message->setText(wrong);
    if (wrong.isEmpty()) emit searchRequested();
}

void KpiRangeBar::clear() {
    for (QLineEdit* edit : m_fields) edit->clear();
    m_message->clear();
}

}  // namespace tessera::views
