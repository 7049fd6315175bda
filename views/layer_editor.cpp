#include "views/layer_editor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QToolButton>
#include <QUndoCommand>
#include <QUndoStack>
#include <QVBoxLayout>

#include <cmath>
#include <tuple>

#include "views/decision_text.h"
#include "views/share_editor.h"

namespace tessera::views {

// One change of the edit list: the lists before and after it.
class LayerEditCommand : public QUndoCommand {
public:
    LayerEditCommand(LayerEditor* editor, std::vector<core::LayerEdit> before, std::vector<core::LayerEdit> after, const QString& text,
                int drag)
        : QUndoCommand(text), m_editor(editor), m_before(std::move(before)), m_after(std::move(after)), m_drag(drag) {}
    void undo() override { m_editor->applyEdits(m_before); }
    void redo() override { m_editor->applyEdits(m_after); }
    // Steps of one slider drag merge into one.
    int id() const override { return m_drag >= 0 ? 1 : -1; }
    bool mergeWith(const QUndoCommand* other) override {
        const auto* o = static_cast<const LayerEditCommand*>(other);
        if (o->m_drag != m_drag) return false;
        m_after = o->m_after;
        setObsolete(m_after == m_before);
        return true;
    }

private:
    LayerEditor* m_editor;
    std::vector<core::LayerEdit> m_before, m_after;
    int m_drag;
};

namespace {

const core::LayerDecision* layerIn(const core::DesignPoint& p, int layerId) {
    for (const auto& l : p.layers)
        if (l.layerId == layerId) return &l;
    return nullptr;
}

bool sameShares(const std::map<std::string, double>& a, const std::map<std::string, double>& b) {
    auto share = [](const std::map<std::string, double>& m, const std::string& d) {
        const auto it = m.find(d);
        return it == m.end() ? 0.0 : it->second;
    };
    for (const auto* m : {&a, &b})
        for (const auto& [device, s] : *m)
            if (std::abs(share(a, device) - share(b, device)) > 1e-9) return false;
    return true;
}

// True when `e` leaves `original` as it is and locks nothing.
bool changesNothing(const core::LayerEdit& e, const core::LayerDecision& original) {
    if (e.locked || (!e.shares.empty() && !sameShares(e.shares, original.shares))) return false;
    for (const auto& [name, value] : e.choice)
        if (original.choiceValue(name) != value) return false;
    return true;
}

// "-3.2%": the relative change, lower being better for every KPI; empty when it cannot be said.
QString changeText(double before, double after) {
    if (!std::isfinite(before) || !std::isfinite(after) || before == 0) return {};
    const double change = (after - before) / std::abs(before) * 100;
    if (std::abs(change) < 0.05) return QStringLiteral("±0%");
    return QString::asprintf("%+.1f%%", change);
}

struct MetricRow {
    QString name, unit;
    double before = NAN, after = NAN;
};

}  // namespace

LayerEditor::LayerEditor(QWidget* parent) : QWidget(parent), m_undo(new QUndoStack(this)) {
    auto* content = new QWidget;
    auto* column = new QVBoxLayout(content);
    m_title = new QLabel(content);
    m_title->setObjectName(QStringLiteral("title"));
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::RichText);
    column->addWidget(m_title);
    auto* choices = new QWidget(content);
    m_form = new QFormLayout(choices);
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    column->addWidget(choices);
    m_lock = new QCheckBox(tr("Lock (re-optimising keeps it)"), content);
    m_lock->setToolTip(tr("Re-optimising the rest keeps this layer's decision as it is"));
    m_lock->setObjectName(QStringLiteral("lock"));
    column->addWidget(m_lock);
    for (QLabel** label : {&m_metrics, &m_sensitivities, &m_status}) {
        *label = new QLabel(content);
        (*label)->setWordWrap(true);
        (*label)->setTextInteractionFlags(Qt::TextSelectableByMouse);
        column->addWidget(*label);
    }
    m_metrics->setObjectName(QStringLiteral("metrics"));
    m_metrics->setTextFormat(Qt::RichText);
    m_sensitivities->setObjectName(QStringLiteral("sensitivities"));
    m_status->setObjectName(QStringLiteral("status"));
    column->addStretch(1);

    // Two short rows, so that the editor fits a narrow dock; the undo and
    // redo buttons keep short labels and name the step in their tooltip.
    auto* history = new QHBoxLayout;
    auto* undo = new QToolButton(this);
    undo->setObjectName(QStringLiteral("undo"));
    undo->setText(tr("Undo"));
    auto* redo = new QToolButton(this);
    redo->setObjectName(QStringLiteral("redo"));
    redo->setText(tr("Redo"));
    for (auto [button, can, text] : {std::tuple{undo, &QUndoStack::canUndoChanged, &QUndoStack::undoTextChanged},
                                     std::tuple{redo, &QUndoStack::canRedoChanged, &QUndoStack::redoTextChanged}}) {
        button->setEnabled(false);
        connect(m_undo, can, button, &QToolButton::setEnabled);
        connect(m_undo, text, button, [button](const QString& step) { button->setToolTip(step); });
        history->addWidget(button);
    }
    connect(undo, &QToolButton::clicked, m_undo, &QUndoStack::undo);
    connect(redo, &QToolButton::clicked, m_undo, &QUndoStack::redo);
    m_reset = new QPushButton(tr("Discard edits"), this);
    m_reset->setObjectName(QStringLiteral("reset"));
    m_save = new QPushButton(tr("Save as new point"), this);
    m_save->setObjectName(QStringLiteral("save"));
    m_save->setToolTip(tr("Add the edited point to the exploration, recording what it was edited from"));
    m_reoptimise = new QPushButton(tr("Re-optimise the rest"), this);
    m_reoptimise->setObjectName(QStringLiteral("reoptimise"));
    m_reoptimise->setToolTip(tr("The best point with the locked layers kept as they are"));
    history->addStretch(1);
    history->addWidget(m_reset);
    auto* results = new QHBoxLayout;
    results->addStretch(1);
    results->addWidget(m_save);
    results->addWidget(m_reoptimise);

    auto* scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll, 1);
    outer->addLayout(history);
    outer->addLayout(results);

    connect(m_lock, &QCheckBox::toggled, this, [this](bool locked) {
        pushEdits(withLayerEdit([locked](core::LayerEdit& e) { e.locked = locked; }),
                  (locked ? tr("Lock %1") : tr("Unlock %1")).arg(layerName()));
    });
    connect(m_reset, &QPushButton::clicked, this, [this] { pushEdits({}, tr("Discard edits")); });
    connect(m_save, &QPushButton::clicked, this, [this] { emit saveRequested(m_edits); });
    connect(m_reoptimise, &QPushButton::clicked, this, [this] { emit reoptimiseRequested(m_edits); });
    setContext(nullptr, -1, -1, {});
}

void LayerEditor::setContext(ExplorationPtr exploration, int pointIndex, int layerId,
                             std::vector<core::EditableChoice> editable) {
    if (exploration != m_exploration || pointIndex != m_pointIndex) {
        m_edits.clear();
        m_evaluated.reset();
        m_undo->clear();
    }
    m_exploration = std::move(exploration);
    m_pointIndex = m_exploration ? pointIndex : -1;
    m_layerId = m_exploration ? layerId : -1;
    m_editable = std::move(editable);
    buildChoices();
    showDecision();
    updateButtons();
}

void LayerEditor::setEvaluated(const core::DesignPoint& point) {
    const nlohmann::json current = core::editsToJson(m_edits);
    if (point.detail.is_object() && point.detail.contains("edits") && point.detail["edits"] != current)
        return;  // an answer to an older list
    m_evaluated = point;
    m_evaluatedFor = current;
    showDecision();
    updateButtons();
}

const core::DesignPoint* LayerEditor::original() const {
    if (!m_exploration || m_pointIndex < 0 || static_cast<std::size_t>(m_pointIndex) >= m_exploration->points.size())
        return nullptr;
    return &m_exploration->points[static_cast<std::size_t>(m_pointIndex)];
}

bool LayerEditor::answered() const { return m_evaluated && m_evaluatedFor == core::editsToJson(m_edits); }

const core::DesignPoint* LayerEditor::evaluated() const {
    return answered() && m_evaluated->status != core::Status::InvalidInput ? &*m_evaluated : nullptr;
}

const core::LayerDecision* LayerEditor::shownLayer() const {
    if (const core::DesignPoint* e = evaluated(); e && !m_edits.empty())
        if (const core::LayerDecision* l = layerIn(*e, m_layerId)) return l;
    const core::DesignPoint* o = original();
    return o ? layerIn(*o, m_layerId) : nullptr;
}

QString LayerEditor::layerName() const {
    const core::LayerDecision* l = shownLayer();
    return l ? QString::fromStdString(l->layer) : QString();
}

template <class Change>
std::vector<core::LayerEdit> LayerEditor::withLayerEdit(Change change) const {
    std::vector<core::LayerEdit> after = m_edits;
    auto it = std::find_if(after.begin(), after.end(), [this](const core::LayerEdit& e) { return e.layerId == m_layerId; });
    if (it == after.end()) {
        core::LayerEdit e;
        e.layerId = m_layerId;
        it = after.insert(after.end(), e);
    }
    change(*it);
    const core::DesignPoint* o = original();
    const core::LayerDecision* l = o ? layerIn(*o, m_layerId) : nullptr;
    if (l && changesNothing(*it, *l)) after.erase(it);  // back where it started: no edit
    return after;
}

void LayerEditor::pushEdits(std::vector<core::LayerEdit> after, const QString& text, int drag) {
    if (after == m_edits) return;
    m_undo->push(new LayerEditCommand(this, m_edits, std::move(after), text, drag));
}

void LayerEditor::applyEdits(std::vector<core::LayerEdit> edits) {
    m_edits = std::move(edits);
    showDecision();
    updateButtons();
    emit editsChanged(m_edits);
}

void LayerEditor::buildChoices() {
    while (m_form->rowCount() > 0) m_form->removeRow(0);
    m_combos.clear();
    m_shares = nullptr;
    const core::LayerDecision* layer = shownLayer();
    for (const core::EditableChoice& c : layer ? m_editable : std::vector<core::EditableChoice>{}) {
        const QString name = QString::fromStdString(c.name);
        if (c.kind == core::EditableChoice::Kind::Shares) {
            m_shares = new ShareEditor;
            m_shares->setObjectName(QStringLiteral("shares"));
            m_shares->setDevices(c.values);
            m_shares->setToolTip(QString::fromStdString(c.help));
            connect(m_shares, &ShareEditor::dragStarted, this, [this] { ++m_drag; });
            connect(m_shares, &ShareEditor::sharesEdited, this, [this](const std::map<std::string, double>& shares) {
                pushEdits(withLayerEdit([&shares](core::LayerEdit& e) { e.shares = shares; }),
                          tr("Change the split of %1").arg(layerName()), m_shares->isDragging() ? m_drag : -1);
            });
            m_form->addRow(tr("Shares"), m_shares);
            continue;
        }
        auto* combo = new QComboBox;
        combo->setObjectName(QStringLiteral("choice:") + name);
        combo->setToolTip(QString::fromStdString(c.help));
        for (const auto& v : c.values) combo->addItem(QString::fromStdString(v));
        const std::string choice = c.name;
        connect(combo, &QComboBox::currentTextChanged, this, [this, choice](const QString& value) {
            pushEdits(withLayerEdit([&](core::LayerEdit& e) {
                          auto it = std::find_if(e.choice.begin(), e.choice.end(),
                                                 [&](const auto& p) { return p.first == choice; });
                          if (it == e.choice.end()) e.choice.emplace_back(choice, value.toStdString());
                          else it->second = value.toStdString();
                      }),
                      tr("Set %1 of %2 to %3").arg(QString::fromStdString(choice), layerName(), value));
        });
        m_form->addRow(name.left(1).toUpper() + name.mid(1), combo);
        m_combos[c.name] = combo;
    }
    if (layer && m_editable.empty()) m_form->addRow(new QLabel(tr("This strategy does not let you edit this layer.")));
}

void LayerEditor::showDecision() {
    const core::LayerDecision* layer = shownLayer();
    const core::DesignPoint* o = original();
    const core::DesignPoint* e = evaluated();
    const core::LayerEdit* edit = nullptr;
    for (const auto& x : m_edits)
        if (x.layerId == m_layerId) edit = &x;
    const QString group = layer ? QString::fromStdString(layer->choiceValue("group")) : QString();
    m_title->setText(layer ? QStringLiteral("<b>%1</b>").arg(QString::fromStdString(layer->layer).toHtmlEscaped())
                           : tr("No layer selected"));
    m_title->setToolTip(group.isEmpty() ? QString() : tr("fused group %1: its layers share one split").arg(group));
    for (auto& [name, combo] : layer ? m_combos : std::map<std::string, QComboBox*>{}) {
        const std::string value = edit && !edit->choiceValue(name).empty() ? edit->choiceValue(name) : layer->choiceValue(name);
        const QSignalBlocker block(combo);
        if (combo->findText(QString::fromStdString(value)) < 0) combo->addItem(QString::fromStdString(value));
        combo->setCurrentText(QString::fromStdString(value));
    }
    if (m_shares && layer) m_shares->setShares(edit && !edit->shares.empty() ? edit->shares : layer->shares);
    {
        const QSignalBlocker block(m_lock);
        m_lock->setChecked(edit && edit->locked);
    }
    m_lock->setEnabled(layer && !m_editable.empty());

    // Figures: the layer's and the point's, original and edited.
    std::vector<MetricRow> rows;
    const core::LayerDecision* before = o ? layerIn(*o, m_layerId) : nullptr;
    const core::LayerDecision* after = e ? layerIn(*e, m_layerId) : nullptr;
    if (before) {
        rows.push_back({tr("Layer latency"), QStringLiteral("ms"), before->latencyMs, after ? after->latencyMs : NAN});
        rows.push_back({tr("Layer energy"), QStringLiteral("mJ"), before->energyMj, after ? after->energyMj : NAN});
    }
    if (o) {
        rows.push_back({tr("Latency"), QStringLiteral("ms"), o->latencyMs, e ? e->latencyMs : NAN});
        rows.push_back({tr("Energy"), QStringLiteral("mJ"), o->energyMj, e ? e->energyMj : NAN});
        rows.push_back({tr("Power"), QStringLiteral("W"), o->powerW, e ? e->powerW : NAN});
        for (const auto& r : o->resources) {
            double used = NAN;
            for (const auto& x : e ? e->resources : std::vector<core::ResourceUse>{})
                if (x.device == r.device && x.resource == r.resource) used = x.used;
            rows.push_back({resourceLabel(r), QString::fromStdString(r.unit), r.used, used});
        }
    }
    std::erase_if(rows, [](const MetricRow& r) { return std::isnan(r.before) && std::isnan(r.after); });
    QString html = QStringLiteral("<table cellspacing='0' cellpadding='2'><tr><th></th><th align='right'>%1</th>"
                                  "<th align='right'>%2</th><th align='right'>%3</th></tr>")
                       .arg(tr("original"), tr("edited"), tr("change"));
    QString plain;
    for (const MetricRow& r : rows) {
        const QString change = changeText(r.before, r.after);
        const QString colour = change.startsWith(QLatin1Char('-'))   ? QStringLiteral("#3aa655")
                               : change.startsWith(QLatin1Char('+')) ? QStringLiteral("#e05a4f")
                                                                     : QString();
        const QString edited = e ? figureText(r.after) : QStringLiteral("…");
        html += QStringLiteral("<tr><td>%1 (%2)</td><td align='right'>%3</td><td align='right'>%4</td>"
                               "<td align='right'>%5</td></tr>")
                    .arg(r.name.toHtmlEscaped(), r.unit.toHtmlEscaped(), figureText(r.before), edited,
                         colour.isEmpty() ? change : QStringLiteral("<span style='color:%1'>%2</span>").arg(colour, change));
        plain += QStringLiteral("%1 (%2): %3 -> %4 %5\n").arg(r.name, r.unit, figureText(r.before), edited, change);
    }
    m_metrics->setText(rows.empty() ? QString() : html + QStringLiteral("</table>"));
    m_metrics->setProperty("plainText", plain.trimmed());

    // What limits the layer at the optimiser's own split, and what more of it gives.
    QStringList limits;
    if (before && before->detail.is_object() && before->detail.contains("sensitivities")) {
        const std::string of = before->detail.value("sensitivity_of", std::string("latency_ms"));
        const QString objective = of == "energy_mj" ? tr("energy") : tr("latency");
        for (const auto& [key, value] : before->detail["sensitivities"].items()) {
            if (!value.is_number()) continue;
            QString name = QString::fromStdString(key);
            for (const auto& r : before->resources.empty() ? o->resources : before->resources)
                if (r.device + "." + r.resource == key) name = resourceLabel(r);
            const double gain = (std::pow(1.1, value.get<double>()) - 1) * 100;
            limits << tr("The %1 budget limits this layer: +10% %2 gives %3 %4.")
                          .arg(name, name.section(QLatin1Char(' '), -1), QString::asprintf("%+.1f%%", gain), objective);
        }
        if (!limits.isEmpty() && edit) limits << tr("(At the split the optimiser chose, before the edits.)");
    }
    m_sensitivities->setText(limits.join(QLatin1Char('\n')));
    m_sensitivities->setVisible(!limits.isEmpty());

    QString status;
    const bool invalid = answered() && m_evaluated->status == core::Status::InvalidInput;
    if (invalid) {
        status = m_evaluated->message.empty() ? tr("The edits cannot be evaluated.")
                                              : QString::fromStdString(m_evaluated->message);
    } else if (m_edits.empty()) {
        status = o ? tr("No edits: %1 as the strategy found it.").arg(QString::fromStdString(o->label)) : QString();
    } else {
        const auto locked = std::count_if(m_edits.begin(), m_edits.end(), [](const auto& x) { return x.locked; });
        status = (m_edits.size() == 1 ? tr("1 layer edited") : tr("%1 layers edited").arg(m_edits.size())) +
                 (locked ? tr(", %1 locked").arg(locked) : QString()) + QLatin1Char('.');
        if (e && !e->feasible) {
            QStringList reasons;
            for (const auto& v : e->violations) reasons << QString::fromStdString(v.reason);
            status += QLatin1Char(' ') + tr("Over budget: %1.").arg(reasons.join(QStringLiteral("; ")));
        }
    }
    const bool problem = invalid || (e && !e->feasible && !m_edits.empty());
    m_status->setText(status);
    m_status->setStyleSheet(problem ? QStringLiteral("color: #e05a4f") : QString());
}

void LayerEditor::updateButtons() {
    const bool invalid = answered() && m_evaluated->status == core::Status::InvalidInput;
    m_reset->setEnabled(!m_edits.empty());
    m_save->setEnabled(!m_edits.empty() && !invalid);
    m_reoptimise->setEnabled(!invalid && std::any_of(m_edits.begin(), m_edits.end(), [](const auto& e) { return e.locked; }));
}

QString LayerEditor::metricsText() const { return m_metrics->property("plainText").toString(); }
QString LayerEditor::sensitivitiesText() const { return m_sensitivities->text(); }
QString LayerEditor::statusText() const { return m_status->text(); }

}  // namespace tessera::views
