#!/usr/bin/env bash
# Reads the files under the given folders into the kernel's page cache until MemFree is below 1 GiB, so that a
# benchmark run after it writes into recycled page cache, as a machine that has been running for a while does, rather
# than into free pages. On a VM that hands freed memory back to its host, the first write to such a page costs ~15 times
# the CPU of a write to a recycled one (docs/benchmarks.md, "stitched pairs"). Needs more data under the folders than the
# machine has free memory. Usage: bench/fill-page-cache.sh DIR...
set -euo pipefail
free_mb() { awk '/^MemFree:/ {print int($2 / 1024)}' /proc/meminfo; }
echo "# MemFree before: $(free_mb) MiB"
find "$@" -type f -print0 | while IFS= read -r -d '' f; do
  [ "$(free_mb)" -lt 1024 ] && break
  cat "$f" > /dev/null
done || true # find ends on a broken pipe when the loop stops early
echo "# MemFree after: $(free_mb) MiB"
