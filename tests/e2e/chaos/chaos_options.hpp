#pragma once

#include <chrono>
#include <cstdint>

namespace saga::test::chaos {

/// What one chaos run does. The defaults are the bounded run ./tests/run makes; the environment
/// stretches it into a soak (see README.md in this folder).
struct ChaosOptions {
    std::chrono::seconds duration{50};        ///< SAGA_CHAOS_SECONDS: how long load and faults run
    double rate = 5;                          ///< SAGA_CHAOS_RATE: orders placed per second
    std::uint64_t seed = 0;                   ///< SAGA_CHAOS_SEED (default: random, always printed)
    int kills_per_service = 2;                ///< SAGA_CHAOS_KILLS (default: 2 + one per 60 s past the first minute)
    int outages = 1;                          ///< SAGA_CHAOS_OUTAGES: broker and database restarts, each
    int poison = 6;                           ///< SAGA_CHAOS_POISON: poison messages published
    int limited_stock = 10;                   ///< stock of the product that runs out
    std::chrono::seconds settle_timeout{90};  ///< how long quiescence may take after the faults stop
    bool gremlin = true;                      ///< SAGA_CHAOS_GREMLIN=0 leaves the gremlin phase out
    bool break_expectation = false;           ///< SAGA_CHAOS_BREAK=1: expect a poison message never sent

    /// Reads the SAGA_CHAOS_* variables over the defaults; throws std::invalid_argument on a
    /// malformed value, naming the variable.
    static ChaosOptions FromEnv();
};

}  // namespace saga::test::chaos
