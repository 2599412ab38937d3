#!/usr/bin/env python3
"""Turns one bench/run-saga run (ceilings.json, load.json, measures.json, series.dat in DIR)
into results.json, results.md and plot.png, and prints the markdown table.

Usage: bench/saga_report.py DIR

Figures only: the issue's targets are printed next to the measured values with met / not met,
nothing fails on them.
"""
import json
import shutil
import subprocess
import sys
from pathlib import Path

SERVICES = ["order-service", "inventory-service", "payment-service", "notification-service"]
TARGET_FRACTION = 0.5  # of the lower ceiling
TARGET_CPU_MS = 2.5  # per order, summed over every process: services, broker, database
TARGET_P99_MS = 100.0  # at half the max rate
P99_TARGET = "p99 <= 100 ms at half the max rate the lower ceiling allows"
P99_SETTLED_TARGET = "p99 <= 100 ms at half the settled rate of the first load"
TARGET_RSS_MIB = 32.0  # per service


def met(ok):
    return "met" if ok else "not met"


def read_if_there(path: Path):
    return json.loads(path.read_text()) if path.exists() else None


def p99_met(load):
    return met(load["latency_ms"]["p99"] <= TARGET_P99_MS)


def build(out: Path):
    ceilings = json.loads((out / "ceilings.json").read_text())
    load = json.loads((out / "load.json").read_text())
    measures = json.loads((out / "measures.json").read_text())
    settled = load["settled"]
    hz = measures["clock_ticks_per_s"]
    per_order = lambda value: value / settled if settled else float("nan")

    cpu_s = {name: (measures["cpu_ticks_after"][name] - measures["cpu_ticks_before"][name]) / hz
             for name in measures["cpu_ticks_after"]}
    cpu_s_per_1000 = {name: 1000 * per_order(seconds) for name, seconds in cpu_s.items()}
    services_cpu_ms = sum(cpu_s_per_1000[s] for s in SERVICES)  # s per 1000 orders = ms per order
    all_cpu_ms = sum(cpu_s_per_1000.values())

    # Context switches: counted per thread from /proc (older runs did not record them).
    switches_per_order = {name: per_order(measures["context_switches_after"][name]
                                          - measures["context_switches_before"][name])
                          for name in measures.get("context_switches_after", {})}
    switch_us = ceilings.get("process_switch_cpu_us")
    # What each process burns with no load at all (polling, broker upkeep), in CPU ms per second:
    # at a low rate it weighs on the CPU per order.
    idle_cpu_ms_per_s = {name: 1000 * (measures["cpu_ticks_idle_window_end"][name]
                                       - measures["cpu_ticks_idle_window_start"][name]) / hz
                         / measures["idle_window_s"]
                         for name in measures.get("cpu_ticks_idle_window_end", {})}

    idle_rate = measures["commits_idle_window"] / measures["idle_window_s"]
    commits = measures["commits_load_and_tail"] - idle_rate * measures["tail_s"]
    commits_per_order = per_order(commits)
    deliveries_per_order = per_order(measures["events_consumed"])
    published_per_order = per_order(measures["events_published"])

    broker_bound = ceilings["broker_messages_per_s"] / deliveries_per_order
    db_bound = ceilings["db_commits_per_s"] / commits_per_order
    lower = min(broker_bound, db_bound)
    fraction = load["settled_per_s"] / lower
    rss_mib = {name: kib / 1024 for name, kib in measures["peak_rss_kib"].items()}

    half = lower / 2
    half_load = read_if_there(out / "half-load.json")
    if half_load is not None:
        p99_target = p99_met(half_load)
    elif load["mode"] == "open" and abs(load["target_rate"] - half) <= 0.2 * half:
        p99_target = p99_met(load)
    else:
        p99_target = f"not measured (run with --half-rate, or --rate {half:.0f})"
    # Deferred: what the run's rows cost the retention cleanup once past its windows, less what
    # PostgreSQL burns idle meanwhile. Per order of every load of the run, warm-up included.
    cleanup = read_if_there(out / "retention-cleanup.json")
    later_ms = None
    if cleanup is not None and cleanup["orders"]:
        idle_pg = idle_cpu_ms_per_s.get("postgres", 0) * cleanup["seconds"]
        later_ms = max(0.0, 1000 * cleanup["postgres_ticks"] / hz - idle_pg) / cleanup["orders"]
    half_settled_load = read_if_there(out / "half-settled-load.json")
    p99_settled_target = p99_met(half_settled_load) if half_settled_load else "not measured (run with --half-settled)"

    return {
        "load": load,
        "half_rate_load": half_load,
        "half_settled_load": half_settled_load,
        "ceilings": ceilings,
        "measures": measures,
        "cpu_seconds": cpu_s,
        "cpu_seconds_per_1000_orders": cpu_s_per_1000,
        "cpu_ms_per_order": {"services": services_cpu_ms, "all_processes": all_cpu_ms,
                             "later_retention_cleanup": later_ms},
        "retention_cleanup": cleanup,
        "peak_rss_mib": rss_mib,
        "context_switches_per_order": switches_per_order,
        "idle_cpu_ms_per_s": idle_cpu_ms_per_s,
        "process_switch_cpu_us": switch_us,
        "per_order": {
            "broker_deliveries": deliveries_per_order,
            "events_published": published_per_order,
            "commits": commits_per_order,
        },
        "max_orders_per_s": {"broker_bound": broker_bound, "database_bound": db_bound, "lower": lower},
        "fraction_of_lower_ceiling": fraction,
        "targets": {
            "settled >= 50% of the lower ceiling": met(fraction >= TARGET_FRACTION),
            "CPU <= 2.5 ms per order (all processes)": met(all_cpu_ms <= TARGET_CPU_MS),
            "CPU <= 2.5 ms per order (all processes), with the later retention cleanup":
                met(all_cpu_ms + later_ms <= TARGET_CPU_MS) if later_ms is not None else "not measured",
            P99_TARGET: p99_target,
            P99_SETTLED_TARGET: p99_settled_target,
            "peak RSS <= 32 MiB per service": met(max(rss_mib.values()) <= TARGET_RSS_MIB),
        },
    }


def markdown(r):
    load, c, m = r["load"], r["ceilings"], r["measures"]
    lat = load["latency_ms"]
    mode = (f"open loop at {load['target_rate']:g} orders/s ({load['concurrency']} senders)"
            if load["mode"] == "open" else f"closed loop, concurrency {load['concurrency']}")
    lines = [
        f"# Saga order benchmark: {load['orders']} orders, {mode}",
        "",
        f"Machine: {m['machine']['nproc']} cores, load average at the end {m['machine']['loadavg_at_end']}, "
        f"kernel {m['machine']['kernel']}. Broker, database, services and load generator share it.",
        "",
        "| measure | value |",
        "|---|---|",
        f"| orders accepted / settled / confirmed / HTTP errors | {load['accepted']} / {load['settled']} / "
        f"{load['confirmed']} / {load['http_errors']} |",
        f"| orders accepted/s | {load['accepted_per_s']:.1f} |",
        f"| orders settled/s | {load['settled_per_s']:.1f} |",
        f"| settle latency p50 / p95 / p99 / max (ms) | {lat['p50']:.1f} / {lat['p95']:.1f} / {lat['p99']:.1f} / "
        f"{lat['max']:.1f} |",
        f"| broker ceiling: persistent {c['payload_bytes']} B messages, confirms, quorum queue, manual acks "
        f"| {c['broker_messages_per_s']:.0f} messages/s |",
        f"| database ceiling: insert order + insert outbox row, {c['db_connections']} connections "
        f"| {c['db_commits_per_s']:.0f} commits/s |",
        f"| broker deliveries per order (events published per order) | {r['per_order']['broker_deliveries']:.2f} "
        f"({r['per_order']['events_published']:.2f}) |",
        f"| database commits per order | {r['per_order']['commits']:.2f} |",
        f"| max orders/s the broker allows (ceiling / deliveries per order) | "
        f"{r['max_orders_per_s']['broker_bound']:.0f} |",
        f"| max orders/s the database allows (ceiling / commits per order) | "
        f"{r['max_orders_per_s']['database_bound']:.0f} |",
        f"| settled/s as a fraction of the lower ceiling | {100 * r['fraction_of_lower_ceiling']:.1f}% |",
        f"| CPU ms per order: services / all processes | {r['cpu_ms_per_order']['services']:.2f} / "
        f"{r['cpu_ms_per_order']['all_processes']:.2f} |",
    ]
    cleanup, later_ms = r["retention_cleanup"], r["cpu_ms_per_order"]["later_retention_cleanup"]
    if later_ms is not None:
        lines.append(f"| later, once past the retention windows: PostgreSQL CPU ms per order to delete its outbox "
                     f"and inbox rows ({cleanup['rows_deleted'] / cleanup['orders']:.1f} per order, measured at the "
                     f"end over all {cleanup['orders']} orders of the run) "
                     f"| {later_ms:.2f} |")
    switches = r["context_switches_per_order"]
    if switches and r["process_switch_cpu_us"]:
        total = sum(switches.values())
        lines.append(f"| context switches per order, all processes (at {r['process_switch_cpu_us']:.1f} µs of CPU "
                     f"each, a switch between two processes on one core here) | {total:.0f} "
                     f"(≈ {total * r['process_switch_cpu_us'] / 1000:.2f} ms) |")
    for key, what in [("half_rate_load", "half the max rate the lower ceiling allows"),
                      ("half_settled_load", "half the settled rate of the first load")]:
        h = r[key]
        if not h:
            continue
        hl = h["latency_ms"]
        lines.append(f"| open loop at {what} ({h['target_rate']:g} orders/s): accepted/s, settled/s | "
                     f"{h['accepted_per_s']:.1f}, {h['settled_per_s']:.1f} ({h['settled']} of {h['orders']} settled) |")
        lines.append(f"| open loop at {what}: settle latency p50 / p95 / p99 / max (ms) | {hl['p50']:.1f} / "
                     f"{hl['p95']:.1f} / {hl['p99']:.1f} / {hl['max']:.1f} |")
    lines += [
        "",
        "Costs (CPU, context switches, commits, deliveries) are those of the first load only.",
        "",
        "| process | CPU s per 1,000 orders | idle: CPU ms per s | context switches per order | peak RSS MiB |",
        "|---|---|---|---|---|",
    ]
    shown = lambda value, digits: f"{value:.{digits}f}" if value is not None else "-"
    for name, value in r["cpu_seconds_per_1000_orders"].items():
        lines.append(f"| {name} | {value:.2f} | {shown(r['idle_cpu_ms_per_s'].get(name), 1)} "
                     f"| {shown(switches.get(name), 1)} | {shown(r['peak_rss_mib'].get(name), 1)} |")
    lines += ["", "| target (issue 5) | result |", "|---|---|"]
    lines += [f"| {target} | {result} |" for target, result in r["targets"].items()]
    lines += ["", "Plot: plot.png (throughput and latency per second of the run; data in series.dat), "
              "plot-half-rate.png and plot-half-settled.png for the --half-rate and --half-settled loads."]
    return "\n".join(lines) + "\n"


def plot(series: Path, png: Path, title: str):
    if not shutil.which("gnuplot"):
        print(f"saga_report: gnuplot not installed, no {png.name}", file=sys.stderr)
        return
    script = f"""
set terminal pngcairo size 1000,700
set output '{png}'
set multiplot layout 2,1 title '{title}'
set grid
set ylabel 'orders/s'
plot '{series}' using 1:2 with lines lw 2 title 'accepted/s', \\
     '' using 1:3 with lines lw 2 title 'settled/s'
set xlabel 'second of the run'
set ylabel 'settle latency ms'
plot '{series}' using 1:($3 > 0 ? $4 : 1/0) with linespoints title 'p50', \\
     '' using 1:($3 > 0 ? $5 : 1/0) with linespoints title 'p99'
unset multiplot
"""
    subprocess.run(["gnuplot"], input=script, text=True, check=True)


def main():
    out = Path(sys.argv[1])
    results = build(out)
    (out / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    text = markdown(results)
    (out / "results.md").write_text(text)
    plot(out / "series.dat", out / "plot.png", "saga order benchmark")
    if (out / "half-series.dat").exists():
        plot(out / "half-series.dat", out / "plot-half-rate.png", "saga order benchmark, open loop at half the max rate")
    if (out / "half-settled-series.dat").exists():
        plot(out / "half-settled-series.dat", out / "plot-half-settled.png",
             "saga order benchmark, open loop at half the settled rate of the first load")
    print(text)
    print(f"Written: {out}/results.json, results.md, plot.png")


if __name__ == "__main__":
    main()
