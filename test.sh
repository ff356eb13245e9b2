#!/usr/bin/env bash
# Runs every test suite (unit, integration, web, browser) against a real PostgreSQL and a real
# Chromium. Exits non-zero on any failure. Results and screenshots land in TestResults/.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET SDK 10 is required: https://dotnet.microsoft.com/download" >&2
  exit 1
fi

# PostgreSQL: the tests create (and drop) a database per test class on this server.
if [[ -z "${FLEXWORK_TEST_CONNECTION:-}" ]]; then
  source scripts/postgres.sh
  pg_ensure_cluster
  # The owner makes the databases and migrates them; the app under test connects as the app role.
  export FLEXWORK_TEST_CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=$PG_OWNER_USER;Password=$PG_OWNER_PASSWORD"
  export FLEXWORK_TEST_APP_CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=$PG_APP_USER;Password=$PG_APP_PASSWORD"
fi

# Chromium for the browser tests (Debian's package; Playwright's own download is not used).
if [[ -z "${FLEXWORK_CHROMIUM:-}" ]]; then
  if ! command -v chromium >/dev/null 2>&1; then
    echo "Installing Chromium with apt-get"
    if [[ $(id -u) -eq 0 ]]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
      sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    fi
  fi
  export FLEXWORK_CHROMIUM="$(command -v chromium)"
fi

# The standard OpenAPI linter the API tests run on the document (pinned in tests/openapi).
if [[ -z "${FLEXWORK_REDOCLY:-}" ]]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "Installing Node.js and npm with apt-get"
    if [[ $(id -u) -eq 0 ]]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
    else
      sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
    fi
  fi
  (cd tests/openapi && npm ci --no-audit --no-fund --silent)
  export FLEXWORK_REDOCLY="$PWD/tests/openapi/node_modules/.bin/redocly"
fi

rm -rf TestResults
dotnet build FlexWork.sln -c Release -warnaserror -nologo -clp:ErrorsOnly
# One test project at a time: on 2 cores, the browser tests need the machine to themselves.
dotnet test --solution FlexWork.sln -c Release --no-build --max-parallel-test-modules 1 \
  --results-directory "$PWD/TestResults" --report-xunit-trx "$@"
