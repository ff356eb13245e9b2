using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace FlexWork.Web.Tests.Api;

/// <summary>The monitoring through the API: a month's figures, the reports as CSV and XLSX, and the doors of every role.</summary>
public class MonitoringApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string ThisMonth => DateTime.UtcNow.AddHours(7).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_agency_leadership_reads_every_units_month_and_drills_down_to_people()
    {
        var sekjen = await fixture.ClientForAsync("sekjen@demo.go.id");
        var units = await sekjen.GetFromJsonAsync<JsonElement>("/api/v1/monitoring/units", Ct);
        Assert.Equal(5, units.GetArrayLength());
        var month = await sekjen.GetFromJsonAsync<JsonElement>($"/api/v1/monitoring/months/{ThisMonth}", Ct);
        Assert.True(month.GetProperty("wholeAgency").GetBoolean());
        Assert.Equal(5, month.GetProperty("rows").GetArrayLength());
        Assert.True(month.GetProperty("total").GetProperty("present").GetInt32() > 0);
        Assert.True(month.GetProperty("comparison").GetProperty("before").GetProperty("present").GetInt32() > 0);

        var sdm = units.EnumerateArray().Single(u => u.GetProperty("name").GetString() == "Biro Sumber Daya Manusia").GetProperty("id").GetGuid();
        var people = await sekjen.GetFromJsonAsync<JsonElement>($"/api/v1/monitoring/months/{ThisMonth}?unitId={sdm}", Ct);
        Assert.Contains(people.GetProperty("rows").EnumerateArray(), r => r.GetProperty("name").GetString() == "Andi Pratama" && r.GetProperty("nip").GetString()!.Length == 18);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await sekjen.GetAsync("/api/v1/monitoring/months/2026-13", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await sekjen.GetAsync("/api/v1/monitoring/months/2999-01", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await sekjen.GetAsync("/api/v1/monitoring/months/20%0126-12", Ct)).StatusCode); // control characters: screened
        Assert.Equal(HttpStatusCode.NotFound, (await sekjen.GetAsync($"/api/v1/monitoring/months/{ThisMonth}?unitId={Guid.NewGuid()}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Nobody_else_monitors_and_another_agency_does_not_see_the_units()
    {
        var admin = await fixture.ClientForAsync("admin@demo.go.id");
        var sdm = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/monitoring/units", Ct)).EnumerateArray().First().GetProperty("id").GetGuid();

        foreach (var email in new[] { "atasan@demo.go.id", "pegawai@demo.go.id", "platform@flexwork.local" })
        {
            var client = await fixture.ClientForAsync(email);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/monitoring/months/{ThisMonth}", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/monitoring/reports/usage?from={ThisMonth}&to={ThisMonth}", Ct)).StatusCode);
        }

        var other = await fixture.ClientForAsync("admin@demo2.go.id");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/monitoring/months/{ThisMonth}?unitId={sdm}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/monitoring/reports/usage?from={ThisMonth}&to={ThisMonth}&unitId={sdm}", Ct)).StatusCode);
        Assert.DoesNotContain("Biro Sumber Daya Manusia", await other.GetStringAsync($"/api/v1/monitoring/reports/usage?from={ThisMonth}&to={ThisMonth}", Ct), StringComparison.Ordinal);

        var anonymous = fixture.Factory.CreateClient(new() { AllowAutoRedirect = false });
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync($"/monitoring/reports/usage?from={ThisMonth}&to={ThisMonth}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/monitoring/months/{ThisMonth}", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_admin_grants_the_leadership_role_and_only_an_admin_of_the_same_agency_can()
    {
        var admin = await fixture.ClientForAsync("admin@demo.go.id");
        var bunga = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/employees?search=baru%40demo", Ct)).GetProperty("items")[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await (await fixture.ClientForAsync("baru@demo.go.id")).GetAsync($"/api/v1/monitoring/months/{ThisMonth}", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await fixture.ClientForAsync("sekjen@demo.go.id")).PutAsJsonAsync($"/api/v1/admin/employees/{bunga}/leadership", new { leads = true }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await fixture.ClientForAsync("admin@demo2.go.id")).PutAsJsonAsync($"/api/v1/admin/employees/{bunga}/leadership", new { leads = true }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/v1/admin/employees/{bunga}/leadership", new { leads = true }, Ct)).StatusCode);
        Assert.Contains(bunga, await admin.GetFromJsonAsync<Guid[]>("/api/v1/admin/employees/leadership", Ct) ?? []);

        var leader = await fixture.ClientForAsync("baru@demo.go.id"); // signed in anew: the role holds
        Assert.True((await leader.GetFromJsonAsync<JsonElement>($"/api/v1/monitoring/months/{ThisMonth}", Ct)).GetProperty("wholeAgency").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync("/api/v1/admin/units", Ct)).StatusCode); // read-only: no admin rights
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/v1/admin/employees/{bunga}/leadership", new { leads = false }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await fixture.ClientForAsync("baru@demo.go.id")).GetAsync($"/api/v1/monitoring/months/{ThisMonth}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Every_report_comes_as_csv_and_as_an_xlsx_that_a_spreadsheet_opens()
    {
        var admin = await fixture.ClientForAsync("admin@demo.go.id");
        var from = DateTime.UtcNow.AddHours(7).AddMonths(-3).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var report in new[] { "usage", "turnaround", "exceptions", "performance-by-mode", "presence" })
        {
            var csv = await admin.GetAsync($"/api/v1/monitoring/reports/{report}?from={from}&to={ThisMonth}", Ct);
            Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
            var lines = (await csv.Content.ReadAsStringAsync(Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(lines.Length > 1, $"{report} has rows");

            var xlsx = await admin.GetAsync($"/api/v1/monitoring/reports/{report}?from={from}&to={ThisMonth}&format=xlsx", Ct);
            Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
            var rows = ReadSheet(await xlsx.Content.ReadAsByteArrayAsync(Ct));
            Assert.Equal(lines.Length, rows.Count); // the same rows, header included
        }

        var usage = ReadSheet(await admin.GetByteArrayAsync($"/api/v1/monitoring/reports/usage?from={ThisMonth}&to={ThisMonth}&format=xlsx&level=person", Ct));
        Assert.Equal(["Unit", "NIP", "Nama", "Bulan"], usage[0].Take(4));
        Assert.Contains(usage, r => r.Contains("Andi Pratama"));

        var exceptions = await admin.GetStringAsync($"/api/v1/monitoring/reports/exceptions?from={from}&to={ThisMonth}", Ct);
        Assert.Contains("EMPLOYEE_NOT_ELIGIBLE", exceptions, StringComparison.Ordinal); // the demo's refused submissions

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await admin.GetAsync($"/api/v1/monitoring/reports/usage?from=2020-01&to={ThisMonth}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await admin.GetAsync($"/api/v1/monitoring/reports/usage?from={ThisMonth}&to={ThisMonth}&level=everyone", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/monitoring/reports/salaries?from={ThisMonth}&to={ThisMonth}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/monitoring/reports/usage?from={ThisMonth}&to={ThisMonth}&format=pdf", Ct)).StatusCode);
    }

    /// <summary>The first sheet's cells as text, row by row, read by the Open XML SDK as a spreadsheet program would.</summary>
    internal static List<List<string>> ReadSheet(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var part = document.WorkbookPart!;
        var sheet = part.WorksheetParts.Single().Worksheet.GetFirstChild<SheetData>()!;
        var shared = part.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        return
        [
            .. sheet.Elements<Row>().Select(row => row.Elements<Cell>().Select(cell => cell.DataType?.Value == CellValues.SharedString
                ? shared[int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)]
                : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? "").ToList()),
        ];
    }
}
