# Sourced by the call benches: starts CallCenter.Web (Release, demo organisation, SIP on 127.0.0.1 at a free
# port, DataDir in a temp directory) with the per-address limits raised for sipp on 127.0.0.1 (see
# register-rate.sh for why), registers the cleanup trap (app and every sipp started here are killed on exit).
# Sets: work, app_pid, sip_port, http_port, sipp_pids (append the pid of every background sipp).
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
free_udp_port() { python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

work=$(mktemp -d)
app_pid=""
sipp_pids=()
cleanup() {
  for p in "${sipp_pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  for p in "${sipp_pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_app() { # extra --key=value arguments
  sip_port=$(free_udp_port)
  http_port=$(free_port)
  dotnet build CallCenter.Web -c Release -v quiet -nologo >/dev/null
  # The built executable (not dotnet run) so that app_pid is the server process itself (CPU sampling).
  CallCenter.Web/bin/Release/net10.0/CallCenter.Web \
    --contentRoot "$PWD/CallCenter.Web" \
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
    "$@" >"$work/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$http_port/healthz" >/dev/null 2>&1 && break
    kill -0 "$app_pid" 2>/dev/null || break
    sleep 1
  done
  curl -fs "http://127.0.0.1:$http_port/healthz" >/dev/null || { echo "app did not start"; tail -40 "$work/app.log"; exit 1; }
}

# Registers 1002 from a free UDP port (sipp register-auth.xml) and prints that port: the callee sipp listens on it.
register_1002() {
  local port; port=$(free_udp_port)
  mkdir -p "$work/reg"
  printf 'SEQUENTIAL\n1002;600;\n' >"$work/reg/users.csv"
  (cd "$work/reg" && sipp "127.0.0.1:$sip_port" -sf "$OLDPWD/CallCenter.Tests/Sip/Scenarios/register-auth.xml" \
    -inf users.csv -au 1002 -ap sip1002demo -i 127.0.0.1 -p "$port" -m 1 -timeout 10s -timeout_error \
    -recv_timeout 5000 -nostdin >sipp.out 2>&1) || { echo "REGISTER 1002 failed" >&2; cat "$work/reg/sipp.out" >&2; exit 1; }
  echo "$port"
}

machine() { echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg); sipp $(sipp -v 2>/dev/null | grep -o 'v[0-9.]*' | head -1); SIP 127.0.0.1:$sip_port"; }

# Successful / failed calls from a sipp -trace_screen log.
screen_count() { awk -F'|' -v k="$2" '$0 ~ k {gsub(/ /,"",$3); v=$3} END{print v+0}' "$1"; }
