#!/usr/bin/env bash
# Runs each evaluation and peer benchmark in its own process next to the hand-written floor, so that the code the JIT
# optimised for one PerfKit path (with profile-guided inlining) is not shared with the next one. BenchmarkDotNet's
# in-process toolchain otherwise runs all methods of a class in one process, and which path ran first shapes the
# shared kernel's machine code. Each invocation prints one table with the floor as the baseline.
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
for m in FullPath FullPathTreeRead TotalsFromInput TotalsFromSlots TotalsBatch; do
  run "Evaluation-$m" "*EvaluationBenchmarks.HandWritten" "*EvaluationBenchmarks.$m"
done
for m in PerfKitFull PerfKitTotals RulesEngineOneRule RulesEnginePerIndicator; do
  run "Peer-$m" "*PeerBenchmarks.HandWritten" "*PeerBenchmarks.$m"
done
