#!/usr/bin/env python3
"""Measures how the chain's label quality moves with its parameters, on the
real pallets: runs `labelchain-replay` once per change and per label order
(the file's order and seeded shuffles), then prints one markdown row per
change with the mean over the orders and, in brackets, the worst order.

The shuffles stand in for data the parameters were not chosen on: a default
that helps only in the file's order has learned that order, not the crowd.

    python3 replay/analysis/parameter_sweep.py replay/data/{bluebirds,web,rte} \
        --change "" --change "--gold-weight 2" --change "--threshold 67"

`--change ""` is the runtime's defaults. A change is the replay's flags as
one string with a space before any value ("--gold-weight 2"; argparse reads
a lone "--gold-weight=2" as a flag of its own); `--shuffle`, `--seed`,
`--no-spammers` and `--json` are the script's. The seed draws the gold items
as well as the order, so the orders also differ in which items are gold.
The replay binary is looked up in
$CARGO_TARGET_DIR (or ./target) as debug/labelchain-replay; build it first
with `cargo build -p labelchain-replay`.
"""

import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from statistics import mean


def replay_binary(explicit):
    if explicit:
        return explicit
    target = os.environ.get("CARGO_TARGET_DIR", "target")
    path = os.path.join(target, "debug", "labelchain-replay")
    if not os.path.exists(path):
        sys.exit(f"{path} is missing: run `cargo build -p labelchain-replay` first")
    return path


def run_once(binary, datasets, change, order, out):
    """One replay without spammers, its JSON written to `out`; returns its rows."""
    command = [binary, *datasets, "--no-spammers", "--json", out, *shlex.split(change)]
    if order is not None:
        command += ["--shuffle", "--seed", str(order)]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    with open(out) as file:
        return json.load(file)


def summarize(rows, dataset):
    """Mean and worst figures of one data set over every order."""
    no_experts = [r for r in rows if r["data_set"] == dataset and r["variant"] == "no experts"]
    experts = [r for r in rows if r["data_set"] == dataset and r["variant"] == "experts"]
    accuracy = [r["accuracy"] for r in no_experts]
    disputed = [r["disputed_share"] for r in experts]
    crowd = [r["crowd_accuracy"] for r in experts]
    return (
        f"{mean(accuracy):.3f} ({min(accuracy):.3f}); "
        f"{mean(disputed):.3f} ({max(disputed):.3f}), {mean(crowd):.3f} ({min(crowd):.3f})"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("datasets", nargs="+")
    parser.add_argument("--change", action="append", default=None,
                        help='replay flags to vary, e.g. "--gold-weight 2"; "" for the defaults; repeatable')
    parser.add_argument("--shuffles", type=int, default=5, help="seeded shuffles besides the file's order")
    parser.add_argument("--jobs", type=int, default=2, help="replays run at once")
    parser.add_argument("--replay", help="path of the labelchain-replay binary")
    args = parser.parse_args()

    binary = replay_binary(args.replay)
    # The same change twice would be measured twice for one row.
    changes = list(dict.fromkeys(args.change if args.change is not None else [""]))
    orders = [None, *range(1, args.shuffles + 1)]

    with tempfile.TemporaryDirectory() as workdir, ThreadPoolExecutor(max(args.jobs, 1)) as pool:
        runs = {
            (change, order): pool.submit(
                run_once, binary, args.datasets, change, order,
                os.path.join(workdir, f"change{number}-order{order or 0}.json"),
            )
            for number, change in enumerate(changes)
            for order in orders
        }
        print(f"{len(orders)} orders: the file's and seeds 1 to {args.shuffles}; each cell: "
              "accuracy without experts, mean (worst); with experts, share sent to them, "
              "mean (worst), and crowd-settled accuracy, mean (worst)\n")
        names = None
        for change in changes:
            try:
                rows = [row for order in orders for row in runs[(change, order)].result()]
            except subprocess.CalledProcessError as error:
                pool.shutdown(cancel_futures=True)
                sys.exit(f"the replay failed for change {change!r}: {error}")
            if names is None:
                # The replay's own names for the data sets, in their order.
                names = list(dict.fromkeys(row["data_set"] for row in rows))
                print("| change | " + " | ".join(names) + " |")
                print("|---|" + "---|" * len(names))
            cells = [summarize(rows, name) for name in names]
            print(f"| {change or 'none (defaults)'} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
