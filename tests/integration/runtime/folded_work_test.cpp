#include "runtime/pg/folded_work.hpp"

#include <doctest/doctest.h>

#include "runtime/pg/database.hpp"
#include "runtime/pg/prepared.hpp"
#include "support/live_stack.hpp"

namespace saga::test {
namespace {

struct FoldedFixture {
    TestDatabase db;
    // One connection, so every transaction below reuses the session the previous one left.
    runtime::pg::Database database{db.url(), 1};

    FoldedFixture() { db.Execute("CREATE TABLE items (id text PRIMARY KEY, note text)"); }

    /// What the server last received from the pool's connection, read from another session.
    std::string LastMessageOf(int backend_pid) const {
        auto connection = runtime::pg::Connect(db.url());
        pqxx::nontransaction read(*connection);
        return read.exec_params1("SELECT query FROM pg_stat_activity WHERE pid = $1", backend_pid)[0].as<std::string>();
    }
};

constexpr const char* kInsert = "INSERT INTO items (id, note) VALUES ($1, $2)";

}  // namespace

TEST_CASE("folded transaction: BEGIN travels with the first statement, and the rest run in the same transaction") {
    FoldedFixture f;
    int pid = 0;
    long long first_xid = 0;
    long long second_xid = 0;
    std::string first_message;
    f.database.InTransaction([&](runtime::pg::Transaction& tx) {
        first_xid = runtime::pg::Exec1(tx.work(), "SELECT txid_current()")[0].as<long long>();
        pid = tx.work().conn().backendpid();
        first_message = f.LastMessageOf(pid);
        runtime::pg::Exec0(tx.work(), kInsert, "a", "it's \"quoted\" \\ {a,b} ünïcode");
        second_xid = runtime::pg::Exec1(tx.work(), "SELECT txid_current()")[0].as<long long>();
        // Not committed yet: another session does not see the row.
        CHECK(f.db.QueryInt("SELECT count(*) FROM items") == 0);
    });
    CHECK(first_message.rfind("BEGIN; EXECUTE saga_", 0) == 0);
    CHECK(first_xid == second_xid);
    CHECK(f.db.QueryInt("SELECT count(*) FROM items WHERE note = 'it''s \"quoted\" \\ {a,b} ünïcode'") == 1);
}

TEST_CASE("folded transaction: writes queued for commit go in the COMMIT's message, in the order queued") {
    FoldedFixture f;
    int pid = 0;
    f.database.InTransaction([&](runtime::pg::Transaction& tx) {
        runtime::pg::Exec0(tx.work(), kInsert, "a", "first");
        tx.ExecAtCommit("UPDATE items SET note = note || $2 WHERE id = $1", "a", ", queued 1");
        tx.ExecAtCommit("UPDATE items SET note = note || $2 WHERE id = $1", "a", ", queued 2");
        pid = tx.work().conn().backendpid();
        // Queued, not sent.
        CHECK(runtime::pg::Exec1(tx.work(), "SELECT note FROM items WHERE id = $1", "a")[0].as<std::string>() ==
              "first");
    });
    CHECK(f.db.QueryInt("SELECT count(*) FROM items WHERE note = 'first, queued 1, queued 2'") == 1);
    const std::string last = f.LastMessageOf(pid);
    CHECK(last.find("EXECUTE saga_") == 0);
    CHECK(last.size() > 8);
    CHECK(last.substr(last.size() - 6) == "COMMIT");
}

TEST_CASE("folded transaction: with nothing run before, writes queued for commit are committed") {
    FoldedFixture f;
    f.database.InTransaction(
        [&](runtime::pg::Transaction& tx) { tx.ExecAtCommit(kInsert, "only-queued", std::string("x")); });
    CHECK(f.db.QueryInt("SELECT count(*) FROM items WHERE id = 'only-queued'") == 1);
}

TEST_CASE("folded transaction: a failing first statement leaves nothing behind and the connection usable") {
    FoldedFixture f;
    f.db.Execute("INSERT INTO items VALUES ('taken', 'x')");
    CHECK_THROWS_AS(f.database.InTransaction([&](runtime::pg::Transaction& tx) {
        runtime::pg::Exec0(tx.work(), kInsert, "taken", "again");
    }),
                    pqxx::unique_violation);
    // The same session takes the next transaction as if nothing happened (no aborted block left).
    f.database.InTransaction([&](runtime::pg::Transaction& tx) { runtime::pg::Exec0(tx.work(), kInsert, "b", "y"); });
    CHECK(f.db.QueryInt("SELECT count(*) FROM items") == 2);
}

TEST_CASE("folded transaction: a failing write queued for commit takes the whole transaction back") {
    FoldedFixture f;
    f.db.Execute("INSERT INTO items VALUES ('taken', 'x')");
    CHECK_THROWS_AS(f.database.InTransaction([&](runtime::pg::Transaction& tx) {
        runtime::pg::Exec0(tx.work(), kInsert, "fresh", "z");
        tx.ExecAtCommit(kInsert, "taken", "again");
        tx.ExecAtCommit(kInsert, "after", "never");
    }),
                    pqxx::unique_violation);
    CHECK(f.db.QueryInt("SELECT count(*) FROM items") == 1);
    f.database.InTransaction([&](runtime::pg::Transaction& tx) { runtime::pg::Exec0(tx.work(), kInsert, "b", "y"); });
    CHECK(f.db.QueryInt("SELECT count(*) FROM items") == 2);
}

TEST_CASE("folded transaction: NULL and numbers are passed as literals the statement's types accept") {
    FoldedFixture f;
    const char* no_note = nullptr;
    f.database.InTransaction([&](runtime::pg::Transaction& tx) {
        runtime::pg::Exec0(tx.work(), kInsert, "null-note", no_note);
        tx.ExecAtCommit("INSERT INTO items (id, note) SELECT $1, ($2::int + 1)::text", "number", 41);
    });
    CHECK(f.db.QueryInt("SELECT count(*) FROM items WHERE id = 'null-note' AND note IS NULL") == 1);
    CHECK(f.db.QueryInt("SELECT count(*) FROM items WHERE id = 'number' AND note = '42'") == 1);
}

}  // namespace saga::test
