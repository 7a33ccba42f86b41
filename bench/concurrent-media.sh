#!/usr/bin/env bash
# Concurrent anchored G.711 calls with RTP both ways: starts the app (see bench/app.sh), registers 1002, a sipp
# callee (bench/scenarios/uas-answer.xml with -rtp_echo: it sends back every RTP packet it receives) listens on
# the registered port; per step a sipp caller as 1001 places N calls (-l N, -m N, 50 calls/s) that each play
# /usr/share/sip-tester/g711a.pcap (PCMA, 236 packets, 7.05 s) 8 times in a row (~56 s), then BYE.
# Path of one packet: caller → server leg A → bridge → leg B → callee (echo) → leg B → bridge → leg A → caller.
#
# Measured per step, over 45 s while all N calls are up:
#   - CPU of the app process (utime+stime from /proc/<pid>/stat), in % of one core, total and per call; the
#     two sipp processes' CPU likewise (they share the 2 cores);
#   - loss: the kernel's per-socket receive drops (/proc/net/udp "drops") of the app's UDP sockets (both legs'
#     RTP, i.e. packets the app did not read in time), of the callee's media socket, against the packets the
#     caller sends in that window (N × 236/7.05 s × 45 s) × 2 for the app's two receiving legs. The app's own
#     endpoint counters (PacketsReceived/Dropped) are not exposed outside the process, so a drop inside the
#     relay (not at a socket) is not seen here; sipp does not count the RTP it receives while playing a pcap.
# Every step must end with all N calls successful.
#
# Usage: bench/concurrent-media.sh [concurrency...]   (default: 50 100 200 300; each step ~62 s)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v sipp >/dev/null || { echo "sipp missing: scripts/install-test-deps.sh"; exit 1; }
steps=("$@")
[ ${#steps[@]} -gt 0 ] || steps=(50 100 200 300)
. bench/app.sh
. bench/media-step.sh

start_app
start_media_callee

machine
media_header
for n in "${steps[@]}"; do
  media_step "$n"
  echo "$media_row"
done
