#pragma once

#include <sys/types.h>

namespace saga::test::chaos {

/// Whether child process `pid` has ended (a zombie not yet reaped, or gone). Does not reap it, so
/// ServiceProcess can still collect its exit status.
bool HasExited(pid_t pid);

}  // namespace saga::test::chaos
