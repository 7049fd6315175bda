#pragma once
// The workbench's state, without widgets: the open network and platform,
// the exploration store, the explorations on show with the selected design
// point and the user's filter, and the one job runner that does the long
// work. The main window and every page or dock only show what the session
// says (immutable snapshots) and ask it for changes; nothing here knows a
// strategy by name (strategies come from the solver's registry), so a new
// strategy appears in the GUI without touching it.
//
// Everything is called and signalled on the GUI thread; results of
// background work arrive by signal. Failures are signals with a message
// that names the file, option or exploration and says what is wrong; the
// session's state is then unchanged.

#include <QHash>
#include <QObject>
#include <QPair>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

#include "app/gui/job_runner.h"
#include "core/explore/edit.h"
#include "core/explore/exploration.h"
#include "core/platform/platform.h"
#include "core/store/exploration_store.h"
#include "views/exploration_snapshot.h"
#include "views/network_snapshot.h"
#include "views/strategy_info.h"

namespace tessera::solver::explore {
class Strategy;
}

namespace tessera::gui {

class Session : public QObject {
    Q_OBJECT
public:
    static constexpr const char* kDefaultNetwork = "resnet18";
    static constexpr const char* kDefaultPlatform = "jetson_tx2_cyclone10gx";

    explicit Session(QObject* parent = nullptr);
    ~Session() override;

    // ---- network and platform
    // Opens a zoo name or a .json / .onnx path in the background; the current
    // network stays until the new one is ready (networkChanged) or failed.
    void openNetwork(const QString& spec);
    const views::NetworkSnapshotPtr& network() const { return m_network; }
    const QStringList& networkWarnings() const { return m_warnings; }
    JobSlot& networkJob() { return m_networkJob; }
    // Re-analyses the open network with its first input reshaped
    // ("1x3x299x299"), in the background (networkChanged, or networkFailed
    // saying what is wrong with the shape). false when there is no network
    // or the text is not a shape.
    bool setInputShape(const QString& shape, QString* error = nullptr);
    // A built-in descriptor name or a platform .json file, read at once
    // (descriptors are small). false, with the message, when it cannot be read.
    bool setPlatform(const QString& spec, QString* error = nullptr);
    const std::shared_ptr<const core::Platform>& platform() const { return m_platform; }
    const QString& platformSpec() const { return m_platformSpec; }

    // ---- strategies (the solver's registry, as views see them)
    static QVector<views::StrategyInfo> strategies();

    // ---- the store
    // Opens (or creates) the database file; the previous store stays open
    // when this one cannot be. Lists its explorations (explorationsListed).
    bool openStore(const QString& path, QString* error = nullptr);
    QString storePath() const;
    bool storeWritable() const;
    void refreshExplorations();
    bool renameExploration(qint64 id, const QString& name, QString* error = nullptr);
    bool addTag(qint64 id, const QString& tag, QString* error = nullptr);
    bool removeExplorations(const QList<qint64>& ids, QString* error = nullptr);
    bool setNotes(qint64 id, const QString& notes, QString* error = nullptr);
    bool setPointNotes(qint64 id, qint64 point, const QString& notes, QString* error = nullptr);
    // The notes of point `ref` on show: as edited in this session, else as loaded.
    QString pointNotes(views::PointRef ref) const;
    std::vector<core::PointSummary> queryPoints(const core::PointQuery& query, QString* error = nullptr) const;

    // ---- explorations
    // Runs `strategy` on the open network and platform in the background;
    // partial results arrive as explorationPartial, the result is saved to
    // the store and shown (explorationFinished). Returns false (and emits
    // explorationFailed) when there is no network or the strategy is unknown.
    bool runExploration(const QString& strategy, const core::OptionValues& options);
    void cancelExploration();
    bool isExploring() const { return m_exploreJob.isRunning(); }
    JobSlot& explorationJob() { return m_exploreJob; }
    JobSlot& editJob() { return m_editJob; }

    // Loads a stored exploration in the background and shows it (alone, or
    // added to those on show); its network and platform become the session's
    // when they differ, so that every view describes the same inputs.
    void openExploration(qint64 id, bool add = false, int selectPoint = -1);
    // Adds stored explorations to those on show (fronts overlaid in the
    // Pareto view), loading them in the background; those that ran on
    // another network than the open one are refused with a message.
    void overlayExplorations(const QList<qint64>& ids);
    // Shows an exploration held in memory (a finished run, a test's data).
    void showExploration(views::ExplorationPtr exploration, bool add = false);
    void closeExplorations();
    const views::ExplorationSet& explorations() const { return m_shown; }

    // ---- selection and filter (they drive every view)
    void selectPoint(views::PointRef ref);
    views::PointRef selection() const { return m_selection; }
    const core::DesignPoint* selectedPoint() const { return views::pointAt(m_shown, m_selection); }
    void setFilter(const views::PointMask& mask);
    const views::PointMask& filter() const { return m_filter; }

    // ---- editing the selected point, with its strategy's own models
    // What the user may change for layer `layerId` of the selected point;
    // empty when nothing is selected or the strategy does not edit.
    std::vector<core::EditableChoice> editableChoices(int layerId) const;
    // The selected point with `edits` applied, re-evaluated at once on this
    // thread (evaluation is incremental: well under a millisecond). Status
    // InvalidInput with the message when the edits are not valid.
    core::DesignPoint evaluateEdits(const std::vector<core::LayerEdit>& edits) const;
    // Keeps the edited point (or, with `reoptimise`, the best point with the
    // locked layers kept, searched in the background): the exploration on
    // show gains it as a new design point with its provenance, is saved to
    // the store as a new exploration tagged "edited" (the original stays as
    // it was), and the point is selected. pointAdded or explorationFailed.
    void keepEditedPoint(const std::vector<core::LayerEdit>& edits, bool reoptimise);

signals:
    void pointAdded(views::PointRef ref);
    void networkChanged(const views::NetworkSnapshotPtr& network);
    void networkFailed(const QString& spec, const QString& message);
    void platformChanged(const QString& spec);
    void storeChanged(const QString& path);
    void explorationsListed(const std::vector<core::ExplorationSummary>& summaries);
    void explorationStarted(const QString& strategy);
    void explorationPartial(const views::ExplorationPtr& partial);
    void explorationFinished(const views::ExplorationPtr& exploration);
    void explorationFailed(const QString& message);
    // Keeping or re-optimising an edited point failed; the message says why.
    void editFailed(const QString& message);
    // The explorations on show changed (a run finished, one was opened or closed).
    void explorationsChanged(const views::ExplorationSet& shown);
    void selectionChanged(views::PointRef ref);
    void filterChanged(const views::PointMask& mask);
    // A background store operation failed (a save into a read-only file).
    void storeFailed(const QString& message);

private:
    void setNetwork(views::NetworkSnapshotPtr network, QStringList warnings);
    void setShown(views::ExplorationSet shown, views::PointRef select);
    // Shows `exploration` with the network it ran on (rebuilt when another
    // is open); with adoptPlatform, its platform becomes the session's too
    // (a stored exploration), not for a run just finished (the user may have
    // picked the next platform meanwhile).
    void showWithInputs(views::ExplorationPtr exploration, bool add, int selectPoint, bool adoptPlatform);
    // The selected exploration's strategy, network and platform as its
    // models need them (rebuilt from its stored documents once).
    struct EditInputs {
        const solver::explore::Strategy* strategy = nullptr;
        std::shared_ptr<const core::Network> network;
        std::shared_ptr<const core::Platform> platform;
    };
    const EditInputs* editInputs() const;
    void addPoint(int exploration, core::DesignPoint point);
    bool storeCall(const QString& what, QString* error, const std::function<bool(core::ExplorationStore&)>& call);

    // Declared first, destroyed last: the slots go (cancelling their jobs,
    // silently) before the runner waits for the workers.
    JobRunner m_jobs;
    JobSlot m_networkJob;
    JobSlot m_exploreJob;
    JobSlot m_loadJob;
    JobSlot m_editJob;

    views::NetworkSnapshotPtr m_network;
    QStringList m_warnings;
    std::shared_ptr<const core::Platform> m_platform;
    QString m_platformSpec;
    std::unique_ptr<core::ExplorationStore> m_store;

    views::ExplorationSet m_shown;
    views::PointRef m_selection;
    views::PointMask m_filter;
    QHash<QPair<qint64, qint64>, QString> m_pointNotes;  // (exploration id, point) -> notes edited here
    mutable views::ExplorationPtr m_editFor;
    mutable EditInputs m_edit;
};

}  // namespace tessera::gui
