#pragma once

#include <iosfwd>
#include <nlohmann/json.hpp>
#include <vector>

#include "sagactl/dlq/dlq_message.hpp"
#include "sagactl/storage/service_facts.hpp"

namespace saga::sagactl {

nlohmann::json OutboxJson(const std::vector<OutboxStatus>& statuses);
void PrintOutboxTable(const std::vector<OutboxStatus>& statuses, std::ostream& out);

/// A timeline entry for a dead-lettered message about the order ("dead-lettered order.created in
/// inventory-service.dlq: poison ..."), stamped with its failure time.
TimelineEntry DeadLetterEntry(const DlqMessage& message);

/// `entries` sorted by time (stable: entries at the same instant keep their order).
std::vector<TimelineEntry> SortedTimeline(std::vector<TimelineEntry> entries);

nlohmann::json TimelineJson(const std::string& order_id, const std::vector<TimelineEntry>& entries);
void PrintTimeline(const std::vector<TimelineEntry>& entries, std::ostream& out);

}  // namespace saga::sagactl
