#include "runtime/outbox/wakeup.hpp"

#include <sys/eventfd.h>
#include <unistd.h>

#include <cstdint>
#include <system_error>

namespace saga::runtime::outbox {

RelayWakeup::RelayWakeup() : fd_(eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) {
    if (fd_ < 0) throw std::system_error(errno, std::generic_category(), "eventfd");
}

RelayWakeup::~RelayWakeup() { close(fd_); }

void RelayWakeup::Signal() {
    const std::uint64_t one = 1;
    // EAGAIN means the counter is saturated: a wake-up is pending anyway.
    [[maybe_unused]] const auto written = write(fd_, &one, sizeof one);
}

bool RelayWakeup::Drain() {
    std::uint64_t count = 0;
    // EAGAIN (nothing pending) leaves count at 0.
    return read(fd_, &count, sizeof count) == sizeof count && count > 0;
}

}  // namespace saga::runtime::outbox
