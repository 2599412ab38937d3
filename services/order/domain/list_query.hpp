#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "events/envelope.hpp"
#include "order/domain/order_status.hpp"

namespace saga::order::domain {

inline constexpr int kDefaultPageSize = 20;
inline constexpr int kMaxPageSize = 100;

/// GET /api/orders filters and page. Orders are listed newest first; `after` is the opaque
/// cursor of the previous page (the position of its last order).
struct ListQuery {
    std::optional<std::string> customer_id;
    std::optional<OrderStatus> status;
    int limit = kDefaultPageSize;
    std::optional<std::int64_t> after;
};

/// Validates the query parameters (each optional): customer_id (id), status (an order status),
/// limit (integer 1..100, default 20), after (a cursor this service produced). Returns the
/// query, or every violation named by its parameter.
std::variant<ListQuery, std::vector<events::FieldError>> ParseListQuery(const std::optional<std::string>& customer_id,
                                                                        const std::optional<std::string>& status,
                                                                        const std::optional<std::string>& limit,
                                                                        const std::optional<std::string>& after);

/// The cursor text for a page ending at listing position `seq`.
std::string EncodeCursor(std::int64_t seq);
/// The position in a cursor, or nullopt when the text is not one.
std::optional<std::int64_t> DecodeCursor(const std::string& cursor);

}  // namespace saga::order::domain
