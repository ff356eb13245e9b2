using FlexWork.Application.Common;
using FlexWork.Application.Requests;
using FlexWork.Application.Requests.DecideRequest;
using FlexWork.Web.Localization;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FlexWork.Web.Components.Pages.Requests;

/// <summary>The approver's inbox: each waiting request with its findings and the unit's on-site numbers, decided one by one or the clean ones together; running approvals to revoke.</summary>
public partial class ApprovalInbox
{
    [Inject]
    private ApprovalService Approvals { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private enum InboxFilter
    {
        All,
        Clean,
        NeedsReview,
    }

    private IReadOnlyList<InboxItem> _inbox = [];
    private IReadOnlyList<RequestSummary> _revocable = [];
    private readonly Dictionary<Guid, string?> _comments = [];
    private readonly Dictionary<Guid, string> _errors = [];
    private readonly HashSet<Guid> _selected = [];
    private InboxFilter _filter = InboxFilter.All;
    private string? _search;
    private int _tab;
    private bool _busy;

    private IEnumerable<InboxItem> Visible => _inbox.Where(i => Matches(i, _filter) && MatchesSearch(i));

    private bool AllCleanSelected => Count(InboxFilter.Clean) > 0 && _inbox.Where(i => i.CanBulkApprove).All(i => _selected.Contains(i.Request.Id));

    protected override async Task OnInitializedAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        // Both lists are read before either is shown: a render between the two reads would find new items without their comment field.
        var inbox = await Approvals.InboxAsync();
        var revocable = await Approvals.RevocableAsync();
        foreach (var item in inbox)
        {
            _comments.TryAdd(item.Request.Id, null);
        }

        // Only what is still waiting and clean stays selected.
        _selected.IntersectWith(inbox.Where(i => i.CanBulkApprove).Select(i => i.Request.Id));
        (_inbox, _revocable) = (inbox, revocable);
    }

    private static bool Matches(InboxItem item, InboxFilter filter) => filter switch
    {
        InboxFilter.Clean => item.CanBulkApprove,
        InboxFilter.NeedsReview => !item.CanBulkApprove,
        _ => true,
    };

    private bool MatchesSearch(InboxItem item) =>
        string.IsNullOrWhiteSpace(_search) || item.Request.EmployeeName.Contains(_search.Trim(), StringComparison.CurrentCultureIgnoreCase);

    private int Count(InboxFilter filter) => _inbox.Count(i => Matches(i, filter));

    private void FilterChanged(InboxFilter filter) => _filter = filter;

    private void Toggle(Guid id, bool selected)
    {
        if (selected)
        {
            _selected.Add(id);
        }
        else
        {
            _selected.Remove(id);
        }
    }

    private void SelectAllClean(bool selected)
    {
        _selected.Clear();
        if (selected)
        {
            _selected.UnionWith(_inbox.Where(i => i.CanBulkApprove).Select(i => i.Request.Id));
        }
    }

    private async Task ApproveSelectedAsync()
    {
        _busy = true;
        try
        {
            var targets = _inbox.Where(i => _selected.Contains(i.Request.Id)).Select(i => new DecisionTarget(i.Request.Id, i.Request.Version)).ToList();
            var outcomes = await Approvals.ApproveCleanAsync(targets, null);
            _errors.Clear();
            foreach (var refused in outcomes.Where(o => !o.Approved))
            {
                _errors[refused.Id] = L.Domain(refused.Refusal!);
            }

            var approved = outcomes.Count(o => o.Approved);
            Snackbar.Add(L["Approvals.BulkDone", approved, outcomes.Count - approved], approved == outcomes.Count ? Severity.Success : Severity.Warning);
            _selected.Clear();
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task DecideAsync(InboxItem item, Decision decision)
    {
        _errors.Remove(item.Request.Id);
        _busy = true;
        try
        {
            await Approvals.DecideAsync(item.Request.Id, decision, _comments[item.Request.Id], item.Request.Version);
            Snackbar.Add(L[$"Approvals.Done.{decision}", item.Request.EmployeeName], Severity.Success);
            await LoadAsync();
        }
        catch (Exception ex) when (L.Problem(ex) is { } problem)
        {
            // A conflict here is nearly always another approver (or an acting official) deciding first.
            _errors[item.Request.Id] = ex is ConcurrencyConflictException ? L["Approvals.AlreadyDecided"] : problem;
        }
        finally
        {
            _busy = false;
        }
    }
}
