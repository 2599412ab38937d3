// Small DOM helpers shared by every view: element creation without innerHTML (no injection from
// API data), and a few formatters.

/// h("div", {class: "x", "data-testid": "y", onclick: fn}, child, "text", [more]) → Element.
export function h(tag, attrs = {}, ...children) {
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
        if (value === undefined || value === null || value === false) continue;
        if (name.startsWith("on") && typeof value === "function") {
            el.addEventListener(name.slice(2), value);
        } else if (name === "value" && "value" in el) {
            el.value = value;
        } else if (value === true) {
            el.setAttribute(name, "");
        } else {
            el.setAttribute(name, String(value));
        }
    }
    append(el, children);
    return el;
}

function append(el, children) {
    for (const child of children) {
        if (child === undefined || child === null || child === false) continue;
        if (Array.isArray(child)) append(el, child);
        else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
}

/// Replaces the children of `el`.
export function replace(el, ...children) {
    el.replaceChildren();
    append(el, children);
}

/// "2026-12-01T07:00:00.123Z" → local "07:00:00.123" (with the date when not today; without the
/// milliseconds when `ms` is false).
export function formatTime(text, { ms = true } = {}) {
    if (!text) return "—";
    const date = new Date(text);
    if (Number.isNaN(date.getTime())) return text;
    let time = date.toLocaleTimeString([], { hour12: false });
    if (ms) time += "." + String(date.getMilliseconds()).padStart(3, "0");
    return date.toDateString() === new Date().toDateString() ? time : `${date.toLocaleDateString()} ${time}`;
}

export function formatMoney(amount, currency) {
    if (amount === undefined || amount === null) return "—";
    return `${Number(amount).toFixed(2)} ${currency || ""}`.trim();
}

/// An inline "this part is unavailable" message; the rest of the page keeps working.
export function unavailable(text, testid) {
    return h("p", { class: "inline-error", role: "status", "data-testid": testid }, text);
}

/// A status label: colour plus the text itself, never colour alone.
export function statusBadge(status, attrs = {}) {
    return h("span", { class: `badge status-${String(status).toLowerCase()}`, ...attrs }, status);
}
