using FlexWork.Application.Common;
using FlexWork.Application.Performance;
using FlexWork.Domain.Policies;
using FlexWork.Domain.Requests;
using FluentValidation;

namespace FlexWork.Application.Policies.CheckRequest;

/// <summary>"Every Friday from home this quarter": the weekdays between two dates, all alike.</summary>
public sealed record WeeklyPattern(
    DateOnly From, DateOnly To, IReadOnlyList<DayOfWeek> Weekdays, WorkMode Mode, TimeOnly? Start = null, TimeOnly? End = null,
    Guid? LocationId = null, string? Address = null)
{
    public IEnumerable<RequestDay> Days()
    {
        for (var date = From; date <= To && date.DayNumber - From.DayNumber < ProposedRequestInputValidator.MaxDays; date = date.AddDays(1))
        {
            if (Weekdays.Contains(date.DayOfWeek))
            {
                yield return new RequestDay(date, Mode, Start, End, LocationId, Address);
            }
        }
    }
}

/// <summary>
/// The proposed-request shape shared by the policy check and the request API: explicit days,
/// and optionally a weekly pattern whose days are added (an explicit day wins on the same date).
/// </summary>
public sealed record ProposedRequestInput(
    IReadOnlyList<RequestDay>? Days, string? Reason = null, IReadOnlyList<WorkPlanItem>? WorkPlan = null, bool HasEvidence = false,
    WeeklyPattern? Pattern = null)
{
    /// <summary>The explicit days; a caller who sends only a pattern may leave them out.</summary>
    public IReadOnlyList<RequestDay> Days { get; init; } = Days ?? [];

    /// <summary>The same input with the pattern turned into days.</summary>
    public ProposedRequestInput Expanded() => Pattern is null
        ? this
        : this with
        {
            Days = [.. Days.Concat(Pattern.Days().Where(p => !Days.Any(d => d.Date == p.Date))).OrderBy(d => d.Date)],
            Pattern = null,
        };

    public ProposedRequest ToRequest() => new(Days, Reason, WorkPlan, HasEvidence);
}

/// <summary>Malformed requests are refused before any rule is judged: they are the caller's mistake, not a finding.</summary>
public sealed class ProposedRequestInputValidator : AbstractValidator<ProposedRequestInput>
{
    public const int MaxDays = 366;

    public ProposedRequestInputValidator()
    {
        RuleFor(x => x.Pattern!.To).GreaterThanOrEqualTo(x => x.Pattern!.From).When(x => x.Pattern is not null).WithErrorCode("DATE_RANGE_INVALID");
        RuleFor(x => x.Pattern!.Weekdays).NotEmpty().When(x => x.Pattern is not null).WithErrorCode("REQUEST_PATTERN_WEEKDAYS_REQUIRED");
        RuleFor(x => x.Days).NotEmpty().When(x => x.Pattern is null).WithErrorCode("REQUEST_DAYS_REQUIRED")
            .Must(d => d is null || d.Count <= MaxDays).WithErrorCode("REQUEST_TOO_MANY_DAYS")
            .Must(d => d is null || d.Select(x => x.Date).Distinct().Count() == d.Count).WithErrorCode("REQUEST_DAY_REPEATED");
        RuleForEach(x => x.Days).ChildRules(day =>
        {
            day.RuleFor(d => d.Mode).IsInEnum().WithErrorCode("REQUEST_MODE_INVALID");
            day.RuleFor(d => d.End).NotNull().When(d => d.Start is not null).WithErrorCode("REQUEST_HOURS_INCOMPLETE");
            day.RuleFor(d => d.Start).NotNull().When(d => d.End is not null).WithErrorCode("REQUEST_HOURS_INCOMPLETE");
            day.RuleFor(d => d.End).Must((d, end) => end > d.Start).When(d => d.Start is not null && d.End is not null).WithErrorCode("REQUEST_HOURS_ORDER");
            day.RuleFor(d => d.Address).MaximumLength(500).WithErrorCode("TEXT_TOO_LONG");
        });
        RuleFor(x => x.Reason).MaximumLength(2000).WithErrorCode("TEXT_TOO_LONG");
        RuleFor(x => x.WorkPlan).Must(p => p is null || p.Count <= 50).WithErrorCode("REQUEST_WORK_PLAN_TOO_LONG");
        RuleForEach(x => x.WorkPlan).ChildRules(item =>
        {
            item.RuleFor(i => i.Output).MaximumLength(500).WithErrorCode("TEXT_TOO_LONG");
            item.RuleFor(i => i.Indicator).MaximumLength(500).WithErrorCode("TEXT_TOO_LONG");
            item.RuleFor(i => i.Target).MaximumLength(200).WithErrorCode("TEXT_TOO_LONG");
        });
    }
}

/// <summary>The verdict on a proposed request, with the version it was judged against (0: the regulation template).</summary>
public sealed record PolicyCheckResult(int PolicyNumber, string? LegalReference, ApprovalRoute Route, IReadOnlyList<Finding> Findings)
{
    public bool IsBlocked => Findings.Any(f => f.Severity == FindingSeverity.Block);
}

/// <summary>The policy in force for the caller, with their unit's overrides applied.</summary>
public sealed record MyPolicy(int Number, DateOnly? EffectiveFrom, string? LegalReference, string TimeZoneId, PolicySettings Settings);

/// <summary>
/// Judges a proposed request of the signed-in employee without saving anything: what the
/// request form shows as it is filled in, and what integrators call before submitting.
/// </summary>
public sealed class PolicyCheckService(
    IFlexWorkDbContextFactory dbFactory, ICurrentUser currentUser, TimeProvider timeProvider, IValidator<ProposedRequestInput> validator)
{
    public async Task<PolicyCheckResult> CheckAsync(ProposedRequestInput input, CancellationToken cancellationToken = default)
    {
        var employeeId = currentUser.RequireEmployee();
        await validator.ValidateAndThrowAsync(input, cancellationToken);
        input = input.Expanded();
        await validator.ValidateAndThrowAsync(input, cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var place = await PolicyContextLoader.PlaceAsync(db, employeeId, cancellationToken);
        var request = input.ToRequest();
        return await JudgeAsync(db, place, request, excludeRequestId: null, cancellationToken);
    }

    /// <summary>
    /// Judges a request of the employee as things stand today: the version in force, their other
    /// planned days (except <paramref name="excludeRequestId"/>, the request itself), their unit's.
    /// </summary>
    public async Task<PolicyCheckResult> JudgeAsync(
        IFlexWorkDbContext db, EmployeePlace place, ProposedRequest request, Guid? excludeRequestId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var today = PolicyCheckContext.TodayIn(now, place.TimeZoneId);
        var policy = await PolicyContextLoader.InForceAsync(db, today, cancellationToken);
        var (from, to) = PolicyContextLoader.RangeAround(request.Days[0].Date, request.Days[^1].Date);
        var settings = policy.Settings.ForUnit(place.UnitPath).WithRamadan(await PolicyContextLoader.RamadanAsync(db, from, to, cancellationToken));
        await PerformanceFacts.EnsurePlanTargetsAsync(db, place.EmployeeId, request, cancellationToken);
        place = await PerformanceFacts.AddAsync(db, place, settings, today, now, cancellationToken);
        var others = await PolicyContextLoader.PlannedDaysAsync(db, place.EmployeeId, excludeRequestId, from, to, cancellationToken);
        var away = await PolicyContextLoader.OthersAwayAsync(db, place.UnitId, place.EmployeeId, from, to, cancellationToken);
        var context = await PolicyContextLoader.BuildAsync(db, place, settings, request, today, others, away, cancellationToken);
        return new PolicyCheckResult(
            policy.Number, policy.LegalReference, settings.Requests.RouteFor([.. request.Days.Select(d => d.Mode)]), PolicyEngine.Evaluate(context));
    }

    public async Task<MyPolicy> GetMyPolicyAsync(CancellationToken cancellationToken = default)
    {
        var employeeId = currentUser.RequireEmployee();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var place = await PolicyContextLoader.PlaceAsync(db, employeeId, cancellationToken);
        var today = PolicyCheckContext.TodayIn(timeProvider.GetUtcNow(), place.TimeZoneId);
        var policy = await PolicyContextLoader.InForceAsync(db, today, cancellationToken);
        var ramadan = await PolicyContextLoader.RamadanAsync(db, today, today.AddYears(1), cancellationToken); // the year a request form can plan
        return new MyPolicy(policy.Number, policy.EffectiveFrom, policy.LegalReference, place.TimeZoneId, policy.Settings.ForUnit(place.UnitPath).WithRamadan(ramadan));
    }
}
