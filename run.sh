#!/usr/bin/env bash
# Starts the whole product (web UI, SIP, RTP, background jobs) with the embedded SQLite
# database under ./data (or $CALLCENTER_DATA) and the demo organisation. Extra arguments are passed on as settings,
# e.g. ./run.sh --urls http://0.0.0.0:8080 --CallCenter:Sip:Port=5070
set -euo pipefail
cd "$(dirname "$0")"
exec dotnet run --project CallCenter.Web -c Release -- \
  --urls "${CALLCENTER_URLS:-http://0.0.0.0:5000}" \
  --CallCenter:DataDir="${CALLCENTER_DATA:-$PWD/data}" \
  --CallCenter:Demo:Enabled=true \
  --CallCenter:Sip:AllowUnauthenticatedInbound=true \
  "$@"
