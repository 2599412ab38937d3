#include "sagactl/output/dlq_render.hpp"

#include <ostream>

#include "sagactl/output/table.hpp"

namespace saga::sagactl {
namespace {

using runtime::amqp::Headers;
using runtime::amqp::IntHeader;
using runtime::amqp::StringHeader;

nlohmann::json StringOrNull(const Headers& headers, const char* name) {
    auto value = StringHeader(headers, name);
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json IntOrNull(const Headers& headers, const char* name) {
    auto value = IntHeader(headers, name);
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json HeaderJson(const runtime::amqp::HeaderValue& value) {
    return std::visit([](const auto& v) { return nlohmann::json(v); }, value);
}

nlohmann::json PropertiesJson(const runtime::amqp::Properties& p) {
    return {{"message_id", p.message_id},
            {"type", p.type},
            {"correlation_id", p.correlation_id},
            {"app_id", p.app_id},
            {"content_type", p.content_type},
            {"timestamp", p.timestamp ? nlohmann::json(*p.timestamp) : nlohmann::json(nullptr)},
            {"persistent", p.persistent}};
}

std::string Or(const std::optional<std::string>& value, const char* fallback = "") {
    return value ? *value : std::string(fallback);
}

}  // namespace

nlohmann::json SummaryJson(const DlqMessage& message) {
    const auto& h = message.properties.headers;
    const auto target = ReplayTarget(message);
    const auto failed_at = FailedAt(message);
    return {{"queue", message.queue},
            {"message_id", message.properties.message_id},
            {"type", TypeOf(message)},
            {"subject", SubjectOf(message)},
            {"failure_reason", StringOrNull(h, "x-failure-reason")},
            {"failed_service", StringOrNull(h, "x-failed-service")},
            {"original_queue", StringOrNull(h, "x-original-queue")},
            {"replay_target", target ? nlohmann::json(*target) : nlohmann::json(nullptr)},
            {"attempts", IntOrNull(h, "x-attempts")},
            {"first_failed_at", StringOrNull(h, "x-first-failed-at")},
            {"last_failed_at", StringOrNull(h, "x-last-failed-at")},
            {"failed_at", failed_at ? nlohmann::json(FormatRfc3339(*failed_at)) : nlohmann::json(nullptr)},
            {"exception_type", StringOrNull(h, "x-exception-type")},
            {"exception_message", StringOrNull(h, "x-exception-message")},
            {"replay_count", IntOrNull(h, "x-replay-count")}};
}

nlohmann::json DetailJson(const DlqMessage& message) {
    nlohmann::json headers = nlohmann::json::object();
    for (const auto& [name, value] : message.properties.headers) headers[name] = HeaderJson(value);
    auto body = nlohmann::json::parse(message.body, nullptr, false);
    const bool is_json = !body.is_discarded();
    return {{"queue", message.queue},
            {"message_id", message.properties.message_id},
            {"type", TypeOf(message)},
            {"subject", SubjectOf(message)},
            {"properties", PropertiesJson(message.properties)},
            {"headers", headers},
            {"body_is_json", is_json},
            {"body", is_json ? body : nlohmann::json(message.body)}};
}

void PrintSummaryTable(const std::vector<DlqMessage>& messages, std::ostream& out) {
    Table table({"QUEUE", "MESSAGE ID", "TYPE", "SUBJECT", "REASON", "ATTEMPTS", "FAILED AT", "REPLAYS", "ERROR"});
    for (const auto& m : messages) {
        const auto& h = m.properties.headers;
        const auto attempts = IntHeader(h, "x-attempts");
        const auto replays = IntHeader(h, "x-replay-count");
        const auto failed_at = FailedAt(m);
        table.AddRow({m.queue, m.properties.message_id, TypeOf(m), SubjectOf(m),
                      Or(StringHeader(h, "x-failure-reason"), Or(StringHeader(h, "x-first-death-reason"), "-").c_str()),
                      attempts ? std::to_string(*attempts) : "-", failed_at ? FormatRfc3339(*failed_at) : "-",
                      replays ? std::to_string(*replays) : "0",
                      Shorten(Or(StringHeader(h, "x-exception-message")), 60)});
    }
    table.Print(out);
}

void PrintDetail(const DlqMessage& message, std::ostream& out) {
    const auto& p = message.properties;
    out << "queue:          " << message.queue << '\n'
        << "message_id:     " << p.message_id << '\n'
        << "type:           " << TypeOf(message) << '\n'
        << "subject:        " << SubjectOf(message) << '\n'
        << "correlation_id: " << p.correlation_id << '\n'
        << "app_id:         " << p.app_id << '\n'
        << "content_type:   " << p.content_type << '\n'
        << "timestamp:      "
        << (p.timestamp ? FormatRfc3339(TimePoint{std::chrono::seconds{*p.timestamp}}) : std::string("-")) << '\n'
        << "replay target:  " << Or(ReplayTarget(message), "(none: no x-original-queue or x-first-death-queue)")
        << "\nheaders:\n";
    for (const auto& [name, value] : p.headers) out << "  " << name << ": " << HeaderText(value) << '\n';
    out << "body:\n";
    auto body = nlohmann::json::parse(message.body, nullptr, false);
    out << (body.is_discarded() ? message.body : body.dump(2)) << '\n';
}

}  // namespace saga::sagactl
