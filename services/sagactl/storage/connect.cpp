#include "sagactl/storage/connect.hpp"

#include <future>

#include "runtime/pg/database.hpp"
#include "runtime/pg/errors.hpp"

namespace saga::sagactl {
namespace {

constexpr const char* kSessionSettings =
    "SET TIME ZONE 'UTC'; SET statement_timeout = '10s'; SET default_transaction_read_only = on";

void AddParameter(std::string& url, const std::string& key, const std::string& value) {
    if (url.find(key + "=") != std::string::npos) return;
    if (url.find("://") != std::string::npos) {
        url += (url.find('?') == std::string::npos ? "?" : "&") + key + "=" + value;
    } else {
        url += (url.empty() ? "" : " ") + key + "=" + value;
    }
}

// The first line of libpq's message, without the prefixes our own words already say.
std::string Essence(const char* text) {
    std::string line(text);
    if (const auto end = line.find('\n'); end != std::string::npos) line.resize(end);
    for (const std::string prefix : {"cannot connect to the database: ", "ERROR:  "}) {
        if (line.starts_with(prefix)) line.erase(0, prefix.size());
    }
    return line;
}

}  // namespace

std::string WithShortTimeouts(const std::string& url) {
    std::string out = url;
    AddParameter(out, "connect_timeout", "3");
    AddParameter(out, "application_name", "sagactl");
    return out;
}

std::unique_ptr<pqxx::connection> ConnectForReading(const std::string& url) {
    auto connection = runtime::pg::Connect(WithShortTimeouts(url));
    try {
        pqxx::nontransaction(*connection).exec(kSessionSettings);
    } catch (const std::exception& error) {
        if (runtime::pg::IsUnavailable(error)) throw runtime::pg::DatabaseUnavailable(error.what());
        throw;
    }
    return connection;
}

std::vector<ReadingSession> ConnectEach(const std::vector<std::string>& urls) {
    std::vector<std::future<ReadingSession>> attempts;
    for (const auto& url : urls) {
        attempts.push_back(std::async(std::launch::async, [url] {
            ReadingSession session;
            try {
                session.connection = ConnectForReading(url);
            } catch (const std::exception& error) {
                session.failure = DescribeFailure(error);
            }
            return session;
        }));
    }
    std::vector<ReadingSession> sessions;
    for (auto& attempt : attempts) sessions.push_back(attempt.get());
    return sessions;
}

std::string DescribeFailure(const std::exception& error) {
    return std::string(runtime::pg::IsUnavailable(error) ? "database unreachable: " : "database error: ") +
           Essence(error.what());
}

}  // namespace saga::sagactl
