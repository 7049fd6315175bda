// LayerEditor fed a hand-made exploration: a combo change emits the edit
// list with that edit; undo and redo restore the previous lists (and emit
// them); shares keep adding up to 1 whatever is moved; the lock is part of
// the edit; edits survive moving between layers of a point and are dropped
// with another point; the session's evaluated point shows its change
// against the original, stale answers are ignored and invalid ones shown;
// the layer's recorded sensitivities become a sentence.

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QUndoStack>
#include <QtTest>

#include <cmath>

#include "views/layer_editor.h"
#include "views/share_editor.h"

using namespace tessera;
using core::LayerEdit;
using Edits = std::vector<LayerEdit>;

namespace {

core::LayerDecision layer(int id, const char* name, const char* method, std::map<std::string, double> shares) {
    core::LayerDecision l;
    l.layerId = id;
    l.layer = name;
    l.choice = {{"method", method}, {"cut", "rows"}};
    l.shares = std::move(shares);
    l.latencyMs = 1.0;
    l.energyMj = 5.0;
    return l;
}

views::ExplorationPtr exploration() {
    auto e = std::make_shared<core::Exploration>();
    e->strategy = "partition";
    core::DesignPoint p;
    p.label = "optimum";
    p.latencyMs = 2.0;
    p.energyMj = 10.0;
    p.powerW = 5.0;
    p.resources = {{"fpga", "m20k_blocks", "block", 100, 587}};
    core::LayerDecision conv1 = layer(1, "conv1", "tiling", {{"cpu", 0.25}, {"gpu", 0.75}});
    conv1.resources = p.resources;
    conv1.detail = {{"sensitivities", {{"fpga.m20k_blocks", -0.5}}}, {"sensitivity_of", "latency_ms"}};
    p.layers = {conv1, layer(4, "conv2", "grouped-n", {{"gpu", 1.0}})};
    e->points = {p, p};
    e->points[1].label = "balanced";
    return e;
}

std::vector<core::EditableChoice> editable() {
    return {{core::EditableChoice::Kind::Choice, "method", {"grouped-c", "grouped-n", "tiling"}, "how"},
            {core::EditableChoice::Kind::Shares, "shares", {"cpu", "gpu", "fpga"}, "split"}};
}

Edits lastEdits(const QSignalSpy& spy) { return spy.last().at(0).value<Edits>(); }

double sum(const std::map<std::string, double>& shares) {
    double s = 0;
    for (const auto& [d, v] : shares) s += v;
    return s;
}

// The point the session would answer with: the original, latency changed, recording `edits`.
core::DesignPoint answer(const views::ExplorationPtr& e, const Edits& edits, double latencyMs) {
    core::DesignPoint p = e->points[0];
    p.label = "edited from optimum";
    p.status = core::Status::Heuristic;
    p.latencyMs = latencyMs;
    p.detail = {{"edited_from", 0}, {"edits", core::editsToJson(edits)}};
    return p;
}

}  // namespace

class TestLayerEditor : public QObject {
    Q_OBJECT
private slots:
    void comboChangeEmitsTheEdit() {
        views::LayerEditor editor;
        editor.setContext(exploration(), 0, 1, editable());
        QSignalSpy spy(&editor, &views::LayerEditor::editsChanged);
        auto* method = editor.findChild<QComboBox*>(QStringLiteral("choice:method"));
        QVERIFY(method);
        QCOMPARE(method->currentText(), QStringLiteral("tiling"));
        QCOMPARE(method->count(), 3);
        method->setCurrentText(QStringLiteral("grouped-c"));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(lastEdits(spy), (Edits{{1, {{"method", "grouped-c"}}, {}, false}}));
        QCOMPARE(editor.edits(), lastEdits(spy));
        // Back to the original value: no edit left.
        method->setCurrentText(QStringLiteral("tiling"));
        QCOMPARE(spy.count(), 2);
        QVERIFY(lastEdits(spy).empty());
    }

    void undoAndRedoRestoreTheEditLists() {
        views::LayerEditor editor;
        editor.setContext(exploration(), 0, 1, editable());
        QSignalSpy spy(&editor, &views::LayerEditor::editsChanged);
        editor.findChild<QComboBox*>(QStringLiteral("choice:method"))->setCurrentText(QStringLiteral("grouped-n"));
        editor.findChild<QCheckBox*>(QStringLiteral("lock"))->setChecked(true);
        const Edits first{{1, {{"method", "grouped-n"}}, {}, false}};
        const Edits second{{1, {{"method", "grouped-n"}}, {}, true}};
        QCOMPARE(lastEdits(spy), second);
        QCOMPARE(editor.undoStack()->count(), 2);
        editor.undoStack()->undo();
        QCOMPARE(lastEdits(spy), first);
        QVERIFY(!editor.findChild<QCheckBox*>(QStringLiteral("lock"))->isChecked());
        editor.undoStack()->undo();
        QVERIFY(lastEdits(spy).empty());
        QCOMPARE(editor.findChild<QComboBox*>(QStringLiteral("choice:method"))->currentText(), QStringLiteral("tiling"));
        editor.undoStack()->redo();
        QCOMPARE(lastEdits(spy), first);
        QCOMPARE(editor.findChild<QComboBox*>(QStringLiteral("choice:method"))->currentText(), QStringLiteral("grouped-n"));
        editor.undoStack()->redo();
        QCOMPARE(lastEdits(spy), second);
        QCOMPARE(spy.count(), 6);  // two changes, two undos, two redos
        // Discarding is one more step, undone like the others.
        editor.findChild<QPushButton*>(QStringLiteral("reset"))->click();
        QVERIFY(editor.edits().empty());
        editor.undoStack()->undo();
        QCOMPARE(editor.edits(), second);
    }

    void sharesKeepAddingUpToOne() {
        views::LayerEditor editor;
        editor.setContext(exploration(), 0, 1, editable());
        QSignalSpy spy(&editor, &views::LayerEditor::editsChanged);
        auto* cpu = editor.findChild<QDoubleSpinBox*>(QStringLiteral("share:cpu"));
        auto* fpga = editor.findChild<QSlider*>(QStringLiteral("slider:fpga"));
        QVERIFY(cpu && fpga);
        QCOMPARE(cpu->value(), 25.0);
        cpu->setValue(50);  // gpu gives way: it had all the rest
        auto shares = lastEdits(spy).front().shares;
        QCOMPARE(shares, (std::map<std::string, double>{{"cpu", 0.5}, {"gpu", 0.5}}));
        fpga->setValue(200);  // 20%: cpu and gpu keep their proportions
        shares = lastEdits(spy).front().shares;
        QVERIFY(std::abs(shares.at("fpga") - 0.2) < 1e-12);
        QVERIFY(std::abs(shares.at("cpu") - 0.4) < 1e-12 && std::abs(shares.at("gpu") - 0.4) < 1e-12);
        auto* split = editor.findChild<views::ShareEditor*>(QStringLiteral("shares"));
        split->setShare("gpu", 1.0);  // all on the gpu, then back: the rest spreads evenly
        split->setShare("gpu", 0.4);
        shares = lastEdits(spy).front().shares;
        QVERIFY(std::abs(shares.at("cpu") - 0.3) < 1e-12 && std::abs(shares.at("fpga") - 0.3) < 1e-12);
        for (const QSignalSpy::value_type& emitted : spy) {
            const auto edits = emitted.at(0).value<Edits>();
            QCOMPARE(edits.size(), std::size_t(1));
            QVERIFY(std::abs(sum(edits.front().shares) - 1) < 1e-12);
            for (const auto& [device, share] : edits.front().shares) QVERIFY(share >= 0 && share <= 1);
        }
        double shown = 0;
        for (const char* d : {"cpu", "gpu", "fpga"})
            shown += editor.findChild<QDoubleSpinBox*>(QStringLiteral("share:") + d)->value();
        QVERIFY(std::abs(shown - 100) < 0.15);
        // Every change was its own step (none was a slider drag).
        QCOMPARE(editor.undoStack()->count(), spy.count());
    }

    void theLockIsPartOfTheEdit() {
        views::LayerEditor editor;
        editor.setContext(exploration(), 0, 1, editable());
        QSignalSpy changed(&editor, &views::LayerEditor::editsChanged);
        QSignalSpy reoptimise(&editor, &views::LayerEditor::reoptimiseRequested);
        auto* button = editor.findChild<QPushButton*>(QStringLiteral("reoptimise"));
        QVERIFY(!button->isEnabled());
        editor.findChild<QCheckBox*>(QStringLiteral("lock"))->setChecked(true);
        QCOMPARE(lastEdits(changed), (Edits{{1, {}, {}, true}}));
        QVERIFY(button->isEnabled());
        button->click();
        QCOMPARE(reoptimise.count(), 1);
        QCOMPARE(reoptimise.last().at(0).value<Edits>(), (Edits{{1, {}, {}, true}}));
        editor.findChild<QCheckBox*>(QStringLiteral("lock"))->setChecked(false);
        QVERIFY(lastEdits(changed).empty());
        QVERIFY(!button->isEnabled());
    }

    void editsFollowThePointNotTheLayer() {
        views::LayerEditor editor;
        const auto e = exploration();
        editor.setContext(e, 0, 1, editable());
        editor.findChild<QComboBox*>(QStringLiteral("choice:method"))->setCurrentText(QStringLiteral("grouped-c"));
        editor.setContext(e, 0, 4, editable());  // another layer of the same point
        QCOMPARE(editor.findChild<QComboBox*>(QStringLiteral("choice:method"))->currentText(), QStringLiteral("grouped-n"));
        editor.findChild<QDoubleSpinBox*>(QStringLiteral("share:cpu"))->setValue(10);
        QCOMPARE(editor.edits().size(), std::size_t(2));
        QCOMPARE(editor.edits()[1].shares, (std::map<std::string, double>{{"cpu", 0.1}, {"gpu", 0.9}}));
        editor.setContext(e, 0, 1, editable());  // back: the edit is shown
        QCOMPARE(editor.findChild<QComboBox*>(QStringLiteral("choice:method"))->currentText(), QStringLiteral("grouped-c"));
        QSignalSpy spy(&editor, &views::LayerEditor::editsChanged);
        editor.setContext(e, 1, 1, editable());  // another point: a fresh start, said by the session
        QVERIFY(editor.edits().empty());
        QCOMPARE(editor.undoStack()->count(), 0);
        QCOMPARE(spy.count(), 0);
    }

    void evaluatedPointShowsItsChange() {
        views::LayerEditor editor;
        const auto e = exploration();
        editor.setContext(e, 0, 1, editable());
        QSignalSpy save(&editor, &views::LayerEditor::saveRequested);
        auto* saveButton = editor.findChild<QPushButton*>(QStringLiteral("save"));
        QVERIFY(!saveButton->isEnabled());
        editor.findChild<QComboBox*>(QStringLiteral("choice:method"))->setCurrentText(QStringLiteral("grouped-c"));
        QVERIFY(editor.metricsText().contains(QStringLiteral("Latency (ms): 2.00 -> …")));
        editor.setEvaluated(answer(e, editor.edits(), 1.9));
        QVERIFY2(editor.metricsText().contains(QStringLiteral("Latency (ms): 2.00 -> 1.90 -5.0%")),
                 qPrintable(editor.metricsText()));
        // An answer to another edit list is stale: ignored.
        editor.setEvaluated(answer(e, {}, 3.0));
        QVERIFY(editor.metricsText().contains(QStringLiteral("-5.0%")));
        saveButton->click();
        QCOMPARE(save.count(), 1);
        QCOMPARE(save.last().at(0).value<Edits>(), editor.edits());
        // An invalid answer says why and cannot be saved.
        core::DesignPoint bad;
        bad.status = core::Status::InvalidInput;
        bad.message = "layer conv1: shares: add up to 0.9, not 1";
        editor.setEvaluated(bad);
        QCOMPARE(editor.statusText(), QStringLiteral("layer conv1: shares: add up to 0.9, not 1"));
        QVERIFY(!saveButton->isEnabled());
        // The next change waits for its own answer.
        editor.undoStack()->undo();
        QVERIFY(saveButton->isEnabled() == false && editor.statusText().startsWith(QStringLiteral("No edits")));
    }

    void sensitivitiesBecomeASentence() {
        views::LayerEditor editor;
        editor.setContext(exploration(), 0, 1, editable());
        // d log latency / d log budget = -0.5: 1.1^-0.5 - 1 = -4.7%.
        QCOMPARE(editor.sensitivitiesText(),
                 QStringLiteral("The fpga M20K budget limits this layer: +10% M20K gives -4.7% latency."));
        editor.setContext(exploration(), 0, 4, editable());
        QVERIFY(editor.sensitivitiesText().isEmpty());
    }

    void nothingEditableIsReadOnly() {
        views::LayerEditor editor;
        editor.setContext(exploration(), 0, 1, {});
        QVERIFY(!editor.findChild<QComboBox*>());
        QVERIFY(!editor.findChild<QCheckBox*>(QStringLiteral("lock"))->isEnabled());
        editor.setContext(nullptr, -1, -1, {});
        QCOMPARE(editor.pointIndex(), -1);
        QVERIFY(editor.metricsText().isEmpty());
    }
};

QTEST_MAIN(TestLayerEditor)
#include "tst_layer_editor.moc"
