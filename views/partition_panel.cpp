#include "views/partition_panel.h"

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPixmap>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include "views/partition_shares_delegate.h"
#include "views/partition_table_model.h"
#include "views/resource_bars_widget.h"

namespace tessera::views {

namespace {

QComboBox* makeCombo(const QString& objectName, const QStringList& items, const QString& toolTip) {
    auto* combo = new QComboBox;
    combo->setObjectName(objectName);
    combo->addItems(items);
    combo->setToolTip(toolTip);
    return combo;
}

QLabel* caption(const QString& text) {
    auto* label = new QLabel(text);
    label->setContentsMargins(6, 0, 0, 0);
    return label;
}

double gainPct(double ours, double base) { return base > 0 ? 100.0 * (base - ours) / base : std::nan(""); }

QString baselineName(const QString& key) {
    return key == QLatin1String("balanced") ? QObject::tr("balanced") : QObject::tr("%1 alone").arg(key);
}

QString gainCell(double gain) {
    const QString text = PartitionTableModel::formatGain(gain);
    if (!std::isfinite(gain) || std::abs(gain) < 0.05) return text;
    return QStringLiteral("<span style='color:%1'>%2</span>").arg(gain > 0 ? QStringLiteral("#2e7d32") : QStringLiteral("#c62828"), text);
}

}  // namespace

PartitionPanel::PartitionPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("partitionPanel"));
    m_model = new PartitionTableModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(PartitionTableModel::kSortRole);
    createControls();
    clear();
}

void PartitionPanel::createControls() {
    m_platform = makeCombo(QStringLiteral("partitionPlatform"), {}, tr("Platform descriptor (devices, links, budgets)"));
    m_platform->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_method = makeCombo(QStringLiteral("partitionMethod"),
                         {QStringLiteral("best"), QStringLiteral("grouped-c"), QStringLiteral("grouped-n"),
                          QStringLiteral("tiling"), QStringLiteral("fused")},
                         tr("How a layer is cut: input channels (grouped-c), filters (grouped-n), output rows "
                            "(tiling), fused groups of layers over row tiles (fused); best picks per layer"));
    m_objective = makeCombo(QStringLiteral("partitionObjective"), {QStringLiteral("latency"), QStringLiteral("energy")},
                            tr("What the GP minimises"));
    m_schedule = makeCombo(QStringLiteral("partitionSchedule"), {QStringLiteral("concurrent"), QStringLiteral("sequential")},
                           tr("Concurrent: devices run in parallel (max of latencies); sequential: one after another (sum)"));
    m_run = new QPushButton(tr("Run"));
    m_run->setObjectName(QStringLiteral("partitionRun"));
    m_run->setDefault(true);
    m_run->setToolTip(tr("Partition every convolution and fully-connected layer of the open network"));
    m_cancel = new QPushButton(tr("Cancel"));
    m_cancel->setObjectName(QStringLiteral("partitionCancel"));
    m_cancel->hide();
    m_progress = new QProgressBar;
    m_progress->setRange(0, 100);
    m_progress->setMaximumWidth(200);
    m_progress->hide();
    connect(m_run, &QPushButton::clicked, this, [this]() { emit runRequested(settings()); });
    connect(m_cancel, &QPushButton::clicked, this, &PartitionPanel::cancelRequested);

    auto* controls = new QHBoxLayout;
    controls->setContentsMargins(0, 0, 0, 0);
    controls->addWidget(caption(tr("Platform")));
    controls->addWidget(m_platform);
    controls->addWidget(caption(tr("Method")));
    controls->addWidget(m_method);
    controls->addWidget(caption(tr("Objective")));
    controls->addWidget(m_objective);
    controls->addWidget(caption(tr("Schedule")));
    controls->addWidget(m_schedule);
    controls->addSpacing(8);
    controls->addWidget(m_run);
    controls->addWidget(m_cancel);
    controls->addWidget(m_progress);
    controls->addStretch(1);

    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("partitionMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setContentsMargins(6, 3, 6, 3);

    // Left: legend, the units' table (or the hint).
    m_legend = new QLabel;
    m_legend->setObjectName(QStringLiteral("partitionLegend"));
    m_legend->setTextFormat(Qt::RichText);
    m_hint = new QLabel(emptyHint());
    m_hint->setObjectName(QStringLiteral("partitionHint"));
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_hint->setStyleSheet(QStringLiteral("QLabel { color: #6b6b6b; font-size: 12pt; }"));
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("partitionTable"));
    m_table->setModel(m_proxy);
    m_table->setItemDelegateForColumn(PartitionTableModel::SharesColumn, new PartitionSharesDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    // Network order until the user clicks a header.
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    header->setMinimumSectionSize(40);
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('m'));
    header->resizeSection(PartitionTableModel::LayerColumn, 15 * em);
    header->resizeSection(PartitionTableModel::MethodColumn, 7 * em);
    header->resizeSection(PartitionTableModel::SharesColumn, 14 * em);
    header->resizeSection(PartitionTableModel::LatencyColumn, 7 * em);
    header->resizeSection(PartitionTableModel::EnergyColumn, 7 * em);
    header->resizeSection(PartitionTableModel::GainLatencyColumn, 7 * em);
    header->resizeSection(PartitionTableModel::GainEnergyColumn, 8 * em);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &PartitionPanel::onCurrentRowChanged);
    m_stack = new QStackedWidget;
    m_stack->addWidget(m_hint);
    m_stack->addWidget(m_table);

    auto* left = new QWidget;
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->setSpacing(2);
    // The network total against the baselines, under the units.
    m_totals = new QLabel;
    m_totals->setObjectName(QStringLiteral("partitionTotals"));
    m_totals->setTextFormat(Qt::RichText);
    m_totals->setWordWrap(true);
    m_totals->setTextInteractionFlags(Qt::TextSelectableByMouse);
    leftLayout->addWidget(m_legend);
    leftLayout->addWidget(m_stack, 1);
    leftLayout->addWidget(m_totals);

    auto* unitBox = new QGroupBox(tr("Selected unit"));
    m_unitTitle = new QLabel;
    m_unitTitle->setObjectName(QStringLiteral("partitionUnitTitle"));
    m_unitTitle->setWordWrap(true);
    m_unitTitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_devices = new QTableWidget(0, 5);
    m_devices->setObjectName(QStringLiteral("partitionDevices"));
    m_devices->setHorizontalHeaderLabels({tr("Device"), tr("Share"), tr("Compute ms"), tr("Transfer ms"), tr("Energy mJ")});
    m_devices->verticalHeader()->hide();
    m_devices->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_devices->setSelectionMode(QAbstractItemView::NoSelection);
    m_devices->setFocusPolicy(Qt::NoFocus);
    m_devices->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_devices->horizontalHeader()->setStretchLastSection(false);
    m_devices->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_devices->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_devices->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_resourcesTitle = new QLabel(tr("FPGA resources (bold: active constraint)"));
    m_resources = new ResourceBarsWidget;
    m_resources->setObjectName(QStringLiteral("partitionResources"));
    auto* unitLayout = new QVBoxLayout(unitBox);
    unitLayout->addWidget(m_unitTitle);
    unitLayout->addWidget(m_devices);
    unitLayout->addWidget(m_resourcesTitle);
    unitLayout->addWidget(m_resources);
    unitLayout->addStretch(1);

    auto* right = new QWidget;
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(unitBox, 1);
    auto* rightScroll = new QScrollArea;
    rightScroll->setWidget(right);
    rightScroll->setWidgetResizable(true);
    rightScroll->setFrameShape(QFrame::NoFrame);
    rightScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->setObjectName(QStringLiteral("partitionSplitter"));
    splitter->addWidget(left);
    splitter->addWidget(rightScroll);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({900, 520});
    splitter->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addLayout(controls);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);
}

QString PartitionPanel::emptyHint() { return tr("Pick a platform and press Run to partition every convolution and "
                                                "fully-connected layer across its CPU, GPU and FPGA."); }

void PartitionPanel::setPlatforms(const QStringList& names, const QString& current) {
    const QString keep = current.isEmpty() ? m_platform->currentText() : current;
    m_platform->clear();
    m_platform->addItems(names);
    const int index = m_platform->findText(keep);
    if (index >= 0) m_platform->setCurrentIndex(index);
}

PartitionSettings PartitionPanel::settings() const {
    PartitionSettings s;
    s.platform = m_platform->currentText();
    s.method = m_method->currentText();
    s.objective = m_objective->currentText();
    s.schedule = m_schedule->currentText();
    return s;
}

void PartitionPanel::setSettings(const PartitionSettings& s) {
    auto pick = [](QComboBox* combo, const QString& text) {
        const int i = combo->findText(text);
        if (i >= 0) combo->setCurrentIndex(i);
    };
    pick(m_platform, s.platform);
    pick(m_method, s.method);
    pick(m_objective, s.objective);
    pick(m_schedule, s.schedule);
}

const PartitionResult& PartitionPanel::result() const { return m_model->result(); }

QString PartitionPanel::message() const { return m_message->text(); }

void PartitionPanel::setMessage(const QString& text, Severity severity) {
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    switch (severity) {
    case Severity::Info: m_message->setStyleSheet(QString()); break;
    case Severity::Warning: m_message->setStyleSheet(QStringLiteral("QLabel { background: #fff3e0; color: #7a4a00; }")); break;
    case Severity::Error: m_message->setStyleSheet(QStringLiteral("QLabel { background: #ffebee; color: #b71c1c; }")); break;
    }
}

void PartitionPanel::clear(const QString& message) {
    m_syncing = true;
    m_model->clear();
    m_syncing = false;
    m_stack->setCurrentWidget(m_hint);
    m_hint->setText(message.isEmpty() ? emptyHint() : message);
    m_legend->clear();
    m_legend->hide();
    setMessage(QString(), Severity::Info);
    showTotals();
    showUnit(-1);
}

void PartitionPanel::showError(const QString& message) {
    clear();
    setMessage(message, Severity::Error);
}

void PartitionPanel::setResult(const PartitionResult& result) {
    m_syncing = true;
    m_model->setResult(result);
    m_syncing = false;
    m_stack->setCurrentWidget(result.rows.isEmpty() ? static_cast<QWidget*>(m_hint) : m_table);
    if (result.rows.isEmpty())
        m_hint->setText(result.ok ? tr("No convolution or fully-connected layer to partition.") : tr("No result."));

    QString legend = tr("<b>%1</b> on <b>%2</b> &nbsp; ").arg(result.network.toHtmlEscaped(), result.platform.toHtmlEscaped());
    for (int i = 0; i < result.devices.size(); ++i) {
        const PartitionDevice& d = result.devices[i];
        legend += QStringLiteral("<span style='color:%1'>&#9632;</span>&nbsp;<span title='%2'>%3</span> &nbsp; ")
                      .arg(partitionDeviceColor(d.kind, i).name(), d.name.toHtmlEscaped(), d.id.toHtmlEscaped());
    }
    // Fit the columns to this result; the layer column elides past ~24 em.
    QHeaderView* header = m_table->horizontalHeader();
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('m'));
    for (int c = 0; c < PartitionTableModel::ColumnCount; ++c) {
        if (c == PartitionTableModel::SharesColumn) continue;
        m_table->resizeColumnToContents(c);
    }
    header->resizeSection(PartitionTableModel::LayerColumn,
                          std::min(header->sectionSize(PartitionTableModel::LayerColumn), 24 * em));
    header->resizeSection(PartitionTableModel::SharesColumn, 13 * em);
    m_legend->setText(legend);
    m_legend->setToolTip(QString());
    m_legend->setVisible(true);

    QString text = result.message;
    if (result.ok) {
        text = result.message.isEmpty() || result.message == QLatin1String("optimal")
                   ? tr("%n unit(s), %1 GPs", nullptr, int(result.rows.size())).arg(result.gpSolves)
                   : result.message;
        setMessage(tr("%1, in %2 s").arg(text).arg(result.seconds, 0, 'f', 2), Severity::Info);
    } else {
        setMessage(QStringLiteral("%1: %2").arg(result.status, result.message),
                   result.status == QLatin1String("infeasible") || result.status == QLatin1String("cancelled")
                       ? Severity::Warning
                       : Severity::Error);
    }
    showTotals();
    showUnit(-1);
}

void PartitionPanel::setRunning(bool running) {
    m_running = running;
    m_run->setEnabled(!running);
    m_cancel->setVisible(running);
    m_progress->setVisible(running);
    if (running) {
        m_progress->setValue(0);
        setMessage(tr("Partitioning…"), Severity::Info);
    }
}

void PartitionPanel::setProgress(int percent, const QString& message) {
    m_progress->setValue(percent);
    if (m_running && !message.isEmpty()) setMessage(message, Severity::Info);
}

void PartitionPanel::showCancelled() {
    setRunning(false);
    setMessage(m_model->rowCount() > 0 ? tr("Cancelled; the previous result stays shown.") : tr("Cancelled."),
               Severity::Warning);
}

void PartitionPanel::selectLayer(const QString& layer) {
    const int row = m_model->rowOfLayer(layer);
    m_syncing = true;
    if (row < 0) {
        m_table->selectionModel()->clear();
        showUnit(-1);
    } else {
        const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
        m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_table->scrollTo(index);
    }
    m_syncing = false;
}

void PartitionPanel::onCurrentRowChanged() {
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    const int row = current.isValid() ? m_proxy->mapToSource(current).row() : -1;
    showUnit(row);
    if (m_syncing || row < 0) return;
    const PartitionRow& unit = m_model->result().rows[row];
    if (!unit.layers.isEmpty()) emit layerActivated(unit.layers.front());
}

void PartitionPanel::showTotals() {
    const PartitionResult& r = m_model->result();
    if (r.rows.isEmpty()) {
        m_totals->clear();
        m_totals->hide();
        return;
    }
    // One column per point (ours, then each baseline), one row per figure.
    QString head = QStringLiteral("<th align=left>%1</th><th align=right>&nbsp;&nbsp;%2</th>").arg(tr("Network total"), tr("partitioned"));
    QString latency = QStringLiteral("<td>%1</td><td align=right><b>%2</b></td>").arg(tr("latency ms"), PartitionTableModel::formatNumber(r.latencyMs));
    QString energy = QStringLiteral("<td>%1</td><td align=right><b>%2</b></td>").arg(tr("energy mJ"), PartitionTableModel::formatNumber(r.energyMj));
    QString gainLat = QStringLiteral("<td>%1</td><td></td>").arg(tr("latency gain"));
    QString gainEnergy = QStringLiteral("<td>%1</td><td></td>").arg(tr("energy gain"));
    QStringList infeasible;
    for (const PartitionBaseline& b : r.baselines) {
        const QString mark = b.feasible ? QString() : QStringLiteral("<span style='color:#c62828'>&nbsp;✗</span>");
        head += QStringLiteral("<th align=right>&nbsp;&nbsp;%1%2</th>").arg(baselineName(b.name).toHtmlEscaped(), mark);
        latency += QStringLiteral("<td align=right>%1</td>").arg(PartitionTableModel::formatNumber(b.latencyMs));
        energy += QStringLiteral("<td align=right>%1</td>").arg(PartitionTableModel::formatNumber(b.energyMj));
        // Gains of the partition over the baseline: positive means the partition is better.
        gainLat += QStringLiteral("<td align=right>%1</td>").arg(gainCell(gainPct(r.latencyMs, b.latencyMs)));
        gainEnergy += QStringLiteral("<td align=right>%1</td>").arg(gainCell(gainPct(r.energyMj, b.energyMj)));
        if (!b.feasible) infeasible << tr("%1 infeasible: %2").arg(baselineName(b.name), b.reason).toHtmlEscaped();
    }
    QString html = QStringLiteral("<table cellspacing=0 cellpadding=1><tr>%1</tr><tr>%2</tr><tr>%3</tr><tr>%4</tr><tr>%5</tr></table>")
                       .arg(head, latency, energy, gainLat, gainEnergy);
    if (!infeasible.isEmpty())
        html += QStringLiteral("<span style='color:#c62828'>✗ %1</span>").arg(infeasible.join(QStringLiteral("; ")));
    m_totals->setText(html);
    m_totals->show();
}

void PartitionPanel::showUnit(int row) {
    const PartitionResult& r = m_model->result();
    m_devices->setRowCount(0);
    if (row < 0 || row >= r.rows.size()) {
        m_unitTitle->setText(r.rows.isEmpty() ? tr("<i>Run a partition to see a unit's split.</i>")
                                              : tr("<i>Select a row to see its devices and FPGA resources.</i>"));
        m_devices->hide();
        m_resourcesTitle->hide();
        m_resources->setResources({});
        m_resources->hide();
        return;
    }
    const PartitionRow& u = r.rows[row];
    QString title = QStringLiteral("<b>%1</b><br>%2, %3 %4 — %5")
                        .arg(u.layers.size() > 1 ? u.layers.join(QStringLiteral(", ")).toHtmlEscaped() : u.layer.toHtmlEscaped(),
                             u.method)
                        .arg(u.units)
                        .arg(u.cut, u.status);
    // A solved unit's message is solver detail (GPs, convergence): a tooltip.
    if (!u.ok && !u.message.isEmpty() && u.message != u.status) title += QStringLiteral("<br>%1").arg(u.message.toHtmlEscaped());
    m_unitTitle->setToolTip(u.message);
    if (u.ok)
        title += tr("<br>%1 ms, %2 mJ; vs balanced %3 latency, %4 energy")
                     .arg(PartitionTableModel::formatNumber(u.latencyMs), PartitionTableModel::formatNumber(u.energyMj),
                          gainCell(u.gainLatencyPct), gainCell(u.gainEnergyPct));
    m_unitTitle->setText(title);

    m_devices->setVisible(u.ok && !u.slices.isEmpty());
    m_devices->setRowCount(static_cast<int>(u.slices.size()));
    for (int i = 0; i < u.slices.size(); ++i) {
        const PartitionSlice& s = u.slices[i];
        int deviceIndex = 0;
        QString kind;
        for (int d = 0; d < r.devices.size(); ++d)
            if (r.devices[d].id == s.device) {
                deviceIndex = d;
                kind = r.devices[d].kind;
            }
        auto* name = new QTableWidgetItem(s.device);
        name->setIcon([&]() {
            QPixmap swatch(10, 10);
            swatch.fill(partitionDeviceColor(kind, deviceIndex));
            return QIcon(swatch);
        }());
        m_devices->setItem(i, 0, name);
        const double pct = u.units > 0 ? 100.0 * s.share / static_cast<double>(u.units) : 0;
        const QStringList cells{QStringLiteral("%1 (%2%)").arg(s.share, 0, 'f', 0).arg(pct, 0, 'f', 1),
                                PartitionTableModel::formatNumber(s.latencyMs), PartitionTableModel::formatNumber(s.transferMs),
                                PartitionTableModel::formatNumber(s.energyMj)};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_devices->setItem(i, c + 1, item);
        }
    }
    const int height = m_devices->horizontalHeader()->height() + m_devices->verticalHeader()->length() + 2 * m_devices->frameWidth();
    m_devices->setFixedHeight(height);

    m_resourcesTitle->setVisible(u.ok);
    m_resources->setVisible(u.ok);
    m_resources->setResources(u.resources);
}

}  // namespace tessera::views
