#include "runtime/pg/migrator.hpp"

#include <fmt/format.h>

#include <cctype>
#include <stdexcept>

namespace saga::embedded {
const saga::runtime::pg::SqlFiles& RuntimeMigrations();
}

namespace saga::runtime::pg {
namespace {

constexpr long kMigrationLockKey = 0x5a6a;  // arbitrary, shared by every instance

int VersionOf(const std::string& name) {
    std::size_t digits = 0;
    while (digits < name.size() && std::isdigit(static_cast<unsigned char>(name[digits]))) ++digits;
    if (digits == 0 || digits >= name.size() || name[digits] != '_') {
        throw std::runtime_error(fmt::format("migration '{}' is not named NNNN_description.sql", name));
    }
    return std::stoi(name.substr(0, digits));
}

}  // namespace

const SqlFiles& RuntimeMigrations() { return embedded::RuntimeMigrations(); }

int Migrate(pqxx::connection& connection, const std::string& component, const SqlFiles& migrations) {
    {
        pqxx::work tx(connection);
        tx.exec("SELECT pg_advisory_xact_lock(" + std::to_string(kMigrationLockKey) + ")");
        tx.exec0(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            " component text NOT NULL, version integer NOT NULL, name text NOT NULL,"
            " applied_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (component, version))");
        tx.commit();
    }
    int applied = 0;
    for (const SqlFile& migration : migrations) {
        const int version = VersionOf(migration.name);
        pqxx::work tx(connection);
        tx.exec("SELECT pg_advisory_xact_lock(" + std::to_string(kMigrationLockKey) + ")");
        const pqxx::result existing = tx.exec_params(
            "SELECT name FROM schema_migrations WHERE component = $1 AND version = $2", component, version);
        if (!existing.empty()) {
            const std::string recorded = existing[0][0].as<std::string>();
            if (recorded != migration.name) {
                throw std::runtime_error(fmt::format("{} migration {} was applied as '{}' but is now named '{}'",
                                                     component, version, recorded, migration.name));
            }
            continue;
        }
        try {
            tx.exec(migration.text);
        } catch (const pqxx::sql_error& error) {
            throw std::runtime_error(
                fmt::format("{} migration '{}' failed: {}", component, migration.name, error.what()));
        }
        tx.exec_params0("INSERT INTO schema_migrations (component, version, name) VALUES ($1, $2, $3)", component,
                        version, migration.name);
        tx.commit();
        ++applied;
    }
    return applied;
}

}  // namespace saga::runtime::pg
