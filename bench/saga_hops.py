#!/usr/bin/env python3
"""Where a confirmed order's settle time goes, hop by hop, read from the services' own tables.

Usage: bench/saga_hops.py PG_URL_PREFIX LAST_N OUT_DIR
  PG_URL_PREFIX  postgresql://user@host:port/ (the service databases saga_* are appended)
  LAST_N         the newest N orders (by seq) are the ones measured: the last load's
Writes OUT_DIR/hops.json and OUT_DIR/hops.md and prints the markdown.

Every timestamp is PostgreSQL's clock on this one machine:
  order row inserted (orders.created_at, in the POST's group commit)
  -> order.created written (order outbox created_at: the outbox rows are inserted just before commit)
  -> inventory's batch began (inventory inbox received_at = its transaction's start)
  -> inventory.reserved written -> payment's batch began -> payment.completed written
  -> order's batch began -> order.confirmed written -> order.confirmed marked sent (after the
     broker confirmed it; the bench sees it about then).
"consumer began" minus "written" is the relay's claim, publish and confirm plus the broker's
delivery plus the time the message waited for the consumer's current batch to end.
"""
import csv
import io
import json
import subprocess
import sys
from pathlib import Path


def rows(url: str, query: str):
    text = subprocess.run(["psql", url, "-qAt", "-c", f"COPY ({query}) TO STDOUT WITH CSV"],
                          check=True, capture_output=True, text=True).stdout
    return list(csv.reader(io.StringIO(text)))


def epoch_ms(column: str) -> str:
    return f"extract(epoch FROM {column}) * 1000"


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    prefix, last_n, out = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
    db = lambda name: prefix + "saga_" + name

    orders = {order_id: float(at) for order_id, at in rows(
        db("order"), f"SELECT order_id, {epoch_ms('created_at')} FROM orders "
                     f"WHERE status = 'CONFIRMED' AND seq > (SELECT max(seq) FROM orders) - {last_n}")}
    written, sent, began = {}, {}, {}  # (event type, order id) -> ms; message id -> ...
    message_of = {}
    for service in ["order", "inventory", "payment"]:
        for message_id, event_type, order_id, created, sent_at in rows(
                db(service), f"SELECT message_id, event_type, aggregate_id, {epoch_ms('created_at')}, "
                             f"{epoch_ms('sent_at')} FROM outbox"):
            written[(event_type, order_id)] = float(created)
            sent[(event_type, order_id)] = float(sent_at) if sent_at else None
            message_of[(event_type, order_id)] = message_id
        for message_id, at in rows(db(service), f"SELECT message_id, {epoch_ms('received_at')} FROM inbox"):
            began[(service, message_id)] = float(at)

    if orders and not written:
        text = ("No hop split: the services' outboxes hold no rows of these orders (with OUTBOX_SENT_RETENTION=0 "
                "the relays delete each row once the broker confirmed it).\n")
        (out / "hops.json").write_text(json.dumps({"orders": 0, "hops_ms": {}, "note": text.strip()}, indent=2) + "\n")
        (out / "hops.md").write_text(text)
        print(text)
        return

    # (label, start point, end point); a point is ("written"|"sent", event) or ("began", service, event)
    chain = [("order row inserted -> order.created written", None, ("written", "order.created")),
             ("order.created written -> inventory batch began", ("written", "order.created"),
              ("began", "inventory", "order.created")),
             ("inventory batch began -> inventory.reserved written", ("began", "inventory", "order.created"),
              ("written", "inventory.reserved")),
             ("inventory.reserved written -> payment batch began", ("written", "inventory.reserved"),
              ("began", "payment", "inventory.reserved")),
             ("payment batch began -> payment.completed written", ("began", "payment", "inventory.reserved"),
              ("written", "payment.completed")),
             ("payment.completed written -> order batch began", ("written", "payment.completed"),
              ("began", "order", "payment.completed")),
             ("order batch began -> order.confirmed written", ("began", "order", "payment.completed"),
              ("written", "order.confirmed")),
             ("order.confirmed written -> marked sent (broker confirmed)", ("written", "order.confirmed"),
              ("sent", "order.confirmed")),
             ("order row inserted -> order.confirmed marked sent", None, ("sent", "order.confirmed"))]

    def at(point, order_id):
        if point is None:
            return orders[order_id]
        if point[0] == "written":
            return written.get((point[1], order_id))
        if point[0] == "sent":
            return sent.get((point[1], order_id))
        message_id = message_of.get((point[2], order_id))
        return began.get((point[1], message_id))

    durations = {label: [] for label, _, _ in chain}
    for order_id in orders:
        points = [(at(start, order_id), at(end, order_id)) for _, start, end in chain]
        if any(a is None or b is None for a, b in points):
            continue  # not through every hop (e.g. cancelled); measured orders are all confirmed
        for (label, _, _), (a, b) in zip(chain, points):
            durations[label].append(b - a)

    result = {"orders": len(durations[chain[0][0]]),
              "hops_ms": {label: {"p50": percentile(v, 50), "p95": percentile(v, 95), "p99": percentile(v, 99),
                                  "mean": sum(v) / len(v)} for label, v in durations.items() if v}}
    (out / "hops.json").write_text(json.dumps(result, indent=2) + "\n")
    lines = [f"Where the settle time goes, {result['orders']} confirmed orders of the last load "
             "(PostgreSQL's clock; bench/saga_hops.py):", "",
             "| hop | mean | p50 | p95 | p99 (ms) |", "|---|---|---|---|---|"]
    for label, h in result["hops_ms"].items():
        lines.append(f"| {label} | {h['mean']:.1f} | {h['p50']:.1f} | {h['p95']:.1f} | {h['p99']:.1f} |")
    text = "\n".join(lines) + "\n"
    (out / "hops.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
