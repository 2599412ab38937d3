#include "notification/channels/curl_easy.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>

#include "notification/channels/channel_url.hpp"

namespace saga::notification {
namespace {

struct Upload {
    const std::string& data;
    std::size_t offset = 0;
};

std::size_t ReadUpload(char* buffer, std::size_t size, std::size_t count, void* user) {
    auto& upload = *static_cast<Upload*>(user);
    const std::size_t n = std::min(size * count, upload.data.size() - upload.offset);
    std::memcpy(buffer, upload.data.data() + upload.offset, n);
    upload.offset += n;
    return n;
}

std::size_t Discard(char*, std::size_t size, std::size_t count, void*) { return size * count; }

}  // namespace

CurlGlobal::CurlGlobal() {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) throw std::runtime_error("libcurl: global init failed");
}

CurlGlobal::~CurlGlobal() { curl_global_cleanup(); }

CurlEasy::CurlEasy(std::chrono::milliseconds timeout) : curl_(curl_easy_init()), error_(CURL_ERROR_SIZE, '\0') {
    if (curl_ == nullptr) throw std::runtime_error("libcurl: cannot create a handle");
    CURL* curl = static_cast<CURL*>(curl_);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout.count()));
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(timeout.count()));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_.data());
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, Discard);
}

CurlEasy::~CurlEasy() {
    curl_easy_cleanup(static_cast<CURL*>(curl_));
    for (void* list : lists_) curl_slist_free_all(static_cast<curl_slist*>(list));
}

long CurlEasy::Post(const std::string& url, const std::string& body, const std::vector<std::string>& headers) {
    CURL* curl = static_cast<CURL*>(curl_);
    curl_slist* list = nullptr;
    for (const auto& header : headers) list = curl_slist_append(list, header.c_str());
    lists_.push_back(list);
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    Perform("POST " + UrlForMessages(url));
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    return status;
}

void CurlEasy::SendMail(const std::string& url, const std::string& from, const std::string& recipient,
                        const std::string& message) {
    CURL* curl = static_cast<CURL*>(curl_);
    curl_slist* recipients = curl_slist_append(nullptr, ("<" + recipient + ">").c_str());
    lists_.push_back(recipients);
    Upload upload{message};
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, ("<" + from + ">").c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, ReadUpload);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
    Perform("SMTP " + UrlForMessages(url));
}

void CurlEasy::Perform(const std::string& what) {
    std::fill(error_.begin(), error_.end(), '\0');
    const CURLcode code = curl_easy_perform(static_cast<CURL*>(curl_));
    if (code == CURLE_OK) return;
    const std::string detail = error_.c_str()[0] != '\0' ? std::string(error_.c_str()) : curl_easy_strerror(code);
    throw std::runtime_error(what + ": " + detail);
}

}  // namespace saga::notification
