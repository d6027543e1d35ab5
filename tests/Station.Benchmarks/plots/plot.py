#!/usr/bin/python3
"""Plots of docs/BENCHMARKS.md's tables, as PNGs into docs/plots/.

The figures come from the CSV files in data/ beside this script (copied from the tables; each file
names its section in its first comment line), not from a benchmark run. The dashboard latency
curves come from data/dashboard-latency-<N>-browsers.csv, one per configuration; the one of the
last run's configuration is rewritten from its raw artifacts/bench/dashboard-latency.csv when that
exists.

Run from anywhere with a Python that has matplotlib (Debian: apt-get install python3-matplotlib;
/usr/bin/python3, since a pyenv python3 may lack it):

    /usr/bin/python3 tests/Station.Benchmarks/plots/plot.py
"""

import csv
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (after the backend is chosen)

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
DATA = HERE / "data"
OUT = ROOT / "docs" / "plots"
SIZE = (9, 5)  # inches: 900 x 500 pixels at DPI
DPI = 100
HID, UART, ENGINE, NXP, EXTRA = "#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3"


def rows(name):
    """The rows of data/NAME as dicts, its leading '#' comment lines skipped."""
    with open(DATA / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


def save(fig, name):
    OUT.mkdir(parents=True, exist_ok=True)
    fig.tight_layout()
    fig.savefig(OUT / name, dpi=DPI)
    plt.close(fig)
    print(f"wrote {(OUT / name).relative_to(ROOT)}")


def mboot_cpu():
    data = rows("mboot-cpu.csv")
    fig, ax = plt.subplots(figsize=SIZE)
    names = [r["scenario"] for r in data]
    cpu = [float(r["cpu_ms_per_mib"]) for r in data]
    low = [c - float(r["cpu_min"]) for c, r in zip(cpu, data)]
    high = [float(r["cpu_max"]) - c for c, r in zip(cpu, data)]
    colours = [HID if r["framing"] == "HID" else UART for r in data]
    ax.barh(names, cpu, xerr=[low, high], color=colours, capsize=3)
    ax.axvline(5, color="black", linestyle="--", linewidth=1)
    ax.text(5.3, -0.6, "target 5 ms/MB", fontsize=9)
    ax.set_xscale("log")
    ax.invert_yaxis()
    ax.set_xlabel("host CPU per MiB written (ms, log scale); median, bars min-max of 7 reps")
    ax.set_title("MBoot write-memory: host CPU per MiB (mboot-cpu, run 1)")
    ax.legend(handles=[plt.Rectangle((0, 0), 1, 1, color=HID), plt.Rectangle((0, 0), 1, 1, color=UART)],
              labels=["HID framing", "UART framing"], loc="upper right")
    save(fig, "mboot-cpu.png")


def engine():
    ratios = rows("engine.csv")
    handover = rows("engine-handover.csv")
    fig, (left, right) = plt.subplots(1, 2, figsize=SIZE, gridspec_kw={"width_ratios": [2, 1]})
    labels = [r["measure"].replace(": ", ":\n") for r in ratios]
    values = [float(r["value"]) for r in ratios]
    left.bar(labels, values, color=[ENGINE, ENGINE, HID])
    for i, r in enumerate(ratios):
        target = float(r["target"])
        left.hlines(target, i - 0.4, i + 0.4, colors="black", linestyles="--")
        left.text(i, target + 0.004, ("<= " if r["kind"] == "max" else ">= ") + r["target"], ha="center", fontsize=8)
        left.text(i, values[i] - 0.012, f"{values[i]:.3f}", ha="center", color="white", fontsize=10)
    left.set_ylim(0.9, 1.05)
    left.set_ylabel("ratio")
    left.set_title("cycle / device-bound, 16-board scaling")
    left.tick_params(axis="x", labelsize=8)
    stats = [r["statistic"] for r in handover]
    ms = [float(r["ms"]) for r in handover]
    right.bar(stats, ms, color=ENGINE)
    right.axhline(float(handover[0]["target_ms"]), color="black", linestyle="--")
    right.text(0.5, float(handover[0]["target_ms"]) * 1.1, "target < 50 ms", ha="center", fontsize=8)
    for i, v in enumerate(ms):
        right.text(i, v * 1.15, f"{v} ms", ha="center", fontsize=9)
    right.set_yscale("log")
    right.set_ylim(0.1, 200)
    right.set_ylabel("ms (log scale)")
    right.set_title("hand-over: flashloader\nappearing to its first answer")
    fig.suptitle("The engine on realistic timing (engine)")
    save(fig, "engine.png")


def db():
    per_unit = rows("db-per-unit.csv")
    breakdown = rows("db-breakdown.csv")
    fig, (left, right) = plt.subplots(1, 2, figsize=SIZE)
    phases = [r["phase"].replace(" at ", "\nat ").replace(" after", "\nafter") for r in per_unit]
    x = range(len(phases))
    pg = [float(r["postgresql_ms"]) for r in per_unit]
    lite = [float(r["sqlite_ms"]) for r in per_unit]
    left.bar([i - 0.2 for i in x], pg, width=0.4, label="PostgreSQL", color=HID)
    left.bar([i + 0.2 for i in x], lite, width=0.4, label="SQLite", color=UART)
    left.axhline(5, color="black", linestyle="--", linewidth=1)
    left.text(len(phases) - 0.5, 5.3, "target 5 ms", ha="right", fontsize=8)
    left.set_xticks(list(x), phases, fontsize=8)
    left.set_ylabel("database time per unit (ms)")
    left.set_title("per unit, by phase")
    left.legend()
    parts = [("inserts_ms", "INSERTs"), ("commit_ms", "COMMIT"), ("connection_open_ms", "connection open"),
             ("context_and_begin_ms", "context and BEGIN")]
    names = [r["phase"].replace(" at ", "\nat ") for r in breakdown]
    bottom = [0.0] * len(breakdown)
    for (key, label), colour in zip(parts, [HID, UART, EXTRA, ENGINE]):
        values = [float(r[key]) for r in breakdown]
        right.bar(names, values, bottom=bottom, label=label, color=colour)
        bottom = [b + v for b, v in zip(bottom, values)]
    right.set_ylabel("ms per unit")
    right.set_title("PostgreSQL: where a delivery's time goes")
    right.tick_params(axis="x", labelsize=8)
    right.legend(fontsize=8)
    fig.suptitle("Records: database time per unit (db)")
    save(fig, "db.png")


def nxp_style():
    flows = rows("nxp-style.csv")
    fig, ax = plt.subplots(figsize=SIZE)
    colours = {"device-bound": ENGINE, "host": HID, "processes": NXP, "fixed wait": UART,
               "device outside the wait": "#8fd19e", "rest": EXTRA}
    labels = {"device-bound": "device-bound", "host": "host time over device-bound",
              "processes": "processes x fixed cost per command", "fixed wait": "fixed flashloader wait",
              "device outside the wait": "device-bound outside the wait", "rest": "rest (transfer, files)"}
    seen = set()
    for i, flow in enumerate(dict.fromkeys(r["flow"] for r in flows)):
        left = 0.0
        for r in (r for r in flows if r["flow"] == flow):
            seconds = float(r["seconds"])
            label = labels.get(r["part"], r["part"]) if r["part"] not in seen else None
            seen.add(r["part"])
            ax.barh(i, seconds, left=left, height=0.5, color=colours.get(r["part"], "grey"), label=label, edgecolor="white")
            if seconds > 0.6:
                ax.text(left + seconds / 2, i, f"{seconds:.2f}", ha="center", va="center", color="black", fontsize=9)
            left += seconds
        ax.text(left + 0.1, i, f"{left:.2f} s", va="center", fontsize=10)
    ax.set_yticks(range(len(dict.fromkeys(r["flow"] for r in flows))), list(dict.fromkeys(r["flow"] for r in flows)))
    ax.invert_yaxis()
    ax.set_xlabel("seconds per unit (median)")
    ax.set_title("One RT1064 unit: the engine against NXP's tool's way (nxp-style)")
    ax.legend(loc="upper right", fontsize=8)
    ax.set_xlim(0, max(sum(float(r["seconds"]) for r in flows if r["flow"] == f) for f in {r["flow"] for r in flows}) * 1.15)
    save(fig, "nxp-style.png")


def dashboard_latency():
    """Host event -> DOM, step/slot/end events (progress excluded), every dashboard of a run.

    The raw per-event file of a run (artifacts/bench/dashboard-latency.csv, several MB) is reduced
    to its quantiles in data/dashboard-latency-<N>-browsers.csv (N: the Chromium dashboards of that
    run), which is checked in; the plot draws every such file, so a run of each configuration
    (docs/BENCHMARKS.md) updates its own curve.
    """
    raw = ROOT / "artifacts" / "bench" / "dashboard-latency.csv"
    if raw.exists():
        with open(raw, newline="", encoding="utf-8") as f:
            rows = [r for r in csv.DictReader(f) if r["kind"] != "runProgress"]
        values = sorted(float(r["to_dom_ms"]) for r in rows)
        if values:
            browsers = len({r["dashboard"] for r in rows})
            with open(DATA / f"dashboard-latency-{browsers}-browsers.csv", "w", newline="", encoding="utf-8") as f:
                f.write(f"# docs/BENCHMARKS.md, Dashboard: quantiles of host event -> DOM over {len(values)} events, {browsers} Chromium dashboard(s)\n")
                f.write("quantile,to_dom_ms\n")
                for i in range(201):
                    q = i / 200
                    f.write(f"{q:.3f},{values[min(len(values) - 1, int(q * len(values)))]:.1f}\n")
    files = sorted(DATA.glob("dashboard-latency-*-browsers.csv"), key=lambda p: int(p.stem.split("-")[2]))
    if not files:
        print(f"skipped dashboard-latency.png: neither {raw.relative_to(ROOT)} nor data/dashboard-latency-*-browsers.csv exists")
        return
    labels = {1: "1 Chromium dashboard + 9 hub clients (one browser per PC)", 10: "10 Chromium dashboards on the same 2 vCPUs"}
    colours = [HID, UART, NXP, "black"]
    fig, axis = plt.subplots(figsize=SIZE)
    for i, path in enumerate(files):
        browsers = int(path.stem.split("-")[2])
        with open(path, newline="", encoding="utf-8") as f:
            f.readline()
            table = list(csv.DictReader(f))
        q = [float(r["quantile"]) for r in table]
        ms = [max(float(r["to_dom_ms"]), 0.1) for r in table]
        axis.plot(ms, q, color=colours[i % len(colours)], label=labels.get(browsers, f"{browsers} Chromium dashboards"))
    axis.axvline(100, color="grey", linestyle=":", label="target: 100 ms")
    axis.set_xscale("log")
    axis.set_xlabel("host event -> DOM (ms, log scale)")
    axis.set_ylabel("fraction of events at or below")
    axis.set_title("Dashboards: host event to DOM, 16 boards, 10 dashboards served")
    axis.legend(loc="lower right", fontsize=8)
    save(fig, "dashboard-latency.png")


def main():
    for plot in (mboot_cpu, engine, db, nxp_style, dashboard_latency):
        plot()
    return 0


if __name__ == "__main__":
    sys.exit(main())
