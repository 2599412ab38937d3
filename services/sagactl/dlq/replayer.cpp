#include "sagactl/dlq/replayer.hpp"

#include <fmt/format.h>

#include <ostream>

#include "runtime/amqp/errors.hpp"
#include "sagactl/dlq/outlook.hpp"

namespace saga::sagactl {
namespace {

constexpr std::chrono::seconds kConfirmTimeout{15};
constexpr std::size_t kProgressEvery = 100;

}  // namespace

Replayer::Replayer(DlqReader& reader, runtime::amqp::Connection& publisher, DatabaseUrls urls, std::ostream& out,
                   std::ostream& err)
    : reader_(reader), publisher_(publisher), urls_(std::move(urls)), out_(out), err_(err) {
    publisher_.EnableConfirms();
}

bool Replayer::TargetExists(const std::string& queue) {
    try {
        publisher_.InspectQueue(queue);
        return true;
    } catch (const runtime::amqp::AmqpChannelError& error) {
        if (error.code() != 404) throw;
        // The failed passive declare closed the channel; its replacement needs confirm mode again.
        publisher_.EnableConfirms();
        return false;
    }
}

bool Replayer::Republish(const runtime::amqp::OutgoingMessage& message) {
    const auto sequence = publisher_.Publish(message);
    const auto result = publisher_.WaitForConfirms(sequence, kConfirmTimeout);
    if (!result.complete) {
        err_ << fmt::format("{}: the broker did not confirm the re-publish within {} s; left in the DLQ\n",
                            message.properties.message_id, kConfirmTimeout.count());
        return false;
    }
    if (!result.nacked.empty()) {
        err_ << fmt::format("{}: the broker refused the re-publish (nack); left in the DLQ\n",
                            message.properties.message_id);
        return false;
    }
    if (!result.returned.empty()) {
        err_ << fmt::format("{}: no queue took the re-publish (queue {} deleted meanwhile?); left in the DLQ\n",
                            message.properties.message_id, message.routing_key);
        return false;
    }
    return true;
}

Step Replayer::Replay(const DlqMessage& message, const ReplayRequest& request, ReplaySummary& summary) {
    const std::string& id = message.properties.message_id;
    const auto target = ReplayTarget(message);
    auto fail = [&](const std::string& why) {
        ++summary.failed;
        err_ << fmt::format("{} ({}): {}; left in the DLQ\n", id, message.queue, why);
        return Step{Verdict::kKeep, false};
    };
    if (!target) return fail("no x-original-queue or x-first-death-queue header");
    if (*target == message.queue || target->ends_with(".dlq")) return fail("its original queue is a DLQ: " + *target);
    if (!TargetExists(*target)) return fail(fmt::format("queue {} does not exist", *target));
    if (!Republish(ReplayCopy(message, *target, Now(), request.body))) {
        ++summary.failed;
        return {Verdict::kKeep, false};
    }
    ++summary.replayed;
    return {Verdict::kRemove, false};
}

Step Replayer::DryRun(const DlqMessage& message, const ReplayRequest& request, ReplaySummary& summary) {
    ReplayOutlook outlook;
    outlook.target = ReplayTarget(message);
    outlook.target_exists = outlook.target && !outlook.target->ends_with(".dlq") && TargetExists(*outlook.target);
    AddBodyCheck(outlook, request.body.value_or(message.body));
    AddDatabaseFacts(outlook, message, urls_);
    out_ << fmt::format("{}  {}  {}  {}\n", message.properties.message_id, TypeOf(message), message.queue,
                        DescribeOutlook(outlook));
    ++summary.skipped;
    return {Verdict::kKeep, false};
}

ReplaySummary Replayer::Run(const std::vector<std::string>& queues, const ReplayRequest& request) {
    ReplaySummary summary;
    Budget budget(request.limit);
    for (const auto& queue : queues) {
        if (!reader_.Available(queue, err_)) continue;
        reader_.Visit(queue, [&](const DlqMessage& message) -> Step {
            if (!Matches(request.selection, message)) return {Verdict::kKeep, false};
            ++summary.matched;
            if (!request.selection.ids.empty()) summary.selected_ids.push_back(message.properties.message_id);
            if (!budget.Take()) {
                ++summary.skipped;
                return {Verdict::kKeep, false};
            }
            const Step step = request.dry_run ? DryRun(message, request, summary) : Replay(message, request, summary);
            if (!request.dry_run && summary.matched % kProgressEvery == 0) {
                err_ << fmt::format("… {} selected so far: {} replayed, {} failed\n", summary.matched, summary.replayed,
                                    summary.failed);
            }
            return step;
        });
    }
    return summary;
}

}  // namespace saga::sagactl
