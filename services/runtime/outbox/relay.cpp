#include "runtime/outbox/relay.hpp"

#include <algorithm>
#include <array>
#include <deque>
#include <memory>
#include <stop_token>
#include <unordered_set>

#include "runtime/amqp/errors.hpp"
#include "runtime/amqp/topology.hpp"
#include "runtime/backoff.hpp"
#include "runtime/pg/errors.hpp"
#include "runtime/pg/outbox_writer.hpp"

namespace saga::runtime::outbox {

amqp::OutgoingMessage ToMessage(const pg::OutboxRow& row) {
    amqp::OutgoingMessage message;
    message.exchange = amqp::kEventsExchange;
    message.routing_key = row.event_type;
    message.body = row.payload;
    auto& p = message.properties;
    p.content_type = "application/cloudevents+json";
    p.message_id = row.message_id;
    p.type = row.event_type;
    p.correlation_id = row.correlation_id;
    p.app_id = row.source;
    p.timestamp = row.created_unix;
    p.persistent = true;
    return message;
}

OutboxRelay::OutboxRelay(RelayOptions options, RelayWakeup& wakeup, log::Logger& logger)
    : options_(std::move(options)),
      wakeup_(wakeup),
      logger_(logger),
      pacer_(options_.claim_linger),
      held_back_backoff_(options_.held_back_retry, std::max(options_.held_back_retry, options_.poll_interval)) {}

void OutboxRelay::Run(std::stop_token stop) {
    // A stop request ends an idle wait at once rather than after the poll interval.
    std::stop_callback wake_on_stop(stop, [this] { wakeup_.Signal(); });
    while (!stop.stop_requested()) {
        try {
            RelayOnce(stop);
        } catch (const amqp::AmqpError& error) {
            const auto wait = reconnect_backoff_.Next();
            logger_.Warn("outbox relay: broker unavailable", {{"error", error.what()}, {"retry_in_ms", wait.count()}});
            SleepUnlessStopped(stop, wait);
        } catch (const std::exception& error) {
            // The database went away or refused a statement. Only rows the broker confirmed are
            // ever marked sent, so starting over later loses nothing; ending the thread would
            // take the whole service down.
            const auto wait = reconnect_backoff_.Next();
            const nlohmann::json fields = {{"error", error.what()}, {"retry_in_ms", wait.count()}};
            if (pg::IsUnavailable(error)) {
                logger_.Warn("outbox relay: database unavailable", fields);
            } else {
                logger_.Error("outbox relay: database error", fields);
            }
            SleepUnlessStopped(stop, wait);
        }
    }
}

void OutboxRelay::RelayOnce(std::stop_token stop) {
    // Two claim transactions on two connections: while the broker confirms one batch, the
    // next is already claimed and published, so database and broker work overlap. Rows of a
    // batch in flight stay locked and unsent, so the next claim skips them and, by the
    // per-aggregate rule, every later row of their aggregates too: order is kept.
    const std::string channel = pg::OutboxChannel(options_.service);
    std::array<std::unique_ptr<pg::OutboxStore>, 2> stores = {
        std::make_unique<pg::OutboxStore>(options_.database_url, channel, options_.sent_rows),
        std::make_unique<pg::OutboxStore>(options_.database_url, channel, options_.sent_rows)};
    amqp::Connection connection(options_.amqp);
    amqp::DeclareExchanges(connection);
    connection.EnableConfirms();
    logger_.Info("outbox relay connected", {{"batch_size", options_.batch_size}});
    reconnect_backoff_.Reset();
    stats_.connected = true;
    struct Disconnected {
        std::atomic<bool>& flag;
        ~Disconnected() { flag = false; }
    } disconnected{stats_.connected};

    struct InFlight {
        pg::OutboxStore* store;
        std::vector<pg::OutboxRow> rows;
        std::uint64_t first_sequence;
        bool held_back;  ///< its claim locked rows it did not publish; they are free once it ends
    };
    std::deque<InFlight> in_flight;
    std::size_t next_store = 0;
    // Claim only when rows may be waiting: at start, after a claim that left rows behind (a
    // full batch, or rows held back behind another relay's), after a wake-up or NOTIFY, or
    // when the poll interval passed. An empty claim costs two round trips, and at low load
    // claiming eagerly found nothing about twice per batch.
    bool may_have_rows = true;
    bool only_held_back = false;  // the last claim found rows, all held back behind another relay's
    while (!stop.stop_requested()) {
        while (in_flight.size() < stores.size()) {
            // Signals are consumed before the claim, whose snapshot then sees their rows.
            const bool signalled = wakeup_.Drain();
            const bool notified = stores[0]->Notified();
            if (!signalled && !notified && !may_have_rows) break;
            pg::OutboxStore* store = stores[next_store].get();
            auto [rows, more_waiting, held_back] = store->ClaimBatch(options_.batch_size);
            stats_.claims.fetch_add(1, std::memory_order_relaxed);
            may_have_rows = more_waiting;
            only_held_back = rows.empty() && held_back;
            if (!rows.empty()) held_back_backoff_.Reset();
            pacer_.Claimed(rows.size(), ClaimPacer::Clock::now());
            if (rows.empty()) {
                store->AbandonBatch();
                break;
            }
            next_store = (next_store + 1) % stores.size();
            const std::uint64_t first = connection.LastPublished() + 1;
            for (const auto& row : rows) connection.Publish(ToMessage(row));
            in_flight.push_back({store, std::move(rows), first, held_back});
        }
        if (in_flight.empty()) {
            connection.KeepAlive();
            stores[0]->WaitForWork(wakeup_.fd(), only_held_back ? held_back_backoff_.Next() : options_.poll_interval);
            if (const auto wait = pacer_.WaitBeforeClaim(ClaimPacer::Clock::now()); wait.count() > 0) {
                stats_.lingers.fetch_add(1, std::memory_order_relaxed);
                SleepUnlessStopped(stop, wait);
            }
            may_have_rows = true;  // woken, or the poll interval passed
            continue;
        }
        InFlight& oldest = in_flight.front();
        const std::uint64_t last = oldest.first_sequence + oldest.rows.size() - 1;
        const auto confirms = connection.WaitForConfirms(last, options_.confirm_timeout);
        if (!confirms.complete) throw amqp::AmqpError("publisher confirms timed out");
        const std::unordered_set<std::uint64_t> nacked(confirms.nacked.begin(), confirms.nacked.end());
        std::vector<std::int64_t> sent;
        std::vector<const std::string*> sent_types;
        sent.reserve(oldest.rows.size());
        sent_types.reserve(oldest.rows.size());
        for (std::size_t i = 0; i < oldest.rows.size(); ++i) {
            if (nacked.contains(oldest.first_sequence + i)) continue;
            sent.push_back(oldest.rows[i].id);
            sent_types.push_back(&oldest.rows[i].event_type);
        }
        if (!nacked.empty()) {
            logger_.Warn("outbox relay: broker refused messages; they stay unsent", {{"count", nacked.size()}});
        }
        if (options_.after_confirm) options_.after_confirm(oldest.rows);
        oldest.store->FinishBatch(sent);
        // The rows its claim held back were locked by it, so a claim meanwhile could not see them.
        if (oldest.held_back) may_have_rows = true;
        stats_.published.fetch_add(sent.size(), std::memory_order_relaxed);
        if (options_.metrics) {
            for (const std::string* type : sent_types) options_.metrics->Published(*type);
        }
        stats_.batches.fetch_add(1, std::memory_order_relaxed);
        in_flight.pop_front();
    }
}

}  // namespace saga::runtime::outbox
