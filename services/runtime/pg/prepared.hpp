#pragma once

#include <cstdio>
#include <functional>
#include <pqxx/pqxx>
#include <string>
#include <string_view>

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
template <class... Args>
pqxx::result Exec(pqxx::transaction_base& work, std::string_view sql, Args&&... args) {
    return work.exec_prepared(Prepared(work, sql), std::forward<Args>(args)...);
}

/// Exec that expects exactly one row.
template <class... Args>
pqxx::row Exec1(pqxx::transaction_base& work, std::string_view sql, Args&&... args) {
    return work.exec_prepared1(Prepared(work, sql), std::forward<Args>(args)...);
}

/// Exec that expects no rows.
template <class... Args>
pqxx::result Exec0(pqxx::transaction_base& work, std::string_view sql, Args&&... args) {
    return work.exec_prepared0(Prepared(work, sql), std::forward<Args>(args)...);
}

}  // namespace saga::runtime::pg
