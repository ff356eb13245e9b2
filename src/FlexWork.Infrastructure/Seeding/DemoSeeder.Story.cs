using FlexWork.Domain.Calendar;
using FlexWork.Domain.Common;
using FlexWork.Domain.Employees;
using FlexWork.Domain.Performance;
using FlexWork.Domain.Policies;
using FlexWork.Domain.Requests;

namespace FlexWork.Infrastructure.Seeding;

/// <summary>
/// The story of Biro SDM that a fresh demo tells: last month evaluated (predikat, acknowledged),
/// this month's targets agreed and cascading from the supervisor's, flexible days with their
/// reports (one overdue, one late), requests waiting in the supervisor's inbox, feedback and a
/// dialog kinerja. Built through the domain's own methods, dated as it would have happened.
/// </summary>
public sealed partial class DemoSeeder
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);
    private static readonly ValueRating[] Behaviour = [.. Enum.GetValues<BerAkhlak>().Select(v => new ValueRating(v, Expectation.AsExpected))];

    /// <param name="team">Siti's people besides Andi and Bunga.</param>
    private void SeedStory(Guid agencyId, Employee kepala, Employee atasan, Employee pegawai, Employee baru, List<Employee> team, Employee admin)
    {
        var holidays = new WorkCalendar(NationalCalendar.Days.Select(d => d.Date), []);
        var time = new WorkingTime();
        var thisMonth = new DateOnly(_today.Year, _today.Month, 1);
        var last = PerformancePeriod.Create(agencyId, thisMonth.AddMonths(-1), PeriodLength.Monthly, At(thisMonth.AddMonths(-1).AddDays(-5), 9));
        var current = last.Next(PeriodLength.Monthly, At(thisMonth.AddDays(-5), 9));
        last.Advance(At(last.From, 8));
        current.Advance(At(current.From, 8));
        db.PerformancePeriods.AddRange(last, current);

        var byHendra = new Decider(kepala.Id, kepala.UserId);
        var bySiti = new Decider(atasan.Id, atasan.UserId);
        var targets = new Dictionary<(Guid Employee, Guid Period), List<PerformanceTarget>>();
        foreach (var period in new[] { last, current })
        {
            var agreedOn = At(period.From.AddDays(2), 10);
            var siti = Targets(targets, period, atasan, byHendra, agreedOn,
                new("Terlaksananya analisis kebutuhan pengembangan kompetensi pegawai Biro SDM", "Jumlah rekomendasi pengembangan kompetensi yang ditetapkan", TargetAspect.Kuantitas, 3, "rekomendasi"),
                new("Tersusunnya laporan evaluasi kinerja pegawai", "Ketepatan waktu penyampaian laporan", TargetAspect.Waktu, Qualitative: "Disampaikan paling lambat tanggal 5 bulan berikutnya"));
            Targets(targets, period, pegawai, bySiti, agreedOn,
                new("Tersusunnya dokumen analisis kebutuhan pelatihan unit kerja", "Jumlah dokumen analisis yang diselesaikan", TargetAspect.Kuantitas, 4, "dokumen", SupportsTargetId: siti[0].Id),
                new("Termutakhirkannya data kompetensi pegawai di SIASN", "Jumlah data pegawai yang dimutakhirkan", TargetAspect.Kuantitas, 120, "data pegawai", SupportsTargetId: siti[0].Id),
                new("Tersusunnya notula rapat koordinasi kepegawaian", "Kualitas notula", TargetAspect.Kualitas, Qualitative: "Disetujui pimpinan tanpa revisi substansi", SupportsTargetId: siti[1].Id));
            foreach (var (member, i) in team.Select((m, i) => (m, i)))
            {
                Targets(targets, period, member, bySiti, agreedOn, i % 2 == 0
                    ? new TargetContent("Terkelolanya arsip kepegawaian digital", "Jumlah berkas yang dipindai dan diindeks", TargetAspect.Kuantitas, 200 + (20 * i), "berkas")
                    : new TargetContent("Tersusunnya bahan kebijakan manajemen talenta", "Jumlah kajian yang diselesaikan", TargetAspect.Kuantitas, 2, "kajian", SupportsTargetId: siti[0].Id));
            }
        }

        // Bunga, one month in, proposes her first target: it waits for Siti.
        var proposal = PerformanceTarget.Create(current, baru.Id, new("Tersusunnya rekap usulan kenaikan pangkat", "Jumlah usulan yang direkap", TargetAspect.Kuantitas, 30, "usulan"), At(_today.AddDays(-1), 9));
        proposal.Propose(current, At(_today.AddDays(-1), 9), baru.UserId);
        proposal.ClearDomainEvents();
        db.PerformanceTargets.Add(proposal);

        // Andi works from home on Tuesdays, and on Thursdays every other week; one request a week, approved the Friday before.
        var reports = new List<WorkReport>();
        var andiDays = new List<DateOnly>();
        var homeDays = new HashSet<(Guid, DateOnly)>();
        for (var monday = PolicyEngine.WeekStart(last.From); monday <= PolicyEngine.WeekStart(_today).AddDays(7); monday = monday.AddDays(7))
        {
            var days = new List<DateOnly> { monday.AddDays(1) };
            if ((monday.DayNumber / 7) % 2 == 0)
            {
                days.Add(monday.AddDays(3));
            }

            days = [.. days.Where(d => d >= last.From && time.IsWorkingWeekday(d.DayOfWeek) && !holidays.IsHoliday(d))];
            if (days.Count == 0)
            {
                continue;
            }

            var andi = targets[(pegawai.Id, (last.Contains(days[0]) ? last : current).Id)];
            Approved(agencyId, pegawai, bySiti, days, monday.AddDays(-3), "Penyusunan dokumen analisis kebutuhan pelatihan yang membutuhkan konsentrasi penuh",
                [new("Draf dokumen analisis kebutuhan pelatihan", TargetId: andi[0].Id), new("Data kompetensi pegawai termutakhir di SIASN", TargetId: andi[1].Id)]);
            andiDays.AddRange(days);
        }

        // His reports for the past home days: the latest one whose deadline passed is missing (overdue), one was written late.
        var now = timeProvider.GetUtcNow();
        var pastDue = andiDays.Where(d => DeadlineOf(d) < now).OrderBy(d => d).ToList();
        foreach (var (day, i) in pastDue.SkipLast(1).Select((d, i) => (d, i)))
        {
            var period = current.Contains(day) ? current : last;
            var andi = targets[(pegawai.Id, period.Id)];
            var writtenAt = i == 1 ? DeadlineOf(day).AddHours(5) : At(day, 16).AddMinutes(30 + (i * 7 % 20));
            var report = WorkReport.Write(agencyId, pegawai.Id, new ReportDay(day, WorkMode.Home, true, DeadlineOf(day), period), [
                new("Menyusun bab analisis kesenjangan kompetensi", "Draf bab analisis", i % 3 == 0 ? 1 : 0, andi[0].Id),
                new("Memutakhirkan data riwayat diklat pegawai di SIASN", "Data pegawai termutakhir", 8 + (i % 4 * 2), andi[1].Id),
            ], _today, writtenAt);
            report.ClearDomainEvents();
            if (day < _today.AddDays(-3))
            {
                report.MarkRead(bySiti, writtenAt.AddHours(18));
            }

            reports.Add(report);
        }

        db.WorkReports.AddRange(reports);
        if (reports.Count > 0)
        {
            // The latest report carries the draft chapter as evidence, and Siti answers it.
            var latest = reports[^1];
            var period = current.Contains(latest.Date) ? current : last;
            db.ReportEvidence.Add(ReportEvidence.Attach(
                latest, period, PolicySettings.Regulation.Performance.MaxEvidenceFilesPerReport, DemoFile("draf-bab-analisis.pdf"), latest.SubmittedAt.AddMinutes(2), pegawai.UserId));
            db.Feedback.Add(Quiet(Feedback.OnReport(latest, atasan.Id, atasan.UserId,
                "Draf bab analisis yang dilampirkan sudah saya baca: strukturnya bagus. Tambahkan data pelatihan tahun lalu sebagai pembanding.", latest.SubmittedAt.AddHours(20))));
        }

        var dialogDay = last.To.AddDays(-3);
        db.Feedback.Add(Quiet(Feedback.Dialog(agencyId, pegawai.Id, atasan.Id, atasan.UserId, dialogDay, _today,
            "Membahas capaian bulan lalu: dokumen analisis selesai tepat waktu, pemutakhiran data SIASN tertinggal karena akses sistem sempat terganggu.",
            "Andi menjadwalkan pemutakhiran data tiap Selasa saat bekerja dari rumah; Siti meminta akses tambahan ke Biro TI.", At(dialogDay, 14))));

        // Some of the team at home this week and next, so the team schedule shows the unit's numbers
        // (not the fourth: rated Butuh Perbaikan last month, the demo policy suspends their flexible work this month).
        var thisMonday = PolicyEngine.WeekStart(_today);
        foreach (var (member, i) in team.Take(3).Select((m, i) => (m, i)))
        {
            var day = thisMonday.AddDays(2 + (i % 2 * 7));
            if (!holidays.IsHoliday(day))
            {
                var memberTarget = targets[(member.Id, current.Id)][0];
                Approved(agencyId, member, bySiti, [day], thisMonday.AddDays(-3), "Menyelesaikan penginputan berkas tanpa gangguan", [new(memberTarget.Content.Rhk, TargetId: memberTarget.Id)]);
                homeDays.Add((member.Id, day));
                if (DeadlineOf(day) < now)
                {
                    TeamReport(agencyId, member, memberTarget, day, current.Contains(day) ? current : last, withEvidence: i == 0);
                }
            }
        }

        // Three requests wait in Siti's inbox.
        var nextMonday = thisMonday.AddDays(7);
        Pending(agencyId, team[4], atasan, [nextMonday.AddDays(3)], "Mengikuti pelatihan daring analis kebijakan");
        Pending(agencyId, team[5], atasan, [nextMonday.AddDays(1), nextMonday.AddDays(4)], "Penyusunan kajian manajemen talenta");
        Pending(agencyId, pegawai, atasan, [nextMonday.AddDays(7 + 1)], "Finalisasi dokumen analisis kebutuhan pelatihan");

        // Last month evaluated: Andi acknowledged a Baik; the team got the range of predikat.
        last.Advance(At(last.To.AddDays(1), 8)); // into evaluation
        var ratings = new[] { (atasan, Expectation.AsExpected, Expectation.AsExpected), (pegawai, Expectation.Above, Expectation.AsExpected) }
            .Concat(team.Select((m, i) => (m, i == 0 ? Expectation.Above : i == 3 ? Expectation.Below : Expectation.AsExpected, i == 0 ? Expectation.Above : Expectation.AsExpected)));
        foreach (var (member, results, behaviour) in ratings)
        {
            var evaluation = Evaluation.Open(last, member.Id, At(last.To, 16));
            evaluation.WriteSelfAssessment(last, member == pegawai
                ? "Empat dokumen analisis selesai; pemutakhiran data SIASN 104 dari 120 karena akses sistem sempat terganggu."
                : null, At(last.To, 16));
            var by = member == atasan ? byHendra : bySiti;
            var reported = reports.Where(r => last.Contains(r.Date)).SelectMany(r => r.Items).ToList();
            var realisations = targets[(member.Id, last.Id)].Where(t => t.Content.Value is not null).Select(t =>
            {
                var fromReports = reported.Where(x => x.TargetId == t.Id).Sum(x => x.Quantity ?? 0);
                var share = results switch { Expectation.Above => 1.1m, Expectation.Below => 0.6m, _ => 1m };
                return member == pegawai
                    ? new TargetRealisation(t.Id, fromReports)
                    : new TargetRealisation(t.Id, fromReports, Math.Round(t.Content.Value!.Value * share), "Direkap dari laporan aplikasi persuratan dan arsip");
            }).ToList();
            evaluation.Rate(last, by, new EvaluationRating(results, behaviour, Behaviour, results switch
            {
                Expectation.Above => "Hasil kerja melampaui target; pertahankan dan bagikan cara kerja ke rekan satu tim.",
                Expectation.Below => "Dua target belum tercapai. Kita sepakati rencana perbaikan pada dialog kinerja minggu depan.",
                _ => "Target utama tercapai tepat waktu. Tingkatkan dokumentasi hasil kerja di laporan harian.",
            }, realisations), At(last.To.AddDays(2), 10));
            if (results == Expectation.Below)
            {
                evaluation.DeemAccepted(At(last.To.AddDays(6), 17));
            }
            else
            {
                evaluation.Acknowledge(last, At(last.To.AddDays(3), 9), member.UserId);
            }

            evaluation.ClearDomainEvents();
            db.Evaluations.Add(evaluation);
        }

        last.Advance(At(last.To.AddDays(6), 17)); // closed
        homeDays.UnionWith(andiDays.Select(d => (pegawai.Id, d)));
        SeedPresence(agencyId, atasan, pegawai, baru, team, [kepala, admin], holidays, homeDays);

        // Submissions the rules refused (no request is saved then): the monitoring's exceptions count them by rule.
        foreach (var (who, code, daysAgo) in new[]
                 {
                     (baru, RuleCodes.EmployeeNotEligible, 24), (baru, RuleCodes.EmployeeNotEligible, 5), (pegawai, RuleCodes.MonthlyRemoteCap, 9),
                     (team[2], RuleCodes.NoticeTooShort, 3), (team[6], RuleCodes.UnitOnsiteMinimum, 38),
                 })
        {
            db.RefusedSubmissions.Add(RefusedSubmission.Of(agencyId, who.Id, [new Finding(code, FindingSeverity.Block, null, code, [], "")], At(_today.AddDays(-daysAgo), 9)));
        }
    }

    private List<PerformanceTarget> Targets(
        Dictionary<(Guid, Guid), List<PerformanceTarget>> all, PerformancePeriod period, Employee employee, Decider by, DateTimeOffset at, params TargetContent[] contents)
    {
        var list = contents.Select((c, i) =>
        {
            var target = PerformanceTarget.Create(period, employee.Id, c, at.AddHours(-20).AddMinutes(i));
            target.Propose(period, at.AddHours(-20), employee.UserId);
            target.Agree(period, by, at, null);
            target.ClearDomainEvents();
            return target;
        }).ToList();
        db.PerformanceTargets.AddRange(list);
        all[(employee.Id, period.Id)] = list;
        return list;
    }

    /// <summary>A team member's report of a past home day, written on the day, not read yet: what Siti finds to read.</summary>
    private void TeamReport(Guid agencyId, Employee member, PerformanceTarget target, DateOnly day, PerformancePeriod period, bool withEvidence)
    {
        var (activity, output, quantity) = target.Content.Unit == "berkas"
            ? ("Memindai dan mengindeks SK kepegawaian dari empat biro", "Berkas terindeks di arsip digital", 42m)
            : ("Menyusun kerangka kajian manajemen talenta dan daftar pustaka", "Kerangka kajian", 0m);
        var report = WorkReport.Write(agencyId, member.Id, new ReportDay(day, WorkMode.Home, true, DeadlineOf(day), period),
            [new(activity, output, quantity, target.Id)], day, At(day, 16).AddMinutes(10));
        report.ClearDomainEvents();
        db.WorkReports.Add(report);
        if (withEvidence)
        {
            db.ReportEvidence.Add(ReportEvidence.Attach(
                report, period, PolicySettings.Regulation.Performance.MaxEvidenceFilesPerReport, DemoFile("rekap-pemindaian-arsip.pdf"), At(day, 16).AddMinutes(12), member.UserId));
        }
    }

    private void Approved(Guid agencyId, Employee employee, Decider by, IReadOnlyList<DateOnly> days, DateOnly decidedOn, string reason, IReadOnlyList<WorkPlanItem> plan)
    {
        var request = WorkRequest.Create(agencyId, employee.Id, At(decidedOn.AddDays(-2), 9));
        request.Edit(new ProposedRequest(days.Select(d => new RequestDay(d, WorkMode.Home, new TimeOnly(7, 30), new TimeOnly(16, 0))), reason, plan), At(decidedOn.AddDays(-2), 9));
        request.Submit(1, [], ApprovalRoute.Supervisor, At(decidedOn.AddDays(-2), 9), employee.UserId);
        request.Approve(by, At(decidedOn, 14), null);
        request.ClearDomainEvents();
        db.WorkRequests.Add(request);
    }

    /// <summary>A request waiting now, with the notification in the supervisor's bell that a real one brings.</summary>
    private void Pending(Guid agencyId, Employee employee, Employee supervisor, IReadOnlyList<DateOnly> days, string reason)
    {
        var submitted = timeProvider.GetUtcNow().AddHours(-3);
        var request = WorkRequest.Create(agencyId, employee.Id, submitted);
        request.Edit(new ProposedRequest(days.Select(d => new RequestDay(d, WorkMode.Home, new TimeOnly(7, 30), new TimeOnly(16, 0))), reason, [new(reason)]), submitted);
        request.Submit(1, [], ApprovalRoute.Supervisor, submitted, employee.UserId);
        request.ClearDomainEvents(); // the seed has no signed-in agency to run the handlers in: the bell entry is written here
        db.WorkRequests.Add(request);
        db.Notifications.Add(Domain.Notifications.Notification.Create(agencyId, supervisor.Id, Domain.Notifications.NotificationKind.Submitted, request.Id, employee.FullName, submitted));
    }

    private static Feedback Quiet(Feedback feedback)
    {
        feedback.ClearDomainEvents();
        return feedback;
    }

    /// <summary>The next working day at 10:00 WIB, as the regulation's default report deadline says.</summary>
    private static DateTimeOffset DeadlineOf(DateOnly day) =>
        new DateTimeOffset(new PerformanceRules().ReportDeadline(day, new WorkingTime(), new WorkCalendar(NationalCalendar.Days.Select(d => d.Date), [])), Wib).ToUniversalTime();

    private static DateTimeOffset At(DateOnly day, int hour) => new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), Wib).ToUniversalTime();

    /// <summary>A file the demo ships (Seeding/DemoFiles), as evidence.</summary>
    private static EvidenceFile DemoFile(string name)
    {
        using var stream = typeof(DemoSeeder).Assembly.GetManifestResourceStream($"FlexWork.Infrastructure.Seeding.DemoFiles.{name}")
            ?? throw new InvalidOperationException($"The demo file {name} is not embedded.");
        using var content = new MemoryStream();
        stream.CopyTo(content);
        return EvidenceFile.Of(name, content.ToArray());
    }
}
