#include "views/point_summary_model.h"

#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

#include <cmath>
#include <limits>

#include "views/decision_text.h"
#include "views/table_row_copy.h"

namespace tessera::views {
namespace {

using Model = PointSummaryModel;

QString text(const std::string& s) { return QString::fromStdString(s); }

double kpiOf(const core::PointSummary& p, int column) {
    switch (column) {
    case Model::LatencyColumn: return p.latencyMs;
    case Model::EnergyColumn: return p.energyMj;
    case Model::PowerColumn: return p.powerW;
    default: return std::nan("");
    }
}

bool isKpi(int column) { return column == Model::LatencyColumn || column == Model::EnergyColumn || column == Model::PowerColumn; }
bool isNumeric(int column) { return isKpi(column) || column == Model::PointColumn; }

}  // namespace

PointSummaryModel::PointSummaryModel(QObject* parent) : QAbstractTableModel(parent) {}

void PointSummaryModel::setPoints(std::vector<core::PointSummary> points) {
    beginResetModel();
    m_rows = std::move(points);
    endResetModel();
}

int PointSummaryModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(m_rows.size()); }

int PointSummaryModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant PointSummaryModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const core::PointSummary& p = m_rows[static_cast<std::size_t>(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole: return displayValue(p, column);
    case kSortRole:
        if (isKpi(column)) {
            const double v = kpiOf(p, column);
            return std::isnan(v) ? std::numeric_limits<double>::infinity() : v;
        }
        if (column == ExplorationColumn) return QVariant::fromValue<qlonglong>(p.exploration);
        if (column == PointColumn) return QVariant::fromValue<qlonglong>(p.index);
        return displayValue(p, column);
    case kCopyRole:
        if (isKpi(column)) {
            const double v = kpiOf(p, column);
            return std::isnan(v) ? QString() : QString::number(v, 'g', QLocale::FloatingPointShortest);
        }
        return {};
    case kExplorationIdRole: return QVariant::fromValue<qlonglong>(p.exploration);
    case kPointIndexRole: return QVariant::fromValue<qlonglong>(p.index);
    case Qt::ForegroundRole:
        if (!p.feasible) return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment((isNumeric(column) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    default: return {};
    }
}

QVariant PointSummaryModel::displayValue(const core::PointSummary& p, int column) const {
    switch (column) {
    case ExplorationColumn:
        return p.name.empty() ? QString::number(p.exploration) : QString::number(p.exploration) + QStringLiteral(" · ") + text(p.name);
    case PointColumn: return QVariant::fromValue<qlonglong>(p.index);
    case LabelColumn: return text(p.label);
    case StrategyColumn: return text(p.strategy);
    case NetworkColumn: return text(p.network);
    case StatusColumn: return text(std::string(core::statusName(p.status)));
    case LatencyColumn:
    case EnergyColumn:
    case PowerColumn: return figureText(kpiOf(p, column));
    case FeasibleColumn: return p.feasible ? tr("yes") : tr("no");
    case FrontColumn: return p.baseline ? tr("baseline") : p.onFront ? tr("front") : QString();
    default: return {};
    }
}

QVariant PointSummaryModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount) return {};
    static const char* const kTitles[ColumnCount] = {
        QT_TR_NOOP("Exploration"), QT_TR_NOOP("Point"),        QT_TR_NOOP("Label"),     QT_TR_NOOP("Strategy"),
        QT_TR_NOOP("Network"),     QT_TR_NOOP("Status"),       QT_TR_NOOP("Latency (ms)"), QT_TR_NOOP("Energy (mJ)"),
        QT_TR_NOOP("Power (W)"),   QT_TR_NOOP("Feasible"),     QT_TR_NOOP("Front")};
    return tr(kTitles[section]);
}

}  // namespace tessera::views
