#!/usr/bin/env bash
# Calls per second through the B2BUA with media anchored: starts the app (see bench/app.sh), registers 1002
# with sipp, then a sipp callee listens on the registered port (bench/scenarios/uas-answer.xml: 200 with SDP,
# ACK, BYE) and a sipp caller as 1001 places short calls to 1002 (bench/scenarios/uac-short-call.xml:
# INVITE → 407 → ACK, INVITE with digest → 200 → ACK, 100 ms, BYE → 200) at rising rates (-r), a fixed
# count per step (rate × 10). Every call allocates two RTP endpoints on the server (leg A's and leg B's media
# sessions) and bridges them; no RTP is sent (the calls are shorter than the media time-out).
# Prints per step: calls placed, successful, failed, calls/s (successful / wall time of the step, sipp
# start-up included); then the Call rows in the app's SQLite database against the calls placed.
#
# Usage: bench/sip-cps.sh [rates...]   (default: 200 500 750 1000; each step ~10 s)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v sipp >/dev/null || { echo "sipp missing: scripts/install-test-deps.sh"; exit 1; }
command -v sqlite3 >/dev/null || { echo "sqlite3 missing"; exit 1; }
rates=("$@")
[ ${#rates[@]} -gt 0 ] || rates=(200 500 750 1000)
seconds=10
. bench/app.sh

start_app
callee_port=$(register_1002)
mkdir -p "$work/uas"
(cd "$work/uas" && exec sipp "127.0.0.1:$sip_port" -sf "$OLDPWD/bench/scenarios/uas-answer.xml" -i 127.0.0.1 \
  -p "$callee_port" -mp "$(free_udp_port)" -nostdin -trace_err >sipp.out 2>&1) &
sipp_pids+=($!)
sleep 0.5

db="$work/data/callcenter.db"
count_calls() { sqlite3 -readonly "$db" "PRAGMA busy_timeout=5000; SELECT COUNT(*) FROM Calls $1;" 2>/dev/null | tail -1; }
# The demo organisation seeds a call history: count only what the run adds.
before=$(count_calls ""); before_ended=$(count_calls "WHERE EndedAt IS NOT NULL")
machine
printf '%10s %10s %10s %10s %10s\n' "target/s" "calls" "ok" "failed" "calls/s"
placed=0
for rate in "${rates[@]}"; do
  calls=$((rate * seconds))
  step="$work/step-$rate"
  mkdir -p "$step"
  printf 'SEQUENTIAL\n1002;1001;\n' >"$step/calls.csv"
  start=$(date +%s.%N)
  (cd "$step" && exec sipp "127.0.0.1:$sip_port" -sf "$OLDPWD/bench/scenarios/uac-short-call.xml" -inf calls.csv \
    -au 1001 -ap sip1001demo -auth_uri "1002@127.0.0.1:$sip_port" -i 127.0.0.1 -p "$(free_udp_port)" \
    -mp "$(free_udp_port)" -r "$rate" -m "$calls" -l $((rate * 5)) \
    -timeout $((seconds * 4))s -timeout_error -recv_timeout 5000 -nostdin -trace_screen -trace_err \
    >sipp.out 2>&1) &
  uac=$!
  sipp_pids+=($uac)
  wait "$uac" || true
  end=$(date +%s.%N)
  f=$(ls "$step"/*_screen.log 2>/dev/null | head -1)
  ok=$(screen_count "$f" "Successful call"); failed=$(screen_count "$f" "Failed call")
  placed=$((placed + ok + failed))
  printf '%10s %10s %10s %10s %10s\n' "$rate" "$calls" "$ok" "$failed" "$(python3 -c "print(round($ok / ($end - $start)))")"
  [ "$failed" -eq 0 ] || { echo "failures at $rate/s:"; tail -5 "$step"/*_errors.log 2>/dev/null || true; }
done

# The call record writer batches (≤ 200 events or 200 ms); give it a moment, then count.
rows=0
for _ in $(seq 1 30); do
  sleep 1
  now=$(( $(count_calls "") - before ))
  [ "$now" = "$rows" ] && [ "$rows" -ge "$placed" ] && break
  rows=$now
done
ended=$(( $(count_calls "WHERE EndedAt IS NOT NULL") - before_ended ))
echo "database: $rows new Call rows ($ended ended; $before seeded by the demo before the run) for $placed calls placed: $([ "$rows" -eq "$placed" ] && echo 'every call recorded' || echo 'MISMATCH')"
