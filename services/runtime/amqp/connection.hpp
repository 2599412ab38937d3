#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "runtime/amqp/message.hpp"

namespace saga::runtime::amqp {

struct ConnectionOptions {
    /// amqp://user:password@host:port/vhost, or several separated by commas (the nodes of a
    /// cluster: each connection goes to the first that answers, so a reconnect after a node is
    /// lost lands on a surviving one).
    std::string url;
    std::string connection_name;  ///< shown in the management UI
    int heartbeat_seconds = 30;
    std::chrono::milliseconds connect_timeout{5000};
};

/// Throws std::invalid_argument when the text is not an amqp:// URL (or a comma-separated list
/// of them).
void ValidateUrl(const std::string& url);

/// Arguments of a queue declaration (x-queue-type, x-message-ttl, ...).
using QueueArguments = Headers;

struct QueueInfo {
    std::uint32_t messages = 0;
    std::uint32_t consumers = 0;
};

/// The outcome of waiting for publisher confirms.
struct ConfirmResult {
    bool complete = false;              ///< every publish up to the awaited one was confirmed
    std::vector<std::uint64_t> nacked;  ///< sequence numbers the broker refused
    /// Message ids of mandatory publishes no queue took, returned since the last wait (a return
    /// comes before its publish's confirm).
    std::vector<std::string> returned;
};

/// One AMQP connection with one channel. Not thread-safe: one per thread (rabbitmq-c rule).
/// Every broker or socket failure throws AmqpError; the object is then unusable and the owner
/// makes a new one. Consuming and confirmed publishing can share the channel: frames that
/// arrive while waiting for one are kept for the other.
class Connection {
  public:
    explicit Connection(const ConnectionOptions& options);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    void DeclareExchange(const std::string& name, const std::string& type);
    /// Declares a durable queue; a queue that exists with other arguments throws
    /// AmqpChannelError 406 whose text names the differing argument. Reopens the channel
    /// after a channel error so the connection stays usable.
    QueueInfo DeclareQueue(const std::string& name, const QueueArguments& arguments);
    /// Passive declare: throws AmqpChannelError 404 when the queue does not exist.
    QueueInfo InspectQueue(const std::string& name);
    void BindQueue(const std::string& queue, const std::string& exchange, const std::string& routing_key);
    void DeleteQueue(const std::string& name);
    void PurgeQueue(const std::string& name);

    /// Puts the channel in confirm mode; Publish then returns increasing sequence numbers.
    void EnableConfirms();
    std::uint64_t Publish(const OutgoingMessage& message);
    /// Waits until every publish up to `sequence` is acked or nacked, or the timeout passes.
    ConfirmResult WaitForConfirms(std::uint64_t sequence, std::chrono::milliseconds timeout);
    /// Sequence number of the last publish (0 before any).
    std::uint64_t LastPublished() const { return next_sequence_ - 1; }

    void SetPrefetch(std::uint16_t count);
    void Consume(const std::string& queue);
    /// The next delivery, waiting at most `timeout`; nullopt on timeout.
    std::optional<Delivery> NextDelivery(std::chrono::milliseconds timeout);
    void Ack(std::uint64_t delivery_tag, bool multiple = false);
    void Reject(std::uint64_t delivery_tag, bool requeue);
    /// basic.get without auto-ack.
    std::optional<Delivery> Get(const std::string& queue);

    /// Lets the library read and answer heartbeats during idle periods.
    void KeepAlive();

  private:
    struct State;
    /// Opens the socket to one node and logs in; throws AmqpError (state_->conn may then be set).
    void Open(const std::string& url, const ConnectionOptions& options);
    /// Reads one frame within `timeout` and dispatches it; false when nothing arrived.
    bool PumpFrame(std::chrono::milliseconds timeout);
    void HandleConfirm(std::uint64_t tag, bool multiple, bool acked);
    void OpenChannel();
    void CheckRpc(const char* what);

    std::unique_ptr<State> state_;
    std::uint64_t next_sequence_ = 1;
    bool confirms_ = false;
    std::set<std::uint64_t> unconfirmed_;
    std::vector<std::uint64_t> nacked_;
    std::vector<std::string> returned_;  ///< message ids of basic.returns not yet reported
    std::deque<Delivery> deliveries_;
};

}  // namespace saga::runtime::amqp
