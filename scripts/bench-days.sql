-- Two million scheduled remote days for the ministry of bench-org.sql (psql -v weeks_back=N
-- -v stride=S, after \i bench-org.sql in the same session): 25 home days for each of the 80,000
-- generated employees, on one fixed weekday (i % 5) every S weeks from N weeks before this week on,
-- holidays skipped; one request per person and month with its history. Past months approved, later
-- ones approved or (a third) still pending. Leaves the temp table seeded (i, d, month) for the caller.
CREATE TEMP TABLE seeded AS
SELECT i, d, date_trunc('month', d)::date AS month FROM (
  SELECT i, d, row_number() OVER (PARTITION BY i ORDER BY d) AS n
  FROM generate_series(1, 80000) i, generate_series(0, 29) w,
       LATERAL (SELECT date_trunc('week', (SELECT today FROM p))::date - 7 * :weeks_back + 7 * :stride * w + i % 5 AS d) x
  WHERE d NOT IN (SELECT date FROM holidays)) s
WHERE n <= 25;
CREATE TEMP TABLE seeded_requests AS
SELECT i, month, md5('bench-request-' || i || '-' || month)::uuid AS id,
       CASE WHEN month < date_trunc('month', (SELECT today FROM p)) OR i % 3 <> 0 THEN 'Approved' ELSE 'Submitted' END AS status,
       (month - 14)::timestamp AT TIME ZONE 'Asia/Jakarta' + interval '9 hours' AS submitted_at
FROM seeded GROUP BY i, month;
INSERT INTO work_requests (id, agency_id, employee_id, status, reason, work_plan, has_evidence, policy_version_number, findings,
                           route, level, created_at, updated_at, submitted_at)
SELECT id, (SELECT agency FROM p), md5('bench-employee-' || i)::uuid, status, 'Menyusun laporan dan analisis data',
       '[{"output": "Laporan analisis", "target": "1 dokumen", "indicator": "Selesai tepat waktu"}]', false, 1, '[]', 'Supervisor', 1,
       submitted_at, submitted_at + CASE WHEN status = 'Approved' THEN interval '1 day' ELSE interval '0' END, submitted_at
FROM seeded_requests;
INSERT INTO request_days (request_id, date, mode, start, "end")
SELECT md5('bench-request-' || i || '-' || month)::uuid, d, 'Home', time '07:30', CASE WHEN extract(isodow FROM d) = 5 THEN time '16:30' ELSE time '16:00' END
FROM seeded ORDER BY i, d;
INSERT INTO request_transitions (request_id, "from", "to", at, actor_user_id, level)
SELECT id, 'Draft', 'Submitted', submitted_at, md5('bench-user-' || i)::uuid::text, 1 FROM seeded_requests
UNION ALL
SELECT id, 'Submitted', 'Approved', submitted_at + interval '1 day',
       CASE WHEN i > 1600 THEN md5('bench-user-' || CASE WHEN i % 1600 = 0 THEN 1600 ELSE i % 1600 END)::uuid::text END, 1
FROM seeded_requests WHERE status = 'Approved';
