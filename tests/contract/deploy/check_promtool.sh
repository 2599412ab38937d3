#!/bin/bash
# promtool (Debian package prometheus) checks of deploy/prometheus/ and the Grafana panel queries:
# check config, check rules, test rules (alerts_test.yml: the alerts fire and resolve as intended),
# and every dashboard expression parsed as PromQL (wrapped into a throwaway rules file).
# Usage: check_promtool.sh REPO_ROOT. Fails when promtool (Debian package prometheus, installed by
# deploy/local/lib/install-deps.sh test) is missing.
set -euo pipefail
repo=$1
command -v promtool >/dev/null || { echo "promtool not installed (Debian package prometheus): run deploy/local/lib/install-deps.sh test" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cd "$repo/deploy/prometheus"
promtool check config prometheus.yml
promtool check rules alerts.yml
promtool test rules alerts_test.yml

# Grafana's $__rate_interval becomes a plain range so promtool can parse the expression.
/usr/bin/python3 - "$repo"/deploy/grafana/dashboards/*.json >"$tmp/panels.yml" <<'PY'
import json, sys, yaml
rules = []
for path in sys.argv[1:]:
    for panel in json.load(open(path)).get("panels", []):
        for t in panel.get("targets", []):
            rules.append({"record": f"panel:{len(rules)}", "expr": t["expr"].replace("$__rate_interval", "1m")})
print(yaml.safe_dump({"groups": [{"name": "grafana-panels", "rules": rules}]}))
PY
promtool check rules "$tmp/panels.yml"
