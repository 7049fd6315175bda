#include "views/option_form.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

#include <algorithm>
#include <climits>
#include <cmath>

namespace tessera::views {

namespace {

QString fromStd(const std::string& s) { return QString::fromStdString(s); }

// "Number of points (3 to 101 points; default 9)".
QString tooltipFor(const core::OptionSpec& spec) {
    QString tip = fromStd(spec.help);
    QStringList facts;
    if ((spec.type == core::OptionType::Integer || spec.type == core::OptionType::Number) &&
        (std::isfinite(spec.min) || std::isfinite(spec.max))) {
        const QString unit = spec.unit.empty() ? QString() : QLatin1Char(' ') + fromStd(spec.unit);
        facts << QObject::tr("%1 to %2%3")
                     .arg(std::isfinite(spec.min) ? QString::number(spec.min) : QStringLiteral("-∞"),
                          std::isfinite(spec.max) ? QString::number(spec.max) : QStringLiteral("∞"), unit);
    }
    const QString def = fromStd(core::optionValueText(spec.defaultValue));
    facts << (def.isEmpty() ? QObject::tr("default empty") : QObject::tr("default %1").arg(def));
    facts << QObject::tr("CLI --%1").arg(fromStd(spec.name));
    return tip + QStringLiteral(" (") + facts.join(QStringLiteral("; ")) + QLatin1Char(')');
}

// "pareto-points" -> "Pareto points".
QString labelFor(const core::OptionSpec& spec) {
    QString label = fromStd(spec.name);
    label.replace(QLatin1Char('-'), QLatin1Char(' '));
    if (!label.isEmpty()) label[0] = label[0].toUpper();
    return label + QLatin1Char(':');
}

int clampToInt(double v) { return static_cast<int>(std::clamp(v, double(INT_MIN), double(INT_MAX))); }

}  // namespace

OptionForm::OptionForm(QWidget* parent) : QWidget(parent), m_layout(new QFormLayout(this)) {
    m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_layout->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_layout->setContentsMargins(0, 0, 0, 0);
}

void OptionForm::setSchema(const core::OptionSchema& schema) {
    while (m_layout->rowCount() > 0) m_layout->removeRow(0);
    m_fields.clear();
    m_schema = schema;
    for (const core::OptionSpec& spec : m_schema) {
        QWidget* field = nullptr;
        switch (spec.type) {
        case core::OptionType::Boolean: {
            auto* box = new QCheckBox;
            connect(box, &QCheckBox::toggled, this, &OptionForm::valuesChanged);
            field = box;
            break;
        }
        case core::OptionType::Integer: {
            auto* box = new QSpinBox;
            box->setRange(clampToInt(spec.min), clampToInt(spec.max));
            if (!spec.unit.empty()) box->setSuffix(QLatin1Char(' ') + fromStd(spec.unit));
            connect(box, &QSpinBox::valueChanged, this, &OptionForm::valuesChanged);
            field = box;
            break;
        }
        case core::OptionType::Number: {
            auto* box = new QDoubleSpinBox;
            box->setDecimals(4);
            box->setRange(std::isfinite(spec.min) ? spec.min : -1e12, std::isfinite(spec.max) ? spec.max : 1e12);
            if (!spec.unit.empty()) box->setSuffix(QLatin1Char(' ') + fromStd(spec.unit));
            connect(box, &QDoubleSpinBox::valueChanged, this, &OptionForm::valuesChanged);
            field = box;
            break;
        }
        case core::OptionType::Choice: {
            auto* box = new QComboBox;
            for (const auto& c : spec.choices) box->addItem(fromStd(c));
            connect(box, &QComboBox::currentIndexChanged, this, &OptionForm::valuesChanged);
            field = box;
            break;
        }
        case core::OptionType::Text: {
            auto* edit = new QLineEdit;
            edit->setPlaceholderText(fromStd(spec.help));
            edit->setClearButtonEnabled(true);
            connect(edit, &QLineEdit::textChanged, this, &OptionForm::valuesChanged);
            field = edit;
            break;
        }
        }
        field->setObjectName(fromStd(spec.name));
        field->setToolTip(tooltipFor(spec));
        auto* label = new QLabel(labelFor(spec));
        label->setToolTip(field->toolTip());
        label->setBuddy(field);
        m_layout->addRow(label, field);
        m_fields.push_back(field);
        setField(spec, field, spec.defaultValue);
    }
    emit valuesChanged();
}

void OptionForm::setField(const core::OptionSpec& spec, QWidget* field, const core::OptionValue& value) {
    const QSignalBlocker block(field);
    switch (spec.type) {
    case core::OptionType::Boolean:
        if (const bool* b = std::get_if<bool>(&value)) static_cast<QCheckBox*>(field)->setChecked(*b);
        break;
    case core::OptionType::Integer:
        if (const auto* i = std::get_if<std::int64_t>(&value)) static_cast<QSpinBox*>(field)->setValue(clampToInt(double(*i)));
        break;
    case core::OptionType::Number:
        if (const double* d = std::get_if<double>(&value)) static_cast<QDoubleSpinBox*>(field)->setValue(*d);
        break;
    case core::OptionType::Choice:
        if (const auto* s = std::get_if<std::string>(&value)) {
            auto* box = static_cast<QComboBox*>(field);
            const int index = box->findText(fromStd(*s));
            if (index >= 0) box->setCurrentIndex(index);
        }
        break;
    case core::OptionType::Text:
        if (const auto* s = std::get_if<std::string>(&value)) static_cast<QLineEdit*>(field)->setText(fromStd(*s));
        break;
    }
}

core::OptionValues OptionForm::values() const {
    core::OptionValues out;
    for (std::size_t i = 0; i < m_schema.size(); ++i) {
        const core::OptionSpec& spec = m_schema[i];
        QWidget* field = m_fields[i];
        switch (spec.type) {
        case core::OptionType::Boolean: out[spec.name] = static_cast<QCheckBox*>(field)->isChecked(); break;
        case core::OptionType::Integer:
            out[spec.name] = static_cast<std::int64_t>(static_cast<QSpinBox*>(field)->value());
            break;
        case core::OptionType::Number: out[spec.name] = static_cast<QDoubleSpinBox*>(field)->value(); break;
        case core::OptionType::Choice:
            out[spec.name] = static_cast<QComboBox*>(field)->currentText().toStdString();
            break;
        case core::OptionType::Text:
            out[spec.name] = static_cast<QLineEdit*>(field)->text().trimmed().toStdString();
            break;
        }
    }
    return out;
}

void OptionForm::setValues(const core::OptionValues& values) {
    for (std::size_t i = 0; i < m_schema.size(); ++i) {
        const auto it = values.find(m_schema[i].name);
        if (it != values.end()) setField(m_schema[i], m_fields[i], it->second);
    }
    emit valuesChanged();
}

void OptionForm::resetToDefaults() {
    for (std::size_t i = 0; i < m_schema.size(); ++i) setField(m_schema[i], m_fields[i], m_schema[i].defaultValue);
    emit valuesChanged();
}

QString OptionForm::problems() const { return fromStd(core::validateOptions(m_schema, values())); }

QWidget* OptionForm::field(const QString& name) const {
    for (std::size_t i = 0; i < m_schema.size(); ++i)
        if (fromStd(m_schema[i].name) == name) return m_fields[i];
    return nullptr;
}

}  // namespace tessera::views
