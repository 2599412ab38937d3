#include <doctest/doctest.h>

#include <set>
#include <string>
#include <thread>
#include <vector>

#include "events/envelope.hpp"
#include "events/formats.hpp"

namespace saga::events {
namespace {

TEST_CASE("NewEventId: canonical lowercase v4 uuids, distinct across threads") {
    std::vector<std::vector<std::string>> per_thread(4);
    std::vector<std::thread> threads;
    for (auto& ids : per_thread) {
        threads.emplace_back([&ids] {
            for (int i = 0; i < 1000; ++i) {
                ids.push_back(NewEventId());
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    std::set<std::string> all;
    for (const auto& ids : per_thread) {
        for (const auto& id : ids) {
            CHECK(IsUuid(id));
            CHECK(id[14] == '4');  // version 4
            all.insert(id);
        }
    }
    CHECK(all.size() == 4000);
}

TEST_CASE("NowRfc3339: UTC with milliseconds") {
    const std::string now = NowRfc3339();
    CHECK(IsTimestamp(now));
    CHECK(now.size() == 24);  // 2026-11-22T10:00:00.123Z
    CHECK(now[19] == '.');
    CHECK(now.back() == 'Z');
}

TEST_CASE("NewTraceparent: W3C format with non-zero ids, fresh each time") {
    const std::string a = NewTraceparent();
    const std::string b = NewTraceparent();
    CHECK(IsTraceparent(a));
    CHECK(a.substr(0, 3) == "00-");
    CHECK(a.substr(53) == "01");
    CHECK(a.substr(3, 32) != std::string(32, '0'));
    CHECK(a.substr(36, 16) != std::string(16, '0'));
    CHECK(a != b);
}

TEST_CASE("ChildTraceparent: keeps the trace id and flags, replaces the parent id") {
    const std::string parent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00";
    const std::string child = ChildTraceparent(parent);
    CHECK(IsTraceparent(child));
    CHECK(child.substr(0, 36) == parent.substr(0, 36));
    CHECK(child.substr(36, 16) != parent.substr(36, 16));
    CHECK(child.substr(53) == "00");
}

TEST_CASE("ChildTraceparent: a malformed parent starts a new trace") {
    CHECK(IsTraceparent(ChildTraceparent("garbage")));
    CHECK(IsTraceparent(ChildTraceparent("00-00000000000000000000000000000000-b7ad6b7169203331-01")));
    CHECK(ChildTraceparent("00-00000000000000000000000000000000-b7ad6b7169203331-01").substr(3, 32) !=
          std::string(32, '0'));
}

}  // namespace
}  // namespace saga::events
