#include "sagactl/storage/queries.hpp"

#include <stdexcept>

#include "runtime/pg/sql_file.hpp"

namespace saga::embedded {
const saga::runtime::pg::SqlFiles& SagactlQueries();
}  // namespace saga::embedded

namespace saga::sagactl {

const std::string& Query(std::string_view file_name) {
    for (const auto& file : embedded::SagactlQueries()) {
        if (file.name == file_name) return file.text;
    }
    throw std::logic_error("sagactl: no embedded query " + std::string(file_name));
}

}  // namespace saga::sagactl
