#!/usr/bin/python3
"""Prometheus and Grafana files against the agreed metric names (run with /usr/bin/python3 REPO_ROOT).

Fails unless: prometheus.yml parses, scrapes the four services and RabbitMQ's 15692 (aggregated and
the per-queue detailed endpoint for vhost saga) and loads alerts.yml; the alert rules parse, the
latency alert is the agreed expression, and every metric they use is an agreed name; the Grafana
datasource and dashboard provider parse; the dashboard JSON parses, uses the provisioned datasource
and every panel expression uses only agreed metric names; the panels the brief asks for are there;
every saga_* metric used is a string literal of the service sources (services/).
"""
import json
import re
import sys
from pathlib import Path

from common import AGREED_METRICS, SERVICES, Report, load_yaml, metric_names

repo = Path(sys.argv[1]).resolve()
r = Report("monitoring")
prom_dir = repo / "deploy/prometheus"
graf_dir = repo / "deploy/grafana"

config = load_yaml(prom_dir / "prometheus.yml")
r.check(config.get("rule_files") == ["alerts.yml"], f"rule_files {config.get('rule_files')}, expected [alerts.yml]")
jobs = {j["job_name"]: j for j in config.get("scrape_configs", [])}
targets = set()
for job in jobs.values():
    for sd in job.get("dns_sd_configs", []):
        targets |= {f"{n}:{sd.get('port')}" for n in sd.get("names", [])}
    for sc in job.get("static_configs", []):
        targets |= {(t, job.get("metrics_path", "/metrics"), json.dumps(job.get("params", {}), sort_keys=True))
                    for t in sc.get("targets", [])}
for s, port in SERVICES.items():
    r.check(f"{s}-service:{port}" in targets, f"prometheus does not scrape {s}-service:{port}")
r.check(("rabbitmq:15692", "/metrics", "{}") in targets, "prometheus does not scrape rabbitmq:15692/metrics")
detailed = ("rabbitmq:15692", "/metrics/detailed",
            json.dumps({"family": ["queue_coarse_metrics"], "vhost": ["saga"]}, sort_keys=True))
r.check(detailed in targets, "prometheus does not scrape rabbitmq:15692/metrics/detailed?vhost=saga&family=queue_coarse_metrics")

alerts = load_yaml(prom_dir / "alerts.yml")
rules = [rule for g in alerts.get("groups", []) for rule in g.get("rules", [])]
by_name = {rule.get("alert"): rule for rule in rules}
latency = by_name.get("SagaOrderLatencyHigh", {})
agreed = ("rate(saga_order_settle_duration_seconds_sum[30s]) / "
          "rate(saga_order_settle_duration_seconds_count[30s]) > 1")
r.check(" ".join(str(latency.get("expr", "")).split()) == agreed,
        f"SagaOrderLatencyHigh expr is {latency.get('expr')!r}, expected {agreed!r}")
for rule in rules:
    used = metric_names(str(rule.get("expr", "")))
    r.check(used and used <= AGREED_METRICS, f"alert {rule.get('alert')}: metrics {sorted(used - AGREED_METRICS) or 'none'} not agreed")
    r.check("severity" in rule.get("labels", {}), f"alert {rule.get('alert')}: no severity label")

datasources = load_yaml(graf_dir / "provisioning/datasources/prometheus.yml")["datasources"]
uids = {d["uid"] for d in datasources if d.get("type") == "prometheus"}
r.check(any(d.get("url") == "http://prometheus:9090" for d in datasources), "no datasource at http://prometheus:9090")
providers = load_yaml(graf_dir / "provisioning/dashboards/saga.yml")["providers"]
r.check(any(p.get("options", {}).get("path") == "/etc/grafana/dashboards" for p in providers),
        "no dashboard provider reading /etc/grafana/dashboards (where compose mounts deploy/grafana/dashboards)")

dashboards = sorted((graf_dir / "dashboards").glob("*.json"))
r.check(dashboards, "no dashboard JSON in deploy/grafana/dashboards")
all_metrics = set()
for path in dashboards:
    dash = json.loads(path.read_text())
    r.check(dash.get("uid") and dash.get("title"), f"{path.name}: no uid or title")
    for panel in dash.get("panels", []):
        title = panel.get("title")
        r.check(panel.get("datasource", {}).get("uid") in uids, f"{path.name} '{title}': datasource is not a provisioned uid {uids}")
        r.check(panel.get("targets"), f"{path.name} '{title}': no targets")
        for t in panel.get("targets", []):
            used = metric_names(t.get("expr", ""))
            all_metrics |= used
            r.check(used and used <= AGREED_METRICS,
                    f"{path.name} '{title}': {t.get('expr')!r} uses {sorted(used - AGREED_METRICS) or 'no metric'}, not agreed")
for needed in ("saga_orders_created_total", "saga_orders_settled_total", "saga_order_settle_duration_seconds_bucket",
               "rabbitmq_detailed_queue_messages", "saga_outbox_backlog"):
    r.check(needed in all_metrics, f"no dashboard panel shows {needed}")

# Every saga_* metric the alerts and dashboards use is defined in the service sources (a renamed
# metric breaks this check, not the dashboard in silence).
used = {m for rule in rules for m in metric_names(str(rule.get("expr", "")))} | all_metrics
defined = set()
for f in (repo / "services").rglob("*"):
    if f.suffix in (".cpp", ".hpp") and f.is_file():
        defined |= set(re.findall(r'"(saga_[a-z0-9_]+)"', f.read_text(errors="replace")))
for m in sorted(x for x in used if x.startswith("saga_")):
    base = re.sub(r"_(bucket|sum|count)$", "", m) if m not in defined else m
    r.check(base in defined, f"metric {m} is not defined in services/ (no \"{base}\" literal)")

r.finish()
