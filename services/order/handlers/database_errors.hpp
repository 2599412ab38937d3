#pragma once

#include <string>
#include <vector>

#include "events/envelope.hpp"
#include "runtime/http/error.hpp"
#include "runtime/pg/database.hpp"

namespace saga::order::handlers {

/// Runs `work` in a transaction of `database`; an unreachable database answers 503 instead of
/// a 500, since the client may simply retry.
template <class Work>
auto InTransactionOr503(runtime::pg::Database& database, Work&& work) {
    try {
        return database.InTransaction(std::forward<Work>(work));
    } catch (const runtime::pg::DatabaseUnavailable&) {
        throw runtime::http::HttpError(runtime::http::ErrorKind::kUnavailable,
                                       "the order database is unavailable; retry later");
    }
}

/// Validation errors of the domain as HTTP field errors.
inline std::vector<runtime::http::FieldError> ToFieldErrors(const std::vector<events::FieldError>& errors) {
    std::vector<runtime::http::FieldError> out;
    for (const auto& error : errors) out.push_back({error.field, error.message});
    return out;
}

}  // namespace saga::order::handlers
