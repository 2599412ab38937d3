#include "console/upstream/http_fetch.hpp"

#include <curl/curl.h>

#include <cctype>
#include <memory>

namespace saga::console {
namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    }
    return true;
}

std::string Trim(std::string_view text) {
    while (!text.empty() && (text.back() == '\r' || text.back() == '\n' || text.back() == ' ')) text.remove_suffix(1);
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    return std::string(text);
}

std::size_t CollectBody(char* data, std::size_t size, std::size_t count, void* user) {
    static_cast<std::string*>(user)->append(data, size * count);
    return size * count;
}

// Header lines arrive one by one; a status line starts a new response (after 100 Continue or a
// redirect we keep only the final one).
std::size_t CollectHeader(char* data, std::size_t size, std::size_t count, void* user) {
    auto& headers = *static_cast<UpstreamHeaders*>(user);
    std::string_view line(data, size * count);
    if (line.starts_with("HTTP/")) {
        headers.clear();
    } else if (auto colon = line.find(':'); colon != std::string_view::npos) {
        headers.emplace_back(Trim(line.substr(0, colon)), Trim(line.substr(colon + 1)));
    }
    return size * count;
}

struct EasyDeleter {
    void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct ListDeleter {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

}  // namespace

std::optional<std::string> UpstreamResponse::Header(std::string_view name) const {
    for (const auto& [key, value] : headers) {
        if (EqualsIgnoreCase(key, name)) return value;
    }
    return std::nullopt;
}

UpstreamLibrary::UpstreamLibrary() {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) throw std::runtime_error("libcurl: global init failed");
}

UpstreamLibrary::~UpstreamLibrary() { curl_global_cleanup(); }

UpstreamResponse Fetch(const UpstreamRequest& request) {
    std::unique_ptr<CURL, EasyDeleter> easy(curl_easy_init());
    if (!easy) throw UpstreamError(false, "libcurl: cannot create a handle");
    CURL* curl = easy.get();
    std::unique_ptr<curl_slist, ListDeleter> list;
    auto append = [&](const std::string& line) {
        curl_slist* grown = curl_slist_append(list.get(), line.c_str());
        if (grown == nullptr) throw UpstreamError(false, "libcurl: out of memory");
        list.release();
        list.reset(grown);
    };
    for (const auto& [name, value] : request.headers) append(name + ": " + value);
    // No "Expect: 100-continue" round trip before a body.
    append("Expect:");

    UpstreamResponse response;
    std::string error(CURL_ERROR_SIZE, '\0');
    curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
    // The path as built, never with dot segments resolved by libcurl.
    curl_easy_setopt(curl, CURLOPT_PATH_AS_IS, 1L);
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list.get());
    const bool has_body =
        !request.body.empty() || request.method == "POST" || request.method == "PUT" || request.method == "PATCH";
    if (has_body) {
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    } else if (request.method == "HEAD") {
        curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
    }
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeout.count()));
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(request.timeout.count()));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error.data());
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, CollectBody);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, CollectHeader);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response.headers);

    const CURLcode code = curl_easy_perform(curl);
    if (code != CURLE_OK) {
        const std::string detail = error.c_str()[0] != '\0' ? std::string(error.c_str()) : curl_easy_strerror(code);
        throw UpstreamError(code == CURLE_OPERATION_TIMEDOUT, detail);
    }
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
    return response;
}

std::string PercentEncode(std::string_view text, bool keep_slash) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || (keep_slash && c == '/')) {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back('%');
            out.push_back(kHex[c >> 4]);
            out.push_back(kHex[c & 15]);
        }
    }
    return out;
}

}  // namespace saga::console
