#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace saga::test {

/// A plain TCP connection to 127.0.0.1 for tests that need exact bytes on the wire (malformed requests,
/// several requests on one connection). Every read gives up after `timeout`.
class RawConnection {
  public:
    struct Reply {
        int status = 0;
        std::string head;  ///< status line and headers, as received
        std::string body;
        std::optional<std::string> Header(std::string_view name) const;
    };

    explicit RawConnection(std::uint16_t port, std::chrono::milliseconds timeout = std::chrono::seconds(10));
    ~RawConnection();
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    void Send(std::string_view bytes);
    /// Reads one response (a "100 Continue" counts as one). Throws std::runtime_error when the connection
    /// closes or the timeout passes first.
    Reply ReadResponse();
    /// Reads the response to a HEAD request: its head only, since such a response has no body whatever its
    /// Content-Length says.
    Reply ReadHeadResponse();
    /// Everything received until the peer closed (or reset) the connection; nullopt when it is still open
    /// at the timeout.
    std::optional<std::string> ReadUntilClosed();

    /// Whether a new TCP connection to `port` is accepted right now.
    static bool CanConnect(std::uint16_t port);

  private:
    /// Appends what arrives to buffer_; false on orderly close, throws on timeout or error.
    bool Receive();

    int fd_ = -1;
    std::string buffer_;
};

}  // namespace saga::test
