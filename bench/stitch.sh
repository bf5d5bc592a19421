#!/usr/bin/env bash
# Per-line cost of co-registration and stitching for the full-size camera pair (VNIR 1024x224 at 330 Hz, SWIR 384x288
# at 450 Hz; acquisition/src/test/java/io/hyclus/acquisition/stitch/bench/StitchBenchmark.java). Not a test: prints
# figures only (docs/stitching.md). Usage: bench/stitch.sh [LINES] [WARMUP]   (defaults: 3000 VNIR lines, 1000 warm-up)
set -euo pipefail
cd "$(dirname "$0")/.."
LINES=${1:-3000}
WARMUP=${2:-1000}
flock /tmp/hyclus-mvn.lock ./mvnw -B -o -q test-compile -pl acquisition -am
flock /tmp/hyclus-mvn.lock ./mvnw -B -o -q dependency:build-classpath -pl acquisition -am -Dmdep.includeScope=test \
  -Dmdep.outputFile=/tmp/hyclus-stitch-cp.txt
# the reactor's own modules from their build folders, not from ~/.m2
cp=$(tr ':' '\n' < /tmp/hyclus-stitch-cp.txt | sed -E "s#.*/io/hyclus/hyclus-([a-z]+)/.*#$PWD/\1/target/classes#" | paste -sd:)
echo "# load before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx1g -cp "$cp:$PWD/acquisition/target/classes:$PWD/acquisition/target/test-classes" \
  io.hyclus.acquisition.stitch.bench.StitchBenchmark "$LINES" "$WARMUP" 2>/dev/null | grep -a '^{\|^#'
