#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace saga::notification {

/// libcurl's global state, set up before and torn down after every other use of libcurl: make
/// one in main() before any thread starts (curl_global_init is not thread-safe).
class CurlGlobal {
  public:
    CurlGlobal();
    ~CurlGlobal();
    CurlGlobal(const CurlGlobal&) = delete;
    CurlGlobal& operator=(const CurlGlobal&) = delete;
};

/// One libcurl easy handle with its header/recipient lists, freed on destruction. Keeps curl
/// types out of the channels' headers. Not thread-safe; one per transfer.
class CurlEasy {
  public:
    /// Throws std::runtime_error when libcurl cannot make a handle.
    explicit CurlEasy(std::chrono::milliseconds timeout);
    ~CurlEasy();
    CurlEasy(const CurlEasy&) = delete;
    CurlEasy& operator=(const CurlEasy&) = delete;

    /// An HTTP POST of `body` with the given header lines ("Name: value") to `url`. Returns the
    /// response status; throws std::runtime_error naming the transport failure.
    long Post(const std::string& url, const std::string& body, const std::vector<std::string>& headers);

    /// Submits `message` (an RFC 5322 message with CRLF line ends) over SMTP to `url`, from
    /// `from` to `recipient`. Throws std::runtime_error with the server's or libcurl's complaint.
    void SendMail(const std::string& url, const std::string& from, const std::string& recipient,
                  const std::string& message);

  private:
    void Perform(const std::string& what);

    void* curl_;                // CURL*
    std::vector<void*> lists_;  // curl_slist* to free
    std::string error_;
};

}  // namespace saga::notification
