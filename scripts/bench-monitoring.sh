#!/usr/bin/env bash
# Load test of the monitoring (monev) at ministry scale: grows the DEMO agency to 80,000 employees
# (scripts/bench-org.sql) with 2,000,000 scheduled home days spread over the past year
# (scripts/bench-days.sql: one every other week per person), their work reports, last month's
# targets and evaluations, and a year of presence: a check-in and check-out for every working
# day of every person (1 in 40 absent, half of those excused; 1 in 60 office check-ins outside the
# office's radius; positions kept for the last 30 days only). Serves the app in Release, then:
#   GET /api/v1/monitoring/months/{last month}   the whole agency's dashboard (1,781 units and the
#                                                before/after comparison), as the agency admin, with
#                                                wrk; then pgbench on the statements of one call
#   GET /api/v1/monitoring/reports/usage          the usage export per person as XLSX, for 3 and for
#                                                12 months: time, size and the app's peak RSS (VmHWM,
#                                                reset before each export), which must stay flat
#   POST /api/v1/integrations/presence            80 batches of 1,000 check-ins, then 80 of check-outs,
#                                                with an attendance machine's client token
# Exits non-zero when a figure is wrong (rows, people, taps recorded) or when the year's export
# needs more than 1.5 times the quarter's peak memory.
# Needs wrk, pgbench and unzip (apt-get install -y wrk postgresql-client unzip).
# BENCH_REUSE=1 serves the database of the last run again.
# Usage: scripts/bench-monitoring.sh [seconds per run] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-common.sh
DURATION=${1:-20}
CONNECTIONS=${2:-2}
DB=flexwork_bench_monitoring
for tool in wrk pgbench unzip; do
  command -v $tool >/dev/null || { echo "$tool is missing: apt-get install -y wrk postgresql-client unzip" >&2; exit 1; }
done
WORK=$(mktemp -d)
chmod 755 "$WORK"
trap 'rm -rf "$WORK"' EXIT

if [[ "${BENCH_REUSE:-}" == 1 ]] && pg_ensure_cluster >/dev/null && [[ "$(bench_sql -tAc "SELECT count(*) > 10000000 FROM presence_days" 2>/dev/null)" == t ]]; then
  echo "Reusing database $DB"
  bench_env $DB 5063
  dotnet build src/FlexWork.Web -c Release -nologo -clp:ErrorsOnly
  $APP --migrate --no-serve >/dev/null
else
bench_prepare $DB 5063
echo "Growing DEMO to 80,000 more employees with a year of scheduled days, reports and presence"
SECONDS=0
bench_sql -v pool=0 -v org="$PWD/scripts/bench-org.sql" -v days="$PWD/scripts/bench-days.sql" -v weeks_back=50 -v stride=2 <<'SQL'
\i :org
\i :days

CREATE TEMP TABLE people AS SELECT i, md5('bench-employee-' || i)::uuid AS id FROM generate_series(1, 80000) i;
CREATE TEMP TABLE last_period AS
SELECT id, "from", "to" FROM performance_periods WHERE agency_id = (SELECT agency FROM p) AND state = 'Closed' ORDER BY "from" DESC LIMIT 1;

-- Last month's period (the demo's, closed): two agreed targets each, the second counting the
-- reports' quantities, and a final predikat for everyone (mostly Baik).
INSERT INTO performance_targets (id, agency_id, period_id, employee_id, content, pending_change, state, created_at, updated_at, history)
SELECT md5('bench-target-' || i || '-' || t)::uuid, (SELECT agency FROM p), lp.id, pe.id,
       CASE WHEN t = 1
         THEN '{"rhk": "Tersusunnya laporan analisis kebijakan unit", "unit": "dokumen", "value": 2, "aspect": "Kuantitas", "indicator": "Jumlah laporan analisis yang diselesaikan", "qualitative": null, "supportsTargetId": null}'::jsonb
         ELSE '{"rhk": "Terkelolanya data dan arsip kepegawaian digital", "unit": "berkas", "value": 30, "aspect": "Kuantitas", "indicator": "Jumlah berkas yang diolah", "qualitative": null, "supportsTargetId": null}'::jsonb
       END,
       NULL, 'Agreed', (lp."from" - 3)::timestamp AT TIME ZONE 'Asia/Jakarta', (lp."from" - 2)::timestamp AT TIME ZONE 'Asia/Jakarta', '[]'
FROM people pe, last_period lp, generate_series(1, 2) t;
INSERT INTO evaluations (id, agency_id, period_id, employee_id, state, results, behaviour, values, realisations, predikat,
                         evaluator_employee_id, rated_at, final_at, acknowledged_at, updated_at, history)
SELECT md5('bench-evaluation-' || i)::uuid, (SELECT agency FROM p), lp.id, pe.id, 'Final',
       CASE WHEN i % 20 = 0 THEN 'Below' WHEN i % 7 = 0 THEN 'Above' ELSE 'AsExpected' END,
       CASE WHEN i % 7 = 0 THEN 'Above' ELSE 'AsExpected' END, '[]', '[]',
       CASE WHEN i % 20 = 0 THEN 'ButuhPerbaikan' WHEN i % 7 = 0 THEN 'SangatBaik' ELSE 'Baik' END,
       CASE WHEN i > 1600 THEN md5('bench-employee-' || CASE WHEN i % 1600 = 0 THEN 1600 ELSE i % 1600 END)::uuid END,
       lp."to" + 2, lp."to" + 3, lp."to" + 3, lp."to" + 3, '[]'
FROM people pe, last_period lp;

-- A report for every approved home day whose deadline (the next working day, 10:00 WIB) passed,
-- but 1 in 20 missing; in last month's period its quantity counts towards the second target.
INSERT INTO work_reports (id, agency_id, employee_id, date, mode, items, deadline, submitted_at, updated_at, read_at, evidence_files)
SELECT md5('bench-report-' || s.i || '-' || s.d)::uuid, (SELECT agency FROM p), md5('bench-employee-' || s.i)::uuid, s.d, 'Home',
       jsonb_build_array(jsonb_strip_nulls(jsonb_build_object(
         'activity', 'Mengolah dan memutakhirkan data kepegawaian', 'output', 'Data termutakhir', 'quantity', 5 + (s.i + s.d - date '2000-01-01') % 15,
         'targetId', CASE WHEN s.d BETWEEN lp."from" AND lp."to" THEN md5('bench-target-' || s.i || '-2')::uuid END))),
       deadline, deadline - interval '17 hours', deadline - interval '17 hours', deadline + interval '1 day', 0
FROM seeded s JOIN seeded_requests r ON r.i = s.i AND r.month = s.month AND r.status = 'Approved', last_period lp,
     LATERAL (SELECT ((s.d + CASE WHEN extract(isodow FROM s.d) = 5 THEN 3 ELSE 1 END) + time '10:00') AT TIME ZONE 'Asia/Jakarta' AS deadline) x
WHERE deadline < now() AND (s.i + s.d - date '2000-01-01') % 20 <> 7;

-- A year of presence: every working day up to yesterday, in the office unless the schedule says home.
-- Loaded without the secondary indexes and foreign-key triggers, which are rebuilt afterwards (as a
-- restore would): the same table and indexes, in a fraction of the time.
CREATE TEMP TABLE working AS
SELECT d::date AS d FROM generate_series((SELECT today FROM p) - 365, (SELECT today FROM p) - 1, interval '1 day') d
WHERE extract(isodow FROM d) < 6 AND d::date NOT IN (SELECT date FROM holidays);
CREATE TEMP TABLE presence_indexes AS SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'presence_days' AND indexname <> 'pk_presence_days';
DO $$ DECLARE r record; BEGIN FOR r IN SELECT indexname FROM presence_indexes LOOP EXECUTE format('DROP INDEX %I', r.indexname); END LOOP; END $$;
SET session_replication_role = replica;
INSERT INTO presence_days (id, agency_id, employee_id, date, mode, on_non_working_day, checked_in_at, checked_out_at, positions_purged_at,
                           check_in_check_outcome, check_in_check_distance_meters, check_in_check_accuracy_meters, check_in_position_latitude, check_in_position_longitude,
                           check_out_check_outcome, check_out_check_distance_meters, check_out_check_accuracy_meters, check_out_position_latitude, check_out_position_longitude)
SELECT gen_random_uuid(), (SELECT agency FROM p), pe.id, w.d, mode, false, at_in, at_out,
       CASE WHEN NOT kept THEN ((w.d + 31) + time '02:00') AT TIME ZONE 'Asia/Jakarta' END,
       outcome, distance, accuracy, CASE WHEN kept AND outcome <> 'NotGiven' THEN latitude END, CASE WHEN kept AND outcome <> 'NotGiven' THEN longitude END,
       CASE WHEN at_out IS NOT NULL THEN outcome END, CASE WHEN at_out IS NOT NULL THEN distance END, CASE WHEN at_out IS NOT NULL THEN accuracy END,
       CASE WHEN at_out IS NOT NULL AND kept AND outcome <> 'NotGiven' THEN latitude END, CASE WHEN at_out IS NOT NULL AND kept AND outcome <> 'NotGiven' THEN longitude END
FROM people pe CROSS JOIN working w
LEFT JOIN seeded s ON s.i = pe.i AND s.d = w.d,
LATERAL (SELECT pe.i * 7 + (w.d - date '2000-01-01') AS k, w.d >= (SELECT today FROM p) - 30 AS kept,
                CASE WHEN s.i IS NULL THEN 'Office' ELSE 'Home' END AS mode) a,
LATERAL (SELECT (w.d + time '07:00' + (k % 50) * interval '1 minute') AT TIME ZONE 'Asia/Jakarta' AS at_in,
                CASE WHEN mode = 'Office' AND k % 60 = 5 THEN 'Outside' WHEN mode = 'Home' AND k % 30 = 7 THEN 'NotGiven' ELSE 'Inside' END AS outcome) b,
LATERAL (SELECT CASE WHEN k % 100 <> 11 THEN at_in + interval '8 hours 35 minutes' + (k % 40) * interval '1 minute' END AS at_out,
                CASE outcome WHEN 'Outside' THEN 1500 + k % 2500 WHEN 'Inside' THEN k % 150 END AS distance,
                CASE WHEN outcome <> 'NotGiven' THEN 8 + k % 40 END AS accuracy,
                -6.1754 + (k % 200 - 100) / 100000.0 AS latitude, 106.8272 + (k % 190 - 95) / 100000.0 AS longitude) c
WHERE k % 40 <> 3
ORDER BY w.d, pe.i; -- as people check in, day after day: a day's rows lie together
SET session_replication_role = DEFAULT;
DO $$ DECLARE r record; BEGIN FOR r IN SELECT indexdef FROM presence_indexes LOOP EXECUTE r.indexdef; END LOOP; END $$;

-- Half of the absences excused (leave or sick), approved by the supervisor.
INSERT INTO presence_corrections (id, agency_id, employee_id, date, reason, requested_at, status, decider_employee_id, decided_at, excuse)
SELECT gen_random_uuid(), (SELECT agency FROM p), pe.id, w.d, CASE WHEN k % 160 = 3 THEN 'Sakit, surat dokter terlampir' ELSE 'Cuti tahunan' END,
       (w.d - 3)::timestamp AT TIME ZONE 'Asia/Jakarta', 'Approved',
       CASE WHEN pe.i > 1600 THEN md5('bench-employee-' || CASE WHEN pe.i % 1600 = 0 THEN 1600 ELSE pe.i % 1600 END)::uuid END,
       (w.d - 2)::timestamp AT TIME ZONE 'Asia/Jakarta', CASE WHEN k % 160 = 3 THEN 'Sick' ELSE 'Leave' END
FROM people pe CROSS JOIN working w, LATERAL (SELECT pe.i * 7 + (w.d - date '2000-01-01') AS k) a
WHERE k % 80 = 3;
SQL
bench_sql -c "VACUUM ANALYZE" -c "CHECKPOINT"
echo "Data ready in ${SECONDS}s: $(bench_sql -tAc "SELECT (SELECT count(*) FROM employees) || ' employees, '
  || (SELECT count(*) FROM organization_units) || ' units, '
  || (SELECT count(*) FROM request_days d JOIN work_requests r ON r.id = d.request_id WHERE r.status IN ('Submitted', 'Approved')) || ' scheduled days, '
  || (SELECT count(*) FROM work_reports) || ' work reports, ' || (SELECT count(*) FROM presence_days) || ' presence days ('
  || (SELECT min(date) || ' to ' || max(date) FROM presence_days) || '), ' || (SELECT count(*) FROM presence_corrections) || ' excuses'")"
fi

read -r LAST_MONTH YEAR_FROM QUARTER_FROM UNITS PEOPLE < <(bench_sql -tA -F' ' -c "
  SELECT to_char(m - interval '1 month', 'YYYY-MM'), to_char(m - interval '12 months', 'YYYY-MM'), to_char(m - interval '3 months', 'YYYY-MM'),
         (SELECT count(DISTINCT unit_id) FROM employees e JOIN agencies a ON a.id = e.agency_id WHERE a.code = 'DEMO' AND e.is_active),
         (SELECT count(*) FROM employees e JOIN agencies a ON a.id = e.agency_id WHERE a.code = 'DEMO' AND e.is_active)
  FROM (SELECT date_trunc('month', now() AT TIME ZONE 'Asia/Jakarta') AS m) t")

bench_start "$WORK/app.log"
trap 'kill $BENCH_PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
source scripts/bench-measure.sh

DASHBOARD="$BENCH_URL/api/v1/monitoring/months/$LAST_MONTH"
curl -sf "$DASHBOARD" -H "Authorization: Bearer $TOKEN" > "$WORK/dashboard.json"
rows=$(grep -o '"nip":' "$WORK/dashboard.json" | wc -l)
people=$(grep -oP '"total":\{"people":\K[0-9]+' "$WORK/dashboard.json")
echo "Dashboard of $LAST_MONTH: $rows units, $people people ($(wc -c < "$WORK/dashboard.json") bytes)"
[[ $rows -eq $UNITS && $people -eq $PEOPLE ]] || { echo "Expected $UNITS units and $PEOPLE people on the dashboard" >&2; exit 1; }

echo "== warm-up"
run_wrk "" 10 --timeout 60s -s "$WORK/done.lua" -H "Authorization: Bearer $TOKEN" "$DASHBOARD"
echo "== GET /api/v1/monitoring/months/$LAST_MONTH, the whole agency, as its admin (wrk -t1 -c$CONNECTIONS -d${DURATION}s)"
run_wrk dashboard_app "$DURATION" --timeout 60s -s "$WORK/done.lua" -H "Authorization: Bearer $TOKEN" "$DASHBOARD"

capture_sql "$WORK/dashboard.sql" curl -sf -o /dev/null "$DASHBOARD" -H "Authorization: Bearer $TOKEN"
echo "== pgbench: the $(grep -c ';$' "$WORK/dashboard.sql") statements of one dashboard call (-c$CONNECTIONS -j1 -T$DURATION)"
run_pgbench "" 5 "$WORK/dashboard.sql" -M simple
run_pgbench dashboard_pg "$DURATION" "$WORK/dashboard.sql" -M simple

# The usage export per person as XLSX for a quarter and for a year: the rows grow fourfold, the
# app's peak memory must not. The peak (VmHWM) is reset before each export (clear_refs 5).
declare -A EXPORT
export_usage() { # name, first month
  local file="$WORK/usage-$1.xlsx" rss timing
  quiet
  echo 5 > "/proc/$BENCH_PID/clear_refs"
  rss=$(grep -oP '^VmRSS:\s+\K[0-9]+' "/proc/$BENCH_PID/status")
  timing=$(curl -sf -o "$file" -w '%{time_total} %{size_download}' -H "Authorization: Bearer $TOKEN" \
    "$BENCH_URL/api/v1/monitoring/reports/usage?from=$2&to=$LAST_MONTH&format=xlsx&level=person")
  local rows
  rows=$(($(unzip -p "$file" 'xl/worksheets/sheet1.xml' | grep -o '<row' | wc -l) - 1))
  EXPORT[$1]="$2 $rows $timing $rss $(grep -oP '^VmHWM:\s+\K[0-9]+' "/proc/$BENCH_PID/status")"
  echo "usage export from $2 to $LAST_MONTH: $rows rows, ${EXPORT[$1]#* * } (s, bytes, RSS before and peak in kB)"
}
echo "== GET /api/v1/monitoring/reports/usage?level=person&format=xlsx, 3 and 12 months"
curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "$BENCH_URL/api/v1/monitoring/reports/usage?from=$LAST_MONTH&to=$LAST_MONTH&format=xlsx&level=person" # warm-up
export_usage quarter "$QUARTER_FROM"
export_usage year "$YEAR_FROM"

# Check-ins from an attendance machine: a client created by the admin, its token, and 80 batches
# of 1,000 check-ins (every generated employee once, today), then 80 of check-outs.
bench_sql -c "DELETE FROM presence_events WHERE event_id LIKE 'bench-%'" \
  -c "DELETE FROM presence_days WHERE date >= (now() AT TIME ZONE 'Asia/Jakarta')::date AND employee_id IN (SELECT md5('bench-employee-' || i)::uuid FROM generate_series(1, 80000) i)"
client=$(curl -sf -X POST "$BENCH_URL/api/v1/admin/integration-clients" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{"name":"Mesin presensi (bench)"}')
MACHINE=$(curl -sf -X POST "$BENCH_URL/api/v1/integrations/token" -d grant_type=client_credentials \
  --data-urlencode "client_id=$(echo "$client" | grep -oP '"clientId":"\K[^"]+')" --data-urlencode "client_secret=$(echo "$client" | grep -oP '"clientSecret":"\K[^"]+')" \
  | grep -oP '"access_token":"\K[^"]+')
mkdir "$WORK/batches"
bench_sql -tA -c "
  SELECT jsonb_build_object('events', jsonb_agg(jsonb_build_object('eventId', 'bench-' || kind || '-' || i, 'nip', e.nip,
           'at', to_char((now() - CASE kind WHEN 'CheckIn' THEN interval '2 minutes' ELSE interval '1 minute' END) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),
           'kind', kind) ORDER BY i))
  FROM generate_series(1, 80000) i JOIN employees e ON e.id = md5('bench-employee-' || i)::uuid, unnest(ARRAY['CheckIn', 'CheckOut']) kind
  GROUP BY kind, (i - 1) / 1000 ORDER BY kind DESC, (i - 1) / 1000" | split -l 1 -a 3 - "$WORK/batches/"
echo "== POST /api/v1/integrations/presence: $(ls "$WORK/batches" | wc -l) batches of 1,000 taps, $CONNECTIONS at a time"
quiet
before=$(ticks)
start=$(date +%s.%N)
# The check-ins first, then the check-outs: each group in parallel, one after the other.
for group in CheckIn CheckOut; do
  grep -l "\"kind\": \"$group\"" "$WORK"/batches/??? | xargs -P "$CONNECTIONS" -I{} curl -s -o {}.out -w '%{http_code} %{time_total}\n' -X POST \
    "$BENCH_URL/api/v1/integrations/presence" -H "Authorization: Bearer $MACHINE" -H 'Content-Type: application/json' --data-binary @{} || true
done > "$WORK/batch-answers"
elapsed=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
failed=$(grep -vc '^200 ' "$WORK/batch-answers" || true)
[[ $failed -eq 0 ]] || { echo "$failed batches were not answered 200: $(grep -v '^200 ' "$WORK/batch-answers" | cut -d' ' -f1 | sort | uniq -c | xargs)" >&2; exit 1; }
recorded=$(cat "$WORK"/batches/*.out | grep -oP '"recorded":\K[0-9]+' | awk '{ s += $1 } END { print s + 0 }')
cut -d' ' -f2 "$WORK/batch-answers" > "$WORK/batch-times"
sort -n "$WORK/batch-times" > "$WORK/batch-sorted"
batches=$(wc -l < "$WORK/batch-sorted")
bpct() { awk -v n="$batches" -v p="$1" 'NR == int((n * p + 99) / 100) { printf "%.0f", $1 * 1000; exit }' "$WORK/batch-sorted"; }
read -r app_ms pg_ms <<< "$(cpu_per_request "$before" "$(ticks)" "$((batches * 1000))")"
TAPS="$recorded $elapsed $(bpct 50) $(bpct 95) $app_ms $pg_ms"
echo "taps recorded: $recorded of $((batches * 1000)) in $elapsed s; per batch p50 $(bpct 50) ms, p95 $(bpct 95) ms; CPU per tap $app_ms ms app + $pg_ms ms PostgreSQL"
[[ $recorded -eq $((batches * 1000)) ]] || { echo "Every tap should have been recorded" >&2; exit 1; }

echo
echo "$CONNECTIONS connections, ${DURATION} s per run, $(date -u +%F), $(nproc) cores, $(free -g | awk '/^Mem/ { print $2 }') GiB"
echo "| request | requests/s | p50 | p95 | p99 | non-2xx | CPU per request (app + PostgreSQL) |"
echo "|---|---|---|---|---|---|---|"
row "GET /api/v1/monitoring/months/$LAST_MONTH (whole agency)" dashboard_app dashboard_pg
echo
echo "| usage export per person, XLSX | rows | time | size | app RSS before | app peak RSS |"
echo "|---|---|---|---|---|---|"
for name in quarter year; do
  read -r from rows time size rss peak <<< "${EXPORT[$name]}"
  echo "| $from to $LAST_MONTH | $rows | $time s | $((size / 1024 / 1024)) MB | $((rss / 1024)) MB | $((peak / 1024)) MB |"
done
read -r _ _ _ _ _ quarter_peak <<< "${EXPORT[quarter]}"
read -r _ year_rows _ _ _ year_peak <<< "${EXPORT[year]}"
read -r _ quarter_rows _ <<< "${EXPORT[quarter]}"
echo
read -r recorded elapsed p50 p95 app_ms pg_ms <<< "$TAPS"
echo "| integration taps | taps/s | batch p50 | batch p95 | CPU per tap (app + PostgreSQL) |"
echo "|---|---|---|---|---|"
echo "| $recorded in batches of 1,000, $CONNECTIONS at a time | $(awk -v n="$recorded" -v s="$elapsed" 'BEGIN { printf "%.0f", n / s }') | $p50 ms | $p95 ms | $app_ms + $pg_ms ms |"

[[ $year_rows -gt $((3 * quarter_rows)) ]] || { echo "The year's export should hold about four times the quarter's rows" >&2; exit 1; }
awk -v y="$year_peak" -v q="$quarter_peak" 'BEGIN { exit !(y <= 1.5 * q) }' \
  || { echo "The year's export took more than 1.5 times the quarter's peak memory: it is not streamed" >&2; exit 1; }
