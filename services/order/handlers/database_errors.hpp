#pragma once

#include <string>
#include <vector>

#include "events/envelope.hpp"
#include "runtime/http/error.hpp"
#include "runtime/pg/database.hpp"

namespace saga::order::handlers {

/// Runs `work`; an unreachable database answers 503 instead of a 500, since the client may
/// simply retry.
template <class Work>
auto Or503(Work&& work) {
    try {
        return work();
    } catch (const runtime::pg::DatabaseUnavailable&) {
        throw runtime::http::HttpError(runtime::http::ErrorKind::kUnavailable,
                                       "the order database is unavailable; retry later");
    }
}

/// Runs `work` in a transaction of `database`, answering 503 when the database is unreachable.
template <class Work>
auto InTransactionOr503(runtime::pg::Database& database, Work&& work) {
    return Or503([&] { return database.InTransaction(std::forward<Work>(work)); });
}

/// Validation errors of the domain as HTTP field errors.
inline std::vector<runtime::http::FieldError> ToFieldErrors(const std::vector<events::FieldError>& errors) {
    std::vector<runtime::http::FieldError> out;
    for (const auto& error : errors) out.push_back({error.field, error.message});
    return out;
}

}  // namespace saga::order::handlers
