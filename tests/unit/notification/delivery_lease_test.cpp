#include <doctest/doctest.h>

#include "notification/delivery/delivery_worker.hpp"

using namespace std::chrono_literals;
using saga::notification::DeliveryOptions;
using saga::notification::EffectiveLease;

TEST_CASE(
    "delivery lease: a claim is leased for longer than its batch can take to send, at least the configured lease") {
    // With NOTIFY_SEND_TIMEOUT=30s a batch of 16 may take 8 minutes; a 5-minute lease let a second
    // instance claim and send the same notifications again while the first was still at it.
    DeliveryOptions slow;
    slow.batch = 16;
    slow.send_timeout = 30s;
    CHECK(EffectiveLease(slow) > 16 * 30s);

    DeliveryOptions fast;
    fast.batch = 16;
    fast.send_timeout = 1s;
    CHECK(EffectiveLease(fast) == fast.lease);  // the configured 5 minutes already cover 16 s
}
