#include "sagactl/dlq/dlq_message.hpp"

#include <fmt/format.h>

#include <array>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace saga::sagactl {
namespace {

constexpr std::array<const char*, 4> kServices{"order", "inventory", "payment", "notification"};
constexpr std::string_view kServiceSuffix = "-service";
constexpr std::string_view kDlqSuffix = ".dlq";

bool EndsWith(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::optional<nlohmann::json> BodyJson(const DlqMessage& message) {
    auto parsed = nlohmann::json::parse(message.body, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) return std::nullopt;
    return parsed;
}

std::string StringField(const nlohmann::json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

const std::vector<std::string>& DefaultDeadLetterQueues() {
    static const std::vector<std::string> queues = [] {
        std::vector<std::string> out;
        for (const char* service : kServices) out.push_back(fmt::format("{}-service.dlq", service));
        return out;
    }();
    return queues;
}

std::string DeadLetterQueueArgument(const std::string& text) {
    for (const char* service : kServices) {
        if (text == service) return fmt::format("{}-service.dlq", service);
    }
    std::string name = EndsWith(text, kDlqSuffix) ? text : text + std::string(kDlqSuffix);
    if (name.size() > kMaxQueueNameBytes) {
        throw std::invalid_argument(
            fmt::format("queue name of {} bytes; AMQP allows at most {}", name.size(), kMaxQueueNameBytes));
    }
    return name;
}

std::string ServiceOfQueue(const std::string& queue) {
    std::string_view name = queue;
    if (EndsWith(name, kDlqSuffix)) name.remove_suffix(kDlqSuffix.size());
    if (!EndsWith(name, kServiceSuffix) || name.size() == kServiceSuffix.size()) return {};
    name.remove_suffix(kServiceSuffix.size());
    return std::string(name);
}

std::optional<std::string> ReplayTarget(const DlqMessage& message) {
    const auto& headers = message.properties.headers;
    for (const char* name : {"x-original-queue", "x-first-death-queue"}) {
        if (auto queue = runtime::amqp::StringHeader(headers, name); queue && !queue->empty()) return queue;
    }
    return std::nullopt;
}

std::optional<TimePoint> FailedAt(const DlqMessage& message) {
    if (auto text = runtime::amqp::StringHeader(message.properties.headers, "x-last-failed-at")) {
        if (auto time = ParseRfc3339(*text)) return time;
    }
    if (message.properties.timestamp) {
        return TimePoint{std::chrono::seconds{*message.properties.timestamp}};
    }
    return std::nullopt;
}

std::string SubjectOf(const DlqMessage& message) {
    const auto body = BodyJson(message);
    if (body) {
        if (auto subject = StringField(*body, "subject"); !subject.empty()) return subject;
    }
    if (auto header = runtime::amqp::StringHeader(message.properties.headers, "subject")) return *header;
    if (body) {
        const auto data = body->find("data");
        if (data != body->end() && data->is_object()) return StringField(*data, "order_id");
    }
    return {};
}

std::string TypeOf(const DlqMessage& message) {
    if (!message.properties.type.empty()) return message.properties.type;
    if (const auto body = BodyJson(message)) return StringField(*body, "type");
    return {};
}

std::string HeaderText(const runtime::amqp::HeaderValue& value) {
    struct Visitor {
        std::string operator()(const std::string& v) const { return v; }
        std::string operator()(std::int64_t v) const { return std::to_string(v); }
        std::string operator()(bool v) const { return v ? "true" : "false"; }
        std::string operator()(double v) const { return fmt::format("{}", v); }
    };
    return std::visit(Visitor{}, value);
}

runtime::amqp::OutgoingMessage ReplayCopy(const DlqMessage& message, const std::string& target, TimePoint now,
                                          const std::optional<std::string>& body) {
    runtime::amqp::OutgoingMessage out{"", target, message.properties, body.value_or(message.body)};
    auto& headers = out.properties.headers;
    const auto count = runtime::amqp::IntHeader(headers, "x-replay-count").value_or(0);
    headers["x-replay-count"] = std::int64_t{count + 1};
    headers["x-replayed-at"] = FormatRfc3339(now);
    headers.erase("x-attempts");
    headers.erase("x-delivery-count");
    out.properties.persistent = true;
    out.mandatory = true;  // a confirm alone does not say that the queue took it
    return out;
}

}  // namespace saga::sagactl
