#include "views/pareto_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QMouseEvent>
#include <QSignalBlocker>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>

#include <qcustomplot.h>

namespace tessera::views {

namespace {

constexpr double kPickRadius = 8;  // pixels: how near the mouse a point must be to be hovered or clicked
constexpr int kClickSlop = 3;      // pixels the mouse may move between press and release of a click (as QCustomPlot)

}  // namespace

ParetoView::ParetoView(QWidget* parent)
    : QWidget(parent),
      m_wantedX(QString::fromLatin1(core::kLatencyKpi.data())),
      m_wantedY(QString::fromLatin1(core::kEnergyKpi.data())) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    buildToolbar();

    m_warning = new QLabel(this);
    m_warning->setObjectName(QStringLiteral("paretoInputsWarning"));
    m_warning->setWordWrap(true);
    m_warning->setAutoFillBackground(true);
    m_warning->setMargin(4);
    m_warning->hide();
    layout->addWidget(m_warning);

    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("paretoPlot"));
    m_plot->setMinimumSize(200, 120);
    m_plot->setMouseTracking(true);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->setNoAntialiasingOnDrag(true);
    m_plot->setAutoAddPlottableToLegend(false);
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    // The rings that follow the mouse and the selection have a buffer of
    // their own: moving them repaints one layer, not 100,000 points.
    m_plot->addLayer(QStringLiteral("marks"), m_plot->layer(QStringLiteral("main")), QCustomPlot::limAbove);
    m_marksLayer = m_plot->layer(QStringLiteral("marks"));
    m_marksLayer->setMode(QCPLayer::lmBuffered);
    layout->addWidget(m_plot, 1);

    m_footnote = new QLabel(this);
    m_footnote->setObjectName(QStringLiteral("paretoFootnote"));
    m_footnote->setWordWrap(true);
    QFont small = m_footnote->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    m_footnote->setFont(small);
    m_footnote->setToolTip(
        tr("Hypervolume: the area each front dominates up to the reference point, 1.1 x the largest shown value on "
           "each axis (the same for every exploration, so that they compare), in linear units.\n"
           "Drag: pan. Wheel: zoom. Shift-drag: zoom to a box. Click: select a point. "
           "Ctrl-click or Ctrl-drag: select several (for a comparison)."));
    layout->addWidget(m_footnote);

    connect(m_plot, &QCustomPlot::mousePress, this, &ParetoView::onMousePress);
    connect(m_plot, &QCustomPlot::mouseMove, this, &ParetoView::onMouseMove);
    connect(m_plot, &QCustomPlot::mouseRelease, this, &ParetoView::onMouseRelease);
    connect(m_plot->selectionRect(), &QCPSelectionRect::accepted, this, &ParetoView::onBoxSelected);
    connect(m_plot, &QCustomPlot::afterLayout, this, &ParetoView::arrangeLegend);
    connect(m_plot, &QCustomPlot::afterLayout, this, &ParetoView::declutterLabels);
    connect(m_plot, &QCustomPlot::afterReplot, this, [this] { m_replotQueued = false; });
    m_plot->installEventFilter(this);  // the mouse leaving the plot ends the hover

    styleFromPalette();
    rebuild(true);
}

ParetoView::~ParetoView() = default;

void ParetoView::buildToolbar() {
    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(2, 2, 2, 0);
    bar->setSpacing(4);
    const auto kpiBox = [this](const QString& name, const QString& tip) {
        auto* box = new QComboBox(this);
        box->setObjectName(name);
        box->setToolTip(tip);
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(6);
        box->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        return box;
    };
    const auto logBox = [this](const QString& name, const QString& tip) {
        auto* box = new QCheckBox(tr("log"), this);
        box->setObjectName(name);
        box->setToolTip(tip);
        return box;
    };
    m_xBox = kpiBox(QStringLiteral("paretoXKpi"), tr("KPI on the horizontal axis"));
    m_yBox = kpiBox(QStringLiteral("paretoYKpi"), tr("KPI on the vertical axis"));
    m_logX = logBox(QStringLiteral("paretoLogX"), tr("Logarithmic horizontal axis"));
    m_logY = logBox(QStringLiteral("paretoLogY"), tr("Logarithmic vertical axis"));
    bar->addWidget(new QLabel(tr("X"), this));
    bar->addWidget(m_xBox, 1);
    bar->addWidget(m_logX);
    bar->addSpacing(4);
    bar->addWidget(new QLabel(tr("Y"), this));
    bar->addWidget(m_yBox, 1);
    bar->addWidget(m_logY);

    m_reset = new QToolButton(this);
    m_reset->setObjectName(QStringLiteral("paretoReset"));
    m_reset->setText(tr("Reset"));
    m_reset->setToolTip(tr("Reset the view to every shown point"));
    m_reset->setAutoRaise(true);
    m_export = new QToolButton(this);
    m_export->setObjectName(QStringLiteral("paretoExport"));
    m_export->setText(tr("Export..."));
    m_export->setToolTip(tr("Save the plot as PNG, SVG or PDF"));
    m_export->setAutoRaise(true);
    bar->addWidget(m_reset);
    bar->addWidget(m_export);
    static_cast<QVBoxLayout*>(layout())->addLayout(bar);

    const auto kpiPicked = [this] {
        if (m_updatingBoxes) return;
        applyKpis(m_xBox->currentData().toString(), m_yBox->currentData().toString(), true);
    };
    connect(m_xBox, &QComboBox::currentIndexChanged, this, kpiPicked);
    connect(m_yBox, &QComboBox::currentIndexChanged, this, kpiPicked);
    connect(m_logX, &QCheckBox::toggled, this, [this] { rebuild(true); });
    connect(m_logY, &QCheckBox::toggled, this, [this] { rebuild(true); });
    connect(m_reset, &QToolButton::clicked, this, &ParetoView::resetView);
    connect(m_export, &QToolButton::clicked, this, &ParetoView::exportInteractively);
}

void ParetoView::setExplorations(const ExplorationSet& explorations) {
    m_explorations = explorations;
    m_kpis = availableKpis(m_explorations);
    const QString warning = differingInputsWarning(m_explorations);
    m_warning->setText(warning);
    m_warning->setVisible(!warning.isEmpty());
    m_hover = {};
    if (!pointAt(m_explorations, m_selection)) m_selection = {};
    m_multiSelection.removeIf([this](PointRef r) { return !pointAt(m_explorations, r); });
    const QString oldX = m_scene.xKey, oldY = m_scene.yKey;
    applyKpis(m_wantedX, m_wantedY, false);
    rebuild(true);
    if (m_scene.xKey != oldX || m_scene.yKey != oldY) emit kpisChanged(m_scene.xKey, m_scene.yKey);
}

void ParetoView::setSelection(PointRef ref) {
    m_selection = ref;
    m_multiSelection.clear();
    if (ref.valid()) m_multiSelection.push_back(ref);
    updateMarks();
}

void ParetoView::setFilter(const PointMask& mask) {
    m_mask = mask;
    m_hover = {};
    rebuild(false);  // keep the user's zoom while they brush
}

void ParetoView::setKpis(const QString& x, const QString& y) {
    const QString oldX = m_scene.xKey, oldY = m_scene.yKey;
    applyKpis(x, y, false);
    if (m_scene.xKey != oldX || m_scene.yKey != oldY) rebuild(true);
}

void ParetoView::setLogScale(bool logX, bool logY) {
    if (logX == m_logX->isChecked() && logY == m_logY->isChecked()) return;
    const QSignalBlocker blockX(m_logX), blockY(m_logY);  // one rebuild for both
    m_logX->setChecked(logX);
    m_logY->setChecked(logY);
    rebuild(true);
}

// Resolves the wanted KPIs against those the points report and shows them in
// the boxes; the caller rebuilds (setExplorations) or applyKpis does when
// the user picked them.
void ParetoView::applyKpis(const QString& x, const QString& y, bool userChoice) {
    m_wantedX = x;
    m_wantedY = y;
    const QString shownX = fallbackKpi(m_kpis, x, y);
    const QString shownY = fallbackKpi(m_kpis, y, shownX);
    const bool changed = shownX != m_scene.xKey || shownY != m_scene.yKey;
    m_scene.xKey = shownX;
    m_scene.yKey = shownY;
    fillKpiBoxes();
    if (userChoice && changed) {
        rebuild(true);
        emit kpisChanged(shownX, shownY);
    }
}

void ParetoView::fillKpiBoxes() {
    m_updatingBoxes = true;
    for (QComboBox* box : {m_xBox, m_yBox}) {
        box->clear();
        // The label alone ("Latency"): the unit is on the axis and in the item's tooltip.
        for (const core::Kpi& kpi : m_kpis) {
            const QString key = QString::fromStdString(kpi.key);
            box->addItem(QString::fromStdString(kpi.label), key);
            box->setItemData(box->count() - 1, kpiTitle(m_kpis, key), Qt::ToolTipRole);
        }
    }
    m_xBox->setCurrentIndex(m_xBox->findData(m_scene.xKey));
    m_yBox->setCurrentIndex(m_yBox->findData(m_scene.yKey));
    m_updatingBoxes = false;
}

void ParetoView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        styleFromPalette();
        rebuild(false);
    }
}

bool ParetoView::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_plot && event->type() == QEvent::Leave && m_hover.valid()) {
        m_hover = {};
        updateMarks();
    }
    return QWidget::eventFilter(watched, event);
}

PointRef ParetoView::pointNear(QPoint pos) const {
    if (!m_plot->axisRect()->rect().contains(pos)) return {};
    QCPAxis* xAxis = m_plot->xAxis;
    QCPAxis* yAxis = m_plot->yAxis;
    const auto toPixel = [xAxis, yAxis](double x, double y) { return QPointF(xAxis->coordToPixel(x), yAxis->coordToPixel(y)); };
    return m_index.nearest(xAxis->pixelToCoord(pos.x() - kPickRadius), xAxis->pixelToCoord(pos.x() + kPickRadius), toPixel,
                           QPointF(pos), kPickRadius);
}

void ParetoView::onMousePress(QMouseEvent* event) {
    m_pressPos = event->pos();
    QToolTip::hideText();
    // The modifier held at the press decides what a left drag does: the
    // selection rectangle must be armed before QCustomPlot handles the press.
    QCP::SelectionRectMode mode = QCP::srmNone;
    if (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ShiftModifier)) mode = QCP::srmZoom;
    else if (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ControlModifier)) mode = QCP::srmCustom;
    m_plot->setSelectionRectMode(mode);
}

void ParetoView::onMouseMove(QMouseEvent* event) {
    if (event->buttons() != Qt::NoButton) return;
    const PointRef ref = pointNear(event->pos());
    if (ref == m_hover) return;
    m_hover = ref;
    updateMarks();
    if (ref.valid())
        QToolTip::showText(m_plot->mapToGlobal(event->pos()),
                           pointToolTip(m_explorations, ref, m_kpis, m_scene.xKey, m_scene.yKey), m_plot);
    else QToolTip::hideText();
}

void ParetoView::onMouseRelease(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || (event->pos() - m_pressPos).manhattanLength() > kClickSlop) return;
    const PointRef ref = pointNear(event->pos());
    if (!ref.valid()) return;
    if (event->modifiers() & Qt::ControlModifier) {
        if (!m_multiSelection.removeOne(ref)) m_multiSelection.push_back(ref);
        updateMarks();
        emit pointsSelected(m_multiSelection);
        return;
    }
    setSelection(ref);
    emit pointSelected(ref);
}

void ParetoView::onBoxSelected(const QRect& rect, QMouseEvent*) {
    if (m_plot->selectionRectMode() != QCP::srmCustom) return;
    QCPAxis* xAxis = m_plot->xAxis;
    QCPAxis* yAxis = m_plot->yAxis;
    m_multiSelection = m_index.inside(xAxis->pixelToCoord(rect.left()), xAxis->pixelToCoord(rect.right()),
                                      yAxis->pixelToCoord(rect.top()), yAxis->pixelToCoord(rect.bottom()));
    updateMarks();
    emit pointsSelected(m_multiSelection);
}

void ParetoView::exportInteractively() {
    const QString png = tr("PNG image (*.png)"), svg = tr("SVG drawing (*.svg)"), pdf = tr("PDF document (*.pdf)");
    QString filter = png;
    QString fileName = QFileDialog::getSaveFileName(this, tr("Export the Pareto plot"), QString(),
                                                    QStringList{png, svg, pdf}.join(QStringLiteral(";;")), &filter);
    if (fileName.isEmpty()) return;
    if (QFileInfo(fileName).suffix().isEmpty())
        fileName += filter == svg ? QStringLiteral(".svg") : filter == pdf ? QStringLiteral(".pdf") : QStringLiteral(".png");
    if (!exportTo(fileName))
        QMessageBox::warning(this, tr("Export failed"),
                             tr("Could not write %1.\nThe name must end in .png, .svg or .pdf, and its folder must exist "
                                "and be writable.")
                                 .arg(QDir::toNativeSeparators(fileName)));
}

}  // namespace tessera::views
