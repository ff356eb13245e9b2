-- The ministry the benchmarks run on (psql -v pool=N, run inside the caller's session: the temp
-- tables p and holidays are for the caller's statements that follow): the DEMO agency grown by
-- 80,000 employees in 1,600 sub-directorates of 50 under 160 directorates and 16
-- directorates-general. Employee i (1..80,000) works in leaf i % 1600; employees 1..1600 head
-- their leaf and supervise it. Every employee has an account (as the demo seed does); the heads'
-- first (1), the second (2) and the pool (1601 .. 1600 + pool) get the demo password.
-- Everything is relative to the agency's today (Asia/Jakarta), as the app uses the real clock.
CREATE TEMP TABLE p AS
SELECT a.id AS agency, (now() AT TIME ZONE 'Asia/Jakarta')::date AS today,
       date_trunc('week', (now() AT TIME ZONE 'Asia/Jakarta')::date)::date - 12 * 7 AS seed_start,
       (SELECT id FROM roles WHERE name = 'Employee') AS role,
       (SELECT password_hash FROM users WHERE normalized_email = 'PEGAWAI@DEMO.GO.ID') AS hash,
       (SELECT id FROM positions WHERE agency_id = a.id AND name = 'Kepala Bagian') AS head_position,
       (SELECT array_agg(id ORDER BY name) FROM positions WHERE agency_id = a.id
         AND name IN ('Analis Sumber Daya Manusia Aparatur', 'Pranata Komputer', 'Arsiparis')) AS positions
FROM agencies a WHERE a.code = 'DEMO';
CREATE TEMP TABLE holidays AS
SELECT date FROM calendar_entries WHERE agency_id = (SELECT agency FROM p) AND unit_id IS NULL AND kind <> 'MandatoryOffice';

-- 16 directorates-general, 160 directorates, 1,600 sub-directorates (leaf l, 0..1599) of 50 people.
INSERT INTO organization_units (id, agency_id, name, parent_id)
SELECT md5('bench-unit-top-' || t)::uuid, (SELECT agency FROM p), 'Direktorat Jenderal Bidang ' || t, NULL
FROM generate_series(1, 16) t;
INSERT INTO organization_units (id, agency_id, name, parent_id)
SELECT md5('bench-unit-mid-' || m)::uuid, (SELECT agency FROM p), 'Direktorat ' || m, md5('bench-unit-top-' || (1 + m / 10))::uuid
FROM generate_series(0, 159) m;
INSERT INTO organization_units (id, agency_id, name, parent_id)
SELECT md5('bench-unit-leaf-' || l)::uuid, (SELECT agency FROM p), 'Subdirektorat ' || l, md5('bench-unit-mid-' || (l / 10))::uuid
FROM generate_series(0, 1599) l;

INSERT INTO users (id, agency_id, user_name, normalized_user_name, email, normalized_email, email_confirmed, password_hash,
                   security_stamp, concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
SELECT md5('bench-user-' || i)::uuid::text, (SELECT agency FROM p), 'bench' || i || '@demo.go.id', 'BENCH' || i || '@DEMO.GO.ID',
       'bench' || i || '@demo.go.id', 'BENCH' || i || '@DEMO.GO.ID', true,
       CASE WHEN i IN (1, 2) OR i BETWEEN 1601 AND 1600 + :pool THEN (SELECT hash FROM p) END,
       upper(substr(md5('bench-stamp-' || i), 1, 32)), gen_random_uuid()::text, false, false, true, 0
FROM generate_series(1, 80000) i;
INSERT INTO user_roles (user_id, role_id) SELECT md5('bench-user-' || i)::uuid::text, (SELECT role FROM p) FROM generate_series(1, 80000) i;

INSERT INTO employees (id, agency_id, nip, full_name, email, user_id, unit_id, position_id, supervisor_id, employment_type,
                       position_start_date, disciplinary_status, is_active)
SELECT md5('bench-employee-' || i)::uuid, (SELECT agency FROM p),
       to_char(date '1965-01-01' + (i % 12000), 'YYYYMMDD') || to_char(date '1990-01-01' + (i / 12000) * interval '1 month', 'YYYYMM')
         || (1 + i % 2)::text || lpad((i % 1000)::text, 3, '0'),
       (ARRAY['Agus','Budi','Citra','Dewi','Eko','Fitri','Gilang','Hana','Indra','Joko','Kartika','Lestari','Made','Nur','Putri','Rizki'])[1 + i % 16]
         || ' ' || (ARRAY['Pratama','Santoso','Wibowo','Hidayat','Siregar','Nasution','Saputra','Kusuma','Rahayu','Setiawan','Wijaya'])[1 + (i / 16) % 11]
         || ' ' || i,
       'bench' || i || '@demo.go.id', md5('bench-user-' || i)::uuid::text, md5('bench-unit-leaf-' || (i % 1600))::uuid,
       CASE WHEN i <= 1600 THEN (SELECT head_position FROM p) ELSE (SELECT positions FROM p)[1 + i % 3] END,
       CASE WHEN i > 1600 THEN md5('bench-employee-' || CASE WHEN i % 1600 = 0 THEN 1600 ELSE i % 1600 END)::uuid END,
       CASE WHEN i % 7 = 0 THEN 'Pppk' ELSE 'Pns' END, date '2020-01-01', 'None', true
FROM generate_series(1, 80000) i;
UPDATE organization_units SET head_employee_id = md5('bench-employee-' || CASE WHEN l = 0 THEN 1600 ELSE l END)::uuid
FROM generate_series(0, 1599) l WHERE id = md5('bench-unit-leaf-' || l)::uuid;
