#pragma once
// A layer's split across devices as one slider and one percent box per
// device, whose shares always add up to 100%: moving one device's share
// rescales the others in proportion (or spreads what is left evenly when
// they are all at zero). Part of the layer editor (layer_editor.h).

#include <QWidget>

#include <map>
#include <string>
#include <vector>

class QDoubleSpinBox;
class QGridLayout;
class QSlider;

namespace tessera::views {

class ShareEditor : public QWidget {
    Q_OBJECT
public:
    explicit ShareEditor(QWidget* parent = nullptr);

    // The devices that may take a share, one row each (their order); the
    // shares reset to nothing.
    void setDevices(const std::vector<std::string>& devices);
    // Shows `shares` (device -> fraction; devices not listed have 0) without
    // emitting sharesEdited.
    void setShares(const std::map<std::string, double>& shares);
    // Device -> fraction for every device with a share; they add up to 1.
    std::map<std::string, double> shares() const;

    // What moving a device's slider or box does: sets its share (clamped to
    // [0, 1]) and rescales the others so that the sum stays 1, then emits
    // sharesEdited. A single device always has it all.
    void setShare(const std::string& device, double fraction);
    // A slider is held down: the changes belong to one drag.
    bool isDragging() const;

signals:
    // The user changed the split; the shares add up to 1.
    void sharesEdited(const std::map<std::string, double>& shares);
    // The user took hold of a slider: a new drag begins.
    void dragStarted();

private:
    void showShares();

    struct Row {
        std::string device;
        QSlider* slider = nullptr;
        QDoubleSpinBox* percent = nullptr;
    };
    std::vector<Row> m_rows;
    std::vector<double> m_shares;  // per row
    QGridLayout* m_grid = nullptr;
};

}  // namespace tessera::views
