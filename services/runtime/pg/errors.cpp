#include "runtime/pg/errors.hpp"

#include <pqxx/pqxx>
#include <string>

namespace saga::runtime::pg {

bool IsUnavailable(const std::exception& error) {
    if (dynamic_cast<const DatabaseUnavailable*>(&error)) return true;
    if (dynamic_cast<const pqxx::broken_connection*>(&error)) return true;
    if (dynamic_cast<const pqxx::in_doubt_error*>(&error)) return true;
    if (dynamic_cast<const pqxx::statement_completion_unknown*>(&error)) return true;
    if (const auto* sql = dynamic_cast<const pqxx::sql_error*>(&error)) {
        const std::string state = sql->sqlstate();
        const auto in_class = [&](const char* prefix) { return state.rfind(prefix, 0) == 0; };
        // 08: connection exception; 57P01-57P03: admin/crash shutdown, cannot connect now;
        // 25006: read-only transaction (a standby, or the server set read-only: a failover);
        // 53: insufficient resources (disk full, out of memory, too many connections);
        // 58: system error (I/O error). None of them is the fault of what is being written.
        return in_class("08") || in_class("53") || in_class("58") || state == "25006" || state == "57P01" ||
               state == "57P02" || state == "57P03";
    }
    return false;
}

bool IsTransient(const std::exception& error) {
    return dynamic_cast<const pqxx::serialization_failure*>(&error) != nullptr ||
           dynamic_cast<const pqxx::deadlock_detected*>(&error) != nullptr;
}

}  // namespace saga::runtime::pg
