#pragma once

#include <memory>
#include <string>

namespace saga::bench {

/// A blocking HTTP/1.1 client over Boost.Beast (the stack the services serve with) that keeps
/// one connection alive between requests and reconnects when the server closes it.
/// Not thread-safe: one client per thread.
class KeepAliveClient {
  public:
    /// `base_url` is http://host:port (no path, no TLS).
    explicit KeepAliveClient(const std::string& base_url);
    ~KeepAliveClient();
    KeepAliveClient(const KeepAliveClient&) = delete;
    KeepAliveClient& operator=(const KeepAliveClient&) = delete;

    struct Response {
        int status = 0;
        std::string body;
    };

    /// POSTs `json` to `target`; throws on a transport error (after one reconnect attempt, since a
    /// kept-alive connection may have been closed by the server in the meantime).
    Response PostJson(const std::string& target, const std::string& json);

  private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace saga::bench
