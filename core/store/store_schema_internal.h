#pragma once
// Internal to the exploration store: opening a database file, recognising it
// as Tessera's (PRAGMA application_id), creating the schema in an empty file
// and migrating an older one (PRAGMA user_version), all in store_schema.cpp.
// The tables are described in docs/explorations.md, "Store".

#include <cstdint>
#include <filesystem>
#include <string>

#include "core/store/sqlite_internal.h"

namespace tessera::core::store {

// PRAGMA application_id of every Tessera exploration database: "TSER".
inline constexpr std::int32_t kApplicationId = 0x54534552;
// How long a statement waits for another connection's lock before it fails
// with "database is locked".
inline constexpr int kBusyTimeoutMs = 10'000;

struct OpenedDatabase {
    bool readOnly = false;
    std::string readOnlyReason;  // "opened read-only", "the file is not writable", ...
};

// Opens `file` into `connection` and leaves it holding a database of the
// current schema (kSchemaVersion): creates it (and its folder) when absent
// (complete, under a temporary name beside it, then hard-linked into place)
// or empty, migrates an older schema in one transaction. The connection has
// foreign keys on, WAL, synchronous=FULL and a busy timeout of
// kBusyTimeoutMs. A read-only connection (readOnly, or a file or folder that
// is not writable) never writes: it neither creates nor migrates, and leaves
// no -wal/-shm files beside a read-only file. Throws FormatError
// "<file>: <problem>"; a file that is refused (not SQLite, another
// application's database, a newer schema) is left byte-identical.
OpenedDatabase openDatabase(Connection& connection, const std::filesystem::path& file, bool readOnly);

}  // namespace tessera::core::store
