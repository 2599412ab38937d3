#include <doctest/doctest.h>

#include <map>
#include <memory>
#include <pqxx/pqxx>
#include <thread>

#include "runtime/amqp/topology.hpp"
#include "runtime_fixture.hpp"
#include "support/sample_events.hpp"

using namespace std::chrono_literals;

namespace saga::test {
namespace {

/// A queue bound to every event on saga.events, like an observer would use.
void DeclareTap(RuntimeFixture& f) {
    runtime::amqp::Connection connection(f.Amqp("tap"));
    runtime::amqp::DeclareExchanges(connection);
    connection.DeclareQueue("tap", {{"x-queue-type", std::string("quorum")}});
    connection.BindQueue("tap", runtime::amqp::kEventsExchange, "#");
}

std::vector<runtime::amqp::Delivery> DrainTap(RuntimeFixture& f, std::size_t expected) {
    runtime::amqp::Connection connection(f.Amqp("tap-reader"));
    std::vector<runtime::amqp::Delivery> out;
    Eventually(
        [&] {
            while (auto delivery = connection.Get("tap")) {
                connection.Ack(delivery->delivery_tag);
                out.push_back(std::move(*delivery));
            }
            return out.size() >= expected;
        },
        20s);
    return out;
}

struct RunningRelay {
    runtime::outbox::RelayWakeup wakeup;
    runtime::outbox::OutboxRelay relay;
    std::jthread thread;
    RunningRelay(RuntimeFixture& f, runtime::outbox::RelayOptions options)
        : relay(std::move(options), wakeup, f.logger), thread([this](std::stop_token stop) { relay.Run(stop); }) {}
};

/// Relay options whose poll never fires within a test: only wake-ups, NOTIFY and a stop reach it.
runtime::outbox::RelayOptions WithoutPoll(const RuntimeFixture& f) {
    auto options = f.Relay();
    options.poll_interval = 60s;
    return options;
}

}  // namespace

TEST_CASE(
    "outbox relay: rows reach saga.events with the CloudEvent mirrored in AMQP properties, then are marked sent") {
    RuntimeFixture f;
    DeclareTap(f);
    const auto event = SampleOrderCreated("o-props");
    f.WriteOutbox({event});

    RunningRelay running(f, f.Relay());
    const auto received = DrainTap(f, 1);
    REQUIRE(received.size() == 1);
    const auto& message = received.front();
    CHECK(message.body == events::Encode(event));
    CHECK(message.routing_key == "order.created");
    CHECK(message.properties.message_id == event.id);
    CHECK(message.properties.type == "order.created");
    CHECK(message.properties.correlation_id == event.correlation_id);
    CHECK(message.properties.app_id == "order-service");
    CHECK(message.properties.content_type == "application/cloudevents+json");
    CHECK(message.properties.persistent);
    CHECK(message.properties.timestamp.has_value());
    REQUIRE(Eventually([&] { return f.Unsent() == 0; }, 5s));
    CHECK(f.db.QueryInt("SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL") == 1);  // kept for the retention
}

TEST_CASE("outbox relay: without a retention for sent rows, each row is deleted once the broker confirmed it") {
    RuntimeFixture f;
    DeclareTap(f);
    auto options = f.Relay();
    options.batch_size = 7;  // several batches, two in flight at a time
    options.sent_rows = runtime::pg::OutboxStore::SentRows::kDelete;
    constexpr std::size_t kRows = 40;
    std::vector<events::Envelope> events;
    for (std::size_t i = 0; i < kRows; ++i) events.push_back(SampleOrderCreated("o-delete-" + std::to_string(i % 4)));
    f.WriteOutbox(events);

    RunningRelay running(f, options);
    const auto received = DrainTap(f, kRows);
    CHECK(received.size() == kRows);
    REQUIRE(Eventually([&] { return f.db.QueryInt("SELECT count(*) FROM outbox") == 0; }, 10s));
    CHECK(running.relay.stats().published.load() == kRows);
}

TEST_CASE(
    "outbox relay: a database that refuses writes (read-only after a failover) is waited out, then every row "
    "goes out") {
    RuntimeFixture f;
    DeclareTap(f);
    std::vector<events::Envelope> events;
    for (int i = 0; i < 5; ++i) events.push_back(SampleOrderCreated("o-ro-" + std::to_string(i)));
    f.WriteOutbox(events);
    f.db.SetReadOnly(true);  // the claim's SELECT ... FOR UPDATE is refused now (25006)

    RunningRelay running(f, f.Relay());
    std::this_thread::sleep_for(1500ms);
    CHECK(f.Unsent() == 5);
    CHECK(running.relay.stats().published.load() == 0);

    f.db.SetReadOnly(false);
    const auto received = DrainTap(f, events.size());
    CHECK(received.size() == events.size());
    REQUIRE(Eventually([&] { return f.Unsent() == 0; }, 10s));
}

TEST_CASE("outbox relay: two relays sharing one outbox publish every row once and keep each order's sequence") {
    RuntimeFixture f;
    DeclareTap(f);
    constexpr int kOrders = 10;
    constexpr int kPerOrder = 40;
    auto options = f.Relay();
    options.batch_size = 7;  // many small claims so the two relays interleave
    RunningRelay first(f, options);
    RunningRelay second(f, options);

    for (int seq = 0; seq < kPerOrder; ++seq) {
        std::vector<events::Envelope> batch;
        for (int order = 0; order < kOrders; ++order) {
            auto event = SampleOrderCreated("o-" + std::to_string(order));
            event.data["customer_id"] = "seq-" + std::to_string(seq);
            batch.push_back(event);
        }
        f.WriteOutbox(batch);
    }

    const auto received = DrainTap(f, kOrders * kPerOrder);
    REQUIRE(received.size() == kOrders * kPerOrder);
    std::map<std::string, int> last_seq;
    std::set<std::string> ids;
    for (const auto& message : received) {
        const auto event = events::Decode(message.body);
        ids.insert(event.id);
        const int seq = std::stoi(event.data["customer_id"].get<std::string>().substr(4));
        auto [it, fresh] = last_seq.try_emplace(event.subject, -1);
        CHECK_MESSAGE(seq == it->second + 1,
                      "order " << event.subject << " got seq " << seq << " after " << it->second);
        it->second = seq;
    }
    CHECK(ids.size() == received.size());
    CHECK(first.relay.stats().published.load() + second.relay.stats().published.load() == kOrders * kPerOrder);
    CHECK(first.relay.stats().published.load() > 0);
    CHECK(second.relay.stats().published.load() > 0);
}

TEST_CASE("outbox relay: a writer in another process wakes the relay through NOTIFY, long before the poll") {
    RuntimeFixture f;
    DeclareTap(f);
    RunningRelay running(f, WithoutPoll(f));
    std::this_thread::sleep_for(500ms);  // let it reach its idle wait

    const auto started = std::chrono::steady_clock::now();
    f.WriteOutbox({SampleOrderCreated("o-notify")});  // writer without a local relay: NOTIFY
    REQUIRE(DrainTap(f, 1).size() == 1);
    CHECK(std::chrono::steady_clock::now() - started < 20s);
}

TEST_CASE("outbox relay: one row costs one claim, and an idle relay does not claim again until woken") {
    RuntimeFixture f;
    DeclareTap(f);
    RunningRelay running(f, WithoutPoll(f));
    std::this_thread::sleep_for(500ms);  // its first claim found nothing; it waits now
    const auto idle_claims = running.relay.stats().claims.load();

    f.WriteOutbox({SampleOrderCreated("o-one-claim")});
    REQUIRE(DrainTap(f, 1).size() == 1);
    REQUIRE(Eventually([&] { return f.Unsent() == 0; }, 5s));
    std::this_thread::sleep_for(300ms);
    // Claiming eagerly took three: the row, the pipelined second claim, and one after the confirm.
    CHECK(running.relay.stats().claims.load() - idle_claims == 1);
}

TEST_CASE(
    "outbox relay: rows committed while a batch waits for its confirm are published without waiting for the poll") {
    RuntimeFixture f;
    DeclareTap(f);
    RunningRelay running(f, WithoutPoll(f));
    runtime::pg::Database database(f.db.url(), 1);
    runtime::pg::OutboxWriter writer(&running.wakeup, runtime::pg::OutboxChannel("test-service"));
    constexpr int kWrites = 60;
    const auto started = std::chrono::steady_clock::now();
    for (int i = 0; i < kWrites; ++i) {
        database.InTransaction([&](runtime::pg::Transaction& tx) {
            writer.Append(tx, SampleOrderCreated("o-wake-" + std::to_string(i)));
        });
        std::this_thread::sleep_for(std::chrono::milliseconds(i % 4));  // land in every phase of a batch
    }
    REQUIRE(DrainTap(f, kWrites).size() == kWrites);
    CHECK(std::chrono::steady_clock::now() - started < 20s);
}

// A claim locks the rows it holds back (behind an older row of their aggregate that is not in its
// batch) without publishing them. Nothing woke the relay when that older row was sent, nor when
// its own batch released them: they waited for the poll interval.
TEST_CASE("outbox relay: a row held back behind an older row another relay holds goes out once that row is sent") {
    RuntimeFixture f;
    DeclareTap(f);
    const auto older = SampleOrderCreated("o-held");
    f.WriteOutbox({older});
    pqxx::connection other_relay(f.db.url());  // holds the older row, as a relay with it in flight does
    pqxx::work holding(other_relay);
    holding.exec("SELECT id FROM outbox WHERE sent_at IS NULL FOR UPDATE");
    const auto behind = SampleOrderCreated("o-held");
    const auto unrelated = SampleOrderCreated("o-free");
    f.WriteOutbox({behind, unrelated});

    RunningRelay running(f, WithoutPoll(f));
    const auto first = DrainTap(f, 1);
    REQUIRE(first.size() == 1);
    CHECK(first.front().properties.message_id == unrelated.id);
    // While the older row stays held, the relay claims again ever more slowly, not every 10 ms.
    const auto claims_before = running.relay.stats().claims.load();
    std::this_thread::sleep_for(1500ms);
    CHECK(running.relay.stats().claims.load() - claims_before < 30);

    holding.exec_params("UPDATE outbox SET sent_at = now() WHERE message_id = $1", older.id);
    holding.commit();
    const auto started = std::chrono::steady_clock::now();
    const auto second = DrainTap(f, 1);
    REQUIRE(second.size() == 1);
    CHECK(second.front().properties.message_id == behind.id);
    CHECK(std::chrono::steady_clock::now() - started < 5s);
}

TEST_CASE("outbox relay: under steady load it lingers before claiming, and every row still goes out once") {
    RuntimeFixture f;
    DeclareTap(f);
    auto options = WithoutPoll(f);
    options.claim_linger = 50ms;  // engages from 20 rows/s
    RunningRelay running(f, options);
    REQUIRE(Eventually([&] { return running.relay.stats().connected.load(); }, 10s));
    runtime::pg::Database database(f.db.url(), 1);
    runtime::pg::OutboxWriter writer(&running.wakeup, runtime::pg::OutboxChannel("test-service"));

    constexpr int kWrites = 200;  // one commit every few ms for over a second
    for (int i = 0; i < kWrites; ++i) {
        database.InTransaction([&](runtime::pg::Transaction& tx) {
            writer.Append(tx, SampleOrderCreated("o-linger-" + std::to_string(i)));
        });
        std::this_thread::sleep_for(5ms);
    }
    const auto published = DrainTap(f, kWrites);
    CHECK(published.size() == kWrites);
    CHECK(Eventually([&] { return f.Unsent() == 0; }, 10s));
    CHECK(running.relay.stats().lingers.load() > 0);
}

TEST_CASE("outbox relay: a stop request ends its idle wait at once, not after the poll interval") {
    RuntimeFixture f;
    auto running = std::make_unique<RunningRelay>(f, WithoutPoll(f));
    REQUIRE(Eventually([&] { return running->relay.stats().connected.load(); }, 10s));
    std::this_thread::sleep_for(300ms);  // its first claim found nothing; it waits now
    const auto stopping = std::chrono::steady_clock::now();
    running.reset();  // requests stop and joins
    CHECK(std::chrono::steady_clock::now() - stopping < 10s);
}

TEST_CASE("outbox relay: marking rows sent does not scan the whole outbox after it grew from empty") {
    RuntimeFixture f;
    // As before autovacuum first analyzes a fresh outbox: plans are made from its first pages.
    f.db.Execute("ALTER TABLE outbox SET (autovacuum_enabled = false)");
    runtime::pg::OutboxStore store(f.db.url(), "outbox_test");
    const auto publish = [&](const std::string& order_id, int rows) {
        std::vector<events::Envelope> events;
        for (int i = 0; i < rows; ++i) events.push_back(SampleOrderCreated(order_id + "-" + std::to_string(i)));
        f.WriteOutbox(events);
        const auto claim = store.ClaimBatch(100);
        REQUIRE(claim.rows.size() == static_cast<std::size_t>(rows));
        std::vector<std::int64_t> ids;
        for (const auto& row : claim.rows) ids.push_back(row.id);
        store.FinishBatch(ids);
    };
    // Marks of a few rows while the table is a few pages: plans that scan the table, which the
    // server adopts as its generic plan after five executions.
    for (int i = 0; i < 8; ++i) publish("o-small-" + std::to_string(i), 3);
    f.db.Execute(
        "INSERT INTO outbox (message_id, event_type, aggregate_id, correlation_id, source, payload, sent_at)"
        " SELECT 'bulk-' || n, 'order.created', 'o-bulk', 'c', 'order-service', repeat('x', 500), now()"
        " FROM generate_series(1, 5000) AS n");
    const auto stat = [&](const char* column) {
        return f.db.QueryInt(std::string("SELECT ") + column + " FROM pg_stat_user_tables WHERE relname = 'outbox'");
    };
    // The relay's backend reports its statistics within seconds; the update count shows when.
    REQUIRE(Eventually([&] { return stat("n_tup_upd") == 8 * 3; }, 30s));
    const auto scans_before = stat("seq_scan");
    for (int i = 0; i < 5; ++i) publish("o-large-" + std::to_string(i), 3);
    REQUIRE(Eventually([&] { return stat("n_tup_upd") == 13 * 3; }, 30s));
    CHECK(stat("seq_scan") == scans_before);
}

TEST_CASE("outbox relay: a claim checks each row's aggregate through its index, not by rereading the backlog") {
    RuntimeFixture f;
    f.db.Execute("ALTER TABLE outbox SET (autovacuum_enabled = false)");
    // A relay that keeps up: when ANALYZE looks, (almost) nothing is unsent.
    f.db.Execute(
        "INSERT INTO outbox (message_id, event_type, aggregate_id, correlation_id, source, payload, sent_at)"
        " SELECT 'sent-' || n, 'order.created', 'o-sent-' || n / 3, 'c', 'order-service', repeat('x', 500), now()"
        " FROM generate_series(1, 15000) AS n");
    f.db.Execute("ANALYZE outbox");
    // Then a backlog builds up: 300 rows, three per order.
    f.db.Execute(
        "INSERT INTO outbox (message_id, event_type, aggregate_id, correlation_id, source, payload)"
        " SELECT 'unsent-' || n, 'order.created', 'o-unsent-' || n / 3, 'c', 'order-service', repeat('x', 500)"
        " FROM generate_series(1, 300) AS n");
    const auto read_from_unsent_index = [&] {
        return f.db.QueryInt("SELECT idx_tup_read FROM pg_stat_user_indexes WHERE indexrelname = 'outbox_unsent'");
    };
    const auto before = read_from_unsent_index();
    {
        runtime::pg::OutboxStore store(f.db.url(), "outbox_test");
        const auto claim = store.ClaimBatch(500);
        CHECK(claim.rows.size() == 300);
        store.AbandonBatch();
    }  // the relay's backend ends and reports its statistics
    REQUIRE(Eventually([&] { return read_from_unsent_index() > before; }, 30s));
    // The batch reads its 300 entries; a probe that scanned the index would read about 45,000 more.
    CHECK(read_from_unsent_index() - before <= 2 * 300);
}

}  // namespace saga::test
