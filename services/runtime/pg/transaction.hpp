#pragma once

#include <functional>
#include <memory>
#include <pqxx/pqxx>
#include <typeindex>
#include <unordered_map>
#include <vector>

#include "runtime/pg/folded_work.hpp"
#include "runtime/pg/prepared.hpp"

namespace saga::runtime::pg {

/// A database transaction that runs callbacks just before and after a successful commit (e.g.
/// writing rows gathered during the transaction in one statement, waking the outbox relay).
/// Repositories use work(); nothing is committed unless Commit() is called. Its first
/// statement carries the BEGIN and its ExecAtCommit writes carry the COMMIT (FoldedWork).
class Transaction {
  public:
    explicit Transaction(pqxx::connection& connection) : work_(connection) {}

    FoldedWork& work() { return work_; }
    /// Runs `sql` (prepared) with `args` in the message that commits, after every BeforeCommit
    /// callback: a write whose result nobody reads costs no round trip of its own. Its error,
    /// like any at commit, leaves the transaction uncommitted and is thrown by Commit().
    template <class... Args>
    void ExecAtCommit(std::string_view sql, const Args&... args) {
        work_.QueuePreparedForCommit(Prepared(work_, sql), Literals(work_.conn(), args...));
    }
    /// Runs `callback` once, inside the transaction, when Commit() is called and before it
    /// commits; a throw leaves the transaction uncommitted. Not run on rollback.
    void BeforeCommit(std::function<void()> callback) { before_commit_.push_back(std::move(callback)); }
    /// Runs `callback` once, after Commit() succeeded. Not run on rollback.
    void AfterCommit(std::function<void()> callback) { after_commit_.push_back(std::move(callback)); }
    /// One T per transaction, made on first use: what a writer gathers until BeforeCommit.
    template <class T>
    T& Gathered() {
        auto& slot = gathered_[std::type_index(typeid(T))];
        if (!slot) slot = std::make_shared<T>();
        return *std::static_pointer_cast<T>(slot);
    }
    void Commit() {
        // By index, on a copy: a callback may register another (it writes through a writer that
        // gathers too), which may move the vector.
        for (std::size_t i = 0; i < before_commit_.size(); ++i) {
            const auto callback = before_commit_[i];
            callback();
        }
        before_commit_.clear();
        work_.Commit();
        for (auto& callback : after_commit_) callback();
        after_commit_.clear();
    }

  private:
    FoldedWork work_;
    std::vector<std::function<void()>> before_commit_;
    std::vector<std::function<void()>> after_commit_;
    std::unordered_map<std::type_index, std::shared_ptr<void>> gathered_;
};

}  // namespace saga::runtime::pg
