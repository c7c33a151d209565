"""How right Dawid-Skene (crowd-kit) is on its items ranked by its own
confidence: the accuracy of its top share of items, and of the last tenth of
items before that share's edge. What a rule calibrated at a target accuracy
must send to experts at least, if it ranks items no better than DS with all
labels.

    python replay/analysis/ds_coverage.py bluebirds web rte
"""

import pathlib
import sys

import pandas as pd
from crowdkit.aggregation import DawidSkene

DATA = pathlib.Path(__file__).resolve().parent.parent / "data"


def main() -> None:
    for name in sys.argv[1:]:
        labels = pd.read_csv(DATA / name / "labels.csv")
        truth = pd.read_csv(DATA / name / "truth.csv")
        labels.columns = ["task", "worker", "label"]
        truth.columns = ["task", "truth"]
        posteriors = DawidSkene(n_iter=100).fit_predict_proba(labels)
        ranked = pd.DataFrame({"confidence": posteriors.max(axis=1), "label": posteriors.idxmax(axis=1)})
        ranked = ranked.join(truth.set_index("task"), how="inner").sort_values("confidence", ascending=False)
        right = (ranked["label"].astype(str) == ranked["truth"].astype(str)).to_numpy()
        count = len(ranked)
        print(f"{name}: {count} items, DS accuracy {right.mean():.3f}")
        for share in (0.5, 0.7, 0.8, 0.9, 1.0):
            end = round(share * count)
            edge = right[max(0, end - max(1, count // 10)):end]
            print(f"  top {share:.0%}: {right[:end].mean():.3f} right; the tenth before its edge {edge.mean():.3f}")


if __name__ == "__main__":
    main()
