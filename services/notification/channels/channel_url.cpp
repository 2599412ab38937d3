#include "notification/channels/channel_url.hpp"

#include <curl/curl.h>

#include <memory>

namespace saga::notification {
namespace {

struct UrlHandleFree {
    void operator()(CURLU* handle) const { curl_url_cleanup(handle); }
};
using UrlHandle = std::unique_ptr<CURLU, UrlHandleFree>;

struct Parsed {
    UrlHandle handle;
    CURLUcode code;
};

Parsed Parse(const std::string& url) {
    UrlHandle handle(curl_url());
    if (!handle) return {nullptr, CURLUE_OUT_OF_MEMORY};
    const CURLUcode code = curl_url_set(handle.get(), CURLUPART_URL, url.c_str(), 0);
    return {std::move(handle), code};
}

std::string Part(CURLU* handle, CURLUPart part) {
    char* text = nullptr;
    if (curl_url_get(handle, part, &text, 0) != CURLUE_OK || text == nullptr) return "";
    std::string value(text);
    curl_free(text);
    return value;
}

}  // namespace

std::optional<std::string> UrlProblem(const std::string& url) {
    const Parsed parsed = Parse(url);
    if (parsed.code != CURLUE_OK) return std::string(curl_url_strerror(parsed.code));
    if (Part(parsed.handle.get(), CURLUPART_HOST).empty()) return std::string("no host");
    return std::nullopt;
}

std::string UrlForMessages(const std::string& url) {
    const Parsed parsed = Parse(url);
    if (parsed.code != CURLUE_OK) return "(an invalid URL)";
    CURLU* handle = parsed.handle.get();
    const std::string port = Part(handle, CURLUPART_PORT);
    return Part(handle, CURLUPART_SCHEME) + "://" + Part(handle, CURLUPART_HOST) + (port.empty() ? "" : ":" + port) +
           Part(handle, CURLUPART_PATH);
}

}  // namespace saga::notification
