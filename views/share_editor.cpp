#include "views/share_editor.h"

#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>

#include <algorithm>
#include <numeric>

namespace tessera::views {

namespace {

constexpr int kSliderSteps = 1000;  // per mille: finer than the 0.1% the boxes show

}  // namespace

ShareEditor::ShareEditor(QWidget* parent) : QWidget(parent), m_grid(new QGridLayout(this)) {
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setColumnStretch(1, 1);
}

void ShareEditor::setDevices(const std::vector<std::string>& devices) {
    while (QLayoutItem* item = m_grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_rows.clear();
    m_shares.assign(devices.size(), 0.0);
    for (std::size_t i = 0; i < devices.size(); ++i) {
        Row r;
        r.device = devices[i];
        const QString name = QString::fromStdString(devices[i]);
        auto* label = new QLabel(name, this);
        r.slider = new QSlider(Qt::Horizontal, this);
        r.slider->setObjectName(QStringLiteral("slider:") + name);
        r.slider->setRange(0, kSliderSteps);
        r.slider->setToolTip(tr("%1's share of the layer's work").arg(name));
        r.percent = new QDoubleSpinBox(this);
        r.percent->setObjectName(QStringLiteral("share:") + name);
        r.percent->setRange(0, 100);
        r.percent->setDecimals(1);
        r.percent->setSingleStep(1);
        r.percent->setSuffix(QStringLiteral(" %"));
        r.percent->setKeyboardTracking(false);  // a typed "35" is one edit, not "3" then "35"
        label->setBuddy(r.percent);
        const bool alone = devices.size() < 2;  // one device has it all
        r.slider->setEnabled(!alone);
        r.percent->setEnabled(!alone);
        const int row = static_cast<int>(i);
        m_grid->addWidget(label, row, 0);
        m_grid->addWidget(r.slider, row, 1);
        m_grid->addWidget(r.percent, row, 2);
        const std::string device = devices[i];
        connect(r.slider, &QSlider::valueChanged, this,
                [this, device](int v) { setShare(device, static_cast<double>(v) / kSliderSteps); });
        connect(r.slider, &QSlider::sliderPressed, this, &ShareEditor::dragStarted);
        connect(r.percent, &QDoubleSpinBox::valueChanged, this, [this, device](double v) { setShare(device, v / 100); });
        m_rows.push_back(r);
    }
    showShares();
}

void ShareEditor::setShares(const std::map<std::string, double>& shares) {
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const auto it = shares.find(m_rows[i].device);
        m_shares[i] = it == shares.end() ? 0.0 : it->second;
    }
    showShares();
}

std::map<std::string, double> ShareEditor::shares() const {
    std::map<std::string, double> out;
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_shares[i] > 0) out[m_rows[i].device] = m_shares[i];
    return out;
}

void ShareEditor::setShare(const std::string& device, double fraction) {
    const auto at = std::find_if(m_rows.begin(), m_rows.end(), [&](const Row& r) { return r.device == device; });
    if (at == m_rows.end() || m_rows.size() < 2) return;
    const auto k = static_cast<std::size_t>(at - m_rows.begin());
    const double v = std::clamp(fraction, 0.0, 1.0);
    if (v == m_shares[k]) return;
    // The others share 1 - v in their present proportions (evenly when they
    // have nothing); the last of them takes the rounding so the sum is 1.
    const double othersBefore = 1.0 - m_shares[k];
    std::vector<std::size_t> others;
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (i != k) others.push_back(i);
    double given = v;
    for (std::size_t j = 0; j + 1 < others.size(); ++j) {
        const std::size_t i = others[j];
        m_shares[i] = othersBefore > 1e-12 ? m_shares[i] * (1.0 - v) / othersBefore
                                           : (1.0 - v) / static_cast<double>(others.size());
        given += m_shares[i];
    }
    m_shares[others.back()] = std::max(0.0, 1.0 - given);
    m_shares[k] = v;
    showShares();
    emit sharesEdited(shares());
}

bool ShareEditor::isDragging() const {
    return std::any_of(m_rows.begin(), m_rows.end(), [](const Row& r) { return r.slider->isSliderDown(); });
}

void ShareEditor::showShares() {
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const QSignalBlocker blockSlider(m_rows[i].slider);
        const QSignalBlocker blockBox(m_rows[i].percent);
        m_rows[i].slider->setValue(static_cast<int>(std::lround(m_shares[i] * kSliderSteps)));
        m_rows[i].percent->setValue(m_shares[i] * 100);
    }
}

}  // namespace tessera::views
