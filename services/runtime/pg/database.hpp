#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "runtime/pg/errors.hpp"
#include "runtime/pg/transaction.hpp"

namespace saga::runtime::pg {

/// A small pool of connections to one database. Connections are opened lazily, given
/// `on_connect` (prepare statements there), and dropped when they fail, so the next use
/// reconnects: a database restart needs no action from callers beyond retrying.
class Database {
  public:
    using OnConnect = std::function<void(pqxx::connection&)>;

    Database(std::string url, std::size_t pool_size, OnConnect on_connect = {});
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    /// Runs `work(Transaction&)` in a transaction and commits it, returning what `work` returns.
    /// Throws DatabaseUnavailable when the database cannot be reached or the connection broke
    /// (the transaction then did not commit, or its outcome is unknown); rethrows anything else.
    template <class Work>
    auto InTransaction(Work&& work) -> decltype(work(std::declval<Transaction&>())) {
        Lease lease(*this);
        try {
            Transaction tx(lease.connection());
            if constexpr (std::is_void_v<decltype(work(tx))>) {
                work(tx);
                tx.Commit();
            } else {
                auto result = work(tx);
                tx.Commit();
                return result;
            }
        } catch (const std::exception& error) {
            if (!IsUnavailable(error)) throw;
            lease.Discard();
            throw DatabaseUnavailable(error.what());
        }
    }

    const std::string& url() const { return url_; }

  private:
    class Lease {
      public:
        explicit Lease(Database& database);
        ~Lease();
        pqxx::connection& connection() { return *connection_; }
        void Discard() { connection_.reset(); }

      private:
        Database& database_;
        std::unique_ptr<pqxx::connection> connection_;
    };

    std::unique_ptr<pqxx::connection> Acquire();
    void Release(std::unique_ptr<pqxx::connection> connection);

    std::string url_;
    std::size_t pool_size_;
    OnConnect on_connect_;
    std::mutex mutex_;
    std::condition_variable available_;
    std::vector<std::unique_ptr<pqxx::connection>> idle_;
    std::size_t leased_ = 0;
};

/// Opens one connection; throws DatabaseUnavailable naming the failure when it cannot.
std::unique_ptr<pqxx::connection> Connect(const std::string& url);

}  // namespace saga::runtime::pg
