// The console's entry point: hash routing (#/, #/orders/<id>, #/inventory, #/dlq), the header
// (links, admin token) and one mounted view at a time — the previous view's polling stops.

import { bindAdminToken } from "./admin.js";
import { h, replace } from "./dom.js";
import { loadLinks } from "./links.js";
import { mountDashboard } from "./views/dashboard.js";
import { mountDlq } from "./views/dlq.js";
import { mountInventory } from "./views/inventory.js";
import { mountOrderPage } from "./views/order-page.js";

const main = document.getElementById("main");
let current = null;

function route() {
    const path = location.hash.replace(/^#/, "") || "/";
    current?.stop();
    current = null;
    const order = /^\/orders\/([^/]+)$/.exec(path);
    let name = "dashboard";
    if (path === "/") current = mountDashboard(main);
    else if (order) {
        name = "orders";
        current = mountOrderPage(main, decodeURIComponent(order[1]));
    } else if (path === "/inventory") {
        name = "inventory";
        current = mountInventory(main);
    } else if (path === "/dlq") {
        name = "dlq";
        current = mountDlq(main);
    } else {
        name = "";
        replace(main, h("section", { class: "card" }, h("h2", {}, "Not found"),
            h("p", {}, "No page at ", h("code", {}, location.hash), ". ", h("a", { href: "#/" }, "Go to the dashboard."))));
    }
    for (const link of document.querySelectorAll("nav [data-route]")) {
        if (link.dataset.route === name) link.setAttribute("aria-current", "page");
        else link.removeAttribute("aria-current");
    }
    main.focus({ preventScroll: true });
}

bindAdminToken(document.querySelector('[data-testid="admin-token"]'));
loadLinks();
window.addEventListener("hashchange", route);
route();
