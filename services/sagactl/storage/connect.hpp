#pragma once

#include <exception>
#include <memory>
#include <pqxx/pqxx>
#include <string>

namespace saga::sagactl {

/// `url` (a postgresql:// URL or a key=value conninfo) with connect_timeout=3 and
/// application_name=sagactl added, unless it sets them already.
std::string WithShortTimeouts(const std::string& url);

/// Opens a session for reading: time zone UTC, statement_timeout 10 s, read-only transactions.
/// Throws runtime::pg::DatabaseUnavailable when the database cannot be reached.
std::unique_ptr<pqxx::connection> ConnectForReading(const std::string& url);

/// "database unreachable: <why>" for connection failures, "database error: <why>" otherwise.
std::string DescribeFailure(const std::exception& error);

}  // namespace saga::sagactl
