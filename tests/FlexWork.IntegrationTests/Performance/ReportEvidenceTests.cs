using FlexWork.Application.Common;
using FlexWork.Application.Performance;
using FlexWork.Application.Policies.CheckRequest;
using FlexWork.Application.Policies.ManagePolicy;
using FlexWork.Application.Requests.SubmitRequest;
using FlexWork.Domain.Common;
using FlexWork.Domain.Performance;
using FlexWork.Domain.Policies;
using FlexWork.Infrastructure.Persistence;
using FlexWork.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FlexWork.IntegrationTests.Performance.PerformanceTestKit;

namespace FlexWork.IntegrationTests.Performance;

/// <summary>Evidence on Andi's work reports: the same file rules as a request's, the policy's caps, the report's visibility.</summary>
public class ReportEvidenceTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF"u8.ToArray();

    private static readonly ReportItem Item = new("Menyusun bab 2 dokumen analisis", "Draf bab 2", 1);

    [Fact]
    public async Task The_employee_attaches_and_removes_files_the_supervisor_downloads_and_nobody_else_finds_them()
    {
        await using var andi = await fixture.ActAsAsync("pegawai@demo.go.id");
        var report = await WrittenReportAsync(andi);
        await using var siti = await fixture.ActAsAsync("atasan@demo.go.id");
        var read = await siti.Get<WorkReportService>().MarkReadAsync(report.Id, report.Version, Ct);

        var file = await AttachAsync(andi, report.Id, read.Version, Pdf, "C:\\Dokumen\\draf bab 2.pdf");
        Assert.Equal(("draf bab 2.pdf", "application/pdf", Pdf.Length), (file.FileName, file.ContentType, file.SizeBytes));
        var seen = await siti.Get<WorkReportService>().GetAsync(report.Id, Ct);
        Assert.Equal(file.Id, Assert.Single(seen.Evidence).Id);
        Assert.Null(seen.ReadAt); // new evidence is something new to read
        Assert.Contains((await siti.Get<WorkReportService>().TeamAsync(Ct)).Single(d => d.Report?.Id == report.Id).Report!.Evidence, e => e.Id == file.Id);
        Assert.Equal(Pdf, (await siti.Get<WorkReportService>().GetEvidenceAsync(report.Id, file.Id, Ct)).Content);

        // The supervisor may read it but not change it; others do not learn it exists.
        Assert.Equal("REPORT_NOT_OWN", (await Assert.ThrowsAsync<ForbiddenAccessException>(() => AttachAsync(siti, report.Id, null, Pdf))).Reason);
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => siti.Get<WorkReportService>().RemoveEvidenceAsync(report.Id, file.Id, null, Ct));
        foreach (var outsider in new[] { "baru@demo.go.id", "admin@demo.go.id", "pegawai@demo2.go.id", "admin@demo2.go.id" })
        {
            await using var scope = await fixture.ActAsAsync(outsider);
            await Assert.ThrowsAsync<NotFoundException>(() => scope.Get<WorkReportService>().GetEvidenceAsync(report.Id, file.Id, Ct));
            await Assert.ThrowsAsync<NotFoundException>(() => AttachAsync(scope, report.Id, null, Pdf));
            await Assert.ThrowsAsync<NotFoundException>(() => scope.Get<WorkReportService>().RemoveEvidenceAsync(report.Id, file.Id, null, Ct));
        }

        // The audit records the upload without the file's bytes.
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var audit = await scope.Get<FlexWorkDbContext>().AuditEntries.IgnoreQueryFilters()
                .SingleAsync(a => a.EntityType == nameof(ReportEvidence) && a.EntityId.Contains(file.Id.ToString()), Ct);
            Assert.DoesNotContain(Convert.ToBase64String(Pdf), audit.Changes, StringComparison.Ordinal);
            Assert.Contains("draf bab 2.pdf", audit.Changes, StringComparison.Ordinal);
        }

        var after = await andi.Get<WorkReportService>().RemoveEvidenceAsync(report.Id, file.Id, seen.Version, Ct);
        Assert.Empty(after.Evidence);
        await Assert.ThrowsAsync<NotFoundException>(() => siti.Get<WorkReportService>().GetEvidenceAsync(report.Id, file.Id, Ct));
    }

    [Fact]
    public async Task A_report_carries_the_policys_number_of_files_and_a_stale_version_changes_nothing()
    {
        await using var andi = await fixture.ActAsAsync("pegawai@demo.go.id");
        var report = await WrittenReportAsync(andi);
        var reports = andi.Get<WorkReportService>();
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => AttachAsync(andi, report.Id, report.Version + 1, Pdf));
        var cap = PolicySettings.Regulation.Performance.MaxEvidenceFilesPerReport;
        for (var i = 0; i < cap; i++)
        {
            await AttachAsync(andi, report.Id, null, Pdf);
        }

        var tooMany = await Assert.ThrowsAsync<DomainException>(() => AttachAsync(andi, report.Id, null, Pdf));
        Assert.Equal(("REPORT_EVIDENCE_TOO_MANY_FILES", (object)cap), (tooMany.Code, tooMany.Arguments.Single()));
        Assert.Equal("EVIDENCE_TYPE_INVALID", (await Assert.ThrowsAsync<DomainException>(() => AttachAsync(andi, report.Id, null, "bukan pdf"u8.ToArray()))).Code);
        Assert.Equal(cap, (await reports.GetAsync(report.Id, Ct)).Evidence.Count);
    }

    [Fact]
    public async Task A_report_in_a_closed_period_takes_no_evidence()
    {
        var ids = await fixture.EmployeeIdsAsync();
        Guid closedReport;
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var db = scope.Get<FlexWorkDbContext>();
            var closed = await db.PerformancePeriods.IgnoreQueryFilters().Where(p => p.State == PeriodState.Closed).Select(p => new { p.From, p.To }).ToListAsync(Ct);
            closedReport = (await db.WorkReports.IgnoreQueryFilters().Where(r => r.EmployeeId == ids["pegawai@demo.go.id"]).ToListAsync(Ct))
                .First(r => closed.Any(p => p.From <= r.Date && r.Date <= p.To)).Id;
        }

        await using var andi = await fixture.ActAsAsync("pegawai@demo.go.id");
        var before = (await andi.Get<WorkReportService>().GetAsync(closedReport, Ct)).Evidence.Count;
        Assert.Equal("PERIOD_CLOSED", (await Assert.ThrowsAsync<DomainException>(() => AttachAsync(andi, closedReport, null, Pdf))).Code);
        Assert.Equal(before, (await andi.Get<WorkReportService>().GetAsync(closedReport, Ct)).Evidence.Count);
    }

    [Fact]
    public async Task An_employees_storage_counts_request_and_report_evidence_together()
    {
        await using (var admin = await fixture.ActAsAsync("admin@demo.go.id"))
        {
            var policies = admin.Get<PolicyAdministration>();
            var draft = await policies.GetDraftAsync(Ct);
            var saved = await policies.SaveDraftAsync(
                draft.Settings with { Requests = draft.Settings.Requests with { MaxEvidenceMegabytesPerEmployee = 5 } }, draft.Version, Ct);
            await policies.PublishAsync(new PublishInput(saved.AgencyToday, "SK Sekjen 42/2026", saved.Version), Ct);
        }

        var threeMegabytes = new byte[3 * 1024 * 1024];
        Pdf.CopyTo(threeMegabytes, 0);
        await using var andi = await fixture.ActAsAsync("pegawai@demo.go.id");
        var request = await andi.Get<RequestService>().CreateAsync(
            new ProposedRequestInput([new(TestWeeks.Free(3), WorkMode.Home)], "Menyusun laporan", [new WorkPlanItem("Laporan")]), submit: false, cancellationToken: Ct);
        await andi.Get<RequestService>().AttachEvidenceAsync(request.Id, null, "surat.pdf", new MemoryStream(threeMegabytes), Ct);

        var report = await WrittenReportAsync(andi);
        var full = await Assert.ThrowsAsync<DomainException>(() => AttachAsync(andi, report.Id, null, threeMegabytes));
        Assert.Equal(("EVIDENCE_STORAGE_FULL", (object)5), (full.Code, full.Arguments.Single()));
        Assert.DoesNotContain((await andi.Get<WorkReportService>().GetAsync(report.Id, Ct)).Evidence, e => e.SizeBytes == threeMegabytes.Length);
    }

    private static Task<EvidenceItem> AttachAsync(AsyncServiceScope scope, Guid reportId, uint? version, byte[] content, string name = "bukti.pdf") =>
        scope.Get<WorkReportService>().AttachEvidenceAsync(reportId, version, name, new MemoryStream(content), Ct);

    /// <summary>
    /// Andi's report for the latest day that takes one (real time, the demo's running period),
    /// written if it was not, without the files other tests attached.
    /// </summary>
    private static async Task<WorkReportView> WrittenReportAsync(AsyncServiceScope andi)
    {
        var reports = andi.Get<WorkReportService>();
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        for (var i = 0; i < 14; i++, day = day.AddDays(-1))
        {
            var form = await reports.FormAsync(day, Ct);
            if (form.NotReportable is null)
            {
                var report = form.Day.Report ?? await reports.WriteAsync(day, [Item], null, Ct);
                foreach (var file in report.Evidence)
                {
                    report = await reports.RemoveEvidenceAsync(report.Id, file.Id, null, Ct);
                }

                return report;
            }
        }

        throw new InvalidOperationException("No reportable day in the last two weeks");
    }
}
