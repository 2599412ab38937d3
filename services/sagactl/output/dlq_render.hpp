#pragma once

#include <iosfwd>
#include <nlohmann/json.hpp>
#include <vector>

#include "sagactl/dlq/dlq_message.hpp"

namespace saga::sagactl {

/// One message as `dlq list --json` shows it: queue, message_id, type, subject, failure_reason,
/// failed_service, original_queue, replay_target, attempts, first/last_failed_at, exception,
/// replay_count (absent values are null).
nlohmann::json SummaryJson(const DlqMessage& message);

/// One message as `dlq show --json` shows it: queue, properties, every header (by name, integers
/// as numbers), and the body (parsed when it is JSON, else the text; `body_is_json` says which).
nlohmann::json DetailJson(const DlqMessage& message);

/// `dlq list` as a table, one row per message.
void PrintSummaryTable(const std::vector<DlqMessage>& messages, std::ostream& out);

/// `dlq show` as text: properties, headers, then the body (pretty-printed when it is JSON).
void PrintDetail(const DlqMessage& message, std::ostream& out);

}  // namespace saga::sagactl
