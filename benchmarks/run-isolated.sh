#!/usr/bin/env bash
# Runs the evaluation and peer benchmarks with one PerfKit path per process, next to the hand-written floor (the
# baseline of every table). BenchmarkDotNet's in-process toolchain runs all methods and parameters of a class in one
# process, where the machine code the JIT optimised for the first path and scheme (profile-guided inlining and
# devirtualisation of the scorers it saw) is shared by the next ones; here each evaluation path runs per template in
# its own process, and each PerfKit peer path in its own process together with both RulesEngine shapes, so that the
# ratio between them comes from one process and one stretch of time.
#
#   bash benchmarks/run-isolated.sh [output-directory]   (default: BenchmarkDotNet.Artifacts/isolated)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-BenchmarkDotNet.Artifacts/isolated}"
mkdir -p "$out"
dotnet build "$here/PerfKit.Benchmarks" -c Release >/dev/null
exe="$here/PerfKit.Benchmarks/bin/Release/net10.0/PerfKit.Benchmarks"
run() {
  local name="$1"; shift
  echo "## $name (load average before: $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a "$out/tables.md"
  "$exe" --filter "$@" --inProcess --warmupCount 3 --iterationCount 15 > "$out/$name.log" 2>&1
  grep -E '^\|' "$out/$name.log" | tee -a "$out/tables.md"
  echo | tee -a "$out/tables.md"
}
for template in ABank BscOkr; do
  for m in FullPath FullPathTreeRead TotalsFromInput TotalsFromSlots TotalsBatch; do
    PERFKIT_TEMPLATE=$template run "Evaluation-$template-$m" "*EvaluationBenchmarks.HandWritten" "*EvaluationBenchmarks.$m"
  done
done
for m in PerfKitFull PerfKitTotals; do
  run "Peer-$m" "*PeerBenchmarks.HandWritten" "*PeerBenchmarks.$m" "*PeerBenchmarks.RulesEngine*"
done
