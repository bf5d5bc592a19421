#!/usr/bin/env bash
# The acquisition path at the cameras' line rates (VNIR 1024 x 224 at 330 lines/s, SWIR 384 x 288 at 450 lines/s):
# pre-rendered raw frames -> raw frames topic -> calibration -> stitching -> compact codec -> embedded broker
# (app/src/test/java/io/hyclus/app/bench/AcquisitionPathBenchmark.java), then the codec against zstd and lz4 on the
# same lines (ScanlineCodecBenchmark). Not a test: prints figures only.
# Usage: bench/acquisition.sh [SECONDS] [ENCODER_THREADS] [paced|unpaced] [raw-frames|no-raw-frames] [stitch|no-stitch]
#        (defaults 20 2 paced raw-frames)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_RUN=${1:-20}
THREADS=${2:-2}
MODE=${3:-paced}
RAW=${4:-raw-frames}
STITCH=${5:-stitch}
./mvnw -B -o -q test-compile -pl app -am
./mvnw -B -o -q dependency:build-classpath -pl app -am -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/hyclus-acq-cp.txt
# the reactor's own modules from their build folders, not from ~/.m2
cp=$(tr ':' '\n' < /tmp/hyclus-acq-cp.txt | sed -E "s#.*/io/hyclus/hyclus-([a-z]+)/.*#$PWD/\1/target/classes#" | paste -sd:)
echo "# $(date -u '+%Y-%m-%d %H:%M:%S UTC'), commit $(git rev-parse --short HEAD), $(nproc) cores"
echo "# load before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx3g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp:$PWD/app/target/classes:$PWD/app/target/test-classes" \
  io.hyclus.app.bench.AcquisitionPathBenchmark "$SECONDS_RUN" "$THREADS" "$MODE" "$RAW" "$STITCH" 2>/dev/null | grep -a '^{\|^#'
echo "# load after path: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp:$PWD/app/target/classes:$PWD/app/target/test-classes" \
  io.hyclus.app.bench.ScanlineCodecBenchmark 3 2>/dev/null | grep -a '^{\|^#'
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
