#pragma once

#include <optional>
#include <string>

#include "sagactl/dlq/dlq_message.hpp"
#include "sagactl/storage/service_facts.hpp"

namespace saga::sagactl {

/// What a replay of one message would run into now (for --dry-run).
struct ReplayOutlook {
    std::optional<std::string> target;  ///< the queue it would go to; empty when unknown
    bool target_exists = false;
    std::string consumer;             ///< the service whose inbox was checked ("inventory")
    std::optional<bool> in_inbox;     ///< the consumer has handled this message id; empty: unknown
    std::string inbox_note;           ///< why `in_inbox` is unknown
    std::string order_id;             ///< the message's subject, when it has one
    std::optional<OrderState> order;  ///< the order's state; empty: unknown order or not looked up
    std::string order_note;           ///< why `order` is empty
    std::string poison;               ///< why the consumer would dead-letter the body again at once; empty: it decodes
};

/// One line saying what a replay would do with `message` now, e.g.
/// "would be skipped as a duplicate (already in inventory's inbox); order o-1 is CONFIRMED (settled)".
std::string DescribeOutlook(const ReplayOutlook& outlook);

/// Checks `body` the way every consumer does first (CloudEvents envelope + the type's schema) and
/// records in `outlook.poison` why it would be dead-lettered again.
void AddBodyCheck(ReplayOutlook& outlook, const std::string& body);

/// Fills the database facts of an outlook (inbox of the target's service, the order's state).
/// Never throws for an unreachable database: the notes say so.
void AddDatabaseFacts(ReplayOutlook& outlook, const DlqMessage& message, const DatabaseUrls& urls);

}  // namespace saga::sagactl
