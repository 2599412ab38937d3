#include <doctest/doctest.h>

#include <pqxx/pqxx>

#include "runtime/pg/errors.hpp"

namespace saga::runtime::pg {

namespace {
bool UnavailableFor(const char* sqlstate) { return IsUnavailable(pqxx::sql_error("refused", "INSERT …", sqlstate)); }
}  // namespace

TEST_CASE("pg errors: the server refusing every write is an outage, not the fault of what is written") {
    CHECK(UnavailableFor("25006"));  // read-only transaction: a standby after a failover
    CHECK(UnavailableFor("53100"));  // disk full
    CHECK(UnavailableFor("53200"));  // out of memory
    CHECK(UnavailableFor("53300"));  // too many connections
    CHECK(UnavailableFor("58030"));  // I/O error
    CHECK(UnavailableFor("08006"));  // connection failure
    CHECK(UnavailableFor("57P01"));  // admin shutdown
    CHECK(IsUnavailable(pqxx::broken_connection("gone")));
}

TEST_CASE("pg errors: a statement's own failure is not an outage") {
    CHECK_FALSE(UnavailableFor("23505"));  // unique violation
    CHECK_FALSE(UnavailableFor("22P02"));  // invalid text representation
    CHECK_FALSE(UnavailableFor("57014"));  // query cancelled (a statement timeout may be this statement's)
    CHECK_FALSE(UnavailableFor("40001"));  // serialization failure: transient, retried as such
    CHECK_FALSE(IsUnavailable(std::runtime_error("handler said no")));
}

}  // namespace saga::runtime::pg
