#pragma once

#include <mutex>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>

namespace saga::runtime::log {

enum class Level { kDebug, kInfo, kWarn, kError };

/// Structured logs: one JSON object a line with time, level, service and message, plus any
/// fields given (event_id, correlation_id, ...). Thread-safe; lines are never interleaved.
class Logger {
  public:
    Logger(std::string service, std::ostream& out, Level min_level = Level::kInfo);

    void Debug(std::string_view message, const nlohmann::json& fields = nlohmann::json::object());
    void Info(std::string_view message, const nlohmann::json& fields = nlohmann::json::object());
    void Warn(std::string_view message, const nlohmann::json& fields = nlohmann::json::object());
    void Error(std::string_view message, const nlohmann::json& fields = nlohmann::json::object());

    const std::string& service() const { return service_; }

  private:
    void Write(Level level, std::string_view message, const nlohmann::json& fields);

    std::string service_;
    std::ostream& out_;
    Level min_level_;
    std::mutex mutex_;
};

/// "debug" | "info" | "warn" | "error"; throws std::invalid_argument otherwise.
Level ParseLevel(std::string_view text);

}  // namespace saga::runtime::log
