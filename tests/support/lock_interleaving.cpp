#include "support/lock_interleaving.hpp"

#include <thread>

#include "runtime/pg/database.hpp"

namespace saga::test {

Interleaving InterleaveOnLock(const TestDatabase& db, const std::function<void(runtime::pg::Transaction&)>& first,
                              const std::function<void(runtime::pg::Transaction&)>& second) {
    auto first_connection = runtime::pg::Connect(db.url());
    runtime::pg::Transaction first_tx(*first_connection);
    first(first_tx);

    Interleaving result;
    std::thread waiting([&] {
        try {
            auto connection = runtime::pg::Connect(db.url());
            runtime::pg::Transaction tx(*connection);
            second(tx);
            tx.Commit();
        } catch (const std::exception& error) {
            result.second_error = error.what();
        }
    });
    result.second_waited = Eventually(
        [&] {
            return db.QueryInt(
                       "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                       " AND wait_event_type = 'Lock'") == 1;
        },
        std::chrono::seconds{10});
    first_tx.Commit();
    waiting.join();
    return result;
}

}  // namespace saga::test
