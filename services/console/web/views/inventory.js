// #/inventory — available / reserved / sold per product (GET /api/inventory every 2 s).

import { get, describe } from "../api.js";
import { h, replace, unavailable, formatMoney } from "../dom.js";
import { poll, changed } from "../poll.js";

export function mountInventory(container) {
    const body = h("div", { class: "table-wrap", "aria-live": "polite" });
    replace(container, h("section", { class: "card", "aria-labelledby": "inventory-title" },
        h("h2", { id: "inventory-title" }, "Inventory"), body));

    const render = changed(({ products, problem }) => {
        if (problem) return replace(body, unavailable(`Inventory unavailable: ${describe(problem)}`, "inventory-error"));
        replace(body, h("table", { "data-testid": "inventory-table" },
            h("thead", {}, h("tr", {}, ["Product", "Name", "Price", "Available", "Reserved", "Sold"].map((t) =>
                h("th", { scope: "col" }, t)))),
            h("tbody", {}, products.map(row))));
    });
    const poller = poll(async () => {
        const result = await get("/api/inventory");
        const products = Array.isArray(result.data) ? result.data : result.data?.products;
        if (result.ok && Array.isArray(products)) render({ products, problem: null });
        else render({ products: [], problem: result.problem || { detail: "unexpected answer", status: result.status } });
    }, 2000);
    return { stop: () => poller.stop() };
}

function row(p) {
    return h("tr", { "data-testid": `inventory-row-${p.product_id}` },
        h("td", {}, p.product_id), h("td", {}, p.name),
        h("td", { class: "num" }, formatMoney(p.price, p.currency)),
        h("td", { class: "num", "data-field": "available" }, p.available),
        h("td", { class: "num", "data-field": "reserved" }, p.reserved),
        h("td", { class: "num", "data-field": "sold" }, p.sold));
}
