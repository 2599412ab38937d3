#include "sagactl/cli/parse.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace saga::sagactl {
namespace {

const TimePoint kNow = *ParseRfc3339("2026-12-01T06:00:00Z");

struct Parsed {
    ParseResult result;
    std::string out, err;
};

Parsed Parse(std::vector<std::string> args) {
    args.insert(args.begin(), "sagactl");
    std::vector<const char*> argv;
    for (const auto& a : args) argv.push_back(a.c_str());
    std::ostringstream out, err;
    Parsed p{ParseCommandLine(static_cast<int>(argv.size()), argv.data(), out, err, kNow), "", ""};
    p.out = out.str();
    p.err = err.str();
    return p;
}

template <typename T>
const T& CommandOf(const Parsed& p) {
    REQUIRE(p.result.invocation);
    REQUIRE(std::holds_alternative<T>(p.result.invocation->command));
    return std::get<T>(p.result.invocation->command);
}

}  // namespace

TEST_CASE("sagactl parse: usage errors give exit code 2 and a message") {
    for (const auto& args : std::vector<std::vector<std::string>>{
             {},
             {"frobnicate"},
             {"dlq"},
             {"dlq", "list", "--no-such-flag"},
             {"dlq", "list", "--since", "yesterday"},
             {"dlq", "list", "--limit", "0"},
             {"dlq", "show"},
             {"dlq", "replay"},
             {"dlq", "replay", "--until", "2026-12-01"},
             {"dlq", "replay", "--id", "a", "--id", "b", "--body-file", "/dev/null"},
             {"dlq", "purge", "--all"},
             {"dlq", "purge", "--yes"},
             {"dlq", "purge", "--all", "--id", "a", "--yes"},
             {"outbox"},
             {"order"},
             {"dlq", "list", "--database-url", "nonsense"},
             {"dlq", "list", "--database-url", "orders=postgresql://h/db"},
             {"dlq", "replay", "--id", "a", "--all"},
             {"dlq", "list", "--queue", std::string(300, 'q')},
             {"dlq", "list", "--limit", "0x10"},
             {"dlq", "list", "--limit", "1e3"},
             {"dlq", "list", "--limit", "+5"},
             {"dlq", "list", "--limit", "-5"},
             {"dlq", "list", "--since", "2h", "--until", "3h"},
             {"dlq", "replay", "--since", "2026-12-01T06:00:00Z", "--until", "2026-12-01T06:00:00Z"}}) {
        std::string shown = args.empty() ? "(none)" : "";
        for (const auto& arg : args) shown += (shown.empty() ? "" : " ") + arg.substr(0, 40);
        CAPTURE(shown);
        const auto p = Parse(args);
        CHECK_FALSE(p.result.invocation);
        CHECK(p.result.exit_code == kExitUsage);
        CHECK_FALSE(p.err.empty());
    }
}

TEST_CASE("sagactl parse: --help works on every command and exits 0") {
    for (const auto& args : std::vector<std::vector<std::string>>{{"--help"},
                                                                  {"dlq", "--help"},
                                                                  {"dlq", "list", "--help"},
                                                                  {"dlq", "show", "--help"},
                                                                  {"dlq", "replay", "--help"},
                                                                  {"dlq", "purge", "--help"},
                                                                  {"outbox", "--help"},
                                                                  {"outbox", "status", "--help"},
                                                                  {"order", "--help"}}) {
        CAPTURE(args.size());
        const auto p = Parse(args);
        CHECK_FALSE(p.result.invocation);
        CHECK(p.result.exit_code == kExitOk);
        CHECK(p.out.find("Usage") != std::string::npos);
    }
    CHECK(Parse({"dlq", "replay", "--help"}).out.find("--dry-run") != std::string::npos);
}

TEST_CASE("sagactl parse: dlq list reads its filters and defaults to the four DLQs") {
    const auto p = Parse({"dlq", "list", "--type", "order.created", "--since", "2h", "--limit", "5", "--json"});
    const auto& c = CommandOf<DlqListCommand>(p);
    CHECK(c.queues.size() == 4);
    CHECK(c.filter.all);
    CHECK(c.filter.type == "order.created");
    CHECK(c.filter.since == kNow - std::chrono::hours{2});
    CHECK_FALSE(c.filter.until);
    CHECK(c.limit == 5u);
    CHECK(c.json);
    CHECK(CommandOf<DlqListCommand>(Parse({"dlq", "list", "--queue", "payment"})).queues ==
          std::vector<std::string>{"payment-service.dlq"});
    // Decimal, as an operator means it: CLI11 read "010" as octal 8.
    CHECK(CommandOf<DlqListCommand>(Parse({"dlq", "list", "--limit", "010"})).limit == 10u);
    CHECK(CommandOf<DlqListCommand>(Parse({"dlq", "list", "--limit", "08"})).limit == 8u);
}

TEST_CASE("sagactl parse: dlq replay by ids with an edited body") {
    const auto path = std::filesystem::temp_directory_path() / "sagactl-parse-body.json";
    std::ofstream(path) << R"({"fixed": true})";
    const auto p = Parse({"dlq", "replay", "--id", "a", "--body-file", path.string(), "--dry-run"});
    const auto& c = CommandOf<DlqReplayCommand>(p);
    CHECK(c.selection.ids == std::vector<std::string>{"a"});
    CHECK(c.dry_run);
    CHECK(c.body == R"({"fixed": true})");

    std::ofstream(path) << "{broken";
    CHECK(Parse({"dlq", "replay", "--id", "a", "--body-file", path.string()}).result.exit_code == kExitUsage);
    std::filesystem::remove(path);

    const auto many = Parse({"dlq", "replay", "--id", "a", "--id", "b", "--queue", "inventory-service.dlq"});
    CHECK(CommandOf<DlqReplayCommand>(many).selection.ids == std::vector<std::string>{"a", "b"});
    CHECK(CommandOf<DlqReplayCommand>(many).queues == std::vector<std::string>{"inventory-service.dlq"});
    CHECK(CommandOf<DlqReplayCommand>(Parse({"dlq", "replay", "--all", "--limit", "3"})).limit == 3u);
}

TEST_CASE("sagactl parse: connection settings come from flags, then environment, then defaults") {
    ::unsetenv("SAGACTL_AMQP_URL");
    ::unsetenv("SAGACTL_PAYMENT_DATABASE_URL");
    const auto defaults = Parse({"outbox", "status"});
    REQUIRE(defaults.result.invocation);
    const auto& d = defaults.result.invocation->connection;
    CHECK(d.amqp_url == "amqp://admin:admin@127.0.0.1:5672/saga");
    CHECK(d.database_urls.at("order") == "postgresql://postgres@127.0.0.1:5432/saga_order");
    CHECK(d.database_urls.size() == 4);

    ::setenv("SAGACTL_AMQP_URL", "amqp://u:p@h:1/v", 1);
    ::setenv("SAGACTL_PAYMENT_DATABASE_URL", "postgresql://env/pay", 1);
    const auto p = Parse({"order", "o-1", "--database-url", "inventory-service=postgresql://flag/inv"});
    ::unsetenv("SAGACTL_AMQP_URL");
    ::unsetenv("SAGACTL_PAYMENT_DATABASE_URL");
    REQUIRE(p.result.invocation);
    const auto& s = p.result.invocation->connection;
    CHECK(s.amqp_url == "amqp://u:p@h:1/v");
    CHECK(s.database_urls.at("payment") == "postgresql://env/pay");
    CHECK(s.database_urls.at("inventory") == "postgresql://flag/inv");
    CHECK(CommandOf<OrderCommand>(p).order_id == "o-1");

    const auto flag = Parse({"dlq", "list", "--amqp-url", "amqp://x:y@z:2/w"});
    REQUIRE(flag.result.invocation);
    CHECK(flag.result.invocation->connection.amqp_url == "amqp://x:y@z:2/w");
}

TEST_CASE("sagactl parse: dlq purge needs --yes and ids or --all") {
    const auto p = Parse({"dlq", "purge", "--all", "--yes", "--queue", "order"});
    const auto& c = CommandOf<DlqPurgeCommand>(p);
    CHECK(c.selection.all);
    CHECK(c.queues == std::vector<std::string>{"order-service.dlq"});
    CHECK(CommandOf<DlqPurgeCommand>(Parse({"dlq", "purge", "--id", "x", "--yes"})).selection.ids ==
          std::vector<std::string>{"x"});
}

}  // namespace saga::sagactl
