using FlexWork.Domain.Employees;
using FlexWork.Domain.Integrations;
using FlexWork.Domain.Locations;
using FlexWork.Domain.Policies;
using FlexWork.Domain.Presence;

namespace FlexWork.Infrastructure.Seeding;

/// <summary>
/// Four weeks of presensi in Biro SDM, so that the presence card, the team's day, the hours and
/// the absence ledger tell their story: most days inside the office's area, Andi at home on his
/// home days, one check-in 3 km away, one reading too imprecise, someone who never shares the
/// location, one who checks in on the lobby's fingerprint reader (an integration client), late
/// starts and a short week, two unexcused absences, a sick day Siti excused, and Bunga's forgotten
/// check-out waiting as a correction. Andi and Bunga have not checked in today:
/// the demo's first tap is the visitor's.
/// </summary>
public sealed partial class DemoSeeder
{
    private static readonly GeoArea SdmOffice = new(-6.2297, 106.8270, 150);

    /// <param name="others">The rest of the unit (its head, the admin), who simply come to the office.</param>
    /// <param name="homeDays">The days each person's approved requests have them at home.</param>
    private void SeedPresence(
        Guid agencyId, Employee atasan, Employee pegawai, Employee baru, List<Employee> team, IEnumerable<Employee> others, WorkCalendar holidays, HashSet<(Guid, DateOnly)> homeDays)
    {
        var now = timeProvider.GetUtcNow();
        var today = DateOnly.FromDateTime(now.ToOffset(Wib).DateTime);
        var time = new WorkingTime();
        var workingDays = Enumerable.Range(1, 28).Select(n => today.AddDays(-29 + n)).Append(today)
            .Where(d => time.IsWorkingWeekday(d.DayOfWeek) && !holidays.IsHoliday(d)).ToList();
        var people = new[] { atasan, pegawai, baru }.Concat(team).Concat(others).ToList();
        var historyFrom = new DateOnly(today.Year, today.Month, 1).AddMonths(-4);
        SeedPresenceHistory(agencyId, people, holidays, historyFrom, to: today.AddDays(-29));
        var elsewhere = db.ChangeTracker.Entries<Employee>().Select(e => e.Entity).Where(e => e.AgencyId == agencyId && e.IsActive && !people.Contains(e)).ToList();
        SeedPresenceHistory(agencyId, elsewhere, holidays, historyFrom, to: today.AddDays(-1)); // the other units simply come to the office

        // The lobby's fingerprint reader: one of the team always checks in on it (its secret was never kept: the demo shows the client, not a working one).
        var reader = IntegrationClient.Create(agencyId, "Mesin sidik jari lobi Gedung A", Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)), At(today.AddDays(-40), 9), createdByUserId: null);
        db.IntegrationClients.Add(reader);
        foreach (var (person, k) in people.Select((p, k) => (p, k)))
        {
            foreach (var (day, j) in workingDays.Select((d, j) => (d, j)))
            {
                var isToday = day == today;
                if ((isToday && (person == pegawai || person == baru))
                    || (person == team[1] && j is 5 or 12) // away without a word: the ledger's two days
                    || (person == baru && day < baru.PositionStartDate))
                {
                    continue;
                }

                if (person == team[3] && j == 9)
                {
                    var sick = PresenceCorrection.ExcuseAbsence(agencyId, person.Id, day, AbsenceExcuse.Sick, Domain.Common.IndonesianTimeZones.Wib, "Demam; surat keterangan dokter diserahkan ke Bagian Umum", At(day, 19));
                    sick.Approve(atasan.Id, atasan.UserId, "Semoga lekas sembuh", At(day.AddDays(1), 8));
                    db.PresenceCorrections.Add(sick);
                    continue;
                }

                var late = person == team[2] && j % 3 == 0;
                var checkIn = At(day, 7).AddMinutes(late ? 130 + (j % 4 * 5) : (k * 17 + j * 11) % 70);
                if (isToday && checkIn > now)
                {
                    continue;
                }

                var home = homeDays.Contains((person.Id, day));
                var (area, near) = Reading(person == pegawai ? pegawai.DomicileArea : null, home, k, j);
                LocationReading? reading = near;
                if (person == team[0] && j == workingDays.Count - 6)
                {
                    reading = new LocationReading(SdmOffice.Latitude - 0.029, SdmOffice.Longitude + 0.0035, 18); // about 3.2 km south, at a client's office
                }
                else if (person == pegawai && j == 3)
                {
                    reading = near with { AccuracyMeters = 900 }; // indoors, a coarse network fix
                }
                else if (person == team[4])
                {
                    reading = null; // never shares the location: a right, not a flag
                }

                var onReader = person == team[5] && !home;
                var check = onReader ? LocationCheck.Device : LocationCheck.Of(reading, area, 500);
                reading = onReader ? null : reading;
                var presence = PresenceDay.CheckIn(null, agencyId, person.Id, new PresenceSlot(day, home ? WorkMode.Home : WorkMode.Office, true), checkIn, reading, check);
                presence.ClearDomainEvents();
                var forgotten = person == baru && day == workingDays[^2];
                if (!isToday && !forgotten)
                {
                    var checkOut = late ? At(day, 16).AddMinutes(30) : checkIn.AddHours(8).AddMinutes(45 + ((k * 7 + j * 13) % 40));
                    presence.CheckOut(checkOut, reading, onReader ? LocationCheck.Device : LocationCheck.Of(reading, area, 500));
                    if (onReader)
                    {
                        db.PresenceEvents.Add(PresenceEvent.Record(agencyId, reader.Id, $"LOBI-A-{day:yyyyMMdd}-{person.Nip}-OUT", person.Nip, checkOut, PresenceEventKind.CheckOut, checkOut.AddMinutes(5), PresenceEventOutcome.Recorded, null));
                    }
                }

                if (onReader)
                {
                    db.PresenceEvents.Add(PresenceEvent.Record(agencyId, reader.Id, $"LOBI-A-{day:yyyyMMdd}-{person.Nip}-IN", person.Nip, checkIn, PresenceEventKind.CheckIn, checkIn.AddMinutes(5), PresenceEventOutcome.Recorded, null));
                }

                db.PresenceDays.Add(presence);
                if (forgotten)
                {
                    db.PresenceCorrections.Add(PresenceCorrection.Request(
                        agencyId, person.Id, day, TimeOnly.FromDateTime(checkIn.ToOffset(Wib).DateTime), new TimeOnly(16, 5), Domain.Common.IndonesianTimeZones.Wib,
                        "Lupa menekan presensi pulang; pulang pukul 16.05 setelah rapat persiapan seleksi jabatan", At(today, 8).AddMinutes(-50)));
                }
            }
        }
    }

    /// <summary>
    /// Plain office days, checked in inside the office's area: the months before for Biro SDM (so that
    /// the monitoring's before-and-after has presence on both sides) and every day for the other units.
    /// </summary>
    private void SeedPresenceHistory(Guid agencyId, List<Employee> people, WorkCalendar holidays, DateOnly from, DateOnly to)
    {
        var time = new WorkingTime();
        var purgedBefore = DateOnly.FromDateTime(timeProvider.GetUtcNow().ToOffset(Wib).DateTime).AddDays(-30);
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (!time.IsWorkingWeekday(day.DayOfWeek) || holidays.IsHoliday(day))
            {
                continue;
            }

            foreach (var (person, k) in people.Select((p, k) => (p, k)))
            {
                var (area, reading) = Reading(null, home: false, k, day.DayNumber);
                var checkIn = At(day, 7).AddMinutes((k * 17 + day.DayNumber * 11) % 75);
                var presence = PresenceDay.CheckIn(null, agencyId, person.Id, new PresenceSlot(day, WorkMode.Office, true), checkIn, reading, LocationCheck.Of(reading, area, 500));
                presence.CheckOut(checkIn.AddHours(8).AddMinutes(40 + ((k * 7 + day.DayNumber) % 35)), reading, LocationCheck.Of(reading, area, 500));
                if (day < purgedBefore)
                {
                    presence.PurgePositions(At(day.AddDays(31), 2), retentionDays: 30); // as the purge job left them
                }

                presence.ClearDomainEvents();
                db.PresenceDays.Add(presence);
            }
        }
    }

    /// <summary>A reading near the day's place: the office's area on office days, the domicile at home (null: not on the map).</summary>
    private static (GeoArea? Area, LocationReading Reading) Reading(GeoArea? domicile, bool home, int k, int j)
    {
        var place = home ? domicile : SdmOffice;
        var (latitude, longitude) = place is null ? (-6.3 + (k * 0.01), 106.8 + (k * 0.007)) : (place.Latitude, place.Longitude);
        return (place, new LocationReading(latitude + ((k + j) % 5 * 0.00018), longitude - ((k * j) % 3 * 0.00012), 12 + ((k + j) % 4 * 8)));
    }
}
