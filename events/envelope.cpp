#include "events/envelope.hpp"

#include <fmt/format.h>

#include <string>
#include <utility>

#include "events/catalog.hpp"
#include "events/validation.hpp"

namespace saga::events {

namespace {

constexpr std::string_view kSpecVersion = "1.0";
constexpr std::string_view kDataContentType = "application/json";

std::string Summarise(const std::vector<FieldError>& errors) {
    std::string text = "invalid event:";
    for (const auto& error : errors) {
        text += fmt::format(" {}: {};", error.field.empty() ? "(document)" : error.field, error.message);
    }
    text.pop_back();
    return text;
}

}  // namespace

ValidationError::ValidationError(std::vector<FieldError> errors)
    : std::runtime_error(Summarise(errors)), errors_(std::move(errors)) {}

nlohmann::json ToJson(const Envelope& envelope) {
    return {
        {"specversion", kSpecVersion},
        {"id", envelope.id},
        {"type", envelope.type},
        {"source", envelope.source},
        {"time", envelope.time},
        {"subject", envelope.subject},
        {"datacontenttype", kDataContentType},
        {"correlationid", envelope.correlation_id},
        {"causationid", envelope.causation_id},
        {"traceparent", envelope.traceparent},
        {"data", envelope.data},
    };
}

std::string Encode(const Envelope& envelope) { return ToJson(envelope).dump(); }

std::vector<FieldError> ValidateEnvelope(const nlohmann::json& document) {
    static constexpr std::string_view kSpecVersions[] = {kSpecVersion};
    static constexpr std::string_view kContentTypes[] = {kDataContentType};

    std::vector<FieldError> errors;
    ObjectValidator envelope(document, "", errors);
    envelope.OneOf("specversion", kSpecVersions)
        .String("id", UuidFormat())
        .String("type", EventTypeNameFormat())
        .String("source", IdFormat())
        .String("time", TimestampFormat())
        .String("subject", IdFormat())
        .OneOf("datacontenttype", kContentTypes)
        .String("correlationid", TraceTokenFormat())
        .String("causationid", TraceTokenFormat())
        .String("traceparent", TraceparentFormat())
        .AnyObject("data")
        .RejectUnknown();

    const nlohmann::json* type = envelope.Find("type");
    if (type == nullptr || !type->is_string()) {
        return errors;
    }
    const auto& type_name = type->get_ref<const std::string&>();
    if (!IsKnownType(type_name)) {
        // A well-formed but unknown name has no error yet; a malformed one already has one.
        if (EventTypeNameFormat().Matches(type_name)) {
            errors.push_back({"type", "is not a known event type"});
        }
        return errors;
    }
    const nlohmann::json* data = envelope.Find("data");
    if (data != nullptr && data->is_object()) {
        auto data_errors = ValidateData(type_name, *data);
        errors.insert(errors.end(), data_errors.begin(), data_errors.end());
    }
    return errors;
}

Envelope Decode(std::string_view json) {
    nlohmann::json document;
    try {
        // U+0000 ("\u0000") in a string or name: no PostgreSQL text can hold it.
        document = nlohmann::json::parse(json, [](int, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
            using Event = nlohmann::json::parse_event_t;
            if ((event == Event::key || event == Event::value) && parsed.is_string() &&
                parsed.get_ref<const std::string&>().find('\0') != std::string::npos) {
                throw DecodeError("a string holds U+0000, which is not allowed");
            }
            return true;
        });
    } catch (const nlohmann::json::exception& error) {
        // parse_error, and out_of_range for a number beyond double ("1e400").
        throw DecodeError(fmt::format("not JSON: {}", error.what()));
    }
    if (!document.is_object()) {
        throw DecodeError(fmt::format("not a JSON object but {}", document.type_name()));
    }
    ThrowIfErrors(ValidateEnvelope(document));
    return Envelope{
        .id = document["id"].get<std::string>(),
        .type = document["type"].get<std::string>(),
        .source = document["source"].get<std::string>(),
        .time = document["time"].get<std::string>(),
        .subject = document["subject"].get<std::string>(),
        .correlation_id = document["correlationid"].get<std::string>(),
        .causation_id = document["causationid"].get<std::string>(),
        .traceparent = document["traceparent"].get<std::string>(),
        .data = std::move(document["data"]),
    };
}

}  // namespace saga::events
