#include "sagactl/dlq/outlook.hpp"

#include <fmt/format.h>

#include "events/envelope.hpp"

namespace saga::sagactl {
namespace {

/// Error texts (libpq's span lines) flattened to one line.
std::string OneLine(std::string text) {
    std::string out;
    bool blank = false;
    for (char c : text) {
        const bool space = c == '\n' || c == '\t' || c == '\r' || c == ' ';
        if (space && (blank || out.empty())) continue;
        out += space ? ' ' : c;
        blank = space;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

}  // namespace

std::string DescribeOutlook(const ReplayOutlook& o) {
    std::string text;
    if (!o.target) {
        text = "would fail: no x-original-queue or x-first-death-queue header, the original queue is unknown";
    } else if (!o.target_exists) {
        text = fmt::format("would fail: queue {} does not exist (the message would stay in the DLQ)", *o.target);
    } else if (!o.poison.empty()) {
        text = fmt::format("would be replayed to {} and dead-lettered again as poison ({})", *o.target, o.poison);
    } else if (o.in_inbox == true) {
        text = fmt::format("would be replayed to {} and skipped as a duplicate (already in {}'s inbox)", *o.target,
                           o.consumer);
    } else if (o.in_inbox == false) {
        text = fmt::format("would be replayed to {} and handled (not in {}'s inbox yet)", *o.target, o.consumer);
    } else {
        text = fmt::format("would be replayed to {} (inbox unknown: {})", *o.target, o.inbox_note);
    }
    if (!o.order_id.empty()) {
        if (o.order) {
            text += fmt::format("; order {} is {}{}{}", o.order_id, o.order->status,
                                o.order->reason.empty() ? "" : " (" + o.order->reason + ")",
                                o.order->settled ? ", settled" : ", not settled");
        } else {
            text += fmt::format("; order {}: {}", o.order_id, o.order_note);
        }
    }
    return text;
}

void AddBodyCheck(ReplayOutlook& outlook, const std::string& body) {
    try {
        events::Decode(body);
        outlook.poison.clear();
    } catch (const std::exception& error) {
        outlook.poison = OneLine(error.what());
    }
}

void AddDatabaseFacts(ReplayOutlook& outlook, const DlqMessage& message, const DatabaseUrls& urls) {
    if (outlook.target) {
        outlook.consumer = ServiceOfQueue(*outlook.target);
        if (outlook.consumer.empty() || urls.find(outlook.consumer) == urls.end()) {
            outlook.inbox_note = fmt::format("no database URL for the consumer of {}", *outlook.target);
        } else {
            try {
                outlook.in_inbox = InboxHasMessage(urls, outlook.consumer, message.properties.message_id);
                if (!outlook.in_inbox) outlook.inbox_note = fmt::format("{} database unreachable", outlook.consumer);
            } catch (const std::exception& error) {
                outlook.inbox_note = OneLine(error.what());
            }
        }
    }
    outlook.order_id = SubjectOf(message);
    if (outlook.order_id.empty()) return;
    try {
        outlook.order = ReadOrderState(urls, outlook.order_id);
        if (!outlook.order) outlook.order_note = "unknown to the order service";
    } catch (const std::exception& error) {
        outlook.order_note = fmt::format("state unknown ({})", OneLine(error.what()));
    }
}

}  // namespace saga::sagactl
