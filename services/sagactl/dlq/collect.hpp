#pragma once

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "sagactl/dlq/reader.hpp"

namespace saga::sagactl {

/// Copies the messages of `queues` that satisfy `wanted` (at most `limit`), leaving every message
/// in its DLQ. A queue that does not exist is skipped with a note on `err`.
std::vector<DlqMessage> CollectMessages(DlqReader& reader, const std::vector<std::string>& queues,
                                        const std::function<bool(const DlqMessage&)>& wanted,
                                        std::optional<std::size_t> limit, std::ostream& err);

/// The message ids of `ids` that are in none of `queues`; the DLQs are left as they were.
std::vector<std::string> AbsentIds(DlqReader& reader, const std::vector<std::string>& queues,
                                   const std::vector<std::string>& ids, std::ostream& err);

}  // namespace saga::sagactl
