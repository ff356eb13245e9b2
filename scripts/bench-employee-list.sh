#!/usr/bin/env bash
# Load test of the employee list at ministry scale: grows the DEMO agency to 80,000 employees in a
# throwaway database, serves the app in Release and drives GET /api/v1/employees with wrk.
# Needs wrk (apt-get install wrk). Usage: scripts/bench-employee-list.sh [seconds per URL]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-common.sh
DURATION=${1:-15}
DB=flexwork_bench
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
bench_prepare $DB 5055

echo "Adding 80,000 employees to DEMO"
pg_as_owner "$(pg_bindir)/psql" -h "$PG_DIR" -p "$PG_PORT" -U postgres -d $DB -v ON_ERROR_STOP=1 -q <<'SQL'
WITH demo AS (SELECT id FROM agencies WHERE code = 'DEMO'),
     units AS (SELECT array_agg(id) AS ids FROM organization_units WHERE agency_id = (SELECT id FROM demo)),
     positions AS (SELECT array_agg(id) AS ids FROM positions WHERE agency_id = (SELECT id FROM demo))
INSERT INTO employees (id, agency_id, nip, full_name, email, unit_id, position_id, employment_type,
                       position_start_date, disciplinary_status, is_active)
SELECT gen_random_uuid(), (SELECT id FROM demo),
       to_char(date '1965-01-01' + (i % 12000), 'YYYYMMDD') || to_char(date '1990-01-01' + (i / 12000) * interval '1 month', 'YYYYMM')
         || (1 + i % 2)::text || lpad((i % 1000)::text, 3, '0'),
       (ARRAY['Agus','Budi','Citra','Dewi','Eko','Fitri','Gilang','Hana','Indra','Joko','Kartika','Lestari','Made','Nur','Putri','Rizki'])[1 + i % 16]
         || ' ' || (ARRAY['Pratama','Santoso','Wibowo','Hidayat','Siregar','Nasution','Saputra','Kusuma','Rahayu','Setiawan','Wijaya'])[1 + (i / 16) % 11]
         || ' ' || i,
       'bench' || i || '@demo.go.id',
       (SELECT ids FROM units)[1 + i % array_length((SELECT ids FROM units), 1)],
       (SELECT ids FROM positions)[1 + i % array_length((SELECT ids FROM positions), 1)],
       'Pns', date '2020-01-01', 'None', true
FROM generate_series(1, 80000) AS i;
VACUUM ANALYZE employees; -- as autovacuum would have done by the time people browse
SQL

bench_start /tmp/flexwork-bench.log
echo "Employees in DEMO: $(curl -sf "$BENCH_URL/api/v1/employees?pageSize=1" -H "Authorization: Bearer $TOKEN" | sed -E 's/.*"totalCount":([0-9]+).*/\1/')"

for query in "page=1&pageSize=25" "page=100&pageSize=25" "page=3200&pageSize=25" "search=siregar&pageSize=25" "search=bench7777&pageSize=25" "search=1970010119&pageSize=25"; do
  echo "== GET /api/v1/employees?$query  (wrk -t1 -c8 -d${DURATION}s)"
  wrk -t1 -c8 -d"${DURATION}s" --latency -H "Authorization: Bearer $TOKEN" "$BENCH_URL/api/v1/employees?$query" \
    | grep -E "Requests/sec|Latency  |50%|99%|Non-2xx"
done
