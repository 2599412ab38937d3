#include "notification/domain/notification.hpp"

#include <array>

namespace saga::notification {
namespace {

constexpr std::array<std::string_view, 3> kStatusNames{"PENDING", "SENT", "FAILED"};

}  // namespace

std::string_view ToText(NotificationStatus status) { return kStatusNames.at(static_cast<std::size_t>(status)); }

std::optional<NotificationStatus> ParseStatus(std::string_view text) {
    for (std::size_t i = 0; i < kStatusNames.size(); ++i) {
        if (kStatusNames[i] == text) return static_cast<NotificationStatus>(i);
    }
    return std::nullopt;
}

}  // namespace saga::notification
