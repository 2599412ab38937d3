#include "runtime/outbox/retention.hpp"

#include "runtime/pg/errors.hpp"
#include "runtime/pg/retention_store.hpp"

namespace saga::runtime::outbox {

RetentionCleanup::RetentionCleanup(RetentionOptions options, log::Logger& logger)
    : options_(std::move(options)), logger_(logger) {}

void RetentionCleanup::Run(std::stop_token stop) {
    while (!stop.stop_requested()) {
        try {
            CleanUp(stop);
        } catch (const pg::DatabaseUnavailable& error) {
            const auto wait = reconnect_backoff_.Next();
            logger_.Warn("retention cleanup: database unavailable",
                         {{"error", error.what()}, {"retry_in_ms", wait.count()}});
            SleepUnlessStopped(stop, wait);
        }
    }
}

void RetentionCleanup::CleanUp(std::stop_token stop) {
    pg::RetentionStore store(options_.database_url);
    reconnect_backoff_.Reset();
    do {
        std::int64_t outbox_rows = 0;
        std::int64_t inbox_rows = 0;
        bool full = true;
        while (full && !stop.stop_requested()) {
            const auto outbox = store.DeleteSentBefore(options_.sent_retention, kChunk);
            const auto inbox = store.DeleteInboxBefore(options_.inbox_retention, kChunk);
            outbox_rows += outbox;
            inbox_rows += inbox;
            full = outbox >= kChunk || inbox >= kChunk;
        }
        if (outbox_rows + inbox_rows > 0) {
            logger_.Info("retention cleanup", {{"outbox_rows", outbox_rows}, {"inbox_rows", inbox_rows}});
        }
    } while (SleepUnlessStopped(stop, options_.interval));
}

}  // namespace saga::runtime::outbox
