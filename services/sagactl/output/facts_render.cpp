#include "sagactl/output/facts_render.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <ostream>

#include "sagactl/output/dlq_render.hpp"
#include "sagactl/output/table.hpp"

namespace saga::sagactl {

nlohmann::json OutboxJson(const std::vector<OutboxStatus>& statuses) {
    nlohmann::json array = nlohmann::json::array();
    for (const auto& s : statuses) {
        array.push_back(
            {{"service", s.service},
             {"backlog", s.backlog ? nlohmann::json(*s.backlog) : nlohmann::json(nullptr)},
             {"oldest_unsent_age_seconds",
              s.oldest_unsent_age_seconds ? nlohmann::json(*s.oldest_unsent_age_seconds) : nlohmann::json(nullptr)},
             {"error", s.error.empty() ? nlohmann::json(nullptr) : nlohmann::json(s.error)}});
    }
    return array;
}

void PrintOutboxTable(const std::vector<OutboxStatus>& statuses, std::ostream& out) {
    Table table({"SERVICE", "BACKLOG", "OLDEST UNSENT", "ERROR"});
    for (const auto& s : statuses) {
        table.AddRow({s.service, s.backlog ? std::to_string(*s.backlog) : "-",
                      s.oldest_unsent_age_seconds ? fmt::format("{:.1f}s", *s.oldest_unsent_age_seconds) : "-",
                      Shorten(s.error, 80)});
    }
    table.Print(out);
}

TimelineEntry DeadLetterEntry(const DlqMessage& message) {
    const auto& h = message.properties.headers;
    const auto failed_at = FailedAt(message);
    // Timeline entries name services by their short name ("inventory"), like the databases.
    std::string service = runtime::amqp::StringHeader(h, "x-failed-service").value_or(message.queue);
    if (const auto short_name = ServiceOfQueue(service); !short_name.empty()) service = short_name;
    const std::string reason = runtime::amqp::StringHeader(h, "x-failure-reason")
                                   .value_or(runtime::amqp::StringHeader(h, "x-first-death-reason").value_or("?"));
    std::string what = fmt::format("dead-lettered {} {} in {}: {}", TypeOf(message), message.properties.message_id,
                                   message.queue, reason);
    if (auto exception = runtime::amqp::StringHeader(h, "x-exception-message"))
        what += " (" + Shorten(*exception, 100) + ")";
    return {failed_at ? FormatRfc3339(*failed_at) : std::string(), service, what, SummaryJson(message)};
}

std::vector<TimelineEntry> SortedTimeline(std::vector<TimelineEntry> entries) {
    std::stable_sort(entries.begin(), entries.end(),
                     [](const TimelineEntry& a, const TimelineEntry& b) { return a.at < b.at; });
    return entries;
}

nlohmann::json TimelineJson(const std::string& order_id, const std::vector<TimelineEntry>& entries) {
    nlohmann::json array = nlohmann::json::array();
    for (const auto& e : entries) {
        array.push_back({{"at", e.at}, {"service", e.service}, {"what", e.what}, {"details", e.details}});
    }
    return {{"order_id", order_id}, {"timeline", array}};
}

void PrintTimeline(const std::vector<TimelineEntry>& entries, std::ostream& out) {
    Table table({"AT", "SERVICE", "WHAT"});
    for (const auto& e : entries) table.AddRow({e.at, e.service, e.what});
    table.Print(out);
}

}  // namespace saga::sagactl
