#pragma once

#include <iosfwd>
#include <optional>

#include "sagactl/cli/options.hpp"
#include "sagactl/dlq/time_text.hpp"

namespace saga::sagactl {

/// The outcome of reading the command line: an invocation to run, or an exit code when there is
/// nothing to run (0 after --help, kExitUsage after a usage error, whose message went to `err`).
struct ParseResult {
    std::optional<Invocation> invocation;
    int exit_code = kExitOk;
};

/// Reads argv (and the SAGACTL_* environment) into plain structs. `now` anchors relative times
/// such as `--since 2h`. Reads --body-file. Prints help to `out` and usage errors to `err`.
ParseResult ParseCommandLine(int argc, const char* const* argv, std::ostream& out, std::ostream& err, TimePoint now);

}  // namespace saga::sagactl
