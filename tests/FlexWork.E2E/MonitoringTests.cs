using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlexWork.E2E;

/// <summary>
/// Pasal 35 in Chromium: the Sekretaris Jenderal (head of the top unit, and the agency's
/// leadership) opens the monitoring dashboard, drills down to Biro SDM's people, downloads the
/// month as XLSX, which the test opens, and prints the monev report; a supervisor who heads no
/// unit is not let in.
/// </summary>
[Collection(BrowserCollection.Name)]
public class MonitoringTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_unit_head_opens_the_dashboard_drills_down_and_downloads_the_month_as_xlsx()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "sekjen@demo.go.id");
        await page.Locator("[data-testid=nav-monitoring]").ClickAsync();
        await Expect(page.Locator("[data-testid=monitoring-summary][data-loaded]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=table-modes] tbody tr")).ToHaveCountAsync(5);
        await Expect(page.Locator("[data-testid=chart-modes] svg")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=table-before-after]")).ToContainTextAsync("Hari kerja fleksibel");
        await BrowserFixture.CheckPageAsync(page, "90-monitoring-agency");

        await page.Locator("[data-testid=table-modes] [data-testid=monitoring-drill]", new() { HasText = "Biro Sumber Daya Manusia" }).ClickAsync();
        await Expect(page.Locator("[data-testid=table-modes]")).ToContainTextAsync("Andi Pratama");
        await Expect(page.Locator("[data-testid=table-presence]")).ToContainTextAsync("Bunga Lestari");
        await BrowserFixture.CheckPageAsync(page, "91-monitoring-unit-people");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=monitoring-download-xlsx]").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        var file = Path.Combine(BrowserFixture.ScreenshotDirectory, download.SuggestedFilename);
        await download.SaveAsAsync(file);
        var rows = ReadSheet(file);
        Assert.Equal(["Unit", "NIP", "Nama", "Bulan", "Pegawai", "Hari kerja", "Kantor"], rows[0].Take(7));
        var andi = Assert.Single(rows, r => r.Contains("Andi Pratama"));
        Assert.Equal(("Biro Sumber Daya Manusia", "197601242001011004"), (andi[0], andi[1]));
        Assert.True(int.Parse(andi[5], System.Globalization.CultureInfo.InvariantCulture) > 0, "working days are numbers");

        await page.Locator("[data-testid=monitoring-monev]").ClickAsync();
        await Expect(page.Locator("[data-testid=monev-report]")).ToContainTextAsync("Kementerian Contoh");
        await Expect(page.Locator("[data-testid=monev-signatures]")).ToContainTextAsync("Ratna Dewi Kusumawati");
        await BrowserFixture.CheckPageAsync(page, "92-monev-report");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator(".mud-appbar")).ToBeHiddenAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "93-monev-print.png"), FullPage = true });
    }

    [Fact]
    public async Task The_dashboard_fits_a_phone_and_a_supervisor_who_heads_no_unit_is_not_let_in()
    {
        var phone = await browser.NewPageAsync(390, 844);
        await BrowserFixture.SignInAsync(phone, "sekjen@demo.go.id");
        await phone.GotoAsync("/monitoring");
        await BrowserFixture.WaitForInteractiveAsync(phone);
        await Expect(phone.Locator("[data-testid=monitoring-summary][data-loaded]")).ToHaveCountAsync(1);
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), "no sideways scrolling of the page");
        await BrowserFixture.CheckPageAsync(phone, "94-monitoring-phone");

        var siti = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(siti, "atasan@demo.go.id");
        await Expect(siti.Locator("[data-testid=nav-monitoring]")).ToHaveCountAsync(0);
        await siti.GotoAsync("/monitoring");
        await Expect(siti.Locator("[data-testid=monitoring-summary]")).ToHaveCountAsync(0);
    }

    private static List<List<string>> ReadSheet(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet.GetFirstChild<SheetData>()!;
        return [.. sheet.Elements<Row>().Select(row => row.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "").ToList())];
    }
}
