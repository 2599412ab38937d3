#include "runtime/gremlin/trigger.hpp"

namespace saga::runtime::gremlin {

bool Chance(double p, Random& random) {
    if (p <= 0) return false;
    if (p >= 1) return true;
    return std::uniform_real_distribution<double>(0.0, 1.0)(random) < p;
}

bool Fires(const Trigger& trigger, std::uint64_t& seen, Random& random, std::uint64_t events) {
    if (events == 0 || !trigger.IsOn()) return false;
    if (trigger.every_nth > 0) {
        const std::uint64_t before = seen / trigger.every_nth;
        seen += events;
        return seen / trigger.every_nth > before;
    }
    bool fired = false;
    // Every event draws, so that the sequence of draws does not depend on how events were grouped.
    for (std::uint64_t i = 0; i < events; ++i) fired = Chance(trigger.fraction, random) || fired;
    seen += events;
    return fired;
}

}  // namespace saga::runtime::gremlin
