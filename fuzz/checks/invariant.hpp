#pragma once

#include <stdexcept>
#include <string>

namespace saga::fuzz {

/// A property the code under test promises was broken by an input. The fuzz targets let it escape
/// (libFuzzer then saves the input as a crash); the replay unit test reports it as a failure.
class InvariantViolation : public std::logic_error {
  public:
    using std::logic_error::logic_error;
};

/// Throws InvariantViolation(`what`) unless `holds`.
inline void Require(bool holds, const std::string& what) {
    if (!holds) {
        throw InvariantViolation(what);
    }
}

}  // namespace saga::fuzz
