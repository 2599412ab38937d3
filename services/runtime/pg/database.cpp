#include "runtime/pg/database.hpp"

namespace saga::runtime::pg {

std::unique_ptr<pqxx::connection> Connect(const std::string& url) {
    try {
        return std::make_unique<pqxx::connection>(url);
    } catch (const pqxx::broken_connection& error) {
        throw DatabaseUnavailable(std::string("cannot connect to the database: ") + error.what());
    }
}

Database::Database(std::string url, std::size_t pool_size, OnConnect on_connect)
    : url_(std::move(url)), pool_size_(pool_size), on_connect_(std::move(on_connect)) {}

Database::~Database() = default;

std::unique_ptr<pqxx::connection> Database::Acquire() {
    {
        std::unique_lock lock(mutex_);
        available_.wait(lock, [this] { return !idle_.empty() || leased_ < pool_size_; });
        ++leased_;
        if (!idle_.empty()) {
            auto connection = std::move(idle_.back());
            idle_.pop_back();
            return connection;
        }
    }
    try {
        auto connection = Connect(url_);
        if (on_connect_) on_connect_(*connection);
        return connection;
    } catch (const std::exception& error) {
        Release(nullptr);
        if (IsUnavailable(error)) throw DatabaseUnavailable(error.what());
        throw;
    }
}

void Database::Release(std::unique_ptr<pqxx::connection> connection) {
    {
        std::lock_guard lock(mutex_);
        --leased_;
        if (connection && connection->is_open()) idle_.push_back(std::move(connection));
    }
    available_.notify_one();
}

Database::Lease::Lease(Database& database) : database_(database), connection_(database.Acquire()) {}

Database::Lease::~Lease() { database_.Release(std::move(connection_)); }

}  // namespace saga::runtime::pg
