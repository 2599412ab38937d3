#pragma once

#include <pqxx/pqxx>
#include <string>

#include "runtime/pg/sql_file.hpp"

namespace saga::runtime::pg {

/// Applies the numbered migrations ("0001_name.sql", ...) of `component` that are not yet in
/// `schema_migrations`, in order, each in its own transaction. Safe when several instances
/// start at once (an advisory lock serialises them). Throws std::runtime_error on a badly
/// named file, a renamed applied migration, or a failing statement (naming the file).
/// Returns how many migrations were applied.
int Migrate(pqxx::connection& connection, const std::string& component, const SqlFiles& migrations);

/// The runtime's own tables (outbox, inbox); every service applies them as component "runtime".
const SqlFiles& RuntimeMigrations();

}  // namespace saga::runtime::pg
