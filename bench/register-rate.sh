#!/usr/bin/env bash
# Authenticated REGISTERs per second: starts the app (Release, demo organisation, SIP on 127.0.0.1 at a
# free port) and drives REGISTER → 401 → REGISTER with digest → 200 with sipp, ten demo users
# (1001…1010, one sipp per user: sipp 3.6 takes credentials from -au/-ap only) at rising rates.
# For each step it prints the successful authenticated REGISTERs per second and the failures.
#
# Settings the bench changes (and why):
#   CallCenter:Sip:Security:RateLimitPerSecond/RateLimitBurst = 1000000: every sipp sends from 127.0.0.1,
#       which the default per-address limit (50/s, burst 100) would throttle as a flood.
#   CallCenter:Sip:InboundQueuePerSourceLimit/PerAddressLimit = InboundQueueCapacity: same reason, for the
#       transport's per-source and per-address shares of the inbound queue.
#
# Usage: bench/register-rate.sh [rates...]   (default: 500 1000 2000 3000 4000; each step lasts ~10 s)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v sipp >/dev/null || { echo "sipp missing: scripts/install-test-deps.sh"; exit 1; }
rates=("$@")
[ ${#rates[@]} -gt 0 ] || rates=(500 1000 2000 3000 4000)
seconds=10
users=10

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
free_udp_port() { python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

work=$(mktemp -d)
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

sip_port=$(free_udp_port)
http_port=$(free_port)
dotnet build CallCenter.Web -c Release -v quiet -nologo >/dev/null
dotnet run --project CallCenter.Web -c Release --no-build -- \
  --urls "http://127.0.0.1:$http_port" \
  --CallCenter:DataDir="$work/data" \
  --CallCenter:Demo:Enabled=true \
  --CallCenter:Sip:ListenAddress=127.0.0.1 \
  --CallCenter:Sip:Port="$sip_port" \
  --CallCenter:Sip:InboundQueueCapacity=65536 \
  --CallCenter:Sip:InboundQueuePerSourceLimit=65536 \
  --CallCenter:Sip:InboundQueuePerAddressLimit=65536 \
  --CallCenter:Sip:Security:RateLimitPerSecond=1000000 \
  --CallCenter:Sip:Security:RateLimitBurst=1000000 \
  --Logging:LogLevel:Default=Warning \
  >"$work/app.log" 2>&1 &
app_pid=$!

for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$http_port/healthz" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://127.0.0.1:$http_port/healthz" >/dev/null || { echo "app did not start"; tail -40 "$work/app.log"; exit 1; }

scenario=CallCenter.Tests/Sip/Scenarios/register-auth.xml
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; sipp $(sipp -v 2>/dev/null | grep -o 'v[0-9.]*' | head -1); SIP 127.0.0.1:$sip_port"
printf '%10s %10s %10s %10s %12s\n' "target/s" "calls" "ok" "failed" "auth REG/s"
for rate in "${rates[@]}"; do
  per_user_rate=$(( (rate + users - 1) / users ))
  per_user_calls=$(( per_user_rate * seconds ))
  step="$work/step-$rate"
  mkdir -p "$step"
  start=$(date +%s.%N)
  pids=()
  for i in $(seq 1 $users); do
    ext=$((1000 + i))
    printf 'SEQUENTIAL\n%s;300;\n' "$ext" >"$step/users-$ext.csv"
    (cd "$step" && sipp "127.0.0.1:$sip_port" -sf "$OLDPWD/$scenario" -inf "users-$ext.csv" \
      -au "$ext" -ap "sip${ext}demo" -i 127.0.0.1 -p "$(free_udp_port)" \
      -r "$per_user_rate" -m "$per_user_calls" -l $((per_user_rate * 4)) \
      -timeout $((seconds * 4))s -timeout_error -recv_timeout 5000 -nostdin -trace_screen -trace_err \
      >"sipp-$ext.out" 2>&1) &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || true; done
  end=$(date +%s.%N)
  ok=0; failed=0
  for f in "$step"/*_screen.log; do
    s=$(awk -F'|' '/Successful call/{gsub(/ /,"",$3); v=$3} END{print v+0}' "$f")
    x=$(awk -F'|' '/Failed call/{gsub(/ /,"",$3); v=$3} END{print v+0}' "$f")
    ok=$((ok + s)); failed=$((failed + x))
  done
  per_second=$(python3 -c "print(round($ok / ($end - $start)))")
  printf '%10s %10s %10s %10s %12s\n' "$rate" "$((per_user_calls * users))" "$ok" "$failed" "$per_second"
done
