#include <doctest/doctest.h>

#include "events/envelope.hpp"
#include "runtime/http/error.hpp"
#include "runtime/http/json_body.hpp"

// Findings of the fuzz targets, reduced to the input that broke a contract (the fuzzers' own inputs are
// in fuzz/regressions/ and replayed by replay_test.cpp).
namespace {

using saga::runtime::http::ErrorKind;
using saga::runtime::http::HttpError;

TEST_CASE("events decode: a number beyond double is a DecodeError, not nlohmann's out_of_range") {
    CHECK_THROWS_AS(saga::events::Decode(R"({"specversion": 1e400})"), saga::events::DecodeError);
    CHECK_THROWS_AS(saga::events::Decode("-1e400"), saga::events::DecodeError);
}

TEST_CASE("json body: a number beyond double is a 400, not a 500") {
    saga::runtime::http::Request request;
    request.headers = {{"Content-Type", "application/json"}};
    request.body = R"({"customer_id": "c-1", "items": [{"product_id": "P", "quantity": 2e308}]})";
    try {
        saga::runtime::http::ParseJsonBody(request);
        FAIL("the body was accepted");
    } catch (const HttpError& error) {
        CHECK(error.kind() == ErrorKind::kBadRequest);
        CHECK(error.detail().starts_with("malformed JSON: "));
    }
}

}  // namespace
