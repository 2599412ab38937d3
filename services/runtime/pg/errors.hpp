#pragma once

#include <exception>
#include <stdexcept>

namespace saga::runtime::pg {

/// The service's own database cannot be reached (down, restarting, connection lost, commit
/// outcome unknown). Never the fault of the message or request being processed.
class DatabaseUnavailable : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// True for exceptions that mean the database is unavailable rather than that the statement
/// failed: lost connections, shutdowns, unknown commit outcome, a read-only server, no disk
/// space, memory or connections left, I/O errors.
bool IsUnavailable(const std::exception& error);

/// True for failures that a plain retry of the same transaction can fix (serialization
/// failure, deadlock).
bool IsTransient(const std::exception& error);

}  // namespace saga::runtime::pg
