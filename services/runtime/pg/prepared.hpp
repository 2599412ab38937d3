#pragma once

#include <cstdio>
#include <functional>
#include <pqxx/pqxx>
#include <string>
#include <string_view>

namespace saga::runtime::pg {

/// The name a statement is prepared under on every connection: derived from its text, so that
/// callers pass SQL and nothing else.
inline std::string PreparedName(std::string_view sql) {
    char name[24];
    std::snprintf(name, sizeof name, "saga_%016zx", std::hash<std::string_view>{}(sql));
    return name;
}

/// Runs `sql` as a prepared statement: parsed and planned once per connection (libpqxx prepares
/// on first use and again after a reconnect), not at every call as exec_params does. For the
/// statements on the saga's hot path; the planning alone was a third of the database's time.
template <class... Args>
pqxx::result Exec(pqxx::transaction_base& work, std::string_view sql, Args&&... args) {
    const std::string name = PreparedName(sql);
    work.conn().prepare(name, std::string(sql));
    return work.exec_prepared(name, std::forward<Args>(args)...);
}

/// Exec that expects exactly one row.
template <class... Args>
pqxx::row Exec1(pqxx::transaction_base& work, std::string_view sql, Args&&... args) {
    const std::string name = PreparedName(sql);
    work.conn().prepare(name, std::string(sql));
    return work.exec_prepared1(name, std::forward<Args>(args)...);
}

/// Exec that expects no rows.
template <class... Args>
pqxx::result Exec0(pqxx::transaction_base& work, std::string_view sql, Args&&... args) {
    const std::string name = PreparedName(sql);
    work.conn().prepare(name, std::string(sql));
    return work.exec_prepared0(name, std::forward<Args>(args)...);
}

}  // namespace saga::runtime::pg
