// #/dlq — dead-lettered messages per queue (GET /console/api/dlq, depths from /console/api/queues),
// filtered by type and time window, with replay and purge behind a confirmation and the admin token.

import { get, post, query, describe } from "../api.js";
import { adminHeaders } from "../admin.js";
import { confirmAction } from "../confirm.js";
import { h, replace, unavailable } from "../dom.js";
import { poll, changed } from "../poll.js";
import { messageView } from "./dlq-message.js";

const kWindows = [["", "any time"], ["5m", "last 5 minutes"], ["15m", "last 15 minutes"], ["1h", "last hour"],
    ["24h", "last 24 hours"], ["7d", "last 7 days"]];
const kUnitMs = { m: 60e3, h: 3600e3, d: 86400e3 };
const kEventTypes = ["order.created", "inventory.reserved", "inventory.reservation_failed", "payment.completed",
    "payment.failed", "inventory.released", "payment.refunded", "order.confirmed", "order.rejected", "order.cancelled",
    "inventory.restocked", "inventory.low_stock", "inventory.back_in_stock", "notification.sent", "notification.failed"];

export function mountDlq(container) {
    const type = h("input", { id: "dlq-type", "data-testid": "dlq-filter-type", type: "search", list: "dlq-types",
        placeholder: "any type", autocomplete: "off" });
    const since = h("select", { id: "dlq-since", "data-testid": "dlq-filter-since" },
        kWindows.map(([value, label]) => h("option", { value }, label)));
    const queue = h("select", { id: "dlq-queue", "data-testid": "dlq-filter-queue" }, h("option", { value: "" }, "all queues"));
    const outcome = h("div", { class: "outcome", role: "status", "data-testid": "dlq-result" });
    const failure = h("div", { role: "alert", "data-testid": "dlq-error" });
    const queues = h("div", { class: "dlq-queues", "aria-live": "polite" });
    const refresh = h("button", { type: "button", "data-testid": "dlq-refresh" }, "Refresh");
    const purgeAll = h("button", { type: "button", class: "danger", "data-testid": "dlq-purge-all" }, "Purge all…");
    replace(container, h("section", { class: "card", "data-testid": "dlq-view", "aria-labelledby": "dlq-title" },
        h("h2", { id: "dlq-title" }, "Dead-letter queues"),
        h("datalist", { id: "dlq-types" }, kEventTypes.map((t) => h("option", { value: t }))),
        h("div", { class: "field-row filters" },
            h("div", { class: "field" }, h("label", { for: "dlq-type" }, "Event type"), type),
            h("div", { class: "field" }, h("label", { for: "dlq-since" }, "Failed within"), since),
            h("div", { class: "field" }, h("label", { for: "dlq-queue" }, "Queue"), queue),
            h("div", { class: "actions filter-actions" }, refresh, purgeAll)),
        failure, outcome, queues));

    let shown = [];  // the messages currently listed
    const render = changed(({ messages, depths, problem, selected }) => {
        shown = messages;
        fillQueueFilter(queue, depths, messages);
        if (problem) return replace(queues, unavailable(`Dead letters unavailable: ${describe(problem)}`, "dlq-list-error"));
        const names = [...new Set([...Object.keys(depths), ...messages.map((m) => m.queue)])]
            .filter((name) => !selected || name === selected).sort();
        if (!names.length) return replace(queues, h("p", { class: "empty" }, "No dead-letter queues found."));
        replace(queues, names.map((name) => queueView(name, depths[name], messages.filter((m) => m.queue === name),
            { replay, purge })));
    });

    const poller = poll(async () => {
        const filters = { queue: queue.value, type: type.value, since: sinceText(since.value), limit: 200 };
        const [list, depthList] = await Promise.all([get(`/console/api/dlq${query(filters)}`), get("/console/api/queues")]);
        const depths = {};
        for (const q of depthList.ok ? depthList.data?.queues || [] : []) {
            if (q.name.endsWith(".dlq")) depths[q.name] = q;
        }
        const selected = filters.queue;
        render(list.ok ? { messages: list.data?.messages || [], depths, problem: null, selected }
                       : { messages: [], depths, problem: list.problem, selected });
    }, 5000);

    async function act(path, body, done) {
        replace(failure);
        replace(outcome);
        const result = await post(path, body, adminHeaders());
        if (!result.ok) replace(failure, unavailable(describe(result.problem), "dlq-action-error"));
        else replace(outcome, done(result.data));
        poller.now();
    }

    async function replay(message) {
        if (!(await confirmAction(`Replay ${message.type || "message"} ${message.message_id} to its original queue?`, "Replay"))) return;
        await act("/console/api/dlq/replay", { ids: [message.message_id], queue: message.queue }, (data) =>
            h("div", {}, h("p", {}, `Replayed ${data?.replayed ?? 0}, skipped ${data?.skipped ?? 0}, failed ${data?.failed ?? 0}.`),
                (data?.lines || []).length ? h("pre", {}, data.lines.join("\n")) : null));
    }

    async function purge(message) {
        if (!(await confirmAction(`Purge ${message.message_id} for good? It cannot be replayed afterwards.`, "Purge"))) return;
        await act("/console/api/dlq/purge", { ids: [message.message_id], queue: message.queue }, (data) => h("p", {}, `Purged ${data?.purged ?? 0}.`));
    }

    purgeAll.addEventListener("click", async () => {
        const where = queue.value ? `in ${queue.value}` : "in every dead-letter queue";
        if (!(await confirmAction(`Purge ALL dead-lettered messages ${where}? (${shown.length} listed now)`, "Purge all"))) return;
        const body = queue.value ? { all: true, queue: queue.value } : { all: true };
        await act("/console/api/dlq/purge", body, (data) => h("p", {}, `Purged ${data?.purged ?? 0}.`));
    });

    let debounce = null;
    refresh.addEventListener("click", () => poller.now());
    since.addEventListener("change", () => poller.now());
    queue.addEventListener("change", () => poller.now());
    type.addEventListener("input", () => {
        clearTimeout(debounce);
        debounce = setTimeout(() => poller.now(), 300);
    });
    return {
        stop: () => {
            clearTimeout(debounce);
            poller.stop();
        },
    };
}

/// "15m" → an RFC 3339 time that long ago; "" → "".
function sinceText(window) {
    const match = /^(\d+)([mhd])$/.exec(window);
    return match ? new Date(Date.now() - Number(match[1]) * kUnitMs[match[2]]).toISOString() : "";
}

/// Adds queues not yet in the queue filter; never removes one (the selection stays valid).
function fillQueueFilter(select, depths, messages) {
    const have = [...select.options].map((o) => o.value).slice(1);
    const names = [...new Set([...have, ...Object.keys(depths), ...messages.map((m) => m.queue)])].sort();
    if (names.length === have.length) return;
    const current = select.value;
    replace(select, h("option", { value: "" }, "all queues"), names.map((n) => h("option", { value: n }, n)));
    select.value = current;
}

function queueView(name, depth, messages, actions) {
    const counts = depth ? `${depth.messages_ready} ready, ${depth.messages_unacknowledged} unacknowledged` : "depth unknown";
    return h("section", { class: "dlq-queue", "data-testid": `dlq-queue-${name}`, "aria-label": name },
        h("h3", {}, name, h("span", { class: "muted" }, ` — ${counts}; ${messages.length} listed`)),
        messages.length ? h("ul", { class: "dlq-messages" }, messages.map((m) => messageView(m, actions)))
                        : h("p", { class: "empty" }, "No messages match."));
}
