using FlexWork.Application.Common;
using FlexWork.Application.Organization.ManageUnits;
using FlexWork.Application.Policies;
using FlexWork.Application.Policies.ManagePolicy;
using FlexWork.Application.Policies.PreviewDraft;
using FlexWork.Domain.Common;
using FlexWork.Domain.Policies;
using FlexWork.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace FlexWork.Web.Components.Pages.Admin.Policy;

/// <summary>
/// The agency's policy draft: one <see cref="PolicyForm"/> edited by a tab component per part
/// inside one EditForm, validated by the application's own <see cref="PolicySettingsValidator"/>
/// after every change, compared with the version it started from, previewed, saved and published.
/// </summary>
public partial class PolicyEditor
{
    private PolicyDraft? _draft;
    private PolicyForm? _form;
    private EditContext? _editContext;
    private PolicySettings? _base;
    private string _savedJson = "";
    private IReadOnlyList<UnitItem> _units = [];
    private IReadOnlyList<PolicyChange> _changes = [];
    private IReadOnlyList<string> _errors = [];
    private PublishForm? _publish;
    private PolicyPreview? _preview;
    private string? _error;
    private bool _busy;

    [Inject]
    private PolicyAdministration PolicyAdmin { get; set; } = default!;

    [Inject]
    private PolicyPreviewService Preview { get; set; } = default!;

    [Inject]
    private UnitAdministration Units { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private bool IsDirty => _form is not null && PolicyJson.Serialize(_form.ToSettings()) != _savedJson;

    private string BaseLabel => _draft?.BasedOnNumber is { } n ? L["Policy.VersionN", n] : L["Policy.Template"];

    protected override async Task OnInitializedAsync()
    {
        _units = await Units.ListAsync();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _draft = await PolicyAdmin.GetDraftAsync();
        _base = _draft.BasedOnNumber is { } number ? await PolicyAdmin.GetSettingsAsync(number) : PolicySettings.Regulation;
        _form = PolicyForm.From(_draft.Settings);
        _editContext = new EditContext(_form);
        _savedJson = PolicyJson.Serialize(_form.ToSettings());
        Changed(); // a saved draft is valid: its messages appear as fields change
    }

    /// <summary>After every edit: the whole form is validated (each message at its field) and compared with the version it started from.</summary>
    private void Changed()
    {
        _editContext!.Validate();
        _errors = [.. _editContext.GetValidationMessages().Distinct()];
        _changes = PolicyAdministration.Diff(_base!, _form!.ToSettings());
        _preview = null; // it described the form as it was
    }

    private async Task SaveAsync()
    {
        _error = null;
        _busy = true;
        try
        {
            _draft = await PolicyAdmin.SaveDraftAsync(_form!.ToSettings(), _draft!.Version);
            _savedJson = PolicyJson.Serialize(_form.ToSettings());
            Snackbar.Add(L["Policy.Saved"], Severity.Success);
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

    private async Task PreviewAsync()
    {
        _busy = true;
        try
        {
            _preview = await Preview.PreviewAsync(_form!.ToSettings());
        }
        finally
        {
            _busy = false;
        }
    }

    private void StartPublish() => _publish = new PublishForm { EffectiveFrom = _draft!.AgencyToday.ToDateTime(TimeOnly.MinValue) };

    private async Task PublishAsync()
    {
        _publish!.Error = null;
        _busy = true;
        try
        {
            var effective = _publish!.EffectiveFrom is { } date ? DateOnly.FromDateTime(date) : _draft!.AgencyToday;
            var published = await PolicyAdmin.PublishAsync(new PublishInput(effective, _publish.LegalReference, _draft!.Version));
            _publish = null;
            Snackbar.Add(L["Policy.Published", published.Number, published.EffectiveFrom.ToString("d MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture)], Severity.Success);
            await LoadAsync();
        }
        catch (Exception ex) when (L.Problem(ex) is { } problem)
        {
            _publish!.Error = problem;
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task DiscardAsync()
    {
        try
        {
            await PolicyAdmin.DiscardDraftAsync(_draft!.Version);
            Snackbar.Add(L["Policy.Discarded"], Severity.Info);
            await LoadAsync();
        }
        catch (Exception ex) when (ex is DomainException or ConcurrencyConflictException) // published or discarded meanwhile
        {
            _error = L["Problem.Conflict"];
        }
    }

    private sealed class PublishForm
    {
        public DateTime? EffectiveFrom { get; set; }

        public string? LegalReference { get; set; }

        public string? Error { get; set; }
    }
}
