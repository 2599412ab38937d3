#include "runtime/outbox/retention.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <thread>

#include "runtime/pg/outbox_store.hpp"
#include "runtime/pg/retention_store.hpp"
#include "runtime_fixture.hpp"
#include "support/sample_events.hpp"

using namespace std::chrono_literals;

namespace saga::test {

TEST_CASE("outbox retention: sent rows past the retention are deleted, unsent and recent rows are kept") {
    RuntimeFixture f;
    f.WriteOutbox(
        {SampleOrderCreated("o-old-sent"), SampleOrderCreated("o-recent-sent"), SampleOrderCreated("o-old-unsent")});
    f.db.Execute("UPDATE outbox SET sent_at = now() - interval '2 days' WHERE aggregate_id = 'o-old-sent'");
    f.db.Execute("UPDATE outbox SET sent_at = now() WHERE aggregate_id = 'o-recent-sent'");
    f.db.Execute("UPDATE outbox SET created_at = now() - interval '3 days' WHERE aggregate_id = 'o-old-unsent'");

    runtime::pg::RetentionStore store(f.db.url());
    CHECK(store.DeleteSentBefore(std::chrono::hours{24}, 100) == 1);
    CHECK(f.db.QueryInt("SELECT count(*) FROM outbox WHERE aggregate_id = 'o-old-sent'") == 0);
    CHECK(f.db.QueryInt("SELECT count(*) FROM outbox") == 2);
    const auto backlog = runtime::pg::OutboxStore(f.db.url(), "outbox_test").ReadBacklog();
    CHECK(backlog.unsent == 1);
    CHECK(backlog.oldest_age_seconds > 2 * 24 * 3600);
}

TEST_CASE("retention cleanup: keeps up with more expired rows than one round deletes") {
    // One round deletes a bounded number of rows. Before, the relay ran one round of 10,000 a
    // cleanup interval (60 s): less than the order service writes at about 85 orders/s (two
    // outbox rows an order), so past the retention window the tables grew without end.
    RuntimeFixture f;
    constexpr int kRows = 25000;
    f.db.Execute(fmt::format(
        "INSERT INTO outbox (message_id, event_type, aggregate_id, correlation_id, source, payload, created_at, "
        "sent_at)"
        " SELECT 'old-' || g, 'order.created', 'o-' || g, 'c', 'order-service', '{{}}', now() - interval '3 days',"
        " now() - interval '2 days' FROM generate_series(1, {}) g",
        kRows));
    f.db.Execute(
        fmt::format("INSERT INTO inbox (consumer, message_id, received_at)"
                    " SELECT 'order-service', 'old-' || g, now() - interval '40 days' FROM generate_series(1, {}) g",
                    kRows));
    f.WriteOutbox({SampleOrderCreated("o-unsent")});
    runtime::outbox::RetentionCleanup cleanup({.database_url = f.db.url(), .interval = 60s}, f.logger);
    std::jthread thread([&](std::stop_token stop) { cleanup.Run(stop); });
    CHECK(Eventually([&] { return f.db.QueryInt("SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL") == 0; }, 30s));
    CHECK(Eventually([&] { return f.db.QueryInt("SELECT count(*) FROM inbox") == 0; }, 30s));
    CHECK(f.Unsent() == 1);
}

TEST_CASE("retention cleanup: a stop request ends its wait for the next round at once") {
    RuntimeFixture f;
    runtime::outbox::RetentionCleanup cleanup({.database_url = f.db.url(), .interval = 600s}, f.logger);
    std::jthread thread([&](std::stop_token stop) { cleanup.Run(stop); });
    std::this_thread::sleep_for(300ms);
    const auto asked = std::chrono::steady_clock::now();
    thread.request_stop();
    thread.join();
    CHECK(std::chrono::steady_clock::now() - asked < 5s);
}

}  // namespace saga::test
