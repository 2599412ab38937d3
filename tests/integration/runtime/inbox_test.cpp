#include "runtime/pg/inbox.hpp"

#include <doctest/doctest.h>

#include <barrier>
#include <thread>

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

// Two instances can get the same messages (a copy back from a retry queue, a republished event)
// in opposite orders. Recorded in the batch's order, each statement waited on a row the other had
// inserted, and PostgreSQL's deadlock detector failed one batch after deadlock_timeout (1 s).
TEST_CASE("inbox: two batches of the same messages in opposite orders are recorded without a deadlock") {
    RuntimeFixture f;
    std::vector<std::string> errors;
    for (int round = 0; round < 5; ++round) {
        std::vector<std::string> ids;
        for (int i = 0; i < 2000; ++i) ids.push_back("r" + std::to_string(round) + "-m" + std::to_string(i));
        const std::vector<std::string> reversed(ids.rbegin(), ids.rend());
        std::barrier start(2);
        std::vector<bool> first_fresh, second_fresh;
        std::string first_error, second_error;
        auto record = [&](const std::vector<std::string>& batch, std::vector<bool>& fresh, std::string& failure) {
            runtime::pg::Database db(f.db.url(), 1);
            db.InTransaction([](runtime::pg::Transaction& tx) { tx.work().exec("SELECT 1"); });  // connected
            start.arrive_and_wait();
            try {
                fresh = db.InTransaction(
                    [&](runtime::pg::Transaction& tx) { return runtime::pg::RecordAllInInbox(tx, "svc", batch); });
            } catch (const std::exception& error) {
                failure = error.what();
            }
        };
        std::thread first([&] { record(ids, first_fresh, first_error); });
        record(reversed, second_fresh, second_error);
        first.join();
        for (const auto* failure : {&first_error, &second_error}) {
            if (!failure->empty()) errors.push_back(*failure);
        }
        if (!errors.empty()) break;
        // Each message is new to exactly one of the two batches.
        REQUIRE(first_fresh.size() == ids.size());
        REQUIRE(second_fresh.size() == ids.size());
        for (std::size_t i = 0; i < ids.size(); ++i) CHECK(first_fresh[i] != second_fresh[ids.size() - 1 - i]);
    }
    for (const auto& error : errors) MESSAGE(error);
    CHECK(errors.empty());
}

}  // namespace saga::test
