#!/usr/bin/env bash
# Load test of submitting requests and of the team schedule at ministry scale: grows the DEMO
# agency to 80,000 employees (1,600 units of 50) with 2,000,000 scheduled remote days in a
# throwaway database, serves the app in Release and drives POST /api/v1/requests (a distinct,
# valid one-day submission per call, from a pool of employees with their own tokens) and
# GET /api/v1/schedule/team (a month of one 50-person unit, as its head) with wrk. Then runs the
# same SQL statements with pgbench at the same concurrency, for the database's own limit.
# Needs wrk (apt-get install wrk) and pgbench. BENCH_REUSE=1 serves the database of the last run
# again; BENCH_SHOW_SQL=1 also prints the statements of one POST and one GET as PostgreSQL logs them.
# Usage: scripts/bench-requests.sh [seconds per run] [employees posting] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-common.sh
DURATION=${1:-15}
POOL=${2:-600}
CONNECTIONS=${3:-8}
DB=flexwork_bench_requests
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
command -v pgbench >/dev/null || { echo "pgbench is missing: apt-get install -y postgresql-client" >&2; exit 1; }
WORK=$(mktemp -d)
chmod 755 "$WORK"
trap 'rm -rf "$WORK"' EXIT

# What pgbench submitted is removed again (days and history go with the requests; audit rows stay,
# the log is append-only), so that the pool's prepared submissions stay valid.
pgbench_cleanup() {
  bench_sql -c "DELETE FROM notifications WHERE subject_id IN (SELECT id FROM work_requests WHERE reason = 'Menyusun laporan bulanan (pgbench)')" \
    -c "DELETE FROM work_requests WHERE reason = 'Menyusun laporan bulanan (pgbench)'"
}

# BENCH_REUSE=1 serves the database of an earlier run again (after building and migrating), e.g.
# to compare two versions of the app on the same data; submissions already made are skipped.
if [[ "${BENCH_REUSE:-}" == 1 ]] && pg_ensure_cluster >/dev/null && [[ "$(bench_sql -tAc "SELECT to_regclass('bench_slots') IS NOT NULL" 2>/dev/null)" == t ]]; then
  echo "Reusing database $DB"
  bench_env $DB 5061
  dotnet build src/FlexWork.Web -c Release -nologo -clp:ErrorsOnly
  $APP --migrate --no-serve >/dev/null
  POOL=$(bench_sql -tAc "SELECT max(k) FROM bench_slots")
  pgbench_cleanup
else
bench_prepare $DB 5061
echo "Growing DEMO to 80,000 more employees and 2,000,000 scheduled days"
SECONDS=0
bench_sql -v pool="$POOL" -v org="$PWD/scripts/bench-org.sql" -v days="$PWD/scripts/bench-days.sql" -v weeks_back=12 -v stride=1 <<'SQL'
\i :org

-- 25 remote days each, one a week from 12 weeks before this week (bench-days.sql). Weekly cap 2
-- and monthly cap 8 leave room for the submissions below.
\i :days

-- What the pool may still submit: per person a second weekday ((i + 2) % 5) in the weeks from 4
-- days ahead until the seeded range ends, within the monthly cap of 8 (the weekly cap of 2 holds).
CREATE TABLE bench_slots AS
WITH counts AS (SELECT i, month, count(*) AS seeded FROM seeded WHERE i BETWEEN 1601 AND 1600 + :pool GROUP BY i, month),
     candidates AS (SELECT i, (SELECT seed_start FROM p) + 7 * w + (i + 2) % 5 AS d FROM generate_series(1601, 1600 + :pool) i, generate_series(0, 24) w),
     allowed AS (
       SELECT c.i, c.d, coalesce(n.seeded, 0) + row_number() OVER (PARTITION BY c.i, date_trunc('month', c.d) ORDER BY c.d) AS in_month
       FROM candidates c LEFT JOIN counts n ON n.i = c.i AND n.month = date_trunc('month', c.d)::date
       WHERE c.d > (SELECT today FROM p) + 3 AND c.d NOT IN (SELECT date FROM holidays))
SELECT row_number() OVER (ORDER BY n, i) AS slot, i - 1600 AS k, d
FROM (SELECT i, d, row_number() OVER (PARTITION BY i ORDER BY d) AS n FROM allowed WHERE in_month <= 8) x;
SQL
# The database's owner owns the pool's table too: migrating again (BENCH_REUSE) grants the app role every table.
bench_sql -c "ALTER TABLE bench_slots OWNER TO $PG_OWNER_USER" -c "VACUUM ANALYZE" -c "CHECKPOINT" # as autovacuum would have done by the time people plan; written out
echo "Data ready in ${SECONDS}s: $(bench_sql -tAc "SELECT (SELECT count(*) FROM employees e JOIN agencies a ON a.id = e.agency_id WHERE a.code = 'DEMO') || ' employees in DEMO, '
  || (SELECT count(*) FROM request_days d JOIN work_requests r ON r.id = d.request_id WHERE r.status IN ('Submitted', 'Approved')) || ' scheduled days, '
  || (SELECT count(*) FROM work_requests) || ' requests, ' || (SELECT count(*) FROM bench_slots) || ' submissions possible for the pool'")"
fi

# What the runs need: the agency, the month shown, the team (leaf 1, head = employee 1), the pool's window.
read -r AG TODAY MONTH_FROM MONTH_TO TEAM_UNIT HEAD SLOT_BASE SLOT_WEEKS < <(bench_sql -tA -F' ' -c "
  SELECT a.id, t.today, date_trunc('month', t.today)::date, (date_trunc('month', t.today) + interval '1 month - 1 day')::date,
         md5('bench-unit-leaf-1')::uuid, md5('bench-employee-1')::uuid, s.first, (s.last - s.first) / 7 + 1
  FROM agencies a, (SELECT (now() AT TIME ZONE 'Asia/Jakarta')::date AS today) t,
       (SELECT date_trunc('week', min(d))::date AS first, date_trunc('week', max(d))::date AS last FROM bench_slots) s
  WHERE a.code = 'DEMO'")
TEAM_IDS=$(bench_sql -tAc "SELECT '{' || string_agg(id::text, ',' ORDER BY full_name) || '}' FROM employees WHERE unit_id = '$TEAM_UNIT' AND is_active")

export LoginRateLimit__PermitLimit=100000 # the pool signs in from one address
bench_start "$WORK/app.log"
trap 'kill $BENCH_PID 2>/dev/null || true; rm -rf "$WORK"' EXIT

token() {
  curl -sf -X POST "$BENCH_URL/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"email\":\"bench$1@demo.go.id\",\"password\":\"Demo#FlexWork2025\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/'
}
export -f token
export BENCH_URL
echo "Signing in the team's head and $POOL employees"
HEAD_TOKEN=$(token 1)
seq $((1600 + 1)) $((1600 + POOL)) | xargs -P 4 -I{} bash -c 'echo "{} $(token {})"' | sort -n | cut -d' ' -f2 > "$WORK/tokens"
[[ $(grep -c . "$WORK/tokens") -eq $POOL ]] || { echo "Not every pool employee got a token" >&2; exit 1; }

TEAM_URL="$BENCH_URL/api/v1/schedule/team?from=$MONTH_FROM&to=$MONTH_TO&unit=$TEAM_UNIT"
members=$(curl -sf "$TEAM_URL" -H "Authorization: Bearer $HEAD_TOKEN" | grep -o '"employeeId"' | wc -l)
echo "Team schedule $MONTH_FROM..$MONTH_TO of unit $TEAM_UNIT: $members people"
[[ $members -eq 50 ]] || { echo "The team schedule should show 50 people" >&2; exit 1; }

# The pool's submissions not made yet, in order: token line, date, end of the day.
slots_file() {
  bench_sql -tA -F' ' -c "SELECT s.k, s.d, CASE WHEN extract(isodow FROM s.d) = 5 THEN '16:30' ELSE '16:00' END FROM bench_slots s
    WHERE NOT EXISTS (SELECT 1 FROM work_requests r JOIN request_days rd ON rd.request_id = r.id
                      WHERE r.agency_id = '$AG' AND r.employee_id = md5('bench-employee-' || (s.k + 1600))::uuid AND rd.date = s.d)
    ORDER BY s.slot" > "$WORK/slots"
}

cat > "$WORK/post.lua" <<'LUA'
-- Each call submits a distinct, valid one-day request of a pool employee: args are the tokens file
-- (line k: employee 1600 + k) and the slots file ("k date end" per line, never used yet).
local tokens, slots, n = {}, {}, 0
function init(args)
  for line in io.lines(args[1]) do tokens[#tokens + 1] = line end
  for line in io.lines(args[2]) do
    local k, date, finish = line:match("(%d+) (%S+) (%S+)")
    slots[#slots + 1] = { tonumber(k), date, finish }
  end
end
function request()
  n = n + 1
  if n == #slots + 1 then io.stderr:write("all " .. #slots .. " submissions used: repeating them (refused: non-2xx expected)\n") end
  local slot = slots[(n - 1) % #slots + 1]
  local body = string.format('{"days":[{"date":"%s","mode":"Home","start":"07:30","end":"%s"}],"reason":"Menyusun laporan bulanan",'
    .. '"workPlan":[{"output":"Laporan bulanan","indicator":"Selesai tepat waktu","target":"1 dokumen"}]}', slot[2], slot[3])
  return wrk.format("POST", "/api/v1/requests",
    { ["Authorization"] = "Bearer " .. tokens[slot[1]], ["Content-Type"] = "application/json" }, body)
end
LUA
source scripts/bench-measure.sh
cat "$WORK/done.lua" >> "$WORK/post.lua"


submitted() { bench_sql -tAc "SELECT count(*) FROM work_requests WHERE agency_id = '$AG' AND reason = 'Menyusun laporan bulanan'"; }
echo "== warm-up: 10 s of submissions, 5 s of the team schedule"
slots_file
run_wrk "" 10 -s "$WORK/post.lua" "$BENCH_URL/api/v1/requests" -- "$WORK/tokens" "$WORK/slots"
run_wrk "" 5 -s "$WORK/done.lua" -H "Authorization: Bearer $HEAD_TOKEN" "$TEAM_URL"

echo "== POST /api/v1/requests (wrk -t1 -c$CONNECTIONS -d${DURATION}s, one token per employee, each body a new valid day)"
slots_file
before=$(submitted)
log_lines=$(wc -l < "$WORK/app.log")
run_wrk post_app "$DURATION" -s "$WORK/post.lua" "$BENCH_URL/api/v1/requests" -- "$WORK/tokens" "$WORK/slots"
echo "requests stored during the run: $(($(submitted) - before)) of $(wc -l < "$WORK/slots") prepared"
tail -n +$((log_lines + 1)) "$WORK/app.log" | grep -oE '"@x":"[A-Za-z.]+' | sort | uniq -c | sed 's/"@x":"/exceptions logged: /' || true

echo "== GET /api/v1/schedule/team, $MONTH_FROM..$MONTH_TO of the 50-person unit, as its head (wrk -t1 -c$CONNECTIONS -d${DURATION}s)"
run_wrk get_app "$DURATION" -s "$WORK/done.lua" -H "Authorization: Bearer $HEAD_TOKEN" "$TEAM_URL"

# BENCH_SHOW_SQL=1 prints what PostgreSQL logs for one more POST and one more GET, to keep the pgbench
# scripts below in step with the app.
if [[ "${BENCH_SHOW_SQL:-}" == 1 ]]; then
  slots_file
  read -r k day finish < "$WORK/slots"
  pg_psql -qc "ALTER SYSTEM SET log_statement = 'all'" -c "SELECT pg_reload_conf()" >/dev/null
  sleep 1
  log_lines=$(wc -l < "$PG_DIR/server.log")
  curl -sf -o /dev/null -X POST "$BENCH_URL/api/v1/requests" -H "Authorization: Bearer $(sed -n "${k}p" "$WORK/tokens")" \
    -H 'Content-Type: application/json' -d "{\"days\":[{\"date\":\"$day\",\"mode\":\"Home\",\"start\":\"07:30\",\"end\":\"$finish\"}],
      \"reason\":\"Menyusun laporan bulanan\",\"workPlan\":[{\"output\":\"Laporan bulanan\",\"indicator\":\"Selesai tepat waktu\",\"target\":\"1 dokumen\"}]}" || echo "(the POST was refused)"
  curl -sf -o /dev/null "$TEAM_URL" -H "Authorization: Bearer $HEAD_TOKEN" || echo "(the GET was refused)"
  sleep 1
  pg_psql -qc "ALTER SYSTEM RESET log_statement" -c "SELECT pg_reload_conf()" >/dev/null
  echo "== what PostgreSQL ran for one POST, then for one GET"
  tail -n +$((log_lines + 1)) "$PG_DIR/server.log" | grep -vE "ALTER SYSTEM|pg_reload_conf|SIGHUP|configuration file|parameter \""
fi

# The same statements straight to PostgreSQL, as the app sends them (captured with log_statement =
# all): extended protocol with unnamed statements (-M extended), the pool's connection reset
# (DISCARD ALL) at each checkout, the POST's work in one transaction and its inserts in one batch.
cat > "$WORK/post.sql" <<'SQL'
\set i 1600 + random(1, :pool)
\set u :i % 1600
\set h CASE WHEN :u = 0 THEN 1600 ELSE :u END
\set r random(1, 1000000000000000)
\set dn 7 * random(0, :weeks - 1) + random(0, 4)
DISCARD ALL;
BEGIN TRANSACTION ISOLATION LEVEL READ COMMITTED;
SELECT pg_advisory_xact_lock(:i);
SELECT e.id AS "Id", e.unit_id AS "UnitId", e.agency_id AS "AgencyId", e.time_zone_id AS "TimeZoneId", e.position_start_date AS "PositionStartDate",
       e.disciplinary_status AS "DisciplinaryStatus", e.disciplinary_from AS "DisciplinaryFrom", e.disciplinary_until AS "DisciplinaryUntil",
       e.eligibility_override_kind AS "EligibilityOverrideKind", e.eligibility_override_until AS "EligibilityOverrideUntil", (
    SELECT p.is_flexible_work_eligible FROM positions AS p WHERE p.agency_id = :ag AND p.id = e.position_id LIMIT 1) AS "PositionEligible"
FROM employees AS e WHERE e.agency_id = :ag AND e.id = md5('bench-employee-' || :i)::uuid LIMIT 2;
SELECT o.id AS "Id", o.parent_id AS "ParentId", o.time_zone_id AS "TimeZoneId" FROM organization_units AS o WHERE o.agency_id = :ag;
SELECT a.time_zone_id FROM agencies AS a WHERE a.id = :ag LIMIT 2;
SELECT p.id, p.agency_id, p.based_on_number, p.effective_from, p.legal_reference, p.number, p.published_at, p.published_by_user_id, p.settings, p.status, p.updated_at, p.xmin
FROM policy_versions AS p WHERE p.agency_id = :ag AND p.status = 'Published' AND p.effective_from <= :today::date
ORDER BY p.effective_from DESC, p.number DESC LIMIT 1;
SELECT r0.date AS "Date", r0.mode AS "Mode", r0.start AS "Start", r0."end" AS "End", w.status AS "Status", w.cancelled_from AS "CancelledFrom"
FROM work_requests AS w
INNER JOIN (
    SELECT r.request_id, r.date, r."end", r.mode, r.start FROM request_days AS r
    WHERE r.date >= least(date_trunc('week', (:base::date + :dn::int)::timestamp), date_trunc('month', (:base::date + :dn::int)::timestamp))::date
      AND r.date <= greatest(date_trunc('week', (:base::date + :dn::int)::timestamp) + interval '6 days', date_trunc('month', (:base::date + :dn::int)::timestamp) + interval '1 month - 1 day')::date
) AS r0 ON w.id = r0.request_id
WHERE w.agency_id = :ag AND (w.status IN ('Submitted', 'Approved') OR (w.status IN ('Withdrawn', 'Revoked') AND w.cancelled_from IS NOT NULL))
  AND w.employee_id = md5('bench-employee-' || :i)::uuid AND w.id <> md5('pgbench-' || :r)::uuid;
SELECT w.employee_id AS "EmployeeId", r0.date AS "Date", w.status AS "Status", w.cancelled_from AS "CancelledFrom"
FROM work_requests AS w
INNER JOIN (
    SELECT r.request_id, r.date FROM request_days AS r
    WHERE r.date >= least(date_trunc('week', (:base::date + :dn::int)::timestamp), date_trunc('month', (:base::date + :dn::int)::timestamp))::date
      AND r.date <= greatest(date_trunc('week', (:base::date + :dn::int)::timestamp) + interval '6 days', date_trunc('month', (:base::date + :dn::int)::timestamp) + interval '1 month - 1 day')::date
      AND r.mode <> 'Office'
) AS r0 ON w.id = r0.request_id
WHERE w.agency_id = :ag AND (w.status IN ('Submitted', 'Approved') OR (w.status IN ('Withdrawn', 'Revoked') AND w.cancelled_from IS NOT NULL)) AND w.employee_id IN (
    SELECT e.id FROM employees AS e
    WHERE e.agency_id = :ag AND e.unit_id = md5('bench-unit-leaf-' || :u)::uuid AND e.is_active AND e.id <> md5('bench-employee-' || :i)::uuid);
SELECT c.date AS "Date", c.kind AS "Kind", c.unit_id AS "UnitId" FROM calendar_entries AS c
WHERE c.agency_id = :ag AND c.date >= :weekstart::date AND c.date <= date_trunc('week', (:base::date + :dn::int)::timestamp)::date + 37;
SELECT a.id, a.address, a.agency_id, a.is_active, a.kind, a.latitude, a.longitude, a.name, a.radius_meters, a.xmin
FROM approved_locations AS a WHERE a.agency_id = :ag AND a.is_active;
SELECT count(*)::int FROM employees AS e WHERE e.agency_id = :ag AND e.unit_id = md5('bench-unit-leaf-' || :u)::uuid AND e.is_active;
SELECT e.supervisor_id AS "SupervisorId", e.unit_id AS "UnitId" FROM employees AS e WHERE e.agency_id = :ag AND e.id = md5('bench-employee-' || :i)::uuid LIMIT 2;
SELECT e.full_name FROM employees AS e WHERE e.agency_id = :ag AND e.id = md5('bench-employee-' || :i)::uuid LIMIT 2;
SAVEPOINT "__EFSavePoint";
\startpipeline
INSERT INTO audit_log (action, agency_id, changes, entity_id, entity_type, ip_address, occurred_at, user_id)
VALUES ('Added', :ag, '{"Id": {"after": "01a2330a-d245-7bcc-bb60-f25eac73dc42", "before": null}, "Level": {"after": 1, "before": null}, "Route": {"after": 1, "before": null}, "Reason": {"after": "Menyusun laporan bulanan", "before": null}, "Status": {"after": 1, "before": null}, "AgencyId": {"after": "01a23301-4499-74a1-8318-7e470c60dcf5", "before": null}, "Findings": {"after": [], "before": null}, "WorkPlan": {"after": [{"Output": "Laporan bulanan", "Target": "1 dokumen", "Indicator": "Selesai tepat waktu"}], "before": null}, "CreatedAt": {"after": "2026-12-01T19:17:56.9327898+00:00", "before": null}, "UpdatedAt": {"after": "2026-12-01T19:17:58.181556+00:00", "before": null}, "EmployeeId": {"after": "063e16b6-e568-6eee-b6cf-96b1ce2189ba", "before": null}, "HasEvidence": {"after": false, "before": null}, "SubmittedAt": {"after": "2026-12-01T19:17:58.181556+00:00", "before": null}, "CancelledFrom": {"after": null, "before": null}, "LastEscalatedAt": {"after": null, "before": null}, "ClientSubmissionId": {"after": null, "before": null}, "PolicyVersionNumber": {"after": 1, "before": null}}',
        md5('pgbench-' || :r)::uuid::text, 'WorkRequest', '127.0.0.1', now(), md5('bench-user-' || :i)::uuid::text)
RETURNING id;
INSERT INTO notifications (id, agency_id, created_at, kind, read_at, recipient_employee_id, subject_id, subject_name)
VALUES (gen_random_uuid(), :ag, now(), 'Submitted', NULL, md5('bench-employee-' || :h)::uuid, md5('pgbench-' || :r)::uuid, 'Indra Nasution 2200');
INSERT INTO work_requests (id, agency_id, cancelled_from, client_submission_id, created_at, employee_id, findings, has_evidence, last_escalated_at, level,
                           policy_version_number, reason, route, status, submitted_at, updated_at, work_plan)
VALUES (md5('pgbench-' || :r)::uuid, :ag, NULL, NULL, now(), md5('bench-employee-' || :i)::uuid, '[]', false, NULL, 1, 1, 'Menyusun laporan bulanan (pgbench)',
        'Supervisor', 'Submitted', now(), now(), '[{"output": "Laporan bulanan", "target": "1 dokumen", "indicator": "Selesai tepat waktu"}]')
RETURNING xmin;
INSERT INTO request_days (request_id, address, date, "end", location_id, mode, start)
VALUES (md5('pgbench-' || :r)::uuid, NULL, :base::date + :dn::int, '16:00', NULL, 'Home', '07:30')
RETURNING id;
INSERT INTO request_transitions (request_id, actor_user_id, at, comment, "from", level, on_behalf_of_user_id, "to")
VALUES (md5('pgbench-' || :r)::uuid, md5('bench-user-' || :i)::uuid::text, now(), NULL, 'Draft', 1, NULL, 'Submitted')
RETURNING id;
\endpipeline
RELEASE SAVEPOINT "__EFSavePoint";
COMMIT;
DISCARD ALL;
SELECT w.id, w.agency_id, w.cancelled_from, w.client_submission_id, w.created_at, w.employee_id, w.findings, w.has_evidence, w.last_escalated_at, w.level,
       w.policy_version_number, w.reason, w.route, w.status, w.submitted_at, w.updated_at, w.xmin, w.work_plan
FROM work_requests AS w WHERE w.agency_id = :ag AND w.id = md5('pgbench-' || :r)::uuid ORDER BY w.id LIMIT 2;
SELECT r1.request_id, r1.id, r1.address, r1.date, r1."end", r1.location_id, r1.mode, r1.start, w0.id
FROM (SELECT w.id FROM work_requests AS w WHERE w.agency_id = :ag AND w.id = md5('pgbench-' || :r)::uuid ORDER BY w.id LIMIT 1) AS w0
INNER JOIN request_days AS r1 ON w0.id = r1.request_id ORDER BY w0.id;
SELECT r2.request_id, r2.id, r2.actor_user_id, r2.at, r2.comment, r2."from", r2.level, r2.on_behalf_of_user_id, r2."to", w1.id
FROM (SELECT w.id FROM work_requests AS w WHERE w.agency_id = :ag AND w.id = md5('pgbench-' || :r)::uuid ORDER BY w.id LIMIT 1) AS w1
INNER JOIN request_transitions AS r2 ON w1.id = r2.request_id ORDER BY w1.id;
DISCARD ALL;
SELECT e.full_name FROM employees AS e WHERE e.agency_id = :ag AND e.id = md5('bench-employee-' || :i)::uuid LIMIT 2;
SQL
cat > "$WORK/team.sql" <<'SQL'
DISCARD ALL;
SELECT o.id AS "Id", o.parent_id AS "ParentId", o.head_employee_id AS "HeadEmployeeId" FROM organization_units AS o WHERE o.agency_id = :ag;
DISCARD ALL;
SELECT e.id AS "Id", e.full_name AS "FullName", e.unit_id AS "UnitId" FROM employees AS e
WHERE e.agency_id = :ag AND e.is_active AND (e.supervisor_id = :head OR e.unit_id = ANY (:units)) AND e.unit_id = ANY (:units)
ORDER BY e.full_name LIMIT 500;
DISCARD ALL;
SELECT c.date AS "Date", c.kind AS "Kind", c.name AS "Name", c.unit_id AS "UnitId" FROM calendar_entries AS c
WHERE c.agency_id = :ag AND c.date >= :from::date AND c.date <= :to::date;
DISCARD ALL;
SELECT p.id, p.agency_id, p.based_on_number, p.effective_from, p.legal_reference, p.number, p.published_at, p.published_by_user_id, p.settings, p.status, p.updated_at, p.xmin
FROM policy_versions AS p WHERE p.agency_id = :ag AND p.status = 'Published' AND p.effective_from <= :from::date
ORDER BY p.effective_from DESC, p.number DESC LIMIT 1;
DISCARD ALL;
SELECT w.id AS "Id", w.employee_id AS "EmployeeId", w.status AS "Status", w.cancelled_from AS "CancelledFrom", r0.date AS "Date", r0.mode AS "Mode", r0.start AS "Start", r0."end" AS "End"
FROM work_requests AS w
INNER JOIN (SELECT r.request_id, r.date, r."end", r.mode, r.start FROM request_days AS r WHERE r.date >= :from::date AND r.date <= :to::date) AS r0 ON w.id = r0.request_id
WHERE w.agency_id = :ag AND w.employee_id = ANY (:team) AND (w.status IN ('Submitted', 'Approved') OR (w.status IN ('Withdrawn', 'Revoked') AND w.cancelled_from IS NOT NULL));
DISCARD ALL;
SELECT a.time_zone_id FROM agencies AS a LIMIT 1;
DISCARD ALL;
SELECT p.id, p.agency_id, p.based_on_number, p.effective_from, p.legal_reference, p.number, p.published_at, p.published_by_user_id, p.settings, p.status, p.updated_at, p.xmin
FROM policy_versions AS p WHERE p.agency_id = :ag AND p.status = 'Published' AND p.effective_from <= :today::date
ORDER BY p.effective_from DESC, p.number DESC LIMIT 1;
SQL

echo "== pgbench: the team schedule's 7 queries and 7 resets, then the submission's 28 statements (-M extended -c$CONNECTIONS -j1 -T$DURATION)"
VARS=(-D ag="$AG" -D today="$TODAY" -D weekstart="$(date -d "$TODAY -$(( $(date -d "$TODAY" +%u) - 1 )) days" +%F)"
  -D base="$SLOT_BASE" -D weeks="$SLOT_WEEKS" -D pool="$POOL" -D head="$HEAD" -D units="{$TEAM_UNIT}" -D team="$TEAM_IDS"
  -D from="$MONTH_FROM" -D to="$MONTH_TO")
run_pgbench "" 3 "$WORK/team.sql" "${VARS[@]}"
run_pgbench get_pg "$DURATION" "$WORK/team.sql" "${VARS[@]}"
run_pgbench "" 3 "$WORK/post.sql" "${VARS[@]}"
run_pgbench post_pg "$DURATION" "$WORK/post.sql" "${VARS[@]}"
pgbench_cleanup

echo
echo "$CONNECTIONS connections, ${DURATION} s per run, $(date -u +%F)"
echo "| request | requests/s | p50 | p95 | p99 | non-2xx | CPU per request (app + PostgreSQL) |"
echo "|---|---|---|---|---|---|---|"
row "POST /api/v1/requests" post_app post_pg
row "GET /api/v1/schedule/team (50 people, a month)" get_app get_pg
