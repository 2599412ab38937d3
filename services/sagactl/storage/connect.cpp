#include "sagactl/storage/connect.hpp"

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

std::string FirstLine(const char* text) {
    std::string line(text);
    if (const auto end = line.find('\n'); end != std::string::npos) line.resize(end);
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

std::string DescribeFailure(const std::exception& error) {
    return std::string(runtime::pg::IsUnavailable(error) ? "database unreachable: " : "database error: ") +
           FirstLine(error.what());
}

}  // namespace saga::sagactl
