// #/ — health and SLA lights, the create-order form and the live order list.

import { h, replace } from "../dom.js";
import { mountHealth } from "./health.js";
import { mountOrderForm } from "./order-form.js";
import { mountOrderList } from "./order-list.js";

export function mountDashboard(container) {
    const health = h("div", { class: "area-health" });
    const form = h("div", { class: "area-form" });
    const list = h("div", { class: "area-list" });
    replace(container, h("div", { class: "dashboard" }, health, form, list));
    const parts = [mountHealth(health)];
    const orders = mountOrderList(list);
    parts.push(orders, mountOrderForm(form, { onCreated: () => orders.refresh() }));
    return { stop: () => parts.forEach((part) => part.stop()) };
}
