#include <doctest/doctest.h>

#include <string>

#include "events/all.hpp"
#include "unit/events/error_matchers.hpp"

namespace saga::events {
namespace {

using testing::Fields;
using testing::HasError;

nlohmann::json ValidDocument() {
    return {
        {"specversion", "1.0"},
        {"id", "0b6f1f0e-3c1a-4a57-9d3e-5f2b8c7d6e5a"},
        {"type", "payment.completed"},
        {"source", "payment-service"},
        {"time", "2026-11-22T10:00:01.456Z"},
        {"subject", "order-1"},
        {"datacontenttype", "application/json"},
        {"correlationid", "saga-1"},
        {"causationid", "8d2e4b6a-1f3c-4e5d-a7b9-0c1d2e3f4a5b"},
        {"traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"},
        {"data", {{"order_id", "order-1"}, {"payment_id", "pay-9"}, {"amount_cents", 1999}, {"currency", "USD"}}},
    };
}

// The errors Decode reports for `document`; fails the test when it does not throw ValidationError.
std::vector<FieldError> DecodeErrors(const nlohmann::json& document) {
    try {
        Decode(document.dump());
    } catch (const ValidationError& error) {
        return error.errors();
    }
    FAIL("Decode accepted " << document.dump());
    return {};
}

TEST_CASE("envelope: a valid document decodes into every attribute") {
    const Envelope envelope = Decode(ValidDocument().dump());
    CHECK(envelope.id == "0b6f1f0e-3c1a-4a57-9d3e-5f2b8c7d6e5a");
    CHECK(envelope.type == "payment.completed");
    CHECK(envelope.source == "payment-service");
    CHECK(envelope.time == "2026-11-22T10:00:01.456Z");
    CHECK(envelope.subject == "order-1");
    CHECK(envelope.correlation_id == "saga-1");
    CHECK(envelope.causation_id == "8d2e4b6a-1f3c-4e5d-a7b9-0c1d2e3f4a5b");
    CHECK(envelope.traceparent == "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
    CHECK(envelope.data["amount_cents"] == 1999);
}

TEST_CASE("envelope: Encode writes the CloudEvents attributes and Decode reads them back") {
    const Envelope original = Decode(ValidDocument().dump());
    const auto encoded = nlohmann::json::parse(Encode(original));
    CHECK(encoded == ValidDocument());
    CHECK(Encode(Decode(Encode(original))) == Encode(original));
}

TEST_CASE("envelope: text that is not JSON is a DecodeError") {
    CHECK_THROWS_AS(Decode("{\"specversion\": "), DecodeError);
    CHECK_THROWS_AS(Decode(""), DecodeError);
    CHECK_THROWS_AS(Decode("not json"), DecodeError);
    CHECK_THROWS_AS(Decode("{\"a\": \"\xff\"}"), DecodeError);  // invalid UTF-8
}

TEST_CASE("envelope: a string holding U+0000, which no PostgreSQL text can store, is a DecodeError") {
    // The e-mail's pattern lets U+0000 through; the consumers' inserts then failed on it.
    const OrderCreated created{"order-1",         "c-42",     std::string("a\0b@x.example", 13),
                               {{"PROD-001", 1}}, "tok_visa", "2026-11-22T10:00:00Z"};
    const std::string text = Encode(MakeEnvelope(created, "order-service", "order-1", "saga-1", "cause-1"));
    CHECK_THROWS_WITH_AS(Decode(text), doctest::Contains("U+0000"), DecodeError);

    auto in_key = ValidDocument();
    in_key[std::string("x\0", 2)] = 1;
    CHECK_THROWS_WITH_AS(Decode(in_key.dump()), doctest::Contains("U+0000"), DecodeError);
}

TEST_CASE("envelope: JSON that is not an object is a DecodeError") {
    CHECK_THROWS_AS(Decode("[]"), DecodeError);
    CHECK_THROWS_AS(Decode("\"order.created\""), DecodeError);
    CHECK_THROWS_AS(Decode("null"), DecodeError);
    CHECK_THROWS_AS(Decode("42"), DecodeError);
}

TEST_CASE("envelope: an empty object reports every required attribute at once") {
    const auto errors = DecodeErrors(nlohmann::json::object());
    CHECK(Fields(errors) == std::vector<std::string>{"specversion", "id", "type", "source", "time", "subject",
                                                     "datacontenttype", "correlationid", "causationid", "traceparent",
                                                     "data"});
}

TEST_CASE("envelope: an unknown type is a ValidationError on type") {
    auto document = ValidDocument();
    document["type"] = "order.teleported";
    const auto errors = DecodeErrors(document);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].field == "type");
}

TEST_CASE("envelope: a malformed type is a ValidationError on type") {
    auto document = ValidDocument();
    document["type"] = 42;
    CHECK(Fields(DecodeErrors(document)) == std::vector<std::string>{"type"});
}

TEST_CASE("envelope: an unknown extra attribute is rejected") {
    auto document = ValidDocument();
    document["dataschema"] = "https://example/x";
    const auto errors = DecodeErrors(document);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].field == "dataschema");
    CHECK(errors[0].message == "is not allowed");
}

TEST_CASE("envelope: specversion other than 1.0 and a wrong datacontenttype are rejected") {
    auto document = ValidDocument();
    document["specversion"] = 1.0;
    document["datacontenttype"] = "text/plain";
    CHECK(Fields(DecodeErrors(document)) == std::vector<std::string>{"specversion", "datacontenttype"});
}

TEST_CASE("envelope: malformed attributes and data errors are reported together") {
    auto document = ValidDocument();
    document["id"] = "0B6F1F0E-3C1A-4A57-9D3E-5F2B8C7D6E5A";  // uppercase: not canonical
    document["time"] = "2026-11-22 10:00:01";
    document["traceparent"] = "00-xyz";
    document["data"]["amount_cents"] = -5;
    document["data"].erase("currency");
    const auto errors = DecodeErrors(document);
    CHECK(Fields(errors) ==
          std::vector<std::string>{"id", "time", "traceparent", "data.amount_cents", "data.currency"});
}

TEST_CASE("envelope: data that is not an object is rejected on data") {
    auto document = ValidDocument();
    document["data"] = nlohmann::json::array();
    CHECK(Fields(DecodeErrors(document)) == std::vector<std::string>{"data"});
}

TEST_CASE("envelope: ValidationError's message names every field") {
    auto document = ValidDocument();
    document.erase("id");
    document["data"]["amount_cents"] = "12";
    try {
        Decode(document.dump());
        FAIL("accepted");
    } catch (const ValidationError& error) {
        const std::string what = error.what();
        CHECK(what.find("id: is required") != std::string::npos);
        CHECK(what.find("data.amount_cents: must be an integer") != std::string::npos);
    }
}

TEST_CASE("envelope: ValidateEnvelope of a valid document is empty") {
    CHECK(ValidateEnvelope(ValidDocument()).empty());
}

}  // namespace
}  // namespace saga::events
