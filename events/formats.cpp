#include "events/formats.hpp"

#include <re2/re2.h>

#include <stdexcept>
#include <utility>

namespace saga::events {

namespace {

std::shared_ptr<const re2::RE2> Compile(std::string_view pattern) {
    if (pattern.empty()) return nullptr;
    RE2::Options options;
    options.set_encoding(RE2::Options::EncodingLatin1);  // bytes, as std::regex and the schemas' ASCII classes
    options.set_log_errors(false);
    auto regex = std::make_shared<const re2::RE2>(re2::StringPiece(pattern.data(), pattern.size()), options);
    if (!regex->ok()) throw std::invalid_argument("bad pattern " + std::string(pattern) + ": " + regex->error());
    return regex;
}

}  // namespace

StringFormat::StringFormat(std::string_view pattern, std::size_t min_length, std::size_t max_length,
                           std::string description)
    : regex_(Compile(pattern)),
      min_length_(min_length),
      max_length_(max_length),
      description_(std::move(description)) {}

bool StringFormat::Matches(std::string_view text) const {
    const std::size_t length = CodePointCount(text);
    if (length < min_length_ || length > max_length_) {
        return false;
    }
    // JSON Schema's `pattern` searches (it is not implicitly anchored); every pattern here anchors.
    return !regex_ || RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *regex_);
}

std::size_t CodePointCount(std::string_view text) {
    std::size_t count = 0;
    for (const char c : text) {
        // Every code point has exactly one byte that is not a continuation byte (10xxxxxx).
        if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) {
            ++count;
        }
    }
    return count;
}

// The pattern strings below are the ones in schemas/; keep them identical.
namespace {
constexpr std::size_t kUnbounded = static_cast<std::size_t>(-1);
}  // namespace

const StringFormat& IdFormat() {
    static const StringFormat kFormat("^[A-Za-z0-9._-]{1,64}$", 0, kUnbounded, "an id matching [A-Za-z0-9._-]{1,64}");
    return kFormat;
}

const StringFormat& UuidFormat() {
    static const StringFormat kFormat("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", 0, kUnbounded,
                                      "a lowercase canonical uuid");
    return kFormat;
}

const StringFormat& TimestampFormat() {
    static const StringFormat kFormat(
        "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)"
        "(\\.[0-9]{1,9})?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$",
        0, kUnbounded, "an RFC 3339 timestamp such as 2026-11-22T10:00:00.123Z");
    return kFormat;
}

const StringFormat& CurrencyFormat() {
    static const StringFormat kFormat("^[A-Z]{3}$", 0, kUnbounded, "a 3-letter currency code such as USD");
    return kFormat;
}

const StringFormat& EmailFormat() {
    static const StringFormat kFormat("^[^@ \\t\\r\\n]+@[^@ \\t\\r\\n]+$", 0, 254,
                                      "an e-mail address of at most 254 characters");
    return kFormat;
}

const StringFormat& EventTypeNameFormat() {
    static const StringFormat kFormat("^[a-z][a-z_]*(\\.[a-z][a-z_]*)+$", 0, 64, "an event type such as order.created");
    return kFormat;
}

const StringFormat& TraceTokenFormat() {
    static const StringFormat kFormat("^[!-~]{1,128}$", 0, kUnbounded, "1 to 128 visible ASCII characters");
    return kFormat;
}

const StringFormat& TraceparentFormat() {
    static const StringFormat kFormat("^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$", 0, kUnbounded,
                                      "a W3C traceparent 00-<32 hex>-<16 hex>-<2 hex>");
    return kFormat;
}

const StringFormat& ShortTextFormat() {
    static const StringFormat kFormat("", 1, 1000, "1 to 1000 characters");
    return kFormat;
}

const StringFormat& RecipientFormat() {
    static const StringFormat kFormat("", 1, 2048, "1 to 2048 characters");
    return kFormat;
}

bool IsId(std::string_view text) { return IdFormat().Matches(text); }
bool IsUuid(std::string_view text) { return UuidFormat().Matches(text); }
bool IsTimestamp(std::string_view text) { return TimestampFormat().Matches(text); }
bool IsCurrency(std::string_view text) { return CurrencyFormat().Matches(text); }
bool IsEmail(std::string_view text) { return EmailFormat().Matches(text); }
bool IsTraceToken(std::string_view text) { return TraceTokenFormat().Matches(text); }
bool IsTraceparent(std::string_view text) { return TraceparentFormat().Matches(text); }

}  // namespace saga::events
