"""Recomputes hyclus report's tables from its CSV files with scikit-learn and numpy, independently of HyClus.

Usage: check_report.py OUT_DIR. Prints one line per mismatch and a last line 'checked T tables, C confusion
matrices, K elbows'; exits 1 on any mismatch.
"""
import csv
import os
import sys
from collections import defaultdict

import numpy as np
from sklearn.metrics import classification_report, confusion_matrix

out = sys.argv[1]
bad = []


def rows(name):
    with open(os.path.join(out, name), newline="") as f:
        return list(csv.DictReader(f))


groups = defaultdict(lambda: ([], []))
for r in rows("predictions.csv"):
    g = groups[(r["camera"], r["representation"], r["category"], r["split"], "spectrum")]
    g[0].append(r["truth"])
    g[1].append(r["predicted"])
for r in rows("sample-predictions.csv"):
    g = groups[(r["camera"], r["representation"], r["category"], r["split"], "sample")]
    g[0].append(r["truth"])
    g[1].append(r["predicted"])

tables = defaultdict(dict)
for r in rows("tables.csv"):
    tables[(r["camera"], r["representation"], r["category"], r["split"], r["level"])][r["class"]] = r
cms = defaultdict(dict)
for r in rows("confusion.csv"):
    cms[(r["camera"], r["representation"], r["category"], r["split"], r["level"])][(r["truth"], r["predicted"])] = int(r["count"])


def close(a, b):
    return abs(float(a) - float(b)) <= 1e-9


for key, (truth, pred) in groups.items():
    labels = sorted(set(truth) | set(pred))
    rep = classification_report(truth, pred, labels=labels, output_dict=True, zero_division=0)
    t = tables.get(key)
    if t is None:
        bad.append(f"{key}: no table")
        continue
    for c in labels:
        for metric, col in (("precision", "precision"), ("recall", "recall"), ("f1-score", "f1")):
            if not close(rep[c][metric], t[c][col]):
                bad.append(f"{key} {c} {metric}: sklearn {rep[c][metric]}, report {t[c][col]}")
        if int(rep[c]["support"]) != int(t[c]["support"]):
            bad.append(f"{key} {c} support: sklearn {rep[c]['support']}, report {t[c]['support']}")
    acc = rep["accuracy"] if "accuracy" in rep else rep["micro avg"]["f1-score"]
    if not close(acc, t["accuracy"]["f1"]):
        bad.append(f"{key} accuracy: sklearn {acc}, report {t['accuracy']['f1']}")
    for avg in ("macro avg", "weighted avg"):
        for metric, col in (("precision", "precision"), ("recall", "recall"), ("f1-score", "f1")):
            if not close(rep[avg][metric], t[avg][col]):
                bad.append(f"{key} {avg} {metric}: sklearn {rep[avg][metric]}, report {t[avg][col]}")
    cm = confusion_matrix(truth, pred, labels=labels)
    for i, a in enumerate(labels):
        for j, b in enumerate(labels):
            if cms[key].get((a, b)) != int(cm[i, j]):
                bad.append(f"{key} confusion {a}->{b}: sklearn {cm[i, j]}, report {cms[key].get((a, b))}")
if len(groups) != len(tables):
    bad.append(f"{len(groups)} prediction groups but {len(tables)} tables")

sse = {(r["camera"].lower(), r["model"], int(r["k"])): float(r["sse"]) for r in rows("elbow.csv")}
elbows = 0
for (cam, model) in sorted({(c, m) for (c, m, k) in sse}):
    f = os.path.join(out, f"kmeans-{cam}-{model}.csv")
    data = np.genfromtxt(f, delimiter=",", names=True)
    x = np.stack([data[n] for n in data.dtype.names if n.startswith("c")], axis=1)
    for k in range(1, 10):
        assign = data[f"k{k}"].astype(int)
        total = 0.0
        for c in np.unique(assign):
            pts = x[assign == c]
            total += float(((pts - pts.mean(axis=0)) ** 2).sum())
        v = sse[(cam, model, k)]
        if abs(total - v) > 1e-6 * max(1.0, abs(total)):
            bad.append(f"kmeans-{cam}-{model} k={k}: numpy SSE {total}, report {v}")
        if len(np.unique(assign)) > k:
            bad.append(f"kmeans-{cam}-{model} k={k}: {len(np.unique(assign))} clusters used")
    elbows += 1

for b in bad:
    print(b)
print(f"checked {len(groups)} tables, {len(cms)} confusion matrices, {elbows} elbows")
sys.exit(1 if bad else 0)
