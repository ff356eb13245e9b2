using FlexWork.Application.Performance;
using FlexWork.Application.Requests.DecideRequest;
using FlexWork.Application.Schedules.ViewSchedule;
using FlexWork.Domain.Performance;
using Microsoft.AspNetCore.Components;

namespace FlexWork.Web.Components.Home;

/// <summary>What waits for a supervisor today: decisions, reports, evaluations, and the unit's on-site count against its minimum.</summary>
public partial class LeaderHome
{
    [Inject]
    private ApprovalService Approvals { get; set; } = default!;

    [Inject]
    private WorkReportService Reports { get; set; } = default!;

    [Inject]
    private PeriodAdministration Periods { get; set; } = default!;

    [Inject]
    private EvaluationService Evaluations { get; set; } = default!;

    [Inject]
    private ScheduleService Schedules { get; set; } = default!;

    private int _inbox, _unread, _overdue, _evaluationsDue;
    private DayPresence? _presence;

    /// <summary>Until the figures are read they show as a progress bar, not as zeros.</summary>
    private bool _loaded;

    protected override async Task OnInitializedAsync()
    {
        _inbox = (await Approvals.InboxAsync()).Count;
        var reports = await Reports.TeamAsync();
        (_unread, _overdue) = (reports.Count(r => r.Report is { ReadAt: null }), reports.Count(r => r.Status == ReportStatus.Overdue));
        foreach (var period in (await Periods.ListAsync()).Where(p => p.State == PeriodState.Evaluation))
        {
            _evaluationsDue += (await Evaluations.TeamAsync(period.Id)).Count(e => e.State == EvaluationState.Open);
        }

        var units = await Schedules.TeamUnitsAsync();
        var today = await Schedules.TodayAsync();
        var team = await Schedules.TeamAsync(today, today, units.Opening);
        _presence = team.Presence.Count > 0 ? team.Presence[0] : null;
        _loaded = true;
    }
}
