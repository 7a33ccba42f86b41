#!/usr/bin/env bash
# Screen pop latency (issue target: p95 under 500 ms): the whole product in Release (bench/app.sh: temp DataDir, demo
# organisation, SIP on 127.0.0.1 at a free port), AllowUnauthenticatedInbound as in the demo; then
# bench/CallCenter.ScreenPop signs agent01 in to the workspace in headless Chromium (/usr/bin/chromium), registers a
# simulated phone as 1001, and has a simulated 张伟 (13800138000) call the sales queue 4001 N times, measuring from the
# INVITE leaving the customer to 张伟's card rendered in the page (a MutationObserver's Date.now(), same machine clock).
# Usage: bench/screen-pop.sh [calls]   (default 50; figures in docs/PERFORMANCE.md)
set -euo pipefail
cd "$(dirname "$0")/.."
calls=${1:-50}
. bench/app.sh

dotnet build bench/CallCenter.ScreenPop -c Release -v quiet -nologo >/dev/null
start_app --CallCenter:Sip:AllowUnauthenticatedInbound=true
machine
bench/CallCenter.ScreenPop/bin/Release/net10.0/CallCenter.ScreenPop "http://127.0.0.1:$http_port" "127.0.0.1:$sip_port" "$calls"
echo "app: $(grep -c '^warn:' "$work/app.log" || true) warnings, $(grep -c '^fail:' "$work/app.log" || true) errors in its log"
