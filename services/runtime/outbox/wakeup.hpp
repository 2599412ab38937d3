#pragma once

namespace saga::runtime::outbox {

/// Wakes the in-process outbox relay right after a transaction that wrote outbox rows has
/// committed: an eventfd, so a signal costs one syscall and never touches the database.
/// Thread-safe.
class RelayWakeup {
  public:
    RelayWakeup();
    ~RelayWakeup();
    RelayWakeup(const RelayWakeup&) = delete;
    RelayWakeup& operator=(const RelayWakeup&) = delete;

    void Signal();
    /// Readable while a signal is pending; poll it, then Drain().
    int fd() const { return fd_; }
    /// Consumes the pending signals; true if there was any. Never blocks.
    bool Drain();

  private:
    int fd_;
};

}  // namespace saga::runtime::outbox
