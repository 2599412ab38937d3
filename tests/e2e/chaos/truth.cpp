#include "e2e/chaos/truth.hpp"

#include <pqxx/pqxx>

#include "runtime/amqp/connection.hpp"
#include "runtime/amqp/topology.hpp"

namespace saga::test::chaos {
namespace {

const char* const kServices[] = {"order", "inventory", "payment", "notification"};
// SagaStack's RETRY_DELAYS: one retry queue per delay.
const std::chrono::milliseconds kRetryDelays[] = {std::chrono::milliseconds{200}, std::chrono::milliseconds{400},
                                                  std::chrono::milliseconds{800}};

template <class Row>
void ForEachRow(const std::string& url, const std::string& sql, Row row) {
    pqxx::connection connection(url);
    pqxx::nontransaction tx(connection);
    for (const auto& r : tx.exec(sql)) row(r);
}

long long OutboxBacklog(SagaStack& stack) {
    long long total = 0;
    for (const char* service : kServices) {
        total += stack.database(service).QueryInt("SELECT count(*) FROM outbox WHERE sent_at IS NULL");
    }
    return total;
}

long long Queued(SagaStack& stack) {
    runtime::amqp::Connection connection({stack.vhost().amqp_url(), "chaos-inspect"});
    long long total = 0;
    for (const auto& queue : WorkQueues()) {
        total += connection.InspectQueue(queue).messages;
        // Held by a consumer: not at rest yet. (The management API's figure, sampled every few
        // seconds: one that is behind only delays the verdict.)
        total += stack.vhost().Queue(queue).value("messages_unacknowledged", 0LL);
        for (const auto delay : kRetryDelays)
            total += connection.InspectQueue(runtime::amqp::RetryQueueName(queue, delay)).messages;
    }
    return total;
}

std::vector<DeadLetter> ReadDeadLetters(const std::string& amqp_url, const std::string& dlq) {
    // Fetched without acks: closing the connection puts every message back.
    runtime::amqp::Connection connection({amqp_url, "chaos-dlq-reader"});
    std::vector<DeadLetter> out;
    while (auto delivery = connection.Get(dlq)) {
        const auto& headers = delivery->properties.headers;
        // A copy the broker dead-lettered itself (e.g. past the work queue's delivery limit) has
        // no x-failure-reason of ours, only the broker's x-first-death-reason.
        const auto broker_reason = runtime::amqp::StringHeader(headers, "x-first-death-reason");
        out.push_back({delivery->properties.message_id,
                       runtime::amqp::StringHeader(headers, "x-failure-reason")
                           .value_or(broker_reason ? "broker: " + *broker_reason : ""),
                       runtime::amqp::StringHeader(headers, "x-original-queue").value_or("")});
    }
    return out;
}

}  // namespace

std::size_t Truth::EventCount(const std::string& type, const std::string& subject) const {
    const auto found = events.find({type, subject});
    return found == events.end() ? 0 : found->second.size();
}

const std::vector<std::string>& WorkQueues() {
    static const std::vector<std::string> queues = {"order-service", "inventory-service", "payment-service",
                                                    "notification-service"};
    return queues;
}

Truth ReadTruth(SagaStack& stack) {
    Truth truth;
    ForEachRow(stack.database("order").url(),
               "SELECT o.order_id, o.status, coalesce(o.reason, ''), i.product_id, i.quantity "
               "FROM orders o JOIN order_items i USING (order_id)",
               [&](const pqxx::row& r) {
                   truth.orders[r[0].as<std::string>()] = {r[1].as<std::string>(), r[2].as<std::string>(),
                                                           r[3].as<std::string>(), r[4].as<long>()};
               });
    ForEachRow(stack.database("inventory").url(),
               "SELECT product_id, initial, restocked, available, reserved, sold FROM products",
               [&](const pqxx::row& r) {
                   truth.products[r[0].as<std::string>()] = {r[1].as<long>(), r[2].as<long>(), r[3].as<long>(),
                                                             r[4].as<long>(), r[5].as<long>()};
               });
    ForEachRow(stack.database("payment").url(), "SELECT order_id, status, coalesce(reason, '') FROM payments",
               [&](const pqxx::row& r) {
                   truth.payments[r[0].as<std::string>()].push_back({r[1].as<std::string>(), r[2].as<std::string>()});
               });
    // A PENDING row due later with no error recorded waits out a lease (its worker crashed after
    // the claim); one due already is stuck, and one backing off after a failed send is not sent.
    ForEachRow(stack.database("notification").url(),
               "SELECT order_id, event_type, CASE WHEN status = 'PENDING' AND next_attempt_at > now() AND "
               "last_error IS NULL THEN 'WAITING' ELSE status END FROM notifications",
               [&](const pqxx::row& r) {
                   truth.notifications[{r[0].as<std::string>(), r[1].as<std::string>()}] = r[2].as<std::string>();
               });
    std::map<std::pair<std::string, std::string>, std::set<std::string>> notices;
    for (const auto& event : stack.tap().Collect()) {
        truth.events[{event.type, event.subject}].insert(event.id);
        if (event.type == "notification.sent" && event.data.is_object()) {
            notices[{event.data.value("order_id", ""), event.data.value("event_type", "")}].insert(event.id);
        }
    }
    for (const auto& [key, ids] : notices) truth.notices_sent[key] = static_cast<long>(ids.size());
    for (const auto& queue : WorkQueues()) {
        const auto dlq = runtime::amqp::DeadLetterQueueName(queue);
        truth.dead_letters[dlq] = ReadDeadLetters(stack.vhost().amqp_url(), dlq);
    }
    truth.outbox_backlog = OutboxBacklog(stack);
    truth.queued = Queued(stack);
    return truth;
}

bool ReadBacklog(SagaStack& stack, long long& outbox_backlog, long long& queued) {
    try {
        outbox_backlog = OutboxBacklog(stack);
        queued = Queued(stack);
        return true;
    } catch (const std::exception&) {
        return false;
    }
}

}  // namespace saga::test::chaos
