#!/usr/bin/env bash
# Runs every test of the repository on a fresh machine, doing its own set-up: restore and build
# (warnings are errors), the dashboard's build and unit tests, a throwaway PostgreSQL server (unless
# STATION_TEST_PG already names one), every test project, then the dashboard's browser test against
# the real host with simulated boards (tests/host-e2e.sh; screenshots in artifacts/e2e).
#   ./test.sh                 everything
#   ./test.sh --filter EXPR   only .NET tests matching a dotnet test filter (e.g. FullyQualifiedName~MBoot); no browser test
set -euo pipefail
cd "$(dirname "$0")"

filter=()
if [[ "${1:-}" == "--filter" ]]; then
  filter=(--filter "$2")
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

echo "== dashboard (web-ui): install, build, unit tests"
(cd web-ui && npm ci --no-audit --no-fund --loglevel=error && npm run build --silent && npm test --silent)

echo "== restore and build"
# The dashboard was just built above: the host's own npm step (Station.Host.csproj) is skipped.
dotnet build Station.sln -c Release -nologo -clp:NoSummary -p:SkipWebUiBuild=true

if [[ -z "${STATION_TEST_PG:-}" ]]; then
  if pg_exports=$(tests/postgres.sh start); then
    eval "$pg_exports"
    trap 'tests/postgres.sh stop "$STATION_TEST_PG_DIR"' EXIT
    echo "== PostgreSQL for the tests: $STATION_TEST_PG"
  else
    echo "== PostgreSQL could not be started: its tests are skipped (and fail when CI is set)"
  fi
fi

results="artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

echo "== tests"
status=0
for project in tests/*.Tests/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  echo "-- $name"
  # --blame-hang turns a hung test into a failure with a dump instead of a stalled CI run.
  if ! dotnet test "$project" -c Release --no-build -nologo \
      --blame-hang --blame-hang-timeout 5m \
      --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$results" \
      "${filter[@]}"; then
    status=1
  fi
done

if [[ ${#filter[@]} -eq 0 ]]; then
  echo "== dashboard end-to-end against the host (Chromium)"
  if ! tests/host-e2e.sh Release; then
    status=1
  fi
fi

if [[ $status -ne 0 ]]; then
  echo "== some tests FAILED (results in $results)"
else
  echo "== all tests passed"
fi
exit $status
