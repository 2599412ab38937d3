#pragma once

#include <cstdio>
#include <functional>
#include <pqxx/pqxx>
#include <string>
#include <string_view>

#include "runtime/pg/folded_work.hpp"

namespace saga::runtime::pg {

/// Registers `sql` as a prepared statement on the transaction's connection and returns its
/// name, derived from the text, so that callers pass SQL and nothing else. libpqxx prepares it on
/// first use, and again after a reconnect.
inline std::string Prepared(pqxx::transaction_base& work, std::string_view sql) {
    char name[24];
    std::snprintf(name, sizeof name, "saga_%016zx", std::hash<std::string_view>{}(sql));
    work.conn().prepare(name, std::string(sql));
    return name;
}

/// Runs `sql` as a prepared statement: parsed and planned once per connection, not at every
/// call as exec_params does. For the statements on the saga's hot path; the planning alone was
/// a third of the database's time.
/// In a FoldedWork that has not begun, the statement goes in one message with BEGIN.
template <class... Args>
pqxx::result Exec(pqxx::transaction_base& work, std::string_view sql, Args&&... args) {
    const std::string name = Prepared(work, sql);
    if (auto* folded = dynamic_cast<FoldedWork*>(&work); folded != nullptr && !folded->begun()) {
        return folded->ExecFirst(name, Literals(work.conn(), args...));
    }
    return work.exec_prepared(name, std::forward<Args>(args)...);
}

/// Exec that expects exactly one row.
template <class... Args>
pqxx::row Exec1(pqxx::transaction_base& work, std::string_view sql, Args&&... args) {
    const pqxx::result result = Exec(work, sql, std::forward<Args>(args)...);
    if (result.size() != 1) {
        throw pqxx::unexpected_rows("expected 1 row, got " + std::to_string(result.size()) + ": " + std::string(sql));
    }
    return result[0];
}

/// Exec that expects no rows.
template <class... Args>
pqxx::result Exec0(pqxx::transaction_base& work, std::string_view sql, Args&&... args) {
    pqxx::result result = Exec(work, sql, std::forward<Args>(args)...);
    if (!result.empty()) {
        throw pqxx::unexpected_rows("expected no rows, got " + std::to_string(result.size()) + ": " + std::string(sql));
    }
    return result;
}

}  // namespace saga::runtime::pg
