#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>

namespace saga::runtime::amqp {

/// A header value. AMQP tables can also hold arrays and nested tables (e.g. the broker's
/// `x-death`); those are not carried by this model and are dropped when a message is read.
using HeaderValue = std::variant<std::string, std::int64_t, bool, double>;
using Headers = std::map<std::string, HeaderValue>;

/// The AMQP basic properties this system uses (SPEC §3: they mirror the CloudEvent).
struct Properties {
    std::string content_type;
    std::string message_id;
    std::string type;
    std::string correlation_id;
    std::string app_id;
    std::optional<std::int64_t> timestamp;  ///< seconds since the epoch
    bool persistent = true;                 ///< delivery_mode 2
    Headers headers;
};

struct OutgoingMessage {
    std::string exchange;
    std::string routing_key;
    Properties properties;
    std::string body;
    /// The broker hands it back (basic.return, before its confirm) when no queue takes it; the
    /// wait for its confirm then reports its message id in ConfirmResult::returned.
    bool mandatory = false;
};

struct Delivery {
    std::uint64_t delivery_tag = 0;
    bool redelivered = false;
    std::string exchange;
    std::string routing_key;
    Properties properties;
    std::string body;
};

/// Reads a string header, if present and a string.
std::optional<std::string> StringHeader(const Headers& headers, const std::string& name);
/// Reads an integer header, if present and an integer.
std::optional<std::int64_t> IntHeader(const Headers& headers, const std::string& name);

}  // namespace saga::runtime::amqp
