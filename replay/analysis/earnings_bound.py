#!/usr/bin/env python3
"""How well any per-label pay rule could make earnings follow accuracy: a
worker with n labels and accuracy a is modelled as earning n * (a - c), the
expectation under a rule whose break-even accuracy is c (what a label earns
when right, less what it costs when wrong, scaled). Sweeps c from 0 to 1
and prints, per data set, the best c, the Spearman correlation between the
workers' true accuracy and those earnings at the best c, and at the chain's
break-even (0.05 LBL per agreeing label against a 1 LBL slash on the 10 % of
labels that are gold: about 2/3).

It bounds the replay's "Spearman (earnings, accuracy)": the chain's real
earnings are noisier than their expectation.

    python3 replay/analysis/earnings_bound.py replay/data/{bluebirds,web,rte}
"""

import argparse
import csv
from collections import defaultdict


def ranks(values):
    """1-based ranks, ties sharing their mean rank."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    result = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        for k in range(start, end + 1):
            result[order[k]] = (start + end) / 2 + 1
        start = end + 1
    return result


def spearman(xs, ys):
    rx, ry = ranks(xs), ranks(ys)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry))
    vx = sum((a - mx) ** 2 for a in rx)
    vy = sum((b - my) ** 2 for b in ry)
    return cov / (vx * vy) ** 0.5 if vx and vy else float("nan")


def workers(folder):
    """(accuracy, labels) of each worker, over items with a true answer."""
    truth = {row["item"]: row["truth"] for row in csv.DictReader(open(f"{folder}/truth.csv"))}
    tally = defaultdict(lambda: [0, 0])
    for row in csv.DictReader(open(f"{folder}/labels.csv")):
        if row["item"] in truth:
            counts = tally[row["worker"]]
            counts[0] += row["label"] == truth[row["item"]]
            counts[1] += 1
    return [(right / labels, labels) for right, labels in tally.values()]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("datasets", nargs="+")
    parser.add_argument("--chain-break-even", type=float, default=2 / 3)
    args = parser.parse_args()
    print("| data set | workers | best break-even | Spearman at it | Spearman at the chain's |")
    print("|---|---:|---:|---:|---:|")
    for folder in args.datasets:
        found = workers(folder)
        accuracy = [a for a, _ in found]

        def at(c):
            return spearman(accuracy, [labels * (a - c) for a, labels in found])

        best_rho, best_c = max((at(step / 100), step / 100) for step in range(101))
        name = folder.rstrip("/").split("/")[-1]
        print(f"| {name} | {len(found)} | {best_c:.2f} | {best_rho:.3f} | {at(args.chain_break_even):.3f} |")


if __name__ == "__main__":
    main()
