#!/usr/bin/env bash
# Installs the Debian packages the tests drive as real peers, when missing:
# chromium (browser tests through Playwright), sip-tester (sipp) and baresip (SIP peers).
set -euo pipefail
needed=()
command -v chromium >/dev/null 2>&1 || needed+=(chromium)
command -v sipp >/dev/null 2>&1 || needed+=(sip-tester)
command -v baresip >/dev/null 2>&1 || needed+=(baresip)
[ ${#needed[@]} -eq 0 ] && exit 0

sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
echo "Installing test dependencies: ${needed[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${needed[@]}" >/dev/null
