#pragma once
// A row of KPI bounds for a search across every stored design point:
// latency (ms), energy (mJ) and power (W), each with an optional minimum
// and maximum (an empty field is no bound), feasible points only, and the
// selected explorations only. "Find points" (or Return in a field) asks for
// the search; the store is the session's.

#include <QWidget>

#include "core/store/exploration_store.h"

class QCheckBox;
class QLabel;
class QLineEdit;

namespace tessera::views {

class KpiRangeBar : public QWidget {
    Q_OBJECT
public:
    enum Field { MinLatency, MaxLatency, MinEnergy, MaxEnergy, MinPower, MaxPower, FieldCount };

    explicit KpiRangeBar(QWidget* parent = nullptr);

    // The bounds as a query (infinite where a field is empty) with
    // feasibleOnly set; explorations is left empty.
    core::PointQuery query() const;
    // Whether the search is to be limited to the selected explorations.
    bool selectedOnly() const;
    // "" when the fields make a search, else what is wrong with them.
    QString problem() const;

    QLineEdit* field(Field f) const { return m_fields[f]; }
    QCheckBox* feasibleOnlyBox() const { return m_feasibleOnly; }
    QCheckBox* selectedOnlyBox() const { return m_selectedOnly; }
    // Shown beside the buttons: how many points the last search found.
    void setResultText(const QString& text);

public slots:
    // Emits searchRequested, or shows the problem and emits nothing.
    void requestSearch();
    // Empties every field.
    void clear();

signals:
    void searchRequested();

private:
    QLineEdit* m_fields[FieldCount];
    QCheckBox* m_feasibleOnly;
    QCheckBox* m_selectedOnly;
    QLabel* m_message;
};

}  // namespace tessera::views
