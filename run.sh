#!/usr/bin/env bash
# Runs FlexWork with demo data on http://localhost:5000.
#   Database: ConnectionStrings__FlexWork (the app's role) and ConnectionStrings__FlexWorkOwner (the
#             schema owner, for the migrations) if set, else a private PostgreSQL under .data/.
#   Address:  ASPNETCORE_URLS (default http://localhost:5000).
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET SDK 10 is required: https://dotnet.microsoft.com/download" >&2
  exit 1
fi

if [[ -z "${ConnectionStrings__FlexWork:-}" ]]; then
  source scripts/postgres.sh
  pg_ensure_cluster
  pg_ensure_database flexwork
  export ConnectionStrings__FlexWork="$(pg_connection flexwork)"
  export ConnectionStrings__FlexWorkOwner="$(pg_owner_connection flexwork)"
fi

export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://localhost:5000}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"

cat <<MSG

FlexWork starts on $ASPNETCORE_URLS (migrations and demo data are applied first).
Demo logins, all with the password Demo#FlexWork2025:
  admin@demo.go.id         Admin Instansi, Kementerian Contoh (DEMO)
  kepala@demo.go.id        Pimpinan Unit, Biro Sumber Daya Manusia
  atasan@demo.go.id        Atasan Langsung of pegawai@ and baru@
  pegawai@demo.go.id       Pegawai (eligible, 3 years in position)
  baru@demo.go.id          Pegawai (new: 1 month in position)
  admin@demo2.go.id        Admin Instansi, Pemerintah Provinsi Contoh (DEMO2)
  pegawai@demo2.go.id      Pegawai of DEMO2
  platform@flexwork.local  Admin Platform

MSG

exec dotnet run --project src/FlexWork.Web --no-launch-profile -- --migrate --seed-demo
