#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "runtime/http/router.hpp"

namespace saga::runtime::http {

/// Listening and connection limits. The defaults suit a service behind the local console.
struct ServerConfig {
    std::string bind_address = "127.0.0.1";
    std::uint16_t port = 0;                            ///< 0 = an ephemeral port; see Server::BoundPort()
    std::size_t body_limit = 64 * 1024;                ///< larger bodies get 413 and the connection closes
    std::size_t header_limit = 16 * 1024;              ///< larger header sections get 431 and close
    std::chrono::milliseconds read_timeout{10'000};    ///< to receive one request once it has begun
    std::chrono::milliseconds write_timeout{10'000};   ///< to send one response
    std::chrono::milliseconds idle_timeout{60'000};    ///< keep-alive wait for the next request
    std::chrono::milliseconds shutdown_grace{10'000};  ///< Stop() waits this long for in-flight requests
    std::size_t handler_threads = 4;                   ///< threads running the (blocking) handlers
};

/// HTTP/1.1 server with keep-alive: one I/O thread (the one calling Run()) plus a pool of handler threads,
/// so a slow handler never delays other connections.
///
/// Every response carries X-Correlation-ID (the request's, or a generated one). Malformed HTTP gets 400, an
/// oversized body 413, an oversized header section 431, each followed by closing the connection; a request
/// that stalls past read_timeout is dropped without a response.
class Server {
  public:
    /// Binds and listens at once, so BoundPort() is known before Run(); throws std::runtime_error naming the
    /// address when that fails. Starts the handler threads.
    Server(ServerConfig config, Router router);
    /// Joins the handler threads (waiting for handlers still running after a grace timeout). Destroy only
    /// when Run() is not running.
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    /// The port actually listened on (the chosen one when config.port was 0).
    std::uint16_t BoundPort() const;

    /// Makes SIGTERM and SIGINT call Stop(); after the first, both have their default action
    /// again, so a second one ends the process however long the shutdown takes. Call before Run().
    void StopOnSignals();

    /// Serves on the calling thread until Stop() has drained the connections. Call once.
    void Run();

    /// Thread-safe, idempotent, also fine before Run(). Stops accepting, closes idle keep-alive connections,
    /// lets requests in flight finish and answer (with `Connection: close`) for up to shutdown_grace, then
    /// closes whatever is left and makes Run() return.
    void Stop();

  private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace saga::runtime::http
