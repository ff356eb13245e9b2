using FlexWork.Application.Presence;
using FlexWork.Web.Localization;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FlexWork.Web.Components.Pages.Presence;

/// <summary>The supervisor's people today (mode, taps, flags) and the corrections waiting for their decision.</summary>
public sealed partial class TeamPresencePage
{
    [Inject]
    private TeamPresenceService Presence { get; set; } = default!;

    [Inject]
    private PresenceLedgerService Ledgers { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private TeamPresenceToday? _team;
    private IReadOnlyList<PresenceLedger> _ledgers = [];

    /// <summary>Days from this week's Monday to the week shown (0: this week; never ahead).</summary>
    private int _weekOffset;
    private readonly Dictionary<Guid, string?> _comments = [];
    private string? _error;

    private DateOnly WeekMonday => _ledgers.Count > 0 ? _ledgers[0].Week.Monday : Domain.Policies.PolicyEngine.WeekStart(_team!.Date.AddDays(_weekOffset));

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _team = await Presence.TodayAsync();
        _ledgers = await Ledgers.TeamAsync(_team.Date.AddDays(_weekOffset));
        foreach (var correction in _team.PendingCorrections)
        {
            _comments.TryAdd(correction.Id, null);
        }
    }

    private async Task MoveWeekAsync(int days)
    {
        _weekOffset = Math.Min(0, _weekOffset + days);
        await LoadAsync();
    }

    private async Task DecideAsync(CorrectionView correction, bool approve)
    {
        _error = null;
        try
        {
            var comment = _comments.GetValueOrDefault(correction.Id);
            _ = approve
                ? await Presence.ApproveAsync(correction.Id, comment, correction.Version)
                : await Presence.RejectAsync(correction.Id, comment, correction.Version);
            Snackbar.Add(L[approve ? "TeamPresence.Approved" : "TeamPresence.Rejected", correction.FullName], Severity.Success);
        }
        catch (Exception ex) when (L.Problem(ex) is { } problem)
        {
            _error = problem;
        }

        await LoadAsync();
    }
}
