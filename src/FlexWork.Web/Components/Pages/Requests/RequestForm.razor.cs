using FlexWork.Application.Common;
using FlexWork.Application.Locations.ManageLocations;
using FlexWork.Application.Performance;
using FlexWork.Application.Policies.CheckRequest;
using FlexWork.Application.Requests;
using FlexWork.Application.Requests.SubmitRequest;
using FlexWork.Domain.Policies;
using FlexWork.Web.Components.Requests;
using FlexWork.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace FlexWork.Web.Components.Pages.Requests;

/// <summary>
/// A new or returned request: days from a range or a weekly pattern with the policy's standard
/// hours, each judged as it changes (findings next to their day), a reason, a work plan and
/// evidence; saved as a draft or submitted.
/// </summary>
public partial class RequestForm
{
    [Inject]
    private PolicyCheckService Policy { get; set; } = default!;

    [Inject]
    private RequestService Requests { get; set; } = default!;

    [Inject]
    private TargetService Targets { get; set; } = default!;

    [Inject]
    private LocationAdministration Locations { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Parameter]
    public Guid? Id { get; set; }

    private MyPolicy? _policy;

    /// <summary>The employee's agreed targets, which each output of the work plan may name.</summary>
    private IReadOnlyList<TargetView> _targets = [];
    private IReadOnlyList<LocationItem> _locations = [];
    private readonly RequestFormModel _model = new();
    private EditContext _editContext = default!;
    private readonly HashSet<DayOfWeek> _weekdays = [];
    private DateTime? _from;
    private DateTime? _to;
    private WorkMode _patternMode = WorkMode.Home;
    private uint _version;
    private Guid? _requestId;
    private IReadOnlyList<EvidenceItem> _evidence = [];

    /// <summary>A little over the 5 MB limit, so that the service (not the browser stream) says what is wrong.</summary>
    private const long MaxUploadBytes = FlexWork.Domain.Common.EvidenceFile.MaxBytes + 1;
    private PolicyCheckResult? _check;
    private int _checks;
    private string? _error;
    private bool _busy;

    /// <summary>A field breaks the application's input rules (its message shows under it): nothing can be saved yet.</summary>
    private bool Invalid => _editContext.GetValidationMessages().Any();

    private string Title => Id is null ? L["Request.NewTitle"] : L["Request.EditTitle"];

    protected override async Task OnInitializedAsync()
    {
        _editContext = new EditContext(_model);
        _policy = await Policy.GetMyPolicyAsync();
        _targets = await Targets.AgreedAsync();
        _locations = await Locations.ListActiveAsync();
        foreach (var day in _policy.Settings.Time.WorkingDays)
        {
            _weekdays.Add(day);
        }

        _requestId = Id;
        if (Id is { } id)
        {
            var request = await Requests.GetAsync(id);
            _evidence = await Requests.ListEvidenceAsync(id);
            _model.Days.AddRange(request.Days.OrderBy(d => d.Date).Select(DayRow.From));
            _model.Reason = request.Reason;
            _model.Plan.Clear();
            _model.Plan.AddRange(request.WorkPlan.Select(p => new RequestFormModel.PlanRow { Output = p.Output, Indicator = p.Indicator, Target = p.Target, TargetId = p.TargetId }));
            _version = request.Version;
            await CheckAsync();
        }
    }

    private void ToggleWeekday(DayOfWeek day, bool on)
    {
        if (on)
        {
            _weekdays.Add(day);
        }
        else
        {
            _weekdays.Remove(day);
        }
    }

    /// <summary>The range (or a weekly pattern in it) becomes days, with the policy's standard hours pre-filled.</summary>
    private async Task AddDaysAsync()
    {
        if (_from is not { } from)
        {
            return;
        }

        var first = DateOnly.FromDateTime(from);
        var last = _to is { } to ? DateOnly.FromDateTime(to) : first;
        var time = _policy!.Settings.Time;
        for (var date = first; date <= last && date.DayNumber - first.DayNumber < ProposedRequestInputValidator.MaxDays; date = date.AddDays(1))
        {
            if (!_weekdays.Contains(date.DayOfWeek) || _model.Days.Any(d => d.Date == date))
            {
                continue;
            }

            var start = time.StartOn(date);
            _model.Days.Add(new DayRow
            {
                Date = date, Mode = _patternMode, Start = start.ToTimeSpan(),
                End = start.AddMinutes(time.DailyMinutes(date) + time.BreakOn(date)).ToTimeSpan(),
            });
        }

        _model.Days.Sort((a, b) => a.Date.CompareTo(b.Date));
        await CheckAsync();
    }

    /// <summary>Naming a target fills the indicator and the target from it, where the employee left them empty.</summary>
    private async Task TargetChosenAsync(RequestFormModel.PlanRow item)
    {
        if (_targets.FirstOrDefault(t => t.Id == item.TargetId) is { } target)
        {
            item.Indicator ??= target.Content.Indicator;
            item.Target ??= Web.Components.Performance.PerformanceText.Target(target.Content);
        }

        await CheckAsync();
    }

    private async Task RemovePlanAsync(RequestFormModel.PlanRow item)
    {
        _model.Plan.Remove(item);
        await CheckAsync();
    }

    private ProposedRequestInput Input() => _model.ToInput(hasEvidence: _evidence.Count > 0);

    /// <summary>Evidence belongs to a stored request: the first upload saves the form as a draft.</summary>
    private async Task UploadAsync(IBrowserFile? file)
    {
        if (file is null)
        {
            return;
        }

        _busy = true;
        _error = null;
        try
        {
            // Saved as the person sees it, with the version they saw: a change made elsewhere since is not overwritten.
            var saved = _requestId is { } id
                ? await Requests.UpdateAsync(id, Input(), _version, submit: false)
                : await Requests.CreateAsync(Input(), submit: false);
            _requestId = saved.Id;

            await using var stream = file.OpenReadStream(MaxUploadBytes);
            await Requests.AttachEvidenceAsync(saved.Id, saved.Version, file.Name, stream);
            _evidence = await Requests.ListEvidenceAsync(_requestId.Value);
            _version = (await Requests.GetAsync(_requestId.Value)).Version;
            await CheckAsync();
        }
        catch (IOException)
        {
            _error = L["Error.EVIDENCE_TOO_LARGE", FlexWork.Domain.Common.EvidenceFile.MaxMegabytes];
        }
        catch (Exception ex) when (L.Problem(ex) is { } problem)
        {
            _error = problem;
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>
    /// Judged again on every change, so that each finding shows next to what it is about. Checks can
    /// overlap (typing fast); only the latest one's answer is shown, never a slower, older one.
    /// </summary>
    private async Task CheckAsync()
    {
        var check = ++_checks;
        _error = null;
        if (_model.Days.Count == 0)
        {
            _check = null;
            return;
        }

        // The application's validator runs first, here: its messages show at their fields, and a
        // malformed request is not sent to be judged.
        if (!_editContext.Validate())
        {
            _check = null;
            return;
        }

        var result = await Policy.CheckAsync(Input());
        if (check == _checks)
        {
            _check = result;
        }
    }

    private async Task SaveAsync(bool submit)
    {
        _busy = true;
        _error = null;
        try
        {
            if (_requestId is { } id)
            {
                await Requests.UpdateAsync(id, Input(), _version, submit);
            }
            else
            {
                await Requests.CreateAsync(Input(), submit);
            }

            Snackbar.Add(submit ? L["Request.Submitted"] : L["Request.DraftSaved"], Severity.Success);
            Navigation.NavigateTo("requests");
        }
        catch (Exception ex) when (L.Problem(ex) is { } problem)
        {
            if (ex is RequestBlockedException blocked && _check is not null)
            {
                _check = _check with { Findings = blocked.Findings }; // each blocking finding next to its day
            }

            _error = problem;
        }
        finally
        {
            _busy = false;
        }
    }
}
