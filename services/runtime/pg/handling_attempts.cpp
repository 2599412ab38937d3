#include "runtime/pg/handling_attempts.hpp"

#include "runtime/pg/prepared.hpp"

namespace saga::runtime::pg {

int CountHandlingAttempt(Transaction& tx, const std::string& consumer, const std::string& message_id) {
    return Exec1(tx.work(),
                 "INSERT INTO handling_attempts (consumer, message_id, attempts) VALUES ($1, $2, 1)"
                 " ON CONFLICT (consumer, message_id) DO UPDATE"
                 " SET attempts = handling_attempts.attempts + 1, last_at = now() RETURNING attempts",
                 consumer, message_id)[0]
        .as<int>();
}

void ForgetHandlingAttempts(Transaction& tx, const std::string& consumer, const std::string& message_id) {
    Exec0(tx.work(), "DELETE FROM handling_attempts WHERE consumer = $1 AND message_id = $2", consumer, message_id);
}

}  // namespace saga::runtime::pg
