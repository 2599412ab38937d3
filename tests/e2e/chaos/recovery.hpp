#pragma once

#include <chrono>
#include <functional>
#include <set>
#include <string>
#include <vector>

namespace saga::test::chaos {

/// Asks `healthy(name)` of each name until each has answered true once — not necessarily at the
/// same moment — calling `between_rounds` before every round. That is where the watchdog restarts
/// crashed services; it returns the names it restarted, which count as seen healthy too (a restart
/// waits until /health says ok, and the service may crash again before it is asked). Returns the
/// names not seen healthy within `timeout`: empty when all recovered.
///
/// Once each is enough to know every service came back from an outage. All of them at the same
/// instant may never happen while the gremlins crash each one after every 20th commit and a
/// backlog is there to work off (seed 3352953235: the gremlin phase, pushed late by a slow broker
/// restart, overlapped the database outage; the wait for all four at once timed out after 90 s.
/// Seed 3746608735: the order service crashed again after each restart before it was asked).
std::set<std::string> WaitUntilEachHealthy(const std::vector<std::string>& names,
                                           const std::function<bool(const std::string&)>& healthy,
                                           const std::function<std::set<std::string>()>& between_rounds,
                                           std::chrono::milliseconds timeout);

}  // namespace saga::test::chaos
