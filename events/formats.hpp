#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace re2 {
class RE2;
}

namespace saga::events {

/// A string constraint that mirrors a JSON Schema string definition in schemas/: an optional
/// ECMA 262 `pattern` (the very text used in the schemas, searched like JSON Schema does) and a
/// length range counted in Unicode code points, as JSON Schema counts `minLength`/`maxLength`.
/// Immutable once built, so one instance may be shared by threads. Patterns run on RE2 (linear
/// time, no backtracking), bytewise like ECMA 262 on these ASCII-only patterns: std::regex was a
/// tenth of the order service's CPU under load.
class StringFormat {
  public:
    /// `pattern` empty means any text; `description` completes the error message "must be ...".
    StringFormat(std::string_view pattern, std::size_t min_length, std::size_t max_length, std::string description);

    /// True when `text` (valid UTF-8) has an allowed length and matches the pattern.
    bool Matches(std::string_view text) const;

    const std::string& description() const { return description_; }

  private:
    std::shared_ptr<const re2::RE2> regex_;  ///< null: any text
    std::size_t min_length_;
    std::size_t max_length_;
    std::string description_;
};

/// `[A-Za-z0-9._-]{1,64}`: order, customer, product, payment, reservation and notification ids,
/// payment tokens, event sources and subjects.
const StringFormat& IdFormat();
/// A uuid in canonical lowercase text form (event ids).
const StringFormat& UuidFormat();
/// An RFC 3339 date-time with an explicit offset, e.g. "2026-11-22T10:00:00.123Z".
const StringFormat& TimestampFormat();
/// An ISO 4217-style currency code: three uppercase letters, e.g. "USD".
const StringFormat& CurrencyFormat();
/// An e-mail address: one "@" with no blanks around it, at most 254 characters.
const StringFormat& EmailFormat();
/// An event type name such as "order.confirmed" (lowercase words separated by dots).
const StringFormat& EventTypeNameFormat();
/// Correlation and causation ids: 1 to 128 visible ASCII characters (a uuid, or a caller's
/// X-Correlation-ID).
const StringFormat& TraceTokenFormat();
/// A W3C traceparent "00-<32 hex>-<16 hex>-<2 hex>".
const StringFormat& TraceparentFormat();
/// Free text of 1 to 1000 characters (reasons, details).
const StringFormat& ShortTextFormat();
/// A notification recipient (address, URL or log name): 1 to 2048 characters.
const StringFormat& RecipientFormat();

/// Shorthands for the formats above, for callers validating their own input (e.g. HTTP bodies).
bool IsId(std::string_view text);
bool IsUuid(std::string_view text);
bool IsTimestamp(std::string_view text);
bool IsCurrency(std::string_view text);
bool IsEmail(std::string_view text);
bool IsTraceToken(std::string_view text);
bool IsTraceparent(std::string_view text);

/// The number of Unicode code points in valid UTF-8 `text`.
std::size_t CodePointCount(std::string_view text);

}  // namespace saga::events
