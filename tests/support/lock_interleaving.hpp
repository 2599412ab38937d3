#pragma once

#include <functional>
#include <string>

#include "runtime/pg/transaction.hpp"
#include "support/live_stack.hpp"

namespace saga::test {

/// What happened to the second transaction of InterleaveOnLock.
struct Interleaving {
    bool second_waited = false;  ///< its backend was seen waiting for a lock before the first committed
    std::string second_error;    ///< what it threw, empty if it committed
};

/// Plays two transactions against `db` in an exact order: runs `first` in a transaction left
/// open, runs `second` in another thread until its backend waits for a lock (pg_stat_activity,
/// up to 10 s), then commits `first` and lets `second` finish and commit. For races between two
/// instances of a service, which left to chance would rarely meet.
Interleaving InterleaveOnLock(const TestDatabase& db, const std::function<void(runtime::pg::Transaction&)>& first,
                              const std::function<void(runtime::pg::Transaction&)>& second);

}  // namespace saga::test
