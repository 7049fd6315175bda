// The store's schema: its DDL, the migrations from older versions, and how a
// file is opened and recognised (docs/explorations.md, "Store").

#include <unistd.h>

#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <string_view>
#include <system_error>
#include <thread>

#include "core/store/exploration_store.h"
#include "core/store/store_schema_internal.h"
#include "core/types.h"

namespace tessera::core::store {

namespace {

namespace fs = std::filesystem;

// The current schema (version 3). Every KPI of a point is a REAL column (NULL
// for NaN); the strategy's detail, a layer's choice, shares and resources are
// JSON text. networks and platforms hold each distinct input once (by hash,
// name and document); explorations use AUTOINCREMENT so an id is never
// reused. Every statement names its columns: a migrated file has the
// columns a migration added last (ALTER TABLE), a new one may not.
constexpr const char* kSchemaDdl = R"sql(
CREATE TABLE networks (
    id       INTEGER PRIMARY KEY,
    hash     TEXT NOT NULL,
    name     TEXT NOT NULL,
    document TEXT NOT NULL
);
CREATE INDEX networks_by_hash ON networks(hash);
CREATE TABLE platforms (
    id       INTEGER PRIMARY KEY,
    hash     TEXT NOT NULL,
    name     TEXT NOT NULL,
    document TEXT NOT NULL
);
CREATE INDEX platforms_by_hash ON platforms(hash);
CREATE TABLE explorations (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    name           TEXT NOT NULL,
    created        TEXT NOT NULL,
    strategy       TEXT NOT NULL,
    status         TEXT NOT NULL,
    message        TEXT NOT NULL,
    seconds        REAL,
    network_id     INTEGER NOT NULL REFERENCES networks(id),
    network_spec   TEXT NOT NULL,
    platform_id    INTEGER NOT NULL REFERENCES platforms(id),
    tool_version   TEXT NOT NULL,
    solver_version TEXT NOT NULL,
    seed           INTEGER NOT NULL,
    notes          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX explorations_by_network ON explorations(network_id);
CREATE INDEX explorations_by_platform ON explorations(platform_id);
CREATE INDEX explorations_by_strategy ON explorations(strategy);
CREATE TABLE options (
    exploration_id INTEGER NOT NULL REFERENCES explorations(id) ON DELETE CASCADE,
    name           TEXT NOT NULL,
    type           TEXT NOT NULL CHECK (type IN ('boolean', 'integer', 'number', 'text')),
    value          TEXT NOT NULL,
    PRIMARY KEY (exploration_id, name)
) WITHOUT ROWID;
CREATE TABLE tags (
    exploration_id INTEGER NOT NULL REFERENCES explorations(id) ON DELETE CASCADE,
    tag            TEXT NOT NULL,
    position       INTEGER NOT NULL,
    PRIMARY KEY (exploration_id, tag)
) WITHOUT ROWID;
CREATE INDEX tags_by_tag ON tags(tag);
CREATE TABLE points (
    id             INTEGER PRIMARY KEY,
    exploration_id INTEGER NOT NULL REFERENCES explorations(id) ON DELETE CASCADE,
    idx            INTEGER NOT NULL,
    label          TEXT NOT NULL,
    status         TEXT NOT NULL,
    message        TEXT NOT NULL,
    baseline       INTEGER NOT NULL CHECK (baseline IN (0, 1)),
    on_front       INTEGER NOT NULL CHECK (on_front IN (0, 1)),
    latency_ms     REAL,
    energy_mj      REAL,
    power_w        REAL,
    feasible       INTEGER NOT NULL CHECK (feasible IN (0, 1)),
    detail         TEXT,
    notes          TEXT NOT NULL DEFAULT '',
    UNIQUE (exploration_id, idx)
);
CREATE INDEX points_by_latency ON points(latency_ms);
CREATE INDEX points_by_energy ON points(energy_mj);
CREATE INDEX points_by_power ON points(power_w);
CREATE TABLE point_resources (
    point_id INTEGER NOT NULL REFERENCES points(id) ON DELETE CASCADE,
    seq      INTEGER NOT NULL,
    device   TEXT NOT NULL,
    resource TEXT NOT NULL,
    unit     TEXT NOT NULL,
    used     REAL,
    budget   REAL,
    PRIMARY KEY (point_id, seq)
) WITHOUT ROWID;
CREATE TABLE point_violations (
    point_id INTEGER NOT NULL REFERENCES points(id) ON DELETE CASCADE,
    seq      INTEGER NOT NULL,
    device   TEXT NOT NULL,
    reason   TEXT NOT NULL,
    PRIMARY KEY (point_id, seq)
) WITHOUT ROWID;
CREATE TABLE layer_decisions (
    point_id   INTEGER NOT NULL REFERENCES points(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    layer_id   INTEGER NOT NULL,
    layer      TEXT NOT NULL,
    choice     TEXT NOT NULL,
    shares     TEXT NOT NULL,
    latency_ms REAL,
    energy_mj  REAL,
    detail     TEXT,
    resources  TEXT,
    PRIMARY KEY (point_id, seq)
) WITHOUT ROWID;
)sql";

// A step from schema version `from` to from + 1, with the DDL of version
// `from` kept for reference (and copied by the migration test).
struct Migration {
    int from;
    const char* predecessorDdl;  // the whole schema of version `from`
    const char* steps;           // run in the migrating transaction
};

constexpr Migration kMigrations[] = {
    {1,
     // Version 1 (Tessera 0.1 development): points had no power_w column and
     // infeasible points no per-device reasons (no point_violations table);
     // everything else as version 2.
     R"sql(
CREATE TABLE networks (id INTEGER PRIMARY KEY, hash TEXT NOT NULL, name TEXT NOT NULL, document TEXT NOT NULL);
CREATE INDEX networks_by_hash ON networks(hash);
CREATE TABLE platforms (id INTEGER PRIMARY KEY, hash TEXT NOT NULL, name TEXT NOT NULL, document TEXT NOT NULL);
CREATE INDEX platforms_by_hash ON platforms(hash);
CREATE TABLE explorations (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, created TEXT NOT NULL,
    strategy TEXT NOT NULL, status TEXT NOT NULL, message TEXT NOT NULL, seconds REAL,
    network_id INTEGER NOT NULL REFERENCES networks(id), network_spec TEXT NOT NULL,
    platform_id INTEGER NOT NULL REFERENCES platforms(id), tool_version TEXT NOT NULL,
    solver_version TEXT NOT NULL, seed INTEGER NOT NULL);
CREATE INDEX explorations_by_network ON explorations(network_id);
CREATE INDEX explorations_by_platform ON explorations(platform_id);
CREATE INDEX explorations_by_strategy ON explorations(strategy);
CREATE TABLE options (exploration_id INTEGER NOT NULL REFERENCES explorations(id) ON DELETE CASCADE,
    name TEXT NOT NULL, type TEXT NOT NULL CHECK (type IN ('boolean', 'integer', 'number', 'text')),
    value TEXT NOT NULL, PRIMARY KEY (exploration_id, name)) WITHOUT ROWID;
CREATE TABLE tags (exploration_id INTEGER NOT NULL REFERENCES explorations(id) ON DELETE CASCADE,
    tag TEXT NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (exploration_id, tag)) WITHOUT ROWID;
CREATE INDEX tags_by_tag ON tags(tag);
CREATE TABLE points (id INTEGER PRIMARY KEY,
    exploration_id INTEGER NOT NULL REFERENCES explorations(id) ON DELETE CASCADE, idx INTEGER NOT NULL,
    label TEXT NOT NULL, status TEXT NOT NULL, message TEXT NOT NULL,
    baseline INTEGER NOT NULL CHECK (baseline IN (0, 1)), on_front INTEGER NOT NULL CHECK (on_front IN (0, 1)),
    latency_ms REAL, energy_mj REAL, feasible INTEGER NOT NULL CHECK (feasible IN (0, 1)), detail TEXT,
    UNIQUE (exploration_id, idx));
CREATE INDEX points_by_latency ON points(latency_ms);
CREATE INDEX points_by_energy ON points(energy_mj);
CREATE TABLE point_resources (point_id INTEGER NOT NULL REFERENCES points(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, device TEXT NOT NULL, resource TEXT NOT NULL, unit TEXT NOT NULL, used REAL, budget REAL,
    PRIMARY KEY (point_id, seq)) WITHOUT ROWID;
CREATE TABLE layer_decisions (point_id INTEGER NOT NULL REFERENCES points(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, layer_id INTEGER NOT NULL, layer TEXT NOT NULL, choice TEXT NOT NULL,
    shares TEXT NOT NULL, latency_ms REAL, energy_mj REAL, detail TEXT,
    PRIMARY KEY (point_id, seq)) WITHOUT ROWID;
)sql",
     // 1 -> 2: average power as a column (mJ / ms = W; NULL when either is
     // unknown or the latency is 0), and the per-device reasons.
     R"sql(
ALTER TABLE points ADD COLUMN power_w REAL;
UPDATE points SET power_w = energy_mj / latency_ms;
CREATE TABLE point_violations (
    point_id INTEGER NOT NULL REFERENCES points(id) ON DELETE CASCADE,
    seq      INTEGER NOT NULL,
    device   TEXT NOT NULL,
    reason   TEXT NOT NULL,
    PRIMARY KEY (point_id, seq)
) WITHOUT ROWID;
)sql"},
    {2,
     // Version 2: explorations and points had no notes, layers no resources.
     R"sql(
CREATE TABLE networks (id INTEGER PRIMARY KEY, hash TEXT NOT NULL, name TEXT NOT NULL, document TEXT NOT NULL);
CREATE INDEX networks_by_hash ON networks(hash);
CREATE TABLE platforms (id INTEGER PRIMARY KEY, hash TEXT NOT NULL, name TEXT NOT NULL, document TEXT NOT NULL);
CREATE INDEX platforms_by_hash ON platforms(hash);
CREATE TABLE explorations (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, created TEXT NOT NULL,
    strategy TEXT NOT NULL, status TEXT NOT NULL, message TEXT NOT NULL, seconds REAL,
    network_id INTEGER NOT NULL REFERENCES networks(id), network_spec TEXT NOT NULL,
    platform_id INTEGER NOT NULL REFERENCES platforms(id), tool_version TEXT NOT NULL,
    solver_version TEXT NOT NULL, seed INTEGER NOT NULL);
CREATE INDEX explorations_by_network ON explorations(network_id);
CREATE INDEX explorations_by_platform ON explorations(platform_id);
CREATE INDEX explorations_by_strategy ON explorations(strategy);
CREATE TABLE options (exploration_id INTEGER NOT NULL REFERENCES explorations(id) ON DELETE CASCADE,
    name TEXT NOT NULL, type TEXT NOT NULL CHECK (type IN ('boolean', 'integer', 'number', 'text')),
    value TEXT NOT NULL, PRIMARY KEY (exploration_id, name)) WITHOUT ROWID;
CREATE TABLE tags (exploration_id INTEGER NOT NULL REFERENCES explorations(id) ON DELETE CASCADE,
    tag TEXT NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (exploration_id, tag)) WITHOUT ROWID;
CREATE INDEX tags_by_tag ON tags(tag);
CREATE TABLE points (id INTEGER PRIMARY KEY,
    exploration_id INTEGER NOT NULL REFERENCES explorations(id) ON DELETE CASCADE, idx INTEGER NOT NULL,
    label TEXT NOT NULL, status TEXT NOT NULL, message TEXT NOT NULL,
    baseline INTEGER NOT NULL CHECK (baseline IN (0, 1)), on_front INTEGER NOT NULL CHECK (on_front IN (0, 1)),
    latency_ms REAL, energy_mj REAL, power_w REAL, feasible INTEGER NOT NULL CHECK (feasible IN (0, 1)),
    detail TEXT, UNIQUE (exploration_id, idx));
CREATE INDEX points_by_latency ON points(latency_ms);
CREATE INDEX points_by_energy ON points(energy_mj);
CREATE TABLE point_resources (point_id INTEGER NOT NULL REFERENCES points(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, device TEXT NOT NULL, resource TEXT NOT NULL, unit TEXT NOT NULL, used REAL, budget REAL,
    PRIMARY KEY (point_id, seq)) WITHOUT ROWID;
CREATE TABLE point_violations (point_id INTEGER NOT NULL REFERENCES points(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, device TEXT NOT NULL, reason TEXT NOT NULL, PRIMARY KEY (point_id, seq)) WITHOUT ROWID;
CREATE TABLE layer_decisions (point_id INTEGER NOT NULL REFERENCES points(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, layer_id INTEGER NOT NULL, layer TEXT NOT NULL, choice TEXT NOT NULL,
    shares TEXT NOT NULL, latency_ms REAL, energy_mj REAL, detail TEXT,
    PRIMARY KEY (point_id, seq)) WITHOUT ROWID;
)sql",
     // 2 -> 3: the user's notes on explorations and points (empty on the
     // old rows), what each layer needs of each resource (NULL: not broken
     // down, as every old layer), and an index for power bounds.
     R"sql(
ALTER TABLE explorations ADD COLUMN notes TEXT NOT NULL DEFAULT '';
ALTER TABLE points ADD COLUMN notes TEXT NOT NULL DEFAULT '';
ALTER TABLE layer_decisions ADD COLUMN resources TEXT;
CREATE INDEX points_by_power ON points(power_w);
)sql"},
};
static_assert(std::size(kMigrations) == ExplorationStore::kSchemaVersion - 1, "one migration per older version");

struct Header {
    std::int64_t applicationId = 0;
    std::int64_t userVersion = 0;
    bool hasTables = false;
};

std::int64_t pragmaInteger(sqlite3* db, const char* sql) {
    Statement s(db, sql);
    return s.step() ? s.integer(0) : 0;
}

Header readHeader(sqlite3* db) {
    Header h;
    h.applicationId = pragmaInteger(db, "PRAGMA application_id");
    h.userVersion = pragmaInteger(db, "PRAGMA user_version");
    h.hasTables = pragmaInteger(db, "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'") > 0;
    return h;
}

enum class Action { None, Create, Migrate };

std::string hex32(std::int64_t v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "0x%08x", static_cast<unsigned>(static_cast<std::uint32_t>(v)));
    return buf;
}

// What the header asks for; throws FormatError for a file that is not ours
// or too new, or that would need writing on a read-only connection.
Action decide(const Header& h, const std::string& file, const OpenedDatabase& opened) {
    const std::string notOurs = file + ": is not a Tessera exploration database";
    if (h.applicationId == 0) {
        if (h.hasTables || h.userVersion != 0) throw FormatError(notOurs + " (an SQLite database of another application)");
        if (opened.readOnly)
            throw FormatError(file + ": is empty, and a read-only database (" + opened.readOnlyReason +
                              ") cannot be given a schema");
        return Action::Create;
    }
    if (h.applicationId != kApplicationId) throw FormatError(notOurs + " (SQLite application id " + hex32(h.applicationId) + ")");
    if (h.userVersion > ExplorationStore::kSchemaVersion)
        throw FormatError(file + ": was written by a newer Tessera (schema " + std::to_string(h.userVersion) +
                          "; this build reads up to " + std::to_string(ExplorationStore::kSchemaVersion) + ")");
    if (h.userVersion < 1 || !h.hasTables) throw FormatError(notOurs + " (Tessera's application id, but no schema)");
    if (h.userVersion == ExplorationStore::kSchemaVersion) return Action::None;
    if (opened.readOnly)
        throw FormatError(file + ": has schema version " + std::to_string(h.userVersion) + " and needs migrating to " +
                          std::to_string(ExplorationStore::kSchemaVersion) + ", which a read-only database (" +
                          opened.readOnlyReason + ") cannot be");
    return Action::Migrate;
}

void createSchema(sqlite3* db) {
    exec(db, kSchemaDdl);
    exec(db, ("PRAGMA application_id = " + std::to_string(kApplicationId)).c_str());
    exec(db, ("PRAGMA user_version = " + std::to_string(ExplorationStore::kSchemaVersion)).c_str());
}

void migrateSchema(sqlite3* db, std::int64_t from) {
    for (const Migration& m : kMigrations) {
        if (m.from < from) continue;
        exec(db, m.steps);
        exec(db, ("PRAGMA user_version = " + std::to_string(m.from + 1)).c_str());
    }
    // A migration must leave every reference intact.
    Statement check(db, "PRAGMA foreign_key_check");
    if (check.step()) throw SqliteFailure("foreign key check failed in table " + check.text(0), SQLITE_CONSTRAINT);
}

bool writable(const fs::path& p) { return ::access(p.c_str(), W_OK) == 0; }

bool exists(const fs::path& p) {
    std::error_code ec;
    return fs::exists(p, ec);
}

// A file: URI for `path`, with every byte outside the unreserved set and '/'
// percent-encoded.
std::string fileUri(const fs::path& path, std::string_view query) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string uri = "file:";
    for (const unsigned char c : path.string()) {
        if (std::isalnum(c) || c == '/' || c == '-' || c == '.' || c == '_' || c == '~') {
            uri += static_cast<char>(c);
        } else {
            uri += '%';
            uri += kHex[c >> 4];
            uri += kHex[c & 15];
        }
    }
    return uri + "?" + std::string(query);
}

// Reads the header and does what it asks for on `db`; throws SqliteFailure
// (retried on SQLITE_BUSY) or FormatError.
void prepareSchema(sqlite3* db, const std::string& name, const OpenedDatabase& opened) {
    Header header;
    try {
        // One snapshot: not the application id from before another process
        // created the schema and the tables from after.
        Transaction snapshot(db, Transaction::Kind::Read);
        header = readHeader(db);
        snapshot.commit();
    } catch (const SqliteFailure& e) {
        if ((e.code() & 0xff) == SQLITE_NOTADB)
            throw FormatError(name + ": is not a Tessera exploration database (" + e.what() + ")");
        throw;
    }
    const Action action = decide(header, name, opened);
    if (opened.readOnly) return;

    // Writable from here: WAL (persistent in the file), and a commit is on
    // disk before save returns.
    exec(db, "PRAGMA journal_mode = WAL");
    exec(db, "PRAGMA synchronous = FULL");
    // The WAL is reused after each checkpoint; keep it from staying as large
    // as the largest save for as long as the file is open.
    exec(db, "PRAGMA journal_size_limit = 67108864");
    if (action == Action::None) return;

    // Another process may be creating or migrating the same file: decide
    // again under the write lock.
    Transaction transaction(db, Transaction::Kind::Write);
    const Header locked = readHeader(db);
    const Action again = decide(locked, name, opened);
    if (again == Action::Create) createSchema(db);
    if (again == Action::Migrate) migrateSchema(db, locked.userVersion);
    transaction.commit();
}

// Creates the database `file`, which did not exist, complete: built beside
// it under a temporary name and hard-linked into place, so that no process
// ever sees it half-made; when another process linked its own first, that
// one stays. false when the file system has no hard links (the caller then
// creates the schema in place, in a transaction).
bool createComplete(const fs::path& file) {
    static std::atomic<unsigned> counter{0};
    const std::string temp = file.string() + ".new-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
    const auto removeTemp = [&] {
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) ::unlink((temp + suffix).c_str());
    };
    removeTemp();
    try {
        Connection connection;
        connection.open(temp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        exec(connection.get(), "PRAGMA journal_mode = WAL");
        Transaction transaction(connection.get(), Transaction::Kind::Write);
        createSchema(connection.get());
        transaction.commit();
    } catch (...) {
        removeTemp();
        throw;
    }
    // Closed: the WAL is checkpointed into the file and removed.
    const int linked = ::link(temp.c_str(), file.c_str());
    const int error = errno;
    removeTemp();
    return linked == 0 || error == EEXIST;
}

}  // namespace

OpenedDatabase openDatabase(Connection& connection, const fs::path& file, bool readOnly) {
    const std::string name = file.string();
    OpenedDatabase opened;
    std::error_code ec;
    fs::file_status st = fs::status(file, ec);
    if (ec && fs::exists(st)) throw FormatError(name + ": cannot be accessed: " + ec.message());
    if (fs::is_directory(st)) throw FormatError(name + ": is a folder, not a database file");
    const fs::path folder = file.has_parent_path() ? file.parent_path() : fs::path(".");

    try {
        bool created = false;
        if (!fs::exists(st)) {
            if (readOnly) throw FormatError(name + ": does not exist");
            if (file.has_parent_path()) {
                fs::create_directories(file.parent_path(), ec);
                if (ec) throw FormatError(name + ": cannot create its folder: " + ec.message());
            }
            created = createComplete(file);
        }
        if (created || (!readOnly && writable(file) && writable(folder))) {
            // (CREATE only for a file system without hard links, where
            // createComplete leaves the creation to the transaction below.)
            connection.open(name, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        } else {
            opened.readOnly = true;
            opened.readOnlyReason = readOnly          ? "opened read-only"
                                    : !writable(file) ? "the file is not writable"
                                                      : "its folder is not writable";
            const bool walFiles = exists(name + "-wal") || exists(name + "-shm");
            if (walFiles || (writable(file) && writable(folder))) {
                // Another connection may be writing: read through its WAL.
                connection.open(name, SQLITE_OPEN_READONLY);
            } else {
                // Nobody has the file open (there is no WAL), and SQLite could
                // only open it normally by leaving -wal and -shm files behind
                // (read-only ones, which would break later writers) or not at
                // all in a read-only folder: read the file as it is.
                connection.open(fileUri(fs::absolute(file), "immutable=1"), SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
            }
        }
        sqlite3* db = connection.get();
        sqlite3_busy_timeout(db, kBusyTimeoutMs);
        exec(db, "PRAGMA foreign_keys = ON");

        // Recognise, then create or migrate. SQLite answers "database is
        // locked" at once, without waiting, where waiting could deadlock
        // (another connection changing the journal mode or upgrading its
        // lock); the whole step is then tried again, up to the busy timeout.
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
        for (;;) {
            try {
                prepareSchema(db, name, opened);
                return opened;
            } catch (const SqliteFailure& e) {
                const int code = e.code() & 0xff;
                if ((code != SQLITE_BUSY && code != SQLITE_LOCKED) || std::chrono::steady_clock::now() > deadline) throw;
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            }
        }
    } catch (const SqliteFailure& e) {
        throw FormatError(name + ": open: " + e.what());
    }
}

}  // namespace tessera::core::store
