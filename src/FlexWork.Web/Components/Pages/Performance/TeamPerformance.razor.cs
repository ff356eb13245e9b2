using FlexWork.Application.Common;
using FlexWork.Application.Performance;
using FlexWork.Domain.Performance;
using FlexWork.Web.Localization;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FlexWork.Web.Components.Pages.Performance;

/// <summary>
/// Kinerja tim: the supervisor's (or acting official's) work on their people's performance —
/// targets to agree, reports to read with overdue ones first, evaluations of a period and the
/// objections they decide as a superior, and dialog kinerja.
/// </summary>
public partial class TeamPerformance
{
    [Inject]
    private PeriodAdministration Periods { get; set; } = default!;

    [Inject]
    private TargetService Targets { get; set; } = default!;

    [Inject]
    private WorkReportService Reports { get; set; } = default!;

    [Inject]
    private FeedbackService Feedback { get; set; } = default!;

    [Inject]
    private EvaluationService Evaluations { get; set; } = default!;

    [Inject]
    private ResultsByModeService Results { get; set; } = default!;

    [Inject]
    private FlexWork.Application.Profiles.OrgRightsService OrgRights { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private sealed class ObjectionDecision
    {
        public Expectation? Results { get; set; }

        public Expectation? Behaviour { get; set; }

        public string? Reason { get; set; }
    }

    private IReadOnlyList<PeriodView> _periods = [];
    private IReadOnlyList<TargetView> _toAgree = [];
    private IReadOnlyList<ReportDayView> _reports = [];
    private IReadOnlyList<EvaluationView> _evaluations = [];
    private IReadOnlyList<EvaluationView> _objections = [];
    private IReadOnlyList<FeedbackView> _personFeedback = [];
    private IReadOnlyList<UnitResults> _units = [];
    private TeamResults? _results;
    private readonly Dictionary<Guid, string?> _comments = [];
    private readonly Dictionary<Guid, ObjectionDecision> _decisions = [];
    private Guid _periodId;
    private Guid? _dialogPerson;
    private DateTime? _dialogDate;
    private string? _dialogNotes, _dialogActions, _error;
    private int _tab;
    private bool _busy;

    protected override async Task OnInitializedAsync()
    {
        _dialogDate = Clock.GetLocalNow().Date;
        _periods = await Periods.ListAsync();
        // The period being evaluated comes first to mind; else the running one.
        _periodId = (_periods.FirstOrDefault(p => p.State == PeriodState.Evaluation) ?? _periods.FirstOrDefault(p => p.State == PeriodState.Running)
            ?? (_periods.Count > 0 ? _periods[0] : null))?.Id ?? Guid.Empty;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var toAgree = await Targets.ToAgreeAsync();
        var reports = await Reports.TeamAsync();
        var objections = await Evaluations.ObjectionsAsync();
        var evaluations = _periodId == Guid.Empty ? [] : await Evaluations.TeamAsync(_periodId);
        await LoadResultsAsync();
        foreach (var id in toAgree.Select(t => t.Id).Concat(reports.Where(r => r.Report is not null).Select(r => r.Report!.Id)))
        {
            _comments.TryAdd(id, null);
        }

        foreach (var objection in objections)
        {
            _decisions.TryAdd(objection.Id!.Value, new ObjectionDecision());
        }

        (_toAgree, _reports, _objections, _evaluations) = (toAgree, reports, objections, evaluations);
    }

    private async Task PeriodChangedAsync(Guid periodId)
    {
        _periodId = periodId;
        _evaluations = await Evaluations.TeamAsync(periodId);
        await LoadResultsAsync();
    }

    /// <summary>The team's results by work mode; a unit head also sees their units rolled up.</summary>
    private async Task LoadResultsAsync()
    {
        if (_periodId == Guid.Empty)
        {
            return;
        }

        _results = await Results.TeamAsync(_periodId);
        _units = (await OrgRights.GetMineAsync()).HeadsUnit ? await Results.UnitsAsync(_periodId) : [];
    }

    /// <summary>"12 hari · 92% tepat waktu · 1,8 keluaran/hari · 1 tidak ada".</summary>
    private string Describe(ModeResults results) => results switch
    {
        { Days: 0 } => L["Results.NoDays"],
        { OnTime: 0, Late: 0, Missing: 0 } => L["Results.SummaryNoReports", results.Days],
        _ => L["Results.Summary", results.Days, results.OnTimePercent ?? 0, results.OutputsPerDay ?? 0, results.Late, results.Missing],
    };

    private Task AgreeAsync(TargetView target) => RunAsync(async () =>
    {
        await Targets.AgreeAsync(target.Id, _comments[target.Id], target.Version);
        Snackbar.Add(L["TeamPerformance.Agreed", target.EmployeeName], Severity.Success);
    });

    private Task ReturnAsync(TargetView target) => RunAsync(async () =>
    {
        await Targets.ReturnAsync(target.Id, _comments[target.Id], target.Version);
        Snackbar.Add(L["TeamPerformance.Returned", target.EmployeeName], Severity.Info);
    });

    private Task MarkReadAsync(WorkReportView report) => RunAsync(() => Reports.MarkReadAsync(report.Id, report.Version));

    private Task CommentAsync(WorkReportView report) => RunAsync(async () =>
    {
        await Feedback.OnReportAsync(report.Id, _comments[report.Id]);
        _comments[report.Id] = null;
        Snackbar.Add(L["TeamPerformance.FeedbackSent", report.EmployeeName], Severity.Success);
    });

    private Task DecideAsync(EvaluationView objection) => RunAsync(async () =>
    {
        var decision = _decisions[objection.Id!.Value];
        await Evaluations.DecideObjectionAsync(objection.Id.Value, decision.Results, decision.Behaviour, decision.Reason, objection.Version);
        Snackbar.Add(L["TeamPerformance.Decided", objection.EmployeeName], Severity.Success);
    });

    private Task RecordDialogAsync() => RunAsync(async () =>
    {
        await Feedback.DialogAsync(_dialogPerson!.Value, DateOnly.FromDateTime(_dialogDate ?? Clock.GetLocalNow().Date), _dialogNotes, _dialogActions);
        (_dialogNotes, _dialogActions) = (null, null);
        Snackbar.Add(L["TeamPerformance.DialogRecorded"], Severity.Success);
        await LoadPersonFeedbackAsync();
    });

    private async Task LoadPersonFeedbackAsync() =>
        _personFeedback = _dialogPerson is { } person ? await Feedback.ForAsync(person) : [];

    private async Task RunAsync(Func<Task> action)
    {
        _busy = true;
        _error = null;
        try
        {
            await action();
            await LoadAsync();
        }
        catch (Exception ex) when (L.Problem(ex) is { } problem)
        {
            _error = ex is ConcurrencyConflictException ? L["TeamPerformance.Changed"] : problem;
        }
        finally
        {
            _busy = false;
        }
    }
}
