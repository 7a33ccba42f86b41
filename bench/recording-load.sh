#!/usr/bin/env bash
# Concurrent recorded calls: the concurrent-media load (bench/media-step.sh: N anchored PCMA calls 1001 → 1002,
# RTP both ways, ~56 s each, a 45 s window while all are up) run twice per N on the same app: first with automatic
# recording off (CallCenter:Recording:Enabled=false, restarted), then on (the demo organisation records every
# call, two-channel Ogg Opus under DataDir/recordings). Reported per N:
#   - loss with and without recording (kernel socket drops of the app and the callee, as in concurrent-media.sh),
#     and packets the recorders themselves dropped (their bounded hand-off full: logged per recording);
#   - app CPU per call with and without recording, the difference being what recording costs;
#   - disk bytes per call-minute: the size of the step's recordings over the minutes they hold.
#
# Usage: bench/recording-load.sh [concurrency...]   (default: 100 200 300; each N ~2 × 62 s)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v sipp >/dev/null || { echo "sipp missing: scripts/install-test-deps.sh"; exit 1; }
steps=("$@")
[ ${#steps[@]} -gt 0 ] || steps=(100 200 300)
. bench/app.sh
. bench/media-step.sh

# One app per setting (the recording switch is read at start), each with its own data directory.
run_setting() { # enabled n
  start_app --CallCenter:Recording:Enabled="$1"
  start_media_callee
  if [ "$header_done" = 0 ]; then
    machine
    printf '%6s %10s %10s %12s %12s %10s %10s %14s\n' calls "ok/failed" "loss% off" "loss% on" "rec drops" "CPU%/call" "+rec/call" "bytes/call-min"
    header_done=1
  fi
  media_step "$2"
  kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
  kill "$uas" 2>/dev/null || true
}

header_done=0
for n in "${steps[@]}"; do
  run_setting false "$n"
  off_cpu=$app_cpu off_loss=$(python3 -c "print(f'{100 * $drops / $expected:.3f}')")
  data="$work/data"
  rm -rf "$data"
  run_setting true "$n"
  on_loss=$(python3 -c "print(f'{100 * $drops / $expected:.3f}')")
  rec_drops=$( { grep -o 'lost [0-9]* packets' "$work/app.log" || true; } | awk '{s += $2} END {print s + 0}')
  bytes=$(find "$data/recordings" -name '*.ogg' -printf '%s\n' 2>/dev/null | awk '{s += $1} END {print s + 0}')
  python3 - "$n" "$ok/$failed" "$off_loss" "$on_loss" "$rec_drops" "$off_cpu" "$app_cpu" "$bytes" "$plays" "$play_ms" <<'PY'
import sys
n = int(sys.argv[1]); okf = sys.argv[2]; off_loss, on_loss = sys.argv[3], sys.argv[4]; rec_drops = int(sys.argv[5])
off_cpu, on_cpu = float(sys.argv[6]), float(sys.argv[7]); size = int(sys.argv[8]); plays, play_ms = int(sys.argv[9]), int(sys.argv[10])
minutes = n * plays * play_ms / 60000
print(f"{n:6d} {okf:>10} {off_loss:>10} {on_loss:>12} {rec_drops:12d} {off_cpu / n:10.3f} {(on_cpu - off_cpu) / n:10.3f} {size / minutes:14.0f}")
PY
done
