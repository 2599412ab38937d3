#include "runtime/amqp/connection.hpp"

#include <amqp.h>
#include <amqp_tcp_socket.h>
#include <fmt/format.h>
#include <sys/time.h>

#include <array>
#include <stdexcept>
#include <utility>
#include <vector>

#include "runtime/amqp/errors.hpp"
#include "runtime/amqp/field_table.hpp"

namespace saga::runtime::amqp {
namespace {

using Clock = std::chrono::steady_clock;
constexpr std::chrono::seconds kRpcTimeout{30};

timeval ToTimeval(std::chrono::milliseconds d) {
    if (d.count() < 0) d = std::chrono::milliseconds{0};
    return timeval{static_cast<time_t>(d.count() / 1000), static_cast<suseconds_t>((d.count() % 1000) * 1000)};
}

struct ParsedUrl {
    std::string buffer;  // amqp_parse_url points into this
    amqp_connection_info info{};
};

std::unique_ptr<ParsedUrl> ParseUrl(const std::string& url) {
    auto parsed = std::make_unique<ParsedUrl>();
    parsed->buffer = url;
    amqp_default_connection_info(&parsed->info);
    if (url.rfind("amqp://", 0) != 0 || amqp_parse_url(parsed->buffer.data(), &parsed->info) != AMQP_STATUS_OK) {
        throw std::invalid_argument("not an amqp://user:password@host:port/vhost URL");
    }
    return parsed;
}

Properties ReadProperties(const amqp_basic_properties_t& p) {
    Properties out;
    if (p._flags & AMQP_BASIC_CONTENT_TYPE_FLAG) out.content_type = StringOf(p.content_type);
    if (p._flags & AMQP_BASIC_MESSAGE_ID_FLAG) out.message_id = StringOf(p.message_id);
    if (p._flags & AMQP_BASIC_TYPE_FLAG) out.type = StringOf(p.type);
    if (p._flags & AMQP_BASIC_CORRELATION_ID_FLAG) out.correlation_id = StringOf(p.correlation_id);
    if (p._flags & AMQP_BASIC_APP_ID_FLAG) out.app_id = StringOf(p.app_id);
    if (p._flags & AMQP_BASIC_TIMESTAMP_FLAG) out.timestamp = static_cast<std::int64_t>(p.timestamp);
    out.persistent = (p._flags & AMQP_BASIC_DELIVERY_MODE_FLAG) && p.delivery_mode == AMQP_DELIVERY_PERSISTENT;
    if (p._flags & AMQP_BASIC_HEADERS_FLAG) out.headers = ReadFieldTable(p.headers);
    return out;
}

/// "amqp://a,amqp://b" → each URL.
std::vector<std::string> SplitUrls(const std::string& urls) {
    std::vector<std::string> out;
    std::size_t begin = 0;
    while (true) {
        const auto comma = urls.find(',', begin);
        out.push_back(urls.substr(begin, comma == std::string::npos ? std::string::npos : comma - begin));
        if (comma == std::string::npos) return out;
        begin = comma + 1;
    }
}

}  // namespace

struct Connection::State {
    amqp_connection_state_t conn = nullptr;
    amqp_channel_t channel = 1;
    bool broken = false;
};

void ValidateUrl(const std::string& urls) {
    for (const auto& url : SplitUrls(urls)) ParseUrl(url);
}

Connection::Connection(const ConnectionOptions& options) : state_(std::make_unique<State>()) {
    // Several nodes of a cluster: the first that accepts the connection and the login wins; a
    // reconnect starts again from the first, so a node that comes back is used again.
    std::string failures;
    for (const auto& url : SplitUrls(options.url)) {
        try {
            Open(url, options);
            OpenChannel();
            return;
        } catch (const AmqpError& error) {
            if (state_->conn != nullptr) amqp_destroy_connection(state_->conn);
            state_->conn = nullptr;
            failures += failures.empty() ? error.what() : std::string("; ") + error.what();
        }
    }
    throw AmqpError(failures);
}

void Connection::Open(const std::string& text, const ConnectionOptions& options) {
    const auto parsed = ParseUrl(text);
    const ParsedUrl& url = *parsed;
    state_->conn = amqp_new_connection();
    amqp_socket_t* socket = amqp_tcp_socket_new(state_->conn);
    if (socket == nullptr) throw AmqpError("cannot create a TCP socket");
    const timeval connect_timeout = ToTimeval(options.connect_timeout);
    const int status = amqp_socket_open_noblock(socket, url.info.host, url.info.port, &connect_timeout);
    if (status != AMQP_STATUS_OK) {
        throw AmqpError(
            fmt::format("cannot connect to {}:{}: {}", url.info.host, url.info.port, amqp_error_string2(status)));
    }
    const timeval rpc_timeout = ToTimeval(kRpcTimeout);
    amqp_set_rpc_timeout(state_->conn, &rpc_timeout);

    // The broker tells a client that its consumer was cancelled (its queue deleted, say) only when
    // the client says it understands basic.cancel; rabbitmq-c merges this with its own capabilities.
    const std::string cancel_notify_key = "consumer_cancel_notify";
    amqp_table_entry_t capability{};
    capability.key = BytesOf(cancel_notify_key);
    capability.value.kind = AMQP_FIELD_KIND_BOOLEAN;
    capability.value.value.boolean = 1;
    const std::string name_key = "connection_name";
    const std::string capabilities_key = "capabilities";
    std::array<amqp_table_entry_t, 2> entries{};
    entries[0].key = BytesOf(name_key);
    entries[0].value.kind = AMQP_FIELD_KIND_UTF8;
    entries[0].value.value.bytes = BytesOf(options.connection_name);
    entries[1].key = BytesOf(capabilities_key);
    entries[1].value.kind = AMQP_FIELD_KIND_TABLE;
    entries[1].value.value.table = amqp_table_t{1, &capability};
    amqp_table_t client_properties{static_cast<int>(entries.size()), entries.data()};
    const amqp_rpc_reply_t reply =
        amqp_login_with_properties(state_->conn, url.info.vhost, 0, 131072, options.heartbeat_seconds,
                                   &client_properties, AMQP_SASL_METHOD_PLAIN, url.info.user, url.info.password);
    if (reply.reply_type != AMQP_RESPONSE_NORMAL) {
        throw AmqpError(
            fmt::format("login to vhost '{}' as '{}' at {}:{} failed (wrong credentials, vhost or "
                        "permissions)",
                        url.info.vhost, url.info.user, url.info.host, url.info.port));
    }
}

Connection::~Connection() {
    if (!state_->broken) {
        amqp_channel_close(state_->conn, state_->channel, AMQP_REPLY_SUCCESS);
        amqp_connection_close(state_->conn, AMQP_REPLY_SUCCESS);
    }
    amqp_destroy_connection(state_->conn);
}

void Connection::OpenChannel() {
    amqp_channel_open(state_->conn, state_->channel);
    CheckRpc("channel.open");
}

void Connection::CheckRpc(const char* what) {
    const amqp_rpc_reply_t reply = amqp_get_rpc_reply(state_->conn);
    switch (reply.reply_type) {
        case AMQP_RESPONSE_NORMAL:
            return;
        case AMQP_RESPONSE_NONE:
        case AMQP_RESPONSE_LIBRARY_EXCEPTION:
            state_->broken = true;
            throw AmqpError(fmt::format("{}: {}", what, amqp_error_string2(reply.library_error)));
        case AMQP_RESPONSE_SERVER_EXCEPTION:
            if (reply.reply.id == AMQP_CHANNEL_CLOSE_METHOD) {
                const auto* close = static_cast<amqp_channel_close_t*>(reply.reply.decoded);
                const int code = close->reply_code;
                const std::string text = StringOf(close->reply_text);
                amqp_channel_close_ok_t close_ok{};
                amqp_send_method(state_->conn, state_->channel, AMQP_CHANNEL_CLOSE_OK_METHOD, &close_ok);
                // A fresh channel keeps the connection usable for the caller's next step.
                ++state_->channel;
                confirms_ = false;
                unconfirmed_.clear();
                nacked_.clear();
                returned_.clear();
                OpenChannel();
                throw AmqpChannelError(code, fmt::format("{}: {}", what, text));
            }
            state_->broken = true;
            if (reply.reply.id == AMQP_CONNECTION_CLOSE_METHOD) {
                const auto* close = static_cast<amqp_connection_close_t*>(reply.reply.decoded);
                amqp_connection_close_ok_t close_ok{};
                amqp_send_method(state_->conn, 0, AMQP_CONNECTION_CLOSE_OK_METHOD, &close_ok);
                throw AmqpError(fmt::format("{}: connection closed by broker: {}", what, StringOf(close->reply_text)));
            }
            throw AmqpError(fmt::format("{}: unexpected broker reply", what));
    }
}

void Connection::DeclareExchange(const std::string& name, const std::string& type) {
    amqp_exchange_declare(state_->conn, state_->channel, BytesOf(name), BytesOf(type), 0, 1, 0, 0, amqp_empty_table);
    CheckRpc("exchange.declare");
}

QueueInfo Connection::DeclareQueue(const std::string& name, const QueueArguments& arguments) {
    const FieldTableView table(arguments);
    const auto* ok = amqp_queue_declare(state_->conn, state_->channel, BytesOf(name), 0, 1, 0, 0, *table.table());
    CheckRpc("queue.declare");
    return {ok->message_count, ok->consumer_count};
}

QueueInfo Connection::InspectQueue(const std::string& name) {
    const auto* ok = amqp_queue_declare(state_->conn, state_->channel, BytesOf(name), 1, 0, 0, 0, amqp_empty_table);
    CheckRpc("queue.declare(passive)");
    return {ok->message_count, ok->consumer_count};
}

void Connection::BindQueue(const std::string& queue, const std::string& exchange, const std::string& routing_key) {
    amqp_queue_bind(state_->conn, state_->channel, BytesOf(queue), BytesOf(exchange), BytesOf(routing_key),
                    amqp_empty_table);
    CheckRpc("queue.bind");
}

void Connection::DeleteQueue(const std::string& name) {
    amqp_queue_delete(state_->conn, state_->channel, BytesOf(name), 0, 0);
    CheckRpc("queue.delete");
}

void Connection::PurgeQueue(const std::string& name) {
    amqp_queue_purge(state_->conn, state_->channel, BytesOf(name));
    CheckRpc("queue.purge");
}

void Connection::EnableConfirms() {
    amqp_confirm_select(state_->conn, state_->channel);
    CheckRpc("confirm.select");
    confirms_ = true;
    next_sequence_ = 1;
}

std::uint64_t Connection::Publish(const OutgoingMessage& message) {
    const Properties& in = message.properties;
    amqp_basic_properties_t props{};
    props._flags = AMQP_BASIC_DELIVERY_MODE_FLAG;
    props.delivery_mode = in.persistent ? AMQP_DELIVERY_PERSISTENT : AMQP_DELIVERY_NONPERSISTENT;
    auto set = [&props](const std::string& value, amqp_flags_t flag, amqp_bytes_t& field) {
        if (value.empty()) return;
        props._flags |= flag;
        field = BytesOf(value);
    };
    set(in.content_type, AMQP_BASIC_CONTENT_TYPE_FLAG, props.content_type);
    set(in.message_id, AMQP_BASIC_MESSAGE_ID_FLAG, props.message_id);
    set(in.type, AMQP_BASIC_TYPE_FLAG, props.type);
    set(in.correlation_id, AMQP_BASIC_CORRELATION_ID_FLAG, props.correlation_id);
    set(in.app_id, AMQP_BASIC_APP_ID_FLAG, props.app_id);
    if (in.timestamp) {
        props._flags |= AMQP_BASIC_TIMESTAMP_FLAG;
        props.timestamp = static_cast<std::uint64_t>(*in.timestamp);
    }
    const FieldTableView headers(in.headers);
    if (!in.headers.empty()) {
        props._flags |= AMQP_BASIC_HEADERS_FLAG;
        props.headers = *headers.table();
    }
    const int status =
        amqp_basic_publish(state_->conn, state_->channel, BytesOf(message.exchange), BytesOf(message.routing_key),
                           message.mandatory ? 1 : 0, 0, &props, BytesOf(message.body));
    if (status != AMQP_STATUS_OK) {
        state_->broken = true;
        throw AmqpError(fmt::format("basic.publish: {}", amqp_error_string2(status)));
    }
    const std::uint64_t sequence = next_sequence_++;
    if (confirms_) unconfirmed_.insert(unconfirmed_.end(), sequence);
    return sequence;
}

void Connection::HandleConfirm(std::uint64_t tag, bool multiple, bool acked) {
    auto last = multiple ? unconfirmed_.upper_bound(tag) : unconfirmed_.find(tag);
    auto first = multiple ? unconfirmed_.begin() : last;
    if (!multiple) {
        if (last == unconfirmed_.end()) return;
        last = std::next(first);
    }
    if (!acked) nacked_.insert(nacked_.end(), first, last);
    unconfirmed_.erase(first, last);
}

ConfirmResult Connection::WaitForConfirms(std::uint64_t sequence, std::chrono::milliseconds timeout) {
    const auto deadline = Clock::now() + timeout;
    while (!unconfirmed_.empty() && *unconfirmed_.begin() <= sequence) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0) return {false, {}, {}};
        PumpFrame(left);
    }
    ConfirmResult result{true, {}, std::exchange(returned_, {})};
    std::vector<std::uint64_t> later;
    for (std::uint64_t s : nacked_) (s <= sequence ? result.nacked : later).push_back(s);
    nacked_ = std::move(later);
    return result;
}

void Connection::SetPrefetch(std::uint16_t count) {
    amqp_basic_qos(state_->conn, state_->channel, 0, count, 0);
    CheckRpc("basic.qos");
}

void Connection::Consume(const std::string& queue) {
    amqp_basic_consume(state_->conn, state_->channel, BytesOf(queue), amqp_empty_bytes, 0, 0, 0, amqp_empty_table);
    CheckRpc("basic.consume");
}

std::optional<Delivery> Connection::NextDelivery(std::chrono::milliseconds timeout) {
    const auto deadline = Clock::now() + timeout;
    while (deliveries_.empty()) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (!PumpFrame(left) && Clock::now() >= deadline) return std::nullopt;
    }
    Delivery delivery = std::move(deliveries_.front());
    deliveries_.pop_front();
    return delivery;
}

void Connection::Ack(std::uint64_t delivery_tag, bool multiple) {
    const int status = amqp_basic_ack(state_->conn, state_->channel, delivery_tag, multiple ? 1 : 0);
    if (status != AMQP_STATUS_OK) {
        state_->broken = true;
        throw AmqpError(fmt::format("basic.ack: {}", amqp_error_string2(status)));
    }
}

void Connection::Reject(std::uint64_t delivery_tag, bool requeue) {
    const int status = amqp_basic_reject(state_->conn, state_->channel, delivery_tag, requeue ? 1 : 0);
    if (status != AMQP_STATUS_OK) {
        state_->broken = true;
        throw AmqpError(fmt::format("basic.reject: {}", amqp_error_string2(status)));
    }
}

std::optional<Delivery> Connection::Get(const std::string& queue) {
    amqp_maybe_release_buffers(state_->conn);
    const amqp_rpc_reply_t reply = amqp_basic_get(state_->conn, state_->channel, BytesOf(queue), 0);
    CheckRpc("basic.get");
    if (reply.reply.id == AMQP_BASIC_GET_EMPTY_METHOD) return std::nullopt;
    const auto* ok = static_cast<amqp_basic_get_ok_t*>(reply.reply.decoded);
    Delivery delivery;
    delivery.delivery_tag = ok->delivery_tag;
    delivery.redelivered = ok->redelivered != 0;
    delivery.exchange = StringOf(ok->exchange);
    delivery.routing_key = StringOf(ok->routing_key);
    amqp_message_t message;
    const amqp_rpc_reply_t read = amqp_read_message(state_->conn, state_->channel, &message, 0);
    if (read.reply_type != AMQP_RESPONSE_NORMAL) {
        state_->broken = true;
        throw AmqpError("basic.get: cannot read the message content");
    }
    delivery.properties = ReadProperties(message.properties);
    delivery.body = StringOf(message.body);
    amqp_destroy_message(&message);
    return delivery;
}

void Connection::KeepAlive() { PumpFrame(std::chrono::milliseconds{0}); }

bool Connection::PumpFrame(std::chrono::milliseconds timeout) {
    amqp_maybe_release_buffers(state_->conn);
    amqp_frame_t frame;
    const timeval tv = ToTimeval(timeout);
    const int status = amqp_simple_wait_frame_noblock(state_->conn, &frame, &tv);
    if (status == AMQP_STATUS_TIMEOUT) return false;
    if (status != AMQP_STATUS_OK) {
        state_->broken = true;
        throw AmqpError(fmt::format("connection lost: {}", amqp_error_string2(status)));
    }
    if (frame.frame_type != AMQP_FRAME_METHOD) return true;
    switch (frame.payload.method.id) {
        case AMQP_BASIC_ACK_METHOD: {
            const auto* ack = static_cast<amqp_basic_ack_t*>(frame.payload.method.decoded);
            HandleConfirm(ack->delivery_tag, ack->multiple != 0, true);
            return true;
        }
        case AMQP_BASIC_NACK_METHOD: {
            const auto* nack = static_cast<amqp_basic_nack_t*>(frame.payload.method.decoded);
            HandleConfirm(nack->delivery_tag, nack->multiple != 0, false);
            return true;
        }
        case AMQP_BASIC_DELIVER_METHOD:
        case AMQP_BASIC_RETURN_METHOD: {
            Delivery delivery;
            const bool is_delivery = frame.payload.method.id == AMQP_BASIC_DELIVER_METHOD;
            if (is_delivery) {
                const auto* deliver = static_cast<amqp_basic_deliver_t*>(frame.payload.method.decoded);
                delivery.delivery_tag = deliver->delivery_tag;
                delivery.redelivered = deliver->redelivered != 0;
                delivery.exchange = StringOf(deliver->exchange);
                delivery.routing_key = StringOf(deliver->routing_key);
            }
            amqp_message_t message;
            const amqp_rpc_reply_t read = amqp_read_message(state_->conn, frame.channel, &message, 0);
            if (read.reply_type != AMQP_RESPONSE_NORMAL) {
                state_->broken = true;
                throw AmqpError("connection lost while reading a message");
            }
            delivery.properties = ReadProperties(message.properties);
            delivery.body = StringOf(message.body);
            amqp_destroy_message(&message);
            if (is_delivery) {
                deliveries_.push_back(std::move(delivery));
            } else {
                returned_.push_back(std::move(delivery.properties.message_id));
            }
            return true;
        }
        case AMQP_BASIC_CANCEL_METHOD:
            state_->broken = true;
            throw AmqpError("the broker cancelled the consumer (queue deleted?)");
        case AMQP_CHANNEL_CLOSE_METHOD: {
            const auto* close = static_cast<amqp_channel_close_t*>(frame.payload.method.decoded);
            state_->broken = true;
            throw AmqpChannelError(close->reply_code,
                                   fmt::format("channel closed by broker: {}", StringOf(close->reply_text)));
        }
        case AMQP_CONNECTION_CLOSE_METHOD: {
            const auto* close = static_cast<amqp_connection_close_t*>(frame.payload.method.decoded);
            state_->broken = true;
            throw AmqpError(fmt::format("connection closed by broker: {}", StringOf(close->reply_text)));
        }
        default:
            return true;
    }
}

}  // namespace saga::runtime::amqp
