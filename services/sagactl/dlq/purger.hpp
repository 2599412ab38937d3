#pragma once

#include <string>
#include <vector>

#include "sagactl/dlq/reader.hpp"
#include "sagactl/dlq/selection.hpp"

namespace saga::sagactl {

/// Deletes the selected messages of `queues` for good (acks them); the others stay untouched.
/// Returns the ids of the deleted messages.
std::vector<std::string> Purge(DlqReader& reader, const std::vector<std::string>& queues, const Selection& selection,
                               std::ostream& err);

}  // namespace saga::sagactl
