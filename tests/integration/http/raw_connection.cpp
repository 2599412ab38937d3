#include "integration/http/raw_connection.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <utility>

namespace saga::test {

namespace {

int Connect(std::uint16_t port) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) {
        throw std::runtime_error(std::string("socket: ") + std::strerror(errno));
    }
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof(address)) != 0) {
        int error = errno;
        ::close(fd);
        throw std::runtime_error(std::string("connect: ") + std::strerror(error));
    }
    return fd;
}

std::string Lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

}  // namespace

std::optional<std::string> RawConnection::Reply::Header(std::string_view name) const {
    std::string lower_head = Lower(head);
    std::string needle = "\r\n" + Lower(name) + ":";
    auto at = lower_head.find(needle);
    if (at == std::string::npos) {
        return std::nullopt;
    }
    auto start = head.find_first_not_of(' ', at + needle.size());
    auto end = head.find("\r\n", start);
    return head.substr(start, end - start);
}

RawConnection::RawConnection(std::uint16_t port, std::chrono::milliseconds timeout) : fd_(Connect(port)) {
    timeval tv{};
    tv.tv_sec = static_cast<time_t>(timeout.count() / 1000);
    tv.tv_usec = static_cast<suseconds_t>((timeout.count() % 1000) * 1000);
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
    ::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
}

RawConnection::~RawConnection() { ::close(fd_); }

void RawConnection::Send(std::string_view bytes) {
    while (!bytes.empty()) {
        ssize_t sent = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (sent < 0) {
            throw std::runtime_error(std::string("send: ") + std::strerror(errno));
        }
        bytes.remove_prefix(static_cast<std::size_t>(sent));
    }
}

bool RawConnection::Receive() {
    char chunk[4096];
    ssize_t received = ::recv(fd_, chunk, sizeof(chunk), 0);
    if (received < 0) {
        throw std::runtime_error(errno == EAGAIN || errno == EWOULDBLOCK
                                     ? std::string("recv: timed out")
                                     : std::string("recv: ") + std::strerror(errno));
    }
    buffer_.append(chunk, static_cast<std::size_t>(received));
    return received > 0;
}

RawConnection::Reply RawConnection::ReadHeadResponse() {
    std::size_t head_end;
    while ((head_end = buffer_.find("\r\n\r\n")) == std::string::npos) {
        if (!Receive()) {
            throw std::runtime_error("connection closed before a complete response head");
        }
    }
    Reply reply;
    reply.head = buffer_.substr(0, head_end + 2);
    buffer_.erase(0, head_end + 4);
    if (reply.head.size() < 12 || !reply.head.starts_with("HTTP/1.")) {
        throw std::runtime_error("not an HTTP response: " + reply.head);
    }
    reply.status = std::stoi(reply.head.substr(9, 3));
    return reply;
}

RawConnection::Reply RawConnection::ReadResponse() {
    Reply reply = ReadHeadResponse();
    std::size_t length = std::stoul(reply.Header("Content-Length").value_or("0"));
    while (buffer_.size() < length) {
        if (!Receive()) {
            throw std::runtime_error("connection closed in the middle of a response body");
        }
    }
    reply.body = buffer_.substr(0, length);
    buffer_.erase(0, length);
    return reply;
}

std::optional<std::string> RawConnection::ReadUntilClosed() {
    try {
        while (Receive()) {
        }
    } catch (const std::runtime_error& error) {
        // A reset is a close too; only a timeout means the peer kept the connection open.
        if (std::string_view(error.what()) == "recv: timed out") {
            return std::nullopt;
        }
    }
    return std::exchange(buffer_, {});
}

bool RawConnection::CanConnect(std::uint16_t port) {
    try {
        RawConnection probe(port);
        return true;
    } catch (const std::runtime_error&) {
        return false;
    }
}

}  // namespace saga::test
