#include "payment/handlers/get_payment.hpp"

#include <algorithm>
#include <cctype>

#include "events/formats.hpp"
#include "payment/handlers/payment_json.hpp"
#include "payment/handlers/with_database.hpp"
#include "payment/storage/payment_store.hpp"

namespace saga::payment {

runtime::http::Handler GetPaymentHandler(runtime::pg::Database& database) {
    return [&database](const runtime::http::Request& request) {
        std::string payment_id = request.PathParam("payment_id");
        // uuids are case-insensitive; ours are stored and shown in lowercase.
        std::ranges::transform(payment_id, payment_id.begin(),
                               [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        const auto not_found = runtime::http::HttpError(runtime::http::ErrorKind::kNotFound,
                                                        "no payment " + request.PathParam("payment_id"));
        if (!events::IsUuid(payment_id)) throw not_found;
        const auto payment =
            WithDatabase(database, [&](runtime::pg::Transaction& tx) { return PaymentStore::Find(tx, payment_id); });
        if (!payment) throw not_found;
        return runtime::http::Json(200, PaymentJson(*payment));
    };
}

}  // namespace saga::payment
