#pragma once

#include <string>
#include <string_view>

namespace saga::sagactl {

/// The text of queries/<file_name> (compiled in by saga_embed_sql). Throws std::logic_error
/// for a name that is not there: a programming error, not a runtime condition.
const std::string& Query(std::string_view file_name);

}  // namespace saga::sagactl
