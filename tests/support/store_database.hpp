#pragma once

#include <string>

#include "runtime/pg/database.hpp"
#include "support/live_stack.hpp"

namespace saga::test {

/// A fresh database with one component's tables and a one-connection pool on it: what a storage
/// test works against.
struct StoreDatabase {
    StoreDatabase(const std::string& component, const runtime::pg::SqlFiles& migrations) {
        db.Migrate(component, migrations);
    }

    TestDatabase db;
    runtime::pg::Database pool{db.url(), 1};
};

}  // namespace saga::test
