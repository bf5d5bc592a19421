#!/usr/bin/env bash
# Trains the pretrained models HyClus ships (the study's dense AE-16 for VNIR and for SWIR) on the simulated reference
# campaign, copies them into the pretrained bundle and rewrites the probe codes BundledPretrainedTest checks.
# Takes ~6 minutes on 2 cores (the campaign scan ~4, training ~1). Usage, from the repository root:
#   scripts/train-pretrained.sh [WORK_DIR]        (default: a new temporary folder)
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-$(mktemp -d /tmp/hyclus-pretrained.XXXXXX)}"
bundle=analysis/src/main/resources/io/hyclus/analysis/model/pretrained
./hyclus campaign --exit-when-done --work-dir "$work"
rm -rf "$work/models-pretrained"
for camera in VNIR SWIR; do
  ./hyclus train --samples "$work/samples" --registry "$work/models-pretrained" --model dense-ae-16 --camera "$camera" \
    --spectra-per-sample 500 --seed 1 --promote
done
for m in dense-ae-16-vnir dense-ae-16-swir; do
  rm -rf "${bundle:?}/$m" && mkdir -p "$bundle/$m" && cp -r "$work/models-pretrained/$m/v1" "$bundle/$m/"
done
java -cp "app/target/lib/*:app/target/hyclus.jar" scripts/PretrainedProbe.java "$bundle" \
  analysis/src/test/resources/io/hyclus/analysis/model/pretrained-probes.txt dense-ae-16-vnir@1 dense-ae-16-swir@1
echo "Bundle updated in $bundle; rebuild (./mvnw -B install -DskipTests) and run BundledPretrainedTest."
