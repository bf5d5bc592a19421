#!/usr/bin/env bash
# Line rate through decode -> segmentation -> container, exactly_once_v2 against at_least_once, one embedded broker
# (streaming/src/test/java/io/hyclus/streaming/bench/SegmentationBenchmark.java). Not a test: prints figures only.
# Usage: bench/segmentation.sh [LINES] [RUNS]   (defaults: 300 lines per camera, runs alo,eos,alo,eos)
set -euo pipefail
cd "$(dirname "$0")/.."
LINES=${1:-300}
RUNS=${2:-alo,eos,alo,eos}
./mvnw -B -o -q test-compile -pl streaming -am
./mvnw -B -o -q dependency:build-classpath -pl streaming -am -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/hyclus-seg-cp.txt
# the reactor's own modules from their build folders, not from ~/.m2
cp=$(tr ':' '\n' < /tmp/hyclus-seg-cp.txt | sed -E "s#.*/io/hyclus/hyclus-([a-z]+)/.*#$PWD/\1/target/classes#" | paste -sd:)
echo "# load before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp:$PWD/streaming/target/classes:$PWD/streaming/target/test-classes" \
  io.hyclus.streaming.bench.SegmentationBenchmark --lines "$LINES" --runs "$RUNS" 2>/dev/null | grep -a '^{\|^#'
