#include "runtime/pg/outbox_writer.hpp"

#include <doctest/doctest.h>

#include "runtime_fixture.hpp"
#include "support/sample_events.hpp"

namespace saga::test {
namespace {

runtime::pg::OutboxWriter Writer() { return {nullptr, runtime::pg::OutboxChannel("test-service")}; }

}  // namespace

TEST_CASE("outbox writer: a transaction's rows are written when it commits, in the order appended, text unchanged") {
    RuntimeFixture f;
    runtime::pg::Database db(f.db.url(), 1);
    auto writer = Writer();
    std::vector<events::Envelope> appended;
    for (const char* id : {"o-3", "o-1", "o-2"}) appended.push_back(SampleOrderCreated(id));
    appended[1].data["note"] = R"(quotes " backslash \ comma , braces {} ünïcode)";

    long long rows_before_commit = -1;
    db.InTransaction([&](runtime::pg::Transaction& tx) {
        for (const auto& event : appended) writer.Append(tx, event);
        rows_before_commit = tx.work().exec1("SELECT count(*) FROM outbox")[0].as<long long>();
    });
    CHECK(rows_before_commit == 0);

    auto connection = runtime::pg::Connect(f.db.url());
    pqxx::nontransaction read(*connection);
    const auto rows = read.exec("SELECT message_id, aggregate_id, payload FROM outbox ORDER BY id");
    REQUIRE(rows.size() == appended.size());
    for (std::size_t i = 0; i < appended.size(); ++i) {
        CHECK(rows[i][0].as<std::string>() == appended[i].id);
        CHECK(rows[i][1].as<std::string>() == appended[i].subject);
        CHECK(rows[i][2].as<std::string>() == events::Encode(appended[i]));
    }
}

TEST_CASE("outbox writer: a row that cannot be written at commit takes the whole transaction back") {
    RuntimeFixture f;
    runtime::pg::Database db(f.db.url(), 1);
    auto writer = Writer();
    db.InTransaction([&](runtime::pg::Transaction& tx) { writer.Append(tx, SampleOrderCreated("o-first")); });

    // A row the table refuses (a constraint of this test's), next to a state change that must
    // not survive alone.
    f.db.Execute("ALTER TABLE outbox ADD CONSTRAINT test_refuses CHECK (aggregate_id <> 'o-refused')");
    CHECK_THROWS(db.InTransaction([&](runtime::pg::Transaction& tx) {
        tx.work().exec("INSERT INTO effects (event_id, subject) VALUES ('e', 's')");
        writer.Append(tx, SampleOrderCreated("o-fresh"));
        writer.Append(tx, SampleOrderCreated("o-refused"));
    }));
    CHECK(f.Effects() == 0);
    CHECK(f.db.QueryInt("SELECT count(*) FROM outbox") == 1);

    // A transaction that is not committed writes nothing.
    CHECK_THROWS(db.InTransaction([&](runtime::pg::Transaction& tx) {
        writer.Append(tx, SampleOrderCreated("o-abandoned"));
        throw std::runtime_error("handler failed");
    }));
    CHECK(f.db.QueryInt("SELECT count(*) FROM outbox") == 1);
}

TEST_CASE("outbox writer: an event id is not checked for uniqueness, which consumers' inboxes handle") {
    RuntimeFixture f;
    runtime::pg::Database db(f.db.url(), 1);
    auto writer = Writer();
    const auto event = SampleOrderCreated("o-twice");
    db.InTransaction([&](runtime::pg::Transaction& tx) { writer.Append(tx, event); });
    db.InTransaction([&](runtime::pg::Transaction& tx) { writer.Append(tx, event); });
    CHECK(f.db.QueryInt("SELECT count(*) FROM outbox WHERE message_id = '" + event.id + "'") == 2);
}

}  // namespace saga::test

namespace saga::test {

// A writer that gathers its own work until the commit may append an event from its BeforeCommit,
// which runs after the outbox wrote this transaction's rows. That event was pushed to rows already
// turned into SQL: it was never inserted, and the transaction committed without it.
TEST_CASE("outbox writer: an event appended while the transaction commits is written too") {
    RuntimeFixture f;
    runtime::pg::Database db(f.db.url(), 1);
    auto writer = Writer();
    const auto first = SampleOrderCreated("o-first");
    const auto late = SampleOrderCreated("o-late");
    db.InTransaction([&](runtime::pg::Transaction& tx) {
        writer.Append(tx, first);
        tx.BeforeCommit([&] { writer.Append(tx, late); });
    });
    CHECK(f.db.QueryInt("SELECT count(*) FROM outbox") == 2);
    CHECK(f.db.QueryInt("SELECT count(*) FROM outbox WHERE message_id = '" + late.id + "'") == 1);
}

}  // namespace saga::test
