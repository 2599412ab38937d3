#pragma once

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace saga::events {

/// One problem found while validating a message, located by a JSON-pointer-like path
/// such as "data.items[0].quantity".
struct FieldError {
    std::string field;
    std::string message;
};

/// The message is not JSON, or not a JSON object.
class DecodeError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// The message is JSON but breaks the CloudEvents envelope or its type's data schema.
class ValidationError : public std::runtime_error {
  public:
    explicit ValidationError(std::vector<FieldError> errors);
    const std::vector<FieldError>& errors() const { return errors_; }

  private:
    std::vector<FieldError> errors_;
};

/// A CloudEvents 1.0 event in structured JSON mode (SPEC §3). `data` has been validated against
/// the schema of `type` whenever the envelope came out of Decode().
struct Envelope {
    std::string id;              ///< uuid
    std::string type;            ///< catalog type, also the routing key
    std::string source;          ///< publishing service, e.g. "order-service"
    std::string time;            ///< RFC 3339, UTC
    std::string subject;         ///< order id, or product id for stock events
    std::string correlation_id;  ///< saga id, carried through every event of one saga
    std::string causation_id;    ///< id of the event (or request) that caused this one
    std::string traceparent;     ///< W3C trace context
    nlohmann::json data;
};

/// Serialises as a CloudEvents structured-mode JSON document.
std::string Encode(const Envelope& envelope);

/// The CloudEvents structured-mode JSON object that Encode() serialises.
nlohmann::json ToJson(const Envelope& envelope);

/// Every violation of schemas/cloudevent.json by `document`, plus, when its type is in the
/// catalog, every violation of that type's data schema (paths "data...."). Empty when valid.
std::vector<FieldError> ValidateEnvelope(const nlohmann::json& document);

/// Parses and validates the envelope and its data against the catalog.
/// Throws DecodeError (not a JSON object) or ValidationError (field-level errors, including an
/// unknown type).
Envelope Decode(std::string_view json);

/// A fresh random (v4) uuid in canonical text form.
std::string NewEventId();

/// The current time as RFC 3339 UTC with millisecond precision, e.g. "2026-11-22T10:00:00.123Z".
std::string NowRfc3339();

/// A fresh W3C traceparent ("00-<32 hex>-<16 hex>-01").
std::string NewTraceparent();

/// A traceparent for work caused by `parent`: the same trace id with a fresh parent (span) id.
/// A malformed `parent` starts a new trace instead.
std::string ChildTraceparent(std::string_view parent);

}  // namespace saga::events
