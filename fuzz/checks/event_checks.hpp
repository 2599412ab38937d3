#pragma once

#include <string_view>

namespace saga::fuzz {

/// Feeds `input` to saga::events::Decode and checks its contract. Decode either
/// - throws DecodeError, or
/// - throws ValidationError with at least one error, each naming a field (empty only for a property
///   whose name is empty, refused as unknown) and saying something, or
/// - returns an envelope of a catalog type that re-encodes and decodes to the same value, whose data
///   converts to the typed event, and whose typed event converts back to the same, valid data.
/// Throws InvariantViolation otherwise; any other exception escaping Decode is a bug and escapes too.
void CheckEventDecode(std::string_view input);

}  // namespace saga::fuzz
