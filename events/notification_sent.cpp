#include "events/notification_sent.hpp"

#include "events/validation.hpp"

namespace saga::events {

nlohmann::json ToJson(const NotificationSent& event) {
    return {
        {"notification_id", event.notification_id}, {"order_id", event.order_id},   {"event_type", event.event_type},
        {"channel", ToText(event.channel)},         {"recipient", event.recipient},
    };
}

template <>
std::vector<FieldError> Validate<NotificationSent>(const nlohmann::json& data) {
    std::vector<FieldError> errors;
    ObjectValidator(data, "data", errors)
        .String("notification_id", IdFormat())
        .String("order_id", IdFormat())
        .String("event_type", EventTypeNameFormat())
        .Enum<NotificationChannel>("channel")
        .String("recipient", RecipientFormat())
        .RejectUnknown();
    return errors;
}

template <>
NotificationSent FromJson<NotificationSent>(const nlohmann::json& data) {
    ThrowIfErrors(Validate<NotificationSent>(data));
    return {
        .notification_id = data.at("notification_id").get<std::string>(),
        .order_id = data.at("order_id").get<std::string>(),
        .event_type = data.at("event_type").get<std::string>(),
        .channel = ParseEnum<NotificationChannel>(data.at("channel").get<std::string>()).value(),
        .recipient = data.at("recipient").get<std::string>(),
    };
}

}  // namespace saga::events
