// The delivery task in-process, on a real database that goes away in the middle of a batch.
#include "notification/delivery/delivery_worker.hpp"

#include <doctest/doctest.h>

#include <iostream>
#include <thread>

#include "notification/storage/notification_store.hpp"
#include "runtime/pg/migrator.hpp"
#include "support/store_database.hpp"

namespace saga::embedded {
const saga::runtime::pg::SqlFiles& NotificationMigrations();
}

namespace saga::test {
namespace {

using namespace std::chrono_literals;

/// Counts its sends, and ends every other session on the database with each: the connection the
/// worker claimed with is gone by the time it records the outcome.
class DroppingChannel : public notification::Channel {
  public:
    explicit DroppingChannel(TestDatabase& db) : db_(db) {}
    void Send(const notification::Notification&) override {
        ++sends;
        db_.QueryInt(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()");
    }
    int sends = 0;

  private:
    TestDatabase& db_;
};

/// A process that goes down during every send: nothing about the attempt is recorded.
struct ProcessDown {};
class CrashingChannel : public notification::Channel {
  public:
    void Send(const notification::Notification&) override {
        ++sends;
        throw ProcessDown{};
    }
    int sends = 0;
};

/// A notification database with one PENDING notification, and what a worker needs beside a channel.
struct DeliveryDatabase : StoreDatabase {
    explicit DeliveryDatabase(const std::string& order_id)
        : StoreDatabase("notification", embedded::NotificationMigrations()) {
        db.Migrate("runtime", runtime::pg::RuntimeMigrations());
        pool.InTransaction([&](runtime::pg::Transaction& tx) {
            notification::InsertNotification(
                tx,
                {.order_id = order_id, .event_type = "order.confirmed", .recipient = "c", .subject = "s", .body = "b"},
                events::NotificationChannel::kLog,
                {.event_id = "evt-" + order_id, .correlation_id = "saga-" + order_id, .traceparent = ""}, [] {});
        });
        options.source = "notification-service";
    }
    notification::DeliveryWorker Worker(notification::Channel& channel) {
        return notification::DeliveryWorker(options, pool, outbox, channel, wakeup, logger);
    }

    runtime::pg::OutboxWriter outbox{nullptr, runtime::pg::OutboxChannel("notification-service")};
    notification::DeliveryWakeup wakeup;
    runtime::log::Logger logger{"delivery-test", std::clog, runtime::log::Level::kWarn};
    notification::DeliveryOptions options;
};

}  // namespace

TEST_CASE(
    "notification delivery: a batch sent while the database connection was lost is recorded once it is back, "
    "not sent again after the lease") {
    DeliveryDatabase d("o-1");
    DroppingChannel channel(d.db);
    d.options.lease = 200ms;
    auto worker = d.Worker(channel);

    // Before, the record step's DatabaseUnavailable escaped and the outcome was forgotten: the
    // task host restarted the task, and once the lease ran out the notification went out again.
    for (int pass = 0; pass < 2; ++pass) {
        try {
            worker.DeliverDue();
        } catch (const std::exception& error) {
            MESSAGE("pass ", pass, " threw: ", std::string(error.what()));
        }
        std::this_thread::sleep_for(300ms);  // past the lease
    }
    CHECK(channel.sends == 1);
    CHECK(d.db.QueryInt("SELECT count(*) FROM notifications WHERE status = 'SENT'") == 1);
    CHECK(d.db.QueryInt("SELECT count(*) FROM outbox WHERE event_type = 'notification.sent'") == 1);
}

TEST_CASE("notification delivery: a send the process never survives counts as an attempt, and ends FAILED") {
    DeliveryDatabase d("o-2");
    CrashingChannel channel;
    d.options.lease = 100ms;
    d.options.retry.max_attempts = 3;
    auto worker = d.Worker(channel);

    // Before, an attempt counted only once its outcome was recorded: a notification whose send
    // took the process down every time was sent again after every lease, for ever, and stayed PENDING.
    for (int restart = 0; restart < 6; ++restart) {
        try {
            worker.DeliverDue();
        } catch (const ProcessDown&) {
        }
        std::this_thread::sleep_for(150ms);  // past the lease
    }
    CHECK(channel.sends == 3);
    CHECK(d.db.QueryInt("SELECT count(*) FROM notifications WHERE status = 'FAILED' AND attempts = 3") == 1);
    CHECK(d.db.QueryInt("SELECT count(*) FROM outbox WHERE event_type = 'notification.failed'") == 1);
}

}  // namespace saga::test
