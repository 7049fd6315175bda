#include "views/exploration_browser.h"

#include <QAction>
#include <QClipboard>
#include <QCompleter>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStringListModel>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <set>

#include "views/exploration_list_model.h"
#include "views/kpi_range_bar.h"
#include "views/notes_editor.h"
#include "views/point_summary_model.h"
#include "views/table_row_copy.h"

namespace tessera::views {
namespace {

using Model = ExplorationListModel;

QTableView* makeTable(QWidget* parent, QAbstractItemModel* model) {
    auto* table = new QTableView(parent);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table->setAlternatingRowColors(true);
    table->setSortingEnabled(true);
    table->setWordWrap(false);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);  // renaming goes through the Rename action (F2)
    table->setContextMenuPolicy(Qt::CustomContextMenu);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->horizontalHeader()->setHighlightSections(false);
    table->horizontalHeader()->setStretchLastSection(false);
    installRowCopy(table);
    return table;
}

QSortFilterProxyModel* makeProxy(QObject* parent, QAbstractItemModel* source, int sortRole) {
    auto* proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(source);
    proxy->setSortRole(sortRole);
    proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    proxy->setSortLocaleAware(true);
    return proxy;
}

// Columns as wide as their contents or their title's longest line, long
// texts (names, platforms) elided beyond about 18 characters. (QHeaderView's
// own fit gives every column the room of a one-line title and an arrow.)
void fitColumns(QTableView* table) {
    const QFontMetrics metrics = table->horizontalHeader()->fontMetrics();
    const int cap = metrics.horizontalAdvance(QLatin1Char('x')) * 18;
    // Room for the title, its margins and the sort arrow, which the style
    // sizes by the header's height.
    const int margin = table->style()->pixelMetric(QStyle::PM_HeaderMargin);
    const int padding = 3 * margin + table->horizontalHeader()->sizeHint().height() / 2;
    const QAbstractItemView* view = table;  // (QTableView hides the public sizeHintForColumn)
    for (int c = 0; c < table->model()->columnCount(); ++c) {
        int title = 0;
        for (const QString& line : table->model()->headerData(c, Qt::Horizontal).toString().split(QLatin1Char('\n')))
            title = std::max(title, metrics.horizontalAdvance(line) + padding);
        table->setColumnWidth(c, std::min(std::max(view->sizeHintForColumn(c), title), cap));
    }
}

// A context-menu entry that copies like Ctrl+C does (the key itself is
// handled by installRowCopy; the shortcut here is only shown).
QAction* copyRowsAction(QTableView* table, QMenu* menu) {
    QAction* copy = menu->addAction(QObject::tr("Copy rows"));
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    QObject::connect(copy, &QAction::triggered, table, [table] {
        if (const QString text = selectedRowsText(*table); !text.isEmpty()) QGuiApplication::clipboard()->setText(text);
    });
    return copy;
}

}  // namespace

ExplorationBrowser::ExplorationBrowser(QWidget* parent)
    : QWidget(parent),
      m_model(new ExplorationListModel(this)),
      m_proxy(makeProxy(this, m_model, Model::kSortRole)),
      m_table(makeTable(this, m_proxy)),
      m_filter(new QLineEdit(this)),
      m_notes(new NotesEditor(this)),
      m_kpiBar(new KpiRangeBar(this)),
      m_pointModel(new PointSummaryModel(this)),
      m_pointProxy(makeProxy(this, m_pointModel, PointSummaryModel::kSortRole)),
      m_pointsTable(makeTable(this, m_pointProxy)),
      m_tabs(new QTabWidget(this)),
      m_footer(new QLabel(this)) {
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterRole(Model::kFilterRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_table->sortByColumn(Model::IdColumn, Qt::DescendingOrder);  // newest first, as the store lists them
    m_table->setToolTip(tr("Double-click or Return opens; F2 renames; Ctrl+C copies the selected rows"));
    m_pointsTable->sortByColumn(PointSummaryModel::LatencyColumn, Qt::AscendingOrder);
    m_pointsTable->setSelectionMode(QAbstractItemView::ExtendedSelection);

    m_filter->setPlaceholderText(tr("Filter: any column or the notes"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_proxy->setFilterFixedString(text.trimmed());
        updateFooter();
    });

    createActions();
    auto* toolbar = new QToolBar(this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    for (QAction* a : m_actions) {
        if (a == action(Action::OpenDatabase)) toolbar->addSeparator();
        toolbar->addAction(a);
    }
    auto* top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(toolbar);
    top->addWidget(m_filter, 1);

    auto* pointsPane = new QWidget(this);
    auto* pointsLayout = new QVBoxLayout(pointsPane);
    pointsLayout->addWidget(m_kpiBar);
    pointsLayout->addWidget(m_pointsTable, 1);
    auto* notesPane = new QWidget(this);
    auto* notesLayout = new QVBoxLayout(notesPane);
    notesLayout->addWidget(m_notes);

    // The table keeps the whole width (twelve columns at 1024 px); the
    // notes and the point search share the space below it as tabs.
    m_tabs->addTab(notesPane, tr("Notes"));
    m_tabs->addTab(pointsPane, tr("Points by KPI range"));
    m_tabs->setTabToolTip(1, tr("Search the design points of every exploration by latency, energy and power"));
    m_tabs->setDocumentMode(true);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    m_footer->setTextFormat(Qt::PlainText);
    m_footer->setMinimumWidth(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);  // a page or a dock: its frame has margins of its own
    layout->addLayout(top);
    layout->addWidget(buildTagBar());
    layout->addWidget(splitter, 1);
    layout->addWidget(m_footer);

    connect(m_table, &QTableView::activated, this, &ExplorationBrowser::openSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ExplorationBrowser::updateActions);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ExplorationBrowser::onCurrentChanged);
    connect(m_table, &QTableView::customContextMenuRequested, this, [this](const QPoint& at) {
        QMenu menu(this);
        for (QAction* a : m_actions)
            if (a != action(Action::OpenDatabase) && a != action(Action::Refresh)) menu.addAction(a);
        menu.addSeparator();
        copyRowsAction(m_table, &menu)->setEnabled(!selectedIds().isEmpty());
        menu.exec(m_table->viewport()->mapToGlobal(at));
    });
    connect(m_model, &ExplorationListModel::nameEdited, this, &ExplorationBrowser::renameRequested);
    connect(m_notes, &NotesEditor::notesEdited, this, [this](qint64 id, const QString& text) {
        m_model->setNotes(id, text);
        emit notesEdited(id, text);
    });
    connect(m_kpiBar, &KpiRangeBar::searchRequested, this, &ExplorationBrowser::requestKpiSearch);
    connect(m_pointsTable, &QTableView::activated, this, &ExplorationBrowser::openPoint);
    connect(m_pointsTable, &QTableView::customContextMenuRequested, this, [this](const QPoint& at) {
        QMenu menu(this);
        const QModelIndex index = m_pointsTable->indexAt(at);
        QAction* open = menu.addAction(tr("Open point"));
        open->setEnabled(index.isValid());
        connect(open, &QAction::triggered, this, [this, index] { openPoint(index); });
        copyRowsAction(m_pointsTable, &menu)->setEnabled(m_pointsTable->selectionModel()->hasSelection());
        menu.exec(m_pointsTable->viewport()->mapToGlobal(at));
    });

    m_notes->clearSubject();
    updateActions();
    updateFooter();
}

void ExplorationBrowser::createActions() {
    struct Spec {
        Action which;
        const char* text;
        const char* tip;
        QKeySequence key;
    };
    const Spec specs[] = {
        {Action::Open, QT_TR_NOOP("Open"), QT_TR_NOOP("Open the selected explorations (Return)"), {}},
        {Action::Rename, QT_TR_NOOP("Rename"), QT_TR_NOOP("Rename the current exploration in place (F2)"), QKeySequence(Qt::Key_F2)},
        {Action::AddTag, QT_TR_NOOP("Add tag…"), QT_TR_NOOP("Tag the selected explorations (Ctrl+T)"), QKeySequence(Qt::CTRL | Qt::Key_T)},
        {Action::Delete, QT_TR_NOOP("Delete…"), QT_TR_NOOP("Delete the selected explorations from the database (Del)"),
         QKeySequence::Delete},
        {Action::OpenDatabase, QT_TR_NOOP("Open database…"), QT_TR_NOOP("Browse another exploration database file"), {}},
        {Action::Refresh, QT_TR_NOOP("Refresh"), QT_TR_NOOP("Read the database again (F5)"), QKeySequence::Refresh},
    };
    for (const Spec& s : specs) {
        auto* a = new QAction(tr(s.text), this);
        a->setToolTip(tr(s.tip));
        a->setShortcut(s.key);
        // The browser's own keys, not the window's; those acting on the
        // selected explorations only while their table has the focus (Del
        // in the points table or a text field is not a deletion).
        const bool onSelection = s.which != Action::OpenDatabase && s.which != Action::Refresh;
        a->setShortcutContext(onSelection ? Qt::WidgetShortcut : Qt::WidgetWithChildrenShortcut);
        (onSelection ? static_cast<QWidget*>(m_table) : this)->addAction(a);
        m_actions << a;
    }
    connect(action(Action::Open), &QAction::triggered, this, &ExplorationBrowser::openSelected);
    connect(action(Action::Rename), &QAction::triggered, this, &ExplorationBrowser::renameCurrent);
    connect(action(Action::AddTag), &QAction::triggered, this, &ExplorationBrowser::showTagBar);
    connect(action(Action::Delete), &QAction::triggered, this, [this] {
        if (const QList<qint64> ids = selectedIds(); !ids.isEmpty()) emit deleteRequested(ids);
    });
    connect(action(Action::OpenDatabase), &QAction::triggered, this, &ExplorationBrowser::chooseDatabase);
    connect(action(Action::Refresh), &QAction::triggered, this, &ExplorationBrowser::refreshRequested);
}

QWidget* ExplorationBrowser::buildTagBar() {
    m_tagBar = new QWidget(this);
    m_tagEdit = new QLineEdit(m_tagBar);
    m_tagEdit->setPlaceholderText(tr("tag, then Return (Esc cancels)"));
    m_tagCompleter = new QCompleter(new QStringListModel(m_tagBar), m_tagBar);
    m_tagCompleter->setCaseSensitivity(Qt::CaseInsensitive);
    m_tagEdit->setCompleter(m_tagCompleter);
    auto* add = new QPushButton(tr("Add tag"), m_tagBar);
    auto* cancel = new QToolButton(m_tagBar);
    cancel->setText(tr("Cancel"));
    auto* row = new QHBoxLayout(m_tagBar);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(new QLabel(tr("Tag for the selected explorations:"), m_tagBar));
    row->addWidget(m_tagEdit, 1);
    row->addWidget(add);
    row->addWidget(cancel);
    connect(m_tagEdit, &QLineEdit::returnPressed, this, &ExplorationBrowser::applyTag);
    connect(add, &QPushButton::clicked, this, &ExplorationBrowser::applyTag);
    auto* escape = new QAction(m_tagBar);
    escape->setShortcut(Qt::Key_Escape);
    escape->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_tagBar->addAction(escape);
    connect(escape, &QAction::triggered, m_tagBar, &QWidget::hide);
    connect(cancel, &QToolButton::clicked, m_tagBar, &QWidget::hide);
    m_tagBar->hide();
    return m_tagBar;
}

QAction* ExplorationBrowser::action(Action which) const { return m_actions.value(static_cast<int>(which)); }

void ExplorationBrowser::setSummaries(std::vector<core::ExplorationSummary> summaries) {
    const QList<qint64> selected = selectedIds();
    const qint64 current = currentId();
    std::set<QString> tags;
    for (const auto& s : summaries)
        for (const auto& t : s.tags) tags.insert(QString::fromStdString(t));
    static_cast<QStringListModel*>(m_tagCompleter->model())->setStringList(QStringList(tags.begin(), tags.end()));

    m_model->setSummaries(std::move(summaries));
    QList<qint64> keep = selected;
    if (current >= 0) {
        keep.removeAll(current);
        keep.prepend(current);
    }
    selectIds(keep);
    if (m_model->rowCount() > 0 && !m_columnsSized) {
        // Once: later lists keep the widths the user chose.
        m_columnsSized = true;
        fitColumns(m_table);
    }
    onCurrentChanged();
    updateActions();
    updateFooter();
}

void ExplorationBrowser::setDatabasePath(const QString& path, bool writable) {
    m_databasePath = path;
    m_writable = writable;
    m_notes->setReadOnly(!writable);
    updateActions();
    updateFooter();
}

void ExplorationBrowser::setPoints(std::vector<core::PointSummary> points) {
    const std::size_t count = points.size();
    m_pointModel->setPoints(std::move(points));
    if (m_pointModel->rowCount() > 0) fitColumns(m_pointsTable);
    m_tabs->setCurrentIndex(1);
    m_kpiBar->setResultText(count >= m_pointLimit ? tr("the first %n point(s)", nullptr, static_cast<int>(count))
                                                  : tr("%n point(s)", nullptr, static_cast<int>(count)));
}

QList<qint64> ExplorationBrowser::selectedIds() const {
    QList<qint64> ids;
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    for (const QModelIndex& index : rows) ids << index.data(Model::kIdRole).toLongLong();
    return ids;
}

void ExplorationBrowser::selectIds(const QList<qint64>& ids) {
    QItemSelection selection;
    QModelIndex first;
    for (const qint64 id : ids) {
        const int row = m_model->rowOf(id);
        if (row < 0) continue;
        const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
        if (!index.isValid()) continue;  // filtered out
        selection.select(index, index);
        if (!first.isValid()) first = index;
    }
    QItemSelectionModel* model = m_table->selectionModel();
    if (first.isValid()) model->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
    model->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (first.isValid()) m_table->scrollTo(first);
}

qint64 ExplorationBrowser::currentId() const {
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? current.data(Model::kIdRole).toLongLong() : -1;
}

void ExplorationBrowser::chooseDatabase() {
    const QString start = m_databasePath.isEmpty() ? QString() : QFileInfo(m_databasePath).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open exploration database"), start,
                                                      tr("Exploration databases (*.sqlite *.db);;All files (*)"));
    if (!path.isEmpty()) emit openDatabaseRequested(path);
}

void ExplorationBrowser::openSelected() {
    for (const qint64 id : selectedIds()) emit openRequested(id);
}

void ExplorationBrowser::openPoint(const QModelIndex& index) {
    emit openPointRequested(index.data(PointSummaryModel::kExplorationIdRole).toLongLong(),
                            index.data(PointSummaryModel::kPointIndexRole).toLongLong());
}

void ExplorationBrowser::renameCurrent() {
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid()) return;
    const QModelIndex name = current.siblingAtColumn(Model::NameColumn);
    m_table->setCurrentIndex(name);
    m_table->edit(name);
}

void ExplorationBrowser::showTagBar() {
    if (selectedIds().isEmpty()) return;
    m_tagBar->show();
    m_tagEdit->clear();
    m_tagEdit->setFocus();
}

void ExplorationBrowser::applyTag() {
    const QString tag = m_tagEdit->text().trimmed();
    if (tag.isEmpty()) return;
    for (const qint64 id : selectedIds()) {
        m_model->addTag(id, tag);
        emit tagRequested(id, tag);
    }
    m_tagBar->hide();
    m_table->setFocus();
}

void ExplorationBrowser::requestKpiSearch() {
    core::PointQuery query = m_kpiBar->query();
    query.limit = m_pointLimit;
    if (m_kpiBar->selectedOnly()) {
        const QList<qint64> ids = selectedIds();
        if (ids.isEmpty()) {
            m_kpiBar->setResultText(tr("Select explorations first, or search all of them"));
            return;
        }
        query.explorations.assign(ids.begin(), ids.end());
    }
    emit kpiRangeRequested(query);
}

void ExplorationBrowser::onCurrentChanged() {
    const int row = m_model->rowOf(currentId());
    if (row < 0) {
        m_notes->clearSubject();
        return;
    }
    const core::ExplorationSummary& s = m_model->summaries()[static_cast<std::size_t>(row)];
    m_notes->setSubject(s.id, tr("#%1 %2").arg(s.id).arg(QString::fromStdString(s.name)),
                        QString::fromStdString(s.notes));
}

void ExplorationBrowser::updateActions() {
    const int selected = static_cast<int>(m_table->selectionModel()->selectedRows().size());
    action(Action::Open)->setEnabled(selected > 0);
    action(Action::Rename)->setEnabled(m_writable && currentId() >= 0);
    action(Action::AddTag)->setEnabled(m_writable && selected > 0);
    action(Action::Delete)->setEnabled(m_writable && selected > 0);
    if (selected == 0 || !m_writable) m_tagBar->hide();
}

void ExplorationBrowser::updateFooter() {
    const int total = m_model->rowCount(), shown = m_proxy->rowCount();
    QString text = shown == total ? tr("%n exploration(s)", nullptr, total)
                                  : tr("%1 of %n exploration(s) shown", nullptr, total).arg(shown);
    if (!m_databasePath.isEmpty()) {
        // The path elided in its middle: its folder's start and its file name stay.
        const QString suffix = m_writable ? QString() : tr(" (read-only)");
        const QFontMetrics metrics = m_footer->fontMetrics();
        const int room = m_footer->width() - metrics.horizontalAdvance(text + QStringLiteral(" · ") + suffix);
        text += QStringLiteral(" · ") +
                metrics.elidedText(QDir::toNativeSeparators(m_databasePath), Qt::ElideMiddle, std::max(room, 80)) + suffix;
    }
    m_footer->setText(text);
    m_footer->setToolTip(QDir::toNativeSeparators(m_databasePath));
}

void ExplorationBrowser::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    updateFooter();
}

}  // namespace tessera::views
