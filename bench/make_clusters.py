#!/usr/bin/python3
"""Seeded clustered test data for the t-SNE benchmark: N points of D dims in C Gaussian clusters.

Cluster centres ~ N(0, 4^2 I), each cluster with its own spread in [0.5, 1.5] and an anisotropic scale per axis,
so the data has local structure at several scales. Writes raw little-endian float32 (N x D row-major) to --out and
int32 labels to --labels.
"""
import argparse
import numpy as np

p = argparse.ArgumentParser()
p.add_argument("--n", type=int, required=True)
p.add_argument("--d", type=int, default=16)
p.add_argument("--clusters", type=int, default=12)
p.add_argument("--seed", type=int, default=1)
p.add_argument("--out", required=True)
p.add_argument("--labels", required=True)
a = p.parse_args()
rng = np.random.default_rng(a.seed)
centres = rng.normal(0, 4, size=(a.clusters, a.d))
spread = rng.uniform(0.5, 1.5, size=a.clusters)
axes = rng.uniform(0.3, 1.0, size=(a.clusters, a.d))
lab = rng.integers(0, a.clusters, size=a.n).astype("<i4")
X = centres[lab] + rng.normal(size=(a.n, a.d)) * spread[lab, None] * axes[lab]
X.astype("<f4").tofile(a.out)
lab.tofile(a.labels)
