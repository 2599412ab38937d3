#include "sagactl/dlq/selection.hpp"

#include <doctest/doctest.h>

namespace saga::sagactl {
namespace {

DlqMessage Message(const std::string& id, const std::string& type, const char* failed_at) {
    DlqMessage m;
    m.queue = "payment-service.dlq";
    m.properties.message_id = id;
    m.properties.type = type;
    if (failed_at != nullptr) m.properties.headers["x-last-failed-at"] = std::string(failed_at);
    return m;
}

}  // namespace

TEST_CASE("sagactl selection: nothing is selected without criteria") {
    CHECK_FALSE(Matches(Selection{}, Message("a", "order.created", "2026-12-01T06:00:00Z")));
    Selection all;
    all.all = true;
    CHECK(Matches(all, Message("a", "order.created", nullptr)));
}

TEST_CASE("sagactl selection: ids, type and time window combine") {
    const auto a = Message("a", "order.created", "2026-12-01T06:00:00Z");
    const auto b = Message("b", "payment.failed", "2026-12-01T07:00:00Z");
    const auto c = Message("c", "order.created", nullptr);

    Selection ids;
    ids.ids = {"a", "c"};
    CHECK(Matches(ids, a));
    CHECK_FALSE(Matches(ids, b));
    CHECK(Matches(ids, c));

    Selection type;
    type.type = "order.created";
    CHECK(Matches(type, a));
    CHECK_FALSE(Matches(type, b));

    Selection window;
    window.since = ParseRfc3339("2026-12-01T06:00:00Z");
    window.until = ParseRfc3339("2026-12-01T07:00:00Z");
    CHECK(Matches(window, a));        // since is inclusive
    CHECK_FALSE(Matches(window, b));  // until is exclusive
    CHECK_FALSE(Matches(window, c));  // no known time

    type.since = window.since;
    CHECK(Matches(type, a));
    CHECK_FALSE(Matches(type, c));
}

TEST_CASE("sagactl selection: ids asked for but not seen are reported") {
    Selection s;
    s.ids = {"a", "b", "c"};
    CHECK(MissingIds(s, {"b"}) == std::vector<std::string>{"a", "c"});
    CHECK(MissingIds(s, {"a", "b", "c", "d"}).empty());
}

TEST_CASE("sagactl selection: a budget stops at its limit, none without one") {
    Budget two(2);
    CHECK(two.Take());
    CHECK_FALSE(two.Exhausted());
    CHECK(two.Take());
    CHECK(two.Exhausted());
    CHECK_FALSE(two.Take());
    Budget unlimited(std::nullopt);
    for (int i = 0; i < 1000; ++i) CHECK(unlimited.Take());
    CHECK_FALSE(unlimited.Exhausted());
}

TEST_CASE("sagactl selection: a limit is a decimal whole number of at least 1") {
    CHECK(ParseLimit("1") == 1u);
    CHECK(ParseLimit("010") == 10u);
    CHECK(ParseLimit("1000") == 1000u);
    for (const char* text : {"", "0", "-1", "+1", " 1", "1 ", "0x10", "1e3", "1.0", "99999999999999999999999"}) {
        CAPTURE(std::string(text));
        CHECK_FALSE(ParseLimit(text));
    }
}

}  // namespace saga::sagactl
