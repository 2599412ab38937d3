#include "order/domain/list_query.hpp"

#include <fmt/format.h>

#include <charconv>

#include "events/formats.hpp"

namespace saga::order::domain {
namespace {

constexpr std::string_view kCursorPrefix = "o";

std::optional<std::int64_t> ParseInteger(std::string_view text) {
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

}  // namespace

std::variant<ListQuery, std::vector<events::FieldError>> ParseListQuery(const std::optional<std::string>& customer_id,
                                                                        const std::optional<std::string>& status,
                                                                        const std::optional<std::string>& limit,
                                                                        const std::optional<std::string>& after) {
    ListQuery query;
    std::vector<events::FieldError> errors;
    if (customer_id) {
        if (events::IsId(*customer_id)) {
            query.customer_id = *customer_id;
        } else {
            errors.push_back({"customer_id", "must be " + events::IdFormat().description()});
        }
    }
    if (status) {
        query.status = events::ParseEnum<OrderStatus>(*status);
        if (!query.status) {
            errors.push_back({"status", "must be one of PENDING, AWAITING_PAYMENT, CONFIRMED, REJECTED, CANCELLED"});
        }
    }
    if (limit) {
        const auto value = ParseInteger(*limit);
        if (value && *value >= 1 && *value <= kMaxPageSize) {
            query.limit = static_cast<int>(*value);
        } else {
            errors.push_back({"limit", "must be an integer from 1 to " + std::to_string(kMaxPageSize)});
        }
    }
    if (after) {
        query.after = DecodeCursor(*after);
        if (!query.after) errors.push_back({"after", "must be the `next` cursor of a previous page"});
    }
    if (!errors.empty()) return errors;
    return query;
}

std::string EncodeCursor(std::int64_t seq) { return fmt::format("{}{}", kCursorPrefix, seq); }

std::optional<std::int64_t> DecodeCursor(const std::string& cursor) {
    if (!cursor.starts_with(kCursorPrefix)) return std::nullopt;
    const auto value = ParseInteger(std::string_view(cursor).substr(kCursorPrefix.size()));
    if (!value || *value < 1) return std::nullopt;
    return value;
}

}  // namespace saga::order::domain
