#!/usr/bin/env python3
"""Turn the result lines of nested-bench runs into the benchmark table.

Each input file contains the output of one run, named TAG-KIND.METHOD: TAG is
the compiler setting (Os or O2), KIND is base or series, METHOD is icount
(-icount, SCHED_FIFO), tcg (plain TCG, SCHED_FIFO) or other (-icount,
SCHED_OTHER).  A result line reads "result GROUP NAME REPEAT NS_PER_CALL",
a switches line "switches GROUP NAME REPEAT SWITCHES_PER_CALL".
"""

import argparse
import os
import statistics
import sys


def load(path):
    """Return ({(group, name): [ns, ...]}, {(group, name): [switches, ...]})
    from one run's output file."""
    results, switches = {}, {}
    with open(path) as f:
        for line in f:
            fields = line.split()
            if len(fields) != 5:
                continue
            key = (fields[1], fields[2])
            if fields[0] == "result":
                results.setdefault(key, []).append(float(fields[4]))
            elif fields[0] == "switches":
                switches.setdefault(key, []).append(float(fields[4]))
    return results, switches


def nested_table(out, results, switches):
    """Write the depth table of one run; return the worst |deviation|."""
    worst = 0.0
    depth1_ns = statistics.median(results[("nested", "nested-1")])
    out("| depth N | ns per call | N x depth-1 | deviation | spread | "
        "context switches per call |")
    out("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for depth in range(1, 9):
        key = ("nested", "nested-%d" % depth)
        values = results.get(key)
        if not values:
            continue
        ns = statistics.median(values)
        deviation = ns / (depth * depth1_ns) - 1
        worst = max(worst, abs(deviation))
        switch_text = ("%.2f" % statistics.median(switches[key])
                       if key in switches else "n/a")
        out("| %d | %.1f | %.1f | %+.2f%% | %.2f%% | %s |" %
            (depth, ns, depth * depth1_ns, 100 * deviation,
             100 * spread(values), switch_text))
    out("")
    return worst


def spread(values):
    """Return (max - min) / median of the repeats, as a fraction."""
    median = statistics.median(values)
    return (max(values) - min(values)) / median if median else 0.0


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--smoke", choices=["yes", "no"], required=True)
    parser.add_argument("--base-version", required=True)
    parser.add_argument("--series", required=True)
    parser.add_argument("--qemu", required=True)
    parser.add_argument("--options", required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()

    runs, switch_counts = {}, {}
    for path in args.files:
        if not os.path.exists(path):
            continue
        tag_kind, method = os.path.basename(path).rsplit(".", 1)
        tag, kind = tag_kind.split("-", 1)
        runs[(tag, kind, method)], switch_counts[(tag, kind, method)] = \
            load(path)
    tags = sorted({tag for tag, _, _ in runs}, reverse=True)

    lines = []
    out = lines.append
    out("# Benchmark: base kernel and the series")
    out("")
    out("Written by `make bench` (`scripts/bench`)%s." %
        (" in smoke mode: one short repeat, numbers only show that the "
         "job runs" if args.smoke == "yes" else ""))
    out("")
    out("- Base: %s; series: %s." % (args.base_version, args.series))
    out("- Guest: %s." % args.qemu)
    out("- Program: `bench/nested-bench %s`, ns per call, median of the "
        "repeats; spread is (max - min) / median. `-f` runs the workload "
        "and the supervisors as SCHED_FIFO tasks of priority 1." %
        args.options)
    out("- Os: the test configuration (tinyconfig, gcc -Os, BPF "
        "interpreter). O2: the same plus `config/bench-O2.config` (gcc -O2, "
        "BPF JIT).")
    out("")

    worst_common = worst_notify = 0.0
    for tag in tags:
        base = runs.get((tag, "base", "icount"), {})
        series = runs.get((tag, "series", "icount"), {})
        out("## %s: base and series" % tag)
        out("")
        out("| group | measurement | base ns | series ns | series/base | "
            "spread base | spread series |")
        out("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
        for key in sorted(series):
            group, name = key
            if group == "nested" or key not in base:
                continue
            base_ns = statistics.median(base[key])
            series_ns = statistics.median(series[key])
            ratio = series_ns / base_ns if base_ns else float("nan")
            if group == "common" and name != "none":
                worst_common = max(worst_common, ratio)
            if group == "notify":
                worst_notify = max(worst_notify, ratio)
            out("| %s | %s | %.1f | %.1f | %.4f | %.2f%% | %.2f%% |" %
                (group, name, base_ns, series_ns, ratio, 100 * spread(base[key]),
                 100 * spread(series[key])))
        out("")

    worst_depth = 0.0
    for tag in tags:
        key = (tag, "series", "icount")
        if ("nested", "nested-1") not in runs.get(key, {}):
            continue
        out("## %s: nested listeners on the series kernel" % tag)
        out("")
        worst_depth = max(worst_depth,
                          nested_table(out, runs[key], switch_counts[key]))

    other = ("Os", "series", "other")
    if ("nested", "nested-1") in runs.get(other, {}):
        out("## Scheduling policy: SCHED_OTHER against SCHED_FIFO")
        out("")
        out("The nested round trips of the Os series kernel again, with the "
            "workload and the supervisors under the default policy, "
            "SCHED_OTHER (`nested-bench` without `-f`). A round trip to one "
            "listener needs two context switches: the workload blocks and "
            "the supervisor runs, then the supervisor replies and blocks in "
            "poll() again. Under SCHED_FIFO every depth makes exactly two "
            "per listener. Under SCHED_OTHER the workload, woken by a reply, "
            "sometimes preempts the supervisor before it is back in poll(), "
            "and the supervisor must be switched in again later. Those extra "
            "switches vary with the number of runnable supervisors, so with "
            "the depth, and the deviation below grows with them. They come "
            "from the scheduler's wake-up preemption, not from seccomp, so "
            "the tables above, which measure seccomp, use SCHED_FIFO.")
        out("")
        nested_table(out, runs[other], switch_counts[other])
        notify = runs[other].get(("notify", "notify-continue"))
        if notify:
            out("One listener without nesting (notify-continue) under "
                "SCHED_OTHER: %.1f ns per call." % statistics.median(notify))
            out("")

    tcg = runs.get(("Os", "series", "tcg"))
    icount = runs.get(("Os", "series", "icount"))
    if tcg and icount:
        out("## Timing method: -icount against plain TCG")
        out("")
        out("The same program on the same Os series kernel, timed under "
            "both methods; spread of the repeats of each measurement:")
        out("")
        out("| measurement | spread with -icount | spread with plain TCG |")
        out("| --- | ---: | ---: |")
        icount_spreads, tcg_spreads = [], []
        for key in sorted(icount):
            if key in tcg:
                icount_spreads.append(spread(icount[key]))
                tcg_spreads.append(spread(tcg[key]))
                out("| %s %s | %.2f%% | %.2f%% |" %
                    (key[0], key[1], 100 * icount_spreads[-1],
                     100 * tcg_spreads[-1]))
        out("")
        out("Median spread: %.2f%% with -icount, %.2f%% with plain TCG. The "
            "method with the smaller spread times the table above." %
            (100 * statistics.median(icount_spreads),
             100 * statistics.median(tcg_spreads)))
        out("")

    out("## Raw numbers")
    out("")
    out("ns per call of each repeat, in order; for -icount runs, the "
        "method is icount under SCHED_FIFO and other under SCHED_OTHER.")
    out("")
    out("```")
    for (tag, kind, method), results in sorted(runs.items()):
        out("%s %s (%s):" % (tag, kind, method))
        for (group, name), values in sorted(results.items()):
            out("  %s %s: %s" % (group, name,
                                 " ".join("%.1f" % v for v in values)))
    out("```")
    out("")

    summary = ("common-path ratio %.4f, notification ratio %.4f, "
               "depth deviation %.2f%%" %
               (worst_common, worst_notify, 100 * worst_depth))
    out("Worst of each group: " + summary + ".")

    with open(args.output, "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))
    print(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
