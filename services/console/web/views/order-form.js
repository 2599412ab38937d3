// The create-order form: POST /api/orders, validation from the API's problem+json. The form does
// no validation of its own (novalidate) so that the API's field errors are what the user sees.

import { get, post, describe, newIdempotencyKey } from "../api.js";
import { h, replace, unavailable, formatMoney } from "../dom.js";

const kTokens = [
    ["tok_visa", "tok_visa — approves"],
    ["tok_chargeDeclined", "tok_chargeDeclined — card declined"],
    ["tok_chargeDeclinedInsufficientFunds", "tok_chargeDeclinedInsufficientFunds — insufficient funds"],
];

export function mountOrderForm(container, { onCreated } = {}) {
    let products = null;  // null: not loaded (inventory unavailable) → free-text product ids
    const items = h("div", { class: "items" });
    const productNote = h("div");
    const errors = h("div", { "data-testid": "order-form-errors", class: "form-errors", role: "alert", hidden: true });
    const outcome = h("p", { class: "form-outcome", role: "status", "data-testid": "order-form-outcome" });
    const customer = h("input", { id: "order-customer", name: "customer_id", "data-testid": "order-form-customer",
        autocomplete: "off", placeholder: "e.g. c-42" });
    const email = h("input", { id: "order-email", name: "email", type: "email", "data-testid": "order-form-email",
        autocomplete: "off", placeholder: "optional" });
    const token = h("select", { id: "order-token", name: "payment_token", "data-testid": "order-form-token" },
        kTokens.map(([value, label]) => h("option", { value }, label)));
    const submit = h("button", { type: "submit", class: "primary", "data-testid": "order-form-submit" }, "Place order");

    const form = h("form", { "data-testid": "order-form", novalidate: true, "aria-labelledby": "order-form-title" },
        h("h2", { id: "order-form-title" }, "New order"),
        h("div", { class: "field-row" },
            h("div", { class: "field" }, h("label", { for: "order-customer" }, "Customer id"), customer),
            h("div", { class: "field" }, h("label", { for: "order-email" }, "Email"), email)),
        h("fieldset", {}, h("legend", {}, "Items"), productNote, items,
            h("div", { class: "actions" },
                h("button", { type: "button", "data-testid": "order-form-add-item", onclick: () => addItem() }, "Add item"),
                h("button", { type: "button", "data-testid": "order-form-remove-item", onclick: () => removeLast() },
                    "Remove last item"))),
        h("div", { class: "field" }, h("label", { for: "order-token" }, "Payment token"), token),
        h("div", { class: "actions" }, submit),
        errors, outcome);
    replace(container, h("section", { class: "card" }, form));

    function addItem(productId = "", quantity = 1) {
        const n = items.children.length;
        const productAttrs = { id: `order-product-${n}`, "data-testid": `order-form-product-${n}`, name: `product-${n}` };
        const product = products
            ? h("select", productAttrs, h("option", { value: "" }, "— choose a product —"),
                products.map((p) => h("option", { value: p.product_id },
                    `${p.product_id} — ${p.name} (${formatMoney(p.price, p.currency)}, ${p.available} left)`)))
            : h("input", { ...productAttrs, placeholder: "PROD-001", autocomplete: "off" });
        product.value = productId;
        const qty = h("input", { id: `order-quantity-${n}`, "data-testid": `order-form-quantity-${n}`, type: "number",
            name: `quantity-${n}`, inputmode: "numeric", value: String(quantity) });
        const row = h("div", { class: "item-row" },
            h("div", { class: "field grow" }, h("label", { for: product.id }, `Product ${n + 1}`), product),
            h("div", { class: "field" }, h("label", { for: qty.id }, "Quantity"), qty));
        items.append(row);
    }

    function removeLast() {
        if (items.children.length > 1) items.lastElementChild.remove();
    }

    function readItems() {
        return [...items.children].map((_, n) => {
            const raw = form.querySelector(`[data-testid="order-form-quantity-${n}"]`).value.trim();
            const number = Number(raw);
            return {
                product_id: form.querySelector(`[data-testid="order-form-product-${n}"]`).value.trim(),
                // Whatever was typed goes to the API, which says what is wrong with it.
                quantity: raw !== "" && Number.isFinite(number) ? number : raw,
            };
        });
    }

    function showErrors(problem) {
        const list = (problem.errors || []).map((e) =>
            h("li", { "data-field": e.field }, h("code", {}, e.field || "request"), ": ", e.message));
        replace(errors, h("p", { class: "problem-detail" }, describe(problem)), list.length ? h("ul", {}, list) : null);
        errors.hidden = false;
    }

    let unsettled = null;  // { body, key } of the last submission whose outcome is unknown
    form.addEventListener("submit", async (event) => {
        event.preventDefault();
        errors.hidden = true;
        replace(errors);
        replace(outcome);
        const body = { customer_id: customer.value.trim(), items: readItems(), payment_token: token.value };
        if (email.value.trim()) body.email = email.value.trim();
        // The same order submitted again after an answer that settled nothing (no answer, a
        // gateway or the service unavailable, 409 for the key still in flight) keeps its key: the
        // order service may have made it already, and then replays it instead of making another.
        const sent = JSON.stringify(body);
        const key = unsettled && unsettled.body === sent ? unsettled.key : newIdempotencyKey();
        submit.disabled = true;
        const result = await post("/api/orders", body, { "Idempotency-Key": key });
        submit.disabled = false;
        unsettled = !result.ok && (result.status === 0 || result.status === 409 || result.status >= 500)
            ? { body: sent, key } : null;
        if (!result.ok) return showErrors(result.problem);
        const id = result.data?.order_id;
        replace(outcome, "Order ", h("a", { href: `#/orders/${id}`, "data-testid": "order-form-created" }, id),
            ` accepted (${result.data?.status}).`);
        if (onCreated) onCreated(result.data);
    });

    (async () => {
        const result = await get("/api/inventory");
        const list = Array.isArray(result.data) ? result.data : result.data?.products || result.data?.items;
        if (result.ok && Array.isArray(list)) {
            products = list;
        } else {
            replace(productNote, unavailable(
                `Products unavailable (${describe(result.problem) || "unexpected answer"}); type product ids instead.`,
                "order-form-products-error"));
        }
        const previous = items.children.length ? readItems() : [{ product_id: "", quantity: 1 }];
        replace(items);
        for (const item of previous) addItem(item.product_id, item.quantity);
    })();
    addItem();
    return { stop: () => {} };
}
