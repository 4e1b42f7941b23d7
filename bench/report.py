#!/usr/bin/env python3
"""Turn the result lines of nested-bench runs into the benchmark table.

Each input file contains the output of one run, named TAG-KIND.METHOD: TAG is
the compiler setting (Os or O2), KIND is base or series, METHOD is icount
or tcg.  A result line reads "result GROUP NAME REPEAT NS_PER_CALL".
"""

import argparse
import os
import statistics
import sys


def load(path):
    """Return {(group, name): [ns, ...]} from one run's output file."""
    results = {}
    with open(path) as f:
        for line in f:
            fields = line.split()
            if len(fields) == 5 and fields[0] == "result":
                key = (fields[1], fields[2])
                results.setdefault(key, []).append(float(fields[4]))
    return results


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

    runs = {}
    for path in args.files:
        if not os.path.exists(path):
            continue
        tag_kind, method = os.path.basename(path).rsplit(".", 1)
        tag, kind = tag_kind.split("-", 1)
        runs[(tag, kind, method)] = load(path)
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
        "repeats; spread is (max - min) / median." % args.options)
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
        series = runs.get((tag, "series", "icount"), {})
        depth1 = series.get(("nested", "nested-1"))
        if not depth1:
            continue
        depth1_ns = statistics.median(depth1)
        out("## %s: nested listeners on the series kernel" % tag)
        out("")
        out("| depth N | ns per call | N x depth-1 | deviation | spread |")
        out("| ---: | ---: | ---: | ---: | ---: |")
        for depth in range(1, 9):
            values = series.get(("nested", "nested-%d" % depth))
            if not values:
                continue
            ns = statistics.median(values)
            deviation = ns / (depth * depth1_ns) - 1
            worst_depth = max(worst_depth, abs(deviation))
            out("| %d | %.1f | %.1f | %+.2f%% | %.2f%% |" %
                (depth, ns, depth * depth1_ns, 100 * deviation,
                 100 * spread(values)))
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
    out("ns per call of each repeat, in order.")
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
