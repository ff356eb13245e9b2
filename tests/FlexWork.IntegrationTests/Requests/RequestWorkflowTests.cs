using FlexWork.Application.Common;
using FlexWork.Application.Policies.CheckRequest;
using FlexWork.Application.Policies.ManagePolicy;
using FlexWork.Application.Requests;
using FlexWork.Application.Requests.DecideRequest;
using FlexWork.Application.Requests.SubmitRequest;
using FlexWork.Domain.Common;
using FlexWork.Domain.Policies;
using FlexWork.Domain.Requests;
using FlexWork.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using FlexWork.Tests.Shared;

namespace FlexWork.IntegrationTests.Requests;

public class RequestWorkflowTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Each test takes its own week, so that their caps never meet.</summary>
    private static DateOnly Week(int n) => TestWeeks.Free(n);

    [Fact]
    public async Task Pegawai_submits_two_home_days_and_the_supervisor_sees_them_with_the_units_numbers_and_approves()
    {
        var monday = Week(0);
        var submitted = await AsAsync("pegawai@demo.go.id", s => s.GetRequiredService<RequestService>().CreateAsync(Request(Home(monday), Home(monday.AddDays(2))), submit: true, cancellationToken: Ct));
        Assert.Equal((RequestStatus.Submitted, ApprovalRoute.Supervisor), (submitted.Status, submitted.Route));
        Assert.True(submitted.PolicyVersion >= 1, "judged by a published version (another test of this class may publish one)");

        var inbox = await AsAsync("atasan@demo.go.id", s => s.GetRequiredService<ApprovalService>().InboxAsync(Ct));
        var item = Assert.Single(inbox, i => i.Request.Id == submitted.Id);
        Assert.Equal(2, item.Coverage.Count);
        Assert.All(item.Coverage, c => Assert.True(c.Headcount >= 10 && c.OnSite == c.Headcount - 1, $"{c.OnSite}/{c.Headcount}"));

        var approved = await AsAsync("atasan@demo.go.id", s => s.GetRequiredService<ApprovalService>().DecideAsync(submitted.Id, Decision.Approve, null, submitted.Version, Ct));
        Assert.Equal(RequestStatus.Approved, approved.Status);
        Assert.Equal([RequestStatus.Submitted, RequestStatus.Approved], approved.History.Select(h => h.To));

        // The approved days now count: one more home day in that week breaks the cap.
        var blocked = await Assert.ThrowsAsync<RequestBlockedException>(() =>
            AsAsync("pegawai@demo.go.id", s => s.GetRequiredService<RequestService>().CreateAsync(Request(Home(monday.AddDays(4))), submit: true, cancellationToken: Ct)));
        Assert.Contains(blocked.Findings, f => f.Code == RuleCodes.WeeklyRemoteCap);
    }

    [Fact]
    public async Task A_blocked_submission_stores_nothing_and_a_draft_can_be_fixed_and_submitted()
    {
        var monday = Week(1);
        var blocked = await Assert.ThrowsAsync<RequestBlockedException>(() => AsAsync("pegawai@demo.go.id", s =>
            s.GetRequiredService<RequestService>().CreateAsync(Request(Home(monday), Home(monday.AddDays(1)), Home(monday.AddDays(2))), submit: true, cancellationToken: Ct)));
        Assert.Equal((RuleCodes.WeeklyRemoteCap, (DateOnly?)monday.AddDays(2)), (blocked.Findings.Single().Code, blocked.Findings.Single().Date));
        Assert.Equal(0, await CountRequestsAsync(monday));

        var draft = await AsAsync("pegawai@demo.go.id", s =>
            s.GetRequiredService<RequestService>().CreateAsync(Request(Home(monday), Home(monday.AddDays(1)), Home(monday.AddDays(2))), submit: false, cancellationToken: Ct));
        Assert.Equal(RequestStatus.Draft, draft.Status);
        var fixedUp = await AsAsync("pegawai@demo.go.id", s =>
            s.GetRequiredService<RequestService>().UpdateAsync(draft.Id, Request(Home(monday), Office(monday.AddDays(1)), Home(monday.AddDays(2))), draft.Version, submit: true, Ct));
        Assert.Equal(RequestStatus.Submitted, fixedUp.Status);
    }

    [Fact]
    public async Task Only_the_supervisor_decides_others_cannot_and_other_agencies_see_nothing()
    {
        var request = await AsAsync("pegawai@demo.go.id", s => s.GetRequiredService<RequestService>().CreateAsync(Request(Home(Week(2))), submit: true, cancellationToken: Ct));

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => DecideAsync("pegawai@demo.go.id", request, Decision.Approve));
        await Assert.ThrowsAsync<NotFoundException>(() => DecideAsync("baru@demo.go.id", request, Decision.Approve));
        await Assert.ThrowsAsync<NotFoundException>(() => DecideAsync("kepala@demo.go.id", request, Decision.Approve)); // level 1 is the supervisor's
        await Assert.ThrowsAsync<NotFoundException>(() => AsAsync("baru@demo.go.id", s => s.GetRequiredService<RequestService>().GetAsync(request.Id, Ct)));
        await Assert.ThrowsAsync<NotFoundException>(() => AsAsync("pegawai@demo2.go.id", s => s.GetRequiredService<RequestService>().GetAsync(request.Id, Ct)));
        await Assert.ThrowsAsync<NotFoundException>(() => DecideAsync("pegawai@demo2.go.id", request, Decision.Reject));
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => AsAsync("platform@flexwork.local", s => s.GetRequiredService<RequestService>().GetAsync(request.Id, Ct)));
        Assert.DoesNotContain(await AsAsync("kepala@demo.go.id", s => s.GetRequiredService<ApprovalService>().InboxAsync(Ct)), i => i.Request.Id == request.Id);

        var rejected = await AsAsync("atasan@demo.go.id", s => s.GetRequiredService<ApprovalService>().DecideAsync(request.Id, Decision.Reject, "Rapat koordinasi tim hari itu", request.Version, Ct));
        Assert.Equal(RequestStatus.Rejected, rejected.Status);
        Assert.Equal("Rapat koordinasi tim hari itu", rejected.History[^1].Comment);
    }

    [Fact]
    public async Task An_acting_official_decides_during_the_delegation_and_the_history_names_both()
    {
        var request = await AsAsync("pegawai@demo.go.id", s => s.GetRequiredService<RequestService>().CreateAsync(Request(Home(Week(3))), submit: true, cancellationToken: Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => DecideAsync("admin@demo.go.id", request, Decision.Approve));

        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FlexWorkDbContext>();
            var people = await db.Employees.IgnoreQueryFilters().Where(e => e.Email == "atasan@demo.go.id" || e.Email == "admin@demo.go.id").ToDictionaryAsync(e => e.Email, Ct);
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            db.Delegations.Add(Delegation.Create(
                people["atasan@demo.go.id"].AgencyId, people["atasan@demo.go.id"].Id, people["admin@demo.go.id"].Id, today.AddDays(-1), today.AddDays(7), "Sprint Plh 7/2026", today));
            await db.SaveChangesAsync(Ct);
        }

        Assert.Contains(await AsAsync("admin@demo.go.id", s => s.GetRequiredService<ApprovalService>().InboxAsync(Ct)), i => i.Request.Id == request.Id);
        var approved = await DecideAsync("admin@demo.go.id", request, Decision.Approve);
        var step = approved.History[^1];
        Assert.Equal(RequestStatus.Approved, step.To);
        Assert.NotNull(step.OnBehalfOfUserId);
        Assert.NotEqual(step.ActorUserId, step.OnBehalfOfUserId);
    }

    [Fact]
    public async Task Two_concurrent_approvals_store_one_decision_and_the_other_is_told()
    {
        var request = await AsAsync("pegawai@demo.go.id", s => s.GetRequiredService<RequestService>().CreateAsync(Request(Home(Week(4))), submit: true, cancellationToken: Ct));

        var attempts = await Task.WhenAll(Enumerable.Range(0, 2).Select(async i =>
        {
            try
            {
                await DecideAsync("atasan@demo.go.id", request, i == 0 ? Decision.Approve : Decision.Reject, "alasan");
                return "ok";
            }
            catch (ConcurrencyConflictException)
            {
                return "conflict";
            }
        }));

        Assert.Equal(["conflict", "ok"], attempts.Order());
        var stored = await AsAsync("pegawai@demo.go.id", s => s.GetRequiredService<RequestService>().GetAsync(request.Id, Ct));
        Assert.Equal(2, stored.History.Count); // submitted, then exactly one decision
    }

    [Fact]
    public async Task A_repeated_submission_id_creates_one_request()
    {
        var submission = Guid.NewGuid();
        var monday = Week(5);
        var first = await AsAsync("pegawai@demo.go.id", s => s.GetRequiredService<RequestService>().CreateAsync(Request(Home(monday)), true, submission, Ct));
        var again = await AsAsync("pegawai@demo.go.id", s => s.GetRequiredService<RequestService>().CreateAsync(Request(Home(monday)), true, submission, Ct));
        Assert.Equal(first.Id, again.Id);

        var raced = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            AsAsync("pegawai@demo.go.id", s => s.GetRequiredService<RequestService>().CreateAsync(Request(Office(monday.AddDays(1))), true, Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301"), Ct))));
        Assert.Single(raced.Select(r => r.Id).Distinct());
        Assert.Equal(2, await CountRequestsAsync(monday));
    }

    [Fact]
    public async Task Two_submissions_of_one_person_at_once_cannot_together_pass_the_weekly_cap()
    {
        var monday = Week(8);
        var outcomes = await Task.WhenAll(new[] { monday, monday.AddDays(2) }.Select(async first =>
        {
            try
            {
                await AsAsync("pegawai@demo.go.id", s => s.GetRequiredService<RequestService>().CreateAsync(Request(Home(first), Home(first.AddDays(1))), submit: true, cancellationToken: Ct));
                return "submitted";
            }
            catch (RequestBlockedException blocked) when (blocked.Findings.Any(f => f.Code == RuleCodes.WeeklyRemoteCap))
            {
                return "capped";
            }
        }));

        Assert.Equal(["capped", "submitted"], outcomes.Order());
    }

    [Fact]
    public async Task Returned_requests_are_revised_and_resubmitted_and_approved_ones_can_be_withdrawn_from_tomorrow()
    {
        var monday = Week(6);
        var request = await AsAsync("pegawai@demo.go.id", s => s.GetRequiredService<RequestService>().CreateAsync(Request(Home(monday)), submit: true, cancellationToken: Ct));
        var returned = await DecideAsync("atasan@demo.go.id", request, Decision.Return, "Tambahkan target keluaran");
        Assert.Equal(RequestStatus.ReturnedForRevision, returned.Status);

        var resubmitted = await AsAsync("pegawai@demo.go.id", s =>
            s.GetRequiredService<RequestService>().UpdateAsync(request.Id, Request(Home(monday), Home(monday.AddDays(3))), returned.Version, submit: true, Ct));
        Assert.Equal(RequestStatus.Submitted, resubmitted.Status);
        var approved = await DecideAsync("atasan@demo.go.id", resubmitted, Decision.Approve);

        var withdrawn = await AsAsync("pegawai@demo.go.id", s => s.GetRequiredService<RequestService>().WithdrawAsync(request.Id, approved.Version, "Rencana berubah", Ct));
        Assert.Equal(RequestStatus.Withdrawn, withdrawn.Status);
        Assert.NotNull(withdrawn.CancelledFrom);
    }

    [Fact]
    public async Task A_policy_route_with_two_levels_needs_the_supervisor_then_the_unit_head()
    {
        await using (var admin = await fixture.ActAsAsync("admin@demo.go.id"))
        {
            var policies = admin.ServiceProvider.GetRequiredService<PolicyAdministration>();
            var draft = await policies.GetDraftAsync(Ct);
            var settings = draft.Settings with
            {
                Requests = draft.Settings.Requests with
                {
                    Approval = [.. draft.Settings.Requests.Approval, new ApprovalRule(WorkMode.OtherOffice, 1, ApprovalRoute.SupervisorThenUnitHead)],
                },
            };
            await policies.SaveDraftAsync(settings, draft.Version, Ct);
            await policies.PublishAsync(new PublishInput(draft.AgencyToday, "SK Sekjen 50/2026", (await policies.GetDraftAsync(Ct)).Version), Ct);
        }

        var kanwil = await AsAsync("admin@demo.go.id", s => s.GetRequiredService<Application.Locations.ManageLocations.LocationAdministration>().ListAsync(Ct));
        var office = kanwil.Single(l => l.Kind == Domain.Locations.LocationKind.OtherOffice).Id;
        var request = await AsAsync("pegawai@demo.go.id", s => s.GetRequiredService<RequestService>().CreateAsync(
            Request(new RequestDay(Week(7), WorkMode.OtherOffice, LocationId: office)), submit: true, cancellationToken: Ct));
        Assert.Equal(ApprovalRoute.SupervisorThenUnitHead, request.Route);

        await Assert.ThrowsAsync<NotFoundException>(() => DecideAsync("kepala@demo.go.id", request, Decision.Approve)); // not yet: level 1
        var first = await DecideAsync("atasan@demo.go.id", request, Decision.Approve);
        Assert.Equal((RequestStatus.Submitted, 2), (first.Status, first.Level));
        Assert.Contains(await AsAsync("kepala@demo.go.id", s => s.GetRequiredService<ApprovalService>().InboxAsync(Ct)), i => i.Request.Id == request.Id);
        var second = await DecideAsync("kepala@demo.go.id", first, Decision.Approve);
        Assert.Equal(RequestStatus.Approved, second.Status);
    }

    [Fact]
    public async Task Evidence_of_a_wrong_type_or_over_5_mb_is_refused_and_nothing_is_stored_and_a_pdf_lets_another_location_through()
    {
        var coworking = (await AsAsync("admin@demo.go.id", s => s.GetRequiredService<Application.Locations.ManageLocations.LocationAdministration>().ListAsync(Ct)))
            .Single(l => l.Kind == Domain.Locations.LocationKind.OtherLocation).Id;
        var monday = Week(9);
        var input = Request(new RequestDay(monday, WorkMode.OtherLocation, LocationId: coworking));
        var blocked = await Assert.ThrowsAsync<RequestBlockedException>(() => AsAsync("pegawai@demo.go.id", s =>
            s.GetRequiredService<RequestService>().CreateAsync(input, submit: true, cancellationToken: Ct)));
        Assert.Equal(RuleCodes.EvidenceRequired, blocked.Findings.Single().Code);

        var draft = await AsAsync("pegawai@demo.go.id", s => s.GetRequiredService<RequestService>().CreateAsync(input, submit: false, cancellationToken: Ct));
        var service = (IServiceProvider s) => s.GetRequiredService<RequestService>();
        var wrongType = await Assert.ThrowsAsync<DomainException>(() => AsAsync("pegawai@demo.go.id", s =>
            service(s).AttachEvidenceAsync(draft.Id, null, "surat-tugas.pdf", new MemoryStream("ini bukan PDF"u8.ToArray()), Ct)));
        Assert.Equal("EVIDENCE_TYPE_INVALID", wrongType.Code);
        var big = new byte[EvidenceFile.MaxBytes + 1];
        "%PDF-"u8.CopyTo(big);
        var tooBig = await Assert.ThrowsAsync<DomainException>(() => AsAsync("pegawai@demo.go.id", s =>
            service(s).AttachEvidenceAsync(draft.Id, null, "besar.pdf", new MemoryStream(big), Ct)));
        Assert.Equal("EVIDENCE_TOO_LARGE", tooBig.Code);
        Assert.Empty(await AsAsync("pegawai@demo.go.id", s => service(s).ListEvidenceAsync(draft.Id, Ct)));
        Assert.False((await AsAsync("pegawai@demo.go.id", s => service(s).GetAsync(draft.Id, Ct))).HasEvidence);

        var pdf = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF"u8.ToArray();
        var attached = await AsAsync("pegawai@demo.go.id", s => service(s).AttachEvidenceAsync(draft.Id, null, "surat-tugas.pdf", new MemoryStream(pdf), Ct));
        Assert.Equal(("application/pdf", pdf.Length), (attached.ContentType, attached.SizeBytes));
        var withEvidence = await AsAsync("pegawai@demo.go.id", s => service(s).GetAsync(draft.Id, Ct));
        var submitted = await AsAsync("pegawai@demo.go.id", s => service(s).UpdateAsync(draft.Id, input, withEvidence.Version, submit: true, Ct));
        Assert.Equal(RequestStatus.Submitted, submitted.Status);

        var (_, type, content) = await AsAsync("atasan@demo.go.id", s => service(s).GetEvidenceAsync(draft.Id, attached.Id, Ct));
        Assert.Equal(("application/pdf", pdf.Length), (type, content.Length));
        await Assert.ThrowsAsync<NotFoundException>(() => AsAsync("baru@demo.go.id", s => service(s).GetEvidenceAsync(draft.Id, attached.Id, Ct)));
        await Assert.ThrowsAsync<NotFoundException>(() => AsAsync("pegawai@demo2.go.id", s => service(s).GetEvidenceAsync(draft.Id, attached.Id, Ct)));
    }

    [Fact]
    public async Task Bulk_approval_takes_the_clean_requests_and_leaves_a_stale_one_and_one_under_the_unit_minimum()
    {
        var create = (DateOnly day) => AsAsync("pegawai@demo.go.id", s => s.GetRequiredService<RequestService>().CreateAsync(Request(Home(day)), submit: true, cancellationToken: Ct));
        var clean = await create(Week(10));
        var stale = await create(Week(10).AddDays(1));
        var crowdedDay = Week(12).AddDays(2);
        var crowded = await create(crowdedDay);
        await SendColleaguesAwayUntilBelowMinimumAsync(crowded.Id, crowdedDay);

        var inbox = await AsAsync("atasan@demo.go.id", s => s.GetRequiredService<ApprovalService>().InboxAsync(Ct));
        Assert.True(inbox.Single(i => i.Request.Id == clean.Id).CanBulkApprove);
        Assert.False(inbox.Single(i => i.Request.Id == crowded.Id).CanBulkApprove);

        var outcomes = await AsAsync("atasan@demo.go.id", s => s.GetRequiredService<ApprovalService>().ApproveCleanAsync(
            [new DecisionTarget(clean.Id, clean.Version), new DecisionTarget(stale.Id, stale.Version + 1), new DecisionTarget(crowded.Id, crowded.Version)], null, Ct));
        Assert.Equal(
            [(clean.Id, (string?)null), (stale.Id, "REQUEST_CHANGED"), (crowded.Id, "REQUEST_NOT_CLEAN")],
            outcomes.Select(o => (o.Id, o.Refusal?.Code)));
        var status = (RequestDetails r) => AsAsync("pegawai@demo.go.id", s => s.GetRequiredService<RequestService>().GetAsync(r.Id, Ct));
        Assert.Equal(RequestStatus.Approved, (await status(clean)).Status);
        Assert.Equal(RequestStatus.Submitted, (await status(stale)).Status);
        Assert.Equal(RequestStatus.Submitted, (await status(crowded)).Status);

        // Decided on its own, with the numbers in view, the crowded day can still be approved.
        Assert.Equal(RequestStatus.Approved, (await DecideAsync("atasan@demo.go.id", crowded, Decision.Approve)).Status);

        // Another agency or another supervisor's colleague approves nothing in bulk either.
        var foreign = await AsAsync("pegawai@demo2.go.id", s => s.GetRequiredService<ApprovalService>().ApproveCleanAsync([new DecisionTarget(stale.Id, stale.Version)], null, Ct));
        Assert.Equal("REQUEST_NOT_FOUND", Assert.Single(foreign).Refusal?.Code);
        var colleague = await AsAsync("baru@demo.go.id", s => s.GetRequiredService<ApprovalService>().ApproveCleanAsync([new DecisionTarget(stale.Id, stale.Version)], null, Ct));
        Assert.Equal("REQUEST_NOT_FOUND", Assert.Single(colleague).Refusal?.Code);
        Assert.Equal(RequestStatus.Submitted, (await status(stale)).Status);
    }

    [Fact]
    public async Task The_supervisor_lists_running_approvals_and_revokes_one_with_a_reason_from_tomorrow_on()
    {
        var request = await AsAsync("pegawai@demo.go.id", s => s.GetRequiredService<RequestService>().CreateAsync(Request(Home(Week(11))), submit: true, cancellationToken: Ct));
        var approved = await DecideAsync("atasan@demo.go.id", request, Decision.Approve);

        var revocable = (string email) => AsAsync(email, s => s.GetRequiredService<ApprovalService>().RevocableAsync(Ct));
        Assert.Contains(await revocable("atasan@demo.go.id"), r => r.Id == request.Id);
        foreach (var outsider in new[] { "baru@demo.go.id", "pegawai@demo.go.id", "pegawai@demo2.go.id", "admin@demo2.go.id" })
        {
            Assert.DoesNotContain(await revocable(outsider), r => r.Id == request.Id);
        }

        var noReason = await Assert.ThrowsAsync<DomainException>(() =>
            AsAsync("atasan@demo.go.id", s => s.GetRequiredService<ApprovalService>().RevokeAsync(request.Id, " ", approved.Version, Ct)));
        Assert.Equal("REQUEST_COMMENT_REQUIRED", noReason.Code);
        await Assert.ThrowsAsync<ForbiddenAccessException>(() =>
            AsAsync("pegawai@demo.go.id", s => s.GetRequiredService<ApprovalService>().RevokeAsync(request.Id, "sendiri", approved.Version, Ct)));
        await Assert.ThrowsAsync<NotFoundException>(() =>
            AsAsync("pegawai@demo2.go.id", s => s.GetRequiredService<ApprovalService>().RevokeAsync(request.Id, "lain instansi", approved.Version, Ct)));

        var revoked = await AsAsync("atasan@demo.go.id", s => s.GetRequiredService<ApprovalService>().RevokeAsync(request.Id, "Layanan tatap muka ditambah", approved.Version, Ct));
        Assert.Equal(RequestStatus.Revoked, revoked.Status);
        Assert.Equal("Layanan tatap muka ditambah", revoked.History[^1].Comment);
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1).DayNumber;
        Assert.InRange(revoked.CancelledFrom!.Value.DayNumber, tomorrow - 1, tomorrow + 1); // the agency's tomorrow, near midnight UTC a day off
        Assert.DoesNotContain(await revocable("atasan@demo.go.id"), r => r.Id == request.Id);
    }

    /// <summary>Colleagues of the request's employee take the day off-site until the unit would fall under its minimum with the request.</summary>
    private async Task SendColleaguesAwayUntilBelowMinimumAsync(Guid requestId, DateOnly day)
    {
        var coverage = (await AsAsync("atasan@demo.go.id", s => s.GetRequiredService<ApprovalService>().InboxAsync(Ct)))
            .Single(i => i.Request.Id == requestId).Coverage.Single(c => c.Date == day);
        await using var scope = await fixture.ActAsAsync("admin@demo.go.id"); // the agency's context: the notifications are written with it
        var db = scope.ServiceProvider.GetRequiredService<FlexWorkDbContext>();
        var employee = await db.WorkRequests.IgnoreQueryFilters().Where(r => r.Id == requestId)
            .Join(db.Employees.IgnoreQueryFilters(), r => r.EmployeeId, e => e.Id, (r, e) => e).SingleAsync(Ct);
        var colleagues = await db.Employees.IgnoreQueryFilters()
            .Where(e => e.UnitId == employee.UnitId && e.IsActive && e.Id != employee.Id).OrderBy(e => e.Nip)
            .Take(coverage.OnSite - coverage.MinimumOnSite + 1).ToListAsync(Ct);
        Assert.Equal(coverage.OnSite - coverage.MinimumOnSite + 1, colleagues.Count);
        var now = DateTimeOffset.UtcNow;
        foreach (var colleague in colleagues)
        {
            var away = WorkRequest.Create(colleague.AgencyId, colleague.Id, now);
            away.Edit(new ProposedRequest([new RequestDay(day, WorkMode.Home)], "Dinas luar"), now);
            away.Submit(1, [], ApprovalRoute.Supervisor, now, null);
            db.WorkRequests.Add(away);
        }

        await db.SaveChangesAsync(Ct);
    }

    private Task<RequestDetails> DecideAsync(string email, RequestDetails request, Decision decision, string? comment = null) =>
        AsAsync(email, s => s.GetRequiredService<ApprovalService>().DecideAsync(request.Id, decision, comment, request.Version, Ct));

    private async Task<T> AsAsync<T>(string email, Func<IServiceProvider, Task<T>> act)
    {
        await using var scope = await fixture.ActAsAsync(email);
        return await act(scope.ServiceProvider);
    }

    private async Task<int> CountRequestsAsync(DateOnly monday)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FlexWorkDbContext>();
        return await db.WorkRequests.IgnoreQueryFilters().CountAsync(r => r.Days.Any(d => d.Date >= monday && d.Date < monday.AddDays(7)), Ct);
    }

    private static ProposedRequestInput Request(params RequestDay[] days) =>
        new(days, "Menyusun laporan", [new WorkPlanItem("Laporan analisis jabatan", "Dokumen", "1")]);

    private static RequestDay Home(DateOnly date) => new(date, WorkMode.Home);

    private static RequestDay Office(DateOnly date) => new(date, WorkMode.Office);
}
