#include "sagactl/dlq/reader.hpp"

#include <ostream>
#include <vector>

#include "runtime/amqp/errors.hpp"

namespace saga::sagactl {

bool DlqReader::Exists(const std::string& queue) {
    try {
        connection_.InspectQueue(queue);
        return true;
    } catch (const runtime::amqp::AmqpChannelError& error) {
        if (error.code() == 404) return false;
        throw;
    }
}

bool DlqReader::Available(const std::string& queue, std::ostream& err) {
    if (Exists(queue)) return true;
    if (reported_missing_.insert(queue).second) err << "note: " << queue << " does not exist; skipped\n";
    return false;
}

std::size_t DlqReader::Visit(const std::string& queue, const std::function<Step(const DlqMessage&)>& visitor) {
    std::vector<std::uint64_t> kept;
    std::size_t visited = 0;
    // Only what was there when the walk began: a replayed copy that its consumer dead-letters
    // again at once comes back behind them, and so do new deaths.
    const std::uint32_t present = connection_.InspectQueue(queue).messages;
    while (visited < present) {
        auto delivery = connection_.Get(queue);
        if (!delivery) break;
        ++visited;
        const DlqMessage message{queue, std::move(delivery->properties), std::move(delivery->body)};
        const Step step = visitor(message);
        if (step.verdict == Verdict::kRemove) {
            connection_.Ack(delivery->delivery_tag);
        } else {
            kept.push_back(delivery->delivery_tag);
        }
        if (step.stop) break;
    }
    for (std::uint64_t tag : kept) connection_.Reject(tag, /*requeue=*/true);
    // A round trip makes sure the broker has processed the rejects before the caller moves on.
    if (!kept.empty()) connection_.InspectQueue(queue);
    return visited;
}

}  // namespace saga::sagactl
