using FlexWork.Application.Common;
using FlexWork.Application.Performance;
using FlexWork.Domain.Performance;
using FlexWork.Web.Localization;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FlexWork.Web.Components.Pages.Performance;

/// <summary>
/// Kinerja saya: the employee's targets of a period (proposed, agreed, changed by agreement), the
/// work reports still to write and those written, feedback, and the evaluation to acknowledge or
/// object to.
/// </summary>
public partial class MyPerformance
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
    private ICurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>Opens on a tab (0 targets, 1 reports, 2 feedback, 3 evaluation): the home page links straight to reports.</summary>
    [SupplyParameterFromQuery(Name = "tab")]
    public int? Tab { get; set; }

    private sealed record Editing(string Title, string SaveText, TargetView? Target, bool IsChange);

    private IReadOnlyList<PeriodView> _periods = [];
    private IReadOnlyList<TargetView> _targets = [];
    private IReadOnlyList<TargetView> _supportable = [];
    private IReadOnlyList<FeedbackView> _feedback = [];
    private MyReports? _reports;
    private EvaluationView? _evaluation;
    private Guid _periodId;
    private Editing? _editing;
    private string? _error, _editError, _selfAssessment, _objection;
    private int _tab;
    private bool _busy;

    private PeriodView? Period => _periods.FirstOrDefault(p => p.Id == _periodId);

    protected override async Task OnInitializedAsync()
    {
        _tab = Tab is >= 0 and <= 3 ? Tab.Value : 0;
        _periods = await Periods.ListAsync();
        // The running period, else the newest still open, else the newest.
        _periodId = (_periods.FirstOrDefault(p => p.State == PeriodState.Running) ?? _periods.FirstOrDefault(p => p.State != PeriodState.Closed) ?? (_periods.Count > 0 ? _periods[0] : null))?.Id ?? Guid.Empty;
        _reports = await Reports.MineAsync();
        _feedback = await Feedback.ForAsync(CurrentUser.RequireEmployee());
        await LoadPeriodAsync();
    }

    private async Task PeriodChangedAsync(Guid periodId)
    {
        _periodId = periodId;
        _editing = null;
        await LoadPeriodAsync();
    }

    private async Task LoadPeriodAsync()
    {
        if (_periodId == Guid.Empty)
        {
            return;
        }

        _targets = await Targets.MineAsync(_periodId);
        _supportable = await Targets.SupportableAsync(_periodId);
        _evaluation = await Evaluations.MineAsync(_periodId);
        _selfAssessment = _evaluation.SelfAssessment;
    }

    private void StartNew() => (_editing, _editError) = (new Editing("Target.NewTitle", "Target.SaveDraft", null, false), null);

    private void StartEdit(TargetView target) => (_editing, _editError) = (new Editing("Target.EditTitle", "Target.SaveDraft", target, false), null);

    private void StartChange(TargetView target) => (_editing, _editError) = (new Editing("Target.ChangeTitle", "Target.SendChange", target, true), null);

    private async Task SaveTargetAsync((TargetContent Content, string? Reason) edit)
    {
        await RunAsync(async () =>
        {
            if (_editing!.Target is not { } target)
            {
                await Targets.CreateAsync(_periodId, edit.Content);
            }
            else if (_editing.IsChange)
            {
                await Targets.ProposeChangeAsync(target.Id, edit.Content, edit.Reason, target.Version);
                Snackbar.Add(L["Target.ChangeSent"], Severity.Success);
            }
            else
            {
                await Targets.EditAsync(target.Id, edit.Content, target.Version);
            }

            _editing = null;
        }, message => _editError = message);
    }

    private Task ProposeAsync(TargetView target) => RunAsync(async () =>
    {
        await Targets.ProposeAsync(target.Id, target.Version);
        Snackbar.Add(L["Target.Proposed"], Severity.Success);
    });

    private Task DeleteAsync(TargetView target) => RunAsync(() => Targets.DeleteAsync(target.Id, target.Version));

    private Task CopyPreviousAsync() => RunAsync(() => Targets.CopyPreviousAsync(_periodId));

    private Task SelfAssessAsync() => RunAsync(async () =>
    {
        await Evaluations.SelfAssessAsync(_periodId, _selfAssessment, _evaluation?.Id is null ? null : _evaluation.Version);
        Snackbar.Add(L["Evaluation.SelfSaved"], Severity.Success);
    });

    private Task AcknowledgeAsync() => RunAsync(async () =>
    {
        await Evaluations.AcknowledgeAsync(_evaluation!.Id!.Value, _evaluation.Version);
        Snackbar.Add(L["Evaluation.Acknowledged"], Severity.Success);
    });

    private Task ObjectAsync() => RunAsync(async () =>
    {
        await Evaluations.ObjectAsync(_evaluation!.Id!.Value, _objection, _evaluation.Version);
        Snackbar.Add(L["Evaluation.ObjectionSent"], Severity.Success);
    });

    /// <summary>One action, then the period read again; a refusal is said in the user's language where it arose.</summary>
    private async Task RunAsync(Func<Task> action, Action<string>? onProblem = null)
    {
        _busy = true;
        _error = null;
        try
        {
            await action();
            await LoadPeriodAsync();
        }
        catch (Exception ex) when (L.Problem(ex) is { } problem)
        {
            if (onProblem is null)
            {
                _error = problem;
            }
            else
            {
                onProblem(problem);
            }
        }
        finally
        {
            _busy = false;
        }
    }
}
