// The order list with live status (GET /api/orders every 2 s), filtered by status and customer.

import { get, query, describe } from "../api.js";
import { h, replace, unavailable, formatTime, formatMoney, statusBadge } from "../dom.js";
import { poll, changed } from "../poll.js";

const kStatuses = ["PENDING", "AWAITING_PAYMENT", "CONFIRMED", "REJECTED", "CANCELLED"];

export function mountOrderList(container) {
    const status = h("select", { id: "filter-status", "data-testid": "order-filter-status" },
        h("option", { value: "" }, "any status"), kStatuses.map((s) => h("option", { value: s }, s)));
    const customer = h("input", { id: "filter-customer", "data-testid": "order-filter-customer", type: "search",
        placeholder: "any customer", autocomplete: "off" });
    const body = h("div", { "data-testid": "order-list", class: "table-wrap", "aria-live": "polite" });
    replace(container, h("section", { class: "card", "aria-labelledby": "orders-title" },
        h("h2", { id: "orders-title" }, "Orders"),
        h("div", { class: "field-row filters" },
            h("div", { class: "field" }, h("label", { for: "filter-status" }, "Status"), status),
            h("div", { class: "field" }, h("label", { for: "filter-customer" }, "Customer id"), customer)),
        body));

    const render = changed(({ orders, problem }) => {
        if (problem) return replace(body, unavailable(`Orders unavailable: ${describe(problem)}`, "order-list-error"));
        if (!orders.length) return replace(body, h("p", { class: "empty" }, "No orders match."));
        replace(body, h("table", {},
            h("thead", {}, h("tr", {}, ["Order", "Customer", "Status", "Total", "Last change"].map((t) =>
                h("th", { scope: "col" }, t)))),
            h("tbody", {}, orders.map(row))));
    });

    const poller = poll(async () => {
        const filters = { status: status.value, customer_id: customer.value };
        const result = await get(`/api/orders${query({ ...filters, limit: 50 })}`);
        // A filter that changed while the request was out: the next run brings the right list.
        if (filters.status !== status.value || filters.customer_id !== customer.value) return;
        render(result.ok ? { orders: result.data?.orders || [], problem: null } : { orders: [], problem: result.problem });
    }, 2000);

    let debounce = null;
    status.addEventListener("change", () => poller.now());
    customer.addEventListener("input", () => {
        clearTimeout(debounce);
        debounce = setTimeout(() => poller.now(), 300);
    });
    return {
        refresh: () => poller.now(),
        stop: () => {
            clearTimeout(debounce);
            poller.stop();
        },
    };
}

function row(order) {
    return h("tr", { "data-testid": `order-row-${order.order_id}`, "data-status": order.status },
        h("td", { class: "id" }, h("a", { href: `#/orders/${order.order_id}` }, order.order_id)),
        h("td", {}, order.customer_id),
        h("td", {}, statusBadge(order.status), order.reason ? h("span", { class: "reason" }, ` ${order.reason}`) : null),
        h("td", { class: "num time" }, formatMoney(order.total, order.currency)),
        h("td", { class: "time", title: `created ${order.created_at}` }, formatTime(order.updated_at, { ms: false })));
}
