#pragma once

#include <optional>
#include <string>
#include <vector>

#include "inventory/domain/product_input.hpp"
#include "runtime/http/error.hpp"
#include "runtime/http/request.hpp"
#include "runtime/pg/database.hpp"
#include "runtime/service/admin_auth.hpp"

namespace saga::inventory::handlers {

using runtime::service::RequireAdmin;

/// Throws a 400 validation problem listing `errors` when there are any.
void ThrowIfInvalid(const std::vector<domain::FieldIssue>& errors);

/// Runs `work` in a transaction of `database`; an unreachable database answers 503.
template <class Work>
auto InTransaction(runtime::pg::Database& database, Work&& work) {
    try {
        return database.InTransaction(std::forward<Work>(work));
    } catch (const runtime::pg::DatabaseUnavailable&) {
        throw runtime::http::HttpError(runtime::http::ErrorKind::kUnavailable, "the database is unavailable");
    }
}

}  // namespace saga::inventory::handlers
