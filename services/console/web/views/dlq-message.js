// One dead-lettered message: the summary, replay / purge buttons, and the failure headers and
// body behind a disclosure.

import { h, formatTime } from "../dom.js";

export function messageView(message, { replay, purge }) {
    const m = normalise(message);
    return h("li", { class: "dlq-message", "data-testid": `dlq-message-${m.message_id}`, "data-type": m.type },
        h("div", { class: "dlq-summary" },
            h("span", { class: "badge status-dlq" }, m.reason || "dead-lettered"),
            h("strong", {}, m.type || "unknown type"),
            m.subject ? h("span", {}, " for ", h("a", { href: `#/orders/${m.subject}` }, m.subject)) : null,
            h("span", { class: "muted" }, ` · ${m.attempts ?? "?"} attempt(s) · failed ${formatTime(m.failed_at)} · replayed ${m.replays ?? 0}×`),
            h("span", { class: "actions" },
                h("button", { type: "button", "data-testid": `dlq-replay-${m.message_id}`, onclick: () => replay(m) }, "Replay…"),
                h("button", { type: "button", class: "danger", "data-testid": `dlq-purge-${m.message_id}`, onclick: () => purge(m) },
                    "Purge…"))),
        m.error ? h("p", { class: "dlq-error-text" }, m.error) : null,
        h("details", {}, h("summary", {}, "Headers and body ", h("code", {}, m.message_id)),
            h("table", { class: "compact headers" }, h("tbody", {}, Object.entries(m.headers || {}).map(([name, value]) =>
                h("tr", {}, h("th", { scope: "row" }, name),
                    h("td", {}, typeof value === "object" ? JSON.stringify(value) : String(value)))))),
            h("pre", { class: "body" }, pretty(m.body))));
}

/// The console's message shape; sagactl's summary names (failure_reason, exception_message,
/// replay_count) are accepted too, and without headers the remaining fields are shown instead.
function normalise(m) {
    const error = m.error ?? (m.exception_message ? [m.exception_type, m.exception_message].filter(Boolean).join(": ") : null);
    const known = new Set(["queue", "message_id", "type", "subject", "body"]);
    const headers = m.headers ?? Object.fromEntries(Object.entries(m).filter(([k, v]) => !known.has(k) && v !== null));
    return { ...m, reason: m.reason ?? m.failure_reason, replays: m.replays ?? m.replay_count ?? 0, error, headers };
}

function pretty(body) {
    if (body === undefined || body === null) return "(body not included)";
    if (typeof body !== "string") return JSON.stringify(body, null, 2);
    try {
        return JSON.stringify(JSON.parse(body), null, 2);
    } catch {
        return body;
    }
}
