#include "runtime/pg/inbox.hpp"

#include <set>
#include <unordered_set>

#include "runtime/pg/array_literal.hpp"
#include "runtime/pg/prepared.hpp"

namespace saga::runtime::pg {

bool RecordInInbox(Transaction& tx, const std::string& consumer, const std::string& message_id) {
    const pqxx::result result =
        Exec(tx.work(), "INSERT INTO inbox (consumer, message_id) VALUES ($1, $2) ON CONFLICT DO NOTHING", consumer,
             message_id);
    return result.affected_rows() == 1;
}

std::vector<bool> RecordAllInInbox(Transaction& tx, const std::string& consumer,
                                   const std::vector<std::string>& message_ids) {
    // In id order (the set's, kept by unnest), not the batch's: two instances given the same
    // messages in another order (a copy back from a retry queue) would each wait on a row the
    // other inserted, until the deadlock detector failed one batch.
    const std::set<std::string> sorted(message_ids.begin(), message_ids.end());
    const pqxx::result inserted =
        Exec(tx.work(),
             "INSERT INTO inbox (consumer, message_id) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING"
             " RETURNING message_id",
             consumer, ArrayLiteral({sorted.begin(), sorted.end()}));
    std::unordered_set<std::string> new_ids;
    for (const auto& row : inserted) new_ids.insert(row[0].as<std::string>());
    std::vector<bool> fresh;
    fresh.reserve(message_ids.size());
    // Erasing on first sight makes a repeat within the batch a duplicate.
    for (const auto& id : message_ids) fresh.push_back(new_ids.erase(id) == 1);
    return fresh;
}

bool IsInInbox(pqxx::transaction_base& work, const std::string& consumer, const std::string& message_id) {
    return !Exec(work, "SELECT 1 FROM inbox WHERE consumer = $1 AND message_id = $2", consumer, message_id).empty();
}

}  // namespace saga::runtime::pg
