#include "events/formats.hpp"

#include <doctest/doctest.h>

#include <stdexcept>

namespace saga::events {
namespace {

TEST_CASE("formats: ids are 1 to 64 of [A-Za-z0-9._-]") {
    CHECK(IsId("PROD-001"));
    CHECK(IsId("a.b_c-D9"));
    CHECK(IsId(std::string(64, 'x')));
    CHECK_FALSE(IsId(""));
    CHECK_FALSE(IsId(std::string(65, 'x')));
    CHECK_FALSE(IsId("a b"));
    CHECK_FALSE(IsId("a\n"));
    CHECK_FALSE(IsId("\u00e9"));
}

TEST_CASE("formats: uuids are canonical lowercase") {
    CHECK(IsUuid("3f1d3c2e-8c5b-4c1e-9a57-1c2d3e4f5a6b"));
    CHECK_FALSE(IsUuid("3F1D3C2E-8C5B-4C1E-9A57-1C2D3E4F5A6B"));
    CHECK_FALSE(IsUuid("3f1d3c2e8c5b4c1e9a571c2d3e4f5a6b"));
    CHECK_FALSE(IsUuid("{3f1d3c2e-8c5b-4c1e-9a57-1c2d3e4f5a6b}"));
}

TEST_CASE("formats: timestamps are RFC 3339 with an offset") {
    CHECK(IsTimestamp("2026-11-22T10:00:00Z"));
    CHECK(IsTimestamp("2026-11-22T10:00:00.123Z"));
    CHECK(IsTimestamp("2026-11-22T10:00:00.123456789+05:30"));
    CHECK(IsTimestamp("2026-12-31T23:59:60-08:00"));
    CHECK_FALSE(IsTimestamp("2026-11-22T10:00:00"));
    CHECK_FALSE(IsTimestamp("2026-11-22 10:00:00Z"));
    CHECK_FALSE(IsTimestamp("2026-13-22T10:00:00Z"));
    CHECK_FALSE(IsTimestamp("2026-11-32T10:00:00Z"));
    CHECK_FALSE(IsTimestamp("2026-11-22T24:00:00Z"));
    CHECK_FALSE(IsTimestamp("2026-11-22T10:00:00.Z"));
}

TEST_CASE("formats: currencies are three uppercase letters") {
    CHECK(IsCurrency("USD"));
    CHECK_FALSE(IsCurrency("usd"));
    CHECK_FALSE(IsCurrency("US"));
    CHECK_FALSE(IsCurrency("USDX"));
}

TEST_CASE("formats: e-mail addresses have one @ and no blanks, at most 254 characters") {
    CHECK(IsEmail("a@b.example"));
    CHECK(IsEmail("\u00e9l\u00e8ve@\u00e9cole.example"));
    CHECK_FALSE(IsEmail("a.example"));
    CHECK_FALSE(IsEmail("a@b@c"));
    CHECK_FALSE(IsEmail("a b@c"));
    CHECK_FALSE(IsEmail("@b"));
    CHECK(IsEmail(std::string(244, 'a') + "@b.example"));
    CHECK_FALSE(IsEmail(std::string(245, 'a') + "@b.example"));
}

TEST_CASE("formats: trace tokens and traceparents") {
    CHECK(IsTraceToken("saga-1"));
    CHECK(IsTraceToken(std::string(128, '~')));
    CHECK_FALSE(IsTraceToken(std::string(129, 'a')));
    CHECK_FALSE(IsTraceToken("a b"));
    CHECK_FALSE(IsTraceToken(""));
    CHECK(IsTraceparent("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
    CHECK_FALSE(IsTraceparent("00-0AF7651916CD43DD8448EB211C80319C-B7AD6B7169203331-01"));
    CHECK_FALSE(IsTraceparent("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331"));
}

TEST_CASE("formats: a pattern that does not compile is refused when the format is built") {
    CHECK_THROWS_AS(StringFormat("^[a-z", 0, 10, "broken"), std::invalid_argument);
    CHECK(StringFormat("", 1, 2, "any").Matches("ab"));
}

TEST_CASE("formats: CodePointCount counts characters of UTF-8 text") {
    CHECK(CodePointCount("") == 0);
    CHECK(CodePointCount("abc") == 3);
    CHECK(CodePointCount("\u00e9") == 1);
    CHECK(CodePointCount("\U0001F600x") == 2);
}

}  // namespace
}  // namespace saga::events
