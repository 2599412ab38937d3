#include "runtime/http/session.hpp"

#include <fmt/format.h>

#include <array>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cstdio>
#include <optional>
#include <utility>

#include "runtime/http/correlation_id.hpp"
#include "runtime/http/target.hpp"

namespace saga::runtime::http {

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

using WireRequest = bhttp::request<bhttp::string_body>;
using WireResponse = bhttp::response<bhttp::string_body>;

constexpr std::size_t kFirstReadSize = 4096;
// After refusing a request we keep reading (and discarding) for a while before closing: closing a socket with
// unread input makes the kernel send a reset, which can destroy our error response before the client reads it.
constexpr std::chrono::seconds kLingerTime{2};
constexpr std::size_t kLingerBytes = 1024 * 1024;

struct Refusal {
    ErrorKind kind;
    std::string detail;
};

// Which read failures deserve an answer. Timeouts and a peer that went away simply end the connection.
std::optional<Refusal> RefusalFor(const beast::error_code& ec, const ServerConfig& config) {
    if (ec == bhttp::error::body_limit) {
        return Refusal{ErrorKind::kPayloadTooLarge,
                       fmt::format("the request body exceeds the limit of {} bytes", config.body_limit)};
    }
    if (ec == bhttp::error::header_limit) {
        return Refusal{ErrorKind::kHeaderFieldsTooLarge,
                       fmt::format("the request header section exceeds the limit of {} bytes", config.header_limit)};
    }
    if (ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message) {
        return std::nullopt;
    }
    if (ec.category() == bhttp::make_error_code(bhttp::error::bad_method).category()) {
        return Refusal{ErrorKind::kBadRequest, "malformed HTTP request: " + ec.message()};
    }
    return std::nullopt;
}

bool HasLineBreakOrNul(std::string_view text) {
    return text.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos;
}

/// `to_head`: the answer to a HEAD request, which carries the headers of the full response and no
/// content (RFC 9110 9.3.2), whatever its status.
WireResponse ToWire(Response response, unsigned version, bool keep_alive, const std::string& correlation_id,
                    bool to_head = false) {
    if (response.status < 200 || response.status > 599) {
        fmt::print(stderr, "http: a handler answered with status {}; sending 500 (correlation id {})\n",
                   response.status, correlation_id);
        response = Problem(ErrorKind::kInternal);
    }
    WireResponse wire{static_cast<bhttp::status>(response.status), version};
    for (auto& [name, value] : response.headers) {
        if (HasLineBreakOrNul(name) || HasLineBreakOrNul(value)) {
            fmt::print(stderr, "http: dropped response header '{}' with a line break (correlation id {})\n",
                       name.substr(0, 64), correlation_id);
            continue;
        }
        wire.insert(name, value);
    }
    if (!response.content_type.empty()) {
        wire.set(bhttp::field::content_type, response.content_type);
    }
    wire.set(kCorrelationIdHeader, correlation_id);
    if (response.status != 204 && response.status != 304) {
        wire.body() = std::move(response.body);
    }
    wire.keep_alive(keep_alive);
    wire.prepare_payload();
    if (to_head) wire.body().clear();  // Content-Length still says what a GET would get
    return wire;
}

Request FromWire(WireRequest&& wire, std::string correlation_id) {
    Target target = ParseTarget(wire.target());
    Request request;
    request.method = std::string(wire.method_string());
    request.path = std::move(target.path);
    request.query = std::move(target.query);
    for (const auto& field : wire) {
        request.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    }
    request.body = std::move(wire.body());
    request.correlation_id = std::move(correlation_id);
    return request;
}

asio::awaitable<Response> HandleOnPool(const Router& router, Request request) { co_return router.Handle(request); }

asio::awaitable<void> RefuseAndClose(beast::tcp_stream& stream, const ServerConfig& config, Refusal refusal,
                                     const std::string& correlation_id) {
    beast::error_code ec;
    WireResponse wire = ToWire(Problem(refusal.kind, std::move(refusal.detail)), 11, false, correlation_id);
    stream.expires_after(config.write_timeout);
    co_await bhttp::async_write(stream, wire, asio::redirect_error(asio::use_awaitable, ec));
    if (ec) {
        co_return;
    }
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream.expires_after(kLingerTime);
    std::array<char, 4096> sink;
    for (std::size_t drained = 0; drained < kLingerBytes;) {
        drained += co_await stream.async_read_some(asio::buffer(sink), asio::redirect_error(asio::use_awaitable, ec));
        if (ec) {
            break;
        }
    }
}

// Removes the connection from the set however the session ends.
class Registration {
  public:
    Registration(ConnectionSet& set, Connection& connection) : set_(set), connection_(connection) {
        set_.Add(connection_);
    }
    ~Registration() { set_.Remove(connection_); }
    Registration(const Registration&) = delete;
    Registration& operator=(const Registration&) = delete;

  private:
    ConnectionSet& set_;
    Connection& connection_;
};

asio::awaitable<void> Serve(beast::tcp_stream& stream, SessionContext context, Connection& connection) {
    const ServerConfig& config = context.config;
    beast::flat_buffer buffer;
    beast::error_code ec;
    while (!context.connections.draining()) {
        if (buffer.size() == 0) {
            // Waiting for a request to begin is the idle (keep-alive) phase: shutdown may cancel it.
            connection.idle = true;
            stream.expires_after(config.idle_timeout);
            std::size_t received = co_await stream.async_read_some(buffer.prepare(kFirstReadSize),
                                                                   asio::redirect_error(asio::use_awaitable, ec));
            connection.idle = false;
            if (ec) {
                co_return;
            }
            buffer.commit(received);
        }

        bhttp::request_parser<bhttp::string_body> parser;
        parser.header_limit(static_cast<std::uint32_t>(config.header_limit));
        parser.body_limit(config.body_limit);
        stream.expires_after(config.read_timeout);
        co_await bhttp::async_read_header(stream, buffer, parser, asio::redirect_error(asio::use_awaitable, ec));
        if (!ec && !parser.is_done()) {
            if (beast::iequals(parser.get()[bhttp::field::expect], "100-continue")) {
                bhttp::response<bhttp::empty_body> go_on{bhttp::status::continue_, parser.get().version()};
                co_await bhttp::async_write(stream, go_on, asio::redirect_error(asio::use_awaitable, ec));
            }
            if (!ec) {
                co_await bhttp::async_read(stream, buffer, parser, asio::redirect_error(asio::use_awaitable, ec));
            }
        }
        std::string correlation_id = CorrelationIdFor(parser.get()[kCorrelationIdHeader]);
        if (ec) {
            if (auto refusal = RefusalFor(ec, config)) {
                co_await RefuseAndClose(stream, config, std::move(*refusal), correlation_id);
            }
            co_return;
        }

        WireRequest wire = parser.release();
        unsigned version = wire.version();
        bool keep_alive = wire.keep_alive();
        const bool to_head = wire.method() == bhttp::verb::head;
        Response response;
        try {
            Request request = FromWire(std::move(wire), correlation_id);
            response = co_await asio::co_spawn(context.handlers, HandleOnPool(context.router, std::move(request)),
                                               asio::use_awaitable);
        } catch (const HttpError& error) {
            response = Problem(error);
        }
        keep_alive = keep_alive && !context.connections.draining();
        WireResponse out = ToWire(std::move(response), version, keep_alive, correlation_id, to_head);
        stream.expires_after(config.write_timeout);
        co_await bhttp::async_write(stream, out, asio::redirect_error(asio::use_awaitable, ec));
        if (ec || !keep_alive) {
            co_return;
        }
    }
}

}  // namespace

asio::awaitable<void> ServeConnection(tcp::socket socket, SessionContext context) {
    beast::tcp_stream stream(std::move(socket));
    Connection connection{stream.socket()};
    Registration registration(context.connections, connection);
    try {
        co_await Serve(stream, context, connection);
    } catch (const std::exception& error) {
        // Handlers cannot get here (the router answers for them); this is a fault in the session itself.
        fmt::print(stderr, "http: connection aborted: {}\n", error.what());
    }
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream.socket().close(ignored);
}

}  // namespace saga::runtime::http
