#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <cstddef>
#include <functional>
#include <unordered_set>

namespace saga::runtime::http {

/// Internal to the server: one open connection as the shutdown logic sees it.
struct Connection {
    boost::asio::ip::tcp::socket& socket;
    bool idle = false;  ///< waiting for the first byte of the next request
};

/// Internal to the server: the open connections, for graceful shutdown. Used on the I/O thread only.
class ConnectionSet {
  public:
    void Add(Connection& connection);
    /// Removes `connection`; when draining and it was the last one, calls the drained callback.
    void Remove(Connection& connection);

    /// Enters draining: idle connections are cancelled now, busy ones are expected to close after their
    /// response. `on_drained` runs once the set is empty (immediately if it already is).
    void BeginDrain(std::function<void()> on_drained);
    bool draining() const { return draining_; }

    /// Gives up on draining: closes every socket (pending operations complete with an error) and drops the
    /// drained callback, which may refer to objects that are about to be destroyed.
    void Abandon();

  private:
    std::unordered_set<Connection*> live_;
    bool draining_ = false;
    std::function<void()> on_drained_;
};

}  // namespace saga::runtime::http
