#pragma once

#include <exception>
#include <memory>
#include <pqxx/pqxx>
#include <string>
#include <vector>

namespace saga::sagactl {

/// `url` (a postgresql:// URL or a key=value conninfo) with connect_timeout=3 and
/// application_name=sagactl added, unless it sets them already.
std::string WithShortTimeouts(const std::string& url);

/// Opens a session for reading: time zone UTC, statement_timeout 10 s, read-only transactions.
/// Throws runtime::pg::DatabaseUnavailable when the database cannot be reached.
std::unique_ptr<pqxx::connection> ConnectForReading(const std::string& url);

/// A session opened by ConnectEach, or why it could not be (DescribeFailure's text).
struct ReadingSession {
    std::unique_ptr<pqxx::connection> connection;
    std::string failure;
};

/// ConnectForReading for every URL at once, so databases that do not answer cost one connect
/// timeout in all rather than one each. Never throws for a connection failure.
std::vector<ReadingSession> ConnectEach(const std::vector<std::string>& urls);

/// "database unreachable: <why>" for connection failures, "database error: <why>" otherwise.
std::string DescribeFailure(const std::exception& error);

}  // namespace saga::sagactl
