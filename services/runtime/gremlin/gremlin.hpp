#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>

#include "runtime/gremlin/settings.hpp"
#include "runtime/gremlin/trigger.hpp"
#include "runtime/log/logger.hpp"
#include "runtime/metrics/registry.hpp"

namespace saga::runtime::gremlin {

/// Thrown by a handler run the gremlin chose to fail. An ordinary handler failure to the consumer
/// loop: rolled back, retried with delays, then dead-lettered with x-failure-reason
/// retries_exhausted and x-exception-type saga::runtime::gremlin::GremlinFailure.
class GremlinFailure : public std::runtime_error {
  public:
    GremlinFailure() : std::runtime_error("gremlin: injected handler failure") {}
};

/// The exit status of a process the gremlin crashed (after a commit, before the ack or answer).
inline constexpr int kCrashExitCode = 86;

/// Fault injection for one service process (issue 5; SPEC §2 "Admin endpoints"). Off until
/// Configure(); every service has one, driven over HTTP by the admin routes of ServiceHost:
///
///   GET    /admin/gremlin  → 200 state (below)
///   PUT    /admin/gremlin  → 200 state; body (application/json, every key optional, null = absent,
///                            absent = off, the body REPLACES the previous settings):
///       latency_ms                    integer 0..30000: sleep before a consumed message's handler
///       latency_every_nth             integer ≥1: on the Nth, 2Nth, … message     } at most one;
///       latency_fraction              number 0..1: on that share of the messages  } neither: every
///       failure_rate                  number 0..1: that share of handler runs throw GremlinFailure
///       crash_after_commit_every_nth  integer ≥1  } at most one: after the Nth, 2Nth, … commit, or
///       crash_after_commit_fraction   number 0..1 } that share of commits, the process _exits(86)
///                                     before it acks the messages or writes the HTTP response
///       (a trigger without latency_ms, both forms of one trigger, an unknown key, a wrong type
///        or range → 400 problem+json with errors[{field, message}] and the settings unchanged)
///   DELETE /admin/gremlin  → 200 state, everything off
///   All three need `Authorization: Bearer $ADMIN_TOKEN` (else 401 problem+json); without
///   ADMIN_TOKEN they do not exist (404).
///   State: {"active": bool, "description": "off"|"latency 200ms every 10th; …", the six
///   settings keys (unset triggers null), "seed": n, "injected": {"latency": n, "failure": n,
///   "crash": n}} — counts since the process started.
///
/// A "commit" is one consumer transaction that committed (a batch of messages, usually one), or
/// one HTTP request with a mutating method (POST/PUT/PATCH/DELETE, /admin/ excluded) answered 2xx
/// — e.g. POST /api/orders after its transaction committed. Every-Nth counters restart at each PUT.
///
/// Randomness comes from one generator seeded with GREMLIN_SEED (or a random seed, shown in the
/// state); the same seed and the same sequence of events give the same decisions.
/// Visible: /health checks.gremlin = Describe() while on (absent while off; the status is not
/// changed by it), /metrics saga_gremlin_active (0|1) and
/// saga_gremlin_injected_total{kind="latency"|"failure"|"crash"}. Thread-safe.
class Gremlin {
  public:
    struct Options {
        std::optional<std::uint64_t> seed;  ///< GREMLIN_SEED; random when empty
        /// Ends the process; std::_Exit in production (no destructors, no flushing of the
        /// broker or the HTTP response: the point of the exercise). Tests substitute it.
        std::function<void(int)> exit = [](int code) { std::_Exit(code); };
        std::function<void(std::chrono::milliseconds)> sleep;  ///< when empty, a wait that Stop() ends
    };

    /// `registry` and `logger` must outlive the gremlin.
    Gremlin(metrics::Registry& registry, log::Logger& logger, Options options);
    Gremlin(metrics::Registry& registry, log::Logger& logger) : Gremlin(registry, logger, Options{}) {}

    /// Replaces the settings and restarts the every-Nth counts.
    void Configure(const GremlinSettings& settings);
    /// Everything off.
    void Reset() { Configure({}); }
    GremlinSettings settings() const;
    /// "off" or the short description of the settings.
    std::string Description() const;
    /// The state served by GET /admin/gremlin.
    nlohmann::json State() const;

    /// Before a consumed message's handler (in its transaction): sleeps when latency fires, then
    /// throws GremlinFailure when the failure rate says so. The sleep ends early when the
    /// settings are replaced or the gremlin is stopped.
    void BeforeHandler();
    /// Right after a commit, before the ack or the answer: exits the process when the crash
    /// trigger fires (counted and logged first).
    void AfterCommit();
    /// The service is shutting down: ends the delays in progress and injects none from now on,
    /// so that a drain does not wait out latency (up to 30 s a message) of a whole batch.
    void Stop();

  private:
    /// Until `delay` passed, Stop() or settings other than those of `generation`.
    void Sleep(std::chrono::milliseconds delay, std::uint64_t generation);

    log::Logger& logger_;
    Options options_;
    std::uint64_t seed_;
    metrics::Gauge active_;
    metrics::Counter injected_latency_, injected_failure_, injected_crash_;

    mutable std::mutex mutex_;  // guards everything below
    GremlinSettings settings_;
    Random random_;
    std::uint64_t latency_seen_ = 0;
    std::uint64_t crash_seen_ = 0;
    std::uint64_t generation_ = 0;  // counts Configure() calls: a sleep ends when it changes
    bool stopped_ = false;
    std::condition_variable changed_;  // generation_ or stopped_ changed
};

}  // namespace saga::runtime::gremlin
