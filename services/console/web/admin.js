// The admin token, typed into the header's `admin-token` input and kept for the tab's lifetime in
// sessionStorage; sent as `Authorization: Bearer` on DLQ replay and purge only.

const kKey = "saga-console-admin-token";

export function bindAdminToken(input) {
    input.value = sessionStorage.getItem(kKey) || "";
    input.addEventListener("input", () => {
        if (input.value) sessionStorage.setItem(kKey, input.value);
        else sessionStorage.removeItem(kKey);
    });
}

export function adminHeaders() {
    const token = sessionStorage.getItem(kKey) || document.querySelector('[data-testid="admin-token"]')?.value || "";
    return token ? { Authorization: `Bearer ${token}` } : {};
}
