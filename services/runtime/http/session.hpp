#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/thread_pool.hpp>

#include "runtime/http/connection_set.hpp"
#include "runtime/http/router.hpp"
#include "runtime/http/server.hpp"

namespace saga::runtime::http {

/// Internal to the server: what one connection needs. All referenced objects outlive every session.
struct SessionContext {
    const ServerConfig& config;
    const Router& router;
    boost::asio::thread_pool& handlers;
    ConnectionSet& connections;
};

/// Internal to the server: serves HTTP/1.1 requests on `socket` until the peer closes, a limit or timeout is
/// hit, or the server drains. Runs on the I/O executor; handlers run on `context.handlers`. Never throws.
boost::asio::awaitable<void> ServeConnection(boost::asio::ip::tcp::socket socket, SessionContext context);

}  // namespace saga::runtime::http
