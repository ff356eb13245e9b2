using FlexWork.Application.Performance;
using FlexWork.Application.Policies.CheckRequest;
using FlexWork.Application.Requests.SubmitRequest;
using FlexWork.Application.Schedules.ViewSchedule;
using FlexWork.Domain.Performance;
using FlexWork.Domain.Policies;
using FlexWork.Domain.Requests;
using Microsoft.AspNetCore.Components;

namespace FlexWork.Web.Components.Home;

/// <summary>This week's places, the flexible days used this week and month against the policy's caps, pending requests and reports due.</summary>
public partial class EmployeeHome
{
    [Inject]
    private ScheduleService Schedules { get; set; } = default!;

    [Inject]
    private PolicyCheckService Policy { get; set; } = default!;

    [Inject]
    private RequestService Requests { get; set; } = default!;

    [Inject]
    private WorkReportService Reports { get; set; } = default!;

    private sealed record WeekDay(DateOnly Date, bool IsWorkingDay, string? Holiday, WorkMode Mode, bool Pending);

    private IReadOnlyList<WeekDay> _week = [];
    private DateOnly _today;
    private int _usedWeek, _usedMonth, _capWeek, _pending, _due, _overdue;
    private int? _capMonth;

    /// <summary>Until the figures are read they show as a progress bar, not as zeros.</summary>
    private bool _loaded;

    protected override async Task OnInitializedAsync()
    {
        var reports = await Reports.MineAsync();
        _today = reports.Today;
        (_due, _overdue) = (reports.Due.Count, reports.Due.Count(d => d.Status == ReportStatus.Overdue));
        var monday = PolicyEngine.WeekStart(_today);
        var monthStart = new DateOnly(_today.Year, _today.Month, 1);
        var from = monday < monthStart ? monday : monthStart;
        var to = new[] { monday.AddDays(6), monthStart.AddMonths(1).AddDays(-1) }.Max();
        var schedule = await Schedules.MineAsync(from, to);
        var caps = (await Policy.GetMyPolicyAsync()).Settings.Caps;
        (_capWeek, _capMonth) = (caps.RemoteDaysPerWeek, caps.RemoteDaysPerMonth);

        var working = schedule.Days.Where(d => d.IsWorkingDay).Select(d => d.Date).ToHashSet();
        var remote = schedule.Cells.Where(c => c.Mode.IsRemote() && working.Contains(c.Date)).ToList();
        _usedWeek = remote.Count(c => c.Date >= monday && c.Date <= monday.AddDays(6));
        _usedMonth = remote.Count(c => c.Date.Month == _today.Month && c.Date.Year == _today.Year);
        _week =
        [
            .. schedule.Days.Where(d => d.Date >= monday && d.Date <= monday.AddDays(4)).Select(d =>
            {
                var cell = schedule.Cells.FirstOrDefault(c => c.Date == d.Date);
                return new WeekDay(d.Date, d.IsWorkingDay, d.Holiday, cell?.Mode ?? WorkMode.Office, cell?.Status == RequestStatus.Submitted);
            }),
        ];
        _pending = (await Requests.ListMineAsync()).Count(r => r.Status == RequestStatus.Submitted);
        _loaded = true;
    }
}
