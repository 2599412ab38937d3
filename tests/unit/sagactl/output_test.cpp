#include <doctest/doctest.h>

#include <sstream>

#include "sagactl/dlq/outlook.hpp"
#include "sagactl/output/dlq_render.hpp"
#include "sagactl/output/facts_render.hpp"
#include "sagactl/output/table.hpp"

namespace saga::sagactl {

TEST_CASE("sagactl output: a table pads columns and trims trailing blanks") {
    Table table({"A", "LONGER"});
    table.AddRow({"wide cell", "x"});
    table.AddRow({"y"});
    std::ostringstream out;
    table.Print(out);
    CHECK(out.str() == "A          LONGER\nwide cell  x\ny\n");
    CHECK(Shorten("abcdef", 4) == "abc…");
    CHECK(Shorten("ab\ncd", 10) == "ab cd");
}

TEST_CASE("sagactl output: a dry run says duplicate, target and order state") {
    ReplayOutlook o;
    o.target = "inventory-service";
    o.target_exists = true;
    o.consumer = "inventory";
    o.in_inbox = true;
    o.order_id = "o-1";
    o.order = OrderState{"CONFIRMED", "", true};
    CHECK(DescribeOutlook(o) ==
          "would be replayed to inventory-service and skipped as a duplicate (already in inventory's inbox); "
          "order o-1 is CONFIRMED, settled");
    o.in_inbox = false;
    o.order = OrderState{"REJECTED", "out_of_stock", true};
    CHECK(DescribeOutlook(o) ==
          "would be replayed to inventory-service and handled (not in inventory's inbox yet); order o-1 is "
          "REJECTED (out_of_stock), settled");
    o.in_inbox.reset();
    o.inbox_note = "inventory database unreachable";
    o.order.reset();
    o.order_note = "unknown to the order service";
    CHECK(DescribeOutlook(o) ==
          "would be replayed to inventory-service (inbox unknown: inventory database unreachable); order o-1: "
          "unknown to the order service");
    AddBodyCheck(o, R"({"specversion": "1.0", "type": "order.created"})");
    CHECK(DescribeOutlook(o).starts_with(
        "would be replayed to inventory-service and dead-lettered again as poison (invalid event: "));
    AddBodyCheck(o, R"(not json)");
    CHECK(DescribeOutlook(o).find("dead-lettered again as poison") != std::string::npos);
    o.target_exists = false;
    CHECK(DescribeOutlook(o).starts_with("would fail: queue inventory-service does not exist"));
    o.target.reset();
    CHECK(DescribeOutlook(o).starts_with("would fail: no x-original-queue"));
}

TEST_CASE("sagactl output: DLQ messages as JSON and timeline entries") {
    DlqMessage m;
    m.queue = "inventory-service.dlq";
    m.properties.message_id = "m-1";
    m.properties.type = "order.created";
    m.properties.headers = {{"x-failure-reason", std::string("poison")},
                            {"x-failed-service", std::string("inventory-service")},
                            {"x-attempts", std::int64_t{0}},
                            {"x-last-failed-at", std::string("2026-12-01T06:00:00.000Z")}};
    m.body = R"({"subject":"o-1"})";
    const auto summary = SummaryJson(m);
    CHECK(summary["failure_reason"] == "poison");
    CHECK(summary["attempts"] == 0);
    CHECK(summary["subject"] == "o-1");
    CHECK(summary["replay_count"].is_null());
    const auto detail = DetailJson(m);
    CHECK(detail["headers"]["x-attempts"] == 0);
    CHECK(detail["body"]["subject"] == "o-1");
    CHECK(detail["body_is_json"] == true);

    const auto entry = DeadLetterEntry(m);
    CHECK(entry.at == "2026-12-01T06:00:00.000Z");
    CHECK(entry.service == "inventory");
    CHECK(entry.what.find("poison") != std::string::npos);
    const auto sorted = SortedTimeline({{"2026-12-01T07:00:00.000Z", "order", "later", {}},
                                        entry,
                                        {"2026-12-01T06:00:00.000Z", "order", "same instant", {}}});
    CHECK(sorted[0].service == "inventory");
    CHECK(sorted[1].what == "same instant");
    CHECK(sorted[2].what == "later");
}

}  // namespace saga::sagactl
