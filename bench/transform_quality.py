#!/usr/bin/python3
"""Quality of points added to a map, against a full re-fit: 10-NN preservation and kNN label accuracy of the new
points only (their 2-D neighbours searched among all points). Inputs: raw float32/int32 as the peer scripts.
--ref-emb: M x 2 reference positions; --new-emb: K x 2 transformed positions; --full-emb: (M+K) x 2 re-fit, rows in
the same order as --data (reference rows first)."""
import argparse, json
import numpy as np
from sklearn.neighbors import NearestNeighbors

p = argparse.ArgumentParser()
p.add_argument("--data", required=True)
p.add_argument("--shape", required=True, help="N,d of all points (reference first, then new)")
p.add_argument("--labels", required=True)
p.add_argument("--new", type=int, required=True, help="how many rows at the end are new")
p.add_argument("--ref-emb", required=True)
p.add_argument("--new-emb", required=True)
p.add_argument("--full-emb", required=True)
p.add_argument("--k", type=int, default=10)
a = p.parse_args()
n, d = (int(v) for v in a.shape.split(","))
X = np.fromfile(a.data, dtype="<f4", count=n * d).reshape(n, d)
lab = np.fromfile(a.labels, dtype="<i4", count=n)
idx = np.arange(n - a.new, n)


def score(Y):
    ix = NearestNeighbors(n_neighbors=a.k + 1).fit(X).kneighbors(X[idx], return_distance=False)[:, 1:]
    iy = NearestNeighbors(n_neighbors=a.k + 1).fit(Y).kneighbors(Y[idx], return_distance=False)[:, 1:]
    pres = float(np.mean([len(np.intersect1d(ix[i], iy[i])) for i in range(len(idx))]) / a.k)
    return {"knn_preservation": round(pres, 4), "knn_label_accuracy": round(float((lab[iy] == lab[idx][:, None]).mean()), 4)}


Y = np.vstack([np.fromfile(a.ref_emb, "<f4").reshape(-1, 2), np.fromfile(a.new_emb, "<f4").reshape(-1, 2)])
print(json.dumps({"new_points": a.new, "transform": score(Y),
                  "full_refit": score(np.fromfile(a.full_emb, "<f4").reshape(n, 2))}))
