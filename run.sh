#!/usr/bin/env bash
# Runs the station on simulated boards: four simulated RT1064 boards provisioned with the sample
# recipe, with a summary at the end. (The station service with its dashboard replaces this.)
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
exec dotnet run --project src/Station.Cli -c Release -- run --simulate 4 --recipe samples/rt1064/recipe.yaml --allow-fuse-burn --timing realistic "$@"
