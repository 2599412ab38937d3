"""Shared helpers of the deploy contract checks (tests/contract/deploy/check_*.py, /usr/bin/python3)."""
import re
import sys
from pathlib import Path

import yaml

# The four services: short name, compose/k8s name, HTTP port (SPEC §1).
SERVICES = {"order": 8081, "inventory": 8082, "payment": 8083, "notification": 8084}
SERVICE_NAMES = [f"{s}-service" for s in SERVICES]

# Metric names agreed between helpers "metrics" and "deploy" (histograms expand to _bucket/_sum/_count).
COUNTERS = [
    "saga_http_requests_total", "saga_events_consumed_total", "saga_events_dead_lettered_total",
    "saga_events_published_total", "saga_orders_created_total", "saga_orders_settled_total",
]
GAUGES = ["saga_outbox_backlog", "saga_outbox_oldest_unsent_age_seconds"]
HISTOGRAMS = ["saga_http_request_duration_seconds", "saga_handler_duration_seconds", "saga_order_settle_duration_seconds"]
RABBITMQ = ["rabbitmq_detailed_queue_messages"]
AGREED_METRICS = set(COUNTERS + GAUGES + RABBITMQ) | {
    h + suffix for h in HISTOGRAMS for suffix in ("_bucket", "_sum", "_count")}

PROMQL_WORDS = {
    "sum", "min", "max", "avg", "count", "by", "without", "rate", "irate", "increase", "histogram_quantile",
    "on", "ignoring", "group_left", "group_right", "offset", "bool", "and", "or", "unless", "topk", "bottomk",
    "delta", "deriv", "abs", "clamp_min", "clamp_max", "vector", "scalar", "le", "time",
}


def metric_names(expr):
    """Identifiers of an expression that name metrics (labels in {...}, by (...) and strings excluded)."""
    text = re.sub(r'"(?:[^"\\]|\\.)*"', '""', expr)          # string literals
    text = re.sub(r"\{[^}]*\}", "{}", text)                   # label matchers
    text = re.sub(r"\b(by|without|on|ignoring)\s*\([^)]*\)", "", text)
    text = re.sub(r"\[[^\]]*\]", "", text)                     # range selectors
    text = re.sub(r"\$\w+", "", text)                          # Grafana variables
    return {w for w in re.findall(r"[A-Za-z_:][A-Za-z0-9_:]*", text) if w not in PROMQL_WORDS}


class Report:
    def __init__(self, name):
        self.name = name
        self.failures = []
        self.checks = 0

    def check(self, ok, message):
        self.checks += 1
        if not ok:
            self.failures.append(message)
        return ok

    def finish(self):
        for f in self.failures:
            print(f"FAIL: {f}", file=sys.stderr)
        print(f"{self.name}: {self.checks} checks, {len(self.failures)} failed")
        sys.exit(1 if self.failures else 0)


def load_yaml(path):
    with open(path) as f:
        return yaml.safe_load(f)


def load_yaml_all(path):
    with open(path) as f:
        return [d for d in yaml.safe_load_all(f) if d is not None]


def dockerfile_targets(dockerfile):
    """Stage names (FROM ... AS name) of a Dockerfile."""
    return re.findall(r"^FROM\s+\S+\s+AS\s+(\S+)\s*$", Path(dockerfile).read_text(), re.M | re.I)


def env_names_in_sources(dirs):
    """Every "UPPER_CASE" string literal in the C++ sources under dirs (env var names are among them)."""
    names = set()
    for d in dirs:
        for f in Path(d).rglob("*"):
            if f.suffix in (".cpp", ".hpp", ".h", ".cc") and f.is_file():
                names |= set(re.findall(r'"([A-Z_][A-Z0-9_]*(?:\{\}[A-Z0-9_]*)?)"', f.read_text(errors="replace")))
    return names


def env_is_read(name, literals):
    """True if name is a literal of the sources, or a service's upper-case short name put into a
    fmt template literal ("SAGACTL_{}_DATABASE_URL"), or PREFIX + <SERVICE> + SUFFIX with both parts
    literals (sagactl builds SAGACTL_<SERVICE>_DATABASE_URL from the service name), or <SERVICE> + a
    literal suffix (the console's ORDER_URL, ORDER_DATABASE_URL)."""
    if name in literals:
        return True
    if any(t.replace("{}", s.upper()) == name for t in literals if "{}" in t for s in SERVICES):
        return True
    for s in SERVICES:
        # <SERVICE> + a literal suffix: the console builds ORDER_URL, ORDER_DATABASE_URL, ...
        if name.startswith(f"{s.upper()}_") and name[len(s):] in literals:
            return True
        middle = f"_{s.upper()}_"
        i = name.find(middle)
        if i > 0 and name[: i + 1] in literals and name[i + len(middle) - 1:] in literals:
            return True
    return False


def source_dirs(repo, compose_service):
    """Source folders whose env reads apply to a service binary."""
    if compose_service == "sagactl":
        return [repo / "services" / "sagactl"]
    short = compose_service.removesuffix("-service")
    return [repo / "services" / "runtime", repo / "services" / short]
