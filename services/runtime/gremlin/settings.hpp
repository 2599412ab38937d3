#pragma once

#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <variant>
#include <vector>

#include "runtime/http/error.hpp"

namespace saga::runtime::gremlin {

/// When an injection fires: on every Nth event (N, 2N, 3N, …) or, instead, with a probability
/// per event. Both zero: never.
struct Trigger {
    std::uint64_t every_nth = 0;  ///< 0: not by count
    double fraction = 0;          ///< 0..1; used when every_nth is 0

    bool IsOn() const { return every_nth > 0 || fraction > 0; }
    bool operator==(const Trigger&) const = default;
};

/// What a gremlin does. The default value is "off".
struct GremlinSettings {
    std::chrono::milliseconds latency{0};  ///< added before a handler runs, when `latency_when` fires
    Trigger latency_when;
    double failure_rate = 0;  ///< probability that a handler run throws GremlinFailure
    Trigger crash_when;       ///< per commit: exit the process after the commit, before ack/answer

    bool IsActive() const {
        return (latency.count() > 0 && latency_when.IsOn()) || failure_rate > 0 || crash_when.IsOn();
    }
    bool operator==(const GremlinSettings&) const = default;
};

/// Upper bound of latency_ms: a consumer that sleeps longer stops noticing shutdown requests.
inline constexpr std::int64_t kMaxLatencyMs = 30000;

/// Parses the body of PUT /admin/gremlin (see gremlin.hpp for the wire format). Every key is
/// optional, null counts as absent, and absent means off: the result replaces the settings. On
/// any problem returns every field error (field = the JSON key), never a partial result.
std::variant<GremlinSettings, std::vector<http::FieldError>> ParseSettings(const nlohmann::json& body);

/// The settings with the same keys ParseSettings reads; unset triggers are null.
nlohmann::json ToJson(const GremlinSettings& settings);

/// One line for /health: "off", or e.g. "latency 200ms every 10th; failure 5%; crash after commit 1%".
std::string Describe(const GremlinSettings& settings);

}  // namespace saga::runtime::gremlin
