#include "runtime/pg/migrator.hpp"

#include <doctest/doctest.h>

#include "runtime/pg/database.hpp"
#include "support/live_stack.hpp"

namespace saga::test {

using runtime::pg::SqlFiles;

TEST_CASE("migrator: applies pending migrations once and in order — a second run applies none") {
    TestDatabase db;
    auto connection = runtime::pg::Connect(db.url());
    const SqlFiles migrations = {{"0001_create.sql", "CREATE TABLE t (a int);"},
                                 {"0002_add.sql", "ALTER TABLE t ADD COLUMN b int; INSERT INTO t VALUES (1, 2);"}};
    CHECK(runtime::pg::Migrate(*connection, "svc", migrations) == 2);
    CHECK(runtime::pg::Migrate(*connection, "svc", migrations) == 0);
    CHECK(db.QueryInt("SELECT count(*) FROM t") == 1);
    CHECK(db.QueryInt("SELECT count(*) FROM schema_migrations WHERE component = 'svc'") == 2);
    // Components are independent: the runtime's own tables go in beside.
    CHECK(runtime::pg::Migrate(*connection, "runtime", runtime::pg::RuntimeMigrations()) >= 1);
}

TEST_CASE("migrator: a renamed applied migration is refused with both names") {
    TestDatabase db;
    auto connection = runtime::pg::Connect(db.url());
    runtime::pg::Migrate(*connection, "svc", {{"0001_create.sql", "CREATE TABLE t (a int);"}});
    CHECK_THROWS_WITH_AS(runtime::pg::Migrate(*connection, "svc", {{"0001_other.sql", "SELECT 1;"}}),
                         doctest::Contains("0001_create.sql"), std::runtime_error);
}

TEST_CASE("migrator: a failing migration names its file and leaves nothing of itself behind") {
    TestDatabase db;
    auto connection = runtime::pg::Connect(db.url());
    const SqlFiles migrations = {{"0001_ok.sql", "CREATE TABLE t (a int);"},
                                 {"0002_bad.sql", "CREATE TABLE u (a int); SELECT * FROM missing_table;"}};
    CHECK_THROWS_WITH_AS(runtime::pg::Migrate(*connection, "svc", migrations), doctest::Contains("0002_bad.sql"),
                         std::runtime_error);
    CHECK(db.QueryInt("SELECT count(*) FROM schema_migrations") == 1);
    CHECK(db.QueryInt("SELECT count(*) FROM information_schema.tables WHERE table_name = 'u'") == 0);
}

TEST_CASE("migrator: a file not named NNNN_description.sql is refused") {
    TestDatabase db;
    auto connection = runtime::pg::Connect(db.url());
    CHECK_THROWS_WITH_AS(runtime::pg::Migrate(*connection, "svc", {{"create.sql", "SELECT 1;"}}),
                         doctest::Contains("NNNN_description"), std::runtime_error);
}

}  // namespace saga::test
