#include "fuzz/checks/event_checks.hpp"

#include <string>

#include "events/all.hpp"
#include "fuzz/checks/invariant.hpp"

namespace saga::fuzz {

namespace {

using events::Envelope;

// The typed view of the data agrees with the JSON one both ways.
template <class E>
bool CheckTyped(const Envelope& envelope) {
    if (envelope.type != E::kType) {
        return false;
    }
    const E event = events::DataAs<E>(envelope);
    const nlohmann::json data = ToJson(event);
    Require(events::Validate<E>(data).empty(), std::string(E::kType) + ": ToJson of a decoded event is invalid");
    Require(events::FromJson<E>(data) == event, std::string(E::kType) + ": typed event does not round trip");
    Require(data == envelope.data, std::string(E::kType) + ": typed event loses or changes data: " +
                                       envelope.data.dump() + " -> " + data.dump());
    return true;
}

template <class... E>
bool CheckAnyTyped(const Envelope& envelope) {
    return (CheckTyped<E>(envelope) || ...);
}

void CheckErrors(std::string_view input, const events::ValidationError& error) {
    Require(!error.errors().empty(), "ValidationError without field errors");
    const nlohmann::json document = nlohmann::json::parse(input);
    for (const auto& field_error : error.errors()) {
        // "" names a property whose name is empty, refused as unknown; nothing else may go unnamed.
        Require(!field_error.field.empty() || document.contains(""),
                "a field error names no field: " + field_error.message);
        Require(!field_error.message.empty(), "field error without message on " + field_error.field);
    }
}

}  // namespace

void CheckEventDecode(std::string_view input) {
    Envelope envelope;
    try {
        envelope = events::Decode(input);
    } catch (const events::DecodeError&) {
        return;
    } catch (const events::ValidationError& error) {
        CheckErrors(input, error);
        return;
    }

    Require(events::IsKnownType(envelope.type), "decoded an unknown type: " + envelope.type);
    const nlohmann::json document = events::ToJson(envelope);
    Require(events::ValidateEnvelope(document).empty(), "a decoded envelope re-encodes invalid");
    Envelope again;
    try {
        again = events::Decode(events::Encode(envelope));
    } catch (const events::ValidationError& error) {
        throw InvariantViolation(std::string("a decoded envelope does not decode again: ") + error.what());
    }
    Require(events::ToJson(again) == document, "encode/decode changes the envelope");
    Require(CheckAnyTyped<events::OrderCreated, events::OrderConfirmed, events::OrderCancelled, events::OrderRejected,
                          events::InventoryReserved, events::InventoryReservationFailed, events::InventoryReleased,
                          events::InventoryRestocked, events::InventoryLowStock, events::InventoryBackInStock,
                          events::PaymentCompleted, events::PaymentFailed, events::PaymentRefunded,
                          events::NotificationSent, events::NotificationFailed>(envelope),
            "no typed event for catalog type " + envelope.type);
}

}  // namespace saga::fuzz
