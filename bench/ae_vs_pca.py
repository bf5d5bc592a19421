#!/usr/bin/python3
"""Experiment behind docs/report.md "Why the autoencoder trails": the study's dense AE-16 (PyTorch, the peer's recipe:
D-128-64-32-16-16-16-32-64-128-D, tanh, orthogonal init, sigmoid output, BCE, RMSprop 1e-3, batch 256, 90/10
validation, early stopping (min delta DELTA, patience PAT, at most EP epochs), reduce-LR-on-plateau) against PCA-16 on
the same scaled spectra of a campaign's containers, each code set read by a standardised logistic regression with 4-fold
grouped (whole samples held out) and 4-fold stratified random-spectra cross-validation.
Usage: bench/ae_vs_pca.py SAMPLES_DIR vnir|swir SPECTRA_PER_SAMPLE minmax,0.5,row
  minmax = per-band MinMax (HyClus's scaler); 0.5 = per-band, 0.5th-99.5th percentile, clipped; row = per spectrum.
Env: EP (30), DELTA (1e-4), PAT (5), LR (1e-3). Prints one JSON line per scaling. Needs python3-torch, sklearn, h5py."""
import h5py, numpy as np, glob, os, sys, time, json
os.environ.setdefault("OMP_NUM_THREADS","1")
import torch, torch.nn as nn
from sklearn.decomposition import PCA
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler
from sklearn.pipeline import make_pipeline
from sklearn.model_selection import GroupKFold, StratifiedKFold
torch.set_num_threads(1)
root, cam, per = sys.argv[1], sys.argv[2], int(sys.argv[3])
cache = os.environ.get('CACHE', '')
if cache and os.path.exists(cache):
    z = np.load(cache); X, lab, grp = z['X'], z['lab'], z['grp']
else:
    fs = sorted(f for f in glob.glob(os.path.join(root, '*', '*.h5')) if not f.endswith('.codes.h5'))
    X, lab, grp = [], [], []
    rng = np.random.default_rng(1)
    for gi, f in enumerate(fs):
        name = os.path.basename(f)[:-3]; p, y, m, s = name.split('-')
        with h5py.File(f, 'r') as h:
            ds = h[cam]['spectra']
            # the spectra the material mask kept (class 0), as hyclus report reads them; all in containers before /4
            ok = np.flatnonzero(h[cam]['material'][:] == 0) if 'material' in h[cam] else np.arange(ds.shape[0])
            idx = np.sort(rng.choice(ok, min(per, len(ok)), replace=False)); X.append(ds[idx, :])
        lab += [(p, int(m), s)] * len(idx); grp += [gi] * len(idx)
    X = np.vstack(X).astype(np.float32); lab = np.array(lab, dtype=object); grp = np.array(grp)
    if cache: np.savez(cache, X=X, lab=lab.astype(str), grp=grp)
    lab = lab.astype(str)
cats = {'size': lab[:, 2], 'plant': lab[:, 0], 'month': lab[:, 1]}

def scale(X, mode):
    if mode == 'row':
        lo, hi = X.min(1, keepdims=True), X.max(1, keepdims=True)
        return ((X - lo) / (hi - lo)).astype(np.float32)
    if mode == 'minmax': lo, hi = X.min(0), X.max(0)
    else:
        q = float(mode); lo, hi = np.percentile(X, q, axis=0), np.percentile(X, 100 - q, axis=0)
    return np.clip((X - lo) / (hi - lo), 0, 1).astype(np.float32)

def ae_codes(S, k=16, seed=1, max_epochs=int(os.environ.get('EP','30')), delta=float(os.environ.get('DELTA','1e-4')), pat=int(os.environ.get('PAT','5'))):
    torch.manual_seed(seed); n, d = S.shape
    perm = np.random.default_rng(seed).permutation(n); ntr = int(n * 0.9)
    Xt = torch.from_numpy(S[perm[:ntr]]); Xv = torch.from_numpy(S[perm[ntr:]])
    widths = [128, 64, 32, 16] + ([k] if k != 16 else [])
    def stack(dims, last):
        L = []
        for i in range(len(dims) - 1):
            lin = nn.Linear(dims[i], dims[i+1]); nn.init.orthogonal_(lin.weight); nn.init.zeros_(lin.bias)
            L += [lin, last if (last is not None and i == len(dims) - 2) else nn.Tanh()]
        return nn.Sequential(*L)
    enc = stack([d] + widths, None); dec = stack(widths[::-1] + [d], nn.Sigmoid()); model = nn.Sequential(enc, dec)
    opt = torch.optim.RMSprop(model.parameters(), lr=float(os.environ.get('LR','1e-3')), alpha=0.9, eps=1e-7)
    sch = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, factor=0.1, patience=3, min_lr=1e-6)
    bce = nn.BCELoss(); best, wait, ep = 1e9, 0, 0
    for ep in range(max_epochs):
        p = torch.randperm(ntr)
        for s in range(0, ntr, 256):
            xb = Xt[p[s:s+256]]; opt.zero_grad(); l = bce(model(xb), xb); l.backward(); opt.step()
        with torch.no_grad(): v = bce(model(Xv), Xv).item()
        sch.step(v)
        if v < best - delta: best, wait = v, 0
        else:
            wait += 1
            if wait >= pat: break
    with torch.no_grad():
        C = enc(torch.from_numpy(S)).numpy(); R = model(torch.from_numpy(S)).numpy()
    global AE_MSE; AE_MSE = float(((R - S) ** 2).mean())
    return C, best, ep + 1

def acc(C, y, groups):
    clf = lambda: make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000))
    out = {}
    a = []
    for tr, te in GroupKFold(4).split(C, y, groups):
        a.append((clf().fit(C[tr], y[tr]).predict(C[te]) == y[te]).mean())
    out['held'] = round(float(np.mean(a)), 3)
    a = []
    for tr, te in StratifiedKFold(4, shuffle=True, random_state=1).split(C, y):
        a.append((clf().fit(C[tr], y[tr]).predict(C[te]) == y[te]).mean())
    out['rand'] = round(float(np.mean(a)), 3)
    return out

for mode in sys.argv[4].split(','):
    S = scale(X, mode)
    pca = PCA(16, random_state=1).fit(S); P = pca.transform(S); PM = float(((pca.inverse_transform(P) - S) ** 2).mean()); VAR = float(S.var(0).sum()/S.shape[1])
    t = time.time(); C, vb, ep = ae_codes(S); dt = time.time() - t
    res = {'cam': cam, 'scale': mode, 'ae_val_bce': round(vb, 5), 'epochs': ep, 'ae_s': round(dt, 1), 'mse_ae': AE_MSE, 'mse_pca16': PM, 'var': VAR}
    for name, Z in [('pca', P), ('ae', C)]:
        for c, y in cats.items():
            res[f'{name}.{c}'] = acc(Z, y, grp)
    print(json.dumps(res), flush=True)
