#pragma once

#include <pqxx/pqxx>
#include <string>
#include <string_view>

namespace saga::runtime::pg {

/// A read-committed transaction like pqxx::work that spends two round trips fewer: BEGIN
/// travels with the transaction's first prepared statement ("BEGIN; EXECUTE s(...)"), and COMMIT
/// with the writes queued for it ("EXECUTE w(...); COMMIT"), each as one simple-query message.
/// Every round trip wakes the database backend and the client; on this project's VMs a
/// transaction of a saga hop is three to five of them.
///
/// Folded statements run as the same server-side prepared statements (planned once per
/// connection), their parameters sent as quoted literals. A transaction that runs nothing sends
/// nothing. A statement that fails in a folded message leaves the server's transaction aborted;
/// it is rolled back before the error (the same pqxx exception as unfolded) reaches the caller.
class FoldedWork : public pqxx::internal::basic_transaction {
  public:
    explicit FoldedWork(pqxx::connection_base& connection);
    ~FoldedWork() noexcept override;
    FoldedWork(const FoldedWork&) = delete;
    FoldedWork& operator=(const FoldedWork&) = delete;

    bool begun() const { return begun_; }
    /// Runs prepared statement `name` (already defined on the connection) with `literals` (each
    /// quoted, or NULL) as the transaction's first statement, in one message with BEGIN.
    pqxx::result ExecFirst(const std::string& name, std::string_view literals);
    /// Queues `sql` (a complete statement, literals inlined) to run just before COMMIT, in the
    /// COMMIT's message, in the order queued. Its result is not read.
    void QueueForCommit(std::string sql);
    /// Queues prepared statement `name` with `literals` as QueueForCommit does.
    void QueuePreparedForCommit(const std::string& name, std::string_view literals);
    /// Commits: the queued writes and COMMIT in one message. Use this, not commit(), which
    /// sends nothing for a transaction that never began, queued writes or not.
    void Commit();

  private:
    void do_begin() override;
    void do_commit() override;
    void RollBackAfterFoldedFailure() noexcept;

    bool begun_ = false;
    std::string first_;  ///< the first statement, sent with BEGIN
    pqxx::result first_result_;
    std::string at_commit_;  ///< statements sent with COMMIT, each ending in "; "
};

/// `value` as an SQL literal on `connection`: quoted and escaped, or NULL.
template <class T>
std::string Literal(pqxx::connection_base& connection, const T& value) {
    if (pqxx::string_traits<T>::is_null(value)) return "NULL";
    // Appended, not "'" + ... + "'": g++ 12 -O3 reports a false -Wrestrict on that form.
    std::string literal(1, '\'');
    literal += connection.esc(pqxx::to_string(value));
    literal += '\'';
    return literal;
}

/// The literals of `args`, comma-separated, for "EXECUTE name(...)".
template <class... Args>
std::string Literals(pqxx::connection_base& connection, const Args&... args) {
    std::string out;
    ((out += out.empty() ? "" : ",", out += Literal(connection, args)), ...);
    return out;
}

}  // namespace saga::runtime::pg
