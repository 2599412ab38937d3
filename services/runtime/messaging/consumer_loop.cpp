#include "runtime/messaging/consumer_loop.hpp"

#include <cxxabi.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <optional>
#include <typeinfo>

#include "runtime/amqp/errors.hpp"
#include "runtime/amqp/topology.hpp"
#include "runtime/backoff.hpp"
#include "runtime/outbox/claim_pacer.hpp"
#include "runtime/pg/handling_attempts.hpp"
#include "runtime/pg/inbox.hpp"

namespace saga::runtime::messaging {
namespace {

constexpr int kTransientRetries = 3;
constexpr std::chrono::milliseconds kReceiveWait{500};

}  // namespace

struct ConsumerLoop::Poison {
    amqp::Delivery* delivery;
    Failure failure;
};

struct ConsumerLoop::Item {
    amqp::Delivery* delivery;
    events::Envelope event;
    std::optional<Failure> failure;
    bool attempt_counted = false;  ///< in handling_attempts: forget it when handled
    bool give_up = false;          ///< took the consumer down too often: dead-letter, no retry
};

/// One message of a transaction, counted once it committed. `handler_time` is empty for a
/// duplicate (the handler did not run).
struct ConsumerLoop::Committed {
    std::string_view type;
    std::optional<std::chrono::steady_clock::duration> handler_time;
};

namespace {

/// Runs the handler and says how long it took.
std::chrono::steady_clock::duration TimeHandler(const EventHandler& handler, const events::Envelope& event,
                                                pg::Transaction& tx) {
    const auto started = std::chrono::steady_clock::now();
    handler(event, tx);
    return std::chrono::steady_clock::now() - started;
}

}  // namespace

std::string ExceptionTypeName(const std::exception& error) {
    int status = 0;
    std::unique_ptr<char, void (*)(void*)> name(abi::__cxa_demangle(typeid(error).name(), nullptr, nullptr, &status),
                                                std::free);
    return status == 0 && name ? std::string(name.get()) : std::string(typeid(error).name());
}

ConsumerLoop::ConsumerLoop(ConsumerOptions options, pg::Database& database, EventHandler handler, log::Logger& logger)
    : options_(std::move(options)), database_(database), handler_(std::move(handler)), logger_(logger) {}

void ConsumerLoop::Run(std::stop_token stop) {
    while (!stop.stop_requested()) {
        try {
            ConsumeOnce(stop);
        } catch (const amqp::TopologyMismatch&) {
            throw;
        } catch (const amqp::AmqpError& error) {
            const auto wait = reconnect_backoff_.Next();
            logger_.Warn("broker connection lost; reconnecting",
                         {{"queue", options_.queue}, {"error", error.what()}, {"retry_in_ms", wait.count()}});
            SleepUnlessStopped(stop, wait);
        }
    }
}

void ConsumerLoop::ConsumeOnce(std::stop_token stop) {
    amqp::Connection connection(options_.amqp);
    amqp::DeclareServiceTopology(connection,
                                 {options_.queue, options_.bindings, options_.retry.delays, options_.delivery_limit});
    connection.EnableConfirms();
    connection.SetPrefetch(options_.prefetch);
    connection.Consume(options_.queue);
    logger_.Info("consuming", {{"queue", options_.queue}, {"prefetch", options_.prefetch}});
    reconnect_backoff_.Reset();
    stats_.connected = true;
    struct Disconnected {
        std::atomic<bool>& flag;
        ~Disconnected() { flag = false; }
    } disconnected{stats_.connected};

    std::vector<amqp::Delivery> batch;
    using Clock = outbox::ClaimPacer::Clock;
    outbox::ClaimPacer pacer(options_.batch_linger, options_.batch_linger_min_expected);
    while (!stop.stop_requested()) {
        auto first = connection.NextDelivery(kReceiveWait);
        if (!first) continue;
        batch.clear();
        batch.push_back(std::move(*first));
        // What is waiting; under load with a linger, also what arrives until it has passed.
        const auto gather_until = Clock::now() + pacer.WaitBeforeClaim(Clock::now());
        while (batch.size() < options_.max_batch) {
            const auto left = std::chrono::ceil<std::chrono::milliseconds>(gather_until - Clock::now());
            auto next = connection.NextDelivery(std::max(left, std::chrono::milliseconds{0}));
            if (!next) break;
            batch.push_back(std::move(*next));
        }
        pacer.Claimed(batch.size(), Clock::now());
        Process(connection, batch, stop);
    }
}

void ConsumerLoop::Process(amqp::Connection& connection, std::vector<amqp::Delivery>& batch, std::stop_token stop) {
    // A redelivered batch may hold the message whose handling took the last consumer down: each
    // message is handled and acked on its own then, so that only that one is counted again if it
    // happens once more, and the rest move on.
    const auto redelivered = [](const amqp::Delivery& delivery) { return delivery.redelivered; };
    if (batch.size() > 1 && std::any_of(batch.begin(), batch.end(), redelivered)) {
        for (auto& delivery : batch) {
            if (stop.stop_requested()) return;  // unacked: the broker redelivers them
            std::vector<amqp::Delivery> one;
            one.push_back(std::move(delivery));
            Process(connection, one, stop);
        }
        return;
    }

    std::vector<Item> items;
    std::vector<Poison> poison;
    for (auto& delivery : batch) {
        try {
            items.push_back({&delivery, events::Decode(delivery.body), std::nullopt});
        } catch (const std::exception& error) {
            poison.push_back({&delivery, {ExceptionTypeName(error), error.what(), 1, events::NowRfc3339()}});
        }
    }

    // The database being down is nobody's fault: keep the deliveries and wait for it.
    Backoff backoff(std::chrono::milliseconds{100}, std::chrono::seconds{5});
    while (!items.empty()) {
        // A failure seen before the outage is a verdict of an attempt that did not last: the next
        // one may commit the message, and then no retry or dead-letter copy of it may go out.
        for (auto& item : items) item.failure.reset();
        try {
            if (batch.front().redelivered) {
                HandleRedelivered(items.front());
            } else if (!HandleTogether(items)) {
                for (auto& item : items) HandleAlone(item);
            }
            break;
        } catch (const pg::DatabaseUnavailable& error) {
            const auto wait = backoff.Next();
            logger_.Warn("database unavailable; holding messages until it is back",
                         {{"queue", options_.queue}, {"error", error.what()}, {"retry_in_ms", wait.count()}});
            if (!SleepUnlessStopped(stop, wait)) return;  // unacked: the broker redelivers them
            connection.KeepAlive();
        }
    }
    const bool committed = std::any_of(items.begin(), items.end(), [](const Item& item) { return !item.failure; });
    if (committed && options_.after_commit) options_.after_commit();

    SendFailures(connection, items, poison);
    connection.Ack(batch.back().delivery_tag, true);
    stats_.batches.fetch_add(1, std::memory_order_relaxed);
}

bool ConsumerLoop::HandleTogether(std::vector<Item>& items) {
    try {
        RetryTransient([&] {
            database_.InTransaction([&](pg::Transaction& tx) {
                std::vector<Committed> committed;
                committed.reserve(items.size());
                std::uint64_t handled = 0;
                // One inbox statement for the whole batch rather than one round trip per message.
                std::vector<std::string> ids;
                ids.reserve(items.size());
                for (const auto& item : items) ids.push_back(item.event.id);
                const std::vector<bool> fresh = pg::RecordAllInInbox(tx, options_.service, ids);
                if (options_.before_batch && items.size() > 1) {
                    std::vector<const events::Envelope*> to_handle;
                    for (std::size_t i = 0; i < items.size(); ++i) {
                        if (fresh[i]) to_handle.push_back(&items[i].event);
                    }
                    if (!to_handle.empty()) options_.before_batch(to_handle, tx);
                }
                for (std::size_t i = 0; i < items.size(); ++i) {
                    auto& item = items[i];
                    if (fresh[i]) {
                        if (options_.before_handler) options_.before_handler(item.event);
                        committed.push_back({item.event.type, TimeHandler(handler_, item.event, tx)});
                        ++handled;
                    } else {
                        committed.push_back({item.event.type, std::nullopt});
                    }
                }
                tx.AfterCommit([this, handled, committed = std::move(committed)] {
                    stats_.handled.fetch_add(handled, std::memory_order_relaxed);
                    stats_.duplicates.fetch_add(committed.size() - handled, std::memory_order_relaxed);
                    CountCommitted(committed);
                });
            });
        });
        return true;
    } catch (const pg::DatabaseUnavailable&) {
        throw;
    } catch (const std::exception& error) {
        if (items.size() == 1) {
            items.front().failure = Failure{ExceptionTypeName(error), error.what(), 0, events::NowRfc3339()};
            return true;
        }
        return false;
    }
}

void ConsumerLoop::HandleRedelivered(Item& item) {
    if (!item.attempt_counted) {
        // Each earlier count is a handling that neither committed nor failed: the process went
        // down in the middle of it. A message given up is forgotten, so a replay starts afresh.
        int attempts = 0;
        try {
            attempts = RetryTransient([&] {
                return database_.InTransaction([&](pg::Transaction& tx) {
                    const int counted = pg::CountHandlingAttempt(tx, options_.service, item.event.id);
                    if (counted - 1 >= options_.crash_limit)
                        pg::ForgetHandlingAttempts(tx, options_.service, item.event.id);
                    return counted;
                });
            });
        } catch (const pg::DatabaseUnavailable&) {
            throw;
        } catch (const std::exception& error) {
            // As a failed handling: the retry path, rather than the error ending the consumer.
            item.failure = Failure{ExceptionTypeName(error), error.what(), 0, events::NowRfc3339()};
            return;
        }
        item.attempt_counted = true;
        if (attempts - 1 >= options_.crash_limit) {
            item.give_up = true;
            item.failure = Failure{"consumer crash",
                                   fmt::format("the consumer went down {} times while handling this message "
                                               "(limit {})",
                                               attempts - 1, options_.crash_limit),
                                   0, events::NowRfc3339()};
            return;
        }
    }
    HandleAlone(item);
    if (!item.failure) return;
    // It failed the ordinary way (it is on the retry path now): no crash to remember. Best effort:
    // should the database fail right now, the retention cleanup removes the row later.
    try {
        database_.InTransaction(
            [&](pg::Transaction& tx) { pg::ForgetHandlingAttempts(tx, options_.service, item.event.id); });
    } catch (const std::exception&) {
    }
}

void ConsumerLoop::HandleAlone(Item& item) {
    try {
        RetryTransient([&] {
            database_.InTransaction([&](pg::Transaction& tx) {
                if (item.attempt_counted) pg::ForgetHandlingAttempts(tx, options_.service, item.event.id);
                const bool fresh = pg::RecordInInbox(tx, options_.service, item.event.id);
                Committed committed{item.event.type, std::nullopt};
                if (fresh && options_.before_handler) options_.before_handler(item.event);
                if (fresh) committed.handler_time = TimeHandler(handler_, item.event, tx);
                tx.AfterCommit([this, fresh, committed] {
                    (fresh ? stats_.handled : stats_.duplicates).fetch_add(1);
                    CountCommitted({committed});
                });
            });
        });
    } catch (const pg::DatabaseUnavailable&) {
        throw;
    } catch (const std::exception& error) {
        item.failure = Failure{ExceptionTypeName(error), error.what(), 0, events::NowRfc3339()};
    }
}

template <class F>
std::invoke_result_t<F&> ConsumerLoop::RetryTransient(F&& transaction) {
    for (int attempt = 1;; ++attempt) {
        try {
            return transaction();
        } catch (const std::exception& error) {
            if (attempt >= kTransientRetries || !pg::IsTransient(error)) throw;
        }
    }
}

void ConsumerLoop::CountCommitted(const std::vector<Committed>& committed) {
    if (!options_.metrics) return;
    for (const auto& [type, handler_time] : committed) {
        if (handler_time) {
            options_.metrics->Handled(type, *handler_time);
        } else {
            options_.metrics->Duplicate(type);
        }
    }
}

std::string_view ConsumerLoop::PoisonType(const amqp::Delivery& delivery) const {
    const auto& type = delivery.properties.type;
    const auto& bound = options_.bindings;
    return std::find(bound.begin(), bound.end(), type) != bound.end() ? std::string_view(type) : "unknown";
}

void ConsumerLoop::SendFailures(amqp::Connection& connection, const std::vector<Item>& items,
                                const std::vector<Poison>& poison) {
    // Counted only once the broker holds the copies.
    struct Sent {
        std::string_view type;
        std::optional<metrics::DeadLetterReason> dead_lettered;  // empty: retried
    };
    std::vector<Sent> counts;
    for (const auto& [delivery, failure] : poison) {
        connection.Publish(DeadLetterCopy(*delivery, options_.queue, options_.service, kReasonPoison, failure));
        counts.push_back({PoisonType(*delivery), metrics::DeadLetterReason::kPoison});
        stats_.dead_lettered.fetch_add(1, std::memory_order_relaxed);
        logger_.Warn("poison message dead-lettered", {{"queue", options_.queue},
                                                      {"message_id", delivery->properties.message_id},
                                                      {"error", failure.exception_message}});
    }
    for (const Item& item : items) {
        if (!item.failure) continue;
        Failure failure = *item.failure;
        failure.attempts = FailedAttempts(*item.delivery) + 1;
        const nlohmann::json fields = {{"queue", options_.queue},
                                       {"event_id", item.event.id},
                                       {"correlation_id", item.event.correlation_id},
                                       {"attempts", failure.attempts},
                                       {"error", failure.exception_message}};
        if (auto delay = item.give_up ? std::nullopt : options_.retry.DelayAfter(failure.attempts)) {
            connection.Publish(RetryCopy(*item.delivery, options_.queue, options_.service, *delay, failure));
            counts.push_back({item.event.type, std::nullopt});
            stats_.retried.fetch_add(1, std::memory_order_relaxed);
            logger_.Warn("handler failed; retrying later", fields);
        } else {
            connection.Publish(
                DeadLetterCopy(*item.delivery, options_.queue, options_.service, kReasonRetriesExhausted, failure));
            counts.push_back({item.event.type, metrics::DeadLetterReason::kRetriesExhausted});
            stats_.dead_lettered.fetch_add(1, std::memory_order_relaxed);
            logger_.Error("handler failed; retries exhausted, dead-lettered", fields);
        }
    }
    if (counts.empty()) return;
    // The original is acked only once the broker holds the copy.
    const auto result = connection.WaitForConfirms(connection.LastPublished(), options_.confirm_timeout);
    if (!result.complete || !result.nacked.empty()) {
        throw amqp::AmqpError("the broker did not confirm a dead-letter or retry copy");
    }
    if (!result.returned.empty()) {
        // Its DLQ or delay queue is gone. The originals stay unacked, and the next connection
        // declares the queues again before they come back.
        throw amqp::AmqpError("no queue took a dead-letter or retry copy (was a DLQ or delay queue deleted?)");
    }
    if (!options_.metrics) return;
    for (const auto& [type, dead_lettered] : counts) {
        if (dead_lettered) {
            options_.metrics->DeadLettered(type, *dead_lettered);
        } else {
            options_.metrics->Retried(type);
        }
    }
}

}  // namespace saga::runtime::messaging
