#include <doctest/doctest.h>

#include <pqxx/pqxx>
#include <stdexcept>

#include "runtime/pg/errors.hpp"
#include "runtime/pg/migrator.hpp"
#include "sagactl/storage/queries.hpp"
#include "sagactl/storage/service_facts.hpp"
#include "support/live_stack.hpp"

namespace saga::test {
namespace {

// Nothing listens on port 1: connecting is refused at once.
const std::string kUnreachableUrl = "postgresql://postgres@127.0.0.1:1/nothing";

// A fresh database with the runtime's outbox and inbox tables, and no service draining them.
struct RuntimeDatabase {
    TestDatabase db;
    RuntimeDatabase() {
        pqxx::connection connection(db.url());
        runtime::pg::Migrate(connection, "runtime", runtime::pg::RuntimeMigrations());
    }
};

void InsertOutboxRow(const TestDatabase& db, const std::string& message_id, const std::string& age, bool sent) {
    db.Execute(
        "INSERT INTO outbox (message_id, event_type, aggregate_id, correlation_id, source, payload, "
        "created_at, sent_at) VALUES ('" +
        message_id + "', 'order.created', 'o-1', 'c-1', 'order-service', '{}', now() - interval '" + age + "', " +
        (sent ? "now()" : "NULL") + ")");
}

}  // namespace

TEST_CASE("sagactl storage: outbox status counts unsent rows and the age of the oldest") {
    RuntimeDatabase payment;
    const sagactl::DatabaseUrls urls = {{"payment", payment.db.url()}};

    auto status = sagactl::ReadOutboxStatus(urls);
    REQUIRE(status.size() == 1);
    CHECK(status[0].service == "payment");
    CHECK(status[0].error == "");
    CHECK(status[0].backlog == 0);
    CHECK_FALSE(status[0].oldest_unsent_age_seconds.has_value());

    InsertOutboxRow(payment.db, "m-sent", "1 hour", true);
    InsertOutboxRow(payment.db, "m-old", "30 seconds", false);
    InsertOutboxRow(payment.db, "m-new", "1 second", false);
    status = sagactl::ReadOutboxStatus(urls);
    REQUIRE(status.size() == 1);
    CHECK(status[0].backlog == 2);
    REQUIRE(status[0].oldest_unsent_age_seconds.has_value());
    CHECK(*status[0].oldest_unsent_age_seconds >= 30.0);
    CHECK(*status[0].oldest_unsent_age_seconds < 300.0);
}

TEST_CASE("sagactl storage: an unreachable database sets its outbox error and leaves the others readable") {
    RuntimeDatabase inventory;
    InsertOutboxRow(inventory.db, "m-1", "2 seconds", false);
    const sagactl::DatabaseUrls urls = {{"inventory", inventory.db.url()}, {"order", kUnreachableUrl}};

    const auto status = sagactl::ReadOutboxStatus(urls);
    REQUIRE(status.size() == 2);
    CHECK(status[0].service == "order");  // display order: order, inventory, payment, notification
    CHECK(status[0].error.starts_with("database unreachable: "));
    CHECK_FALSE(status[0].backlog.has_value());
    CHECK(status[1].service == "inventory");
    CHECK(status[1].error == "");
    CHECK(status[1].backlog == 1);
}

TEST_CASE("sagactl storage: inbox lookups use the service's consumer name and say when they cannot tell") {
    RuntimeDatabase inventory;
    inventory.db.Execute("INSERT INTO inbox (consumer, message_id) VALUES ('inventory-service', 'm-handled')");
    inventory.db.Execute("INSERT INTO inbox (consumer, message_id) VALUES ('someone-else', 'm-other')");
    const sagactl::DatabaseUrls urls = {{"inventory", inventory.db.url()}, {"payment", kUnreachableUrl}};

    CHECK(sagactl::InboxHasMessage(urls, "inventory", "m-handled") == true);
    CHECK(sagactl::InboxHasMessage(urls, "inventory-service", "m-handled") == true);
    CHECK(sagactl::InboxHasMessage(urls, "inventory", "m-other") == false);
    CHECK(sagactl::InboxHasMessage(urls, "inventory", "m-" + RandomSuffix()) == false);
    CHECK_FALSE(sagactl::InboxHasMessage(urls, "payment", "m-handled").has_value());
    CHECK_THROWS_AS(sagactl::InboxHasMessage(urls, "order", "m-handled"), std::invalid_argument);
}

TEST_CASE("sagactl storage: an order no database knows has an empty timeline unless a database was unreachable") {
    // A service name sagactl has no queries for is read as far as the runtime's outbox and inbox go.
    RuntimeDatabase extra;
    const std::string unknown = "no-such-order-" + RandomSuffix();
    CHECK(sagactl::ReadOrderTimeline({{"extra", extra.db.url()}}, unknown).empty());

    const auto timeline =
        sagactl::ReadOrderTimeline({{"extra", extra.db.url()}, {"payment", kUnreachableUrl}}, unknown);
    REQUIRE(timeline.size() == 1);
    CHECK(timeline[0].service == "payment");
    CHECK(timeline[0].what.starts_with("database unreachable: "));
    CHECK(timeline[0].at.ends_with("Z"));
}

TEST_CASE("sagactl storage: an order's outbox rows are found through an index, however many sent rows are kept") {
    // Sent rows stay for OUTBOX_SENT_RETENTION (24 h): a day of a busy service is millions of
    // rows, and sagactl order and the console's timeline look up one order's among them.
    RuntimeDatabase order;
    order.db.Execute(
        "INSERT INTO outbox (message_id, event_type, aggregate_id, correlation_id, source, payload, sent_at)"
        " SELECT 'sent-' || n, 'order.created', 'o-other-' || n / 3, 'c', 'order-service', repeat('x', 500), now()"
        " FROM generate_series(1, 20000) AS n");
    InsertOutboxRow(order.db, "m-created", "2 seconds", true);
    InsertOutboxRow(order.db, "m-confirmed", "1 second", false);
    order.db.Execute("ANALYZE outbox");

    const auto timeline = sagactl::ReadOrderTimeline({{"extra", order.db.url()}}, "o-1");
    REQUIRE(timeline.size() == 2);
    CHECK(timeline[0].what == "published order.created");

    pqxx::connection connection(order.db.url());
    pqxx::work tx(connection);
    tx.exec("PREPARE timeline(text) AS " + sagactl::Query("timeline_outbox.sql"));
    std::string plan;
    for (const auto& row : tx.exec("EXPLAIN EXECUTE timeline('o-1')")) plan += row[0].as<std::string>() + "\n";
    INFO(plan);
    CHECK(plan.find("Seq Scan") == std::string::npos);
    CHECK(plan.find("Index") != std::string::npos);
}

TEST_CASE("sagactl storage: order state of an unreachable order database throws, without an order URL too") {
    CHECK_THROWS_AS(sagactl::ReadOrderState({{"order", kUnreachableUrl}}, "o-1"), runtime::pg::DatabaseUnavailable);
    CHECK_THROWS_AS(sagactl::ReadOrderState({}, "o-1"), std::invalid_argument);
}

}  // namespace saga::test
