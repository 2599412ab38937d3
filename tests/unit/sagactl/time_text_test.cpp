#include "sagactl/dlq/time_text.hpp"

#include <doctest/doctest.h>

using namespace std::chrono_literals;

namespace saga::sagactl {

TEST_CASE("sagactl time: RFC 3339 with Z, offsets and fractions parses to the same instant") {
    const auto utc = ParseRfc3339("2026-12-01T06:00:00Z");
    REQUIRE(utc);
    CHECK(FormatRfc3339(*utc) == "2026-12-01T06:00:00.000Z");
    CHECK(ParseRfc3339("2026-12-01T07:30:00+01:30") == utc);
    CHECK(ParseRfc3339("2026-12-01T05:00:00-01:00") == utc);
    CHECK(ParseRfc3339("2026-12-01 06:00:00z") == utc);
    CHECK(FormatRfc3339(*ParseRfc3339("2026-12-01T06:00:00.1234567Z")) == "2026-12-01T06:00:00.123Z");
    CHECK(FormatRfc3339(*ParseRfc3339("2026-12-01T06:00:00.5Z")) == "2026-12-01T06:00:00.500Z");
}

TEST_CASE("sagactl time: malformed date-times are refused") {
    for (const char* text :
         {"", "yesterday", "2026-12-01", "2026-12-01T06:00:00", "2026-13-01T06:00:00Z", "2026-02-30T06:00:00Z",
          "2026-12-01T25:00:00Z", "2026-12-01T06:00:00.Z", "2026-12-01T06:00:00Zjunk", "2026-12-01T06:00:00+0100"}) {
        CAPTURE(text);
        CHECK_FALSE(ParseRfc3339(text));
    }
}

TEST_CASE("sagactl time: a duration argument counts back from now") {
    const TimePoint now = *ParseRfc3339("2026-12-01T06:00:00Z");
    CHECK(ParseTimeArgument("90s", now) == now - 90s);
    CHECK(ParseTimeArgument("15m", now) == now - 15min);
    CHECK(ParseTimeArgument("2h", now) == now - 2h);
    CHECK(ParseTimeArgument("7d", now) == now - std::chrono::days{7});
    CHECK(ParseTimeArgument("2026-11-30T06:00:00Z", now) == now - 24h);
    CHECK_FALSE(ParseTimeArgument("h", now));
    CHECK_FALSE(ParseTimeArgument("2w", now));
    CHECK_FALSE(ParseTimeArgument("-2h", now));
    CHECK_FALSE(ParseTimeArgument("not-a-time", now));
}

}  // namespace saga::sagactl
