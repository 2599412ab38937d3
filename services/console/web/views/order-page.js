// #/orders/<id> — the order (GET /api/orders/<id>) and its saga timeline, both refreshed every 2 s.

import { get, describe } from "../api.js";
import { h, replace, unavailable, formatTime, formatMoney, statusBadge } from "../dom.js";
import { poll, changed } from "../poll.js";
import { renderTimeline } from "./timeline.js";

export function mountOrderPage(container, orderId) {
    const details = h("div", { "aria-live": "polite" });
    const timeline = h("div");
    replace(container, h("div", { class: "stack", "data-testid": "order-page", "data-order-id": orderId },
        h("p", {}, h("a", { href: "#/" }, "← Dashboard")),
        h("section", { class: "card" }, h("h2", {}, "Order ", h("code", {}, orderId)), details),
        h("section", { class: "card" }, h("h2", {}, "Saga timeline"), timeline)));

    const renderOrder = changed(({ order, problem }) => {
        if (problem) return replace(details, unavailable(`Order unavailable: ${describe(problem)}`, "order-error"));
        replace(details, orderView(order));
    });
    const renderTimelineBox = changed(({ entries, problem }) => {
        if (problem) return replace(timeline, unavailable(`Timeline unavailable: ${describe(problem)}`, "timeline-error"));
        replace(timeline, renderTimeline(entries));
    });

    const id = encodeURIComponent(orderId);
    const poller = poll(async () => {
        const [order, events] = await Promise.all([get(`/api/orders/${id}`), get(`/console/api/orders/${id}/timeline`)]);
        renderOrder(order.ok ? { order: order.data, problem: null } : { order: null, problem: order.problem });
        renderTimelineBox(events.ok ? { entries: events.data?.timeline || [], problem: null }
                                    : { entries: [], problem: events.problem });
    }, 2000);
    return { stop: () => poller.stop() };
}

function orderView(order) {
    const items = (order.items || []).map((item) => h("tr", {},
        h("td", {}, item.product_id), h("td", { class: "num" }, item.quantity),
        h("td", { class: "num" }, formatMoney(item.unit_price, order.currency))));
    const history = (order.history || []).map((step) => h("li", {},
        h("time", { datetime: step.at }, formatTime(step.at)), " ", statusBadge(step.status),
        step.reason ? ` ${step.reason}` : ""));
    return h("div", { class: "order-details" },
        h("dl", {},
            h("dt", {}, "Status"),
            h("dd", {}, statusBadge(order.status, { "data-testid": "order-status", "data-status": order.status }),
                order.reason ? h("span", { class: "reason", "data-testid": "order-reason" }, ` ${order.reason}`) : null),
            h("dt", {}, "Customer"), h("dd", {}, order.customer_id),
            h("dt", {}, "Total"), h("dd", {}, formatMoney(order.total, order.currency)),
            h("dt", {}, "Created"), h("dd", {}, formatTime(order.created_at)),
            h("dt", {}, "Updated"), h("dd", {}, formatTime(order.updated_at))),
        h("table", { class: "compact" },
            h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Product"), h("th", { scope: "col", class: "num" }, "Quantity"),
                h("th", { scope: "col", class: "num" }, "Unit price"))),
            h("tbody", {}, items)),
        history.length ? h("div", {}, h("h3", {}, "Status history"), h("ol", { class: "history" }, history)) : null);
}
