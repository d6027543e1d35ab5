#!/usr/bin/env bash
# Runs every test of the repository on a fresh machine: restore, build (warnings are errors), then
# each test project. It sets up what the tests need by itself.
#   ./test.sh                 everything
#   ./test.sh --filter EXPR   only tests matching a dotnet test filter (e.g. FullyQualifiedName~MBoot)
set -euo pipefail
cd "$(dirname "$0")"

filter=()
if [[ "${1:-}" == "--filter" ]]; then
  filter=(--filter "$2")
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

echo "== restore and build"
dotnet build Station.sln -c Release -nologo -clp:NoSummary

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
      --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
      "${filter[@]}"; then
    status=1
  fi
done

if [[ $status -ne 0 ]]; then
  echo "== some tests FAILED (results in $results)"
else
  echo "== all tests passed"
fi
exit $status
