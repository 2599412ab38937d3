// Talking to the console (same origin): JSON in, JSON out, RFC 9457 problems turned into values.
// A call never throws; it resolves to { ok, status, data, problem, headers }.

const kTimeoutMs = 8000;

export async function request(method, path, { body, headers = {} } = {}) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), kTimeoutMs);
    const init = { method, headers: { Accept: "application/json, application/problem+json", ...headers }, signal: controller.signal };
    if (body !== undefined) {
        init.headers["Content-Type"] = "application/json";
        init.body = JSON.stringify(body);
    }
    try {
        const response = await fetch(path, init);
        const text = await response.text();
        let data = null;
        try {
            data = text ? JSON.parse(text) : null;
        } catch {
            data = null;
        }
        const result = { ok: response.ok, status: response.status, data, problem: null, headers: response.headers };
        if (!response.ok) result.problem = toProblem(response.status, data, text);
        return result;
    } catch (error) {
        const detail = error.name === "AbortError" ? "the console did not answer in time" : "the console is unreachable";
        return { ok: false, status: 0, data: null, problem: { title: "Network error", status: 0, detail, errors: [] } };
    } finally {
        clearTimeout(timer);
    }
}

function toProblem(status, data, text) {
    if (data && typeof data === "object") {
        return {
            title: data.title || `HTTP ${status}`,
            status: data.status || status,
            detail: data.detail || data.title || `HTTP ${status}`,
            errors: Array.isArray(data.errors) ? data.errors : [],
            type: data.type,
        };
    }
    return { title: `HTTP ${status}`, status, detail: text ? text.slice(0, 200) : `HTTP ${status}`, errors: [] };
}

export const get = (path) => request("GET", path);
export const post = (path, body, headers) => request("POST", path, { body, headers });

/// "status=PENDING&customer_id=c-1", leaving out empty values (the APIs reject empty filters).
export function query(params) {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) {
        if (value !== undefined && value !== null && String(value).trim() !== "") search.set(name, String(value).trim());
    }
    const text = search.toString();
    return text ? `?${text}` : "";
}

/// One line for a problem: "detail (HTTP 502)".
export function describe(problem) {
    if (!problem) return "";
    return problem.status ? `${problem.detail} (HTTP ${problem.status})` : problem.detail;
}

export function newIdempotencyKey() {
    if (globalThis.crypto && crypto.randomUUID) return crypto.randomUUID();
    return `key-${Date.now()}-${Math.random().toString(16).slice(2)}`;
}
