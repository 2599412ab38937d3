#include "runtime/pg/inbox.hpp"

#include "runtime/pg/prepared.hpp"

namespace saga::runtime::pg {

bool RecordInInbox(Transaction& tx, const std::string& consumer, const std::string& message_id) {
    const pqxx::result result =
        Exec(tx.work(), "INSERT INTO inbox (consumer, message_id) VALUES ($1, $2) ON CONFLICT DO NOTHING", consumer,
             message_id);
    return result.affected_rows() == 1;
}

bool IsInInbox(pqxx::work& work, const std::string& consumer, const std::string& message_id) {
    return !Exec(work, "SELECT 1 FROM inbox WHERE consumer = $1 AND message_id = $2", consumer, message_id).empty();
}

}  // namespace saga::runtime::pg
