#include "order/handlers/order_json.hpp"

#include "order/domain/money.hpp"

namespace saga::order::handlers {

nlohmann::json OrderToJson(const domain::Order& order, bool with_history) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& line : order.items) {
        nlohmann::json item = {{"product_id", line.product_id}, {"quantity", line.quantity}};
        if (line.unit_price_cents) item["unit_price"] = domain::CentsToAmount(*line.unit_price_cents);
        items.push_back(std::move(item));
    }
    nlohmann::json json = {
        {"order_id", order.order_id},     {"customer_id", order.customer_id}, {"status", events::ToText(order.status)},
        {"items", std::move(items)},      {"currency", order.currency},       {"created_at", order.created_at},
        {"updated_at", order.updated_at},
    };
    if (order.reason) json["reason"] = *order.reason;
    if (order.total_cents) json["total"] = domain::CentsToAmount(*order.total_cents);
    if (with_history) {
        nlohmann::json history = nlohmann::json::array();
        for (const auto& entry : order.history) {
            nlohmann::json step = {{"status", events::ToText(entry.status)}, {"at", entry.at}};
            if (entry.reason) step["reason"] = *entry.reason;
            if (entry.event_id) step["event_id"] = *entry.event_id;
            history.push_back(std::move(step));
        }
        json["history"] = std::move(history);
    }
    return json;
}

}  // namespace saga::order::handlers
