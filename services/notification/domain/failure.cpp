#include "notification/domain/failure.hpp"

#include <algorithm>

namespace saga::notification {
namespace {

constexpr std::size_t kMaxReasonLength = 1000;

}  // namespace

std::optional<std::chrono::milliseconds> RetryDelay(const RetryPolicy& policy, int attempts) {
    if (attempts >= policy.max_attempts) return std::nullopt;
    auto delay = policy.base_delay;
    for (int i = 1; i < attempts && delay < policy.max_delay; ++i) delay *= 2;
    return std::min(delay, policy.max_delay);
}

std::string FailureReason(std::string_view error) {
    std::string reason;
    for (const char c : error.substr(0, kMaxReasonLength)) {
        const auto byte = static_cast<unsigned char>(c);
        reason.push_back(byte >= 0x20 && byte < 0x7f ? c : '?');
    }
    return reason.empty() ? "unknown error" : reason;
}

}  // namespace saga::notification
