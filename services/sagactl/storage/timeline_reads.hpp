#pragma once

#include <map>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "sagactl/storage/service_facts.hpp"

namespace saga::sagactl {

/// Within one instant, cause before effect: a consumed event, then the state it changed, then
/// the events published about that change.
enum class EntryKind { kConsumed = 0, kState = 1, kPublished = 2 };

/// A TimelineEntry with what it is sorted by.
struct TimedEntry {
    TimelineEntry entry;
    long long at_us = 0;  ///< microseconds since the epoch, finer than `entry.at`
    EntryKind kind = EntryKind::kState;
};

/// An event found in some service's outbox: who published it, and its type.
struct PublishedEvent {
    std::string service;
    std::string event_type;
};
using PublishedEvents = std::map<std::string, PublishedEvent>;  ///< by message id

/// The service's own rows about the order (order history, reservation, payment, notifications).
/// None for a service sagactl has no queries for.
std::vector<TimedEntry> ReadStateEntries(pqxx::transaction_base& tx, const std::string& service,
                                         const std::string& order_id);

/// The service's outbox rows about the order; adds each to `published`.
std::vector<TimedEntry> ReadPublishedEntries(pqxx::transaction_base& tx, const std::string& service,
                                             const std::string& order_id, PublishedEvents& published);

/// Which of the `published` events the service's consumer has handled, according to its inbox.
std::vector<TimedEntry> ReadConsumedEntries(pqxx::transaction_base& tx, const std::string& service,
                                            const PublishedEvents& published);

}  // namespace saga::sagactl
