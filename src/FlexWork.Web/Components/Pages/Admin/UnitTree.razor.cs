using FlexWork.Application.Employees.SearchEmployees;
using FlexWork.Application.Organization.ManageUnits;
using FlexWork.Web.Localization;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FlexWork.Web.Components.Pages.Admin;

/// <summary>The agency's unit tree: add, rename or move a unit, name its head, set its time zone.</summary>
public partial class UnitTree
{
    [Inject]
    private UnitAdministration Units { get; set; } = default!;

    [Inject]
    private EmployeeDirectory Directory { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private IReadOnlyList<UnitItem> _units = [];
    private UnitForm? _editing;
    private Guid? _editingId;
    private string? _error;

    /// <summary>Depth-first order, so the table reads as the tree.</summary>
    private IEnumerable<(UnitItem Unit, int Depth)> Ordered
    {
        get
        {
            var children = _units.ToLookup(u => u.ParentId);
            IEnumerable<(UnitItem, int)> Walk(Guid? parent, int depth) =>
                children[parent].SelectMany(u => new[] { (u, depth) }.Concat(Walk(u.Id, depth + 1)));
            return Walk(null, 0);
        }
    }

    protected override async Task OnInitializedAsync() => _units = await Units.ListAsync();

    private void StartNew()
    {
        _editingId = null;
        _error = null;
        _editing = new UnitForm();
    }

    private void StartEdit(UnitItem unit)
    {
        _editingId = unit.Id;
        _error = null;
        _editing = new UnitForm
        {
            Name = unit.Name, ParentId = unit.ParentId, TimeZoneId = unit.TimeZoneId, Version = unit.Version,
            Latitude = unit.Latitude, Longitude = unit.Longitude, RadiusMeters = unit.RadiusMeters,
            Head = unit.HeadEmployeeId is { } head ? new HeadOption(head, unit.HeadName ?? "") : null,
        };
    }

    private async Task SaveAsync()
    {
        try
        {
            if (_editingId is { } id)
            {
                await Units.UpdateAsync(id, _editing!.ToInput());
            }
            else
            {
                await Units.CreateAsync(_editing!.ToInput());
            }

            _editing = null;
            _units = await Units.ListAsync();
            Snackbar.Add(L["EmployeeEdit.Saved"], Severity.Success);
        }
        catch (Exception ex) when (L.Problem(ex) is { } problem)
        {
            _error = problem;
        }
    }

    private async Task<IEnumerable<HeadOption>> SearchPeopleAsync(string? text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length < 2)
        {
            return [];
        }

        var page = await Directory.SearchAsync(new EmployeeSearch(text, 1, 20), cancellationToken);
        return page.Items.Where(e => e.IsActive).Select(e => new HeadOption(e.Id, e.FullName));
    }

    public sealed record HeadOption(Guid Id, string Name);

    public sealed class UnitForm
    {
        public string Name { get; set; } = "";

        public Guid? ParentId { get; set; }

        public HeadOption? Head { get; set; }

        public string? TimeZoneId { get; set; }

        public uint Version { get; set; }

        public double? Latitude { get; set; }

        public double? Longitude { get; set; }

        public int? RadiusMeters { get; set; }

        public UnitInput ToInput() => new(Name, ParentId, Head?.Id, TimeZoneId, Version, Latitude, Longitude, RadiusMeters);
    }
}
