#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sagactl/dlq/dlq_message.hpp"
#include "sagactl/dlq/time_text.hpp"

namespace saga::sagactl {

/// Which dead-lettered messages a command applies to. Criteria combine with AND; within `ids`
/// any id matches. A selection without criteria selects nothing unless `all` is set.
struct Selection {
    std::vector<std::string> ids;     ///< AMQP message ids (= CloudEvent ids)
    std::optional<std::string> type;  ///< event type, e.g. "order.created"
    std::optional<TimePoint> since;   ///< dead-lettered at or after (see FailedAt)
    std::optional<TimePoint> until;   ///< dead-lettered before
    bool all = false;                 ///< every message (other criteria still narrow it)

    /// True when any criterion is set (or `all`).
    bool HasCriteria() const { return all || !ids.empty() || type || since || until; }
    /// `since` at or after `until`: a window no message can be in (usually the two swapped, as in
    /// "--since 2h --until 3h").
    bool EmptyTimeWindow() const { return since && until && *since >= *until; }
};

/// Whether `message` is selected. A message without a known failure time never matches a
/// time criterion.
bool Matches(const Selection& selection, const DlqMessage& message);

/// The `ids` that are in none of `seen` (to report ids that were asked for but not found).
std::vector<std::string> MissingIds(const Selection& selection, const std::vector<std::string>& seen);

/// A --limit or ?limit= value as an operator writes it: decimal digits only ("010" is ten), at
/// least 1; no sign, spaces or "0x". Nullopt for anything else, and past what std::size_t holds.
std::optional<std::size_t> ParseLimit(std::string_view text);

/// Counts how many messages a command may still act on under an optional limit.
class Budget {
  public:
    explicit Budget(std::optional<std::size_t> limit) : limit_(limit) {}
    /// Takes one unit; false when the limit is used up.
    bool Take() {
        if (limit_ && used_ >= *limit_) return false;
        ++used_;
        return true;
    }
    bool Exhausted() const { return limit_ && used_ >= *limit_; }

  private:
    std::optional<std::size_t> limit_;
    std::size_t used_ = 0;
};

}  // namespace saga::sagactl
