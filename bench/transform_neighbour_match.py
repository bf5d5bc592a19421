#!/usr/bin/python3
"""Experiment (not HyClus's transform): neighbourhood-matching placement, docs/benchmarks.md "on real codes". For each new point, candidates on a grid around the transform's
position (units of r = median 10th-NN radius of the map) plus its high-D neighbours' positions; score = overlap of the
candidate's 2-D k-NN (reference) with the point's high-D k-NN (reference). Writes the chosen positions."""
import argparse, json, sys
import numpy as np
from sklearn.neighbors import NearestNeighbors
p = argparse.ArgumentParser()
p.add_argument("--data"); p.add_argument("--shape"); p.add_argument("--new", type=int)
p.add_argument("--ref-emb"); p.add_argument("--new-emb"); p.add_argument("--out")
p.add_argument("--k", type=int, default=10); p.add_argument("--grid", type=int, default=9)
p.add_argument("--span", type=float, default=1.0)
a = p.parse_args()
n, d = (int(v) for v in a.shape.split(",")); K = a.new; M = n - K; k = a.k
X = np.fromfile(a.data, "<f4", count=n*d).reshape(n, d).astype(np.float64)
R = np.fromfile(a.ref_emb, "<f4").reshape(-1, 2).astype(np.float64)
T = np.fromfile(a.new_emb, "<f4").reshape(-1, 2).astype(np.float64)
_, S = NearestNeighbors(n_neighbors=k).fit(X[:M]).kneighbors(X[M:])
nnR = NearestNeighbors(n_neighbors=k+1).fit(R)
rs = np.random.default_rng(0).choice(M, 2000, replace=False)
r = float(np.median(nnR.kneighbors(R[rs])[0][:, k]))
g = np.linspace(-a.span, a.span, a.grid) * r
offs = np.array([[u, v] for u in g for v in g])
out = np.empty_like(T)
for i in range(K):
    cand = np.vstack([T[i] + offs, R[S[i]] + 1e-3 * r])
    iy = nnR.kneighbors(cand, n_neighbors=k, return_distance=False)
    sc = np.array([len(np.intersect1d(S[i], row)) for row in iy])
    best = np.flatnonzero(sc == sc.max())
    dist = np.linalg.norm(cand[best] - T[i], axis=1)
    out[i] = cand[best[np.argmin(dist)]]
out.astype("<f4").tofile(a.out)
print("r", r, file=sys.stderr)
