#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "runtime/amqp/connection.hpp"
#include "sagactl/storage/service_facts.hpp"

namespace saga::sagactl {

/// An order's saga across the services, as `sagactl order` and the console show it.
struct SagaTimeline {
    std::vector<TimelineEntry> entries;  ///< oldest first; empty when nothing knows the order
    bool database_trouble = false;       ///< some database could not be read (see its entry)
};

/// The database timeline of `order_id` (ReadOrderTimeline) plus one entry per message about the
/// order in the four dead-letter queues, read through `broker` (messages stay where they are),
/// sorted by time. Missing DLQs are noted on `err`. Throws runtime::amqp::AmqpError when the
/// broker fails.
SagaTimeline ReadSagaTimeline(const DatabaseUrls& urls, runtime::amqp::Connection& broker, const std::string& order_id,
                              std::ostream& err);

}  // namespace saga::sagactl
