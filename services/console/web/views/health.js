// Service health lights and the SLA light, from GET /console/api/health every 2 s.

import { get, describe } from "../api.js";
import { h, replace, unavailable } from "../dom.js";
import { poll, changed } from "../poll.js";

const kServices = ["order", "inventory", "payment", "notification"];
const kHealthLabels = { ok: "OK", degraded: "Degraded", down: "Down", unreachable: "Unreachable" };
const kSlaLabels = { green: "Within SLA", red: "SLA breached", unknown: "No data" };

export function mountHealth(container) {
    const lights = h("ul", { class: "lights", "aria-label": "Service health" });
    const sla = h("div", { class: "sla" });
    const message = h("div");
    replace(container, h("section", { class: "card", "aria-labelledby": "health-title" },
        h("h2", { id: "health-title" }, "Health"), lights, sla, message));

    const render = changed(({ health, problem }) => {
        replace(message, problem ? unavailable(`Health unavailable: ${describe(problem)}`, "health-error") : null);
        replace(lights, kServices.map((service) => light(service, health?.services?.[service])));
        replace(sla, slaLight(health?.sla));
    });

    const poller = poll(async () => {
        const result = await get("/console/api/health");
        render(result.ok ? { health: result.data, problem: null } : { health: null, problem: result.problem });
    }, 2000);
    return { stop: () => poller.stop() };
}

function light(service, state) {
    // No answer from the console: nothing is known about the service, so it counts as unreachable.
    const status = state?.status in kHealthLabels ? state.status : "unreachable";
    const checks = Object.entries(state?.checks || {}).map(([name, value]) =>
        h("li", {}, `${name}: ${typeof value === "object" ? JSON.stringify(value) : value}`));
    return h("li", { class: `light health-${status}`, "data-testid": `health-light-${service}`, "data-status": status },
        h("span", { class: "dot", "aria-hidden": "true" }),
        h("span", { class: "light-name" }, service),
        h("span", { class: "light-label" }, kHealthLabels[status]),
        checks.length ? h("ul", { class: "checks" }, checks) : null);
}

function thresholdText(seconds) {
    return seconds >= 1 ? `${seconds} s` : `${Math.round(seconds * 1000)} ms`;
}

function slaLight(sla) {
    const status = sla?.status in kSlaLabels ? sla.status : "unknown";
    const average = typeof sla?.average_latency_seconds === "number"
        ? `average settle time ${(sla.average_latency_seconds * 1000).toFixed(0)} ms`
        : "no average yet";
    const window = sla?.window_seconds ? `, ${sla.settled_in_window ?? 0} settled in the last ${sla.window_seconds} s` : "";
    return h("div", { class: `light sla-${status}`, "data-testid": "sla-light", "data-status": status },
        h("span", { class: "dot", "aria-hidden": "true" }),
        h("span", { class: "light-name" }, `SLA (settle < ${thresholdText(sla?.threshold_seconds ?? 1)})`),
        h("span", { class: "light-label" }, kSlaLabels[status]),
        h("span", { class: "light-detail" }, average + window));
}
