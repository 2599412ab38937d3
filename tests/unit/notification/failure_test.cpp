#include "notification/domain/failure.hpp"

#include <doctest/doctest.h>

using namespace saga::notification;
using std::chrono::milliseconds;

TEST_CASE("retry delay: doubles from the base after each failure, until the attempts are spent") {
    const RetryPolicy policy{.max_attempts = 5, .base_delay = milliseconds{1000}, .max_delay = milliseconds{60000}};
    CHECK(RetryDelay(policy, 1) == milliseconds{1000});
    CHECK(RetryDelay(policy, 2) == milliseconds{2000});
    CHECK(RetryDelay(policy, 3) == milliseconds{4000});
    CHECK(RetryDelay(policy, 4) == milliseconds{8000});
    CHECK_FALSE(RetryDelay(policy, 5).has_value());
    CHECK_FALSE(RetryDelay(policy, 6).has_value());
}

TEST_CASE("retry delay: capped at max_delay — one attempt in all means no retry") {
    const RetryPolicy policy{.max_attempts = 100, .base_delay = milliseconds{1000}, .max_delay = milliseconds{5000}};
    CHECK(RetryDelay(policy, 3) == milliseconds{4000});
    CHECK(RetryDelay(policy, 4) == milliseconds{5000});
    CHECK(RetryDelay(policy, 99) == milliseconds{5000});
    CHECK_FALSE(RetryDelay(RetryPolicy{.max_attempts = 1}, 1).has_value());
}

TEST_CASE("failure reason: printable ASCII, 1 to 1000 characters") {
    CHECK(FailureReason("HTTP 500") == "HTTP 500");
    CHECK(FailureReason("") == "unknown error");
    CHECK(FailureReason("line\r\nbreak") == "line??break");
    CHECK(FailureReason("caf\xc3\xa9") == "caf??");
    CHECK(FailureReason(std::string(5000, 'x')).size() == 1000);
}
