# Shared by run.sh and test.sh (sourced, not run): a private PostgreSQL cluster under .data/,
# started on demand. Works as root (PostgreSQL itself then runs as the postgres user) and as a
# normal user. Settings: FLEXWORK_PG_PORT (default 55432).

FLEXWORK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PG_PORT="${FLEXWORK_PG_PORT:-55432}"
PG_DIR="$FLEXWORK_ROOT/.data/postgres"
# Two roles (docs/deployment.md): the owner owns the databases and runs the migrations (and,
# with CREATEDB, makes the tests' databases); the app connects as a role that owns nothing and
# may only read and write data, the audit log append-only.
PG_OWNER_USER=flexwork
PG_OWNER_PASSWORD=flexwork
PG_APP_USER=flexwork_app
PG_APP_PASSWORD=flexwork_app

pg_bindir() {
  local dir
  if command -v pg_config >/dev/null 2>&1 && [[ -x "$(pg_config --bindir)/initdb" ]]; then
    pg_config --bindir
    return
  fi
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [[ -n "$dir" && -x "$dir/initdb" ]]; then
    echo "$dir"
    return
  fi
  cat >&2 <<'MSG'
PostgreSQL server binaries (initdb, pg_ctl) were not found.
Install PostgreSQL 15 or newer, for example:
  Debian/Ubuntu:  sudo apt-get install -y postgresql
  Fedora/RHEL:    sudo dnf install -y postgresql-server
  macOS:          brew install postgresql@16
or point the app at an existing server: export ConnectionStrings__FlexWork="Host=...;Database=...;Username=...;Password=..."
MSG
  return 1
}

# Runs a PostgreSQL server command as the postgres user when we are root (PostgreSQL refuses root).
pg_as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    (cd /tmp && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

pg_ensure_cluster() {
  local bin
  bin=$(pg_bindir) || return 1
  if [[ ! -f "$PG_DIR/PG_VERSION" ]]; then
    echo "Creating a private PostgreSQL cluster in $PG_DIR (port $PG_PORT)"
    mkdir -p "$PG_DIR"
    chmod 700 "$PG_DIR"
    [[ $(id -u) -eq 0 ]] && chown postgres:postgres "$PG_DIR"
    pg_as_owner "$bin/initdb" -D "$PG_DIR" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! pg_as_owner "$bin/pg_ctl" -D "$PG_DIR" status >/dev/null 2>&1; then
    echo "Starting PostgreSQL on 127.0.0.1:$PG_PORT"
    if ! pg_as_owner "$bin/pg_ctl" -D "$PG_DIR" -l "$PG_DIR/server.log" -w \
      -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=${FLEXWORK_PG_FSYNC:-on}" start >/dev/null; then
      echo "PostgreSQL did not start. The end of $PG_DIR/server.log:" >&2
      tail -n 5 "$PG_DIR/server.log" >&2
      echo "If port $PG_PORT is taken by another server, choose a free one with FLEXWORK_PG_PORT=..." >&2
      return 1
    fi
  fi
  pg_psql -c "SELECT 1" >/dev/null
  if [[ -z "$(pg_psql -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$PG_OWNER_USER'")" ]]; then
    pg_psql -c "CREATE ROLE $PG_OWNER_USER LOGIN PASSWORD '$PG_OWNER_PASSWORD' CREATEDB" >/dev/null
  fi
  if [[ -z "$(pg_psql -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$PG_APP_USER'")" ]]; then
    pg_psql -c "CREATE ROLE $PG_APP_USER LOGIN PASSWORD '$PG_APP_PASSWORD'" >/dev/null
  fi
}

pg_psql() {
  local bin
  bin=$(pg_bindir) || return 1
  pg_as_owner "$bin/psql" -h "$PG_DIR" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"
}

pg_ensure_database() {
  local name=$1
  if [[ -z "$(pg_psql -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'")" ]]; then
    pg_psql -c "CREATE DATABASE $name OWNER $PG_OWNER_USER" >/dev/null
  fi
}

# pg_connection DATABASE: what the app connects with.
pg_connection() {
  echo "Host=127.0.0.1;Port=$PG_PORT;Database=$1;Username=$PG_APP_USER;Password=$PG_APP_PASSWORD"
}

# pg_owner_connection DATABASE: what the migrations run with.
pg_owner_connection() {
  echo "Host=127.0.0.1;Port=$PG_PORT;Database=$1;Username=$PG_OWNER_USER;Password=$PG_OWNER_PASSWORD"
}
