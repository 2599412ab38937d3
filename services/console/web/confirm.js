// A modal confirmation: confirmAction("Purge 3 messages?") resolves true on "Yes", false otherwise
// (No, Escape). One <dialog data-testid="confirm-dialog"> at a time.

import { h } from "./dom.js";

export function confirmAction(question, yesLabel = "Yes") {
    document.querySelector('[data-testid="confirm-dialog"]')?.remove();
    return new Promise((resolve) => {
        const yes = h("button", { type: "button", class: "danger", "data-testid": "confirm-yes" }, yesLabel);
        const no = h("button", { type: "button", "data-testid": "confirm-no" }, "Cancel");
        const dialog = h("dialog", { "data-testid": "confirm-dialog", "aria-labelledby": "confirm-question" },
            h("p", { id: "confirm-question" }, question), h("div", { class: "actions" }, no, yes));
        const close = (answer) => {
            if (dialog.open) dialog.close();
            dialog.remove();
            resolve(answer);
        };
        yes.addEventListener("click", () => close(true));
        no.addEventListener("click", () => close(false));
        dialog.addEventListener("cancel", (event) => {
            event.preventDefault();
            close(false);
        });
        document.body.append(dialog);
        dialog.showModal();
        no.focus();
    });
}
