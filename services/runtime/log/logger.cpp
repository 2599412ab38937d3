#include "runtime/log/logger.hpp"

#include <stdexcept>

#include "events/envelope.hpp"

namespace saga::runtime::log {
namespace {

const char* Name(Level level) {
    switch (level) {
        case Level::kDebug:
            return "debug";
        case Level::kInfo:
            return "info";
        case Level::kWarn:
            return "warn";
        case Level::kError:
            return "error";
    }
    return "info";
}

}  // namespace

Logger::Logger(std::string service, std::ostream& out, Level min_level)
    : service_(std::move(service)), out_(out), min_level_(min_level) {}

void Logger::Debug(std::string_view message, const nlohmann::json& fields) { Write(Level::kDebug, message, fields); }
void Logger::Info(std::string_view message, const nlohmann::json& fields) { Write(Level::kInfo, message, fields); }
void Logger::Warn(std::string_view message, const nlohmann::json& fields) { Write(Level::kWarn, message, fields); }
void Logger::Error(std::string_view message, const nlohmann::json& fields) { Write(Level::kError, message, fields); }

void Logger::Write(Level level, std::string_view message, const nlohmann::json& fields) {
    if (level < min_level_) return;
    nlohmann::json line = {
        {"ts", events::NowRfc3339()}, {"level", Name(level)}, {"service", service_}, {"msg", std::string(message)}};
    if (fields.is_object()) line.update(fields);
    const std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::lock_guard lock(mutex_);
    out_ << text << '\n' << std::flush;
}

Level ParseLevel(std::string_view text) {
    if (text == "debug") return Level::kDebug;
    if (text == "info") return Level::kInfo;
    if (text == "warn") return Level::kWarn;
    if (text == "error") return Level::kError;
    throw std::invalid_argument("log level must be debug, info, warn or error");
}

}  // namespace saga::runtime::log
