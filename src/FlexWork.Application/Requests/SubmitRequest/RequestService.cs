using FlexWork.Application.Common;
using FlexWork.Application.Policies;
using FlexWork.Application.Policies.CheckRequest;
using FlexWork.Domain.Common;
using FlexWork.Domain.Policies;
using FlexWork.Domain.Requests;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Requests.SubmitRequest;

/// <summary>
/// Employees' own requests: save as draft or submit (judged by the policy in force, blocked by
/// a blocking finding), edit while a draft or returned, withdraw before the days are worked.
/// </summary>
public sealed class RequestService(
    IFlexWorkDbContextFactory dbFactory,
    ICurrentUser currentUser,
    TimeProvider timeProvider,
    PolicyCheckService policy,
    IValidator<ProposedRequestInput> validator)
{
    /// <param name="clientSubmissionId">The client's id for this submission: a retry with the same id returns the request it made.</param>
    public async Task<RequestDetails> CreateAsync(
        ProposedRequestInput input, bool submit, Guid? clientSubmissionId = null, CancellationToken cancellationToken = default)
    {
        var employeeId = currentUser.RequireEmployee();
        var agencyId = currentUser.RequireAgency();
        input = await ValidExpandedAsync(input, cancellationToken);
        var proposal = WithoutClientEvidenceClaim(input).ToRequest();
        WorkRequest NewRequest()
        {
            var now = timeProvider.GetUtcNow();
            var request = WorkRequest.Create(agencyId, employeeId, now, clientSubmissionId);
            request.Edit(proposal, now);
            return request;
        }

        if (clientSubmissionId is { } retried)
        {
            await using var db = await dbFactory.CreateAsync(cancellationToken);
            if (await FindBySubmissionAsync(db, employeeId, retried, cancellationToken) is { } earlier)
            {
                // A retry returns the first request; the same key with other content is a client's mistake, not a retry.
                return IsSameContent(earlier, NewRequest()) ? earlier : throw new DomainException("IDEMPOTENCY_KEY_REUSED");
            }
        }

        Guid id;
        try
        {
            id = await dbFactory.InTransactionAsync(
                async (db, ct) =>
                {
                    var request = NewRequest();
                    if (submit)
                    {
                        await SubmitAsync(db, request, ct);
                    }

                    db.WorkRequests.Add(request);
                    await db.SaveChangesAsync(ct);
                    return request.Id;
                },
                cancellationToken);
        }
        catch (Exception ex) when (ex is DuplicateException or RequestBlockedException && clientSubmissionId is not null)
        {
            // The same submission raced in twice: the other copy won (its days now overlap this
            // one's, or its id is taken), and it is the answer.
            await using var fresh = await dbFactory.CreateAsync(cancellationToken);
            var winner = await FindBySubmissionAsync(fresh, employeeId, clientSubmissionId!.Value, cancellationToken);
            if (winner is null)
            {
                throw;
            }

            return winner;
        }

        return await GetAsync(id, cancellationToken);
    }

    /// <summary>Changes a draft or returned request (and submits it when asked).</summary>
    public async Task<RequestDetails> UpdateAsync(Guid id, ProposedRequestInput input, uint version, bool submit, CancellationToken cancellationToken = default)
    {
        var employeeId = currentUser.RequireEmployee();
        input = await ValidExpandedAsync(input, cancellationToken);
        var proposal = WithoutClientEvidenceClaim(input).ToRequest();
        await dbFactory.InTransactionAsync(
            async (db, ct) =>
            {
                var request = await OwnAsync(db, id, employeeId, ct);
                db.ExpectVersion(request, version);
                request.Edit(new ProposedRequest(proposal.Days, proposal.Reason, proposal.WorkPlan, request.HasEvidence), timeProvider.GetUtcNow());
                if (submit)
                {
                    await SubmitAsync(db, request, ct);
                }

                await db.SaveChangesAsync(ct);
            },
            cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    public async Task<RequestDetails> WithdrawAsync(Guid id, uint version, string? comment, CancellationToken cancellationToken = default)
    {
        var employeeId = currentUser.RequireEmployee();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var request = await OwnAsync(db, id, employeeId, cancellationToken);
        db.ExpectVersion(request, version);
        var place = await PolicyContextLoader.PlaceAsync(db, employeeId, cancellationToken);
        var now = timeProvider.GetUtcNow();
        request.Withdraw(PolicyCheckContext.TodayIn(now, place.TimeZoneId), now, currentUser.UserId, comment);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    /// <summary>
    /// Attaches supporting evidence to the caller's draft or returned request. The file is read
    /// whole (at most 5 MB, one byte more is refused before anything is stored) and its type is
    /// taken from its content. The policy caps the files per request and the bytes per employee (requests and reports together).
    /// </summary>
    /// <param name="version">The request's version the employee saw, when known: a request changed since is not touched (409).</param>
    public async Task<EvidenceItem> AttachEvidenceAsync(Guid id, uint? version, string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        var employeeId = currentUser.RequireEmployee();
        var file = await EvidenceUploads.ReadAsync(fileName, content, cancellationToken);
        return await dbFactory.InTransactionAsync(
            async (db, ct) =>
            {
                var request = await OwnAsync(db, id, employeeId, ct);
                if (version is { } seen)
                {
                    db.ExpectVersion(request, seen);
                }

                await AdvisoryLocks.EmployeeAsync(db, employeeId, ct); // two uploads at once cannot both pass the caps
                await EnsureEvidenceRoomAsync(db, request, file.Content.Length, ct);
                var evidence = RequestEvidence.Create(request, file, timeProvider.GetUtcNow(), currentUser.UserId);
                db.RequestEvidence.Add(evidence);
                await db.SaveChangesAsync(ct);
                return EvidenceItem.Of(evidence);
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<EvidenceItem>> ListEvidenceAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await GetAsync(id, cancellationToken); // the same visibility as the request
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return await db.RequestEvidence.AsNoTracking().Where(e => e.RequestId == id).OrderBy(e => e.UploadedAt)
            .Select(e => new EvidenceItem(e.Id, e.FileName, e.ContentType, e.SizeBytes, e.UploadedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The file, for the request's employee and its approvers.</summary>
    public async Task<(string FileName, string ContentType, byte[] Content)> GetEvidenceAsync(Guid id, Guid evidenceId, CancellationToken cancellationToken = default)
    {
        await GetAsync(id, cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var evidence = await db.RequestEvidence.AsNoTracking().SingleOrDefaultAsync(e => e.Id == evidenceId && e.RequestId == id, cancellationToken)
            ?? throw new NotFoundException("RequestEvidence", evidenceId);
        return (evidence.FileName, evidence.ContentType, evidence.Content);
    }

    public async Task<IReadOnlyList<RequestSummary>> ListMineAsync(CancellationToken cancellationToken = default)
    {
        var employeeId = currentUser.RequireEmployee();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var requests = await db.WorkRequests.AsNoTracking().Where(r => r.EmployeeId == employeeId)
            .OrderByDescending(r => r.CreatedAt).Take(200).ToListAsync(cancellationToken);
        var name = await db.Employees.Where(e => e.Id == employeeId).Select(e => e.FullName).SingleAsync(cancellationToken);
        return [.. requests.Select(r => Summarize(r, name))];
    }

    /// <summary>A request the caller may see: their own, or one they decide on; anything else is not found.</summary>
    public async Task<RequestDetails> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var employeeId = currentUser.RequireEmployee();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var request = await db.WorkRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new NotFoundException("WorkRequest", id);
        if (request.EmployeeId != employeeId && !await DecisionRights.MayDecideAsync(db, employeeId, request, anyLevel: true, timeProvider, cancellationToken))
        {
            throw new NotFoundException("WorkRequest", id);
        }

        var name = await db.Employees.Where(e => e.Id == request.EmployeeId).Select(e => e.FullName).SingleAsync(cancellationToken);
        return RequestDetails.From(request, name);
    }

    public static RequestSummary Summarize(WorkRequest r, string employeeName) => new(
        r.Id, r.Status, r.Version, r.EmployeeId, employeeName, r.FirstDay, r.LastDay, r.Days.Count, r.Days.Count(d => d.Mode.IsRemote()),
        r.Findings.Count(f => f.Severity == FindingSeverity.Block), r.Findings.Count(f => f.Severity == FindingSeverity.Warn), r.SubmittedAt);

    /// <summary>
    /// Judges and submits, inside the caller's transaction: advisory locks on the employee (their
    /// caps) and on their unit (its on-site minimum) make competing submissions take turns, each
    /// judged against what the other committed.
    /// </summary>
    private async Task SubmitAsync(IFlexWorkDbContext db, WorkRequest request, CancellationToken cancellationToken)
    {
        await AdvisoryLocks.EmployeeAsync(db, request.EmployeeId, cancellationToken);
        var place = await PolicyContextLoader.PlaceAsync(db, request.EmployeeId, cancellationToken);
        await AdvisoryLocks.UnitAsync(db, place.UnitId, cancellationToken);
        var verdict = await policy.JudgeAsync(db, place, request.ToProposal(), request.Id, cancellationToken);
        if (verdict.IsBlocked)
        {
            await RecordRefusalAsync(request, verdict.Findings, cancellationToken);
            throw new RequestBlockedException(verdict.Findings);
        }

        request.Submit(verdict.PolicyNumber, verdict.Findings, verdict.Route, timeProvider.GetUtcNow(), currentUser.UserId);
    }

    /// <summary>Kept on a context of its own: the refused submission's transaction rolls back, the refusal stays for the monitoring.</summary>
    private async Task RecordRefusalAsync(WorkRequest request, IReadOnlyList<Finding> findings, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        db.RefusedSubmissions.Add(RefusedSubmission.Of(request.AgencyId, request.EmployeeId, findings, timeProvider.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The policy's evidence caps: files on this request, and megabytes over all of the employee's evidence.</summary>
    private async Task EnsureEvidenceRoomAsync(IFlexWorkDbContext db, WorkRequest request, long bytes, CancellationToken cancellationToken)
    {
        var place = await PolicyContextLoader.PlaceAsync(db, request.EmployeeId, cancellationToken);
        var today = PolicyCheckContext.TodayIn(timeProvider.GetUtcNow(), place.TimeZoneId);
        var rules = (await PolicyContextLoader.InForceAsync(db, today, cancellationToken)).Settings.ForUnit(place.UnitPath).Requests;
        if (await db.RequestEvidence.CountAsync(e => e.RequestId == request.Id, cancellationToken) >= rules.MaxEvidenceFilesPerRequest)
        {
            throw new DomainException("EVIDENCE_TOO_MANY_FILES", rules.MaxEvidenceFilesPerRequest);
        }

        await EvidenceUploads.EnsureRoomAsync(db, request.EmployeeId, bytes, rules.MaxEvidenceMegabytesPerEmployee, cancellationToken);
    }

    private static async Task<WorkRequest> OwnAsync(IFlexWorkDbContext db, Guid id, Guid employeeId, CancellationToken cancellationToken) =>
        await db.WorkRequests.SingleOrDefaultAsync(r => r.Id == id && r.EmployeeId == employeeId, cancellationToken)
        ?? throw new NotFoundException("WorkRequest", id);

    private static async Task<RequestDetails?> FindBySubmissionAsync(IFlexWorkDbContext db, Guid employeeId, Guid clientSubmissionId, CancellationToken cancellationToken)
    {
        var request = await db.WorkRequests.AsNoTracking()
            .SingleOrDefaultAsync(r => r.EmployeeId == employeeId && r.ClientSubmissionId == clientSubmissionId, cancellationToken);
        return request is null
            ? null
            : RequestDetails.From(request, await db.Employees.Where(e => e.Id == employeeId).Select(e => e.FullName).SingleAsync(cancellationToken));
    }

    /// <summary>The pattern (if any) checked, turned into days, and the days checked in turn.</summary>
    private async Task<ProposedRequestInput> ValidExpandedAsync(ProposedRequestInput input, CancellationToken cancellationToken)
    {
        await validator.ValidateAndThrowAsync(input, cancellationToken);
        var expanded = input.Expanded();
        await validator.ValidateAndThrowAsync(expanded, cancellationToken);
        return expanded;
    }

    private static bool IsSameContent(RequestDetails earlier, WorkRequest retry) =>
        earlier.Days.OrderBy(d => d.Date).SequenceEqual(retry.Days.OrderBy(d => d.Date))
        && earlier.Reason == retry.Reason
        && earlier.WorkPlan.SequenceEqual(retry.WorkPlan);

    /// <summary>Evidence counts when the file is uploaded to the request, never because a client says so.</summary>
    private static ProposedRequestInput WithoutClientEvidenceClaim(ProposedRequestInput input) => input with { HasEvidence = false };
}
