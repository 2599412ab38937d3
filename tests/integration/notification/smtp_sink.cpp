#include "smtp_sink.hpp"

#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "support/live_stack.hpp"
#include "support/service_process.hpp"

extern char** environ;

namespace saga::test {
namespace {

bool Accepts(int port) {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    const bool connected = connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    close(fd);
    return connected;
}

}  // namespace

SmtpSink::SmtpSink() : port_(FreePort()) {
    std::string pattern = (std::filesystem::temp_directory_path() / "saga-smtp-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot create a Maildir directory");
    directory_ = pattern + "/maildir";
    std::vector<std::string> args = {
        "/usr/bin/python3",          "-m",      "aiosmtpd", "-n", "-l", "127.0.0.1:" + std::to_string(port_), "-c",
        "aiosmtpd.handlers.Mailbox", directory_};
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    if (posix_spawn(&pid_, argv[0], nullptr, nullptr, argv.data(), environ) != 0) {
        throw std::runtime_error("cannot start aiosmtpd (install python3-aiosmtpd)");
    }
    const bool up = Eventually(
        [&] {
            int status = 0;
            if (waitpid(pid_, &status, WNOHANG) == pid_) {
                pid_ = -1;
                throw std::runtime_error("aiosmtpd exited at start (is python3-aiosmtpd installed?)");
            }
            return Accepts(port_);
        },
        std::chrono::seconds{15});
    if (!up) throw std::runtime_error("aiosmtpd did not listen in time");
}

SmtpSink::~SmtpSink() {
    if (pid_ > 0) {
        kill(pid_, SIGTERM);
        int status = 0;
        waitpid(pid_, &status, 0);
    }
    std::error_code ignored;
    std::filesystem::remove_all(std::filesystem::path(directory_).parent_path(), ignored);
}

std::vector<std::string> SmtpSink::Messages() const {
    std::vector<std::string> messages;
    const auto fresh = std::filesystem::path(directory_) / "new";
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(fresh, error)) {
        std::ifstream file(entry.path(), std::ios::binary);
        std::ostringstream text;
        text << file.rdbuf();
        messages.push_back(text.str());
    }
    return messages;
}

}  // namespace saga::test
