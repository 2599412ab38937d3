// The saga timeline of one order across the four services (GET /console/api/orders/<id>/timeline):
// time, service, what, causation; compensations and dead letters highlighted.

import { h, formatTime } from "../dom.js";

const kCompensation = /\b(released|restocked|refunded|refund|cancelled|canceled)\b/i;

/// state | published | consumed | dlq | other, from the entry's wording (sagactl's timeline).
export function kindOf(entry) {
    const what = String(entry.what || "");
    if (/^dead-lettered\b/i.test(what) || entry.details?.failure_reason !== undefined) return "dlq";
    if (/^published\b/i.test(what) || /waiting in the outbox/i.test(what)) return "published";
    if (/^consumed\b/i.test(what)) return "consumed";
    if (entry.details && Object.keys(entry.details).length === 1 && "error" in entry.details) return "other";
    if (["order", "inventory", "payment", "notification"].includes(entry.service)) return "state";
    return "other";
}

const kCausationKeys = ["causationid", "causation_id", "causation_event_id", "cause_event_id", "caused_by"];
const kEventKeys = ["event_id", "message_id"];

/// The first value under one of `keys`, searching details depth-first (payloads nest envelopes).
function find(details, keys, depth = 0) {
    if (!details || typeof details !== "object" || depth > 4) return null;
    for (const key of keys) {
        if (typeof details[key] === "string" && details[key]) return details[key];
    }
    for (const value of Object.values(details)) {
        const found = find(value, keys, depth + 1);
        if (found) return found;
    }
    return null;
}

export function causationOf(entry) {
    return { causation: find(entry.details, kCausationKeys), event: find(entry.details, kEventKeys) };
}

export function renderTimeline(entries) {
    if (!entries.length) return h("p", { class: "empty", "data-testid": "timeline" }, "Nothing recorded for this order yet.");
    return h("ol", { class: "timeline", "data-testid": "timeline" }, entries.map(entryView));
}

function entryView(entry) {
    const kind = kindOf(entry);
    const compensation = kCompensation.test(String(entry.what || ""));
    const { causation, event } = causationOf(entry);
    const classes = ["timeline-entry", `kind-${kind}`, `service-${entry.service}`];
    if (compensation) classes.push("compensation");
    return h("li", { class: classes.join(" "), "data-testid": "timeline-entry", "data-service": entry.service,
        "data-kind": kind },
        h("time", { datetime: entry.at, title: entry.at }, formatTime(entry.at)),
        h("span", { class: "service-tag" }, entry.service),
        h("span", { class: "kind-tag" }, kind === "dlq" ? "DEAD LETTER" : kind),
        h("span", { class: "what" }, entry.what, compensation ? h("span", { class: "compensation-tag" }, " compensation") : null),
        h("span", { class: "causation" },
            event ? h("span", {}, "event ", h("code", {}, short(event))) : null,
            causation ? h("span", {}, " caused by ", h("code", { title: causation }, short(causation))) : null),
        h("details", { class: "entry-details" }, h("summary", {}, "details"),
            h("pre", {}, JSON.stringify(entry.details ?? {}, null, 2))));
}

function short(id) {
    return id.length > 13 ? `${id.slice(0, 8)}…${id.slice(-4)}` : id;
}
