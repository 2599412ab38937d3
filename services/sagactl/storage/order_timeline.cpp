#include <algorithm>
#include <chrono>
#include <memory>

#include "events/envelope.hpp"
#include "sagactl/storage/connect.hpp"
#include "sagactl/storage/service_facts.hpp"
#include "sagactl/storage/service_names.hpp"
#include "sagactl/storage/timeline_reads.hpp"

namespace saga::sagactl {
namespace {

// One service's part of the timeline. The connection stays open between the two passes: the
// inboxes can only be matched once every outbox has been read.
struct ServiceRead {
    std::string service;
    std::unique_ptr<pqxx::connection> connection;
    std::vector<TimedEntry> entries;
    std::string failure;
};

void Append(std::vector<TimedEntry>& to, std::vector<TimedEntry> from) {
    to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

// Runs `read` in a read-only transaction on the service's session and keeps its entries. The first failure stands for
// the whole service: its entries are dropped, its connection closed and later passes skip it.
template <class Read>
void Guarded(ServiceRead& service, Read&& read) {
    if (!service.failure.empty()) return;
    try {
        pqxx::read_transaction tx(*service.connection);
        Append(service.entries, read(tx));
        tx.commit();
    } catch (const std::exception& error) {
        service.failure = DescribeFailure(error);
        service.entries.clear();
        service.connection.reset();
    }
}

TimedEntry FailureEntry(const ServiceRead& service) {
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    return TimedEntry{
        .entry = {.at = events::NowRfc3339(),
                  .service = service.service,
                  .what = service.failure,
                  .details = {{"error", service.failure}}},
        .at_us = std::chrono::duration_cast<std::chrono::microseconds>(now).count(),
        .kind = EntryKind::kState,
    };
}

}  // namespace

std::vector<TimelineEntry> ReadOrderTimeline(const DatabaseUrls& urls, const std::string& order_id) {
    std::vector<ServiceRead> services;
    std::vector<std::string> service_urls;
    for (const auto& [service, url] : InDisplayOrder(urls)) {
        services.emplace_back().service = service;
        service_urls.push_back(url);
    }
    auto sessions = ConnectEach(service_urls);
    for (std::size_t i = 0; i < services.size(); ++i) {
        services[i].connection = std::move(sessions[i].connection);
        services[i].failure = std::move(sessions[i].failure);
    }

    PublishedEvents published;
    for (auto& service : services) {
        Guarded(service, [&](pqxx::transaction_base& tx) {
            auto entries = ReadStateEntries(tx, service.service, order_id);
            Append(entries, ReadPublishedEntries(tx, service.service, order_id, published));
            return entries;
        });
    }
    for (auto& service : services) {
        Guarded(service,
                [&](pqxx::transaction_base& tx) { return ReadConsumedEntries(tx, service.service, published); });
    }

    std::vector<TimedEntry> all;
    bool failed = false;
    for (auto& service : services) {
        Append(all, std::move(service.entries));
        if (!service.failure.empty()) {
            all.push_back(FailureEntry(service));
            failed = true;
        }
    }
    if (!failed && all.empty()) return {};

    std::stable_sort(all.begin(), all.end(), [](const TimedEntry& a, const TimedEntry& b) {
        return a.at_us != b.at_us ? a.at_us < b.at_us : a.kind < b.kind;
    });
    std::vector<TimelineEntry> out;
    out.reserve(all.size());
    for (auto& timed : all) out.push_back(std::move(timed.entry));
    return out;
}

}  // namespace saga::sagactl
