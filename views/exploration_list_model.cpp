#include "views/exploration_list_model.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>

#include "views/decision_text.h"
#include "views/table_row_copy.h"

namespace tessera::views {
namespace {

using Model = ExplorationListModel;

QString text(const std::string& s) { return QString::fromStdString(s); }

QString tagsText(const core::ExplorationSummary& s) {
    QStringList tags;
    for (const auto& t : s.tags) tags << text(t);
    return tags.join(QStringLiteral(", "));
}

QDateTime createdTime(const core::ExplorationSummary& s) { return QDateTime::fromString(text(s.created), Qt::ISODate); }

bool isNumeric(int column) {
    return column == Model::IdColumn || column == Model::PointsColumn || column == Model::BestLatencyColumn ||
           column == Model::BestEnergyColumn;
}

// A missing KPI sorts after every value.
double sortable(double kpi) { return std::isnan(kpi) ? std::numeric_limits<double>::infinity() : kpi; }

// The first lines of a note, for a tooltip.
QString notesPreview(const std::string& notes) {
    QStringList lines = text(notes).split(QLatin1Char('\n'));
    constexpr int kLines = 12;
    if (lines.size() > kLines) {
        lines = lines.mid(0, kLines);
        lines << QStringLiteral("…");
    }
    return lines.join(QLatin1Char('\n'));
}

}  // namespace

ExplorationListModel::ExplorationListModel(QObject* parent) : QAbstractTableModel(parent) {}

void ExplorationListModel::setSummaries(std::vector<core::ExplorationSummary> summaries) {
    beginResetModel();
    m_rows = std::move(summaries);
    endResetModel();
}

int ExplorationListModel::rowOf(qint64 id) const {
    const auto it = std::find_if(m_rows.begin(), m_rows.end(), [&](const auto& s) { return s.id == id; });
    return it == m_rows.end() ? -1 : static_cast<int>(it - m_rows.begin());
}

void ExplorationListModel::setNotes(qint64 id, const QString& notes) {
    const int row = rowOf(id);
    if (row < 0) return;
    m_rows[static_cast<std::size_t>(row)].notes = notes.toStdString();
    emit dataChanged(index(row, NotesColumn), index(row, NotesColumn));
}

void ExplorationListModel::addTag(qint64 id, const QString& tag) {
    const int row = rowOf(id);
    if (row < 0) return;
    auto& tags = m_rows[static_cast<std::size_t>(row)].tags;
    const std::string t = tag.toStdString();
    const auto at = std::lower_bound(tags.begin(), tags.end(), t);
    if (at != tags.end() && *at == t) return;
    tags.insert(at, t);
    emit dataChanged(index(row, TagsColumn), index(row, TagsColumn));
}

int ExplorationListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ExplorationListModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ExplorationListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const core::ExplorationSummary& s = m_rows[static_cast<std::size_t>(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole: return displayValue(s, column);
    case Qt::EditRole: return column == NameColumn ? QVariant(text(s.name)) : QVariant();
    case kSortRole: return sortValue(s, column);
    case kIdRole: return QVariant::fromValue<qlonglong>(s.id);
    case kFilterRole: return column == NotesColumn ? QVariant(text(s.notes)) : displayValue(s, column);
    case kCopyRole:
        if (column == BestLatencyColumn || column == BestEnergyColumn) {
            const double v = column == BestLatencyColumn ? s.bestLatencyMs : s.bestEnergyMj;
            return std::isnan(v) ? QString() : QString::number(v, 'g', QLocale::FloatingPointShortest);
        }
        if (column == PointsColumn) return QString::number(s.points);
        if (column == CreatedColumn) return text(s.created);
        if (column == NotesColumn) return text(s.notes);
        return {};
    case Qt::ToolTipRole:
        if (column == NotesColumn) return s.notes.empty() ? QVariant() : QVariant(notesPreview(s.notes));
        if (column == CreatedColumn) return text(s.created);
        if (column == BestLatencyColumn || column == BestEnergyColumn)
            return tr("The least over the exploration's feasible points; \"-\" when none is feasible");
        return displayValue(s, column);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment(
            (isNumeric(column) ? Qt::AlignRight : column == NotesColumn ? Qt::AlignHCenter : Qt::AlignLeft) | Qt::AlignVCenter));
    default: return {};
    }
}

QVariant ExplorationListModel::displayValue(const core::ExplorationSummary& s, int column) const {
    switch (column) {
    case IdColumn: return QVariant::fromValue<qlonglong>(s.id);
    case NameColumn: return text(s.name);
    case NetworkColumn: return text(s.network);
    case PlatformColumn: return text(s.platform);
    case StrategyColumn: return text(s.strategy);
    case TagsColumn: return tagsText(s);
    case CreatedColumn: {
        const QDateTime t = createdTime(s);
        return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : text(s.created);
    }
    case PointsColumn: return QLocale().toString(static_cast<qlonglong>(s.points));
    case BestLatencyColumn: return figureText(s.bestLatencyMs);
    case BestEnergyColumn: return figureText(s.bestEnergyMj);
    case StatusColumn: return text(std::string(core::statusName(s.status)));
    case NotesColumn: return s.notes.empty() ? QString() : QStringLiteral("\u270E");
    default: return {};
    }
}

QVariant ExplorationListModel::sortValue(const core::ExplorationSummary& s, int column) const {
    switch (column) {
    case IdColumn: return QVariant::fromValue<qlonglong>(s.id);
    case CreatedColumn: {
        const QDateTime t = createdTime(s);
        return QVariant::fromValue<qlonglong>(t.isValid() ? t.toMSecsSinceEpoch() : std::numeric_limits<qlonglong>::min());
    }
    case PointsColumn: return QVariant::fromValue<qlonglong>(s.points);
    case BestLatencyColumn: return sortable(s.bestLatencyMs);
    case BestEnergyColumn: return sortable(s.bestEnergyMj);
    case NotesColumn: return s.notes.empty() ? 0 : 1;
    default: return displayValue(s, column);
    }
}

QVariant ExplorationListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount) return {};
    static const char* const kTitles[ColumnCount] = {
        QT_TR_NOOP("ID"),        QT_TR_NOOP("Name"),    QT_TR_NOOP("Network"), QT_TR_NOOP("Platform"),
        QT_TR_NOOP("Strategy"),  QT_TR_NOOP("Tags"),    QT_TR_NOOP("Created"), QT_TR_NOOP("Points"),
        QT_TR_NOOP("Best latency\n(ms)"), QT_TR_NOOP("Best energy\n(mJ)"), QT_TR_NOOP("Status"),  QT_TR_NOOP("Notes")};
    // The notes column is titled with its pencil: at 1024 px every column fits.
    if (role == Qt::DisplayRole) return section == NotesColumn ? QStringLiteral("\u270E") : tr(kTitles[section]);
    if (role == kCopyRole) return tr(kTitles[section]);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case BestLatencyColumn: return tr("Best latency (ms) over the feasible points");
        case BestEnergyColumn: return tr("Best energy (mJ) over the feasible points");
        case NameColumn: return tr("Double-click to open; F2 renames");
        case NotesColumn: return tr("Notes: a pencil when the exploration has notes");
        default: return {};
        }
    }
    return {};
}

Qt::ItemFlags ExplorationListModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == NameColumn) f |= Qt::ItemIsEditable;
    return f;
}

bool ExplorationListModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::EditRole || index.column() != NameColumn ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const QString name = value.toString().trimmed();
    core::ExplorationSummary& s = m_rows[static_cast<std::size_t>(index.row())];
    if (name.isEmpty() || name == text(s.name)) return false;
    s.name = name.toStdString();
    emit dataChanged(index, index);
    emit nameEdited(s.id, name);
    return true;
}

}  // namespace tessera::views
