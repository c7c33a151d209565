"""Dawid-Skene over a replay's labels, by Toloka's crowd-kit (pinned in
requirements.txt): the maintained implementation the replay's report sets
beside the chain's figures.

Reads `item,worker,label` rows (numbers, as the replay numbers them) on
standard input, with a header line, and prints one JSON line per labeled
item: its Dawid-Skene label and that label's posterior probability. The
replay (`replay/src/dawid_skene.rs`) runs it; parsing the data set's own
files stays the replay's.

    python replay/analysis/dawid_skene.py < rows.csv
"""

import json
import sys

import pandas as pd
from crowdkit.aggregation import DawidSkene


def main() -> None:
    rows = pd.read_csv(sys.stdin)
    rows = rows.rename(columns={"item": "task"})
    # 100 EM rounds, as replay/data/README.md's figures were computed.
    posteriors = DawidSkene(n_iter=100).fit_predict_proba(rows[["task", "worker", "label"]])
    for item, probabilities in posteriors.iterrows():
        label = probabilities.idxmax()
        print(json.dumps({"item": int(item), "label": int(label), "confidence": float(probabilities[label])}))


if __name__ == "__main__":
    main()
