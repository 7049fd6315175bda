// The exploration browser: both models under QAbstractItemModelTester, best
// latency sorted as a number, the filter edit, the ids its actions and
// signals carry, Ctrl+C copying rows as tab-separated text, notes reported
// once when typing stops (or the editor is left), the selection kept across
// new lists, and the whole widget fed by a real store at 1024 px under a
// light and a dark palette (TESSERA_VIEW_SHOTS=<dir> saves the pictures;
// TESSERA_BROWSER_DB=<file> feeds that database instead of one made here).

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QFileInfo>
#include <QHeaderView>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

#include <cmath>
#include <limits>

#include "core/store/exploration_store.h"
#include "views/exploration_browser.h"
#include "views/exploration_list_model.h"
#include "views/kpi_range_bar.h"
#include "views/notes_editor.h"
#include "views/point_summary_model.h"

using namespace tessera;
using views::ExplorationBrowser;
using views::ExplorationListModel;
using views::PointSummaryModel;
using Column = ExplorationListModel::Column;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

core::ExplorationSummary summary(qint64 id, const char* name, const char* network, double bestMs, double bestMj,
                                 std::vector<std::string> tags = {}, const char* notes = "") {
    core::ExplorationSummary s;
    s.id = id;
    s.name = name;
    s.network = network;
    s.platform = "jetson_tx2_cyclone10gx";
    s.strategy = id % 2 ? "partition" : "algosel";
    s.points = id * 100 + 4;
    s.created = "2026-12-0" + std::to_string(id) + "T05:57:37Z";
    s.status = id == 3 ? core::Status::Cancelled : core::Status::Optimal;
    s.tags = std::move(tags);
    s.bestLatencyMs = bestMs;
    s.bestEnergyMj = bestMj;
    s.notes = notes;
    return s;
}

// Best latencies whose text order (100.2 < 12 < 9.5) is not their order.
std::vector<core::ExplorationSummary> summaries() {
    return {summary(4, "vgg16 sweep", "vgg16", 12.0, 200.0, {"paper"}),
            summary(3, "no feasible point", "alexnet", kNaN, kNaN),
            summary(2, "resnet18 front", "resnet18", 100.2, 48.5, {"best", "tx2"}, "Knee near **5.5 ms**"),
            summary(1, "googlenet DYNAMAP", "googlenet", 9.5, kNaN)};
}

core::PointSummary point(qint64 exploration, qint64 index, double ms, double mj, bool feasible) {
    core::PointSummary p;
    p.exploration = exploration;
    p.index = index;
    p.name = "exploration " + std::to_string(exploration);
    p.label = "front " + std::to_string(index);
    p.strategy = "partition";
    p.network = "resnet18";
    p.latencyMs = ms;
    p.energyMj = mj;
    p.powerW = mj / ms;
    p.feasible = feasible;
    p.onFront = index == 1;
    return p;
}

// The ids of the proxy's rows, top to bottom.
QList<qint64> rowIds(const QAbstractItemModel& model) {
    QList<qint64> ids;
    for (int r = 0; r < model.rowCount(); ++r) ids << model.index(r, 0).data(ExplorationListModel::kIdRole).toLongLong();
    return ids;
}

QPalette darkPalette() {
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    return p;
}

}  // namespace

class TestExplorationBrowser : public QObject {
    Q_OBJECT
private slots:
    void init() {
        m_browser = std::make_unique<ExplorationBrowser>();
        m_browser->resize(1024, 700);
        m_browser->setSummaries(summaries());
    }
    void cleanup() { m_browser.reset(); }

    void listModel() {
        ExplorationListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSummaries(summaries());
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), int(ExplorationListModel::ColumnCount));
        const auto cell = [&](int row, int column, int role = Qt::DisplayRole) { return model.index(row, column).data(role); };
        QCOMPARE(cell(2, Column::NameColumn).toString(), QString("resnet18 front"));
        QCOMPARE(cell(2, Column::TagsColumn).toString(), QString("best, tx2"));
        QCOMPARE(cell(2, Column::PointsColumn).toString(), QString("204"));
        QCOMPARE(cell(2, Column::StatusColumn).toString(), QString("optimal"));
        QCOMPARE(cell(1, Column::StatusColumn).toString(), QString("cancelled"));
        QVERIFY(!cell(2, Column::NotesColumn).toString().isEmpty());  // the notes indicator
        QVERIFY(cell(0, Column::NotesColumn).toString().isEmpty());
        QCOMPARE(cell(2, Column::NotesColumn, Qt::ToolTipRole).toString(), QString("Knee near **5.5 ms**"));
        QCOMPARE(cell(1, Column::BestLatencyColumn).toString(), QString("-"));
        // Numbers for sorting, +inf for a missing KPI; ids on every column.
        QCOMPARE(cell(2, Column::BestLatencyColumn, ExplorationListModel::kSortRole).typeId(), QMetaType::Double);
        QCOMPARE(cell(2, Column::BestLatencyColumn, ExplorationListModel::kSortRole).toDouble(), 100.2);
        QVERIFY(std::isinf(cell(1, Column::BestEnergyColumn, ExplorationListModel::kSortRole).toDouble()));
        QCOMPARE(cell(2, Column::PointsColumn, ExplorationListModel::kSortRole).toLongLong(), 204);
        QVERIFY(cell(3, Column::CreatedColumn, ExplorationListModel::kSortRole).toLongLong() <
                cell(2, Column::CreatedColumn, ExplorationListModel::kSortRole).toLongLong());
        QCOMPARE(cell(2, Column::StatusColumn, ExplorationListModel::kIdRole).toLongLong(), 2);

        // Only the name is editable; a blank name is refused.
        QSignalSpy edited(&model, &ExplorationListModel::nameEdited);
        QVERIFY(!(model.flags(model.index(0, Column::NetworkColumn)) & Qt::ItemIsEditable));
        QVERIFY(!model.setData(model.index(0, Column::NameColumn), "  "));
        QVERIFY(model.setData(model.index(0, Column::NameColumn), " vgg16 again "));
        QCOMPARE(edited.count(), 1);
        QCOMPARE(edited[0][0].toLongLong(), 4);
        QCOMPARE(edited[0][1].toString(), QString("vgg16 again"));
        QCOMPARE(cell(0, Column::NameColumn).toString(), QString("vgg16 again"));
        model.addTag(4, "aaa");
        model.addTag(4, "aaa");
        QCOMPARE(cell(0, Column::TagsColumn).toString(), QString("aaa, paper"));
        model.setNotes(4, "new");
        QCOMPARE(cell(0, Column::NotesColumn, Qt::ToolTipRole).toString(), QString("new"));
        model.setSummaries({});
        QCOMPARE(model.rowCount(), 0);
    }

    void pointModel() {
        PointSummaryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPoints({point(7, 0, 12.5, 30.0, true), point(7, 1, 3.25, kNaN, false)});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(PointSummaryModel::ColumnCount));
        QCOMPARE(model.index(0, PointSummaryModel::ExplorationColumn).data().toString(), QString("7 · exploration 7"));
        QCOMPARE(model.index(1, PointSummaryModel::FeasibleColumn).data().toString(), QString("no"));
        QCOMPARE(model.index(1, PointSummaryModel::FrontColumn).data().toString(), QString("front"));
        QCOMPARE(model.index(1, PointSummaryModel::EnergyColumn).data().toString(), QString("-"));
        QCOMPARE(model.index(0, PointSummaryModel::LatencyColumn).data(PointSummaryModel::kSortRole).toDouble(), 12.5);
        QCOMPARE(model.index(1, PointSummaryModel::LabelColumn).data(PointSummaryModel::kPointIndexRole).toLongLong(), 1);
        QCOMPARE(model.index(1, PointSummaryModel::LabelColumn).data(PointSummaryModel::kExplorationIdRole).toLongLong(), 7);
        QVERIFY(model.index(1, 0).data(Qt::ForegroundRole).isValid());  // infeasible: greyed
        QVERIFY(!model.index(0, 0).data(Qt::ForegroundRole).isValid());
        model.setPoints({});
        QCOMPARE(model.rowCount(), 0);
    }

    void sortsNumerically() {
        QTableView* table = m_browser->tableView();
        table->sortByColumn(Column::BestLatencyColumn, Qt::AscendingOrder);
        QCOMPARE(rowIds(*m_browser->proxyModel()), (QList<qint64>{1, 4, 2, 3}));  // 9.5, 12, 100.2, none
        table->sortByColumn(Column::BestLatencyColumn, Qt::DescendingOrder);
        QCOMPARE(rowIds(*m_browser->proxyModel()).mid(1), (QList<qint64>{2, 4, 1}));
        table->sortByColumn(Column::PointsColumn, Qt::AscendingOrder);
        QCOMPARE(rowIds(*m_browser->proxyModel()), (QList<qint64>{1, 2, 3, 4}));

        m_browser->setPoints({point(1, 0, 100.25, 1, true), point(1, 1, 9.75, 1, true), point(2, 0, 12.0, 1, true)});
        QTableView* points = m_browser->pointsView();
        points->sortByColumn(PointSummaryModel::LatencyColumn, Qt::AscendingOrder);
        QStringList latencies;
        for (int r = 0; r < points->model()->rowCount(); ++r)
            latencies << points->model()->index(r, PointSummaryModel::LatencyColumn).data().toString();
        QCOMPARE(latencies, (QStringList{"9.75", "12.0", "100"}));
    }

    void filterEditFiltersRows() {
        QLineEdit* filter = m_browser->filterEdit();
        const QAbstractItemModel& rows = *m_browser->proxyModel();
        QTest::keyClicks(filter, "VGG");
        QCOMPARE(rowIds(rows), (QList<qint64>{4}));
        filter->setText("best");  // a tag
        QCOMPARE(rowIds(rows), (QList<qint64>{2}));
        filter->setText("knee");  // the notes' text
        QCOMPARE(rowIds(rows), (QList<qint64>{2}));
        filter->setText("algosel");
        QCOMPARE(rowIds(rows), (QList<qint64>{4, 2}));
        filter->setText("nothing like it");
        QCOMPARE(rows.rowCount(), 0);
        filter->clear();
        QCOMPARE(rowIds(rows), (QList<qint64>{4, 3, 2, 1}));
    }

    void actionsCarryIds() {
        ExplorationBrowser& b = *m_browser;
        QSignalSpy open(&b, &ExplorationBrowser::openRequested);
        QSignalSpy remove(&b, &ExplorationBrowser::deleteRequested);
        QSignalSpy tag(&b, &ExplorationBrowser::tagRequested);
        QSignalSpy rename(&b, &ExplorationBrowser::renameRequested);
        QSignalSpy refresh(&b, &ExplorationBrowser::refreshRequested);
        QVERIFY(!b.action(ExplorationBrowser::Action::Delete)->isEnabled());  // nothing selected
        b.selectIds({2, 4});
        QCOMPARE(b.selectedIds(), (QList<qint64>{4, 2}));  // in the table's order
        QCOMPARE(b.currentId(), 2);

        b.action(ExplorationBrowser::Action::Open)->trigger();
        QCOMPARE(open.count(), 2);
        QCOMPARE(open[0][0].toLongLong(), 4);
        QCOMPARE(open[1][0].toLongLong(), 2);
        b.action(ExplorationBrowser::Action::Delete)->trigger();
        QCOMPARE(remove.count(), 1);
        QCOMPARE(remove[0][0].value<QList<qint64>>(), (QList<qint64>{4, 2}));
        QCOMPARE(b.listModel()->rowCount(), 4);  // deleting waits for the session

        b.action(ExplorationBrowser::Action::AddTag)->trigger();
        QVERIFY(b.tagEdit()->isVisibleTo(&b));
        QTest::keyClicks(b.tagEdit(), "keep");
        QTest::keyClick(b.tagEdit(), Qt::Key_Return);
        QCOMPARE(tag.count(), 2);
        QCOMPARE(tag[0][0].toLongLong(), 4);
        QCOMPARE(tag[1][0].toLongLong(), 2);
        QCOMPARE(tag[1][1].toString(), QString("keep"));
        QVERIFY(!b.tagEdit()->isVisibleTo(&b));
        QCOMPARE(b.listModel()->index(2, Column::TagsColumn).data().toString(), QString("best, keep, tx2"));

        // Rename edits the current row's name in place.
        b.show();
        QVERIFY(QTest::qWaitForWindowExposed(&b));
        b.action(ExplorationBrowser::Action::Rename)->trigger();
        auto* editor = b.tableView()->viewport()->findChild<QLineEdit*>();
        QVERIFY(editor);
        QCOMPARE(editor->text(), QString("resnet18 front"));
        editor->selectAll();
        QTest::keyClicks(editor, "ResNet-18 knee");
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE(rename.count(), 1);  // the delegate commits from the event loop
        QCOMPARE(rename[0][0].toLongLong(), 2);
        QCOMPARE(rename[0][1].toString(), QString("ResNet-18 knee"));

        b.action(ExplorationBrowser::Action::Refresh)->trigger();
        QCOMPARE(refresh.count(), 1);

        // A read-only database: nothing that writes is offered.
        b.setDatabasePath("/data/x.sqlite", false);
        QVERIFY(!b.action(ExplorationBrowser::Action::Delete)->isEnabled());
        QVERIFY(!b.action(ExplorationBrowser::Action::Rename)->isEnabled());
        QVERIFY(b.notesEditor()->editor()->isReadOnly());
        QVERIFY(b.action(ExplorationBrowser::Action::Open)->isEnabled());
    }

    void kpiSearchAndPoints() {
        ExplorationBrowser& b = *m_browser;
        QSignalSpy search(&b, &ExplorationBrowser::kpiRangeRequested);
        QSignalSpy openPoint(&b, &ExplorationBrowser::openPointRequested);
        views::KpiRangeBar* bar = b.kpiBar();
        bar->field(views::KpiRangeBar::MinLatency)->setText("5");
        bar->field(views::KpiRangeBar::MaxLatency)->setText("20.5");
        bar->field(views::KpiRangeBar::MaxPower)->setText("12");
        bar->feasibleOnlyBox()->setChecked(true);
        QTest::keyClick(bar->field(views::KpiRangeBar::MaxPower), Qt::Key_Return);
        QCOMPARE(search.count(), 1);
        auto q = search[0][0].value<core::PointQuery>();
        QCOMPARE(q.minLatencyMs, 5.0);
        QCOMPARE(q.maxLatencyMs, 20.5);
        QVERIFY(std::isinf(q.minEnergyMj) && q.minEnergyMj < 0 && std::isinf(q.maxEnergyMj));
        QCOMPARE(q.maxPowerW, 12.0);
        QVERIFY(q.feasibleOnly && q.explorations.empty());

        bar->selectedOnlyBox()->setChecked(true);
        bar->requestSearch();  // nothing selected: no search
        QCOMPARE(search.count(), 1);
        b.selectIds({1, 3});
        bar->requestSearch();
        QCOMPARE(search.count(), 2);
        QCOMPARE(search[1][0].value<core::PointQuery>().explorations, (std::vector<std::int64_t>{3, 1}));
        bar->field(views::KpiRangeBar::MinPower)->setText("13");  // above the most
        bar->requestSearch();
        QCOMPARE(search.count(), 2);
        QVERIFY(!bar->problem().isEmpty());

        b.setPoints({point(3, 0, 10, 20, true), point(1, 5, 6, 20, true)});
        b.show();
        QVERIFY(QTest::qWaitForWindowExposed(&b));
        QTableView* points = b.pointsView();
        const QModelIndex first = points->model()->index(0, PointSummaryModel::LabelColumn);  // the fastest: 1:5
        QVERIFY(points->isVisible());  // the results' tab came to the front
        QTest::mouseClick(points->viewport(), Qt::LeftButton, {}, points->visualRect(first).center());
        QTest::mouseDClick(points->viewport(), Qt::LeftButton, {}, points->visualRect(first).center());
        QCOMPARE(openPoint.count(), 1);
        QCOMPARE(openPoint[0][0].toLongLong(), 1);
        QCOMPARE(openPoint[0][1].toLongLong(), 5);
    }

    void copiesRowsWithHeader() {
        ExplorationBrowser& b = *m_browser;
        b.selectIds({1, 2});
        QApplication::clipboard()->clear();
        QTest::keySequence(b.tableView(), QKeySequence::Copy);
        const QStringList lines = QApplication::clipboard()->text().split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        const QStringList header = lines[0].split('\t');
        QCOMPARE(header.size(), int(ExplorationListModel::ColumnCount));
        QCOMPARE(header[0], QString("ID"));
        QCOMPARE(header[1], QString("Name"));
        QCOMPARE(header[Column::BestLatencyColumn], QString("Best latency (ms)"));  // one line
        QCOMPARE(header[Column::NotesColumn], QString("Notes"));                    // words, not the pencil
        const QStringList resnet = lines[1].split('\t');  // table order: id 2 before id 1
        QCOMPARE(resnet[0], QString("2"));
        QCOMPARE(resnet[1], QString("resnet18 front"));
        QCOMPARE(resnet[Column::BestLatencyColumn], QString("100.2"));
        QCOMPARE(resnet[Column::CreatedColumn], QString("2026-12-02T05:57:37Z"));
        QCOMPARE(resnet[Column::NotesColumn], QString("Knee near **5.5 ms**"));
        const QStringList googlenet = lines[2].split('\t');
        QCOMPARE(googlenet[0], QString("1"));
        QCOMPARE(googlenet[Column::BestEnergyColumn], QString());  // missing: empty, not "-"
    }

    void notesReportedOnceWhenTypingStops() {
        ExplorationBrowser& b = *m_browser;
        QSignalSpy edited(&b, &ExplorationBrowser::notesEdited);
        views::NotesEditor* notes = b.notesEditor();
        notes->setDebounceInterval(50);
        QVERIFY(!notes->hasSubject());
        b.selectIds({2});
        QCOMPARE(notes->subject(), 2);
        QCOMPARE(notes->text(), QString("Knee near **5.5 ms**"));
        QPlainTextEdit* editor = notes->editor();
        editor->moveCursor(QTextCursor::End);
        QTest::keyClicks(editor, ", not 6");
        QCOMPARE(edited.count(), 0);  // still typing
        QTRY_COMPARE(edited.count(), 1);
        QTest::qWait(150);  // several debounce intervals: nothing more
        QCOMPARE(edited.count(), 1);
        QCOMPARE(edited[0][0].toLongLong(), 2);
        QCOMPARE(edited[0][1].toString(), QString("Knee near **5.5 ms**, not 6"));
        QCOMPARE(b.listModel()->index(2, Column::NotesColumn).data(Qt::ToolTipRole).toString(), edited[0][1].toString());

        // Moving to another exploration reports a pending edit at once, for
        // the exploration it belongs to; a new list keeps an edit going.
        notes->setDebounceInterval(60'000);
        QTest::keyClicks(editor, "!");
        b.setSummaries(summaries());
        QCOMPARE(notes->text(), QString("Knee near **5.5 ms**, not 6!"));
        b.selectIds({4});
        QCOMPARE(edited.count(), 2);
        QCOMPARE(edited[1][0].toLongLong(), 2);
        QCOMPARE(notes->subject(), 4);
        QVERIFY(notes->text().isEmpty());
        // Leaving the editor reports too.
        b.show();
        QVERIFY(QTest::qWaitForWindowActive(&b));
        editor->setFocus();
        QTest::keyClicks(editor, "vgg");
        b.tableView()->setFocus();
        QCOMPARE(edited.count(), 3);
        QCOMPARE(edited[2][0].toLongLong(), 4);
        // The preview renders Markdown.
        notes->setPreview(true);
        editor->setPlainText("# Title\n\n**bold**");
        notes->setPreview(true);
        QCOMPARE(notes->preview()->document()->toPlainText().split('\n').first(), QString("Title"));
    }

    void keepsSelectionAcrossLists() {
        ExplorationBrowser& b = *m_browser;
        b.selectIds({3, 1});
        auto fewer = summaries();
        fewer.erase(fewer.begin() + 1);  // exploration 3 is gone
        b.setSummaries(fewer);
        QCOMPARE(b.selectedIds(), (QList<qint64>{1}));
        b.setSummaries({});
        QVERIFY(b.selectedIds().isEmpty());
        QVERIFY(!b.notesEditor()->hasSubject());
    }

    void rendersFromAStore_data() {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void rendersFromAStore() {
        QFETCH(bool, dark);
        QTemporaryDir dir;
        QString path = qEnvironmentVariable("TESSERA_BROWSER_DB");
        if (path.isEmpty()) {
            path = dir.filePath("browser.sqlite");
            fillStore(path);
        }
        const core::ExplorationStore store(path.toStdString(), true);
        ExplorationBrowser b;
        if (dark) b.setPalette(darkPalette());
        b.resize(1024, 640);
        b.setDatabasePath(path, QFileInfo(path).isWritable());
        b.setSummaries(store.list());
        core::PointQuery q;
        q.maxLatencyMs = 6;
        q.feasibleOnly = true;
        b.setPoints(store.queryPoints(q));
        b.selectIds({b.listModel()->summaries().back().id});
        b.show();
        QVERIFY(QTest::qWaitForWindowExposed(&b));
        const QImage image = b.grab().toImage();
        b.tabs()->setCurrentIndex(0);
        b.notesEditor()->setPreview(true);
        const QImage notes = b.grab().toImage();
        if (const QByteArray shots = qgetenv("TESSERA_VIEW_SHOTS"); !shots.isEmpty()) {
            const QString name = QStringLiteral("%1/browser_%3_%2.png").arg(QString::fromLocal8Bit(shots), dark ? "dark" : "light");
            image.save(name.arg("points"));
            notes.save(name.arg("notes"));
        }

        QCOMPARE(b.listModel()->rowCount(), int(store.list().size()));
        QVERIFY(b.pointModel()->rowCount() > 0);
        // At 1024 px the table shows every column without scrolling, and
        // the found points have room below it.
        QTableView* table = b.tableView();
        QVERIFY(table->columnViewportPosition(Column::NotesColumn) + table->columnWidth(Column::NotesColumn) <=
                table->viewport()->width());
        QVERIFY(b.pointsView()->height() >= 100);
        QVERIFY(!b.notesEditor()->preview()->document()->isEmpty());  // the selected exploration's notes
        // The empty part of the table is the palette's base, light or dark.
        const QWidget* rows = table->viewport();
        QCOMPARE(image.pixelColor(rows->mapTo(&b, QPoint(rows->width() - 2, rows->height() - 2))),
                 b.palette().color(QPalette::Base));
    }

private:
    // A store with explorations like the CLI's: partition fronts with
    // baselines, and one without energy (DYNAMAP).
    static void fillStore(const QString& path) {
        core::ExplorationStore store(path.toStdString());
        for (int e = 0; e < 3; ++e) {
            core::Exploration x;
            x.name = e == 2 ? "googlenet on alveo_u200_host (algosel)" : "resnet18 on jetson_tx2_cyclone10gx (partition)";
            x.strategy = e == 2 ? "algosel" : "partition";
            x.created = "2026-12-02T08:1" + std::to_string(e) + ":00Z";
            x.inputs.network = e == 2 ? "googlenet" : "resnet18";
            x.inputs.platform = e == 2 ? "alveo_u200_host" : "jetson_tx2_cyclone10gx";
            x.inputs.networkHash = x.inputs.network;
            x.inputs.platformHash = x.inputs.platform;
            x.tags = {e == 2 ? "dynamap" : "paper"};
            x.notes = e == 0 ? "The knee is near *5.5 ms*." : "";
            for (int i = 0; i < 40; ++i) {
                core::DesignPoint p;
                p.label = "front " + std::to_string(i + 1) + " of 40";
                p.latencyMs = 5.1 + 0.02 * i + e;
                p.energyMj = e == 2 ? kNaN : 86 - i;
                p.powerW = p.energyMj / p.latencyMs;
                p.onFront = true;
                x.points.push_back(p);
            }
            store.save(x);
        }
    }

    std::unique_ptr<ExplorationBrowser> m_browser;
};

QTEST_MAIN(TestExplorationBrowser)
#include "tst_exploration_browser.moc"
