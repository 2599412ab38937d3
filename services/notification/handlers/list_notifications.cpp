#include "notification/handlers/list_notifications.hpp"

#include "events/enum_text.hpp"
#include "events/formats.hpp"
#include "notification/storage/notification_store.hpp"
#include "runtime/http/response.hpp"

namespace saga::notification {
namespace {

using runtime::http::ErrorKind;
using runtime::http::HttpError;

std::string OrderIdOf(const runtime::http::Request& request) {
    const auto order_id = request.Query("order_id");
    if (!order_id || order_id->empty()) {
        throw HttpError(ErrorKind::kValidation, "order_id is required", {{"order_id", "is required"}});
    }
    if (!events::IsId(*order_id)) {
        throw HttpError(ErrorKind::kValidation, "order_id is malformed",
                        {{"order_id", "must be " + events::IdFormat().description()}});
    }
    return *order_id;
}

nlohmann::json ToJson(const Notification& n) {
    nlohmann::json json = {{"notification_id", n.notification_id},
                           {"order_id", n.order_id},
                           {"event_type", n.event_type},
                           {"channel", events::ToText(n.channel)},
                           {"recipient", n.recipient},
                           {"status", ToText(n.status)},
                           {"attempts", n.attempts}};
    if (n.sent_at) json["sent_at"] = *n.sent_at;
    return json;
}

}  // namespace

runtime::http::Handler ListNotificationsHandler(runtime::pg::Database& database) {
    return [&database](const runtime::http::Request& request) {
        const std::string order_id = OrderIdOf(request);
        std::vector<Notification> notifications;
        try {
            notifications = database.InTransaction(
                [&](runtime::pg::Transaction& tx) { return NotificationsOfOrder(tx, order_id); });
        } catch (const runtime::pg::DatabaseUnavailable&) {
            throw HttpError(ErrorKind::kUnavailable, "the database is unavailable; try again later");
        }
        auto list = nlohmann::json::array();
        for (const auto& notification : notifications) list.push_back(ToJson(notification));
        return runtime::http::Json(200, {{"notifications", std::move(list)}});
    };
}

}  // namespace saga::notification
