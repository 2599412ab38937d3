#include "runtime/pg/outbox_store.hpp"
#include "sagactl/storage/connect.hpp"
#include "sagactl/storage/service_facts.hpp"
#include "sagactl/storage/service_names.hpp"

namespace saga::sagactl {

std::vector<OutboxStatus> ReadOutboxStatus(const DatabaseUrls& urls) {
    std::vector<OutboxStatus> out;
    for (const auto& [service, url] : InDisplayOrder(urls)) {
        OutboxStatus& status = out.emplace_back();
        status.service = service;
        try {
            auto connection = ConnectForReading(url);
            pqxx::work tx(*connection);  // read-only: the session is (ConnectForReading)
            // The same figures the services export as metrics and in /health.
            const auto backlog = runtime::pg::ReadOutboxBacklog(tx);
            status.backlog = backlog.unsent;
            if (backlog.unsent > 0) status.oldest_unsent_age_seconds = backlog.oldest_age_seconds;
        } catch (const std::exception& error) {
            status.backlog.reset();
            status.oldest_unsent_age_seconds.reset();
            status.error = DescribeFailure(error);
        }
    }
    return out;
}

}  // namespace saga::sagactl
