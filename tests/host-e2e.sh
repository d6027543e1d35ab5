#!/usr/bin/env bash
# The dashboard's browser end-to-end test (web-ui/e2e/station.e2e.ts) against the real host: starts
# the built Station.Host on a free port with a throwaway SQLite database, four simulated boards
# (the /api/sim routes on) and test accounts, runs `npm run e2e` with Debian's Chromium, keeps the
# screenshots under artifacts/e2e, and stops the host.
#   tests/host-e2e.sh [Debug|Release]     (default Release; the host must be built)
set -euo pipefail
cd "$(dirname "$0")/.."
source tests/host-process.sh

configuration=${1:-Release}
host_dll="artifacts/bin/Station.Host/${configuration,,}/Station.Host.dll"
[[ -f "$host_dll" ]] || { echo "host-e2e: $host_dll is not built" >&2; exit 1; }

if ! command -v chromium >/dev/null 2>&1; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "host-e2e: installing Debian's chromium"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null; }
  fi
fi
if ! command -v chromium >/dev/null 2>&1; then
  echo "host-e2e: chromium is not installed (apt-get install -y chromium); the browser test cannot run" >&2
  exit 1
fi

port=$(free_port)
data=$(mktemp -d "${TMPDIR:-/tmp}/station-e2e.XXXXXX")
password="e2e-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
shots="$PWD/artifacts/e2e"
rm -rf "$shots"
mkdir -p "$shots"
url="http://127.0.0.1:$port"

echo "host-e2e: starting the host on $url (data in $data)"
ASPNETCORE_ENVIRONMENT=Production dotnet "$host_dll" --urls "$url" \
  --Station:Name="e2e station" --Station:DataDirectory="$data" \
  --Station:DefaultRecipe=recipe.yaml --Station:ApproveDefaultRecipeAs=engineer --Station:Mode=auto \
  --Devices:Mode=Simulator --Devices:Simulator:Boards=4 --Devices:Simulator:TimeScale=0.05 \
  --Devices:Simulator:PlugAtStart=false --Devices:Simulator:Api=true \
  --Auth:DemoUsers=true --Auth:DemoPassword="$password" \
  > "$shots/host.log" 2>&1 &
host_pid=$!
stop_host_on_exit "$host_pid" "$data"

wait_for_host host-e2e "$url" "$host_pid" "$shots/host.log"

cd web-ui
[[ -d node_modules ]] || npm ci --no-audit --no-fund --loglevel=error
STATION_URL="$url" \
STATION_OPERATOR_USER=operator STATION_OPERATOR_PASSWORD="$password" \
STATION_QA_USER=qa STATION_QA_PASSWORD="$password" \
STATION_ENGINEER_USER=engineer STATION_ENGINEER_PASSWORD="$password" \
STATION_SCREENSHOTS="$shots" STATION_E2E_WAIT_SECONDS=60 \
npm run e2e --silent
