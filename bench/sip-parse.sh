#!/usr/bin/env bash
# SIP parser benchmark: BenchmarkDotNet (ShortRun, memory diagnoser) in Release, then messages per second per core and
# bytes allocated per message. The benchmark is single-threaded, so 1e9 / mean-ns is the rate of one core.
set -euo pipefail
cd "$(dirname "$0")/.."
nproc
lscpu | head -n 15
artifacts=$(mktemp -d)
trap 'rm -rf "$artifacts"' EXIT
dotnet run -c Release --project bench/CallCenter.Benchmarks -- \
  --filter '*SipParseBenchmarks*' --job short --memory --exporters csv --artifacts "$artifacts" "$@"
report=$(find "$artifacts" -name '*SipParseBenchmarks-report.csv' | head -n 1)
echo
echo "SIP parsing, per core (single-threaded):"
python3 - "$report" <<'PY'
import csv, sys, re
def ns(v):
    m = re.match(r'([\d,.]+)\s*(ns|μs|us|ms)', v.replace('\u00a0', ' '))
    n = float(m.group(1).replace(',', ''))
    return n * {'ns': 1, 'μs': 1e3, 'us': 1e3, 'ms': 1e6}[m.group(2)]
rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8'), delimiter=','))
print(f"{'message':<12} {'operation':<26} {'mean':>10} {'msgs/s/core':>12} {'alloc/msg':>10}")
for r in rows:
    mean = ns(r['Mean'])
    print(f"{r['Message']:<12} {r['Method']:<26} {mean:>8.0f}ns {1e9/mean:>12,.0f} {r['Allocated']:>10}")
PY
