#!/usr/bin/env bash
# Runs the station service (src/Station.Host) on this machine: SQLite, four simulated RT1064 boards
# in auto mode (a fresh board every few seconds), and the dashboard. The first run builds the host
# and the dashboard (npm); the host prints the URL and the demo accounts when it is up.
#   ./run.sh                 http://localhost:5000, data in artifacts/station-run/
#   STATION_PORT=8080 ./run.sh
set -euo pipefail
cd "$(dirname "$0")"

port=${STATION_PORT:-5000}
data=${STATION_DATA:-$PWD/artifacts/station-run}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

echo "Starting the station at http://localhost:$port (data in $data; Ctrl+C stops it)."
echo "Sign in as operator, engineer, qa or admin with the password 'station' once it is up."
# The Development profile (launchSettings.json) loads appsettings.Development.json: simulator mode,
# the sample recipe active and approved, demo accounts, the /api/sim routes.
exec dotnet run --project src/Station.Host --launch-profile Station.Host -- \
  --urls "http://localhost:$port" --Station:DataDirectory="$data"
