#include "runtime/outbox/claim_pacer.hpp"

namespace saga::runtime::outbox {

ClaimPacer::ClaimPacer(std::chrono::milliseconds linger, double min_expected, std::chrono::milliseconds window)
    : linger_(linger), min_expected_(min_expected), window_(window) {}

void ClaimPacer::Claimed(std::size_t rows, Clock::time_point now) {
    if (window_start_ == Clock::time_point{}) window_start_ = now;
    const auto elapsed = now - window_start_;
    if (elapsed >= window_) {
        // The rows of this claim arrived during the window that just ended.
        last_rate_ = static_cast<double>(window_rows_ + rows) / std::chrono::duration<double>(elapsed).count();
        last_window_end_ = now;
        window_start_ = now;
        window_rows_ = 0;
        return;
    }
    window_rows_ += rows;
}

double ClaimPacer::RowsPerSecond(Clock::time_point now) const {
    // A window that ended over a window ago says nothing about now: the load went away.
    if (last_window_end_ == Clock::time_point{} || now - last_window_end_ > 2 * window_) return 0;
    return last_rate_;
}

std::chrono::milliseconds ClaimPacer::WaitBeforeClaim(Clock::time_point now) const {
    if (linger_.count() <= 0) return std::chrono::milliseconds{0};
    const double expected_rows = RowsPerSecond(now) * std::chrono::duration<double>(linger_).count();
    return expected_rows >= min_expected_ ? linger_ : std::chrono::milliseconds{0};
}

}  // namespace saga::runtime::outbox
