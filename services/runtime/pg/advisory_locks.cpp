#include "runtime/pg/advisory_locks.hpp"

#include "runtime/pg/array_literal.hpp"
#include "runtime/pg/prepared.hpp"

namespace saga::runtime::pg {

void LockIds(Transaction& tx, const std::set<std::string>& ids) {
    if (ids.empty()) return;
    // unnest keeps the array's order, the set's.
    Exec(tx.work(), "SELECT pg_advisory_xact_lock(hashtextextended(id, 0)) FROM unnest($1::text[]) AS id",
         ArrayLiteral({ids.begin(), ids.end()}));
}

}  // namespace saga::runtime::pg
