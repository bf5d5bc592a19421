#!/usr/bin/python3
"""Companion of bench/ae_vs_pca.py (docs/report.md, "A linear autoencoder ties PCA-16"): the study's dense AE-16 widths
(D-128-64-32-16-16-16-32-64-128-D, orthogonal init, RMSprop 1e-3, batch 256, 90/10 split, reduce-LR-on-plateau, EP
epochs, no early stopping) with other activations and losses, against PCA-16, on the same per-band MinMax-scaled
spectra; each code set read by a standardised logistic regression, 4-fold grouped (whole samples held out) and 4-fold
stratified random-spectra cross-validation.
Usage: CACHE=F.npz bench/ae_vs_pca.py SAMPLES_DIR swir N minmax   (writes F.npz: the seeded subsample, N per sample)
       EP=60 bench/ae_variants.py F.npz linear-mse,tanh-tanh-sig-bce[,tanh-linearcode-sig-bce,tanh-tanh-lin-mse]
  linear-mse = no activation anywhere, MSE loss (its optimum spans PCA-16's subspace); tanh-tanh-sig-bce = the study's.
Prints PCA-16's line, then one line per variant: name, seconds, reconstruction MSE, accuracies. With READOUT=1 each
code set is also read by a standardised 15-nearest-neighbour classifier and by scikit-learn's histogram gradient
boosting (seeded), grain size and plant, whole samples held out. Needs python3-torch, sklearn."""
import numpy as np, os, sys, time, json
os.environ.setdefault("OMP_NUM_THREADS","1")
import torch, torch.nn as nn
from sklearn.decomposition import PCA
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler
from sklearn.pipeline import make_pipeline
from sklearn.model_selection import GroupKFold, StratifiedKFold
torch.set_num_threads(1)
z = np.load(sys.argv[1]); X, lab, grp = z['X'], z['lab'].astype(str), z['grp']
cats = {'size': lab[:, 2], 'plant': lab[:, 0], 'month': lab[:, 1]}
lo, hi = X.min(0), X.max(0); S = ((X - lo) / (hi - lo)).astype(np.float32)
def acc(C, y, groups):
    clf = lambda: make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000))
    out = {}
    a = [(clf().fit(C[tr], y[tr]).predict(C[te]) == y[te]).mean() for tr, te in GroupKFold(4).split(C, y, groups)]
    out['held'] = round(float(np.mean(a)), 3)
    a = [(clf().fit(C[tr], y[tr]).predict(C[te]) == y[te]).mean() for tr, te in StratifiedKFold(4, shuffle=True, random_state=1).split(C, y)]
    out['rand'] = round(float(np.mean(a)), 3)
    return out
def train(act, code_act, out_act, loss, epochs, lr=1e-3, seed=1, widths=(128,64,32,16,16), center=False):
    torch.manual_seed(seed); n, d = S.shape
    Sx = S - S.mean(0) if center else S
    perm = np.random.default_rng(seed).permutation(n); ntr = int(n*0.9)
    Xt = torch.from_numpy(Sx[perm[:ntr]].astype(np.float32)); Xv = torch.from_numpy(Sx[perm[ntr:]].astype(np.float32))
    def stack(dims, last):
        L = []
        for i in range(len(dims)-1):
            lin = nn.Linear(dims[i], dims[i+1]); nn.init.orthogonal_(lin.weight); nn.init.zeros_(lin.bias)
            L += [lin, last() if i == len(dims)-2 else act()]
        return nn.Sequential(*L)
    w = list(widths)
    enc = stack([d]+w, code_act); dec = stack(w[::-1]+[d], out_act); model = nn.Sequential(enc, dec)
    opt = torch.optim.RMSprop(model.parameters(), lr=lr, alpha=0.9, eps=1e-7)
    sch = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, factor=0.1, patience=3, min_lr=1e-6)
    lf = loss(); best = 1e9
    for ep in range(epochs):
        p = torch.randperm(ntr)
        for s in range(0, ntr, 256):
            xb = Xt[p[s:s+256]]; opt.zero_grad(); l = lf(model(xb), xb); l.backward(); opt.step()
        with torch.no_grad(): v = lf(model(Xv), Xv).item()
        sch.step(v); best = min(best, v)
    with torch.no_grad():
        Xa = torch.from_numpy(Sx.astype(np.float32)); C = enc(Xa).numpy(); R = model(Xa).numpy()
    return C, float(((R - Sx)**2).mean())
from sklearn.neighbors import KNeighborsClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
def readout(name, Z):
    if not os.environ.get('READOUT'): return
    clfs = {'knn15': lambda: make_pipeline(StandardScaler(), KNeighborsClassifier(15)),
            'hgb': lambda: HistGradientBoostingClassifier(random_state=1)}
    for cn, mk in clfs.items():
        for c in ('size', 'plant'):
            y = cats[c]
            a = [(mk().fit(Z[tr], y[tr]).predict(Z[te]) == y[te]).mean() for tr, te in GroupKFold(4).split(Z, y, grp)]
            print(name, cn, c, 'held', round(float(np.mean(a)), 3), flush=True)
pca = PCA(16, random_state=1).fit(S); P = pca.transform(S)
print('pca', float(((pca.inverse_transform(P)-S)**2).mean()), {c: acc(P, y, grp) for c, y in cats.items()}, flush=True)
readout('pca', P)
V = {
 'linear-mse': (nn.Identity, nn.Identity, nn.Identity, nn.MSELoss),
 'tanh-linearcode-sig-bce': (nn.Tanh, nn.Identity, nn.Sigmoid, nn.BCELoss),
 'tanh-tanh-sig-bce': (nn.Tanh, nn.Tanh, nn.Sigmoid, nn.BCELoss),
 'tanh-tanh-lin-mse': (nn.Tanh, nn.Tanh, nn.Identity, nn.MSELoss),
}
ep = int(os.environ.get('EP', '60'))
for name in sys.argv[2].split(','):
    t = time.time(); C, m = train(*V[name], ep)
    print(name, round(time.time()-t,1), m, {c: acc(C, y, grp) for c, y in cats.items()}, flush=True)
    readout(name, C)
