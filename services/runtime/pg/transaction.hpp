#pragma once

#include <functional>
#include <pqxx/pqxx>
#include <vector>

namespace saga::runtime::pg {

/// A database transaction that runs callbacks after a successful commit (e.g. waking the
/// outbox relay). Repositories use work(); nothing is committed unless Commit() is called.
class Transaction {
  public:
    explicit Transaction(pqxx::connection& connection) : work_(connection) {}

    pqxx::work& work() { return work_; }
    /// Runs `callback` once, after Commit() succeeded. Not run on rollback.
    void AfterCommit(std::function<void()> callback) { after_commit_.push_back(std::move(callback)); }
    void Commit() {
        work_.commit();
        for (auto& callback : after_commit_) callback();
        after_commit_.clear();
    }

  private:
    pqxx::work work_;
    std::vector<std::function<void()>> after_commit_;
};

}  // namespace saga::runtime::pg
