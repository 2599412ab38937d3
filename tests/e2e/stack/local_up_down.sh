#!/usr/bin/env bash
# local_up_down.sh BUILD_DIR — deploy/local/up and deploy/local/down as the README's Quick start
# runs them (with --no-build, the binaries of BUILD_DIR, free ports, a state directory given
# relative to another working directory): a port held by someone else is refused, an order
# submitted through the console settles, a second up changes nothing, and down stops everything
# it started.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
[[ $# == 1 ]] || { echo "usage: $0 BUILD_DIR" >&2; exit 2; }
export SAGA_UP_BUILD_DIR=$1 SAGA_PG_INITDB_NOSYNC=1
# Characters that mean something in a URL: up must encode them where the password goes in one.
export RABBITMQ_ADMIN_PASSWORD='p@ss/w:rd%1'

work=$(mktemp -d "${TMPDIR:-/tmp}/saga-up-down.XXXXXX")
chmod 755 "$work"
cd "$work"
export SAGA_STATE_DIR=state  # relative to $work, not to the repository
failures=0
ok() { echo "  ok   $*"; }
bad() { echo "  FAIL $*"; failures=$((failures + 1)); }
alive() { kill -0 "$1" 2>/dev/null && ! grep -qs '^State:[[:space:]]*Z' "/proc/$1/status"; }
squatter=
cleanup() {
  [[ -z $squatter ]] || { kill "$squatter"; wait "$squatter"; } 2>/dev/null || true
  "$repo/deploy/local/down" >/dev/null 2>&1 || true
  "$repo/deploy/local/lib/stack" stop-all "$work/state" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
for v in PG_PORT AMQP_PORT MGMT_PORT ORDER_PORT INVENTORY_PORT PAYMENT_PORT NOTIFICATION_PORT CONSOLE_PORT; do
  export "$v=$(free_port)"
done

echo "== a service port another process holds"
# It answers /health as a service would: up must not take it for the order service.
python3 -c '
import http.server, sys
class Ok(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200); self.end_headers(); self.wfile.write(b"{\"status\":\"ok\"}")
    def log_message(self, *args): pass
http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), Ok).serve_forever()' "$ORDER_PORT" &
squatter=$!
for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$ORDER_PORT") 2>/dev/null && break; sleep 0.1; done
if out=$("$repo/deploy/local/up" --no-build 2>&1); then
  bad "up succeeded with port $ORDER_PORT taken"
elif grep -q "port 127.0.0.1:$ORDER_PORT for order-service is in use" <<<"$out"; then
  ok "up refuses a taken service port"
else
  bad "up failed for another reason:"; tail -n 20 <<<"$out"
fi
{ kill "$squatter"; wait "$squatter"; } 2>/dev/null || true
squatter=

echo "== up"
if out=$("$repo/deploy/local/up" --no-build 2>&1); then ok "up exits 0"; else bad "up failed:"; tail -n 40 <<<"$out"; exit 1; fi
grep -q "Console: http://localhost:$CONSOLE_PORT" <<<"$out" && ok "up prints the console URL" || bad "no console URL in: $out"
console=http://127.0.0.1:$CONSOLE_PORT
order=$(curl -fsS -X POST "$console/api/orders" -H 'Content-Type: application/json' \
  -d '{"customer_id":"c-up","items":[{"product_id":"PROD-001","quantity":1}]}' |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["order_id"])') || order=
status=
for _ in $(seq 1 100); do
  [[ -n $order ]] || break
  status=$(curl -fsS "$console/api/orders/$order" | python3 -c 'import json, sys; print(json.load(sys.stdin)["status"])') || true
  [[ $status == CONFIRMED ]] && break
  sleep 0.2
done
[[ $status == CONFIRMED ]] && ok "an order through the console is CONFIRMED" || bad "order '${order}' is '${status}'"

curl -fsS "$console/console/api/queues" | grep -q '"name":"order-service"' &&
  ok "the console reads the queues through the management API" || bad "the console cannot read the queues"

out=$("$repo/deploy/local/up" --no-build 2>&1) || true
grep -q "already up; nothing changed" <<<"$out" && ok "a second up changes nothing" || bad "second up: $out"

echo "== down"
pids=()
for f in state/services/*.pid state/postgres/pid state/rabbitmq/pid state/rabbitmq/launcher_pid state/rabbitmq/epmd_pid; do
  [[ -s $f ]] && pids+=("$(cat "$f")")
done
(( ${#pids[@]} == 9 )) && ok "up recorded 9 PIDs (5 services, PostgreSQL, RabbitMQ, its launcher and epmd)" || bad "up recorded ${#pids[@]} PIDs, not 9"
# Without SAGA_UP_BUILD_DIR: down checks each PID against the build up recorded.
if env -u SAGA_UP_BUILD_DIR "$repo/deploy/local/down" >/dev/null 2>&1; then ok "down exits 0"; else bad "down failed"; fi
left=()
for p in "${pids[@]}"; do alive "$p" && left+=("$p"); done
(( ${#left[@]} == 0 )) && ok "down stopped every process up started" ||
  { bad "still running: ${left[*]}"; ps -o pid,cmd -p "${left[@]}" | cut -c1-150; }

(( failures == 0 )) || { echo "$failures check(s) failed"; exit 1; }
echo "all checks passed"
