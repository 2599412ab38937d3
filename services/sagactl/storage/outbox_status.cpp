#include "runtime/pg/outbox_store.hpp"
#include "sagactl/storage/connect.hpp"
#include "sagactl/storage/service_facts.hpp"
#include "sagactl/storage/service_names.hpp"

namespace saga::sagactl {

std::vector<OutboxStatus> ReadOutboxStatus(const DatabaseUrls& urls) {
    std::vector<OutboxStatus> out;
    std::vector<std::string> service_urls;
    for (const auto& [service, url] : InDisplayOrder(urls)) {
        out.emplace_back().service = service;
        service_urls.push_back(url);
    }
    auto sessions = ConnectEach(service_urls);
    for (std::size_t i = 0; i < out.size(); ++i) {
        OutboxStatus& status = out[i];
        status.error = sessions[i].failure;
        if (!status.error.empty()) continue;
        try {
            pqxx::work tx(*sessions[i].connection);  // read-only: the session is (ConnectForReading)
            // The same figures the services export as metrics and in /health.
            const auto backlog = runtime::pg::ReadOutboxBacklog(tx);
            status.backlog = backlog.unsent;
            if (backlog.unsent > 0) status.oldest_unsent_age_seconds = backlog.oldest_age_seconds;
        } catch (const std::exception& error) {
            status.error = DescribeFailure(error);
        }
    }
    return out;
}

}  // namespace saga::sagactl
