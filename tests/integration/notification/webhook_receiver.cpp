#include "webhook_receiver.hpp"

#include "runtime/http/response.hpp"

namespace saga::test {

WebhookReceiver::WebhookReceiver(int failures)
    : failures_(failures),
      server_(std::make_unique<runtime::http::Server>(runtime::http::ServerConfig{}, MakeRouter())),
      run_(std::async(std::launch::async, [this] { server_->Run(); })) {}

WebhookReceiver::~WebhookReceiver() {
    server_->Stop();
    run_.wait();
}

std::string WebhookReceiver::url() const {
    return "http://127.0.0.1:" + std::to_string(server_->BoundPort()) + "/hook";
}

std::vector<std::pair<std::string, nlohmann::json>> WebhookReceiver::Received() const {
    std::lock_guard lock(mutex_);
    return received_;
}

runtime::http::Router WebhookReceiver::MakeRouter() {
    runtime::http::Router router;
    router.Add("POST", "/hook", [this](const runtime::http::Request& request) {
        {
            std::lock_guard lock(mutex_);
            received_.emplace_back(request.Header("Content-Type").value_or(""),
                                   nlohmann::json::parse(request.body, nullptr, false));
        }
        const int number = ++requests_;
        if (failures_ < 0 || number <= failures_) {
            return runtime::http::Json(500, {{"error", "receiver is failing on purpose"}});
        }
        return runtime::http::Response{.status = 204, .content_type = "", .headers = {}, .body = ""};
    });
    return router;
}

}  // namespace saga::test
