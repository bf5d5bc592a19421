#!/usr/bin/env bash
# Side-by-side t-SNE benchmark: HyClus `hyclus tsne` against scikit-learn's Barnes-Hut (peer script) on the same
# seeded clustered 16-d file, both scored by the peer's embedding_quality.py. Not a test: prints figures only.
# Usage: bench/tsne.sh [N ...]   (default: 5000 20000). Needs app/target/hyclus.jar built and the peers installed
# (../shared/bench/install-peers.sh). Env: PEERS (peer script dir), WORK (scratch dir), THREADS, SKIP_SKLEARN=1.
set -euo pipefail
cd "$(dirname "$0")/.."
PEERS=${PEERS:-"$PWD/../shared/bench"}   # the peers beside the checkout
WORK=${WORK:-/tmp/hyclus-tsne-bench}
THREADS=${THREADS:-$(nproc)}
mkdir -p "$WORK"
echo "# $(date -u +%FT%TZ) $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for N in "${@:-5000 20000}"; do
  for n in $N; do
    D=16
    data="$WORK/c$n.f32"; labels="$WORK/c$n.i32"
    bench/make_clusters.py --n "$n" --d $D --seed 1 --out "$data" --labels "$labels"
    hy=$(java -jar app/target/hyclus.jar tsne --data "$data" --shape "$n,$D" --out "$WORK/c$n.hyclus.f32" \
         --threads "$THREADS" --seed 1 2>/dev/null | tail -1)
    echo "hyclus:  $hy"
    echo "quality: $(/usr/bin/python3 "$PEERS/embedding_quality.py" --data "$data" --shape "$n,$D" \
         --embedding "$WORK/c$n.hyclus.f32" --labels "$labels")"
    if [ "${SKIP_SKLEARN:-0}" != 1 ]; then
      sk=$(/usr/bin/python3 "$PEERS/tsne_sklearn.py" --data "$data" --shape "$n,$D" --out "$WORK/c$n.sklearn.f32" --seed 1)
      echo "sklearn: $sk"
      echo "quality: $(/usr/bin/python3 "$PEERS/embedding_quality.py" --data "$data" --shape "$n,$D" \
           --embedding "$WORK/c$n.sklearn.f32" --labels "$labels")"
      /usr/bin/python3 -c "import json,sys; h=json.loads(sys.argv[1]); s=json.loads(sys.argv[2]); print('ratio: sklearn/hyclus = %.2f' % (s['seconds']/h['seconds']))" "$hy" "$sk"
    fi
  done
done
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
