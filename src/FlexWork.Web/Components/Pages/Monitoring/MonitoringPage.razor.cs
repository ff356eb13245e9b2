using System.Globalization;
using FlexWork.Application.Monitoring;
using FlexWork.Web.Api;
using FlexWork.Web.Localization;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FlexWork.Web.Components.Pages.Monitoring;

/// <summary>
/// Pasal 35's dashboard: a month per unit in the caller's scope (or per person of one unit),
/// a chart and its table for each concern, and before against after the first policy.
/// </summary>
public sealed partial class MonitoringPage
{
    [Inject]
    private MonitoringService Monitoring { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "month")]
    public string? MonthQuery { get; set; }

    [SupplyParameterFromQuery(Name = "unit")]
    public Guid? UnitQuery { get; set; }

    private MonitoringDashboard? _dashboard;
    private DateOnly _month = DateOnly.FromDateTime(DateTime.Today);
    private string[] _labels = [];
    private string? _error;

    private bool PersonLevel => _dashboard?.UnitId is not null;

    private string RowHeader => L[PersonLevel ? "Monitoring.Person" : "Monitoring.Unit"];

    private string MonthText => MonthParameter.Text(_month);

    private string UnitSuffix => UnitQuery is { } unit ? $"&unitId={unit}" : "";

    private string MonevHref => $"monitoring/monev?month={MonthText}{(UnitQuery is { } unit ? $"&unit={unit}" : "")}";

    private string ReportHref(string report, string format) =>
        $"monitoring/reports/{report}?from={MonthText}&to={MonthText}&format={format}{UnitSuffix}{(PersonLevel ? "&level=person" : "")}";

    protected override async Task OnParametersSetAsync()
    {
        _error = null;
        try
        {
            // Monev looks back at a month that is over: the page opens on last month, this one is a pick away.
            var today = DateOnly.FromDateTime(DateTime.Today);
            _month = MonthQuery is null ? new DateOnly(today.Year, today.Month, 1).AddMonths(-1) : MonthParameter.Parse(MonthQuery);
            _dashboard = await Monitoring.MonthAsync(_month, UnitQuery);
            _labels = [.. _dashboard.Rows.Select(r => Short(r.Name))];
        }
        catch (Exception ex) when (L.Problem(ex) is { } problem)
        {
            (_dashboard, _error) = (null, problem);
        }
    }

    private void MonthChangedAsync(DateTime? picked)
    {
        if (picked is { } date)
        {
            var unit = UnitQuery is { } id ? $"&unit={id}" : "";
            Navigation.NavigateTo($"monitoring?month={MonthParameter.Text(DateOnly.FromDateTime(date))}{unit}");
        }
    }

    private double[] Values(Func<MonitoringFigures, int> measure) => [.. _dashboard!.Rows.Select(r => (double)measure(r.Figures))];

    private RenderFragment RowName(MonitoringRow row) => builder =>
    {
        if (PersonLevel)
        {
            builder.AddContent(0, $"{row.Name} ({row.Nip})");
            return;
        }

        builder.OpenComponent<MudLink>(1);
        builder.AddAttribute(2, nameof(MudLink.Href), $"monitoring?month={MonthText}&unit={row.Id}");
        builder.AddAttribute(3, "data-testid", "monitoring-drill");
        builder.AddAttribute(4, nameof(MudLink.ChildContent), (RenderFragment)(b => b.AddContent(5, row.Name)));
        builder.CloseComponent();
    };

    /// <summary>The rates compared before and after: shares, so that months and sizes compare.</summary>
    private List<(string Name, decimal? Before, decimal? After)> Comparisons(BeforeAfter c) =>
    [
        (L["Monitoring.FlexibleShare"], c.Before.FlexibleSharePercent, c.After.FlexibleSharePercent),
        (L["Monitoring.FlaggedPercent"], c.Before.FlaggedPercent, c.After.FlaggedPercent),
        (L["Monitoring.AbsentPercent"], c.Before.AbsentPercent, c.After.AbsentPercent),
        (L["Monitoring.OverduePercent"], c.Before.OverduePercent, c.After.OverduePercent),
        (L["Monitoring.Realisation"], c.Before.RealisationPercent, c.After.RealisationPercent),
        (L["Monitoring.GoodPredikat"], c.Before.GoodPredikatPercent, c.After.GoodPredikatPercent),
    ];

    private static string Percent(decimal? value) => value is { } v ? v.ToString("0.#", CultureInfo.CurrentCulture) + " %" : "–";

    private static string Date(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>Chart labels stay short: "Biro Sumber Daya Manusia" reads as "Biro Sumber Daya…".</summary>
    private static string Short(string name) => name.Length <= 22 ? name : name[..20].TrimEnd() + "…";
}
