#!/usr/bin/env bash
# ACD load: simulated customers and agents over real SIP and RTP (CallCenter.Telephony/Simulation) against the whole
# product. Starts the app (see bench/app.sh: Release, temp DataDir, demo organisation, SIP on 127.0.0.1 at a free port,
# per-address limits raised because every simulated phone sends from 127.0.0.1) once so that it migrates the database,
# stops it, seeds the bench organisation straight into the SQLite file (bench/CallCenter.AcdLoad seed: agents
# 2000..2000+N-1 with password bench<extension>, one group, queue "bench" round-robin, ring timeout 15 s, wrap-up 1 s,
# dialled number 4100), starts it again with AllowUnauthenticatedInbound, and then (bench/CallCenter.AcdLoad run):
#   - the N agent phones register (digest) and dial *61 (log in, Ready); each answers after 0.2-0.5 s and talks TALK s;
#   - customers arrive by a Poisson process at RATE/s for DURATION s, call 4100 from unique numbers 1390000nnnn, wait
#     up to 60 s for an agent (a 200 from the queue is waiting; reaching an agent is seen by the agent phone's answer);
#   - prints routing latency p50/p99 (customer INVITE sent → agent phone INVITE received, matched by caller number)
#     and the simulator's counts, then the database's account of the same calls: Call rows, ended (EndedAt) by
#     EndCause, still open, and lost = offered by the simulator but missing or still open in the database.
# 100 agents at 2 s talk time (+ answer delay + 1 s wrap-up) serve about 30 calls/s, so at 20/s a call rarely waits.
#
# Usage: bench/acd-load.sh [rate/s] [duration s] [agents] [talk s]   (default: 20 300 100 2; figures in docs/PERFORMANCE.md)
set -euo pipefail
cd "$(dirname "$0")/.."
rate=${1:-20}
duration=${2:-300}
agents=${3:-100}
talk=${4:-2}
number=4100
. bench/app.sh

dotnet build bench/CallCenter.AcdLoad -c Release -v quiet -nologo >/dev/null
load=bench/CallCenter.AcdLoad/bin/Release/net10.0/CallCenter.AcdLoad

start_app --CallCenter:Sip:AllowUnauthenticatedInbound=true
kill "$app_pid" && wait "$app_pid" 2>/dev/null || true
app_pid=""
"$load" seed --db "$work/data/callcenter.db" --first 2000 --agents "$agents" --number "$number"
start_app --CallCenter:Sip:AllowUnauthenticatedInbound=true
machine
"$load" run --db "$work/data/callcenter.db" --server "127.0.0.1:$sip_port" --rate "$rate" --duration "$duration" \
  --agents "$agents" --first 2000 --talk "$talk" --number "$number"
echo "app: $(grep -c '^warn:' "$work/app.log" || true) warnings, $(grep -c '^fail:' "$work/app.log" || true) errors in its log"
