#include "app/gui/session.h"

#include <QFileInfo>
#include <QThread>

#include <algorithm>
#include <mutex>
#include <utility>

#include "core/ir/network_json.h"
#include "core/ir/network_report.h"
#include "core/json/json_text.h"
#include "core/types.h"
#include "core/zoo/zoo.h"
#include "solver/explore/strategy.h"

namespace tessera::gui {

namespace {

QString fromStd(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

// How a spec is named to the user: zoo names as they are, files by name.
QString displayName(const QString& spec) {
    if (core::isZooName(spec.toStdString())) return spec;
    return QFileInfo(spec).fileName();
}

// Core's messages name the file already; make sure every one does.
QString naming(const QString& spec, const QString& problem) {
    return problem.contains(spec) || problem.contains(displayName(spec)) ? problem
                                                                         : QStringLiteral("%1: %2").arg(spec, problem);
}

struct OpenedNetwork {
    views::NetworkSnapshotPtr snapshot;
    QStringList warnings;
};

// Builds the views' snapshot of a network (analysis, metrics, layout) in a job.
views::NetworkSnapshotPtr snapshotIn(JobContext& job, core::Network network, const QString& spec) {
    return views::buildNetworkSnapshot(std::move(network), spec, [&job](int percent, const QString& message) {
        return job.progress(0.3 + 0.7 * percent / 100.0, message);
    });
}

// Partial points go to the GUI thread at most this often: each delivery
// copies the points so far into a new snapshot.
constexpr qint64 kPartialIntervalMs = 150;

struct Explored {
    core::Exploration exploration;
    QString saveError;
};

}  // namespace

Session::Session(QObject* parent) : QObject(parent) {
    QString error;
    setPlatform(QString::fromLatin1(kDefaultPlatform), &error);
}

Session::~Session() {
    // The window that listens is being torn down: stop the jobs without a word.
    for (JobSlot* slot : {&m_networkJob, &m_exploreJob, &m_loadJob, &m_editJob}) {
        slot->blockSignals(true);
        slot->cancel();
    }
}

// ---- network and platform

void Session::openNetwork(const QString& spec) {
    const std::string specUtf8 = spec.toStdString();
    std::function<OpenedNetwork(JobContext&)> work = [spec, specUtf8](JobContext& job) {
        OpenedNetwork opened;
        job.progress(0.05, QStringLiteral("Reading %1").arg(displayName(spec)));
        core::OpenedNetwork network = core::openNetworkWithWarnings(specUtf8);
        for (const std::string& w : network.warnings) opened.warnings << QString::fromStdString(w);
        if (!job.progress(0.3, QStringLiteral("Read %1 layers").arg(network.network.layerCount()))) return opened;
        opened.snapshot = snapshotIn(job, std::move(network.network), spec);
        return opened;
    };
    m_jobs.start<OpenedNetwork>(
        m_networkJob, std::move(work),
        [this](OpenedNetwork opened) {
            if (opened.snapshot) setNetwork(std::move(opened.snapshot), std::move(opened.warnings));
        },
        [this, spec](const QString& message) { emit networkFailed(spec, naming(spec, message)); });
}

bool Session::setInputShape(const QString& text, QString* error) {
    const auto shape = core::parseShape(text.toStdString());
    if (!m_network || m_network->network.inputs().empty() || !shape) {
        if (error)
            *error = !m_network                              ? tr("Open a network first.")
                     : m_network->network.inputs().empty() ? tr("The network has no input to reshape.")
                                                           : tr("'%1' is not a shape like 1x3x224x224").arg(text);
        return false;
    }
    const views::NetworkSnapshotPtr current = m_network;
    const QStringList warnings = m_warnings;
    std::function<views::NetworkSnapshotPtr(JobContext&)> work = [current, shape, text](JobContext& job) {
        core::Network network = current->network;
        network.setInputShape(network.inputs().front().name, *shape);
        if (auto status = network.analyse(); !status)
            throw core::FormatError("input " + text.toStdString() + ": " + status.message);
        return snapshotIn(job, std::move(network), current->spec);
    };
    m_jobs.start<views::NetworkSnapshotPtr>(
        m_networkJob, std::move(work),
        [this, warnings](views::NetworkSnapshotPtr network) {
            if (network) setNetwork(std::move(network), warnings);
        },
        [this, spec = current->spec](const QString& message) { emit networkFailed(spec, naming(spec, message)); });
    return true;
}

void Session::setNetwork(views::NetworkSnapshotPtr network, QStringList warnings) {
    m_network = std::move(network);
    m_warnings = std::move(warnings);
    emit networkChanged(m_network);
    // Explorations of another network (or another input shape) no longer
    // describe what the views show: their layer ids name other layers.
    const bool stale = std::any_of(m_shown.begin(), m_shown.end(), [this](const views::ExplorationPtr& e) {
        return e->inputs.networkHash != m_network->hash;
    });
    if (stale) setShown({}, {});
}

bool Session::setPlatform(const QString& spec, QString* error) {
    try {
        auto platform = std::make_shared<const core::Platform>(core::openPlatform(spec.toStdString()));
        m_platform = std::move(platform);
        m_platformSpec = spec;
    } catch (const std::exception& e) {
        if (error) *error = naming(spec, QString::fromUtf8(e.what()));
        return false;
    }
    emit platformChanged(m_platformSpec);
    return true;
}

QVector<views::StrategyInfo> Session::strategies() {
    QVector<views::StrategyInfo> out;
    for (const solver::explore::Strategy* s : solver::explore::strategies())
        out.push_back({fromStd(s->name()), fromStd(s->description()), s->options()});
    return out;
}

// ---- the store

bool Session::openStore(const QString& path, QString* error) {
    try {
        auto store = std::make_unique<core::ExplorationStore>(path.toStdString());
        m_store = std::move(store);
        // Ids and notes of the explorations on show belong to the old file.
        m_pointNotes.clear();
        if (!m_shown.isEmpty()) setShown({}, {});
    } catch (const std::exception& e) {
        if (error) *error = naming(path, QString::fromUtf8(e.what()));
        return false;
    }
    emit storeChanged(storePath());
    refreshExplorations();
    return true;
}

QString Session::storePath() const { return m_store ? QString::fromStdString(m_store->path().string()) : QString(); }

bool Session::storeWritable() const { return m_store && m_store->writable(); }

void Session::refreshExplorations() {
    if (!m_store) return;
    try {
        emit explorationsListed(m_store->list());
    } catch (const std::exception& e) {
        emit storeFailed(QString::fromUtf8(e.what()));
    }
}

bool Session::storeCall(const QString& what, QString* error, const std::function<bool(core::ExplorationStore&)>& call) {
    if (!m_store) {
        if (error) *error = tr("No database is open.");
        return false;
    }
    try {
        if (!call(*m_store)) {
            if (error) *error = tr("%1: %2").arg(storePath(), what);
            return false;
        }
    } catch (const std::exception& e) {
        if (error) *error = QString::fromUtf8(e.what());
        return false;
    }
    refreshExplorations();
    return true;
}

bool Session::renameExploration(qint64 id, const QString& name, QString* error) {
    return storeCall(tr("there is no exploration %1").arg(id), error,
                     [&](core::ExplorationStore& s) { return s.rename(id, name.toStdString()); });
}

bool Session::addTag(qint64 id, const QString& tag, QString* error) {
    return storeCall(tr("there is no exploration %1").arg(id), error,
                     [&](core::ExplorationStore& s) { return s.addTag(id, tag.toStdString()); });
}

bool Session::removeExplorations(const QList<qint64>& ids, QString* error) {
    const bool ok = storeCall(tr("an exploration to delete is no longer there"), error, [&](core::ExplorationStore& s) {
        bool all = true;
        for (qint64 id : ids) all = s.remove(id) && all;
        return all;
    });
    // Explorations on show stay on show (they are snapshots), but no longer
    // belong to the store: keep them, the user deleted the stored copy.
    return ok;
}

bool Session::setNotes(qint64 id, const QString& notes, QString* error) {
    return storeCall(tr("there is no exploration %1").arg(id), error,
                     [&](core::ExplorationStore& s) { return s.setNotes(id, notes.toStdString()); });
}

bool Session::setPointNotes(qint64 id, qint64 point, const QString& notes, QString* error) {
    const bool ok = storeCall(tr("exploration %1 has no point %2").arg(id).arg(point), error,
                              [&](core::ExplorationStore& s) { return s.setPointNotes(id, point, notes.toStdString()); });
    if (ok) m_pointNotes.insert({id, point}, notes);
    return ok;
}

QString Session::pointNotes(views::PointRef ref) const {
    const core::DesignPoint* p = views::pointAt(m_shown, ref);
    if (!p) return {};
    const auto it = m_pointNotes.find({m_shown[ref.exploration]->id, ref.point});
    return it != m_pointNotes.end() ? it.value() : QString::fromStdString(p->notes);
}

std::vector<core::PointSummary> Session::queryPoints(const core::PointQuery& query, QString* error) const {
    if (!m_store) return {};
    try {
        return m_store->queryPoints(query);
    } catch (const std::exception& e) {
        if (error) *error = QString::fromUtf8(e.what());
        return {};
    }
}

// ---- explorations

bool Session::runExploration(const QString& strategyName, const core::OptionValues& options) {
    const solver::explore::Strategy* strategy = solver::explore::findStrategy(strategyName.toStdString());
    if (!strategy) {
        emit explorationFailed(tr("There is no strategy named '%1'.").arg(strategyName));
        return false;
    }
    if (!m_network || !m_platform) {
        emit explorationFailed(tr("Open a network and a platform first."));
        return false;
    }
    const views::NetworkSnapshotPtr network = m_network;
    const std::shared_ptr<const core::Platform> platform = m_platform;
    const std::string storeFile = m_store ? m_store->path().string() : std::string();
    const std::string spec = network->spec.toStdString();
    std::function<Explored(JobContext&)> work = [=, this](JobContext& job) {
        // The partial snapshot grows as points arrive; deliveries are throttled.
        std::mutex mutex;
        auto partial = std::make_shared<core::Exploration>();
        partial->name = network->network.name + " on " + platform->name() + " (" + std::string(strategy->name()) + ")";
        partial->strategy = std::string(strategy->name());
        partial->options = options;
        QElapsedTimer sinceDelivery;  // invalid until the first delivery, which goes at once
        auto deliver = [&]() {
            auto copy = std::make_shared<const core::Exploration>(*partial);
            job.deliver([this, copy]() { emit explorationPartial(copy); });
            sinceDelivery.restart();
        };
        solver::explore::RunContext context;
        // Leave a core to the GUI thread.
        context.threads = std::max(1, QThread::idealThreadCount() - 1);
        context.progress = [&job](double fraction, std::string_view message) {
            QString text = fromStd(message);
            if (!text.isEmpty()) text[0] = text[0].toUpper();
            return job.progress(fraction, text);
        };
        context.point = [&](const core::DesignPoint& point) {
            std::lock_guard lock(mutex);
            partial->points.push_back(point);
            if (!sinceDelivery.isValid() || sinceDelivery.elapsed() >= kPartialIntervalMs) deliver();
        };
        Explored out;
        out.exploration = solver::explore::explore(*strategy, network->network, spec, *platform, options, context);
        if (job.isCancelled()) return out;
        if (!storeFile.empty() && out.exploration.status != core::Status::InvalidInput) {
            if (!job.progress(0.999, QStringLiteral("Saving to %1").arg(QString::fromStdString(storeFile)))) return out;
            try {
                core::ExplorationStore store(storeFile);
                out.exploration.id = store.save(out.exploration);
            } catch (const std::exception& e) {
                out.saveError = QString::fromUtf8(e.what());
            }
        }
        return out;
    };
    m_jobs.start<Explored>(
        m_exploreJob, std::move(work),
        [this](Explored result) {
            if (result.exploration.status == core::Status::InvalidInput) {
                emit explorationFailed(QString::fromStdString(result.exploration.message));
                return;
            }
            auto shown = std::make_shared<const core::Exploration>(std::move(result.exploration));
            if (!result.saveError.isEmpty()) emit storeFailed(tr("The exploration was not saved: %1").arg(result.saveError));
            refreshExplorations();
            showExploration(shown, false);
            emit explorationFinished(shown);
        },
        [this](const QString& message) { emit explorationFailed(message); });
    emit explorationStarted(strategyName);
    return true;
}

void Session::cancelExploration() { m_exploreJob.cancel(); }

void Session::openExploration(qint64 id, bool add, int selectPoint) {
    if (!m_store) {
        emit storeFailed(tr("No database is open."));
        return;
    }
    const std::string file = m_store->path().string();
    std::function<views::ExplorationPtr(JobContext&)> work = [file, id](JobContext& job) -> views::ExplorationPtr {
        job.progress(0, QStringLiteral("Loading exploration %1").arg(id));
        const core::ExplorationStore store(file, /*readOnly=*/true);
        auto loaded = store.load(id);
        if (!loaded) throw core::FormatError(file + ": there is no exploration " + std::to_string(id));
        return std::make_shared<const core::Exploration>(std::move(*loaded));
    };
    m_jobs.start<views::ExplorationPtr>(
        m_loadJob, std::move(work),
        [this, add, selectPoint](views::ExplorationPtr e) { showWithInputs(std::move(e), add, selectPoint, true); },
        [this](const QString& message) { emit storeFailed(message); });
}

void Session::overlayExplorations(const QList<qint64>& ids) {
    if (!m_store || ids.isEmpty()) return;
    const std::string file = m_store->path().string();
    std::function<views::ExplorationSet(JobContext&)> work = [file, ids](JobContext& job) {
        const core::ExplorationStore store(file, /*readOnly=*/true);
        views::ExplorationSet loaded;
        for (qsizetype i = 0; i < ids.size(); ++i) {
            if (!job.progress(static_cast<double>(i) / ids.size(), QStringLiteral("Loading exploration %1").arg(ids[i])))
                return loaded;
            auto e = store.load(ids[i]);
            if (!e) throw core::FormatError(file + ": there is no exploration " + std::to_string(ids[i]));
            loaded.push_back(std::make_shared<const core::Exploration>(std::move(*e)));
        }
        return loaded;
    };
    m_jobs.start<views::ExplorationSet>(
        m_loadJob, std::move(work),
        [this](views::ExplorationSet loaded) {
            // The graph and table show one network: overlay what ran on it.
            views::ExplorationSet shown = m_shown;
            QStringList refused;
            for (const auto& e : loaded) {
                if (m_network && e->inputs.networkHash == m_network->hash)
                    shown.push_back(e);
                else
                    refused << QString::fromStdString(e->name);
            }
            if (!refused.isEmpty())
                emit storeFailed(tr("Not overlaid, they ran on another network than %1: %2")
                                     .arg(m_network ? QString::fromStdString(m_network->network.name) : tr("the one open"),
                                          refused.join(QStringLiteral("; "))));
            if (shown.size() != m_shown.size()) setShown(std::move(shown), m_selection);
        },
        [this](const QString& message) { emit storeFailed(message); });
}

void Session::showWithInputs(views::ExplorationPtr exploration, bool add, int selectPoint, bool adoptPlatform) {
    // The platform the exploration ran on becomes the session's (the
    // descriptor is stored with it, so a deleted or changed file is no issue).
    if (adoptPlatform && (!m_platform || m_platform->hash() != exploration->inputs.platformHash)) {
        try {
            m_platform = std::make_shared<const core::Platform>(
                core::platformFromJson(exploration->inputs.platformDocument, exploration->inputs.platform));
            m_platformSpec = QString::fromStdString(exploration->inputs.platform);
            emit platformChanged(m_platformSpec);
        } catch (const std::exception& e) {
            emit storeFailed(QString::fromUtf8(e.what()));
        }
    }
    const bool sameNetwork = m_network && m_network->hash == exploration->inputs.networkHash;
    if (sameNetwork) {
        setShown(add ? m_shown + views::ExplorationSet{exploration} : views::ExplorationSet{exploration},
                 {add ? static_cast<int>(m_shown.size()) : 0, selectPoint});
        return;
    }
    // Its layer ids refer to its own network: show that network first.
    const QString spec = QString::fromStdString(exploration->inputs.networkSpec);
    std::function<views::NetworkSnapshotPtr(JobContext&)> work = [exploration, spec](JobContext& job) {
        job.progress(0.1, QStringLiteral("Rebuilding %1").arg(QString::fromStdString(exploration->inputs.network)));
        core::Network network = core::networkFromJson(exploration->inputs.networkDocument, exploration->inputs.network);
        return snapshotIn(job, std::move(network), spec);
    };
    m_jobs.start<views::NetworkSnapshotPtr>(
        m_networkJob, std::move(work),
        [this, exploration, selectPoint](views::NetworkSnapshotPtr network) {
            if (!network) return;
            setNetwork(std::move(network), {});
            // Another network: explorations of the old one no longer fit the views.
            setShown({exploration}, {0, selectPoint});
        },
        [this, spec](const QString& message) { emit networkFailed(spec, naming(spec, message)); });
}

void Session::showExploration(views::ExplorationPtr exploration, bool add) {
    if (!exploration) return;
    showWithInputs(std::move(exploration), add, -1, false);
}

void Session::closeExplorations() { setShown({}, {}); }

void Session::setShown(views::ExplorationSet shown, views::PointRef select) {
    m_shown = std::move(shown);
    m_filter.clear();
    // Select the requested point, else the first front point of the newest.
    if (!views::pointAt(m_shown, select) && !m_shown.isEmpty()) {
        const int e = select.exploration >= 0 && select.exploration < m_shown.size() ? select.exploration
                                                                                     : static_cast<int>(m_shown.size()) - 1;
        const auto& points = m_shown[e]->points;
        select = {e, points.empty() ? -1 : 0};
        for (std::size_t i = 0; i < points.size(); ++i)
            if (points[i].onFront) {
                select.point = static_cast<int>(i);
                break;
            }
    }
    emit explorationsChanged(m_shown);
    emit filterChanged(m_filter);
    m_selection = views::pointAt(m_shown, select) ? select : views::PointRef{};
    emit selectionChanged(m_selection);
}

// ---- editing

const Session::EditInputs* Session::editInputs() const {
    if (!views::pointAt(m_shown, m_selection)) return nullptr;
    const views::ExplorationPtr& e = m_shown[m_selection.exploration];
    if (m_editFor != e) {
        m_editFor = e;
        m_edit = {};
        m_edit.strategy = solver::explore::findStrategy(e->strategy);
        try {
            // The open network when it is the exploration's (it usually is:
            // showing an exploration opens its network), else its document.
            if (m_network && m_network->hash == e->inputs.networkHash)
                m_edit.network = std::shared_ptr<const core::Network>(m_network, &m_network->network);
            else
                m_edit.network = std::make_shared<const core::Network>(
                    core::networkFromJson(e->inputs.networkDocument, e->inputs.network));
            m_edit.platform = std::make_shared<const core::Platform>(
                core::platformFromJson(e->inputs.platformDocument, e->inputs.platform));
        } catch (const std::exception&) {
            m_edit.strategy = nullptr;  // a document that no longer reads: nothing to edit with
        }
    }
    return m_edit.strategy ? &m_edit : nullptr;
}

std::vector<core::EditableChoice> Session::editableChoices(int layerId) const {
    if (layerId < 0) return {};
    const EditInputs* in = editInputs();
    if (!in) return {};
    const core::Exploration& e = *m_shown[m_selection.exploration];
    for (const core::LayerDecision& d : selectedPoint()->layers)
        if (d.layerId == layerId) return in->strategy->editable(*in->network, *in->platform, e.options, d);
    return {};
}

core::DesignPoint Session::evaluateEdits(const std::vector<core::LayerEdit>& edits) const {
    const EditInputs* in = editInputs();
    if (!in) {
        core::DesignPoint p;
        p.status = core::Status::InvalidInput;
        p.message = tr("No design point is selected, or its strategy cannot edit it.").toStdString();
        return p;
    }
    return in->strategy->evaluate(*in->network, *in->platform, *m_shown[m_selection.exploration],
                                  static_cast<std::size_t>(m_selection.point), edits);
}

void Session::keepEditedPoint(const std::vector<core::LayerEdit>& edits, bool reoptimise) {
    const EditInputs* in = editInputs();
    if (!in) {
        emit editFailed(tr("No design point is selected, or its strategy cannot edit it."));
        return;
    }
    if (!reoptimise) {
        core::DesignPoint p = evaluateEdits(edits);
        if (p.status == core::Status::InvalidInput) {
            emit editFailed(QString::fromStdString(p.message));
            return;
        }
        addPoint(m_selection.exploration, std::move(p));
        return;
    }
    const EditInputs inputs = *in;
    const views::ExplorationPtr e = m_shown[m_selection.exploration];
    const std::size_t index = static_cast<std::size_t>(m_selection.point);
    std::function<core::DesignPoint(JobContext&)> work = [inputs, e, index, edits](JobContext& job) {
        solver::explore::RunContext context;
        context.progress = [&job](double fraction, std::string_view message) { return job.progress(fraction, fromStd(message)); };
        return inputs.strategy->reoptimise(*inputs.network, *inputs.platform, *e, index, edits, context);
    };
    m_jobs.start<core::DesignPoint>(
        m_editJob, std::move(work),
        [this, e](core::DesignPoint p) {
            if (p.status == core::Status::InvalidInput) {
                emit editFailed(QString::fromStdString(p.message));
                return;
            }
            const int at = static_cast<int>(m_shown.indexOf(e));
            if (at < 0) {
                emit editFailed(tr("The re-optimised point was dropped: its exploration is no longer on show."));
                return;
            }
            addPoint(at, std::move(p));
        },
        [this](const QString& message) { emit editFailed(message); });
}

void Session::addPoint(int at, core::DesignPoint point) {
    auto edited = std::make_shared<core::Exploration>(*m_shown[at]);
    // Notes edited in this session go with the copy.
    for (std::size_t k = 0; k < edited->points.size(); ++k) {
        const auto it = m_pointNotes.find({edited->id, static_cast<qint64>(k)});
        if (it != m_pointNotes.end()) edited->points[k].notes = it.value().toStdString();
    }
    edited->points.push_back(std::move(point));
    solver::explore::markFront(*edited);
    if (std::find(edited->tags.begin(), edited->tags.end(), "edited") == edited->tags.end()) edited->tags.push_back("edited");
    if (m_store) {
        try {
            edited->id = m_store->save(*edited);
        } catch (const std::exception& e) {
            emit storeFailed(tr("The edited point was not saved: %1").arg(QString::fromUtf8(e.what())));
        }
        refreshExplorations();
    }
    views::ExplorationSet shown = m_shown;
    shown[at] = std::move(edited);
    const views::PointRef ref{at, static_cast<int>(shown[at]->points.size()) - 1};
    setShown(std::move(shown), ref);
    emit pointAdded(ref);
}

// ---- selection and filter

void Session::selectPoint(views::PointRef ref) {
    if (!views::pointAt(m_shown, ref)) ref = {};
    if (ref == m_selection) return;
    m_selection = ref;
    emit selectionChanged(m_selection);
}

void Session::setFilter(const views::PointMask& mask) {
    m_filter = mask;
    emit filterChanged(m_filter);
}

}  // namespace tessera::gui
