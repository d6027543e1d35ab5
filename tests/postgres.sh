#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests (issue 5: "the test command starts a throwaway
# PostgreSQL server itself").
#
#   eval "$(tests/postgres.sh start)"   initdb into a fresh temporary folder, start on 127.0.0.1 and a
#                                       free port; prints the exports below (and nothing else) on stdout
#   tests/postgres.sh stop [DIR]        stop that server and remove its folder (DIR defaults to
#                                       $STATION_TEST_PG_DIR, as exported by start)
#
# start prints:
#   export STATION_TEST_PG='Host=127.0.0.1;Port=N;Username=postgres;Database=postgres'
#   export STATION_TEST_PG_DIR='/tmp/station-pg.XXXXXX'     (for stop)
#   export STATION_TEST_PG_BIN='/usr/lib/postgresql/15/bin' (so tests can run their own private server)
#
# Binaries: pg_ctl on PATH, else `pg_config --bindir`, else /usr/lib/postgresql/*/bin (newest); when
# none is found and we run as root, Debian's postgresql package is installed with apt-get.
# initdb refuses to run as root: as root, the server runs as the `postgres` user (runuser).
# Progress and errors go to stderr; the exit status is non-zero when the server did not start.
set -euo pipefail

log() { echo "postgres.sh: $*" >&2; }

find_bindir() {
  local candidate
  if candidate=$(command -v pg_ctl 2>/dev/null) && [[ -x "$(dirname "$candidate")/initdb" ]]; then
    dirname "$(readlink -f "$candidate")"
    return 0
  fi
  if command -v pg_config >/dev/null 2>&1; then
    candidate=$(pg_config --bindir 2>/dev/null || true)
    if [[ -n "$candidate" && -x "$candidate/pg_ctl" && -x "$candidate/initdb" ]]; then
      echo "$candidate"
      return 0
    fi
  fi
  candidate=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -n "$candidate" && -x "$candidate/pg_ctl" && -x "$candidate/initdb" ]]; then
    echo "$candidate"
    return 0
  fi
  return 1
}

install_postgres() {
  if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    return 1
  fi
  log "installing Debian's postgresql package"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -q postgresql >&2; then
    apt-get update -q >&2 && apt-get install -y -q postgresql >&2
  fi
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start() {
  local bindir dir port attempt
  if ! bindir=$(find_bindir); then
    install_postgres || { log "no PostgreSQL binaries (initdb, pg_ctl) and cannot install them"; exit 1; }
    bindir=$(find_bindir) || { log "postgresql installed but initdb/pg_ctl not found"; exit 1; }
  fi

  dir=$(mktemp -d "${TMPDIR:-/tmp}/station-pg.XXXXXX")
  chmod 700 "$dir"
  local -a as_owner=()
  if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || { log "running as root but there is no 'postgres' user to run the server"; rm -rf "$dir"; exit 1; }
    chown postgres: "$dir"
    as_owner=(runuser -u postgres --)
  fi

  log "initdb in $dir (binaries: $bindir)"
  if ! "${as_owner[@]}" "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C \
      >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2
    rm -rf "$dir"
    exit 1
  fi

  # A throwaway server: durability settings off (the tests that stop a server mid-batch run their
  # own private one), enough connections for parallel test classes and child processes.
  for attempt in 1 2 3 4 5 6 7 8; do
    port=$((20000 + RANDOM % 40000))
    port_in_use "$port" && continue
    if "${as_owner[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >&2; then
      echo "export STATION_TEST_PG='Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres'"
      echo "export STATION_TEST_PG_DIR='$dir'"
      echo "export STATION_TEST_PG_BIN='$bindir'"
      log "PostgreSQL is listening on 127.0.0.1:$port"
      return 0
    fi
    log "start on port $port failed (attempt $attempt)"
    tail -n 5 "$dir/server.log" >&2 || true
  done
  rm -rf "$dir"
  exit 1
}

stop() {
  local dir=${1:-${STATION_TEST_PG_DIR:-}}
  [[ -n "$dir" && -d "$dir" ]] || { log "nothing to stop (no folder given and STATION_TEST_PG_DIR is unset)"; return 0; }
  [[ "$(basename "$dir")" == station-pg.* ]] || { log "refusing to remove $dir: not a folder made by start"; exit 1; }
  local bindir
  bindir=${STATION_TEST_PG_BIN:-$(find_bindir || true)}
  if [[ -f "$dir/data/postmaster.pid" && -n "$bindir" ]]; then
    local -a as_owner=()
    [[ $(id -u) -eq 0 ]] && as_owner=(runuser -u postgres --)
    "${as_owner[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >&2 || log "pg_ctl stop failed"
  fi
  rm -rf "$dir"
  log "stopped and removed $dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start | stop [DIR]" >&2; exit 2 ;;
esac
