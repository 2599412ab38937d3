#pragma once

#include "runtime/http/error.hpp"
#include "runtime/pg/database.hpp"

namespace saga::payment {

/// Runs `work` in a transaction on `database`; an unreachable database answers 503, not 500.
template <class Work>
auto WithDatabase(runtime::pg::Database& database, Work&& work) {
    try {
        return database.InTransaction(std::forward<Work>(work));
    } catch (const runtime::pg::DatabaseUnavailable&) {
        throw runtime::http::HttpError(runtime::http::ErrorKind::kUnavailable, "the database is unavailable");
    }
}

}  // namespace saga::payment
