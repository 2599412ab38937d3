#include "runtime/pg/inbox.hpp"

#include <doctest/doctest.h>

#include "runtime_fixture.hpp"

namespace saga::test {

TEST_CASE("inbox: a batch is recorded in one statement, and repeats within it or of earlier batches are duplicates") {
    RuntimeFixture f;
    runtime::pg::Database db(f.db.url(), 1);
    const std::string quoted = R"(id "with" \ and , )";

    const auto first = db.InTransaction([&](runtime::pg::Transaction& tx) {
        return runtime::pg::RecordAllInInbox(tx, "svc", {"a", "b", "a", quoted});
    });
    CHECK(first == std::vector<bool>{true, true, false, true});

    const auto second = db.InTransaction([&](runtime::pg::Transaction& tx) {
        return runtime::pg::RecordAllInInbox(tx, "svc", {"b", "c", quoted, "c"});
    });
    CHECK(second == std::vector<bool>{false, true, false, false});

    // Another consumer's inbox is its own.
    const auto other = db.InTransaction(
        [&](runtime::pg::Transaction& tx) { return runtime::pg::RecordAllInInbox(tx, "other", {"a"}); });
    CHECK(other == std::vector<bool>{true});
}

}  // namespace saga::test
