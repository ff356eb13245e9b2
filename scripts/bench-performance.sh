#!/usr/bin/env bash
# Load test of performance management at ministry scale: grows the DEMO agency to 80,000 employees
# (scripts/bench-org.sql) with six months of it in a throwaway database: monthly periods (the last
# five closed before the demo's own two), two agreed targets per person and period, one flexible
# day a week per person approved, a work report for nearly every past flexible day (1 in 20
# missing, 1 in 10 late), and last month evaluated. Serves the app in Release and drives with wrk:
#   GET /api/v1/performance/team/reports                     Kinerja tim: a 50-person unit's reports to read, as its head
#   GET /api/v1/performance/team/periods/{running}/results  results by work mode of that team, this month
#   GET /api/v1/performance/units/periods/{last}/results    the roll-up for the head of a directorate-general (100 units, 5,000 people), last month
#   PUT /api/v1/performance/reports/days/{date}              report submissions: each a first report of a distinct person and day
# then replays what PostgreSQL ran for one of each GET (captured with log_statement = all) with
# pgbench at the same concurrency, for the database's own limit, and times the agency admin's
# roll-up over all 80,000 people.
# Needs wrk (apt-get install wrk), pgbench and perl. BENCH_REUSE=1 serves the database of the last run again.
# Usage: scripts/bench-performance.sh [seconds per run] [employees writing] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-common.sh
DURATION=${1:-15}
POOL=${2:-1200}
CONNECTIONS=${3:-8}
DB=flexwork_bench_performance
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
command -v pgbench >/dev/null || { echo "pgbench is missing: apt-get install -y postgresql-client" >&2; exit 1; }
WORK=$(mktemp -d)
chmod 755 "$WORK"
trap 'rm -rf "$WORK"' EXIT

if [[ "${BENCH_REUSE:-}" == 1 ]] && pg_ensure_cluster >/dev/null && [[ "$(bench_sql -tAc "SELECT count(*) > 1000000 FROM work_reports" 2>/dev/null)" == t ]]; then
  echo "Reusing database $DB"
  bench_env $DB 5062
  dotnet build src/FlexWork.Web -c Release -nologo -clp:ErrorsOnly
  $APP --migrate --no-serve >/dev/null
  bench_sql -c "DELETE FROM work_reports WHERE items @> '[{\"activity\": \"Rapat koordinasi (bench)\"}]'" # the last run's submissions
else
bench_prepare $DB 5062
echo "Growing DEMO to 80,000 more employees with six months of targets, flexible days and reports"
SECONDS=0
bench_sql -v pool="$POOL" -v org="$PWD/scripts/bench-org.sql" <<'SQL'
\i :org

-- The head of the first directorate-general (employee 2, who also heads sub-directorate 2): 5,000 people below.
UPDATE organization_units SET head_employee_id = md5('bench-employee-2')::uuid WHERE id = md5('bench-unit-top-1')::uuid;

-- Six monthly periods: the demo seeds last month (closed) and this one (running); five closed ones before.
INSERT INTO performance_periods (id, agency_id, "from", "to", length, state, updated_at)
SELECT md5('bench-period-' || k)::uuid, (SELECT agency FROM p), m, (m + interval '1 month - 1 day')::date, 'Monthly', 'Closed', now()
FROM generate_series(2, 6) k, LATERAL (SELECT (date_trunc('month', (SELECT today FROM p)) - k * interval '1 month')::date AS m) x;
CREATE TEMP TABLE periods AS
SELECT id, "from", "to", state, row_number() OVER (ORDER BY "from") AS n FROM performance_periods WHERE agency_id = (SELECT agency FROM p);

-- Two agreed targets per person and period, the second counting the reports' quantities.
INSERT INTO performance_targets (id, agency_id, period_id, employee_id, content, pending_change, state, created_at, updated_at, history)
SELECT md5('bench-target-' || i || '-' || pr.n || '-' || t)::uuid, (SELECT agency FROM p), pr.id, md5('bench-employee-' || i)::uuid,
       CASE WHEN t = 1
         THEN '{"rhk": "Tersusunnya laporan analisis kebijakan unit", "unit": "dokumen", "value": 2, "aspect": "Kuantitas", "indicator": "Jumlah laporan analisis yang diselesaikan", "qualitative": null, "supportsTargetId": null}'::jsonb
         ELSE '{"rhk": "Terkelolanya data dan arsip kepegawaian digital", "unit": "berkas", "value": 200, "aspect": "Kuantitas", "indicator": "Jumlah berkas yang diolah", "qualitative": null, "supportsTargetId": null}'::jsonb
       END,
       NULL, 'Agreed', (pr."from" - 3)::timestamp AT TIME ZONE 'Asia/Jakarta', (pr."from" - 2)::timestamp AT TIME ZONE 'Asia/Jakarta', '[]'
FROM generate_series(1, 80000) i, periods pr, generate_series(1, 2) t;

-- One flexible day a week per person (weekday i % 5) from the first period on, two weeks ahead at
-- most, holidays skipped: one approved request per person and month.
CREATE TEMP TABLE flexible AS
SELECT i, d, date_trunc('month', d)::date AS month
FROM generate_series(1, 80000) i,
     LATERAL (SELECT date_trunc('week', (SELECT min("from") FROM periods))::date + 7 * w + i % 5 AS d
              FROM generate_series(0, 30) w) x
WHERE d >= (SELECT min("from") FROM periods) AND d <= (SELECT today FROM p) + 14 AND d NOT IN (SELECT date FROM holidays);
INSERT INTO work_requests (id, agency_id, employee_id, status, reason, work_plan, has_evidence, policy_version_number, findings,
                           route, level, created_at, updated_at, submitted_at)
SELECT md5('bench-request-' || i || '-' || month)::uuid, (SELECT agency FROM p), md5('bench-employee-' || i)::uuid, 'Approved',
       'Menyusun laporan dan analisis data', '[{"output": "Laporan analisis", "target": "1 dokumen", "indicator": "Selesai tepat waktu"}]', false, 1, '[]',
       'Supervisor', 1, (month - 10)::timestamp AT TIME ZONE 'Asia/Jakarta', (month - 9)::timestamp AT TIME ZONE 'Asia/Jakarta',
       (month - 10)::timestamp AT TIME ZONE 'Asia/Jakarta'
FROM flexible GROUP BY i, month;
INSERT INTO request_days (request_id, date, mode, start, "end")
SELECT md5('bench-request-' || i || '-' || month)::uuid, d, 'Home', time '07:30', CASE WHEN extract(isodow FROM d) = 5 THEN time '16:30' ELSE time '16:00' END
FROM flexible ORDER BY i, d;
INSERT INTO request_transitions (request_id, "from", "to", at, actor_user_id, level)
SELECT DISTINCT ON (i, month) md5('bench-request-' || i || '-' || month)::uuid, 'Submitted', 'Approved', (month - 9)::timestamp AT TIME ZONE 'Asia/Jakarta',
       CASE WHEN i > 1600 THEN md5('bench-user-' || CASE WHEN i % 1600 = 0 THEN 1600 ELSE i % 1600 END)::uuid::text END, 1
FROM flexible;

-- A report for every past flexible day whose deadline (the next working day, 10:00 WIB) passed,
-- but 1 in 20 missing; 1 in 10 written after the deadline; those before this month read.
INSERT INTO work_reports (id, agency_id, employee_id, date, mode, items, deadline, submitted_at, updated_at, read_at, evidence_files)
SELECT md5('bench-report-' || i || '-' || d)::uuid, (SELECT agency FROM p), md5('bench-employee-' || i)::uuid, d, 'Home',
       jsonb_build_array(
         jsonb_build_object('activity', 'Menyusun bagian analisis laporan kebijakan', 'output', 'Draf bagian analisis', 'quantity', 0,
                            'targetId', md5('bench-target-' || i || '-' || pr.n || '-1')::uuid),
         jsonb_build_object('activity', 'Mengolah dan memutakhirkan data kepegawaian', 'output', 'Data termutakhir', 'quantity', 10 + (i + d - date '2000-01-01') % 15,
                            'targetId', md5('bench-target-' || i || '-' || pr.n || '-2')::uuid)),
       deadline, CASE WHEN (i + d - date '2000-01-01') % 10 = 0 THEN deadline + interval '5 hours' ELSE deadline - interval '17 hours' END,
       deadline - interval '17 hours', CASE WHEN d < date_trunc('month', (SELECT today FROM p)) THEN deadline + interval '1 day' END, 0
FROM flexible f JOIN periods pr ON f.d BETWEEN pr."from" AND pr."to",
     LATERAL (SELECT ((d + CASE WHEN extract(isodow FROM d) = 5 THEN 3 ELSE 1 END) + time '10:00') AT TIME ZONE 'Asia/Jakarta' AS deadline) x
WHERE deadline < now() AND (i + d - date '2000-01-01') % 20 <> 7;

-- Last month evaluated: a predikat for everyone (mostly Baik, some Sangat Baik, a few Butuh Perbaikan).
INSERT INTO evaluations (id, agency_id, period_id, employee_id, state, results, behaviour, values, realisations, predikat,
                         evaluator_employee_id, rated_at, final_at, acknowledged_at, updated_at, history)
SELECT md5('bench-evaluation-' || i)::uuid, (SELECT agency FROM p), pr.id, md5('bench-employee-' || i)::uuid, 'Final',
       CASE WHEN i % 20 = 0 THEN 'Below' WHEN i % 7 = 0 THEN 'Above' ELSE 'AsExpected' END,
       CASE WHEN i % 7 = 0 THEN 'Above' ELSE 'AsExpected' END, '[]', '[]',
       CASE WHEN i % 20 = 0 THEN 'ButuhPerbaikan' WHEN i % 7 = 0 THEN 'SangatBaik' ELSE 'Baik' END,
       CASE WHEN i > 1600 THEN md5('bench-employee-' || CASE WHEN i % 1600 = 0 THEN 1600 ELSE i % 1600 END)::uuid END,
       pr."to" + 2, pr."to" + 3, pr."to" + 3, pr."to" + 3, '[]'
FROM generate_series(1, 80000) i, periods pr WHERE pr.n = (SELECT max(n) - 1 FROM periods);

SQL
bench_sql -c "VACUUM ANALYZE" -c "CHECKPOINT"
echo "Data ready in ${SECONDS}s: $(bench_sql -tAc "SELECT (SELECT count(*) FROM employees) || ' employees, '
  || (SELECT count(*) FROM performance_periods) || ' periods, ' || (SELECT count(*) FROM performance_targets) || ' targets, '
  || (SELECT count(*) FROM request_days) || ' scheduled days, ' || (SELECT count(*) FROM work_reports) || ' reports, '
  || (SELECT count(*) FROM evaluations) || ' evaluations'")"
fi

# The writers (employees 1601 .. 1600 + pool, with the demo password) and what they may still
# report: their office days of this month up to today, each once, counting towards their second target.
bench_sql -v pool="$POOL" <<'SQL'
UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE normalized_email = 'PEGAWAI@DEMO.GO.ID')
WHERE id IN (SELECT md5('bench-user-' || i)::uuid::text FROM generate_series(1601, 1600 + :pool) i) AND password_hash IS NULL;
DROP TABLE IF EXISTS bench_report_slots;
CREATE TABLE bench_report_slots AS
WITH today AS (SELECT (now() AT TIME ZONE 'Asia/Jakarta')::date AS d),
     running AS (SELECT count(*) AS n FROM performance_periods p JOIN agencies a ON a.id = p.agency_id WHERE a.code = 'DEMO')
SELECT row_number() OVER (ORDER BY g.d, w.i) AS slot, w.i - 1600 AS k, g.d::date AS d,
       md5('bench-target-' || w.i || '-' || (SELECT n FROM running) || '-2')::uuid AS target
FROM generate_series(1601, 1600 + :pool) w(i), generate_series(date_trunc('month', (SELECT d FROM today)), (SELECT d FROM today), interval '1 day') g(d)
WHERE extract(isodow FROM g.d) < 6
  AND g.d::date NOT IN (SELECT date FROM calendar_entries WHERE unit_id IS NULL AND kind <> 'MandatoryOffice')
  AND NOT EXISTS (SELECT 1 FROM request_days rd JOIN work_requests r ON r.id = rd.request_id
                  WHERE r.employee_id = md5('bench-employee-' || w.i)::uuid AND rd.date = g.d::date);
SQL
echo "$(bench_sql -tAc "SELECT count(*) FROM bench_report_slots") report submissions possible for $POOL writers"

read -r RUNNING LAST < <(bench_sql -tA -F' ' -c "
  SELECT (SELECT id FROM performance_periods WHERE state = 'Running' ORDER BY \"from\" DESC LIMIT 1),
         (SELECT id FROM performance_periods WHERE state = 'Closed' ORDER BY \"from\" DESC LIMIT 1)")

export LoginRateLimit__PermitLimit=100000 # the pool signs in from one address
bench_start "$WORK/app.log"
trap 'kill $BENCH_PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
token() {
  curl -sf -X POST "$BENCH_URL/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"email\":\"bench$1@demo.go.id\",\"password\":\"Demo#FlexWork2025\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/'
}
export -f token
export BENCH_URL
echo "Signing in the team's head, the directorate-general's head and $POOL employees"
HEAD_TOKEN=$(token 1)
DG_TOKEN=$(token 2)
seq $((1600 + 1)) $((1600 + POOL)) | xargs -P 4 -I{} bash -c 'echo "{} $(token {})"' | sort -n | cut -d' ' -f2 > "$WORK/tokens"
[[ $(grep -c . "$WORK/tokens") -eq $POOL ]] || { echo "Not every pool employee got a token" >&2; exit 1; }

TEAM_REPORTS="$BENCH_URL/api/v1/performance/team/reports"
TEAM_RESULTS="$BENCH_URL/api/v1/performance/team/periods/$RUNNING/results"
UNIT_RESULTS="$BENCH_URL/api/v1/performance/units/periods/$LAST/results"
people=$(curl -sf "$TEAM_RESULTS" -H "Authorization: Bearer $HEAD_TOKEN" | grep -o '"employeeId"' | wc -l)
units=$(curl -sf "$UNIT_RESULTS" -H "Authorization: Bearer $DG_TOKEN" | grep -o '"unitId"' | wc -l)
rated=$(curl -sf "$UNIT_RESULTS" -H "Authorization: Bearer $DG_TOKEN" | grep -oE '"people":[0-9]+' | cut -d: -f2 | awk '{ s += $1 } END { print s + 0 }')
echo "Kinerja tim: $people people; the directorate-general's roll-up: $units units, $rated people"
[[ $people -eq 49 && $units -eq 100 && $rated -eq 5000 ]] || { echo "Expected 49 people in the team, 100 units and 5,000 people in the roll-up" >&2; exit 1; }

source scripts/bench-measure.sh
cat > "$WORK/put.lua" <<'LUA'
-- Each call writes the first report of a pool employee for one of their office days not reported
-- yet: args are the tokens file (line k: employee 1600 + k) and the slots file ("k date target").
local tokens, slots, n = {}, {}, 0
function init(args)
  for line in io.lines(args[1]) do tokens[#tokens + 1] = line end
  for line in io.lines(args[2]) do
    local k, date, target = line:match("(%d+) (%S+) (%S+)")
    slots[#slots + 1] = { tonumber(k), date, target }
  end
end
function request()
  n = n + 1
  if n == #slots + 1 then io.stderr:write("all " .. #slots .. " report days used: repeating them (refused: non-2xx expected)\n") end
  local slot = slots[(n - 1) % #slots + 1]
  local body = string.format('{"items":[{"activity":"Rapat koordinasi (bench)","output":"Notula rapat","quantity":3,"targetId":"%s"}]}', slot[3])
  return wrk.format("PUT", "/api/v1/performance/reports/days/" .. slot[2],
    { ["Authorization"] = "Bearer " .. tokens[slot[1]], ["Content-Type"] = "application/json" }, body)
end
LUA
cat "$WORK/done.lua" >> "$WORK/put.lua"
slots_file() {
  bench_sql -tA -F' ' -c "SELECT s.k, s.d, s.target FROM bench_report_slots s
    WHERE NOT EXISTS (SELECT 1 FROM work_reports r WHERE r.employee_id = md5('bench-employee-' || (s.k + 1600))::uuid AND r.date = s.d)
    ORDER BY s.slot" > "$WORK/slots"
}


echo "== warm-up"
run_wrk "" 5 -s "$WORK/done.lua" -H "Authorization: Bearer $HEAD_TOKEN" "$TEAM_REPORTS"
run_wrk "" 5 -s "$WORK/done.lua" -H "Authorization: Bearer $HEAD_TOKEN" "$TEAM_RESULTS"
run_wrk "" 5 --timeout 30s -s "$WORK/done.lua" -H "Authorization: Bearer $DG_TOKEN" "$UNIT_RESULTS"

echo "== GET /api/v1/performance/team/reports, 49 people, as their head (wrk -t1 -c$CONNECTIONS -d${DURATION}s)"
run_wrk reports_app "$DURATION" --timeout 30s -s "$WORK/done.lua" -H "Authorization: Bearer $HEAD_TOKEN" "$TEAM_REPORTS"
echo "== GET /api/v1/performance/team/periods/{running}/results, the same team"
run_wrk results_app "$DURATION" --timeout 30s -s "$WORK/done.lua" -H "Authorization: Bearer $HEAD_TOKEN" "$TEAM_RESULTS"
echo "== GET /api/v1/performance/units/periods/{last}/results, the directorate-general's head (100 units, 5,000 people)"
run_wrk units_app "$DURATION" --timeout 30s -s "$WORK/done.lua" -H "Authorization: Bearer $DG_TOKEN" "$UNIT_RESULTS"

echo "== PUT /api/v1/performance/reports/days/{date}, a first report of a distinct person and day per call"
slots_file
before=$(bench_sql -tAc "SELECT count(*) FROM work_reports")
run_wrk put_app "$DURATION" -s "$WORK/put.lua" "$BENCH_URL/api/v1/performance/reports/days" -- "$WORK/tokens" "$WORK/slots"
echo "reports stored during the run: $(($(bench_sql -tAc "SELECT count(*) FROM work_reports") - before)) of $(wc -l < "$WORK/slots") prepared"

echo "== the agency admin's roll-up over every unit (80,000 people), 3 calls one after another"
for _ in 1 2 3; do
  curl -sf -o /dev/null -w "%{time_total} s, %{size_download} bytes\n" "$UNIT_RESULTS" -H "Authorization: Bearer $TOKEN"
done

# What PostgreSQL runs for one call of each GET, replayed by pgbench at the same concurrency.
capture_sql "$WORK/reports.sql" curl -sf -o /dev/null "$TEAM_REPORTS" -H "Authorization: Bearer $HEAD_TOKEN"
capture_sql "$WORK/results.sql" curl -sf -o /dev/null "$TEAM_RESULTS" -H "Authorization: Bearer $HEAD_TOKEN"
capture_sql "$WORK/units.sql" curl -sf -o /dev/null "$UNIT_RESULTS" -H "Authorization: Bearer $DG_TOKEN"
for name in reports results units; do
  echo "== pgbench: the $(grep -c ';$' "$WORK/$name.sql") statements of one $name call (-c$CONNECTIONS -j1 -T$DURATION)"
  # Simple protocol: the literals' "10:00" would read as pgbench variables in extended mode.
  run_pgbench "" 3 "$WORK/$name.sql" -M simple
  run_pgbench "${name}_pg" "$DURATION" "$WORK/$name.sql" -M simple
done

echo
echo "$CONNECTIONS connections, ${DURATION} s per run, $(date -u +%F), $(nproc) cores"
echo "| request | requests/s | p50 | p95 | p99 | non-2xx | CPU per request (app + PostgreSQL) |"
echo "|---|---|---|---|---|---|---|"
row "GET …/team/reports (49 people)" reports_app reports_pg
row "GET …/team/periods/{id}/results (49 people, this month)" results_app results_pg
row "GET …/units/periods/{id}/results (5,000 people, last month)" units_app units_pg
row "PUT …/reports/days/{date}" put_app
