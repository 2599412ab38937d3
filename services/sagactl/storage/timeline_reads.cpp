#include "sagactl/storage/timeline_reads.hpp"

#include <array>
#include <string_view>
#include <utility>

#include "sagactl/storage/queries.hpp"
#include "sagactl/storage/service_names.hpp"

namespace saga::sagactl {
namespace {

using QueryList = std::vector<std::string_view>;

// Each query returns the timeline columns at, at_us, what, details for $1 = order id.
const std::map<std::string, QueryList, std::less<>>& StateQueries() {
    static const std::map<std::string, QueryList, std::less<>> queries = {
        {"order", {"timeline_order_history.sql", "timeline_order_early_events.sql"}},
        {"inventory",
         {"timeline_reservations.sql", "timeline_reservation_failures.sql", "timeline_inventory_tombstones.sql"}},
        {"payment",
         {"timeline_payments.sql", "timeline_payment_closures.sql", "timeline_payment_early_reservation.sql"}},
        {"notification", {"timeline_notifications.sql"}},
    };
    return queries;
}

TimedEntry ReadEntry(const pqxx::row& row, const std::string& service, std::string what, EntryKind kind) {
    return TimedEntry{.entry = {.at = row["at"].as<std::string>(),
                                .service = service,
                                .what = std::move(what),
                                .details = nlohmann::json::parse(row["details"].as<std::string>())},
                      .at_us = row["at_us"].as<long long>(),
                      .kind = kind};
}

}  // namespace

std::vector<TimedEntry> ReadStateEntries(pqxx::transaction_base& tx, const std::string& service,
                                         const std::string& order_id) {
    std::vector<TimedEntry> out;
    const auto queries = StateQueries().find(service);
    if (queries == StateQueries().end()) return out;
    for (const auto name : queries->second) {
        for (const auto& row : tx.exec_params(Query(name), order_id)) {
            out.push_back(ReadEntry(row, service, row["what"].as<std::string>(), EntryKind::kState));
        }
    }
    return out;
}

std::vector<TimedEntry> ReadPublishedEntries(pqxx::transaction_base& tx, const std::string& service,
                                             const std::string& order_id, PublishedEvents& published) {
    std::vector<TimedEntry> out;
    for (const auto& row : tx.exec_params(Query("timeline_outbox.sql"), order_id)) {
        published[row["message_id"].as<std::string>()] = {service, row["event_type"].as<std::string>()};
        out.push_back(ReadEntry(row, service, row["what"].as<std::string>(), EntryKind::kPublished));
    }
    return out;
}

std::vector<TimedEntry> ReadConsumedEntries(pqxx::transaction_base& tx, const std::string& service,
                                            const PublishedEvents& published) {
    std::vector<TimedEntry> out;
    if (published.empty()) return out;
    auto ids = nlohmann::json::array();
    for (const auto& entry : published) ids.push_back(entry.first);
    for (const auto& row : tx.exec_params(Query("timeline_inbox.sql"), ConsumerName(service), ids.dump())) {
        const auto& event = published.at(row["message_id"].as<std::string>());
        auto timed =
            ReadEntry(row, service, "consumed " + event.event_type + " from " + event.service, EntryKind::kConsumed);
        timed.entry.details["event_type"] = event.event_type;
        timed.entry.details["published_by"] = event.service;
        out.push_back(std::move(timed));
    }
    return out;
}

}  // namespace saga::sagactl
