using Bunit;
using FlexWork.Domain.Policies;
using FlexWork.Web.Components.Requests;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace FlexWork.Web.Tests.Components;

public sealed class RequestDayTableTests : BunitContext
{
    private static readonly DateOnly Monday = new(2026, 12, 14);

    public RequestDayTableTests()
    {
        Services.AddLocalization();
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void A_finding_is_shown_next_to_the_day_it_is_about_and_nowhere_else()
    {
        using var _ = new CultureScope("id-ID");
        List<DayRow> days = [.. Enumerable.Range(0, 3).Select(i => new DayRow { Date = Monday.AddDays(i), Mode = WorkMode.Home })];
        var finding = new Finding(RuleCodes.WeeklyRemoteCap, FindingSeverity.Block, Monday.AddDays(2), "WEEKLY_REMOTE_CAP", ["2", "3"], "PermenPANRB 4/2025 Pasal 13 ayat (1)");

        var table = Render<RequestDayTable>(p => p.Add(c => c.Days, days).Add(c => c.Findings, [finding]));

        var third = table.Find("[data-testid=day-2026-12-16] [data-testid=day-findings-2026-12-16]");
        Assert.Contains("WEEKLY_REMOTE_CAP", third.TextContent, StringComparison.Ordinal);
        Assert.Contains("Batas kerja di luar kantor adalah 2 hari kerja per minggu; ini hari ke-3", third.TextContent, StringComparison.Ordinal);
        Assert.Empty(table.FindAll("[data-testid=day-2026-12-14] [data-testid^=day-findings]"));
        Assert.Empty(table.FindAll("[data-testid=day-2026-12-15] [data-testid^=day-findings]"));
    }

    [Fact]
    public void Removing_a_day_tells_the_form_to_check_again()
    {
        using var _ = new CultureScope("en-US");
        List<DayRow> days = [new() { Date = Monday, Mode = WorkMode.Home }, new() { Date = Monday.AddDays(1), Mode = WorkMode.Office }];
        var changed = 0;
        var table = Render<RequestDayTable>(p => p.Add(c => c.Days, days).Add(c => c.Changed, () => changed++));

        table.Find("[data-testid=day-2026-12-14] button[aria-label^='Remove']").Click();

        Assert.Single(days);
        Assert.Equal(1, changed);
    }
}
