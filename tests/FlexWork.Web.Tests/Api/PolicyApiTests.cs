using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FlexWork.Tests.Shared;

namespace FlexWork.Web.Tests.Api;

public class PolicyApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Three weeks on: past every day the demo seed plans (its last pending request is two weeks and a day ahead at most).
    private static readonly DateOnly Monday = TestWeeks.NextMonday(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(21));

    [Fact]
    public async Task A_check_answers_200_with_findings_in_the_callers_language_and_saves_nothing()
    {
        var client = await fixture.ClientForAsync("pegawai@demo.go.id");
        StringContent Body() => Request(("Home", Monday, "07:30", "16:00"), ("Home", Monday.AddDays(1), "07:30", "16:00"), ("Home", Monday.AddDays(2), "07:30", "16:00"));

        var indonesian = await PostCheckAsync(client, Body(), "id-ID");
        Assert.Equal(1, indonesian.GetProperty("policyVersion").GetInt32());
        Assert.True(indonesian.GetProperty("blocked").GetBoolean());
        var finding = indonesian.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "WEEKLY_REMOTE_CAP");
        Assert.Equal(Monday.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), finding.GetProperty("date").GetString());
        Assert.Equal("Block", finding.GetProperty("severity").GetString());
        Assert.Equal("PermenPANRB 4/2025 Pasal 13 ayat (1)", finding.GetProperty("clause").GetString());
        Assert.Equal("Batas kerja di luar kantor adalah 2 hari kerja per minggu; ini hari ke-3 dalam minggu tersebut.", finding.GetProperty("message").GetString());

        var english = await PostCheckAsync(client, Body(), "en-US");
        Assert.Contains(english.GetProperty("findings").EnumerateArray(),
            f => f.GetProperty("message").GetString() == "The limit is 2 working days away from the office per week; this is day 3 of that week.");

        var clean = await PostCheckAsync(client, Request(("Home", Monday, "07:30", "16:00"), ("Office", Monday.AddDays(1), null, null)), "id-ID");
        Assert.False(clean.GetProperty("blocked").GetBoolean(), clean.ToString());
        Assert.Equal("Supervisor", clean.GetProperty("approvalRoute").GetString());
    }

    [Theory]
    [InlineData("""{"days":[]}""", "Days")]
    [InlineData("""{"days":[{"date":"2026-12-15","mode":"Home","start":"16:00","end":"07:30"}]}""", "Days[0].End")]
    [InlineData("""{"days":[{"date":"2026-12-15","mode":"Home"},{"date":"2026-12-15","mode":"Office"}]}""", "Days")]
    public async Task Malformed_requests_are_a_400_problem_that_names_the_field(string json, string field)
    {
        var client = await fixture.ClientForAsync("pegawai@demo.go.id");
        var response = await client.PostAsync("/api/v1/policy/check", new StringContent(json, Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData("""{"days":[{"date":"2026-12-15","mode":"Garden"}]}""")]
    [InlineData("""{"days":[{"date":"2026-12-15","mode":"Home","start":"25:99","end":"26:00"}]}""")]
    [InlineData("""{"days":""")]
    public async Task Unreadable_json_is_a_400_not_a_500(string json)
    {
        var client = await fixture.ClientForAsync("pegawai@demo.go.id");
        var response = await client.PostAsync("/api/v1/policy/check", new StringContent(json, Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_caller_sees_the_policy_in_force_for_their_unit_with_times_as_people_write_them()
    {
        var client = await fixture.ClientForAsync("pegawai@demo.go.id");
        var policy = await client.GetFromJsonAsync<JsonElement>("/api/v1/policy", Ct);
        Assert.Equal(1, policy.GetProperty("number").GetInt32());
        var settings = policy.GetProperty("settings");
        Assert.Equal(2, settings.GetProperty("caps").GetProperty("remoteDaysPerWeek").GetInt32());
        Assert.Equal("07:30", settings.GetProperty("time").GetProperty("standardStart").GetString());
        Assert.Equal(0, settings.GetProperty("unitOverrides").GetArrayLength());
    }

    [Fact]
    public async Task An_admin_edits_the_draft_publishes_and_compares_versions_through_the_api()
    {
        var client = await fixture.ClientForAsync("admin@demo.go.id");
        var draft = await client.GetFromJsonAsync<JsonElement>("/api/v1/admin/policy/draft", Ct);
        Assert.Equal(0u, draft.GetProperty("version").GetUInt32());
        var settings = JsonNodeOf(draft.GetProperty("settings"));
        settings["caps"]!["remoteDaysPerMonth"] = 6;

        var saved = await client.PutAsJsonAsync("/api/v1/admin/policy/draft", new { settings, version = 0 }, Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var stale = await client.PutAsJsonAsync("/api/v1/admin/policy/draft", new { settings, version = 0 }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        settings["safeguard"]!["maxAwayPercent"] = 150;
        var savedVersion = (await saved.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("version").GetUInt32();
        var invalid = await client.PutAsJsonAsync("/api/v1/admin/policy/draft", new { settings, version = savedVersion }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("0% dan 100%", await invalid.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var past = await client.PostAsJsonAsync("/api/v1/admin/policy/publish", new { effectiveFrom = "2020-01-01", legalReference = "SK", version = savedVersion }, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, past.StatusCode);
        var monday = Monday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var notWhatWasSeen = await client.PostAsJsonAsync("/api/v1/admin/policy/publish", new { effectiveFrom = monday, legalReference = "SK Sekjen 40/2026", version = savedVersion + 1 }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, notWhatWasSeen.StatusCode); // a draft someone saved since is not published unseen
        var published = await client.PostAsJsonAsync(
            "/api/v1/admin/policy/publish", new { effectiveFrom = monday, legalReference = "SK Sekjen 40/2026", version = savedVersion }, Ct);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var number = (await published.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("number").GetInt32();

        var diff = await client.GetFromJsonAsync<JsonElement>($"/api/v1/admin/policy/diff?from={number - 1}&to={number}", Ct);
        var change = Assert.Single(diff.EnumerateArray());
        Assert.Equal(("caps.remoteDaysPerMonth", "8", "6"), (change.GetProperty("path").GetString(), change.GetProperty("before").GetString(), change.GetProperty("after").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/admin/policy/versions/99", Ct)).StatusCode);
    }

    [Fact]
    public async Task Locations_and_calendar_entries_are_managed_with_clear_errors()
    {
        var client = await fixture.ClientForAsync("admin@demo.go.id");
        var created = await client.PostAsJsonAsync("/api/v1/admin/locations", new { name = "UPT Balai Diklat", kind = "OtherOffice", address = "Jl. Raya Bogor Km 30", latitude = -6.4, longitude = 106.8, radiusMeters = 200 }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var incomplete = await client.PostAsJsonAsync("/api/v1/admin/locations", new { name = "X", kind = "OtherLocation", address = "Jl. X", latitude = -6.4 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);

        var employeeView = await (await fixture.ClientForAsync("pegawai@demo.go.id")).GetFromJsonAsync<JsonElement>("/api/v1/locations", Ct);
        Assert.Contains(employeeView.EnumerateArray(), l => l.GetProperty("name").GetString() == "UPT Balai Diklat");

        var holiday = await client.PostAsJsonAsync("/api/v1/admin/calendar", new { date = "2026-10-01", kind = "AgencyHoliday", name = "Hari Jadi Kementerian" }, Ct);
        Assert.Equal(HttpStatusCode.Created, holiday.StatusCode);
        var id = (await holiday.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        var year = await client.GetFromJsonAsync<JsonElement>("/api/v1/admin/calendar?year=2026", Ct);
        Assert.Contains(year.EnumerateArray(), c => c.GetProperty("name").GetString() == "Hari Jadi Kementerian");
        Assert.Contains(year.EnumerateArray(), c => c.GetProperty("kind").GetString() == "CutiBersama");

        var otherAgency = await fixture.ClientForAsync("admin@demo2.go.id");
        Assert.Equal(HttpStatusCode.NotFound, (await otherAgency.DeleteAsync($"/api/v1/admin/calendar/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/admin/calendar/{id}", Ct)).StatusCode);

        // Ramadan is calendar data too: the coming year is added once the government sets it.
        var ramadan = await client.PostAsJsonAsync("/api/v1/admin/calendar/ramadan", new { from = "2035-01-10", to = "2035-02-08", name = "Ramadan 1456 H" }, Ct);
        Assert.Equal(HttpStatusCode.Created, ramadan.StatusCode);
        var ramadanId = (await ramadan.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        var tooLong = await client.PostAsJsonAsync("/api/v1/admin/calendar/ramadan", new { from = "2036-01-01", to = "2036-03-01", name = "Terlalu panjang" }, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        var periods = (await client.GetFromJsonAsync<JsonElement>("/api/v1/admin/calendar/ramadan", Ct)).GetProperty("periods");
        Assert.Contains(periods.EnumerateArray(), p => p.GetProperty("name").GetString() == "Ramadan 1456 H" && p.GetProperty("days").GetInt32() == 30);
        Assert.DoesNotContain((await otherAgency.GetFromJsonAsync<JsonElement>("/api/v1/admin/calendar/ramadan", Ct)).GetProperty("periods").EnumerateArray(),
            p => p.GetProperty("name").GetString() == "Ramadan 1456 H");
        Assert.Equal(HttpStatusCode.NotFound, (await otherAgency.DeleteAsync($"/api/v1/admin/calendar/ramadan/{ramadanId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/admin/calendar/ramadan/{ramadanId}", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("pegawai@demo.go.id")]
    [InlineData("atasan@demo.go.id")]
    [InlineData("platform@flexwork.local")]
    public async Task Admin_policy_endpoints_are_403_for_anyone_but_an_agency_admin(string email)
    {
        var client = await fixture.ClientForAsync(email);
        var id = Guid.NewGuid();
        var calls = new Func<Task<HttpResponseMessage>>[]
        {
            () => client.GetAsync("/api/v1/admin/policy/versions", Ct),
            () => client.GetAsync("/api/v1/admin/policy/versions/1", Ct),
            () => client.GetAsync("/api/v1/admin/policy/diff?from=0&to=1", Ct),
            () => client.GetAsync("/api/v1/admin/policy/draft", Ct),
            () => client.PutAsJsonAsync("/api/v1/admin/policy/draft", new { settings = new { }, version = 0 }, Ct),
            () => client.DeleteAsync("/api/v1/admin/policy/draft?version=0", Ct),
            () => client.PostAsJsonAsync("/api/v1/admin/policy/publish", new { effectiveFrom = "2030-01-01", legalReference = "SK" }, Ct),
            () => client.PostAsJsonAsync("/api/v1/admin/policy/draft/preview", new { }, Ct),
            () => client.GetAsync("/api/v1/admin/locations", Ct),
            () => client.PostAsJsonAsync("/api/v1/admin/locations", new { name = "X" }, Ct),
            () => client.PutAsJsonAsync($"/api/v1/admin/locations/{id}", new { name = "X" }, Ct),
            () => client.GetAsync("/api/v1/admin/calendar", Ct),
            () => client.PostAsJsonAsync("/api/v1/admin/calendar", new { name = "X" }, Ct),
            () => client.DeleteAsync($"/api/v1/admin/calendar/{id}", Ct),
        };
        foreach (var call in calls)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await call()).StatusCode);
        }
    }

    [Fact]
    public async Task The_platform_admin_has_no_policy_of_their_own_to_check()
    {
        var client = await fixture.ClientForAsync("platform@flexwork.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/policy", Ct)).StatusCode);
        var body = Request(("Home", Monday, null, null));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/v1/policy/check", body, Ct)).StatusCode);
    }

    [Fact]
    public async Task Another_agency_never_sees_demos_versions()
    {
        var client = await fixture.ClientForAsync("admin@demo2.go.id");
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/api/v1/admin/policy/versions", Ct)).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/admin/policy/versions/1", Ct)).StatusCode);
    }

    private static System.Text.Json.Nodes.JsonNode JsonNodeOf(JsonElement element) => System.Text.Json.Nodes.JsonNode.Parse(element.GetRawText())!;

    private static StringContent Request(params (string Mode, DateOnly Date, string? Start, string? End)[] days)
    {
        var json = JsonSerializer.Serialize(new
        {
            days = days.Select(d => new { date = d.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), mode = d.Mode, start = d.Start, end = d.End }),
            reason = "Menyusun laporan",
            workPlan = new[] { new { output = "Laporan analisis jabatan", indicator = "Dokumen", target = "1" } },
        });
        return new StringContent(json, Encoding.UTF8, "application/json");
    }

    private static async Task<JsonElement> PostCheckAsync(HttpClient client, StringContent body, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/policy/check") { Content = body };
        request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }
}
