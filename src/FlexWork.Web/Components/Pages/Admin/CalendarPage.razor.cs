using FlexWork.Application.Calendar.ManageCalendar;
using FlexWork.Application.Organization.ManageUnits;
using FlexWork.Domain.Calendar;
using FlexWork.Web.Localization;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FlexWork.Web.Components.Pages.Admin;

/// <summary>The agency's calendar: holidays and mandatory office days per year, and the days of Ramadan with a warning for the years that have none yet.</summary>
public partial class CalendarPage
{
    [Inject]
    private CalendarAdministration Calendar { get; set; } = default!;

    [Inject]
    private UnitAdministration Units { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    private IReadOnlyList<CalendarItem> _entries = [];
    private IReadOnlyList<UnitItem> _units = [];
    private CalendarForm? _editing;
    private string? _error;
    private int _thisYear;
    private int _year;
    private RamadanCalendar? _ramadan;
    private RamadanForm? _newRamadan;
    private string? _ramadanError;

    protected override async Task OnInitializedAsync()
    {
        _thisYear = _year = Time.GetLocalNow().Year;
        _units = await Units.ListAsync();
        _entries = await Calendar.ListAsync(_year);
        _ramadan = await Calendar.RamadanAsync();
    }

    private async Task ChangeYearAsync(int year)
    {
        _year = year;
        _entries = await Calendar.ListAsync(year);
    }

    private void StartNew()
    {
        _error = null;
        _editing = new CalendarForm();
    }

    private async Task SaveAsync()
    {
        try
        {
            await Calendar.AddAsync(_editing!.ToInput());
            _editing = null;
            _entries = await Calendar.ListAsync(_year);
            Snackbar.Add(L["EmployeeEdit.Saved"], Severity.Success);
        }
        catch (Exception ex) when (L.Problem(ex) is { } problem)
        {
            _error = problem;
        }
    }

    private async Task DeleteAsync(CalendarItem entry)
    {
        await Calendar.DeleteAsync(entry.Id);
        _entries = await Calendar.ListAsync(_year);
        Snackbar.Add(L["Calendar.Removed", entry.Name], Severity.Info);
    }

    private void StartNewRamadan()
    {
        _ramadanError = null;
        _newRamadan = new RamadanForm();
    }

    private async Task SaveRamadanAsync()
    {
        try
        {
            await Calendar.AddRamadanAsync(_newRamadan!.ToInput());
            _newRamadan = null;
            _ramadan = await Calendar.RamadanAsync();
            Snackbar.Add(L["EmployeeEdit.Saved"], Severity.Success);
        }
        catch (Exception ex) when (L.Problem(ex) is { } problem)
        {
            _ramadanError = problem;
        }
    }

    private async Task DeleteRamadanAsync(RamadanItem period)
    {
        await Calendar.DeleteRamadanAsync(period.Id);
        _ramadan = await Calendar.RamadanAsync();
        Snackbar.Add(L["Calendar.Removed", period.Name], Severity.Info);
    }

    public sealed class RamadanForm
    {
        public string Name { get; set; } = "";

        public DateTime? From { get; set; }

        public DateTime? To { get; set; }

        public RamadanInput ToInput() => new(From is { } f ? DateOnly.FromDateTime(f) : default, To is { } t ? DateOnly.FromDateTime(t) : default, Name);
    }

    public sealed class CalendarForm
    {
        public DateTime? Date { get; set; }

        public string Name { get; set; } = "";

        public CalendarEntryKind Kind { get; set; } = CalendarEntryKind.MandatoryOffice;

        public Guid? UnitId { get; set; }

        public CalendarInput ToInput() => new(Date is { } d ? DateOnly.FromDateTime(d) : default, Kind, Name, UnitId);
    }
}
