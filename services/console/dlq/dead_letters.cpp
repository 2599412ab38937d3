#include "console/dlq/dead_letters.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <sstream>
#include <stdexcept>

#include "runtime/amqp/connection.hpp"
#include "runtime/amqp/errors.hpp"
#include "runtime/http/error.hpp"
#include "sagactl/dlq/collect.hpp"
#include "sagactl/dlq/purger.hpp"
#include "sagactl/dlq/reader.hpp"
#include "sagactl/dlq/replayer.hpp"
#include "sagactl/output/dlq_render.hpp"

namespace saga::console {
namespace {

namespace http = runtime::http;
namespace amqp = runtime::amqp;
using sagactl::DlqMessage;
using sagactl::DlqReader;

nlohmann::json OrNull(const std::optional<std::string>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

std::vector<std::string> Lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty()) lines.push_back(line);
    }
    return lines;
}

std::unique_ptr<amqp::Connection> Open(const std::string& url, const std::string& purpose) {
    return std::make_unique<amqp::Connection>(
        amqp::ConnectionOptions{.url = url, .connection_name = "console " + purpose});
}

/// The queues a request covers; a named one must exist.
std::vector<std::string> QueuesFor(DlqReader& reader, const std::optional<std::string>& queue) {
    if (!queue || queue->empty()) return sagactl::DefaultDeadLetterQueues();
    std::string name;
    try {
        name = sagactl::DeadLetterQueueArgument(*queue);
    } catch (const std::invalid_argument& error) {
        throw http::HttpError(http::ErrorKind::kValidation, std::string("queue: ") + error.what(),
                              {{"queue", error.what()}});
    }
    if (!reader.Exists(name)) throw http::HttpError(http::ErrorKind::kNotFound, "no such queue: " + name);
    return {name};
}

void RequireAll(DlqReader& reader, const std::vector<std::string>& queues, const std::vector<std::string>& ids) {
    std::ostringstream ignored;
    const auto absent = sagactl::AbsentIds(reader, queues, ids, ignored);
    if (!absent.empty()) {
        throw http::HttpError(
            http::ErrorKind::kNotFound,
            fmt::format("no message {} in {}; nothing changed", fmt::join(absent, ", "), fmt::join(queues, ", ")));
    }
}

}  // namespace

nlohmann::json MessageJson(const DlqMessage& message) {
    const auto& h = message.properties.headers;
    const auto failed_at = sagactl::FailedAt(message);
    const auto attempts = amqp::IntHeader(h, "x-attempts");
    std::optional<std::string> error = amqp::StringHeader(h, "x-exception-message");
    if (const auto type = amqp::StringHeader(h, "x-exception-type"); type && error) error = *type + ": " + *error;
    const std::string subject = sagactl::SubjectOf(message);
    auto reason = amqp::StringHeader(h, "x-failure-reason");
    if (!reason) reason = amqp::StringHeader(h, "x-first-death-reason");
    return {{"queue", message.queue},
            {"message_id", message.properties.message_id},
            {"type", sagactl::TypeOf(message)},
            {"subject", subject.empty() ? nlohmann::json(nullptr) : nlohmann::json(subject)},
            {"reason", OrNull(reason)},
            {"attempts", attempts ? nlohmann::json(*attempts) : nlohmann::json(nullptr)},
            {"failed_at", failed_at ? nlohmann::json(sagactl::FormatRfc3339(*failed_at)) : nlohmann::json(nullptr)},
            {"replays", amqp::IntHeader(h, "x-replay-count").value_or(0)},
            {"error", OrNull(error)},
            {"headers", sagactl::DetailJson(message).value("headers", nlohmann::json::object())},
            {"body", message.body}};
}

DeadLetters::DeadLetters(std::string amqp_url, std::map<std::string, std::string> database_urls)
    : amqp_url_(std::move(amqp_url)), database_urls_(std::move(database_urls)) {}

template <typename Work>
auto DeadLetters::WithBroker(const char* purpose, Work&& work) const {
    try {
        return work();
    } catch (const amqp::AmqpError& error) {
        throw http::HttpError(http::ErrorKind::kUnavailable, fmt::format("broker ({}): {}", purpose, error.what()));
    }
}

nlohmann::json DeadLetters::List(ListQuery query) const {
    return WithBroker("dlq list", [&] {
        auto connection = Open(amqp_url_, "dlq list");
        DlqReader reader(*connection);
        const auto queues = QueuesFor(reader, query.queue);
        query.filter.all = true;
        std::ostringstream notes;
        nlohmann::json messages = nlohmann::json::array();
        for (const auto& m : sagactl::CollectMessages(
                 reader, queues, [&](const DlqMessage& m) { return sagactl::Matches(query.filter, m); }, query.limit,
                 notes)) {
            messages.push_back(MessageJson(m));
        }
        return nlohmann::json{{"messages", messages}};
    });
}

nlohmann::json DeadLetters::Replay(const std::vector<std::string>& ids, const std::optional<std::string>& queue) const {
    return WithBroker("dlq replay", [&] {
        auto reading = Open(amqp_url_, "dlq replay (read)");
        DlqReader reader(*reading);
        const auto queues = QueuesFor(reader, queue);
        RequireAll(reader, queues, ids);
        auto publishing = Open(amqp_url_, "dlq replay (publish)");
        std::ostringstream out, err;
        sagactl::Replayer replayer(reader, *publishing, database_urls_, out, err);
        sagactl::ReplayRequest request;
        request.selection.ids = ids;
        const auto summary = replayer.Run(queues, request);
        nlohmann::json lines = Lines(out.str());
        for (auto& line : Lines(err.str())) lines.push_back(std::move(line));
        for (const auto& id : sagactl::MissingIds(request.selection, summary.selected_ids)) {
            lines.push_back(
                fmt::format("message {} was not there when the walk reached it (another reader held it); "
                            "nothing was done with it, try again",
                            id));
        }
        lines.push_back(
            fmt::format("replayed {}, skipped {}, failed {}", summary.replayed, summary.skipped, summary.failed));
        return nlohmann::json{
            {"replayed", summary.replayed}, {"skipped", summary.skipped}, {"failed", summary.failed}, {"lines", lines}};
    });
}

nlohmann::json DeadLetters::Purge(const std::vector<std::string>& ids, bool all,
                                  const std::optional<std::string>& queue) const {
    return WithBroker("dlq purge", [&] {
        auto connection = Open(amqp_url_, "dlq purge");
        DlqReader reader(*connection);
        const auto queues = QueuesFor(reader, queue);
        sagactl::Selection selection;
        if (all) {
            selection.all = true;
        } else {
            RequireAll(reader, queues, ids);
            selection.ids = ids;
        }
        std::ostringstream notes;
        return nlohmann::json{{"purged", sagactl::Purge(reader, queues, selection, notes).size()}};
    });
}

}  // namespace saga::console
