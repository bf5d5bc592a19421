#!/usr/bin/python3
"""10-NN preservation and 10-NN label accuracy of an embedding, scored on a seeded random sample of its points
(neighbours searched among ALL points, exactly): for N too large for the peer's embedding_quality.py (1,000,000).
Inputs: raw little-endian float32 data N x d, embedding N x 2, labels int32. Prints one JSON line."""
import argparse, json
import numpy as np
from sklearn.neighbors import NearestNeighbors

p = argparse.ArgumentParser()
p.add_argument("--data", required=True)
p.add_argument("--shape", required=True, help="N,d")
p.add_argument("--embedding", required=True)
p.add_argument("--labels")
p.add_argument("--sample", type=int, default=10000)
p.add_argument("--seed", type=int, default=1)
p.add_argument("--k", type=int, default=10)
a = p.parse_args()
n, d = (int(v) for v in a.shape.split(","))
X = np.fromfile(a.data, dtype="<f4", count=n * d).reshape(n, d)
Y = np.fromfile(a.embedding, dtype="<f4", count=2 * n).reshape(n, 2)
s = np.random.default_rng(a.seed).choice(n, size=min(a.sample, n), replace=False)
ix = NearestNeighbors(n_neighbors=a.k + 1).fit(X).kneighbors(X[s], return_distance=False)[:, 1:]
iy = NearestNeighbors(n_neighbors=a.k + 1).fit(Y).kneighbors(Y[s], return_distance=False)[:, 1:]
out = {"n": n, "sample": len(s), "k": a.k,
       "knn_preservation": round(float(np.mean([len(np.intersect1d(ix[i], iy[i])) for i in range(len(s))]) / a.k), 4)}
if a.labels:
    lab = np.fromfile(a.labels, dtype="<i4", count=n)
    out["knn_label_accuracy"] = round(float((lab[iy] == lab[s][:, None]).mean()), 4)
print(json.dumps(out))
