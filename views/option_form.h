#pragma once
// A strategy's options as a form, generated from its option schema alone:
// choices as combo boxes, integers and numbers as spin boxes with their
// unit and range, booleans as check boxes, text as line edits; the help as
// each field's tooltip. A new strategy's options appear without code here.

#include <QWidget>

#include <vector>

#include "core/explore/options.h"

class QFormLayout;
class QLabel;

namespace tessera::views {

class OptionForm : public QWidget {
    Q_OBJECT
public:
    explicit OptionForm(QWidget* parent = nullptr);

    // Rebuilds the fields for `schema`, each at its default.
    void setSchema(const core::OptionSchema& schema);
    const core::OptionSchema& schema() const { return m_schema; }

    // Every option of the schema, typed as the schema says.
    core::OptionValues values() const;
    // Sets the fields present in `values` (others keep their value); values
    // of the wrong type or unknown names are ignored.
    void setValues(const core::OptionValues& values);
    void resetToDefaults();
    // The schema's verdict on the current values (core::validateOptions); empty when valid.
    QString problems() const;
    // The field editing option `name`, or nullptr.
    QWidget* field(const QString& name) const;

signals:
    void valuesChanged();

private:
    void setField(const core::OptionSpec& spec, QWidget* field, const core::OptionValue& value);

    core::OptionSchema m_schema;
    std::vector<QWidget*> m_fields;  // one per schema entry
    QFormLayout* m_layout;
};

}  // namespace tessera::views
