#!/usr/bin/env bash
# Side-by-side autoencoder benchmark: HyClus's DL4J dense autoencoder against PyTorch (peer ae_torch.py) on the same
# file of MinMax-scaled campaign spectra, same net (D-128-64-32-16-k-...-D), batch 256, same thread count, in the same
# run; prints both JSON lines and the ratios DL4J/PyTorch. Not a test: prints figures only (docs/benchmarks.md).
# Usage: bench/autoencoder.sh [K ...]   (default: 4 16). Needs app/target/hyclus.jar built (its lib/ holds the analysis
# jar) and a campaign's sample containers. Env: PEERS (peer script dir), WORK (scratch dir), SAMPLES (containers dir),
# CAMERA (VNIR|SWIR), PER_SAMPLE (spectra drawn per sample, default 1400: ~100k rows from 72 samples), THREADS (1),
# EPOCHS (2), ARCH (dense-ae), CP (class path, default app/target/hyclus.jar), JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."
PEERS=${PEERS:-"$PWD/../shared/bench"}   # the peers beside the checkout
WORK=${WORK:-/tmp/hyclus-ae-bench}
SAMPLES=${SAMPLES:-./hyclus-work/samples}
CAMERA=${CAMERA:-VNIR}
PER_SAMPLE=${PER_SAMPLE:-1400}
THREADS=${THREADS:-1}
EPOCHS=${EPOCHS:-2}
ARCH=${ARCH:-dense-ae}
CP=${CP:-app/target/hyclus.jar}
# extra JVM options (JavaCPP's -Dorg.bytedeco.javacpp.maxphysicalbytes=0 made no measurable difference here)
JAVA_OPTS=${JAVA_OPTS:-}
export OMP_NUM_THREADS=$THREADS OPENBLAS_NUM_THREADS=$THREADS MKL_NUM_THREADS=$THREADS
bench() { java $JAVA_OPTS -cp "$CP" io.hyclus.analysis.model.bench.AutoencoderBenchmark "$@" 2>/dev/null | tail -1; }
mkdir -p "$WORK"
echo "# $(date -u +%FT%TZ) $(getconf _NPROCESSORS_ONLN) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
data="$WORK/$CAMERA-$PER_SAMPLE.f32"
meta=$(bench data --samples "$SAMPLES" --camera "$CAMERA" --per-sample "$PER_SAMPLE" --seed 1 --out "$data")
echo "data:    $meta"
shape=$(/usr/bin/python3 -c "import json,sys; m=json.loads(sys.argv[1]); print('%d,%d' % (m['n'], m['d']))" "$meta")
for K in ${@:-4 16}; do
  hy=$(bench run --data "$data" --shape "$shape" --arch "$ARCH" --bottleneck "$K" --epochs "$EPOCHS" --threads "$THREADS")
  echo "hyclus:  $hy"
  py=$(/usr/bin/python3 "$PEERS/ae_torch.py" --data "$data" --shape "$shape" --bottleneck "$K" --epochs "$EPOCHS" \
       --threads "$THREADS")
  echo "pytorch: $py"
  /usr/bin/python3 -c "import json,sys; h=json.loads(sys.argv[1]); p=json.loads(sys.argv[2]); print('ratio k=%s: train %.2f, encode %.2f (DL4J/PyTorch); DL4J encoder %.2fx the camera pair (340k pixels/s)' % (sys.argv[3], h['train_samples_per_s']/p['train_samples_per_s'], h['encode_spectra_per_s']/p['encode_spectra_per_s'], h['encode_spectra_per_s']/340000))" "$hy" "$py" "$K"
done
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
