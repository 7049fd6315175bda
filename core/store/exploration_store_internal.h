#pragma once
// What the exploration store's source files share (private to core/store):
// the open database with its prepared statements (ExplorationStore::Impl),
// and the wrappers that turn SQLite failures and bad stored text into
// FormatError messages naming the file.

#include <filesystem>
#include <string>
#include <string_view>

#include "core/store/exploration_store.h"
#include "core/store/sqlite_internal.h"
#include "core/store/store_schema_internal.h"
#include "core/store/store_text_internal.h"
#include "core/types.h"

namespace tessera::core::store {

// Runs one public operation: SQLite failures become FormatError
// "<file>: <operation>: <SQLite's message>".
template <class F>
auto guarded(const std::string& file, std::string_view operation, F&& f) {
    try {
        return f();
    } catch (const SqliteFailure& e) {
        throw FormatError(file + ": " + std::string(operation) + ": " + e.what());
    }
}

// read(), or FormatError "<where()>: <problem>" when the stored text is bad.
template <class Where, class Read>
auto readOrFail(const Where& where, Read&& read) {
    try {
        return read();
    } catch (const BadValue& bad) {
        throw FormatError(where() + ": " + bad.problem);
    }
}

template <class Where>
Status statusFromText(const std::string& name, const Where& where) {
    const auto status = statusFromName(name);
    if (!status) throw FormatError(where() + ": unknown status '" + name + "'");
    return *status;
}

}  // namespace tessera::core::store

namespace tessera::core {

struct ExplorationStore::Impl {
    std::filesystem::path path;
    std::string file;  // the path as text, for messages
    // Declared before the statements, so that it is closed after them.
    store::Connection connection;
    store::OpenedDatabase opened;
    // Prepared on first use, then reused: one of each per save, not per row.
    store::Statement findNetwork, insertNetwork, findPlatform, insertPlatform, insertExploration, insertOption, insertTag, insertPoint,
        insertResource, insertViolation, insertLayer, insertLayers;
    store::Statement selectExploration, selectOptions, selectTags, selectPoints, selectResources, selectViolations, selectLayers,
        selectSummaries;
    store::Statement rename, setNotes, setPointNotes, selectInputs, appendTag, deleteExploration, deleteOrphanNetwork, deleteOrphanPlatform;

    sqlite3* db() const { return connection.get(); }

    store::Statement& use(store::Statement& s, std::string_view sql) {
        if (!s.prepared()) s.prepare(db(), sql);
        return s;
    }

    void requireWritable(std::string_view operation) const {
        if (opened.readOnly)
            throw FormatError(file + ": " + std::string(operation) + ": the database is read-only (" + opened.readOnlyReason +
                              ")");
    }

    // The id of the networks/platforms row with this hash, name and
    // document, inserted when there is none.
    std::int64_t intern(store::Statement& find, const char* findSql, store::Statement& insert, const char* insertSql, const std::string& hash,
                        const std::string& name, const std::string& document) {
        {
            store::Statement& s = use(find, findSql);
            store::ResetOnExit reset(s);
            s.bind(1, hash);
            while (s.step())
                if (s.text(1) == name && s.text(2) == document) return s.integer(0);
        }
        use(insert, insertSql).bind(1, hash).bind(2, name).bind(3, document).run();
        return sqlite3_last_insert_rowid(db());
    }

    std::int64_t save(const Exploration& e);
    Exploration load(std::int64_t id, store::Statement& head);
    std::vector<ExplorationSummary> list(const ExplorationFilter& filter);
    // Runs an UPDATE of one row in a write transaction: whether it found the row.
    template <class Bind>
    bool updateOne(std::string_view operation, store::Statement& s, const char* sql, Bind&& bind) {
        requireWritable(operation);
        return store::guarded(file, operation, [&] {
            store::Transaction transaction(db(), store::Transaction::Kind::Write);
            bind(use(s, sql)).run();
            const bool found = sqlite3_changes(db()) > 0;
            transaction.commit();
            return found;
        });
    }
};

}  // namespace tessera::core
