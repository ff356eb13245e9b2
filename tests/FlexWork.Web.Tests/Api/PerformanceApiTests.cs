using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace FlexWork.Web.Tests.Api;

/// <summary>Kinerja through the API: the demo story read back, a target proposed and agreed, and the doors of every role.</summary>
public class PerformanceApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_target_is_proposed_and_agreed_and_the_predikat_of_last_month_reads_back()
    {
        var bunga = await fixture.ClientForAsync("baru@demo.go.id");
        var running = await PeriodAsync(bunga, "Running");
        var created = await bunga.PostAsJsonAsync($"/api/v1/performance/periods/{running}/targets", new
        {
            rhk = "Terverifikasinya berkas usulan pensiun", indicator = "Jumlah berkas yang diverifikasi", aspect = "Kuantitas", value = 25, unit = "berkas",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = draft.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/performance/targets/{id}", created.Headers.Location?.ToString());

        var proposed = await (await bunga.PostAsJsonAsync($"/api/v1/performance/targets/{id}/propose", new { version = draft.GetProperty("version").GetUInt32() }, Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Proposed", proposed.GetProperty("state").GetString());

        var siti = await fixture.ClientForAsync("atasan@demo.go.id");
        Assert.Contains((await siti.GetFromJsonAsync<JsonElement>("/api/v1/performance/team/targets/pending", Ct)).EnumerateArray(), t => t.GetProperty("id").GetGuid() == id);
        var agree = new { comment = "Setuju", version = proposed.GetProperty("version").GetUInt32() };
        Assert.Equal(HttpStatusCode.NotFound, (await (await fixture.ClientForAsync("pegawai@demo2.go.id")).PostAsJsonAsync($"/api/v1/performance/targets/{id}/agree", agree, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await fixture.ClientForAsync("pegawai@demo.go.id")).PostAsJsonAsync($"/api/v1/performance/targets/{id}/agree", agree, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bunga.PostAsJsonAsync($"/api/v1/performance/targets/{id}/agree", agree, Ct)).StatusCode);
        var agreed = await siti.PostAsJsonAsync($"/api/v1/performance/targets/{id}/agree", agree, Ct);
        Assert.Equal("Agreed", (await agreed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await siti.PostAsJsonAsync($"/api/v1/performance/targets/{id}/return", new { comment = "x", agree.version }, Ct)).StatusCode);

        var andi = await fixture.ClientForAsync("pegawai@demo.go.id");
        var last = await PeriodAsync(andi, "Closed");
        var evaluation = await andi.GetFromJsonAsync<JsonElement>($"/api/v1/performance/periods/{last}/evaluation", Ct);
        Assert.Equal(("Final", "Baik"), (evaluation.GetProperty("state").GetString(), evaluation.GetProperty("predikat").GetString()));
    }

    [Fact]
    public async Task Bad_input_is_a_422_in_the_callers_language_and_stores_nothing()
    {
        var bunga = await fixture.ClientForAsync("baru@demo.go.id");
        var running = await PeriodAsync(bunga, "Running");
        var before = (await bunga.GetFromJsonAsync<JsonElement>($"/api/v1/performance/periods/{running}/targets", Ct)).GetArrayLength();

        var negative = await bunga.PostAsJsonAsync($"/api/v1/performance/periods/{running}/targets", new { rhk = "RHK", indicator = "Jumlah", aspect = "Kuantitas", value = -4, unit = "berkas" }, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, negative.StatusCode);
        Assert.Contains("TARGET_VALUE_INVALID", await negative.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var english = new HttpRequestMessage(HttpMethod.Put, "/api/v1/performance/reports/days/9999-12-31") { Content = JsonContent.Create(new { items = new[] { new { activity = "x" } } }) };
        english.Headers.AcceptLanguage.ParseAdd("en");
        var farFuture = await bunga.SendAsync(english, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, farFuture.StatusCode);
        Assert.Contains("REPORT_DAY_FUTURE", await farFuture.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(before, (await bunga.GetFromJsonAsync<JsonElement>($"/api/v1/performance/periods/{running}/targets", Ct)).GetArrayLength());
    }

    [Theory]
    [InlineData("platform@flexwork.local", "/api/v1/performance/reports", HttpStatusCode.Forbidden)]
    [InlineData("admin@demo2.go.id", "/api/v1/performance/team/reports", HttpStatusCode.OK)]
    public async Task Accounts_that_are_no_employee_are_refused_and_another_agency_sees_nothing(string email, string url, HttpStatusCode status)
    {
        var client = await fixture.ClientForAsync(email);
        var response = await client.GetAsync(url, Ct);
        Assert.Equal(status, response.StatusCode);
        if (status == HttpStatusCode.OK)
        {
            Assert.Empty((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray());
        }
    }

    [Fact]
    public async Task Only_an_agency_admin_opens_and_moves_periods()
    {
        var andi = await fixture.ClientForAsync("pegawai@demo.go.id");
        var running = await PeriodAsync(andi, "Running");
        Assert.Equal(HttpStatusCode.Forbidden, (await andi.PostAsync("/api/v1/admin/performance/periods", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await andi.PostAsJsonAsync($"/api/v1/admin/performance/periods/{running}/advance", new { version = 1 }, Ct)).StatusCode);
        var demo2 = await fixture.ClientForAsync("admin@demo2.go.id");
        Assert.Equal(HttpStatusCode.NotFound, (await demo2.PostAsJsonAsync($"/api/v1/admin/performance/periods/{running}/advance", new { version = 1 }, Ct)).StatusCode);

        var opened = await demo2.PostAsync("/api/v1/admin/performance/periods", null, Ct);
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        Assert.Equal("Planning", (await opened.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("state").GetString());
        Assert.DoesNotContain((await andi.GetFromJsonAsync<JsonElement>("/api/v1/performance/periods", Ct)).EnumerateArray(), p => p.GetProperty("state").GetString() == "Planning");
    }

    [Fact]
    public async Task Evidence_on_a_report_is_uploaded_by_its_employee_downloaded_by_the_supervisor_and_hidden_from_everyone_else()
    {
        var andi = await fixture.ClientForAsync("pegawai@demo.go.id");
        var report = await WrittenReportAsync(andi);
        var id = report.GetProperty("id").GetGuid();
        using var photo = new ByteArrayContent([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46]);
        photo.Headers.Add("X-File-Name", "foto-rapat.jpg");
        var created = await andi.PostAsync($"/api/v1/performance/reports/{id}/evidence", photo, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var file = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(("foto-rapat.jpg", "image/jpeg"), (file.GetProperty("fileName").GetString(), file.GetProperty("contentType").GetString()));
        var download = created.Headers.Location!.ToString();

        var siti = await fixture.ClientForAsync("atasan@demo.go.id");
        var fetched = await siti.GetAsync(download, Ct);
        Assert.Equal(("image/jpeg", 10), (fetched.Content.Headers.ContentType?.MediaType, (await fetched.Content.ReadAsByteArrayAsync(Ct)).Length));
        using var bySiti = new ByteArrayContent("%PDF-1.7"u8.ToArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await siti.PostAsync($"/api/v1/performance/reports/{id}/evidence", bySiti, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await fixture.ClientForAsync("pegawai@demo2.go.id")).GetAsync(download, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await fixture.ClientForAsync("baru@demo.go.id")).DeleteAsync(download, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await fixture.ClientForAsync("platform@flexwork.local")).GetAsync(download, Ct)).StatusCode);

        using var text = new ByteArrayContent("catatan rapat"u8.ToArray());
        var refused = await andi.PostAsync($"/api/v1/performance/reports/{id}/evidence", text, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("PDF, JPG atau PNG", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var removed = await andi.DeleteAsync(download, Ct);
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.DoesNotContain((await removed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("evidence").EnumerateArray(),
            e => e.GetProperty("id").GetGuid() == file.GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.NotFound, (await siti.GetAsync(download, Ct)).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_performance_operations()
    {
        var document = await fixture.Factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/performance/periods/{periodId}/targets", paths);
        Assert.Contains("/api/v1/performance/reports/days/{date}", paths);
        Assert.Contains("/api/v1/performance/reports/{id}/evidence/{evidenceId}", paths);
        Assert.Contains("/api/v1/performance/team/periods/{periodId}/evaluations/{employeeId}", paths);
        Assert.Contains("/api/v1/admin/performance/periods/{id}/advance", paths);
    }

    private static async Task<Guid> PeriodAsync(HttpClient client, string state) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/performance/periods", Ct)).EnumerateArray().First(p => p.GetProperty("state").GetString() == state).GetProperty("id").GetGuid();

    /// <summary>Andi's report for the latest day that takes one, written if it was not.</summary>
    private static async Task<JsonElement> WrittenReportAsync(HttpClient andi)
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        for (var i = 0; i < 14; i++, day = day.AddDays(-1))
        {
            var form = await andi.GetFromJsonAsync<JsonElement>($"/api/v1/performance/reports/days/{day:yyyy-MM-dd}", Ct);
            if (form.GetProperty("notReportable").ValueKind == JsonValueKind.Null)
            {
                if (form.GetProperty("day").GetProperty("report") is { ValueKind: JsonValueKind.Object } report)
                {
                    return report;
                }

                var written = await andi.PutAsJsonAsync($"/api/v1/performance/reports/days/{day:yyyy-MM-dd}", new { items = new[] { new { activity = "Rapat koordinasi pelatihan" } } }, Ct);
                return await written.Content.ReadFromJsonAsync<JsonElement>(Ct);
            }
        }

        throw new InvalidOperationException("No reportable day in the last two weeks");
    }
}
