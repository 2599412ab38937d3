#include "sagactl/cli/parse.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <array>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "runtime/amqp/connection.hpp"
#include "sagactl/dlq/dlq_message.hpp"
#include "sagactl/dlq/selection.hpp"

namespace saga::sagactl {
namespace {

constexpr std::array<const char*, 4> kServices{"order", "inventory", "payment", "notification"};

constexpr const char* kFooter = R"(
Exit codes: 0 ok, 1 failure (broker or database unreachable, message not found or held by another
reader, replay failed),
2 usage (unknown command or option, missing or malformed argument).
Connection options (--amqp-url, --management-url, --database-url; see `sagactl --help`) may follow
any command.

Without --queue, DLQ commands cover order-service.dlq, inventory-service.dlq, payment-service.dlq
and notification-service.dlq. --queue takes "inventory", "inventory-service" or a full DLQ name.
Times (--since/--until) are RFC 3339 ("2026-12-01T06:00:00Z") or a duration back from now ("15m",
"2h", "7d"); a message's time is its x-last-failed-at header, else its AMQP timestamp.

Limitation: AMQP array and table header values (the broker's x-death) are not shown or carried;
the broker's plain-string x-first-death-* headers are.)";

/// Raised by the checks after CLI11's own parsing: a usage error with its message.
struct UsageError {
    std::string message;
};

std::string EnvOr(const char* name, const std::string& fallback) {
    const char* value = std::getenv(name);
    return value != nullptr && *value != '\0' ? std::string(value) : fallback;
}

std::string Upper(std::string text) {
    for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return text;
}

DatabaseUrls DatabaseUrlsFrom(const std::vector<std::string>& flags) {
    DatabaseUrls urls;
    for (const char* service : kServices) {
        urls[service] = EnvOr(fmt::format("SAGACTL_{}_DATABASE_URL", Upper(service)).c_str(),
                              fmt::format("postgresql://postgres@127.0.0.1:5432/saga_{}", service));
    }
    for (const auto& flag : flags) {
        const auto equals = flag.find('=');
        if (equals == std::string::npos || equals == 0 || equals + 1 == flag.size()) {
            throw UsageError{fmt::format("--database-url: expected SERVICE=URL, got '{}'", flag)};
        }
        std::string service = flag.substr(0, equals);
        if (const std::string suffix = "-service"; service.size() > suffix.size() && service.ends_with(suffix)) {
            service.resize(service.size() - suffix.size());
        }
        if (!urls.contains(service)) {
            throw UsageError{
                fmt::format("--database-url: '{}' is not a service (order, inventory, payment, notification)",
                            flag.substr(0, equals))};
        }
        urls[service] = flag.substr(equals + 1);
    }
    return urls;
}

std::vector<std::string> QueuesFrom(const std::string& queue) {
    if (queue.empty()) return DefaultDeadLetterQueues();
    try {
        return {DeadLetterQueueArgument(queue)};
    } catch (const std::invalid_argument& error) {
        throw UsageError{fmt::format("--queue: {}", error.what())};
    }
}

std::optional<TimePoint> TimeFrom(const CLI::Option* option, const std::string& text, TimePoint now) {
    if (option->count() == 0) return std::nullopt;
    auto time = ParseTimeArgument(text, now);
    if (!time) {
        throw UsageError{
            fmt::format("{}: '{}' is neither an RFC 3339 date-time (2026-12-01T06:00:00Z) nor a "
                        "duration back from now (15m, 2h, 7d)",
                        option->get_name(), text)};
    }
    return time;
}

std::string ReadBodyFile(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) throw UsageError{fmt::format("--body-file: cannot read '{}'", path)};
    std::ostringstream text;
    text << file.rdbuf();
    const std::string body = text.str();
    if (nlohmann::json::parse(body, nullptr, false).is_discarded()) {
        throw UsageError{fmt::format("--body-file: '{}' is not valid JSON", path)};
    }
    return body;
}

/// The raw values CLI11 fills; turned into a Command after parsing.
struct Raw {
    std::string queue, type, since, until, body_file, id, order_id, limit;
    std::vector<std::string> ids, database_urls;
    bool json = false, all = false, dry_run = false, yes = false;
};

struct DlqOptions {
    CLI::Option* since = nullptr;
    CLI::Option* until = nullptr;
    CLI::Option* type = nullptr;
    CLI::Option* limit = nullptr;
};

void AddQueue(CLI::App& command, Raw& raw) {
    command.add_option("--queue", raw.queue, "one dead-letter queue (default: all four)");
}

DlqOptions AddFilters(CLI::App& command, Raw& raw) {
    DlqOptions o;
    o.type = command.add_option("--type", raw.type, "only this event type, e.g. order.created");
    o.since = command.add_option("--since", raw.since, "dead-lettered at or after (RFC 3339 or 15m/2h/7d ago)");
    o.until = command.add_option("--until", raw.until, "dead-lettered before (RFC 3339 or 15m/2h/7d ago)");
    o.limit = command.add_option("--limit", raw.limit, "at most N messages (decimal, at least 1)")->type_name("N");
    return o;
}

Selection SelectionFrom(const Raw& raw, const DlqOptions& o, TimePoint now) {
    Selection s;
    s.ids = raw.ids;
    if (o.type->count() > 0) s.type = raw.type;
    s.since = TimeFrom(o.since, raw.since, now);
    s.until = TimeFrom(o.until, raw.until, now);
    if (s.EmptyTimeWindow()) {
        throw UsageError{fmt::format("--since ({}) must be before --until ({}); no message can be in that window",
                                     raw.since, raw.until)};
    }
    s.all = raw.all;
    return s;
}

std::optional<std::size_t> LimitFrom(const Raw& raw, const DlqOptions& o) {
    if (o.limit->count() == 0) return std::nullopt;
    const auto limit = ParseLimit(raw.limit);
    if (!limit) throw UsageError{fmt::format("--limit: '{}' is not a whole number of at least 1", raw.limit)};
    return limit;
}

}  // namespace

ParseResult ParseCommandLine(int argc, const char* const* argv, std::ostream& out, std::ostream& err, TimePoint now) {
    Raw raw;
    ConnectionSettings settings;
    CLI::App app{"sagactl: operate the saga platform (dead-letter queues, outboxes, order timelines)", "sagactl"};
    app.footer(kFooter);
    app.fallthrough();
    app.require_subcommand(1);
    settings.amqp_url = "amqp://admin:admin@127.0.0.1:5672/saga";
    settings.management_url = "http://admin:admin@127.0.0.1:15672";
    app.add_option("--amqp-url", settings.amqp_url, "RabbitMQ (admin user)")
        ->envname("SAGACTL_AMQP_URL")
        ->capture_default_str();
    app.add_option("--management-url", settings.management_url, "RabbitMQ management API (not used yet)")
        ->envname("SAGACTL_MANAGEMENT_URL")
        ->capture_default_str();
    app.add_option("--database-url", raw.database_urls,
                   "SERVICE=URL, repeatable (env SAGACTL_<SERVICE>_DATABASE_URL; default "
                   "postgresql://postgres@127.0.0.1:5432/saga_<service>)")
        ->allow_extra_args(false);

    auto* dlq = app.add_subcommand("dlq", "inspect, replay and purge dead-lettered messages");
    dlq->require_subcommand(1);

    auto* list = dlq->add_subcommand("list", "list dead-lettered messages (oldest first per queue)");
    AddQueue(*list, raw);
    const auto list_filters = AddFilters(*list, raw);
    list->add_flag("--json", raw.json, "one JSON array");

    auto* show = dlq->add_subcommand("show", "one message: body, properties and every header");
    show->add_option("message-id", raw.id, "the message (CloudEvent) id")->required();
    AddQueue(*show, raw);
    show->add_flag("--json", raw.json, "JSON output");

    auto* replay = dlq->add_subcommand(
        "replay",
        "deliver messages back to their original queue only (default exchange, routing key = x-original-queue, else "
        "x-first-death-queue); a message leaves the DLQ only after the broker confirmed the re-publish. Adds "
        "x-replay-count and x-replayed-at and removes x-attempts, so the consumer gets a fresh retry budget "
        "(x-first-failed-at is kept).");
    auto* replay_ids = replay->add_option("--id", raw.ids, "message id, repeatable")->allow_extra_args(false);
    const auto replay_filters = AddFilters(*replay, raw);
    auto* replay_all =
        replay->add_flag("--all", raw.all, "every message the queues chosen hold when the run reaches them");
    replay_ids->excludes(replay_all);
    AddQueue(*replay, raw);
    replay->add_flag("--dry-run", raw.dry_run,
                     "change nothing; say per message what would happen now (target queue, duplicate in the "
                     "consumer's inbox, order already settled)");
    replay->add_option("--body-file", raw.body_file, "with a single --id: replay an edited copy with this JSON body");

    auto* purge = dlq->add_subcommand("purge", "delete dead-lettered messages for good");
    auto* purge_ids = purge->add_option("--id", raw.ids, "message id, repeatable")->allow_extra_args(false);
    auto* purge_all =
        purge->add_flag("--all", raw.all, "every message the queues chosen hold when the run reaches them");
    purge_ids->excludes(purge_all);
    AddQueue(*purge, raw);
    purge->add_flag("--yes", raw.yes, "required: confirms the deletion");

    auto* outbox = app.add_subcommand("outbox", "the services' transactional outboxes");
    outbox->require_subcommand(1);
    auto* status = outbox->add_subcommand("status", "backlog and age of the oldest unsent event per service");
    status->add_flag("--json", raw.json, "JSON output");

    auto* order = app.add_subcommand("order", "an order's saga timeline across the services and the DLQs");
    order->add_option("order-id", raw.order_id, "the order id")->required();
    order->add_flag("--json", raw.json, "JSON output");

    try {
        app.parse(argc, argv);
        settings.database_urls = DatabaseUrlsFrom(raw.database_urls);
        try {
            runtime::amqp::ValidateUrl(settings.amqp_url);
        } catch (const std::invalid_argument&) {
            throw UsageError{
                fmt::format("--amqp-url: '{}' is not an amqp://user:password@host:port/vhost URL", settings.amqp_url)};
        }
        ParseResult result;
        auto done = [&](Command command) {
            result.invocation = Invocation{settings, std::move(command)};
            return result;
        };
        if (list->parsed()) {
            DlqListCommand c{QueuesFrom(raw.queue), SelectionFrom(raw, list_filters, now), LimitFrom(raw, list_filters),
                             raw.json};
            c.filter.all = true;
            return done(std::move(c));
        }
        if (show->parsed()) return done(DlqShowCommand{QueuesFrom(raw.queue), raw.id, raw.json});
        if (replay->parsed()) {
            DlqReplayCommand c;
            c.queues = QueuesFrom(raw.queue);
            c.selection = SelectionFrom(raw, replay_filters, now);
            c.limit = LimitFrom(raw, replay_filters);
            c.dry_run = raw.dry_run;
            if (!c.selection.HasCriteria()) {
                throw UsageError{"dlq replay: choose the messages with --id, --type, --since/--until or --all"};
            }
            if (!raw.body_file.empty()) {
                if (raw.ids.size() != 1) throw UsageError{"--body-file needs exactly one --id"};
                c.body = ReadBodyFile(raw.body_file);
                c.body_file = raw.body_file;
            }
            return done(std::move(c));
        }
        if (purge->parsed()) {
            DlqPurgeCommand c{QueuesFrom(raw.queue), {}};
            c.selection.ids = raw.ids;
            c.selection.all = raw.all;
            if (!c.selection.HasCriteria()) throw UsageError{"dlq purge: choose the messages with --id or --all"};
            if (!raw.yes) throw UsageError{"dlq purge deletes messages for good: add --yes to confirm"};
            return done(std::move(c));
        }
        if (status->parsed()) return done(OutboxStatusCommand{raw.json});
        if (order->parsed()) return done(OrderCommand{raw.order_id, raw.json});
        throw UsageError{"no command given (see sagactl --help)"};
    } catch (const CLI::ParseError& error) {
        const int code = app.exit(error, out, err);
        return {std::nullopt, code == 0 ? kExitOk : kExitUsage};
    } catch (const UsageError& error) {
        err << "sagactl: " << error.message << "\nRun with --help for more information.\n";
        return {std::nullopt, kExitUsage};
    }
}

}  // namespace saga::sagactl
