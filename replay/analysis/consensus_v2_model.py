"""A float model of consensus v2 on the replay's data sets: per-task
class-conditional annotator models from a newcomer prior, the posterior
tally, adaptive redundancy (r_min, then one label a round up to r_max),
settlement after a delay with the label re-derived from the posterior,
temperature chosen on gold by log loss, and a disagreement charge. Not the
chain: a quick way to try parameters before building them
(docs/consensus-v2.md).

    python3 replay/analysis/consensus_v2_model.py [key=value ...]

e.g. target=0.95 strength=10 r_min=2; prints mean/worst over the file order
and two seeded shuffles.
"""
import csv, math, os, random, sys

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data")
from collections import defaultdict

def load(path):
    items, workers, raw = {}, {}, []
    labels = set()
    with open(f"{path}/labels.csv") as f:
        for r in csv.DictReader(f):
            raw.append((r["item"], r["worker"], r["label"]))
            labels.add(r["label"])
    classes = sorted(labels, key=lambda s: (float(s) if s.replace('.', '').isdigit() else 0, s))
    truth_raw = {}
    with open(f"{path}/truth.csv") as f:
        for r in csv.DictReader(f):
            truth_raw[r["item"]] = r["truth"]
            if r["truth"] not in classes:
                classes.append(r["truth"])
    cidx = {c: i for i, c in enumerate(classes)}
    rows, seen = [], set()
    for it, w, l in raw:
        if (it, w) in seen:
            continue
        seen.add((it, w))
        i = items.setdefault(it, len(items)); j = workers.setdefault(w, len(workers))
        rows.append((i, j, cidx[l]))
    truth = [None] * len(items)
    for it, t in truth_raw.items():
        if it in items:
            truth[items[it]] = cidx[t]
    return rows, truth, len(classes), len(workers)

class Model:
    def __init__(self, K, p0, strength):
        self.K = K
        d = strength * p0; o = strength * (1 - p0) / (K - 1)
        self.c = [[d if k == l else o for l in range(K)] for k in range(K)]
    def like(self, k, l):
        row = self.c[k]
        return row[l] / sum(row)
    def add(self, k, l, w=1.0):
        self.c[k][l] += w
    def accuracy_est(self, prior):
        return sum(prior[k] * self.like(k, k) for k in range(self.K))

def run(rows, truth, K, W, P, seed=0, shuffle=False, experts=True, spam=0.0):
    rnd = random.Random(seed)
    n_items = len(truth)
    rows = list(rows)
    nspam = 0
    if spam > 0:
        nspam = round(spam * W / (1 - spam))
        items_of = defaultdict(list)
        for i, j, l in rows:
            items_of[j].append(i)
        keyed = [(idx * 1.0, r) for idx, r in enumerate(rows)]
        for s in range(nspam):
            src = rnd.randrange(W)
            for i in items_of[src]:
                keyed.append((rnd.random() * len(rows), (i, W + s, rnd.randrange(K))))
        keyed.sort(key=lambda x: x[0])
        rows = [r for _, r in keyed]
    if shuffle:
        rnd.shuffle(rows)
    cands = [i for i in range(n_items) if truth[i] is not None]
    rnd.shuffle(cands)
    ngold = min(int(0.1 * n_items), len(cands) // 2)
    gold = set(cands[:ngold])
    rows = [r for r in rows if r[0] in gold] + [r for r in rows if r[0] not in gold]
    avail = defaultdict(int)
    for i, j, l in rows:
        avail[i] += 1
    p0 = P["prior_correct"] / (P["prior_correct"] + P["prior_incorrect"] * (K - 1))
    models = defaultdict(lambda: Model(K, p0, P["strength"]))
    class_counts = [1.0] * K
    labels = defaultdict(list)       # item -> [(worker,label)]
    needed = {i: min(P["r_min"], avail[i]) for i in range(n_items)}
    state = {}                        # item -> 'open'/'accepted'/'settled'
    final = {}; decided = {}
    pending = []                      # (settle_at, item)
    calib = []                        # (p, right) on gold
    temper = [P.get('tau',1.0)]
    used = 0
    taus = [2 ** (-x / 2) for x in range(P.get('ntau', 7))]
    losses = [0.0] * len(taus)
    def loglik(i):
        tot = sum(class_counts)
        logp = [math.log(class_counts[k] / tot) for k in range(K)]
        for j, l in labels[i]:
            m = models[j]
            for k in range(K):
                logp[k] += math.log(m.like(k, l))
        return logp
    def fit(i, answer):
        sv = loglik(i)
        for n, t in enumerate(taus):
            mx = max(sv); z = sum(math.exp(t * (x - mx)) for x in sv)
            losses[n] += -(t * (sv[answer] - mx) - math.log(z))
        if P.get('autotau', 1):
            temper[0] = taus[min(range(len(taus)), key=lambda n: (losses[n], n))]
    def posterior(i):
        logp = loglik(i)
        mx = max(logp)
        t = temper[0]
        e = [math.exp(t * (x - mx)) for x in logp]
        s = sum(e)
        return [x / s for x in e]
    def settle(i, label, how, w=1.0):
        final[i] = label; decided[i] = how; state[i] = 'settled'
        for j, l in labels[i]:
            models[j].add(label, l, w)
        class_counts[label] += 1
    def tally(i, now, exhausted):
        post = posterior(i)
        win = max(range(K), key=lambda k: post[k])
        cnt = sum(1 for _, l in labels[i] if l == win)
        ok = post[win] >= P["target"] and (P["r_max"] < 2 or cnt >= 2)
        if i in gold and (ok or not (len(labels[i]) < P["r_max"] and not exhausted)):
            calib.append((post[win], win == truth[i]))
            fit(i, truth[i])
            settle(i, truth[i], 'gold', P["gold_weight"])
            return
        if ok:
            state[i] = 'accepted'; pending.append((now + P["delay"], i))
        elif len(labels[i]) < P["r_max"] and not exhausted:
            needed[i] = min(len(labels[i]) + P["step"], avail[i])
            state[i] = 'open'
        else:
            if experts and truth[i] is not None:
                settle(i, truth[i], 'expert')
            else:
                settle(i, win, 'fallback')
    def settle_due(now):
        nonlocal pending
        due = [x for x in pending if x[0] <= now]
        pending = [x for x in pending if x[0] > now]
        for _, i in due:
            post = posterior(i)
            win = max(range(K), key=lambda k: post[k])
            settle(i, win, 'crowd')
    seen_for = defaultdict(int)
    for t, (i, j, l) in enumerate(rows):
        settle_due(t)
        seen_for[i] += 1
        if state.get(i, 'open') != 'open':
            continue
        if len(labels[i]) >= P["r_max"]:
            continue
        labels[i].append((j, l)); used += 1
        exhausted = seen_for[i] >= avail[i]
        if len(labels[i]) >= needed[i]:
            tally(i, t, exhausted or len(labels[i]) >= P["r_max"])
    # end of stream: short items tally with what they have
    for i in range(n_items):
        if state.get(i, 'open') == 'open' and labels[i]:
            tally(i, len(rows), True)
    settle_due(float('inf'))
    # figures
    meas = [i for i in range(n_items) if truth[i] is not None and i not in gold]
    acc = sum(final.get(i) == truth[i] for i in meas) / len(meas)
    exp = [i for i in meas if decided.get(i) == 'expert']
    crowd = [i for i in meas if decided.get(i) in ('crowd', 'fallback')]
    cacc = sum(final[i] == truth[i] for i in crowd) / max(1, len(crowd))
    # pay
    R = 1.0; c = P["charge"] * R / (K - 1)
    net = defaultdict(float); nl = defaultdict(int); right = defaultdict(int); allr = defaultdict(int)
    for i in range(n_items):
        for j, l in labels[i]:
            nl[j] += 1
            if decided.get(i) == 'gold':
                net[j] += R if l == truth[i] else -P["gold_slash"]
            else:
                net[j] += R if l == final[i] else -c
    for i, j, l in rows:
        if truth[i] is not None:
            allr[j] += 1; right[j] += (l == truth[i])
    ws = [j for j in nl if nl[j] >= 20 and allr[j] > 0]
    sp = spearman([right[j] / allr[j] for j in ws], [net[j] / nl[j] for j in ws])
    spam_net = sum(net[j] for j in range(W, W + nspam)) if nspam else None
    cal = None
    if calib:
        cal = (sum(p for p, _ in calib) / len(calib), sum(r for _, r in calib) / len(calib))
    return dict(tau=temper[0], acc=acc, experts=len(exp) / len(meas), crowd_acc=cacc, used=used / len(rows),
                spearman=sp, spam_net=spam_net, cal=cal, n=len(meas))

def spearman(x, y):
    def ranks(v):
        o = sorted(range(len(v)), key=lambda i: v[i]); r = [0.0] * len(v); i = 0
        while i < len(o):
            k = i
            while k + 1 < len(o) and v[o[k + 1]] == v[o[i]]:
                k += 1
            for m in range(i, k + 1):
                r[o[m]] = (i + k) / 2
            i = k + 1
        return r
    a, b = ranks(x), ranks(y); n = len(a)
    ma, mb = sum(a) / n, sum(b) / n
    cov = sum((p - ma) * (q - mb) for p, q in zip(a, b))
    va = math.sqrt(sum((p - ma) ** 2 for p in a)); vb = math.sqrt(sum((q - mb) ** 2 for q in b))
    return cov / (va * vb) if va and vb else None

if __name__ == "__main__":
    P = dict(tau=1.0, prior_correct=2, prior_incorrect=1, strength=4, r_min=3, r_max=64, step=1, target=0.95,
             gold_weight=4, delay=2000, charge=1.5, gold_slash=1.0)
    for kv in sys.argv[1:]:
        k, v = kv.split("="); P[k] = type(P[k])(v)
    for name in ["bluebirds", "web", "rte"]:
        rows, truth, K, W = load(os.path.join(DATA, name))
        out = []
        for experts in (False, True):
            for seed in range(3):
                r = run(rows, truth, K, W, P, seed=seed, shuffle=seed > 0, experts=experts)
                out.append(r)
        s = run(rows, truth, K, W, P, seed=0, experts=True, spam=0.3)
        def f(xs, key):
            v = [x[key] for x in xs if x[key] is not None]
            return f"{sum(v)/len(v):.3f}/{min(v):.3f}"
        ne, we = out[:3], out[3:]
        print(f"{name:9} K={K} noexp acc {f(ne,'acc')} used {f(ne,'used')} | exp share {f(we,'experts')} crowd {f(we,'crowd_acc')} | spear {f(ne,'spearman')} spam {s['spam_net']:.1f} tau {ne[0]['tau']:.2f} {we[0]['tau']:.2f}")
