using FlexWork.Domain.Common;
using FlexWork.Domain.Policies;
using FlexWork.Domain.Requests;

namespace FlexWork.Domain.UnitTests.Requests;

public class WorkRequestTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 7);
    private static readonly DateOnly Monday = new(2026, 12, 14);

    private static readonly Finding Warning = new(RuleCodes.UnitOnsiteMinimum, FindingSeverity.Warn, Monday, "UNIT_ONSITE_MINIMUM.Share", ["4", "10", "30"], "x");
    private static readonly Finding Block = new(RuleCodes.WeeklyRemoteCap, FindingSeverity.Block, Monday, "WEEKLY_REMOTE_CAP", ["2", "3"], "x");

    public enum Step
    {
        Submit,
        Approve,
        Reject,
        Return,
        Withdraw,
        Revoke,
        Edit,
    }

    [Theory]
    [InlineData(RequestStatus.Draft, Step.Submit, RequestStatus.Submitted)]
    [InlineData(RequestStatus.Draft, Step.Edit, RequestStatus.Draft)]
    [InlineData(RequestStatus.Submitted, Step.Approve, RequestStatus.Approved)]
    [InlineData(RequestStatus.Submitted, Step.Reject, RequestStatus.Rejected)]
    [InlineData(RequestStatus.Submitted, Step.Return, RequestStatus.ReturnedForRevision)]
    [InlineData(RequestStatus.Submitted, Step.Withdraw, RequestStatus.Withdrawn)]
    [InlineData(RequestStatus.ReturnedForRevision, Step.Edit, RequestStatus.ReturnedForRevision)]
    [InlineData(RequestStatus.ReturnedForRevision, Step.Submit, RequestStatus.Submitted)]
    [InlineData(RequestStatus.Approved, Step.Withdraw, RequestStatus.Withdrawn)]
    [InlineData(RequestStatus.Approved, Step.Revoke, RequestStatus.Revoked)]
    public void Allowed_transitions(RequestStatus from, Step step, RequestStatus to)
    {
        var request = InStatus(from);
        Apply(request, step);
        Assert.Equal(to, request.Status);
        if (from != to)
        {
            var last = request.History[^1];
            Assert.Equal((from, to, Now), (last.From, last.To, last.At));
        }
    }

    public static TheoryData<RequestStatus, Step> Forbidden()
    {
        var allowed = new HashSet<(RequestStatus, Step)>
        {
            (RequestStatus.Draft, Step.Submit), (RequestStatus.Draft, Step.Edit), (RequestStatus.Submitted, Step.Approve),
            (RequestStatus.Submitted, Step.Reject), (RequestStatus.Submitted, Step.Return), (RequestStatus.Submitted, Step.Withdraw),
            (RequestStatus.ReturnedForRevision, Step.Edit), (RequestStatus.ReturnedForRevision, Step.Submit),
            (RequestStatus.Approved, Step.Withdraw), (RequestStatus.Approved, Step.Revoke),
        };
        var data = new TheoryData<RequestStatus, Step>();
        foreach (var status in Enum.GetValues<RequestStatus>())
        {
            foreach (var step in Enum.GetValues<Step>().Where(s => !allowed.Contains((status, s))))
            {
                data.Add(status, step);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void Every_other_transition_is_refused_and_changes_nothing(RequestStatus from, Step step)
    {
        var request = InStatus(from);
        var history = request.History.Count;
        var error = Assert.Throws<DomainException>(() => Apply(request, step));
        Assert.True(error.Code is "REQUEST_TRANSITION_INVALID" or "REQUEST_NOT_EDITABLE", error.Code);
        Assert.Equal((from, history), (request.Status, request.History.Count));
    }

    [Fact]
    public void A_blocking_finding_stops_the_submission_and_warnings_travel_with_it()
    {
        var blocked = Draft();
        Assert.Equal("REQUEST_BLOCKED", Assert.Throws<DomainException>(() => blocked.Submit(1, [Block, Warning], ApprovalRoute.Supervisor, Now, "u")).Code);
        Assert.Equal(RequestStatus.Draft, blocked.Status);

        var warned = Draft();
        warned.Submit(3, [Warning], ApprovalRoute.Supervisor, Now, "u");
        Assert.Equal((3, 1), (warned.PolicyVersionNumber, warned.Findings.Count));
    }

    [Fact]
    public void An_automatic_route_approves_at_once()
    {
        var request = Draft();
        request.Submit(1, [], ApprovalRoute.Auto, Now, "u");
        Assert.Equal(RequestStatus.Approved, request.Status);
        Assert.Equal([RequestStatus.Submitted, RequestStatus.Approved], request.History.Select(h => h.To));
    }

    [Fact]
    public void Two_levels_need_the_supervisor_and_then_the_unit_head_and_a_delegate_is_recorded()
    {
        var request = Draft();
        request.Submit(1, [], ApprovalRoute.SupervisorThenUnitHead, Now, "employee");
        request.Approve(new Decider(Guid.NewGuid(), "plh", "supervisor"), Now, "ok");
        Assert.Equal((RequestStatus.Submitted, 2), (request.Status, request.Level));
        Assert.Equal(("plh", "supervisor"), (request.History[^1].ActorUserId, request.History[^1].OnBehalfOfUserId));

        request.Approve(As("head"), Now, null);
        Assert.Equal(RequestStatus.Approved, request.Status);
    }

    [Fact]
    public void Each_step_raises_one_event_for_what_it_asks_of_others_and_a_refused_step_raises_none()
    {
        var request = Draft();
        request.Submit(1, [], ApprovalRoute.SupervisorThenUnitHead, Now, "employee");
        var supervisor = As("supervisor");
        request.Approve(supervisor, Now, null);
        request.Escalate(Now);
        Assert.Throws<DomainException>(() => request.Revoke(supervisor, Today, Now, "x")); // not approved yet
        var head = As("head");
        request.Approve(head, Now, null);
        request.Revoke(head, Today, Now, "Kebutuhan layanan");
        Assert.Equal<object>(
            [new RequestSubmitted(request), new RequestDecided(request, supervisor), new RequestEscalated(request), new RequestDecided(request, head), new RequestRevoked(request, head)],
            request.DomainEvents);

        request.ClearDomainEvents();
        Assert.Empty(request.DomainEvents);

        var returned = InStatus(RequestStatus.Submitted);
        returned.ReturnForRevision(head, Now, "Lengkapi");
        var withdrawn = InStatus(RequestStatus.Submitted);
        withdrawn.Withdraw(Today, Now, "u", null);
        var automatic = Draft();
        automatic.Submit(1, [], ApprovalRoute.Auto, Now, "u");
        Assert.Equal((typeof(RequestReturned), typeof(RequestWithdrawn)), (returned.DomainEvents[^1].GetType(), withdrawn.DomainEvents[^1].GetType()));
        Assert.Empty(automatic.DomainEvents); // approved at once: nobody is asked for anything
    }

    [Fact]
    public void Rejecting_returning_and_revoking_need_a_reason()
    {
        foreach (var decide in new Action<WorkRequest>[]
                 {
                     r => r.Reject(As("s"), Now, " "),
                     r => r.ReturnForRevision(As("s"), Now, null),
                 })
        {
            var request = InStatus(RequestStatus.Submitted);
            Assert.Equal("REQUEST_COMMENT_REQUIRED", Assert.Throws<DomainException>(() => decide(request)).Code);
            Assert.Equal(RequestStatus.Submitted, request.Status);
        }

        var approved = InStatus(RequestStatus.Approved);
        Assert.Equal("REQUEST_COMMENT_REQUIRED", Assert.Throws<DomainException>(() => approved.Revoke(As("s"), Today, Now, "")).Code);
    }

    [Fact]
    public void Nobody_decides_on_their_own_request_not_even_as_an_acting_official()
    {
        var submitted = InStatus(RequestStatus.Submitted);
        var self = new Decider(submitted.EmployeeId, "employee", "supervisor");
        foreach (var decide in new Action<WorkRequest>[]
                 {
                     r => r.Approve(self, Now, null),
                     r => r.Reject(self, Now, "alasan"),
                     r => r.ReturnForRevision(self, Now, "alasan"),
                 })
        {
            Assert.Equal("REQUEST_OWN_DECISION", Assert.Throws<DomainException>(() => decide(submitted)).Code);
        }

        var approved = InStatus(RequestStatus.Approved);
        Assert.Equal("REQUEST_OWN_DECISION", Assert.Throws<DomainException>(() => approved.Revoke(self with { EmployeeId = approved.EmployeeId }, Today, Now, "alasan")).Code);
        Assert.Equal((RequestStatus.Submitted, RequestStatus.Approved), (submitted.Status, approved.Status));
    }

    [Fact]
    public void Withdrawing_an_approved_request_keeps_the_days_already_worked()
    {
        var request = InStatus(RequestStatus.Approved);
        var midway = Monday.AddDays(1);
        request.Withdraw(midway, Now, "u", null);
        Assert.Equal(midway.AddDays(1), request.CancelledFrom);
        Assert.True(request.Plans(Monday));
        Assert.True(request.Plans(midway));
        Assert.False(request.Plans(midway.AddDays(1)));
    }

    [Fact]
    public void A_request_whose_days_are_all_past_cannot_be_withdrawn_or_revoked()
    {
        var request = InStatus(RequestStatus.Approved);
        Assert.Equal("REQUEST_NO_FUTURE_DAYS", Assert.Throws<DomainException>(() => request.Withdraw(request.LastDay, Now, "u", null)).Code);
        Assert.Equal("REQUEST_NO_FUTURE_DAYS", Assert.Throws<DomainException>(() => request.Revoke(As("s"), request.LastDay.AddDays(3), Now, "x")).Code);
        Assert.Equal(RequestStatus.Approved, request.Status);
    }

    [Fact]
    public void A_withdrawn_pending_request_plans_nothing()
    {
        var request = InStatus(RequestStatus.Submitted);
        request.Withdraw(Today, Now, "u", null);
        Assert.False(request.Plans(Monday));
    }

    /// <summary>A decider other than the request's employee.</summary>
    private static Decider As(string userId) => new(Guid.NewGuid(), userId);

    private static WorkRequest Draft()
    {
        var request = WorkRequest.Create(Guid.NewGuid(), Guid.NewGuid(), Now);
        request.Edit(new ProposedRequest([new RequestDay(Monday, WorkMode.Home), new RequestDay(Monday.AddDays(2), WorkMode.Home)], "Laporan"), Now);
        return request;
    }

    private static WorkRequest InStatus(RequestStatus status)
    {
        var request = Draft();
        switch (status)
        {
            case RequestStatus.Draft:
                break;
            case RequestStatus.Submitted:
                request.Submit(1, [], ApprovalRoute.Supervisor, Now, "u");
                break;
            case RequestStatus.Approved:
                request.Submit(1, [], ApprovalRoute.Supervisor, Now, "u");
                request.Approve(As("s"), Now, null);
                break;
            case RequestStatus.Rejected:
                request.Submit(1, [], ApprovalRoute.Supervisor, Now, "u");
                request.Reject(As("s"), Now, "Tidak sesuai kebutuhan layanan");
                break;
            case RequestStatus.ReturnedForRevision:
                request.Submit(1, [], ApprovalRoute.Supervisor, Now, "u");
                request.ReturnForRevision(As("s"), Now, "Lengkapi rencana kerja");
                break;
            case RequestStatus.Withdrawn:
                request.Submit(1, [], ApprovalRoute.Supervisor, Now, "u");
                request.Withdraw(Today, Now, "u", null);
                break;
            case RequestStatus.Revoked:
                request.Submit(1, [], ApprovalRoute.Supervisor, Now, "u");
                request.Approve(As("s"), Now, null);
                request.Revoke(As("s"), Today, Now, "Kebutuhan layanan");
                break;
        }

        return request;
    }

    private static void Apply(WorkRequest request, Step step)
    {
        switch (step)
        {
            case Step.Submit:
                request.Submit(1, [], ApprovalRoute.Supervisor, Now, "u");
                break;
            case Step.Approve:
                request.Approve(As("s"), Now, null);
                break;
            case Step.Reject:
                request.Reject(As("s"), Now, "alasan");
                break;
            case Step.Return:
                request.ReturnForRevision(As("s"), Now, "alasan");
                break;
            case Step.Withdraw:
                request.Withdraw(Today, Now, "u", null);
                break;
            case Step.Revoke:
                request.Revoke(As("s"), Today, Now, "alasan");
                break;
            case Step.Edit:
                request.Edit(new ProposedRequest([new RequestDay(Monday, WorkMode.Office)]), Now);
                break;
        }
    }
}

public class DelegationTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    [Fact]
    public void A_delegation_acts_only_in_its_period_and_until_revoked()
    {
        var delegation = Delegation.Create(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Today, Today.AddDays(4), "Sprint Plh 12/2026", Today);
        Assert.True(delegation.ActiveOn(Today.AddDays(4)));
        Assert.False(delegation.ActiveOn(Today.AddDays(5)));
        Assert.False(delegation.ActiveOn(Today.AddDays(-1)));
        delegation.Revoke();
        Assert.False(delegation.ActiveOn(Today));
    }

    [Fact]
    public void A_delegation_needs_another_person_a_decree_and_a_period_that_is_not_over()
    {
        var person = Guid.NewGuid();
        Assert.Equal("DELEGATION_TO_SELF", Assert.Throws<DomainException>(() => Delegation.Create(Guid.NewGuid(), person, person, Today, Today, "SK", Today)).Code);
        Assert.Equal("DELEGATION_DECREE_REQUIRED", Assert.Throws<DomainException>(() => Delegation.Create(Guid.NewGuid(), person, Guid.NewGuid(), Today, Today, " ", Today)).Code);
        Assert.Equal("DATE_RANGE_INVALID", Assert.Throws<DomainException>(() => Delegation.Create(Guid.NewGuid(), person, Guid.NewGuid(), Today.AddDays(-9), Today.AddDays(-2), "SK", Today)).Code);
    }
}

public class EvidenceFileTests
{
    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 }, "application/pdf")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00 }, "image/png")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00 }, "image/jpeg")]
    public void Pdf_png_and_jpeg_are_recognised_by_their_content(byte[] content, string type)
    {
        var file = EvidenceFile.Of("surat-tugas.bin", content);
        Assert.Equal((type, content.Length), (file.ContentType, file.Content.Length));
    }

    [Fact]
    public void A_text_file_named_pdf_an_empty_file_and_a_file_over_5_mb_are_refused()
    {
        Assert.Equal("EVIDENCE_TYPE_INVALID", Assert.Throws<DomainException>(() => EvidenceFile.Of("surat.pdf", "bukan pdf"u8.ToArray())).Code);
        Assert.Equal("EVIDENCE_EMPTY", Assert.Throws<DomainException>(() => EvidenceFile.Of("surat.pdf", [])).Code);
        var big = new byte[EvidenceFile.MaxBytes + 1];
        "%PDF-"u8.CopyTo(big);
        Assert.Equal("EVIDENCE_TOO_LARGE", Assert.Throws<DomainException>(() => EvidenceFile.Of("surat.pdf", big)).Code);
    }

    [Theory]
    [InlineData("../../etc/surat.pdf", "surat.pdf")]
    [InlineData("C:\\Users\\andi\\surat tugas.pdf", "surat tugas.pdf")]
    [InlineData("sur\u0001at\u0000.pdf", "surat.pdf")]
    [InlineData(" \t ", "bukti")]
    public void Evidence_keeps_only_the_file_name_without_folders_or_control_characters(string sent, string kept) =>
        Assert.Equal(kept, EvidenceFile.Of(sent, "%PDF-1.7"u8.ToArray()).FileName);

    [Fact]
    public void A_very_long_name_keeps_its_end_with_the_extension()
    {
        var name = EvidenceFile.Of(new string('a', 500) + "x.pdf", "%PDF-1.7"u8.ToArray()).FileName;
        Assert.Equal((EvidenceFile.MaxFileNameLength, true), (name.Length, name.EndsWith("x.pdf", StringComparison.Ordinal)));
    }
}

public class RequestEvidenceTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);
    private static readonly EvidenceFile Pdf = EvidenceFile.Of("surat.pdf", "%PDF-1.7"u8.ToArray());

    [Fact]
    public void Evidence_marks_the_request_and_only_while_it_can_still_change()
    {
        var request = Draft();
        var evidence = RequestEvidence.Create(request, Pdf, Now, "u");
        Assert.True(request.HasEvidence);
        Assert.Equal((request.Id, "application/pdf", 8), (evidence.RequestId, evidence.ContentType, evidence.SizeBytes));

        request.Submit(1, [], ApprovalRoute.Supervisor, Now, "u");
        Assert.Equal("REQUEST_NOT_EDITABLE", Assert.Throws<DomainException>(() => RequestEvidence.Create(request, Pdf, Now, "u")).Code);
    }

    private static WorkRequest Draft()
    {
        var request = WorkRequest.Create(Guid.NewGuid(), Guid.NewGuid(), Now);
        request.Edit(new ProposedRequest([new RequestDay(new DateOnly(2026, 12, 14), WorkMode.OtherLocation)]), Now);
        return request;
    }
}

public class EscalationTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_waiting_request_goes_to_the_unit_head_and_the_step_is_recorded()
    {
        var request = WorkRequest.Create(Guid.NewGuid(), Guid.NewGuid(), Now);
        request.Edit(new ProposedRequest([new RequestDay(new DateOnly(2026, 12, 21), WorkMode.Home)]), Now);
        request.Submit(1, [], ApprovalRoute.Supervisor, Now, "u");
        Assert.Equal(Now, request.WaitingSince);

        var later = Now.AddDays(5);
        request.Escalate(later);
        Assert.Equal((RequestStatus.Submitted, 2, (DateTimeOffset?)later), (request.Status, request.Level, request.WaitingSince));
        Assert.Equal("ESCALATED", request.History[^1].Comment);

        request.Approve(new Decider(Guid.NewGuid(), "head"), later, null);
        Assert.Equal(RequestStatus.Approved, request.Status);
        Assert.Equal("REQUEST_TRANSITION_INVALID", Assert.Throws<DomainException>(() => request.Escalate(later)).Code);
    }
}
