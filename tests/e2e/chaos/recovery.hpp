#pragma once

#include <chrono>
#include <functional>
#include <set>
#include <string>
#include <vector>

namespace saga::test::chaos {

/// Asks `healthy(name)` of each name until each has answered true once — not necessarily at the
/// same moment — calling `between_rounds` before every round (the watchdog restarts crashed
/// services there). Returns the names not seen healthy within `timeout`: empty when all recovered.
///
/// Once each is enough to know every service came back from an outage. All of them at the same
/// instant may never happen while the gremlins crash each one after every 20th commit and a
/// backlog is there to work off (seed 3352953235: the gremlin phase, pushed late by a slow broker
/// restart, overlapped the database outage; the wait for all four at once timed out after 90 s).
std::set<std::string> WaitUntilEachHealthy(const std::vector<std::string>& names,
                                           const std::function<bool(const std::string&)>& healthy,
                                           const std::function<void()>& between_rounds,
                                           std::chrono::milliseconds timeout);

}  // namespace saga::test::chaos
