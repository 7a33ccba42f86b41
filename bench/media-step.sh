# Sourced by concurrent-media.sh and recording-load.sh (after bench/app.sh and start_app): the callee 1002 echoing
# RTP, and one measured step of N concurrent anchored PCMA calls from 1001 (see concurrent-media.sh for the method).
# media_step N sets media_row (the printed figures) and the variables app_cpu, drops, expected, ok, failed, secs.
pcap=/usr/share/sip-tester/g711a.pcap
plays=8
play_ms=7060
pps_per_call=$(python3 -c "print(236 / 7.05)")
window=45
hz=$(getconf CLK_TCK)

start_media_callee() {
  callee_port=$(register_1002)
  mkdir -p "$work/uas"
  (cd "$work/uas" && exec sipp "127.0.0.1:$sip_port" -sf "$OLDPWD/bench/scenarios/uas-answer.xml" -i 127.0.0.1 \
    -p "$callee_port" -mp "$(free_udp_port)" -rtp_echo -nostdin -trace_err >sipp.out 2>&1) &
  uas=$!
  sipp_pids+=($uas)
  sleep 0.5
  # The caller scenario: PLAY_LOOP → plays × (play the pcap, pause for its length).
  local loop=""
  for _ in $(seq 1 $plays); do
    loop+="  <nop><action><exec play_pcap_audio=\"$pcap\" /></action></nop>\n  <pause milliseconds=\"$play_ms\" />\n"
  done
  sed "s|  <!-- PLAY_LOOP -->|$loop|" bench/scenarios/uac-media-loop.xml >"$work/uac-media.xml"
}

ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
# Sum of the "drops" column of /proc/net/udp for the UDP sockets open in process $1.
socket_drops() {
  local inodes
  inodes=$(ls -l "/proc/$1/fd" 2>/dev/null | grep -o 'socket:\[[0-9]*\]' | tr -dc '0-9\n' | sort -u | tr '\n' ' ')
  awk -v list=" $inodes " 'NR > 1 && index(list, " " $10 " ") {d += $NF} END {print d + 0}' /proc/net/udp
}

media_header() {
  echo "per call: $plays × $pcap (~$(python3 -c "print(round($pps_per_call,1))") packets/s each way), window $window s"
  printf '%6s %6s %6s %10s %10s %10s %10s %8s %10s %10s\n' calls ok failed "app CPU%" "CPU%/call" "sipp CPU%" "expected" "drops" "loss %" "load"
}

media_step() {
  local n=$1 step="$work/step-$1-$RANDOM"
  mkdir -p "$step"
  printf 'SEQUENTIAL\n1002;1001;\n' >"$step/calls.csv"
  (cd "$step" && exec sipp "127.0.0.1:$sip_port" -sf "$work/uac-media.xml" -inf calls.csv \
    -au 1001 -ap sip1001demo -auth_uri "1002@127.0.0.1:$sip_port" -i 127.0.0.1 -p "$(free_udp_port)" \
    -mp "$(free_udp_port)" -r 50 -m "$n" -l "$n" \
    -timeout 68s -timeout_error -recv_timeout 10000 -nostdin -trace_screen -trace_err >sipp.out 2>&1) &
  local uac=$!
  sipp_pids+=($uac)
  # Ramp-up at 50 calls/s plus 2 s of margin, then the window.
  sleep $((n / 50 + 2))
  local uas_drops0 app_drops0 a0 s0 t0 a1 s1 t1 app_drops uas_drops1 load f
  uas_drops0=$(socket_drops "$uas"); app_drops0=$(socket_drops "$app_pid")
  a0=$(ticks "$app_pid"); s0=$(( $(ticks "$uac") + $(ticks "$uas") )); t0=$(date +%s.%N)
  sleep "$window"
  a1=$(ticks "$app_pid"); s1=$(( $(ticks "$uac") + $(ticks "$uas") )); t1=$(date +%s.%N)
  app_drops=$(socket_drops "$app_pid"); uas_drops1=$(socket_drops "$uas")
  load=$(cut -d' ' -f1 /proc/loadavg)
  wait "$uac" || true
  f=$(ls "$step"/*_screen.log 2>/dev/null | head -1)
  ok=$(screen_count "$f" "Successful call"); failed=$(screen_count "$f" "Failed call")
  python3 - "$n" "$ok" "$failed" "$a0" "$a1" "$s0" "$s1" "$t0" "$t1" "$hz" \
    "$((app_drops - app_drops0))" "$((uas_drops1 - uas_drops0))" "$pps_per_call" "$load" >"$step/result" <<'PY'
import sys
n, ok, failed, a0, a1, s0, s1 = map(int, sys.argv[1:8]); t0, t1 = map(float, sys.argv[8:10]); hz = int(sys.argv[10])
app_drops, uas_drops = int(sys.argv[11]), int(sys.argv[12]); pps = float(sys.argv[13]); load = sys.argv[14]
secs = t1 - t0
app = 100 * (a1 - a0) / hz / secs; sipp = 100 * (s1 - s0) / hz / secs
expected = round(n * pps * secs * 2)  # received by the app: leg A from the caller, leg B from the callee's echo
drops = app_drops + uas_drops
row = f"{n:6d} {ok:6d} {failed:6d} {app:10.1f} {app / n:10.3f} {sipp:10.1f} {expected:10d} {drops:8d} {100 * drops / expected:10.3f} {load:>10}"
print(row)
print(f"{app:.2f}", drops, expected, f"{secs:.2f}")
PY
  media_row=$(sed -n 1p "$step/result")
  read -r app_cpu drops expected secs < <(sed -n 2p "$step/result")
}
