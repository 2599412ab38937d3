#include "payment/handlers/list_payments.hpp"

#include "events/formats.hpp"
#include "payment/handlers/payment_json.hpp"
#include "payment/handlers/with_database.hpp"
#include "payment/storage/payment_store.hpp"

namespace saga::payment {

runtime::http::Handler ListPaymentsHandler(runtime::pg::Database& database) {
    return [&database](const runtime::http::Request& request) {
        using runtime::http::ErrorKind;
        using runtime::http::HttpError;
        const auto order_id = request.Query("order_id");
        // Listing every payment is not offered: without an order it would be unbounded.
        if (!order_id) throw HttpError(ErrorKind::kValidation, "order_id is required", {{"order_id", "is required"}});
        if (!events::IsId(*order_id)) {
            throw HttpError(ErrorKind::kValidation, "order_id is not a valid id",
                            {{"order_id", "must be " + events::IdFormat().description()}});
        }
        const auto payments = WithDatabase(
            database, [&](runtime::pg::Transaction& tx) { return PaymentStore::ListForOrder(tx, *order_id); });
        auto list = nlohmann::json::array();
        for (const auto& payment : payments) list.push_back(PaymentJson(payment));
        return runtime::http::Json(200, nlohmann::json{{"payments", list}});
    };
}

}  // namespace saga::payment
