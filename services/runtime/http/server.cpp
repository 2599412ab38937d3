#include "runtime/http/server.hpp"

#include <fmt/format.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <csignal>
#include <cstdio>
#include <exception>
#include <optional>
#include <stdexcept>
#include <utility>

#include "runtime/http/connection_set.hpp"
#include "runtime/http/session.hpp"

namespace saga::runtime::http {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

// Member order is destruction order in reverse, and it matters: the handler pool goes first (joining its
// threads and dropping the work it never started, which may destroy suspended sessions), then the I/O objects,
// then the io_context (destroying any session frames still suspended on it), and only then the router and
// connection set those sessions refer to.
class Server::Impl {
  public:
    Impl(ServerConfig config, Router router)
        : config_(std::move(config)),
          router_(std::move(router)),
          acceptor_(io_),
          grace_timer_(io_),
          handlers_(config_.handler_threads == 0 ? 1 : config_.handler_threads) {
        try {
            tcp::endpoint endpoint(asio::ip::make_address(config_.bind_address), config_.port);
            acceptor_.open(endpoint.protocol());
            acceptor_.set_option(tcp::acceptor::reuse_address(true));
            acceptor_.bind(endpoint);
            acceptor_.listen();
            // Kept apart from the acceptor: Stop() closes that on the I/O thread while others may still ask.
            bound_port_ = acceptor_.local_endpoint().port();
        } catch (const std::exception& error) {
            throw std::runtime_error(
                fmt::format("cannot listen on {}:{}: {}", config_.bind_address, config_.port, error.what()));
        }
    }

    std::uint16_t BoundPort() const { return bound_port_; }

    void StopOnSignals() {
        signals_.emplace(io_, SIGTERM, SIGINT);
        signals_->async_wait([this](const boost::system::error_code& ec, int signal_number) {
            if (!ec) {
                fmt::print(stderr, "http: signal {} received, shutting down (a second one ends the process at once)\n",
                           signal_number);
                // Back to the default action, which asio restores when a signal leaves the set: an
                // operator's second SIGTERM or Ctrl-C then ends a drain that hangs (a consumer
                // waiting on a lock, say), as it would any process. What a drain leaves undone is
                // what a crash leaves undone, which the outbox and the inboxes are there for.
                boost::system::error_code ignored;
                signals_->clear(ignored);
                BeginShutdown();
            }
        });
    }

    void Run() {
        asio::co_spawn(io_, Accept(), [](const std::exception_ptr& failure) { LogIfFailed(failure, "acceptor"); });
        io_.run();
    }

    void Stop() {
        asio::post(io_, [this] { BeginShutdown(); });
    }

  private:
    static void LogIfFailed(const std::exception_ptr& failure, std::string_view what) {
        if (!failure) {
            return;
        }
        try {
            std::rethrow_exception(failure);
        } catch (const std::exception& error) {
            fmt::print(stderr, "http: {} failed: {}\n", what, error.what());
        }
    }

    asio::awaitable<void> Accept() {
        SessionContext context{config_, router_, handlers_, connections_};
        asio::steady_timer backoff(io_);
        while (acceptor_.is_open()) {
            boost::system::error_code ec;
            tcp::socket socket = co_await acceptor_.async_accept(asio::redirect_error(asio::use_awaitable, ec));
            if (!acceptor_.is_open()) {
                co_return;
            }
            if (ec) {
                // E.g. out of file descriptors: pause instead of spinning, then try again.
                fmt::print(stderr, "http: accept failed: {}\n", ec.message());
                backoff.expires_after(std::chrono::milliseconds(100));
                co_await backoff.async_wait(asio::redirect_error(asio::use_awaitable, ec));
                continue;
            }
            asio::co_spawn(io_, ServeConnection(std::move(socket), context),
                           [](const std::exception_ptr& failure) { LogIfFailed(failure, "connection"); });
        }
    }

    void BeginShutdown() {
        if (connections_.draining()) {
            return;
        }
        boost::system::error_code ignored;
        acceptor_.close(ignored);
        if (signals_) {
            signals_->cancel(ignored);
        }
        grace_timer_.expires_after(config_.shutdown_grace);
        grace_timer_.async_wait([this](const boost::system::error_code& ec) {
            if (ec) {
                return;
            }
            fmt::print(stderr, "http: shutdown grace of {} ms ran out; closing the remaining connections\n",
                       config_.shutdown_grace.count());
            connections_.Abandon();
            // Handlers still running on the pool would keep sessions alive; stop waiting for them.
            io_.stop();
        });
        // With no outstanding work left (acceptor closed, timer cancelled) io_.run() returns by itself.
        connections_.BeginDrain([this] { grace_timer_.cancel(); });
    }

    ServerConfig config_;
    Router router_;
    std::uint16_t bound_port_ = 0;
    ConnectionSet connections_;
    asio::io_context io_{1};
    tcp::acceptor acceptor_;
    asio::steady_timer grace_timer_;
    std::optional<asio::signal_set> signals_;
    asio::thread_pool handlers_;
};

Server::Server(ServerConfig config, Router router)
    : impl_(std::make_unique<Impl>(std::move(config), std::move(router))) {}

Server::~Server() = default;

std::uint16_t Server::BoundPort() const { return impl_->BoundPort(); }

void Server::StopOnSignals() { impl_->StopOnSignals(); }

void Server::Run() { impl_->Run(); }

void Server::Stop() { impl_->Stop(); }

}  // namespace saga::runtime::http
