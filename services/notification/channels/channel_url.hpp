#pragma once

#include <optional>
#include <string>

namespace saga::notification {

/// Why libcurl cannot use `url` (a port out of range, no host, a space, ...), or nullopt when
/// it can. Read with libcurl's own URL parser, so the check at start agrees with every send.
std::optional<std::string> UrlProblem(const std::string& url);

/// `url` as error messages, logs and published failures show it: scheme, host, port and path,
/// without user, password, query or fragment, which may hold credentials.
std::string UrlForMessages(const std::string& url);

}  // namespace saga::notification
