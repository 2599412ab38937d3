#pragma once

#include <cstdint>
#include <random>

#include "runtime/gremlin/settings.hpp"

namespace saga::runtime::gremlin {

/// The random source of every gremlin decision: seeded, so that a run can be repeated.
using Random = std::mt19937_64;

/// Counts `events` more events against `trigger` and says whether it fires for any of them:
/// every_nth fires when the running count `seen` reaches or passes a multiple of N; a fraction
/// draws once per event. `seen` is the trigger's running count (start at 0, reset on new
/// settings). Not thread-safe: the caller serialises calls sharing `seen` or `random`.
bool Fires(const Trigger& trigger, std::uint64_t& seen, Random& random, std::uint64_t events = 1);

/// True with probability `p` (0: never, 1: always).
bool Chance(double p, Random& random);

}  // namespace saga::runtime::gremlin
