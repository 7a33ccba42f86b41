#!/usr/bin/env bash
# Runs every test: unit, component (bUnit), integration (real HTTP, real SIP peers) and
# browser tests (Playwright driving Debian's headless Chromium). Installs what they need first.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-test-deps.sh

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test CallCenter.sln -c Release "$@" 2>&1 | tee "$log" || status=$?

# One plain closing line for whoever reads the log: "N passed, N failed".
summary=$(grep -E '(Passed|Failed)! +- +Failed: +[0-9]+, Passed: +[0-9]+' "$log" | tail -n 1 || true)
if [ -n "$summary" ]; then
  failed=$(sed -E 's/.*Failed: +([0-9]+).*/\1/' <<<"$summary")
  passed=$(sed -E 's/.*Passed: +([0-9]+).*/\1/' <<<"$summary")
  skipped=$(sed -E 's/.*Skipped: +([0-9]+).*/\1/' <<<"$summary")
  echo "tests: $passed passed, $failed failed, $skipped skipped"
fi
exit $status
