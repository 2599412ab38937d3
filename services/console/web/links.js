// Links to the RabbitMQ management UI and Grafana, from GET /console/api/links (the header keeps
// the local defaults when the console cannot say).

import { get } from "./api.js";

export async function loadLinks() {
    const result = await get("/console/api/links");
    if (!result.ok || !result.data) return;
    const set = (testid, url) => {
        const link = document.querySelector(`[data-testid="${testid}"]`);
        if (link && typeof url === "string" && /^https?:\/\//.test(url)) link.href = url;
    };
    set("link-management-ui", result.data.management_ui);
    set("link-grafana", result.data.grafana);
}
