#!/usr/bin/python3
"""Why placed points trail a re-fit: scores simple and oracle placements of the new points of a bench/tsne-transform.sh
run on the FIXED reference map (10-NN among the reference only, high-D and 2-D). Prints one JSON line:
  transform        - the transform's positions
  at_1nn           - at the position of the nearest reference point (high-D), nudged by 1e-3
  median_25 / mean_5 - median of the 25 / mean of the 5 nearest reference positions (the transform's start / a centroid)
  min_kl_candidate - the position with the lowest per-point KL (perplexity 5, exact Z over the reference) among the
                     transform's own and the 15 nearest reference positions: does a better optimum of the SAME
                     objective exist nearby?
  oracle_best      - the best of ~100 candidate positions chosen by looking at the answer (an upper bound for
                     one-point placement, biased upwards by the choice)
  ref_own          - the reference map's preservation for 1,000 of its own points (what a fit gives a point)
  spread_2d        - median 2-D distance from the nearest to the other 14 of a new point's 15 high-D neighbours,
                     against the median radius of a point's 10 nearest 2-D neighbours"""
import argparse, json
import numpy as np
from sklearn.neighbors import NearestNeighbors

p = argparse.ArgumentParser()
p.add_argument("--data", required=True); p.add_argument("--shape", required=True)
p.add_argument("--new", type=int, required=True)
p.add_argument("--ref-emb", required=True); p.add_argument("--new-emb", required=True)
a = p.parse_args()
n, d = (int(v) for v in a.shape.split(",")); K = a.new; M = n - K; k = 10
X = np.fromfile(a.data, "<f4", count=n * d).reshape(n, d).astype(np.float64)
R = np.fromfile(a.ref_emb, "<f4").reshape(-1, 2).astype(np.float64)
T = np.fromfile(a.new_emb, "<f4").reshape(-1, 2).astype(np.float64)
new = np.arange(M, n)
pres = lambda ix, iy: float(np.mean([len(np.intersect1d(u, v)) for u, v in zip(ix, iy)]) / k)
nnX = NearestNeighbors(n_neighbors=25).fit(X[:M]); d25, i25 = nnX.kneighbors(X[new]); ixn = i25[:, :k]
nnR = NearestNeighbors(n_neighbors=k).fit(R)
ev = lambda P: round(pres(ixn, nnR.kneighbors(P, return_distance=False)), 4)
out = {"transform": ev(T), "at_1nn": ev(R[i25[:, 0]] + 1e-3), "median_25": ev(np.median(R[i25], axis=1)),
       "mean_5": ev(R[i25[:, :5]].mean(axis=1))}


def calibrate(d2, perp=5.0):
    lo, hi, b, t, dr = 0.0, np.inf, 1.0, np.log(perp), d2 - d2.min()
    for _ in range(200):
        q = np.exp(-b * dr); q /= q.sum(); h = -(q * np.log(np.maximum(q, 1e-300))).sum()
        if abs(h - t) < 1e-6: break
        if h > t: lo = b; b = b * 2 if hi == np.inf else (b + hi) / 2
        else: hi = b; b = (b + lo) / 2
    return q


best_kl, oracle = [], []
for i in range(K):
    q = calibrate(d25[i, :15] ** 2)
    C = np.vstack([T[i:i + 1], R[i25[i, :15]] + 1e-3])
    att = (q[None, :] * np.log1p(((C[:, None, :] - R[i25[i, :15]][None]) ** 2).sum(-1))).sum(1)
    z = (1 / (1 + ((C[:, None, :] - R[None]) ** 2).sum(-1))).sum(1)
    best_kl.append(C[np.argmin(att + np.log(z))])
    c0 = np.median(R[i25[i, :10]], axis=0)
    cand = [T[i], np.median(R[i25[i]], axis=0)] + [R[j] + 1e-3 for j in i25[i, :15]] + \
           [c0 + [u, v] for u in np.linspace(-2, 2, 9) for v in np.linspace(-2, 2, 9)]
    iy = nnR.kneighbors(np.array(cand), return_distance=False)
    oracle.append(max(len(np.intersect1d(ixn[i], r)) for r in iy) / k)
out["min_kl_candidate"] = ev(np.array(best_kl)); out["oracle_best"] = round(float(np.mean(oracle)), 4)
s = np.random.default_rng(0).choice(M, 1000, replace=False)
ixr = NearestNeighbors(n_neighbors=k + 1).fit(X[:M]).kneighbors(X[s], return_distance=False)[:, 1:]
iyr = NearestNeighbors(n_neighbors=k + 1).fit(R).kneighbors(R[s], return_distance=False)[:, 1:]
out["ref_own"] = round(pres(ixr, iyr), 4)
r2, _ = NearestNeighbors(n_neighbors=k + 1).fit(R).kneighbors(R[s])
out["spread_2d"] = {"hd_neighbours_median_distance": round(float(np.median(
    [np.median(np.linalg.norm(R[i25[i, 1:15]] - R[i25[i, 0]], axis=1)) for i in range(K)])), 3),
    "radius_of_10_nearest_2d": round(float(np.median(r2[:, k])), 3)}
print(json.dumps(out))
