#!/usr/bin/env bash
# Times the employee import at ministry scale against the running app: generates an
# 80,000-row CSV (a supervisor for every ten people), then posts it to
# POST /api/v1/admin/imports/employees as a preview, as an apply, and once more (no changes).
# Usage: scripts/bench-import.sh [rows]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-common.sh
ROWS=${1:-80000}
CSV=$(mktemp --suffix=.csv)
bench_prepare flexwork_bench_import 5057

echo "Generating $ROWS rows in $CSV"
awk -v rows="$ROWS" 'BEGIN {
  print "nip,nama,email,unit,jabatan,nip_atasan,jenis_kepegawaian,tmt_jabatan,status_disiplin,disiplin_mulai,disiplin_selesai,disiplin_referensi,domisili,zona_waktu";
  split("Biro Sumber Daya Manusia|Biro Umum dan Layanan Publik|Direktorat Transformasi Digital|Kantor Wilayah Sulawesi Selatan", units, "|");
  split("Analis Sumber Daya Manusia Aparatur|Pranata Komputer|Arsiparis|Pengelola Layanan Operasional", positions, "|");
  split("Agus Budi Citra Dewi Eko Fitri Gilang Hana Indra Joko Kartika Lestari Made Nur Putri Rizki", given, " ");
  split("Pratama Santoso Wibowo Hidayat Siregar Nasution Saputra Kusuma Rahayu Setiawan Wijaya", family, " ");
  for (i = 1; i <= rows; i++) {
    # NIP: birth date (1965-01-01 + i mod 12000 days), appointment month, sex, sequence
    birth = 1e0 * (i % 12000); t = mktime("1965 01 01 12 00 00") + birth * 86400;
    nip[i] = strftime("%Y%m%d", t, 1) sprintf("%04d%02d", 1990 + int(int(i / 12000) / 12), 1 + int(i / 12000) % 12) (1 + i % 2) sprintf("%03d", i % 1000);
    boss = (i % 10 == 1) ? "" : nip[i - (i - 1) % 10];
    printf "%s,%s %s %d,import%d@demo.go.id,%s,%s,%s,%s,2021-01-04,,,,,,\n", nip[i], given[1 + i % 16], family[1 + int(i / 16) % 11], i, i, units[1 + int(i / 10) % 4], positions[1 + i % 4], boss, (i % 7 == 0 ? "PPPK" : "PNS");
  }
}' > "$CSV"
echo "File: $(du -h "$CSV" | cut -f1), $(($(wc -l < "$CSV") - 1)) rows"

bench_start /tmp/flexwork-bench-import.log
trap 'kill $BENCH_PID 2>/dev/null || true; rm -f "$CSV"' EXIT

post() {
  curl -s -o /tmp/flexwork-import-report.json -w "%{time_total}" -X POST "$BENCH_URL/api/v1/admin/imports/employees$1" \
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' --data-binary @"$CSV"
}
summary() { sed -E 's/,"errors":.*//' /tmp/flexwork-import-report.json; }

echo "preview:      $(post '') s  $(summary)"
echo "apply:        $(post '?apply=true') s  $(summary)"
echo "apply again:  $(post '?apply=true') s  $(summary)"
