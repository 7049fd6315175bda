#pragma once
// The layer editor: one layer of a design point, its decision as editable
// widgets built from what the strategy says may change there
// (core::EditableChoice: a combo box per choice, a share per device that
// keeps the sum at 100%), a lock, the layer's figures and the point's totals
// against the original point ("-3.2%"), the budgets that limit the layer
// and what more of them would give (where the strategy records
// sensitivities), undo / redo, "Save as new point" and "Re-optimise the
// rest".
//
// The editor never costs anything: after every change (undo and redo
// included) it emits the whole edit list, and the session answers with the
// point re-evaluated by the strategy (setEvaluated). It knows no strategy:
// choices, values and devices all come from the EditableChoice list.

#include <QMetaType>
#include <QWidget>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/explore/edit.h"
#include "core/explore/exploration.h"
#include "views/exploration_snapshot.h"

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QPushButton;
class QUndoStack;

namespace tessera::views {

class ShareEditor;

class LayerEditor : public QWidget {
    Q_OBJECT
public:
    explicit LayerEditor(QWidget* parent = nullptr);

    // Shows layer `layerId` of point `pointIndex` of `exploration`, with
    // what may change there (empty: nothing; the layer is shown read-only).
    // Moving to another layer of the same point keeps the edits and their
    // history; another point (or exploration) starts afresh, without
    // emitting editsChanged. A null exploration clears the editor.
    void setContext(ExplorationPtr exploration, int pointIndex, int layerId, std::vector<core::EditableChoice> editable);
    // The session's answer to editsChanged: the point with the edits
    // applied (Strategy::evaluate). A point whose detail records other edits
    // than the present ones is an answer to an older change and is ignored;
    // one with status InvalidInput shows its message.
    void setEvaluated(const core::DesignPoint& point);

    const std::vector<core::LayerEdit>& edits() const { return m_edits; }
    // The edit history; the main window puts its undo and redo actions in
    // the Edit menu (createUndoAction / createRedoAction).
    QUndoStack* undoStack() const { return m_undo; }
    int pointIndex() const { return m_pointIndex; }
    int layerId() const { return m_layerId; }

    // The figures shown: the layer's and the point's, original and edited,
    // with their change (plain text, for tests and copying).
    QString metricsText() const;
    // "The fpga M20K budget limits this layer: +10% M20K gives -4.6% latency."
    // per binding budget the layer records; empty when none.
    QString sensitivitiesText() const;
    QString statusText() const;

signals:
    // The whole edit list after every change, undo and redo included.
    void editsChanged(const std::vector<tessera::core::LayerEdit>& edits);
    void saveRequested(const std::vector<tessera::core::LayerEdit>& edits);
    void reoptimiseRequested(const std::vector<tessera::core::LayerEdit>& edits);

private:
    friend class LayerEditCommand;
    // Sets the edit list (from the undo history) and shows it.
    void applyEdits(std::vector<core::LayerEdit> edits);
    // Records a change as one undo step; `drag` >= 0 merges it with the
    // previous step of the same slider drag.
    void pushEdits(std::vector<core::LayerEdit> after, const QString& text, int drag = -1);
    // The edit list with the current layer's edit changed by `change`.
    template <class Change>
    std::vector<core::LayerEdit> withLayerEdit(Change change) const;

    void buildChoices();
    void showDecision();
    void updateButtons();
    const core::DesignPoint* original() const;
    // Whether the last evaluated point answers the present edit list.
    bool answered() const;
    const core::DesignPoint* evaluated() const;  // the answer; nullptr when none yet or invalid
    const core::LayerDecision* shownLayer() const;
    QString layerName() const;

    ExplorationPtr m_exploration;
    int m_pointIndex = -1;
    int m_layerId = -1;
    std::vector<core::EditableChoice> m_editable;
    std::vector<core::LayerEdit> m_edits;
    std::optional<core::DesignPoint> m_evaluated;
    nlohmann::json m_evaluatedFor;  // the edit list m_evaluated answers
    int m_drag = 0;                 // serial of the present slider drag

    QUndoStack* m_undo = nullptr;
    QLabel* m_title = nullptr;
    QFormLayout* m_form = nullptr;
    std::map<std::string, QComboBox*> m_combos;
    ShareEditor* m_shares = nullptr;
    QCheckBox* m_lock = nullptr;
    QLabel* m_metrics = nullptr;
    QLabel* m_sensitivities = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_reset = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_reoptimise = nullptr;
};

}  // namespace tessera::views

Q_DECLARE_METATYPE(std::vector<tessera::core::LayerEdit>)
