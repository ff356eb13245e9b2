# Measuring for the benchmark scripts (sourced after the app is started with bench_start): runs of
# wrk and pgbench with their percentiles and the CPU the app and PostgreSQL spent per request, and
# the table rows of docs/benchmarks.md. Uses WORK, CONNECTIONS, DB, BENCH_PID and the PG_ settings.

# Waits (up to a minute and a half) for the 1-minute load to drop below 1.5, then prints it and how
# busy the CPUs were in the last second (the app is idle then: anything busy is someone else).
quiet() {
  local -a a b
  for _ in $(seq 30); do awk '{ exit !($1 < 1.5) }' /proc/loadavg && break; sleep 3; done
  read -ra a < /proc/stat
  sleep 1
  read -ra b < /proc/stat
  echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg); CPUs busy in the last second: $(awk -v t=$(( (b[1] + b[2] + b[3] + b[4] + b[5] + b[6] + b[7] + b[8]) - (a[1] + a[2] + a[3] + a[4] + a[5] + a[6] + a[7] + a[8]) )) \
    -v idle=$(( b[4] + b[5] - a[4] - a[5] )) 'BEGIN { printf "%.0f %%", t ? 100 * (t - idle) / t : 0 }')"
}

# CPU time in clock ticks of the app and of PostgreSQL's backends (those the postmaster has reaped,
# and the live ones of the app's role; not the checkpointer and other helpers), so that each run
# can say where a request's CPU went.
ticks() {
  local pm pg c
  pm=$(head -n 1 "$PG_DIR/postmaster.pid")
  pg=$(awk '{ print $16 + $17 }' "/proc/$pm/stat")
  for c in $(pgrep -P "$pm" -f "^postgres: $PG_APP_USER "); do
    pg=$((pg + $(awk '{ print $14 + $15 }' "/proc/$c/stat" 2>/dev/null || echo 0)))
  done
  echo "$(awk '{ print $14 + $15 }' "/proc/$BENCH_PID/stat") $pg"
}
# cpu_per_request TICKS-BEFORE TICKS-AFTER REQUESTS: "app-ms postgres-ms" of CPU per request.
cpu_per_request() {
  local -a b=($1) a=($2)
  awk -v hz="$(getconf CLK_TCK)" -v n="$3" -v app=$((a[0] - b[0])) -v pg=$((a[1] - b[1])) \
    'BEGIN { printf "%.1f %.1f", app * 1000 / hz / n, pg * 1000 / hz / n }'
}

# The wrk script each run ends with (appended to the scripts that write requests): run_wrk reads its RESULT line.
cat > "$WORK/done.lua" <<'LUA'
-- requests/s, p50, p95, p99 (ms), non-2xx responses, requests
function done(summary, latency, requests)
  io.write(string.format("RESULT %.1f %.1f %.1f %.1f %d %d\n", summary.requests / summary.duration * 1e6, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.errors.status, summary.requests))
end
LUA

declare -A RESULT
# run_wrk NAME SECONDS WRK-ARGS...: warm-up if NAME is empty, else the result under NAME.
run_wrk() {
  local name=$1 seconds=$2
  shift 2
  local before
  [[ -n $name ]] && quiet
  before=$(ticks)
  wrk -t1 -c"$CONNECTIONS" -d"${seconds}s" --latency "$@" > "$WORK/wrk.out"
  [[ -z $name ]] && return
  grep -E "Latency  |50%|75%|90%|99%|Non-2xx|Socket errors" "$WORK/wrk.out" || true
  RESULT[$name]=$(grep '^RESULT' "$WORK/wrk.out" | cut -d' ' -f2-)
  RESULT[$name]+=" $(cpu_per_request "$before" "$(ticks)" "$(echo "${RESULT[$name]}" | cut -d' ' -f6)")"
  echo "$name: ${RESULT[$name]}  (requests/s p50 p95 p99 ms, non-2xx, requests, CPU ms per request: app postgres)"
}

# run_pgbench NAME SECONDS SCRIPT [PGBENCH-ARGS...]: warm-up if NAME is empty, else the result under
# NAME (p50/p95/p99 from the per-transaction log); the extra arguments are e.g. the script's -D variables.
run_pgbench() {
  local name=$1 seconds=$2 script=$3 n before
  shift 3
  [[ -n $name ]] && quiet
  rm -f "$WORK"/pglog*
  before=$(ticks)
  (cd "$WORK" && PGPASSWORD=$PG_OWNER_PASSWORD pgbench -n -M extended -c "$CONNECTIONS" -j 1 -T "$seconds" -r -l --log-prefix=pglog \
    "$@" -f "$script" -h 127.0.0.1 -p "$PG_PORT" -U "$PG_OWNER_USER" "$DB") > "$WORK/pgbench.out" 2>&1 \
    || { cat "$WORK/pgbench.out" >&2; exit 1; }
  local after
  sleep 1 # until the postmaster has reaped pgbench's backends and counted their CPU
  after=$(ticks)
  [[ -z $name ]] && return
  grep -E "^(number of (transactions actually processed|failed)|latency average|tps)" "$WORK/pgbench.out"
  echo "slowest statements (ms per transaction):"
  sed -n '/^statement latencies/,$p' "$WORK/pgbench.out" | grep -E '^ +[0-9.]+ +[0-9]+ ' | sort -rn | head -n 4 | cut -c1-140
  cat "$WORK"/pglog* | awk '{ print $3 }' | sort -n > "$WORK/latencies"
  n=$(wc -l < "$WORK/latencies")
  pct() { awk -v n="$n" -v p="$1" 'NR == int((n * p + 99) / 100) { printf "%.1f", $1 / 1000; exit }' "$WORK/latencies"; }
  RESULT[$name]="$(grep -oP '^tps = \K[0-9.]+' "$WORK/pgbench.out" | xargs printf '%.1f') $(pct 50) $(pct 95) $(pct 99) 0 $n"
  RESULT[$name]+=" $(cpu_per_request "$before" "$after" "$n")"
  echo "$name: ${RESULT[$name]}  (transactions/s p50 p95 p99 ms, -, transactions, CPU ms per transaction: app postgres)"
}

# capture_sql FILE COMMAND...: runs the command (one call of the app) with log_statement = all and
# writes what PostgreSQL ran for it to FILE as a pgbench script, each statement with its parameters
# in place (so pgbench replays the very statements, resets and transactions the app sent).
capture_sql() {
  local file=$1 lines
  shift
  pg_psql -qc "ALTER SYSTEM SET log_statement = 'all'" -c "SELECT pg_reload_conf()" >/dev/null
  sleep 1
  lines=$(wc -l < "$PG_DIR/server.log")
  "$@" || echo "(the call was refused)" >&2
  sleep 1
  pg_psql -qc "ALTER SYSTEM RESET log_statement" -c "SELECT pg_reload_conf()" >/dev/null
  tail -n +$((lines + 1)) "$PG_DIR/server.log" | perl scripts/bench-replay.pl > "$file"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
row() { # label, app result[, pgbench result]
  local -a a=(${RESULT[$2]})
  echo "| $1, app | ${a[0]} | ${a[1]} ms | ${a[2]} ms | ${a[3]} ms | ${a[4]} of ${a[5]} | ${a[6]} + ${a[7]} ms |"
  [[ -z ${3:-} ]] && return
  local -a p=(${RESULT[$3]})
  echo "| $1, pgbench | ${p[0]} | ${p[1]} ms | ${p[2]} ms | ${p[3]} ms | | ${p[7]} ms |"
  echo "| $1, app / pgbench | $(ratio "${a[0]}" "${p[0]}") | $(ratio "${a[1]}" "${p[1]}") | $(ratio "${a[2]}" "${p[2]}") | $(ratio "${a[3]}" "${p[3]}") | | |"
}
