#!/usr/bin/env bash
# Dashboard latency benchmark (issue 8; docs/BENCHMARKS.md "Dashboard: device event to browser"):
# starts the built Station.Host with simulated boards in auto mode on realistic timing (a fresh
# board swapped in shortly after every run ends), opens signed-in dashboards in Debian's Chromium
# (one browser context each) and measures, for every slot event the hub sends, the time from the
# host's timestamp on the event to the moment each dashboard's DOM shows it (latency.mjs).
#
#   tests/Station.Benchmarks/dashboard/run.sh [--boards 16] [--dashboards 10] [--hub-clients 1]
#       [--warmup-seconds 20] [--seconds 60] [--time-scale 1] [--replug 00:00:01]
#       [--faults erase20106=0.05,seed=7] [--nice 0] [--configuration Release]
#
# --dashboards: Chromium pages; --hub-clients: light hub clients in the script's node process (no
# browser, measured too); --nice: the niceness of the host and the browser (negative needs root;
# on a machine shared with other work it keeps their CPU share from deciding the result).
# Diagnostics (environment): BENCH_TRACE=file.json (a Chromium trace of the measured span),
# BENCH_PROFILE=file.cpuprofile (a V8 CPU profile of the first page's JavaScript).
#
# The host must be built (dotnet build -c Release src/Station.Host). Results: the tables on
# stdout, raw per-event latencies in artifacts/bench/dashboard-latency.csv, a summary in
# artifacts/bench/dashboard-latency.json, the host's log in artifacts/bench/dashboard-host.log.
set -euo pipefail
cd "$(dirname "$0")/../../.."
source tests/host-process.sh

boards=16
dashboards=10
hub_clients=1
nice_level=0
warmup=20
seconds=60
time_scale=1
replug=00:00:01
faults="erase20106=0.05,seed=7"
configuration=Release
while [[ $# -gt 0 ]]; do
  case "$1" in
    --boards) boards=$2; shift 2 ;;
    --dashboards) dashboards=$2; shift 2 ;;
    --hub-clients) hub_clients=$2; shift 2 ;;
    --nice) nice_level=$2; shift 2 ;;
    --warmup-seconds) warmup=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --time-scale) time_scale=$2; shift 2 ;;
    --replug) replug=$2; shift 2 ;;
    --faults) faults=$2; shift 2 ;;
    --configuration) configuration=$2; shift 2 ;;
    *) echo "dashboard: unknown option $1" >&2; exit 2 ;;
  esac
done

host_dll="artifacts/bin/Station.Host/${configuration,,}/Station.Host.dll"
[[ -f "$host_dll" ]] || { echo "dashboard: $host_dll is not built (dotnet build -c $configuration src/Station.Host)" >&2; exit 1; }
command -v chromium >/dev/null 2>&1 || { echo "dashboard: chromium is not on PATH (apt-get install -y chromium)" >&2; exit 1; }
[[ -d web-ui/node_modules/playwright-core ]] || (cd web-ui && npm ci --no-audit --no-fund --loglevel=error)

out="$PWD/artifacts/bench"
mkdir -p "$out"
port=$(free_port)
data=$(mktemp -d "${TMPDIR:-/tmp}/station-bench.XXXXXX")
password="bench-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
url="http://127.0.0.1:$port"

echo "dashboard: starting the host on $url: $boards simulated boards, time scale $time_scale, replug after $replug, faults '$faults'"
ASPNETCORE_ENVIRONMENT=Production nice -n "$nice_level" dotnet "$host_dll" --urls "$url" \
  --Station:Name="bench station" --Station:DataDirectory="$data" \
  --Station:DefaultRecipe=recipe.yaml --Station:ApproveDefaultRecipeAs=engineer --Station:Mode=auto \
  --Devices:Mode=Simulator --Devices:Simulator:Boards="$boards" --Devices:Simulator:TimeScale="$time_scale" \
  --Devices:Simulator:PlugAtStart=true --Devices:Simulator:ReplugAfter="$replug" --Devices:Simulator:Faults="$faults" \
  --Auth:DemoUsers=true --Auth:DemoPassword="$password" \
  > "$out/dashboard-host.log" 2>&1 &
host_pid=$!
stop_host_on_exit "$host_pid" "$data"

wait_for_host dashboard "$url" "$host_pid" "$out/dashboard-host.log"

STATION_URL="$url" STATION_USER=operator STATION_PASSWORD="$password" STATION_HOST_PID="$host_pid" \
BENCH_BOARDS="$boards" BENCH_DASHBOARDS="$dashboards" BENCH_HUB_CLIENTS="$hub_clients" BENCH_WARMUP_SECONDS="$warmup" BENCH_SECONDS="$seconds" \
BENCH_OUT="$out" BENCH_SETUP="boards=$boards time-scale=$time_scale replug=$replug faults=$faults nice=$nice_level" \
  nice -n "$nice_level" node tests/Station.Benchmarks/dashboard/latency.mjs
