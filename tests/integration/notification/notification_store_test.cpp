// The notifications table as the consumer and the delivery worker use it in batches.
#include "notification/storage/notification_store.hpp"

#include <doctest/doctest.h>

#include "runtime/pg/database.hpp"
#include "support/store_database.hpp"

namespace saga::embedded {
const saga::runtime::pg::SqlFiles& NotificationMigrations();
}

namespace saga::test {
namespace {

using events::NotificationChannel;
using notification::EventCause;
using notification::NewNotification;

struct NotificationsDatabase : StoreDatabase {
    NotificationsDatabase() : StoreDatabase("notification", embedded::NotificationMigrations()) {}
    long long Count(const std::string& where) const {
        return db.QueryInt("SELECT count(*) FROM notifications WHERE " + where);
    }
};

NewNotification For(const std::string& order_id, const std::string& event_type) {
    return {.order_id = order_id,
            .event_type = event_type,
            .recipient = "a@b.example",
            .subject = "Order " + order_id,
            .body = "line \"one\"\nline {two}, \\ three"};
}

const EventCause kCause{.event_id = "evt-1", .correlation_id = "saga-1", .traceparent = ""};

}  // namespace

TEST_CASE("notification storage: a transaction's notifications are written at commit, one per (order, event type)") {
    NotificationsDatabase d;
    int woken = 0;
    d.pool.InTransaction([&](runtime::pg::Transaction& tx) {
        notification::InsertNotification(tx, For("o-1", "order.confirmed"), NotificationChannel::kLog, kCause,
                                         [&] { ++woken; });
        notification::InsertNotification(tx, For("o-1", "order.confirmed"), NotificationChannel::kLog, kCause,
                                         [&] { ++woken; });
        notification::InsertNotification(tx, For("o-2", "order.rejected"), NotificationChannel::kLog, kCause,
                                         [&] { ++woken; });
        CHECK(tx.work().exec1("SELECT count(*) FROM notifications")[0].as<long long>() == 0);
        CHECK(woken == 0);
    });
    CHECK(woken == 1);
    CHECK(d.Count("true") == 2);
    CHECK(d.Count("order_id = 'o-1' AND status = 'PENDING'") == 1);
    CHECK(d.db.QueryInt("SELECT count(*) FROM notifications WHERE body = E'line \"one\"\\nline {two}, \\\\ three'") ==
          2);

    // Nothing new: no wake-up.
    d.pool.InTransaction([&](runtime::pg::Transaction& tx) {
        notification::InsertNotification(tx, For("o-2", "order.rejected"), NotificationChannel::kLog, kCause,
                                         [&] { ++woken; });
    });
    CHECK(woken == 1);
    CHECK(d.Count("true") == 2);
}

TEST_CASE("notification storage: marking a batch sent changes and returns only the notifications still PENDING") {
    NotificationsDatabase d;
    d.pool.InTransaction([&](runtime::pg::Transaction& tx) {
        for (const char* order : {"o-1", "o-2", "o-3"}) {
            notification::InsertNotification(tx, For(order, "order.confirmed"), NotificationChannel::kLog, kCause,
                                             [] {});
        }
    });
    d.db.Execute("UPDATE notifications SET status = 'FAILED' WHERE order_id = 'o-2'");
    const auto id = [&](const std::string& order) {
        return d.pool.InTransaction([&](runtime::pg::Transaction& tx) {
            return tx.work()
                .exec1("SELECT notification_id FROM notifications WHERE order_id = " + tx.work().quote(order))[0]
                .as<std::string>();
        });
    };

    const std::vector<notification::SentNotification> sent{{id("o-1"), 1}, {id("o-2"), 2}, {id("o-3"), 3}};
    const auto marked = d.pool.InTransaction(
        [&](runtime::pg::Transaction& tx) { return notification::MarkNotificationsSent(tx, sent); });
    CHECK(marked == std::set<std::string>{id("o-1"), id("o-3")});
    CHECK(d.Count("order_id = 'o-1' AND status = 'SENT' AND attempts = 1 AND sent_at IS NOT NULL") == 1);
    CHECK(d.Count("order_id = 'o-2' AND status = 'FAILED'") == 1);
    CHECK(d.Count("order_id = 'o-3' AND status = 'SENT' AND attempts = 3") == 1);
    CHECK(
        d.pool.InTransaction([&](runtime::pg::Transaction& tx) { return notification::MarkNotificationsSent(tx, {}); })
            .empty());
}

}  // namespace saga::test
