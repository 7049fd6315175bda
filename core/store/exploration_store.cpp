#include "core/store/exploration_store.h"

#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

#include "core/store/exploration_store_internal.h"
#include "core/store/sqlite_internal.h"
#include "core/store/store_schema_internal.h"
#include "core/store/store_text_internal.h"
#include "core/types.h"

namespace tessera::core {

using store::BadValue;
using store::guarded;
using store::readOrFail;
using store::ResetOnExit;
using store::statusFromText;
using store::Statement;
using store::Transaction;

namespace {

// --- SQL

constexpr const char* kFindNetwork = "SELECT id, name, document FROM networks WHERE hash = ?1";
constexpr const char* kInsertNetwork = "INSERT INTO networks (hash, name, document) VALUES (?1, ?2, ?3)";
constexpr const char* kFindPlatform = "SELECT id, name, document FROM platforms WHERE hash = ?1";
constexpr const char* kInsertPlatform = "INSERT INTO platforms (hash, name, document) VALUES (?1, ?2, ?3)";
constexpr const char* kInsertExploration =
    "INSERT INTO explorations (name, created, strategy, status, message, seconds, network_id, network_spec, "
    "platform_id, tool_version, solver_version, seed, notes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
constexpr const char* kInsertOption = "INSERT INTO options (exploration_id, name, type, value) VALUES (?1, ?2, ?3, ?4)";
constexpr const char* kInsertTag = "INSERT OR IGNORE INTO tags (exploration_id, tag, position) VALUES (?1, ?2, ?3)";
constexpr const char* kInsertPoint =
    "INSERT INTO points (exploration_id, idx, label, status, message, baseline, on_front, latency_ms, energy_mj, "
    "power_w, feasible, detail, notes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
constexpr const char* kInsertResource = "INSERT INTO point_resources (point_id, seq, device, resource, unit, used, budget) "
                                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
constexpr const char* kInsertViolation = "INSERT INTO point_violations (point_id, seq, device, reason) VALUES (?1, ?2, ?3, ?4)";
// Layers go in kLayerBatch rows per statement (and the rest one by one):
// a statement per row costs a third more.
constexpr int kLayerBatch = 50;
constexpr int kLayerColumns = 10;
std::string insertLayersSql(int rows) {
    std::string sql = "INSERT INTO layer_decisions (point_id, seq, layer_id, layer, choice, shares, latency_ms, energy_mj, "
                      "detail, resources) VALUES ";
    for (int r = 0; r < rows; ++r) sql += r ? ",(?,?,?,?,?,?,?,?,?,?)" : "(?,?,?,?,?,?,?,?,?,?)";
    return sql;
}

constexpr const char* kSelectExploration =
    "SELECT e.name, e.created, e.strategy, e.status, e.message, e.seconds, e.network_spec, e.tool_version, "
    "e.solver_version, e.seed, n.hash, n.name, n.document, p.hash, p.name, p.document, e.notes FROM explorations e "
    "JOIN networks n ON n.id = e.network_id JOIN platforms p ON p.id = e.platform_id WHERE e.id = ?1";
constexpr const char* kSelectOptions = "SELECT name, type, value FROM options WHERE exploration_id = ?1";
constexpr const char* kSelectTags = "SELECT tag FROM tags WHERE exploration_id = ?1 ORDER BY position, tag";
constexpr const char* kSelectPoints =
    "SELECT id, label, status, message, baseline, on_front, latency_ms, energy_mj, power_w, feasible, detail, notes "
    "FROM points WHERE exploration_id = ?1 ORDER BY idx";
constexpr const char* kSelectResources =
    "SELECT device, resource, unit, used, budget FROM point_resources WHERE point_id = ?1 ORDER BY seq";
constexpr const char* kSelectViolations = "SELECT device, reason FROM point_violations WHERE point_id = ?1 ORDER BY seq";
constexpr const char* kSelectLayers =
    "SELECT layer_id, layer, choice, shares, latency_ms, energy_mj, detail, resources FROM layer_decisions "
    "WHERE point_id = ?1 ORDER BY seq";

// Every summary in one statement: the points' count and best KPIs in one
// pass over points, the tags as a JSON array (in no particular order).
constexpr const char* kSelectSummaries = R"(
    SELECT e.id, e.name, n.name, p.name, e.strategy, coalesce(k.points, 0), e.created, e.status, k.best_latency,
           k.best_energy, e.notes, t.tags
    FROM explorations e JOIN networks n ON n.id = e.network_id JOIN platforms p ON p.id = e.platform_id
    LEFT JOIN (SELECT exploration_id, count(*) AS points, min(CASE WHEN feasible THEN latency_ms END) AS best_latency,
                      min(CASE WHEN feasible THEN energy_mj END) AS best_energy
               FROM points GROUP BY exploration_id) k ON k.exploration_id = e.id
    LEFT JOIN (SELECT exploration_id, json_group_array(tag) AS tags FROM tags GROUP BY exploration_id) t
           ON t.exploration_id = e.id
    WHERE (?1 = '' OR n.name = ?1 OR e.network_spec = ?1) AND (?2 = '' OR e.strategy = ?2)
      AND (?3 = '' OR EXISTS (SELECT 1 FROM tags WHERE exploration_id = e.id AND tag = ?3))
    ORDER BY e.id DESC)";

constexpr const char* kRename = "UPDATE explorations SET name = ?2 WHERE id = ?1";
constexpr const char* kSetNotes = "UPDATE explorations SET notes = ?2 WHERE id = ?1";
constexpr const char* kSetPointNotes = "UPDATE points SET notes = ?3 WHERE exploration_id = ?1 AND idx = ?2";
constexpr const char* kSelectInputs = "SELECT network_id, platform_id FROM explorations WHERE id = ?1";
constexpr const char* kAppendTag = "INSERT OR IGNORE INTO tags (exploration_id, tag, position) "
                                   "VALUES (?1, ?2, (SELECT coalesce(max(position) + 1, 0) FROM tags WHERE exploration_id = ?1))";
constexpr const char* kDeleteExploration = "DELETE FROM explorations WHERE id = ?1";
constexpr const char* kDeleteOrphanNetwork =
    "DELETE FROM networks WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM explorations WHERE network_id = ?1)";
constexpr const char* kDeleteOrphanPlatform =
    "DELETE FROM platforms WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM explorations WHERE platform_id = ?1)";

}  // namespace

std::int64_t ExplorationStore::Impl::save(const Exploration& e) {
    // Where a value that cannot be stored is, for the message.
    long pointIndex = -1, layerIndex = -1;
    const char* field = "";
    try {
        Transaction transaction(db(), Transaction::Kind::Write);
        field = "inputs.network_document";
        const std::int64_t networkId = intern(findNetwork, kFindNetwork, insertNetwork, kInsertNetwork, e.inputs.networkHash,
                                              e.inputs.network, store::writeJson(e.inputs.networkDocument));
        field = "inputs.platform_document";
        const std::int64_t platformId = intern(findPlatform, kFindPlatform, insertPlatform, kInsertPlatform,
                                               e.inputs.platformHash, e.inputs.platform,
                                               store::writeJson(e.inputs.platformDocument));
        use(insertExploration, kInsertExploration)
            .bind(1, e.name)
            .bind(2, e.created)
            .bind(3, e.strategy)
            .bind(4, statusName(e.status))
            .bind(5, e.message)
            .bind(6, e.seconds)
            .bind(7, networkId)
            .bind(8, e.inputs.networkSpec)
            .bind(9, platformId)
            .bind(10, e.inputs.toolVersion)
            .bind(11, e.inputs.solverVersion)
            .bind(12, static_cast<std::int64_t>(e.inputs.seed))  // bit pattern: reads back as the same uint64
            .bind(13, e.notes)
            .run();
        const std::int64_t id = sqlite3_last_insert_rowid(db());

        for (const auto& [name, value] : e.options) {
            const auto [type, text] = store::writeOption(value);
            use(insertOption, kInsertOption).bind(1, id).bind(2, name).bind(3, type).bind(4, text).run();
        }
        for (std::size_t i = 0; i < e.tags.size(); ++i)
            use(insertTag, kInsertTag).bind(1, id).bind(2, e.tags[i]).bind(3, static_cast<std::int64_t>(i)).run();

        Statement& point = use(insertPoint, kInsertPoint);
        Statement& resource = use(insertResource, kInsertResource);
        Statement& violation = use(insertViolation, kInsertViolation);
        static const std::string kInsertLayer = insertLayersSql(1), kInsertLayers = insertLayersSql(kLayerBatch);
        Statement& layer = use(insertLayer, kInsertLayer);
        Statement& layers = use(insertLayers, kInsertLayers);
        std::string choice, shares, resources;
        // Binds layer `index` of `p` as row `row` of `s`.
        const auto bindLayer = [&](Statement& s, int row, std::int64_t pointId, const DesignPoint& p, std::size_t index) {
            const LayerDecision& l = p.layers[index];
            const int c = row * kLayerColumns;
            layerIndex = static_cast<long>(index);
            field = "choice";
            store::writeChoice(choice, l.choice);
            field = "shares";
            store::writeShares(shares, l.shares);
            field = "resources";
            if (!l.resources.empty()) store::writeResources(resources, l.resources);
            field = "detail";
            s.bind(c + 1, pointId)
                .bind(c + 2, static_cast<std::int64_t>(index))
                .bind(c + 3, l.layerId)
                .bind(c + 4, l.layer)
                .bind(c + 5, choice)
                .bind(c + 6, shares)
                .bind(c + 7, l.latencyMs)
                .bind(c + 8, l.energyMj);
            if (l.detail.is_null()) s.bindNull(c + 9);
            else s.bind(c + 9, store::writeJson(l.detail));
            if (l.resources.empty()) s.bindNull(c + 10);
            else s.bind(c + 10, resources);
        };
        for (const DesignPoint& p : e.points) {
            ++pointIndex;
            layerIndex = -1;
            field = "detail";
            point.bind(1, id)
                .bind(2, static_cast<std::int64_t>(pointIndex))
                .bind(3, p.label)
                .bind(4, statusName(p.status))
                .bind(5, p.message)
                .bind(6, p.baseline)
                .bind(7, p.onFront)
                .bind(8, p.latencyMs)
                .bind(9, p.energyMj)
                .bind(10, p.powerW)
                .bind(11, p.feasible);
            if (p.detail.is_null()) point.bindNull(12);
            else point.bind(12, store::writeJson(p.detail));
            point.bind(13, p.notes);
            point.run();
            const std::int64_t pointId = sqlite3_last_insert_rowid(db());
            for (std::size_t k = 0; k < p.resources.size(); ++k) {
                const ResourceUse& u = p.resources[k];
                resource.bind(1, pointId).bind(2, static_cast<std::int64_t>(k)).bind(3, u.device).bind(4, u.resource);
                resource.bind(5, u.unit).bind(6, u.used).bind(7, u.budget).run();
            }
            for (std::size_t k = 0; k < p.violations.size(); ++k) {
                const DeviceVerdict& v = p.violations[k];
                violation.bind(1, pointId).bind(2, static_cast<std::int64_t>(k)).bind(3, v.device).bind(4, v.reason).run();
            }
            std::size_t j = 0;
            for (; j + kLayerBatch <= p.layers.size(); j += kLayerBatch) {
                for (int r = 0; r < kLayerBatch; ++r) bindLayer(layers, r, pointId, p, j + r);
                layers.run();
            }
            for (; j < p.layers.size(); ++j) {
                bindLayer(layer, 0, pointId, p, j);
                layer.run();
            }
        }
        transaction.commit();
        return id;
    } catch (const BadValue& bad) {
        std::string where;
        if (pointIndex >= 0) where += "points[" + std::to_string(pointIndex) + "]";
        if (layerIndex >= 0) where += ".layers[" + std::to_string(layerIndex) + "]";
        where += (where.empty() ? "" : ".") + std::string(field);
        throw FormatError(file + ": save: " + where + ": " + bad.problem);
    }
}

Exploration ExplorationStore::Impl::load(std::int64_t id, Statement& head) {
    const std::string context = file + ": load: exploration " + std::to_string(id);
    Exploration e;
    e.id = id;
    e.name = head.text(0);
    e.created = head.text(1);
    e.strategy = head.text(2);
    e.status = statusFromText(head.text(3), [&] { return context; });
    e.message = head.text(4);
    e.seconds = head.real(5);
    ExplorationInputs& in = e.inputs;
    in.networkSpec = head.text(6);
    in.toolVersion = head.text(7);
    in.solverVersion = head.text(8);
    in.seed = static_cast<std::uint64_t>(head.integer(9));
    in.networkHash = head.text(10);
    in.network = head.text(11);
    in.networkDocument = readOrFail([&] { return context + ": network document"; },
                                    [&] { return store::readJson(head.view(12)); });
    in.platformHash = head.text(13);
    in.platform = head.text(14);
    in.platformDocument = readOrFail([&] { return context + ": platform document"; },
                                     [&] { return store::readJson(head.view(15)); });
    e.notes = head.text(16);

    {
        Statement& s = use(selectOptions, kSelectOptions);
        ResetOnExit reset(s);
        s.bind(1, id);
        while (s.step()) {
            std::string name = s.text(0);
            e.options[name] = readOrFail([&] { return context + ": option '" + name + "'"; },
                                         [&] { return store::readOption(s.view(1), s.view(2)); });
        }
    }
    {
        Statement& s = use(selectTags, kSelectTags);
        ResetOnExit reset(s);
        s.bind(1, id);
        while (s.step()) e.tags.push_back(s.text(0));
    }

    Statement& points = use(selectPoints, kSelectPoints);
    ResetOnExit resetPoints(points);
    points.bind(1, id);
    std::vector<std::int64_t> pointIds;
    while (points.step()) {
        const auto where = [&, k = e.points.size()] { return context + ": points[" + std::to_string(k) + "]"; };
        DesignPoint& p = e.points.emplace_back();
        pointIds.push_back(points.integer(0));
        p.label = points.text(1);
        p.status = statusFromText(points.text(2), where);
        p.message = points.text(3);
        p.baseline = points.integer(4) != 0;
        p.onFront = points.integer(5) != 0;
        p.latencyMs = points.real(6);
        p.energyMj = points.real(7);
        p.powerW = points.real(8);
        p.feasible = points.integer(9) != 0;
        if (!points.isNull(10))
            p.detail = readOrFail([&] { return where() + ".detail"; }, [&] { return store::readJson(points.view(10)); });
        p.notes = points.text(11);
    }

    Statement& resources = use(selectResources, kSelectResources);
    Statement& violations = use(selectViolations, kSelectViolations);
    Statement& layers = use(selectLayers, kSelectLayers);
    for (std::size_t k = 0; k < e.points.size(); ++k) {
        DesignPoint& p = e.points[k];
        {
            ResetOnExit reset(resources);
            resources.bind(1, pointIds[k]);
            while (resources.step())
                p.resources.push_back({resources.text(0), resources.text(1), resources.text(2), resources.real(3),
                                       resources.real(4)});
        }
        {
            ResetOnExit reset(violations);
            violations.bind(1, pointIds[k]);
            while (violations.step()) p.violations.push_back({violations.text(0), violations.text(1)});
        }
        ResetOnExit reset(layers);
        layers.bind(1, pointIds[k]);
        while (layers.step()) {
            const auto where = [&, n = p.layers.size()] {
                return context + ": points[" + std::to_string(k) + "].layers[" + std::to_string(n) + "]";
            };
            LayerDecision& l = p.layers.emplace_back();
            const std::int64_t layerId = layers.integer(0);
            if (layerId < -1 || layerId > static_cast<std::int64_t>(kMaxLayers))
                throw FormatError(where() + ": layer id " + std::to_string(layerId) + " out of range");
            l.layerId = static_cast<int>(layerId);
            l.layer = layers.text(1);
            l.choice = readOrFail([&] { return where() + ".choice"; }, [&] { return store::readChoice(layers.view(2)); });
            l.shares = readOrFail([&] { return where() + ".shares"; }, [&] { return store::readShares(layers.view(3)); });
            l.latencyMs = layers.real(4);
            l.energyMj = layers.real(5);
            if (!layers.isNull(6))
                l.detail = readOrFail([&] { return where() + ".detail"; }, [&] { return store::readJson(layers.view(6)); });
            if (!layers.isNull(7))
                l.resources = readOrFail([&] { return where() + ".resources"; },
                                         [&] { return store::readResources(layers.view(7)); });
        }
    }
    return e;
}

std::vector<ExplorationSummary> ExplorationStore::Impl::list(const ExplorationFilter& filter) {
    std::vector<ExplorationSummary> out;
    Statement& s = use(selectSummaries, kSelectSummaries);
    ResetOnExit reset(s);
    s.bind(1, filter.network).bind(2, filter.strategy).bind(3, filter.tag);
    while (s.step()) {
        ExplorationSummary& summary = out.emplace_back();
        summary.id = s.integer(0);
        summary.name = s.text(1);
        summary.network = s.text(2);
        summary.platform = s.text(3);
        summary.strategy = s.text(4);
        summary.points = s.integer(5);
        summary.created = s.text(6);
        const auto where = [&] { return file + ": list: exploration " + std::to_string(summary.id); };
        summary.status = statusFromText(s.text(7), where);
        summary.bestLatencyMs = s.real(8);
        summary.bestEnergyMj = s.real(9);
        summary.notes = s.text(10);
        if (!s.isNull(11))
            summary.tags = readOrFail([&] { return where() + ": tags"; }, [&] { return store::readTagList(s.view(11)); });
    }
    return out;
}

std::filesystem::path ExplorationStore::defaultPath() {
    namespace fs = std::filesystem;
    fs::path base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && fs::path(xdg).is_absolute()) {
        base = xdg;
    } else if (const char* home = std::getenv("HOME"); home && *home) {
        base = fs::path(home) / ".local" / "share";
    } else if (const passwd* pw = getpwuid(getuid()); pw && pw->pw_dir && *pw->pw_dir) {
        base = fs::path(pw->pw_dir) / ".local" / "share";
    }
    return base / "tessera" / "explorations.sqlite";
}

ExplorationStore::ExplorationStore(const std::filesystem::path& file, bool readOnly) : m_impl(std::make_unique<Impl>()) {
    m_impl->path = file;
    m_impl->file = file.string();
    m_impl->opened = store::openDatabase(m_impl->connection, file, readOnly);
}

ExplorationStore::~ExplorationStore() = default;
ExplorationStore::ExplorationStore(ExplorationStore&&) noexcept = default;
ExplorationStore& ExplorationStore::operator=(ExplorationStore&&) noexcept = default;

const std::filesystem::path& ExplorationStore::path() const { return m_impl->path; }

std::int64_t ExplorationStore::save(const Exploration& exploration) {
    Impl& d = *m_impl;
    d.requireWritable("save");
    return guarded(d.file, "save", [&] { return d.save(exploration); });
}

std::optional<Exploration> ExplorationStore::load(std::int64_t id) const {
    Impl& d = *m_impl;
    return guarded(d.file, "load", [&]() -> std::optional<Exploration> {
        // One read transaction: the exploration as one snapshot, even while
        // another process removes it.
        Transaction transaction(d.db(), Transaction::Kind::Read);
        Statement& head = d.use(d.selectExploration, kSelectExploration);
        ResetOnExit reset(head);
        head.bind(1, id);
        if (!head.step()) return std::nullopt;
        Exploration e = d.load(id, head);
        head.reset();
        transaction.commit();
        return e;
    });
}

std::vector<ExplorationSummary> ExplorationStore::list(const ExplorationFilter& filter) const {
    Impl& d = *m_impl;
    return guarded(d.file, "list", [&] {
        Transaction transaction(d.db(), Transaction::Kind::Read);
        auto out = d.list(filter);
        transaction.commit();
        return out;
    });
}

bool ExplorationStore::writable() const { return !m_impl->opened.readOnly; }

bool ExplorationStore::rename(std::int64_t id, const std::string& name) {
    Impl& d = *m_impl;
    return d.updateOne("rename", d.rename, kRename, [&](Statement& s) -> Statement& { return s.bind(1, id).bind(2, name); });
}

bool ExplorationStore::setNotes(std::int64_t exploration, const std::string& text) {
    Impl& d = *m_impl;
    return d.updateOne("notes", d.setNotes, kSetNotes,
                       [&](Statement& s) -> Statement& { return s.bind(1, exploration).bind(2, text); });
}

bool ExplorationStore::setPointNotes(std::int64_t exploration, std::int64_t pointIndex, const std::string& text) {
    Impl& d = *m_impl;
    return d.updateOne("point notes", d.setPointNotes, kSetPointNotes,
                       [&](Statement& s) -> Statement& { return s.bind(1, exploration).bind(2, pointIndex).bind(3, text); });
}

bool ExplorationStore::addTag(std::int64_t id, const std::string& tag) {
    Impl& d = *m_impl;
    d.requireWritable("tag");
    return guarded(d.file, "tag", [&] {
        Transaction transaction(d.db(), Transaction::Kind::Write);
        {
            Statement& s = d.use(d.selectInputs, kSelectInputs);
            ResetOnExit reset(s);
            if (!s.bind(1, id).step()) return false;
        }
        d.use(d.appendTag, kAppendTag).bind(1, id).bind(2, tag).run();
        transaction.commit();
        return true;
    });
}

bool ExplorationStore::remove(std::int64_t id) {
    Impl& d = *m_impl;
    d.requireWritable("remove");
    return guarded(d.file, "remove", [&] {
        Transaction transaction(d.db(), Transaction::Kind::Write);
        std::int64_t networkId = 0, platformId = 0;
        {
            Statement& s = d.use(d.selectInputs, kSelectInputs);
            ResetOnExit reset(s);
            if (!s.bind(1, id).step()) return false;
            networkId = s.integer(0);
            platformId = s.integer(1);
        }
        // Points, their resources, violations and layers, the options and
        // the tags go with it (ON DELETE CASCADE); inputs no other
        // exploration uses, too.
        d.use(d.deleteExploration, kDeleteExploration).bind(1, id).run();
        d.use(d.deleteOrphanNetwork, kDeleteOrphanNetwork).bind(1, networkId).run();
        d.use(d.deleteOrphanPlatform, kDeleteOrphanPlatform).bind(1, platformId).run();
        transaction.commit();
        return true;
    });
}

}  // namespace tessera::core
