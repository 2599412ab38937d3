#pragma once

#include <functional>
#include <iosfwd>
#include <set>
#include <string>

#include "runtime/amqp/connection.hpp"
#include "sagactl/dlq/dlq_message.hpp"

namespace saga::sagactl {

/// What a visitor decides for one message.
enum class Verdict {
    kKeep,    ///< leave it in the DLQ (requeued untouched when the visit ends)
    kRemove,  ///< ack it: it leaves the DLQ now
};

struct Step {
    Verdict verdict = Verdict::kKeep;
    bool stop = false;  ///< visit no further messages of this queue
};

/// Walks a dead-letter queue with basic.get and manual acks. Each message is held unacked while
/// the walk goes on (so it is seen once); kept ones are rejected with requeue at the end, so the
/// broker puts them back as they were (a quorum queue counts the return in `x-delivery-count`;
/// the DLQs have no delivery limit). If sagactl dies midway, the broker requeues every held
/// message by itself: nothing is lost. The header model of the runtime drops array and table
/// values, so the broker's `x-death` is not visible (its `x-first-death-*` strings are).
class DlqReader {
  public:
    /// `connection` is used for this reader alone (its channel holds the unacked messages).
    explicit DlqReader(runtime::amqp::Connection& connection) : connection_(connection) {}

    /// Whether `queue` exists (a passive declare; call it only between visits).
    bool Exists(const std::string& queue);
    /// Exists(), and when it does not, says so on `err` (once per queue and reader).
    bool Available(const std::string& queue, std::ostream& err);

    /// Visits, in order, the messages that were ready in `queue` when the visit began, until they
    /// are all visited, the queue is empty or a step says stop: messages that arrive meanwhile
    /// (a replayed copy dead-lettered again, a new death) are left for the next visit. Returns
    /// how many were visited. Throws runtime::amqp::AmqpError on broker failures (held messages
    /// then return to the queue by themselves).
    std::size_t Visit(const std::string& queue, const std::function<Step(const DlqMessage&)>& visitor);

  private:
    runtime::amqp::Connection& connection_;
    std::set<std::string> reported_missing_;
};

}  // namespace saga::sagactl
