# Shared by tests/host-e2e.sh and tests/Station.Benchmarks/dashboard/run.sh (sourced, not run):
# a free port for the built host, stopping it (and removing its data) on exit, and the wait for
# it to answer /healthz.

# free_port: prints a free TCP port on 127.0.0.1.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# stop_host_on_exit PID DATA: on the script's exit, stops the host process PID and removes its
# data folder DATA.
stop_host_on_exit() {
  host_process_pid=$1 host_process_data=$2
  trap 'kill "$host_process_pid" 2>/dev/null || true; wait "$host_process_pid" 2>/dev/null || true; rm -rf "$host_process_data"' EXIT
}

# wait_for_host LABEL URL PID LOG: waits up to 60 s for URL/healthz; exits 1 (showing LOG's tail)
# when the host process PID exits first or never answers.
wait_for_host() {
  local label=$1 url=$2 pid=$3 log=$4
  for _ in $(seq 1 120); do
    if curl -fs "$url/healthz" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$label: the host exited; see $log" >&2
      tail -20 "$log" >&2
      exit 1
    fi
    sleep 0.5
  done
  echo "$label: the host did not answer /healthz in 60 s; see $log" >&2
  exit 1
}
