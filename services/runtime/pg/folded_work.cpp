#include "runtime/pg/folded_work.hpp"

#include <utility>

namespace saga::runtime::pg {
namespace {

// "EXECUTE s" for a statement without parameters: "EXECUTE s()" is a syntax error.
std::string Execute(const std::string& name, std::string_view literals) {
    std::string sql = "EXECUTE " + name;
    if (!literals.empty()) {
        sql += '(';
        sql += literals;
        sql += ')';
    }
    return sql;
}

}  // namespace

FoldedWork::FoldedWork(pqxx::connection_base& connection)
    : pqxx::internal::namedclass{"FoldedWork"},
      pqxx::internal::basic_transaction(connection, "READ COMMITTED", pqxx::read_write) {
    // Unlike pqxx::work, no Begin() here: the first statement begins the transaction.
}

FoldedWork::~FoldedWork() noexcept { End(); }

pqxx::result FoldedWork::ExecFirst(const std::string& name, std::string_view literals) {
    conn().prepare_now(name);
    first_ = "BEGIN; " + Execute(name, literals);
    Begin();  // runs do_begin(), which sends first_
    return std::exchange(first_result_, pqxx::result{});
}

void FoldedWork::QueueForCommit(std::string sql) {
    at_commit_ += sql;
    at_commit_ += "; ";
}

void FoldedWork::QueuePreparedForCommit(const std::string& name, std::string_view literals) {
    conn().prepare_now(name);
    QueueForCommit(Execute(name, literals));
}

void FoldedWork::do_begin() {
    if (first_.empty()) {
        pqxx::internal::basic_transaction::do_begin();
        begun_ = true;
        return;
    }
    const std::string sql = std::exchange(first_, {});
    try {
        // No retries: after a reconnect the statement would not be prepared on the new session.
        first_result_ = direct_exec(sql.c_str());
    } catch (...) {
        // BEGIN ran, the statement did not: the server keeps an aborted transaction open.
        RollBackAfterFoldedFailure();
        throw;
    }
    begun_ = true;
}

void FoldedWork::Commit() {
    // pqxx commits a transaction that never began by sending nothing, queued writes included.
    if (!begun_ && !at_commit_.empty()) Begin();
    commit();
}

void FoldedWork::do_commit() {
    const bool folded = !at_commit_.empty();
    const std::string sql = std::exchange(at_commit_, {}) + "COMMIT";
    try {
        direct_exec(sql.c_str());
    } catch (const pqxx::in_doubt_error&) {
        throw;
    } catch (const std::exception& error) {
        // As pqxx::work: a connection lost while committing leaves the outcome unknown.
        if (!conn().is_open())
            throw pqxx::in_doubt_error(std::string("connection lost while committing: ") + error.what());
        // A queued write failed, so the server skipped COMMIT and holds the transaction aborted.
        if (folded) RollBackAfterFoldedFailure();
        throw;
    }
}

void FoldedWork::RollBackAfterFoldedFailure() noexcept {
    try {
        if (conn().is_open()) direct_exec("ROLLBACK");
    } catch (...) {
        // The connection broke; the server ends the transaction with the session.
    }
}

}  // namespace saga::runtime::pg
