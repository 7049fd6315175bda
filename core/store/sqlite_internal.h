#pragma once
// Internal to the exploration store (exploration_store.cpp, store_schema.cpp):
// thin RAII wrappers over SQLite's C API. Every failure throws SqliteFailure
// with SQLite's own message ("database is locked", "attempt to write a
// readonly database"); the store turns it into FormatError
// "<file>: <operation>: <message>" at its public edge.

#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include <sqlite3.h>

namespace tessera::core::store {

// An SQLite call failed; what() is SQLite's message.
class SqliteFailure : public std::runtime_error {
public:
    SqliteFailure(std::string message, int code) : std::runtime_error(std::move(message)), m_code(code) {}
    // The extended result code (SQLITE_BUSY, SQLITE_READONLY_DIRECTORY, ...).
    int code() const { return m_code; }

private:
    int m_code;
};

[[noreturn]] inline void throwFailure(sqlite3* db, int rc) {
    throw SqliteFailure(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc), db ? sqlite3_extended_errcode(db) : rc);
}

// Runs SQL without results (several statements allowed).
inline void exec(sqlite3* db, const char* sql) {
    char* error = nullptr;
    if (const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &error); rc != SQLITE_OK) {
        const std::string message = error ? error : sqlite3_errstr(rc);
        sqlite3_free(error);
        throw SqliteFailure(message, sqlite3_extended_errcode(db));
    }
}

// A prepared statement, kept for reuse: prepare once, then bind, step and
// reset for every row. Binding indexes are 1-based, columns 0-based, as in
// SQLite. Doubles are NaN <-> NULL.
class Statement {
public:
    Statement() = default;
    Statement(sqlite3* db, std::string_view sql) { prepare(db, sql); }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(Statement&& other) noexcept : m_db(other.m_db), m_stmt(std::exchange(other.m_stmt, nullptr)) {}
    Statement& operator=(Statement&& other) noexcept {
        std::swap(m_db, other.m_db);
        std::swap(m_stmt, other.m_stmt);
        return *this;
    }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    bool prepared() const { return m_stmt != nullptr; }
    void prepare(sqlite3* db, std::string_view sql) {
        sqlite3_finalize(std::exchange(m_stmt, nullptr));
        m_db = db;
        const int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &m_stmt,
                                          nullptr);
        if (rc != SQLITE_OK) throwFailure(db, rc);
    }

    Statement& bind(int i, std::int64_t v) { return check(sqlite3_bind_int64(m_stmt, i, v)); }
    Statement& bind(int i, int v) { return check(sqlite3_bind_int64(m_stmt, i, v)); }
    Statement& bind(int i, bool v) { return check(sqlite3_bind_int(m_stmt, i, v ? 1 : 0)); }
    Statement& bind(int i, double v) {
        return check(std::isnan(v) ? sqlite3_bind_null(m_stmt, i) : sqlite3_bind_double(m_stmt, i, v));
    }
    // The text is copied: it need not outlive the call.
    Statement& bind(int i, std::string_view v) {
        return check(sqlite3_bind_text64(m_stmt, i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
    }
    Statement& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
    Statement& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
    Statement& bindNull(int i) { return check(sqlite3_bind_null(m_stmt, i)); }

    // true when a row is ready, false when done; throws (and resets) on failure.
    bool step() {
        const int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        const SqliteFailure failure(sqlite3_errmsg(m_db), sqlite3_extended_errcode(m_db));
        sqlite3_reset(m_stmt);
        throw failure;
    }
    // Steps a statement that returns no rows, then resets it.
    void run() {
        step();
        reset();
    }
    void reset() {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }

    bool isNull(int c) const { return sqlite3_column_type(m_stmt, c) == SQLITE_NULL; }
    std::int64_t integer(int c) const { return sqlite3_column_int64(m_stmt, c); }
    double real(int c) const { return isNull(c) ? std::nan("") : sqlite3_column_double(m_stmt, c); }
    // Valid until the next step or reset.
    std::string_view view(int c) const {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, c));
        return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, c))) : std::string_view();
    }
    std::string text(int c) const { return std::string(view(c)); }

private:
    Statement& check(int rc) {
        if (rc != SQLITE_OK) throwFailure(m_db, rc);
        return *this;
    }

    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
};

// Resets a statement when the scope ends, whatever happens in it.
class ResetOnExit {
public:
    explicit ResetOnExit(Statement& s) : m_s(s) {}
    ~ResetOnExit() { m_s.reset(); }
    ResetOnExit(const ResetOnExit&) = delete;
    ResetOnExit& operator=(const ResetOnExit&) = delete;

private:
    Statement& m_s;
};

// A transaction: BEGIN IMMEDIATE for writers (takes the write lock up front,
// waiting up to the busy timeout, so it never fails half-way for a lock) or
// BEGIN DEFERRED for a consistent read; rolled back unless committed.
class Transaction {
public:
    enum class Kind { Read, Write };
    Transaction(sqlite3* db, Kind kind) : m_db(db) { exec(db, kind == Kind::Write ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED"); }
    ~Transaction() {
        if (m_open) sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit() {
        exec(m_db, "COMMIT");
        m_open = false;
    }

private:
    sqlite3* m_db;
    bool m_open = true;
};

// An open database connection; closing it finalises nothing, so statements
// must be destroyed first (declare the Connection before them).
class Connection {
public:
    Connection() = default;
    ~Connection() { sqlite3_close_v2(m_db); }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // Opens `name` (a path, or a file: URI with SQLITE_OPEN_URI) with `flags`.
    void open(const std::string& name, int flags) {
        sqlite3_close_v2(std::exchange(m_db, nullptr));
        const int rc = sqlite3_open_v2(name.c_str(), &m_db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
        if (rc != SQLITE_OK) {
            const SqliteFailure failure(m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc),
                                        m_db ? sqlite3_extended_errcode(m_db) : rc);
            sqlite3_close_v2(std::exchange(m_db, nullptr));
            throw failure;
        }
        sqlite3_extended_result_codes(m_db, 1);
    }
    sqlite3* get() const { return m_db; }

private:
    sqlite3* m_db = nullptr;
};

}  // namespace tessera::core::store
