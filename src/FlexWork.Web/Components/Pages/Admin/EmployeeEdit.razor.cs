using FlexWork.Application.Accounts.EndSessions;
using FlexWork.Application.Accounts.InviteEmployee;
using FlexWork.Application.Common;
using FlexWork.Application.Employees.ManageEmployees;
using FlexWork.Application.Employees.SearchEmployees;
using FlexWork.Application.Locations.ManageLocations;
using FlexWork.Application.Organization.ManagePositions;
using FlexWork.Application.Organization.ManageUnits;
using FlexWork.Domain.Employees;
using FlexWork.Web.Components.Account.Pages;
using FlexWork.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;
using MudBlazor;

namespace FlexWork.Web.Components.Pages.Admin;

/// <summary>Creates or edits an employee: identity and placement, supervisor, eligibility facts, the invitation and the sessions of their account.</summary>
public partial class EmployeeEdit
{
    [Inject]
    private EmployeeAdministration Employees { get; set; } = default!;

    [Inject]
    private EmployeeDirectory Directory { get; set; } = default!;

    [Inject]
    private UnitAdministration Units { get; set; } = default!;

    [Inject]
    private PositionAdministration Positions { get; set; } = default!;

    [Inject]
    private InvitationService Invitations { get; set; } = default!;

    [Inject]
    private SessionService Sessions { get; set; } = default!;

    [Inject]
    private IInvitationMailer Mailer { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    private EmployeeForm? _form;
    private EmployeeDetails? _details;
    private bool _leads;
    private IReadOnlyList<UnitItem> _units = [];
    private IReadOnlyList<PositionItem> _positions = [];
    private string? _error;
    private string? _invitationLink;
    private bool _saving;

    [Parameter]
    public Guid? Id { get; set; }

    private string Title => Id is null ? L["EmployeeEdit.NewTitle"] : L["EmployeeEdit.EditTitle", _details?.FullName ?? ""];

    protected override async Task OnParametersSetAsync()
    {
        _units = await Units.ListAsync();
        _positions = await Positions.ListAsync();
        if (Id is { } id)
        {
            try
            {
                _details = await Employees.GetAsync(id);
                _form = EmployeeForm.From(_details);
                _leads = (await Employees.LeadershipAsync()).Contains(id);
            }
            catch (NotFoundException)
            {
                Navigation.NavigateTo("not-found");
            }
        }
        else
        {
            _form = new EmployeeForm { EmploymentType = EmploymentType.Pns, PositionStartDate = DateTime.Today };
        }
    }

    private async Task<IEnumerable<SupervisorOption>> SearchSupervisorsAsync(string? text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length < 2)
        {
            return [];
        }

        var page = await Directory.SearchAsync(new EmployeeSearch(text, 1, 20), cancellationToken);
        return page.Items.Where(e => e.Id != Id).Select(e => new SupervisorOption(e.Id, e.FullName, e.Nip));
    }

    private async Task SaveAsync()
    {
        _error = null;
        _saving = true;
        try
        {
            if (Id is { } id)
            {
                await Employees.UpdateAsync(id, _form!.ToInput());
                Snackbar.Add(L["EmployeeEdit.Saved"], Severity.Success);
                await OnParametersSetAsync();
            }
            else
            {
                var created = await Employees.CreateAsync(_form!.ToInput());
                Snackbar.Add(L["EmployeeEdit.Created"], Severity.Success);
                Navigation.NavigateTo($"admin/employees/{created}");
            }
        }
        catch (Exception ex) when (L.Problem(ex) is { } problem)
        {
            _error = problem;
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task ToggleActiveAsync()
    {
        try
        {
            if (_details!.IsActive)
            {
                await Employees.DeactivateAsync(_details.Id, _details.Version);
            }
            else
            {
                await Employees.ReactivateAsync(_details.Id, _details.Version);
            }

            await OnParametersSetAsync();
        }
        catch (Exception ex) when (L.Problem(ex) is { } problem)
        {
            _error = problem;
        }
    }

    /// <summary>The agency-leadership role (monitoring of every unit, read-only); the person signs in anew.</summary>
    private async Task SetLeadershipAsync(bool leads)
    {
        await Employees.SetLeadershipAsync(_details!.Id, leads);
        _leads = leads;
        Snackbar.Add(L[leads ? "EmployeeEdit.LeadershipGranted" : "EmployeeEdit.LeadershipWithdrawn", _details.FullName], Severity.Success);
    }

    private async Task EndSessionsAsync()
    {
        await Sessions.EndForEmployeeAsync(_details!.Id);
        Snackbar.Add(L["EmployeeEdit.SessionsEnded", _details.FullName], Severity.Success);
    }

    private async Task InviteAsync()
    {
        try
        {
            var sent = (await Invitations.SendAsync([_details!.Id], AcceptInvitation.LinksUnder(Navigation.BaseUri)))[0];
            _invitationLink = sent.Link;
            if (sent.Emailed)
            {
                Snackbar.Add(L["EmployeeEdit.InvitationSent", _details.Email], Severity.Success);
            }
            else if (Mailer.IsConfigured)
            {
                _error = L["EmployeeEdit.InvitationNotSent"]; // the link is still valid: the admin can copy it from the screen
            }
        }
        catch (Exception ex) when (L.Problem(ex) is { } problem)
        {
            _error = problem;
        }
    }

    private async Task CopyLinkAsync()
    {
        await JS.InvokeVoidAsync("navigator.clipboard.writeText", _invitationLink);
        Snackbar.Add(L["EmployeeEdit.Copied"], Severity.Info);
    }

    public sealed record SupervisorOption(Guid Id, string Name, string Nip);

    /// <summary>The form's own mutable model; the Application's EmployeeInput is built from it.</summary>
    public sealed class EmployeeForm
    {
        public string Nip { get; set; } = "";

        public string FullName { get; set; } = "";

        public string Email { get; set; } = "";

        public Guid UnitId { get; set; }

        public Guid PositionId { get; set; }

        public SupervisorOption? Supervisor { get; set; }

        public EmploymentType EmploymentType { get; set; }

        public DateTime? PositionStartDate { get; set; }

        public DisciplinaryStatus DisciplinaryStatus { get; set; }

        public DateTime? DisciplinaryFrom { get; set; }

        public DateTime? DisciplinaryUntil { get; set; }

        public string? DisciplinaryReference { get; set; }

        public string? Domicile { get; set; }

        public double? DomicileLatitude { get; set; }

        public double? DomicileLongitude { get; set; }

        public int? DomicileRadiusMeters { get; set; }

        public string? TimeZoneId { get; set; }

        public string? EligibilityOverrideReason { get; set; }

        public DateTime? EligibilityOverrideUntil { get; set; }

        public EligibilityOverrideKind EligibilityOverrideKind { get; set; }

        public uint Version { get; set; }

        public static EmployeeForm From(EmployeeDetails d) => new()
        {
            Nip = d.Nip, FullName = d.FullName, Email = d.Email, UnitId = d.UnitId, PositionId = d.PositionId,
            Supervisor = d.SupervisorId is { } s ? new SupervisorOption(s, d.SupervisorName ?? "", "") : null,
            EmploymentType = d.EmploymentType, PositionStartDate = d.PositionStartDate.ToDateTime(TimeOnly.MinValue),
            DisciplinaryStatus = d.DisciplinaryStatus, DisciplinaryFrom = d.DisciplinaryFrom?.ToDateTime(TimeOnly.MinValue),
            DisciplinaryUntil = d.DisciplinaryUntil?.ToDateTime(TimeOnly.MinValue), DisciplinaryReference = d.DisciplinaryReference,
            Domicile = d.Domicile, TimeZoneId = d.TimeZoneId, EligibilityOverrideReason = d.EligibilityOverrideReason,
            EligibilityOverrideUntil = d.EligibilityOverrideUntil?.ToDateTime(TimeOnly.MinValue), Version = d.Version,
            EligibilityOverrideKind = d.EligibilityOverrideKind ?? EligibilityOverrideKind.SpecialCircumstances,
            DomicileLatitude = d.DomicileLatitude, DomicileLongitude = d.DomicileLongitude, DomicileRadiusMeters = d.DomicileRadiusMeters,
        };

        public EmployeeInput ToInput() => new(
            Nip, FullName, Email, UnitId, PositionId, Supervisor?.Id, EmploymentType,
            PositionStartDate is { } start ? DateOnly.FromDateTime(start) : default,
            DisciplinaryStatus, ToDate(DisciplinaryFrom), ToDate(DisciplinaryUntil), DisciplinaryReference, Domicile, TimeZoneId,
            string.IsNullOrWhiteSpace(EligibilityOverrideReason) ? null : EligibilityOverrideReason, ToDate(EligibilityOverrideUntil), Version,
            EligibilityOverrideKind, DomicileLatitude, DomicileLongitude, DomicileRadiusMeters);

        /// <summary>The area rules name the input's fields as every area does (Latitude …); here they are the domicile's.</summary>
        public static FieldIdentifier FieldOf(EmployeeForm form, string property) => new(form, property switch
        {
            nameof(IAreaInput.Latitude) => nameof(DomicileLatitude),
            nameof(IAreaInput.Longitude) => nameof(DomicileLongitude),
            nameof(IAreaInput.RadiusMeters) => nameof(DomicileRadiusMeters),
            _ => property,
        });

        private static DateOnly? ToDate(DateTime? value) => value is { } date ? DateOnly.FromDateTime(date) : null;
    }
}
