#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "sagactl/dlq/selection.hpp"
#include "sagactl/storage/service_facts.hpp"

namespace saga::sagactl {

/// Where sagactl finds the system (each from a flag, else an environment variable, else the
/// local stack's default).
struct ConnectionSettings {
    std::string amqp_url;        ///< --amqp-url, SAGACTL_AMQP_URL
    std::string management_url;  ///< --management-url, SAGACTL_MANAGEMENT_URL (reserved; unused today)
    DatabaseUrls database_urls;  ///< --database-url SERVICE=URL, SAGACTL_<SERVICE>_DATABASE_URL
};

struct DlqListCommand {
    std::vector<std::string> queues;  ///< DLQ names, never empty
    Selection filter;                 ///< `all` set: --type/--since/--until only narrow it
    std::optional<std::size_t> limit;
    bool json = false;
};

struct DlqShowCommand {
    std::vector<std::string> queues;
    std::string message_id;
    bool json = false;
};

struct DlqReplayCommand {
    std::vector<std::string> queues;
    Selection selection;  ///< has criteria (checked by the parser)
    std::optional<std::size_t> limit;
    bool dry_run = false;
    std::optional<std::string> body;       ///< the edited body (--body-file, valid JSON), single --id only
    std::optional<std::string> body_file;  ///< where it came from, for messages
};

struct DlqPurgeCommand {
    std::vector<std::string> queues;
    Selection selection;  ///< ids, or all
};

struct OutboxStatusCommand {
    bool json = false;
};

struct OrderCommand {
    std::string order_id;
    bool json = false;
};

using Command =
    std::variant<DlqListCommand, DlqShowCommand, DlqReplayCommand, DlqPurgeCommand, OutboxStatusCommand, OrderCommand>;

struct Invocation {
    ConnectionSettings connection;
    Command command;
};

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

}  // namespace saga::sagactl
