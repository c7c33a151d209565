#!/usr/bin/env python3
"""Compares acceptance rules for the chain's tally on the crowd data sets,
in a simplified model of the chain (not the chain: `labelchain-replay` runs
the real pallets).

The model replays labels in file order with gold items first, like the
replay; an item is tallied when it has all its labels; reputation is the
one-coin Beta posterior of agreements (gold counted `--gold-weight` times)
or, for `two-coin`, one such posterior per true class; an item's labels count
towards reputation `--delay` labels after its tally (the appeal window),
gold and expert-settled items at once. Rules:

- `share`: the chain's rule today: the winner's share of summed log-odds
  weights reaches the threshold, with at least two annotators behind it;
- `posterior`: the winner's posterior probability under the same weights,
  1 / sum_k exp(S_k - S_winner), reaches the threshold;
- `two-coin`: the posterior with per-class accuracies.

For each rule it prints accuracy with experts off and on, the share sent to
experts, the crowd-settled accuracy, and (with every item's posterior
recorded) the accuracy of the most confident 80 % and 90 % of items: what a
well-chosen threshold could reach.

    python3 replay/analysis/acceptance_rules.py replay/data/{bluebirds,web,rte}
"""

import argparse
import csv
import math
import random
from collections import defaultdict


def load(folder):
    labels = list(csv.DictReader(open(f"{folder}/labels.csv")))
    truth = {row["item"]: row["truth"] for row in csv.DictReader(open(f"{folder}/truth.csv"))}
    classes = sorted({row["label"] for row in labels} | set(truth.values()), key=lambda c: (len(c), c))
    index = {c: i for i, c in enumerate(classes)}
    items = {}
    for row in labels:
        items.setdefault(row["item"], len(items))
    rows = [(items[r["item"]], r["worker"], index[r["label"]]) for r in labels]
    true = [None] * len(items)
    for item, number in items.items():
        if item in truth:
            true[number] = index[truth[item]]
    return rows, true, len(classes)


def replay(rows, true, k, rule, threshold, experts, args):
    rng = random.Random(args.seed)
    candidates = [i for i, t in enumerate(true) if t is not None]
    rng.shuffle(candidates)
    gold = set(candidates[: int(args.gold_share * len(true))])
    order = [r for r in rows if r[0] in gold] + [r for r in rows if r[0] not in gold]
    expected = defaultdict(int)
    for item, _, _ in rows:
        expected[item] += 1
    counts = defaultdict(lambda: [[0.0, 0.0] for _ in range(k + 1)])  # row k: all classes
    pending, seen = [], defaultdict(list)
    final, disputed, crowd, confidence = {}, set(), set(), []

    def accuracy(worker, cls):
        right, wrong = counts[worker][cls]
        return (right + args.prior[0]) / (right + wrong + args.prior[0] + args.prior[1])

    def weight(worker):
        p = min(accuracy(worker, k), 1 - 1e-9)
        return max(0.0, min(args.max_weight, math.log(p * (k - 1) / (1 - p))))

    def learn(votes, label, times):
        for worker, vote in votes:
            for cls in (label, k):
                counts[worker][cls][0 if vote == label else 1] += times

    for position, (item, worker, label) in enumerate(order):
        while pending and pending[0][0] <= position:
            learn(*pending.pop(0)[1])
        seen[item].append((worker, label))
        if len(seen[item]) < expected[item]:
            continue
        votes = seen[item]
        if rule == "two-coin":
            score = [0.0] * k
            for cls in range(k):
                for worker, vote in votes:
                    p = min(accuracy(worker, cls), 1 - 1e-9)
                    score[cls] += math.log(p) if vote == cls else math.log((1 - p) / (k - 1))
        else:
            weights = [weight(w) for w, _ in votes]
            if sum(weights) == 0:
                weights = [1.0] * len(votes)
            score = [0.0] * k
            for (_, vote), w in zip(votes, weights):
                score[vote] += w
        best = max(range(k), key=lambda c: (score[c], -c))
        backers = sum(1 for _, vote in votes if vote == best)
        posterior = 1 / sum(math.exp(s - score[best]) for s in score)
        statistic = score[best] / sum(score) if rule == "share" and sum(score) > 0 else posterior
        accepted = statistic >= threshold and (backers >= 2 or len(votes) < 2)
        if item not in gold and true[item] is not None:
            confidence.append((posterior, best == true[item]))
        if item in gold:
            final[item] = true[item]
            learn(votes, true[item], args.gold_weight)
            continue
        if accepted:
            final[item] = best
            crowd.add(item)
            pending.append((position + args.delay, (votes, best, 1)))
        else:
            disputed.add(item)
            final[item] = true[item] if experts and true[item] is not None else best
            learn(votes, final[item], 1)
    measured = [i for i, t in enumerate(true) if t is not None and i not in gold]
    right = lambda items: sum(final[i] == true[i] for i in items) / max(1, len(items))
    settled_by_crowd = [i for i in measured if i in crowd]
    confidence.sort(key=lambda entry: -entry[0])
    top = lambda share: sum(ok for _, ok in confidence[: int(share * len(confidence))]) / max(1, int(share * len(confidence)))
    return right(measured), len([i for i in measured if i in disputed]) / len(measured), right(settled_by_crowd), top(0.8), top(0.9)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("datasets", nargs="+")
    parser.add_argument("--gold-share", type=float, default=0.10)
    parser.add_argument("--gold-weight", type=float, default=4)
    parser.add_argument("--prior", type=float, nargs=2, default=(2, 1))
    parser.add_argument("--max-weight", type=float, default=4)
    parser.add_argument("--delay", type=int, default=2000, help="labels between a tally and its reputation update")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    rules = [("share", 0.6), ("posterior", 0.6), ("posterior", 0.9), ("two-coin", 0.9)]
    print("| data set | rule | threshold | accuracy, no experts | accuracy, experts | to experts | crowd-settled | top 80 % | top 90 % |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for folder in args.datasets:
        rows, true, k = load(folder)
        for rule, threshold in rules:
            alone = replay(rows, true, k, rule, threshold, False, args)
            helped = replay(rows, true, k, rule, threshold, True, args)
            name = folder.rstrip("/").split("/")[-1]
            print(f"| {name} | {rule} | {threshold} | {alone[0]:.3f} | {helped[0]:.3f} | {helped[1]:.3f} | {helped[2]:.3f} | {helped[3]:.3f} | {helped[4]:.3f} |")


if __name__ == "__main__":
    main()
