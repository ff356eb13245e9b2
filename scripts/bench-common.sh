# Shared by the benchmark scripts (sourced): a fresh database with the demo seed, the app built
# in Release, and helpers to start it and get an admin token.
source "$(dirname "${BASH_SOURCE[0]}")/postgres.sh"

APP="dotnet src/FlexWork.Web/bin/Release/net10.0/FlexWork.Web.dll"

# bench_sql PSQL-ARGS...: psql as the superuser on the benchmark's database ($DB).
bench_sql() { pg_as_owner "$(pg_bindir)/psql" -h "$PG_DIR" -p "$PG_PORT" -U postgres -d "$DB" -v ON_ERROR_STOP=1 -q "$@"; }

# bench_prepare DATABASE PORT: recreates the database, builds, migrates and seeds the demo data.
bench_prepare() {
  local db=$1 port=$2
  pg_ensure_cluster
  pg_psql -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)"
  pg_ensure_database "$db"
  bench_env "$db" "$port"
  dotnet build src/FlexWork.Web -c Release -nologo -clp:ErrorsOnly
  $APP --migrate --seed-demo --no-serve >/dev/null
}

# bench_env DATABASE PORT: how the app is served on DATABASE (Production, warnings-only logging);
# sets BENCH_URL. bench_prepare calls it; call it alone to serve an existing database again.
bench_env() {
  export ConnectionStrings__FlexWork="$(pg_connection "$1")" ConnectionStrings__FlexWorkOwner="$(pg_owner_connection "$1")"
  export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$2" Serilog__MinimumLevel__Default=Warning
  # The escalation job's first round would work through the generated backlog of pending requests
  # while the load runs, and its CPU would count as the requests': the runs measure requests alone.
  export Escalation__Enabled=false PositionPurge__Enabled=false
  # Production starts only with an encrypted key ring: a self-signed certificate for the benchmark.
  export DataProtection__CertificatePath="$FLEXWORK_ROOT/.data/bench-keyring.pfx" DataProtection__CertificatePassword=bench
  if [[ ! -f $DataProtection__CertificatePath ]]; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=FlexWork benchmark key ring" \
      -keyout "$FLEXWORK_ROOT/.data/bench-keyring.key" -out "$FLEXWORK_ROOT/.data/bench-keyring.crt" 2>/dev/null
    openssl pkcs12 -export -passout pass:bench -inkey "$FLEXWORK_ROOT/.data/bench-keyring.key" \
      -in "$FLEXWORK_ROOT/.data/bench-keyring.crt" -out "$DataProtection__CertificatePath"
    rm -f "$FLEXWORK_ROOT/.data/bench-keyring.key" "$FLEXWORK_ROOT/.data/bench-keyring.crt"
  fi
  BENCH_URL="http://127.0.0.1:$2"
}

# bench_start LOG: serves the app in the background until the script exits and sets TOKEN
# (an admin bearer token). Call it directly, not in $(...), so the app outlives the call.
bench_start() {
  $APP > "$1" 2>&1 &
  BENCH_PID=$!
  trap 'kill $BENCH_PID 2>/dev/null || true' EXIT
  until curl -sf "$BENCH_URL/health/ready" >/dev/null; do sleep 0.5; done
  TOKEN=$(curl -sf -X POST "$BENCH_URL/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d '{"email":"admin@demo.go.id","password":"Demo#FlexWork2025"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
}
