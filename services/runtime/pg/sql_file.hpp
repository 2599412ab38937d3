#pragma once

#include <string>
#include <vector>

namespace saga::runtime::pg {

/// A .sql file compiled into the binary (see cmake/embed_sql.cmake), so a deployed service
/// needs no files beside its executable.
struct SqlFile {
    std::string name;  ///< file name, e.g. "0001_outbox.sql"
    std::string text;
};

using SqlFiles = std::vector<SqlFile>;

}  // namespace saga::runtime::pg
