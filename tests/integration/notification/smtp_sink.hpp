#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace saga::test {

/// A real SMTP server for tests: Debian's aiosmtpd (python3-aiosmtpd) on a free loopback port,
/// storing every message it accepts in a Maildir. Stopped (SIGTERM) and its Maildir removed
/// when destroyed.
class SmtpSink {
  public:
    SmtpSink();
    ~SmtpSink();
    SmtpSink(const SmtpSink&) = delete;
    SmtpSink& operator=(const SmtpSink&) = delete;

    /// smtp://127.0.0.1:<port>
    std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }
    /// Every message received so far, as stored (headers, blank line, body). aiosmtpd adds
    /// X-MailFrom and X-RcptTo headers with the SMTP envelope.
    std::vector<std::string> Messages() const;

  private:
    int port_;
    std::string directory_;
    pid_t pid_ = -1;
};

}  // namespace saga::test
