#include "notification/channels/mail_message.hpp"

#include <fmt/format.h>

#include <array>
#include <ctime>

namespace saga::notification {
namespace {

constexpr std::size_t kMaxLine = 998;

std::string HeaderValue(std::string_view value) {
    std::string out;
    for (const char c : value) out.push_back(c == '\r' || c == '\n' ? ' ' : c);
    return out;
}

bool IsAscii(std::string_view text) {
    for (const char c : text) {
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    }
    return true;
}

std::string Base64(std::string_view data) {
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    for (std::size_t i = 0; i < data.size(); i += 3) {
        std::uint32_t chunk = static_cast<unsigned char>(data[i]) << 16;
        if (i + 1 < data.size()) chunk |= static_cast<unsigned char>(data[i + 1]) << 8;
        if (i + 2 < data.size()) chunk |= static_cast<unsigned char>(data[i + 2]);
        out.push_back(kAlphabet[(chunk >> 18) & 63]);
        out.push_back(kAlphabet[(chunk >> 12) & 63]);
        out.push_back(i + 1 < data.size() ? kAlphabet[(chunk >> 6) & 63] : '=');
        out.push_back(i + 2 < data.size() ? kAlphabet[chunk & 63] : '=');
    }
    return out;
}

// RFC 2047: non-ASCII header text travels as an encoded word.
std::string Subject(std::string_view subject) {
    const std::string value = HeaderValue(subject);
    return IsAscii(value) ? value : "=?utf-8?B?" + Base64(value) + "?=";
}

// CRLF line ends, and lines over the SMTP limit broken (bodies here are plain text).
std::string Body(std::string_view body) {
    std::string out;
    std::size_t line = 0;
    for (std::size_t i = 0; i < body.size(); ++i) {
        const char c = body[i];
        if (c == '\r') continue;
        if (c == '\n') {
            out += "\r\n";
            line = 0;
            continue;
        }
        if (line == kMaxLine) {
            out += "\r\n";
            line = 0;
        }
        out.push_back(c);
        ++line;
    }
    if (line != 0) out += "\r\n";
    return out;
}

}  // namespace

std::string MailDate(std::chrono::system_clock::time_point time) {
    static constexpr std::array<const char*, 7> kDays{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr std::array<const char*, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    return fmt::format("{}, {:02} {} {} {:02}:{:02}:{:02} +0000", kDays.at(utc.tm_wday), utc.tm_mday,
                       kMonths.at(utc.tm_mon), utc.tm_year + 1900, utc.tm_hour, utc.tm_min, utc.tm_sec);
}

std::string MailMessage(const Notification& notification, std::string_view from,
                        std::chrono::system_clock::time_point now) {
    std::string message;
    message += "Date: " + MailDate(now) + "\r\n";
    message += "From: <" + HeaderValue(from) + ">\r\n";
    message += "To: <" + HeaderValue(notification.recipient) + ">\r\n";
    message += "Subject: " + Subject(notification.subject) + "\r\n";
    message += "Message-ID: <" + HeaderValue(notification.notification_id) + "@saga.notification>\r\n";
    message += "MIME-Version: 1.0\r\n";
    message += "Content-Type: text/plain; charset=utf-8\r\n";
    message += "Content-Transfer-Encoding: 8bit\r\n";
    message += "\r\n";
    message += Body(notification.body);
    return message;
}

}  // namespace saga::notification
