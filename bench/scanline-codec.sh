#!/usr/bin/env bash
# The compact scanline codec against zstd and lz4 on the same simulated full-size lines
# (app/src/test/java/io/hyclus/app/bench/ScanlineCodecBenchmark.java). Not a test: prints figures only.
# Usage: bench/scanline-codec.sh [PASSES]   (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
PASSES=${1:-5}
./mvnw -B -o -q test-compile -pl app -am
./mvnw -B -o -q dependency:build-classpath -pl app -am -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/hyclus-codec-cp.txt
# the reactor's own modules from their build folders, not from ~/.m2
cp=$(tr ':' '\n' < /tmp/hyclus-codec-cp.txt | sed -E "s#.*/io/hyclus/hyclus-([a-z]+)/.*#$PWD/\1/target/classes#" | paste -sd:)
echo "# load before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp:$PWD/app/target/classes:$PWD/app/target/test-classes" \
  io.hyclus.app.bench.ScanlineCodecBenchmark "$PASSES" 2>/dev/null | grep -a '^{\|^#'
