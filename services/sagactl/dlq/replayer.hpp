#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "runtime/amqp/connection.hpp"
#include "sagactl/dlq/reader.hpp"
#include "sagactl/dlq/selection.hpp"
#include "sagactl/storage/service_facts.hpp"

namespace saga::sagactl {

struct ReplayRequest {
    Selection selection;
    std::optional<std::size_t> limit;  ///< replay at most this many; further matches count as skipped
    bool dry_run = false;
    std::optional<std::string> body;  ///< replaces the body of every selected message (single --id)
};

struct ReplaySummary {
    std::size_t matched = 0;                ///< selected messages seen
    std::size_t replayed = 0;               ///< confirmed by the broker and removed from the DLQ
    std::size_t skipped = 0;                ///< selected but left in the DLQ on purpose (--limit reached, --dry-run)
    std::size_t failed = 0;                 ///< left in the DLQ because the re-publish could not be done or confirmed
    std::vector<std::string> selected_ids;  ///< ids of the selected messages seen (a selection by id only)
};

/// Delivers dead-lettered messages back to their original queue. Each selected message is
/// published to the default exchange with routing key = its original queue (so no other queue
/// can receive it; never to saga.events), after a passive declare showed that the queue exists;
/// its DLQ copy is acked only once the broker confirmed the publish. Everything else goes back
/// to the DLQ untouched. Per message failures go to `err`, progress every 100 messages to `err`;
/// a dry run writes one line per selected message to `out` and changes nothing.
class Replayer {
  public:
    /// `publisher` must be another connection than the reader's; `urls` serve --dry-run.
    Replayer(DlqReader& reader, runtime::amqp::Connection& publisher, DatabaseUrls urls, std::ostream& out,
             std::ostream& err);

    ReplaySummary Run(const std::vector<std::string>& queues, const ReplayRequest& request);

  private:
    bool TargetExists(const std::string& queue);
    /// Publishes and waits for the confirm; false (with a message on err_) when not confirmed.
    bool Republish(const runtime::amqp::OutgoingMessage& message);
    Step Replay(const DlqMessage& message, const ReplayRequest& request, ReplaySummary& summary);
    Step DryRun(const DlqMessage& message, const ReplayRequest& request, ReplaySummary& summary);

    DlqReader& reader_;
    runtime::amqp::Connection& publisher_;
    DatabaseUrls urls_;
    std::ostream& out_;
    std::ostream& err_;
};

}  // namespace saga::sagactl
