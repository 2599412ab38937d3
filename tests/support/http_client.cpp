#include "support/http_client.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <stdexcept>

namespace saga::test {

namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
    auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [&](char x, char y) { return lower(x) == lower(y); });
}

bool HasHeader(const HttpHeaders& headers, std::string_view name) {
    return std::any_of(headers.begin(), headers.end(),
                       [&](const auto& header) { return EqualsIgnoreCase(header.first, name); });
}

std::string_view Trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n'))
        text.remove_suffix(1);
    return text;
}

void InitCurlOnce() {
    static const bool initialised = [] {
        if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
            throw std::runtime_error("curl_global_init failed");
        }
        return true;
    }();
    (void)initialised;
}

size_t CollectBody(char* data, size_t size, size_t count, void* user) {
    static_cast<std::string*>(user)->append(data, size * count);
    return size * count;
}

// Called once per header line; a status line starts a new header block (e.g. after "100 Continue"), so only
// the final response's headers remain.
size_t CollectHeader(char* data, size_t size, size_t count, void* user) {
    auto* headers = static_cast<HttpHeaders*>(user);
    std::string_view line(data, size * count);
    if (line.starts_with("HTTP/")) {
        headers->clear();
    } else if (auto colon = line.find(':'); colon != std::string_view::npos) {
        headers->emplace_back(std::string(Trim(line.substr(0, colon))), std::string(Trim(line.substr(colon + 1))));
    }
    return size * count;
}

class HeaderList {
  public:
    ~HeaderList() { curl_slist_free_all(list_); }
    void Add(const std::string& line) {
        curl_slist* next = curl_slist_append(list_, line.c_str());
        if (next == nullptr) {
            throw std::runtime_error("curl_slist_append failed");
        }
        list_ = next;
    }
    curl_slist* get() const { return list_; }

  private:
    curl_slist* list_ = nullptr;
};

}  // namespace

std::optional<std::string> HttpResponse::Header(std::string_view name) const {
    for (const auto& [key, value] : headers) {
        if (EqualsIgnoreCase(key, name)) {
            return value;
        }
    }
    return std::nullopt;
}

nlohmann::json HttpResponse::Json() const { return nlohmann::json::parse(body); }

HttpClient::HttpClient(std::string base_url, std::chrono::milliseconds timeout)
    : base_url_(std::move(base_url)), timeout_(timeout) {
    InitCurlOnce();
    curl_ = curl_easy_init();
    if (curl_ == nullptr) {
        throw std::runtime_error("curl_easy_init failed");
    }
}

HttpClient::~HttpClient() { curl_easy_cleanup(static_cast<CURL*>(curl_)); }

HttpResponse HttpClient::Request(std::string_view method, std::string_view path, std::string_view body,
                                 const HttpHeaders& headers) {
    CURL* curl = static_cast<CURL*>(curl_);
    // Reset clears options from the previous request but keeps the open connection for reuse.
    curl_easy_reset(curl);

    HeaderList header_list;
    for (const auto& [name, value] : headers) {
        header_list.Add(name + ": " + value);
    }
    // A bare "Name:" tells curl not to send its own default for that header.
    if (!HasHeader(headers, "Expect")) header_list.Add("Expect:");
    if (!HasHeader(headers, "Content-Type")) header_list.Add("Content-Type:");
    if (!HasHeader(headers, "Accept")) header_list.Add("Accept:");

    HttpResponse response;
    std::string url = base_url_ + std::string(path);
    std::string method_text(method);
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout_.count()));
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, header_list.get());
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &CollectBody);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, &CollectHeader);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response.headers);
    if (method == "HEAD") {
        curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
    } else if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH") {
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.empty() ? "" : body.data());
        curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method_text.c_str());
    } else if (method != "GET") {
        curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method_text.c_str());
    }

    CURLcode result = curl_easy_perform(curl);
    if (result != CURLE_OK) {
        throw std::runtime_error(method_text + " " + url + ": " + curl_easy_strerror(result));
    }
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
    curl_easy_getinfo(curl, CURLINFO_NUM_CONNECTS, &last_new_connections_);
    return response;
}

HttpResponse HttpClient::Get(std::string_view path, const HttpHeaders& headers) {
    return Request("GET", path, {}, headers);
}

HttpResponse HttpClient::PostJson(std::string_view path, const nlohmann::json& body, HttpHeaders headers) {
    if (!HasHeader(headers, "Content-Type")) {
        headers.emplace_back("Content-Type", "application/json");
    }
    return Request("POST", path, body.dump(), headers);
}

}  // namespace saga::test
