#include "keep_alive_client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <stdexcept>

namespace saga::bench {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using tcp = asio::ip::tcp;

struct KeepAliveClient::State {
    asio::io_context io;
    tcp::resolver::results_type endpoints;
    tcp::socket socket{io};
    boost::beast::flat_buffer buffer;
    std::string host;

    void Connect() {
        boost::system::error_code ignored;
        socket.close(ignored);
        socket = tcp::socket(io);
        asio::connect(socket, endpoints);
        socket.set_option(tcp::no_delay(true));
        buffer.clear();
    }
};

KeepAliveClient::KeepAliveClient(const std::string& base_url) : state_(std::make_unique<State>()) {
    const std::string prefix = "http://";
    if (base_url.rfind(prefix, 0) != 0) throw std::invalid_argument("not an http:// URL: " + base_url);
    const std::string authority = base_url.substr(prefix.size(), base_url.find('/', prefix.size()) - prefix.size());
    const auto colon = authority.rfind(':');
    const std::string host = authority.substr(0, colon);
    const std::string port = colon == std::string::npos ? "80" : authority.substr(colon + 1);
    state_->host = authority;
    state_->endpoints = tcp::resolver(state_->io).resolve(host, port);
    state_->Connect();
}

KeepAliveClient::~KeepAliveClient() = default;

KeepAliveClient::Response KeepAliveClient::PostJson(const std::string& target, const std::string& json) {
    http::request<http::string_body> request{http::verb::post, target, 11};
    request.set(http::field::host, state_->host);
    request.set(http::field::content_type, "application/json");
    request.keep_alive(true);
    request.body() = json;
    request.prepare_payload();
    for (int attempt = 0;; ++attempt) {
        try {
            http::write(state_->socket, request);
            http::response<http::string_body> response;
            http::read(state_->socket, state_->buffer, response);
            if (!response.keep_alive()) state_->Connect();
            return {static_cast<int>(response.result_int()), std::move(response.body())};
        } catch (const boost::system::system_error&) {
            if (attempt > 0) throw;
            state_->Connect();
        }
    }
}

}  // namespace saga::bench
