#include "runtime/pg/retention_store.hpp"

#include "runtime/pg/database.hpp"
#include "runtime/pg/errors.hpp"

namespace saga::runtime::pg {
namespace {

template <class F>
std::int64_t Deleted(pqxx::connection& connection, F&& statements) {
    try {
        pqxx::work tx(connection);
        const std::int64_t deleted = statements(tx);
        tx.commit();
        return deleted;
    } catch (const std::exception& error) {
        if (IsUnavailable(error)) throw DatabaseUnavailable(error.what());
        throw;
    }
}

}  // namespace

RetentionStore::RetentionStore(const std::string& url) : connection_(Connect(url)) {
    // A delete lost in a crash is done again by the next round.
    connection_->set_variable("synchronous_commit", "off");
}

std::int64_t RetentionStore::DeleteSentBefore(std::chrono::seconds retention, int limit) {
    return Deleted(*connection_, [&](pqxx::work& tx) {
        return tx
            .exec_params(
                "DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE sent_at < now() - "
                "make_interval(secs => $1) LIMIT $2)",
                static_cast<double>(retention.count()), limit)
            .affected_rows();
    });
}

std::int64_t RetentionStore::DeleteInboxBefore(std::chrono::seconds retention, int limit) {
    return Deleted(*connection_, [&](pqxx::work& tx) {
        const auto inbox = tx.exec_params(
            "DELETE FROM inbox WHERE ctid IN (SELECT ctid FROM inbox WHERE received_at < now() - "
            "make_interval(secs => $1) LIMIT $2)",
            static_cast<double>(retention.count()), limit);
        // Attempts left behind by messages that never came back (e.g. purged from the queue).
        const auto attempts = tx.exec_params(
            "DELETE FROM handling_attempts WHERE ctid IN (SELECT ctid FROM handling_attempts WHERE last_at < now() - "
            "make_interval(secs => $1) LIMIT $2)",
            static_cast<double>(retention.count()), limit);
        return static_cast<std::int64_t>(inbox.affected_rows() + attempts.affected_rows());
    });
}

}  // namespace saga::runtime::pg
