#!/usr/bin/env bash
# Adding points to a saved map vs a full re-fit: fit M points (--save), place K more with --transform-onto, re-fit
# all M+K, compare the new points' quality (bench/transform_quality.py). Usage: bench/tsne-transform.sh [M] [K]
set -euo pipefail
cd "$(dirname "$0")/.."
M=${1:-50000}; K=${2:-1000}; D=16; N=$((M + K))
WORK=${WORK:-/tmp/hyclus-tsne-bench}; THREADS=${THREADS:-$(nproc)}
mkdir -p "$WORK"
echo "# $(date -u +%FT%TZ) $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
bench/make_clusters.py --n "$N" --d $D --seed 2 --out "$WORK/t$N.f32" --labels "$WORK/t$N.i32"
head -c $((M * D * 4)) "$WORK/t$N.f32" > "$WORK/t$N.ref.f32"
tail -c $((K * D * 4)) "$WORK/t$N.f32" > "$WORK/t$N.new.f32"
echo "fit:       $(java -jar app/target/hyclus.jar tsne --data "$WORK/t$N.ref.f32" --shape "$M,$D" --out "$WORK/t$N.ref.emb" --save "$WORK/t$N.map" --threads "$THREADS" 2>/dev/null)"
echo "transform: $(java -jar app/target/hyclus.jar tsne --data "$WORK/t$N.new.f32" --shape "$K,$D" --out "$WORK/t$N.new.emb" --transform-onto "$WORK/t$N.map" --threads "$THREADS" 2>&1 | grep -E 'built in|computed in|placed onto|impl' | sed -E 's/^[0-9:.]+ INFO //' | tr '\n' ' ')"
echo "refit:     $(java -jar app/target/hyclus.jar tsne --data "$WORK/t$N.f32" --shape "$N,$D" --out "$WORK/t$N.full.emb" --threads "$THREADS" 2>/dev/null)"
echo "quality:   $(/usr/bin/python3 bench/transform_quality.py --data "$WORK/t$N.f32" --shape "$N,$D" --labels "$WORK/t$N.i32" --new "$K" --ref-emb "$WORK/t$N.ref.emb" --new-emb "$WORK/t$N.new.emb" --full-emb "$WORK/t$N.full.emb")"
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
